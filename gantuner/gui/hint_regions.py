"""Hints' step ranges as translucent bands behind the curves.

One :class:`pyqtgraph.LinearRegionItem` per hint and plot, coloured by
severity, kept by hint id and moved in place when the live diagnosis
repeats a hint with a longer range (no flicker, no item churn).  Bands do
not move when dragged and do not change the plots' auto-range.  A band's
tooltip names its hint; ``highlight`` makes one hint's bands stronger (e.g.
while its card is clicked in the hints panel).
"""

from __future__ import annotations

from typing import Iterable

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ..diagnosis.hints import Hint
from . import i18n

translate = QCoreApplication.translate

SEVERITY_COLOURS = {"critical": "#C0392B", "warning": "#E69F00", "info": "#0072B2"}
ALPHA = {"critical": 45, "warning": 40, "info": 22}
HIGHLIGHT_ALPHA = 90
Z_VALUE = -20  # behind the curves and the grid


class HintRegions:
    def __init__(self, plots: Iterable[pg.PlotItem] = ()) -> None:
        self._plots: list[pg.PlotItem] = []
        self._regions: dict[str, list[pg.LinearRegionItem]] = {}
        self._hints: dict[str, Hint] = {}
        self._highlighted: str | None = None
        self.language: str | None = None  # None: the app's language (gantuner.gui.i18n)
        for plot in plots:
            self.add_plot(plot)

    def add_plot(self, plot: pg.PlotItem) -> None:
        """Also draw the bands on ``plot`` (e.g. the quality panel added later)."""
        self._plots.append(plot)
        for hint_id, regions in self._regions.items():
            region = self._make(self._hints[hint_id])
            plot.addItem(region, ignoreBounds=True)
            regions.append(region)

    def hint_ids(self) -> list[str]:
        return list(self._regions)

    def regions(self, hint_id: str) -> list[pg.LinearRegionItem]:
        return list(self._regions.get(hint_id, []))

    def set_hints(self, hints: Iterable[Hint]) -> int:
        """Show these hints' ranges; return how many bands were added, moved or removed."""
        hints = {h.id: h for h in hints}
        changed = 0
        for hint_id in [i for i in self._regions if i not in hints]:
            for plot, region in zip(self._plots, self._regions.pop(hint_id)):
                plot.removeItem(region)
                changed += 1
            del self._hints[hint_id]
        for hint_id, hint in hints.items():
            old = self._hints.get(hint_id)
            self._hints[hint_id] = hint
            if hint_id not in self._regions:
                self._regions[hint_id] = []
                for plot in self._plots:
                    region = self._make(hint)
                    plot.addItem(region, ignoreBounds=True)
                    self._regions[hint_id].append(region)
                    changed += 1
                continue
            for region in self._regions[hint_id]:
                if tuple(region.getRegion()) != tuple(map(float, hint.step_range)):
                    region.setRegion(hint.step_range)
                    changed += 1
                if old is None or old.severity != hint.severity or old.title_en != hint.title_en:
                    self._style(region, hint)
        if self._highlighted not in self._regions:
            self._highlighted = None
        return changed

    def highlight(self, hint_id: str | None) -> None:
        """Draw ``hint_id``'s bands stronger (None: none)."""
        previous, self._highlighted = self._highlighted, hint_id if hint_id in self._regions else None
        for changed in {previous, self._highlighted} - {None}:
            for region in self._regions.get(changed, []):
                self._style(region, self._hints[changed])

    def clear(self) -> None:
        self.set_hints([])

    def set_language(self, language: str | None) -> None:
        """Tooltips in ``language`` ("en", "ja", or None for the app's language)."""
        self.language = language
        for hint_id, regions in self._regions.items():
            for region in regions:
                region.setToolTip(self._tooltip(self._hints[hint_id]))

    # ---- internals -------------------------------------------------------------
    def _make(self, hint: Hint) -> pg.LinearRegionItem:
        region = pg.LinearRegionItem(values=hint.step_range, orientation="vertical", movable=False)
        region.setZValue(Z_VALUE)
        self._style(region, hint)
        return region

    def _style(self, region: pg.LinearRegionItem, hint: Hint) -> None:
        fill = QColor(SEVERITY_COLOURS[hint.severity])
        fill.setAlpha(HIGHLIGHT_ALPHA if hint.id == self._highlighted else ALPHA[hint.severity])
        edge = QColor(SEVERITY_COLOURS[hint.severity])
        edge.setAlpha(2 * fill.alpha())
        region.setBrush(pg.mkBrush(fill))
        for line in region.lines:
            line.setPen(pg.mkPen(edge, width=1))
        region.setToolTip(self._tooltip(hint))
        region.update()

    def _tooltip(self, hint: Hint) -> str:
        language = self.language or i18n.current_language()
        first, last = hint.step_range
        steps = translate("HintRegions", "steps {first}–{last}").format(first=f"{first:,}", last=f"{last:,}")
        return f"{hint.title(language)}\n{steps}"
