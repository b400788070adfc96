"""Hints' step ranges as translucent bands behind the curves.

One :class:`HintBand` per hint and plot, coloured by severity, kept by hint
id and moved in place when the live diagnosis repeats a hint with a longer
range (no flicker, no item churn).  Bands are plain Qt rectangle items, so
Qt paints them without entering Python (pyqtgraph's LinearRegionItem painted
itself and its two edge lines in Python on every frame, holding the GIL the
training thread needs); they span the plot's height and are refitted when its
value range changes.  A band's tooltip names its hint; ``highlight`` makes one
hint's bands stronger (e.g. while its card is clicked in the hints panel).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from .. import number_format
from ..diagnosis.hints import Hint
from . import i18n

translate = QCoreApplication.translate

SEVERITY_COLOURS = {"critical": "#C0392B", "warning": "#E69F00", "info": "#0072B2"}
ALPHA = {"critical": 45, "warning": 40, "info": 22}
HIGHLIGHT_ALPHA = 90
Z_VALUE = -20  # behind the curves (siblings in the view box)
# A band reaches this many times the shown value range above and below it, so
# that it still fills the height while a pan or zoom is in progress.
HEIGHT_MARGIN = 10.0


class HintBand(QGraphicsRectItem):
    """A step range drawn across a plot's full height."""

    movable = False  # as pyqtgraph's regions say; these never move by drag

    def __init__(self, step_range: tuple[float, float]):
        super().__init__()
        self._region = (float(step_range[0]), float(step_range[1]))
        self._height = (0.0, 1.0)

    def getRegion(self) -> tuple[float, float]:  # noqa: N802  (pyqtgraph's name)
        return self._region

    def setRegion(self, step_range: tuple[float, float]) -> None:  # noqa: N802
        self._region = (float(step_range[0]), float(step_range[1]))
        self._place()

    def fit_height(self, low: float, high: float) -> None:
        span = max(high - low, 1e-12)
        self._height = (low - HEIGHT_MARGIN * span, high + HEIGHT_MARGIN * span)
        self._place()

    def _place(self) -> None:
        (first, last), (low, high) = self._region, self._height
        self.setRect(QRectF(first, low, max(last - first, 0.0), high - low))


class HintRegions:
    def __init__(self, plots: Iterable[pg.PlotItem] = ()) -> None:
        self._plots: list[pg.PlotItem] = []
        self._regions: dict[str, list[HintBand]] = {}
        self._hints: dict[str, Hint] = {}
        self._highlighted: str | None = None
        self.language: str | None = None  # None: the app's language (gantuner.gui.i18n)
        for plot in plots:
            self.add_plot(plot)

    def add_plot(self, plot: pg.PlotItem) -> None:
        """Also draw the bands on ``plot`` (e.g. the quality panel added later)."""
        self._plots.append(plot)
        index = len(self._plots) - 1
        plot.getViewBox().sigYRangeChanged.connect(lambda _box, y_range, i=index: self._refit(i, y_range))
        for hint_id, regions in self._regions.items():
            regions.append(self._add(plot, self._hints[hint_id]))

    def hint_ids(self) -> list[str]:
        return list(self._regions)

    def regions(self, hint_id: str) -> list[HintBand]:
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
                self._regions[hint_id] = [self._add(plot, hint) for plot in self._plots]
                changed += len(self._plots)
                continue
            for region in self._regions[hint_id]:
                if tuple(region.getRegion()) != tuple(map(float, hint.step_range)):
                    region.setRegion(hint.step_range)
                    changed += 1
                if old is None or old.severity != hint.severity or old.title() != hint.title():
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

    def key_entries(self) -> list[tuple[str, str]]:
        """(colour, "title, steps a–b") of each hint drawn, for a key beside the plots:
        bands of several hints overlap, and a tooltip is not a way to tell them apart."""
        language = self.language or i18n.current_language()
        entries = []
        for hint in sorted(self._hints.values(), key=lambda h: tuple(h.step_range)):
            first, last = hint.step_range
            steps = translate("HintRegions", "steps {first}–{last}").format(first=number_format.count(first), last=number_format.count(last))
            entries.append((SEVERITY_COLOURS[hint.severity], f"{hint.title(language)} ({steps})"))
        return entries

    def set_language(self, language: str | None) -> None:
        """Tooltips in ``language`` ("en", "ja", or None for the app's language)."""
        self.language = language
        for hint_id, regions in self._regions.items():
            for region in regions:
                region.setToolTip(self._tooltip(self._hints[hint_id]))

    # ---- internals -------------------------------------------------------------
    def _add(self, plot: pg.PlotItem, hint: Hint) -> HintBand:
        band = HintBand(hint.step_range)
        band.fit_height(*plot.getViewBox().viewRange()[1])
        self._style(band, hint)
        plot.addItem(band, ignoreBounds=True)
        band.setZValue(Z_VALUE)  # after addItem, which lifts items above the view box
        return band

    def _refit(self, plot_index: int, y_range) -> None:
        for regions in self._regions.values():
            regions[plot_index].fit_height(*y_range)

    def _style(self, band: HintBand, hint: Hint) -> None:
        fill = QColor(SEVERITY_COLOURS[hint.severity])
        fill.setAlpha(HIGHLIGHT_ALPHA if hint.id == self._highlighted else ALPHA[hint.severity])
        edge = QColor(SEVERITY_COLOURS[hint.severity])
        edge.setAlpha(2 * fill.alpha())
        band.setBrush(QBrush(fill))
        pen = QPen(edge)
        pen.setCosmetic(True)
        pen.setWidthF(0.0)  # Qt's one-pixel line: the band's start and end
        band.setPen(pen)
        band.setToolTip(self._tooltip(hint))

    def _tooltip(self, hint: Hint) -> str:
        language = self.language or i18n.current_language()
        first, last = hint.step_range
        steps = translate("HintRegions", "steps {first}–{last}").format(first=number_format.count(first), last=number_format.count(last))
        return f"{hint.title(language)}\n{steps}"
