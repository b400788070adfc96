"""Knob-change markers: a vertical line on every plot, labelled on the loss plot.

Labels use the knob's own label in the interface language ("D learning rate
2e-4 → 1e-4", not ``lr_d``) and never pile up: markers closer than a few
pixels share one label ("D dropout 0 → 0.3 · D steps per step 1 → 5"), and
labels that would overlap sideways are stacked in rows under the plot's top
edge (a marker with no free row joins its left neighbour's label).  The
layout is redone when the step range shown or the plot's size changes.
Each line's tooltip names its own change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem

from .. import knobs as knob_table
from . import i18n, plot_style

MERGE_PX = 10        # markers closer than this share one label
LABEL_GAP_PX = 6     # room kept between labels in a row
ROWS = 4             # label rows under the top edge, before markers merge
ROW_PX = 17
LABEL_PADDING_PX = 3  # a TextItem's margin each side of its text
TOP_POSITION = 0.99  # along the line: 0 bottom, 1 top
SEPARATOR = " · "


def knob_change_text(event: dict[str, Any], language: str) -> str:
    """"D learning rate 2e-4 → 1e-4": a knob change in a learner's words."""
    name = str(event.get("knob", "?"))
    knob = knob_table.KNOBS.get(name)
    label = knob.label(language) if knob is not None else name
    old = knob_table.format_value(name, event.get("old"))
    new = knob_table.format_value(name, event.get("new"))
    return f"{label} {old} → {new}"


@dataclass
class Marker:
    step: float
    text_of: Callable[[], str]              # re-read after a language change
    lines: list[pg.InfiniteLine] = field(default_factory=list)
    text: str = ""                          # as last read (the layout runs with every range change)

    @property
    def label(self) -> pg.InfLineLabel:
        return self.lines[0].label          # the loss plot's line carries the label


class KnobMarkers:
    def __init__(self, plots: list[pg.PlotItem]) -> None:
        self._plots = plots                 # the first one carries the labels
        self._markers: list[Marker] = []
        box = plots[0].getViewBox()
        box.sigXRangeChanged.connect(lambda *_: self.layout())
        box.sigResized.connect(lambda *_: self.layout())
        self._shown: tuple = ()

    def add(self, step: float, text: str | Callable[[], str]) -> None:
        text_of = text if callable(text) else (lambda: text)
        marker = Marker(float(step), text_of, text=text_of())
        for index, plot in enumerate(self._plots):
            labelled = index == 0
            line = pg.InfiniteLine(
                pos=float(step), angle=90, movable=False, pen=plot_style.pen(plot_style.MARKER, 160),
                label="" if labelled else None,
                labelOpts={"position": TOP_POSITION, "anchors": [(0, 0), (0, 0)], "color": plot_style.MARKER,
                           "fill": (255, 255, 255, 220)} if labelled else None)
            line.setToolTip(marker.text)
            plot.addItem(line, ignoreBounds=True)
            line.setZValue(50)  # over the curves: the labels stay readable
            if labelled:  # render the label text once, not on every frame
                line.label.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            marker.lines.append(line)
        self._markers.append(marker)
        self._markers.sort(key=lambda m: m.step)
        self._shown = ()
        self.layout()

    def add_knob_change(self, event: dict[str, Any]) -> None:
        self.add(float(event.get("step", 0)), lambda: knob_change_text(event, i18n.current_language()))

    def markers(self) -> list[tuple[float, str]]:
        return [(m.step, m.text) for m in self._markers]

    def shown_labels(self) -> list[tuple[float, str, float]]:
        """(step, text, position along the line) of each label drawn."""
        return [(m.step, m.label.toPlainText(), m.label.orthoPos) for m in self._markers if m.label.isVisible()]

    def clear(self) -> None:
        for marker in self._markers:
            for line in marker.lines:
                box = line.getViewBox()
                if box is not None:
                    box.removeItem(line)
        self._markers.clear()
        self._shown = ()

    def retranslate(self) -> None:
        for marker in self._markers:
            marker.text = marker.text_of()
            for line in marker.lines:
                line.setToolTip(marker.text)
        self._shown = ()
        self.layout()

    def layout(self) -> None:
        """Merge close markers into one label and stack labels that would overlap.

        Runs with every change of the step range shown (each frame while the
        curves follow a run), so it measures texts with font metrics and only
        touches a label whose text, row or visibility changes.
        """
        if not self._markers:
            return
        box = self._plots[0].getViewBox()
        (x0, x1), width, height = box.viewRange()[0], box.width(), box.height()
        if width <= 0 or height <= 0 or x1 <= x0:
            return
        px_per_step = width / (x1 - x0)
        key = (round(x0, 6), round(x1, 6), width, height, len(self._markers))
        if key == self._shown:
            return
        self._shown = key
        metrics = QFontMetricsF(self._markers[0].label.textItem.font())
        groups: list[list[int]] = []
        for i, marker in enumerate(self._markers):
            if groups and (marker.step - self._markers[groups[-1][-1]].step) * px_per_step < MERGE_PX:
                groups[-1].append(i)
            else:
                groups.append([i])
        row_ends = [-1e18] * ROWS     # the right edge (px) of the last label in each row
        placed: list[tuple[list[int], int]] = []
        for group in groups:
            x = (self._markers[group[0]].step - x0) * px_per_step
            row = next((r for r, end in enumerate(row_ends) if end + LABEL_GAP_PX <= x), None)
            if row is None and placed:    # no free row: join the neighbour on the left
                placed[-1][0].extend(group)
                continue
            row = row or 0
            row_ends[row] = x + metrics.horizontalAdvance(self._text(group)) + 2 * LABEL_PADDING_PX
            placed.append((group, row))
        shown = set()
        for group, row in placed:
            self._set_label(self._markers[group[0]].label, self._text(group), row, height)
            shown.add(group[0])
        for i, marker in enumerate(self._markers):
            if i not in shown and marker.label.isVisible():
                marker.label.setVisible(False)

    def _text(self, group: list[int]) -> str:
        return SEPARATOR.join(self._markers[i].text for i in group)

    @staticmethod
    def _set_label(label: pg.InfLineLabel, text: str, row: int, height: float) -> None:
        if not label.isVisible():
            label.setVisible(True)  # (a hidden label ignores new text)
        # Braces doubled: the label's text is a format string for the line's value.
        text = text.replace("{", "{{").replace("}", "}}")
        if label.format != text:
            label.setFormat(text)
        position = max(0.05, TOP_POSITION - row * ROW_PX / height)
        if label.orthoPos != position:
            label.setPosition(position)
