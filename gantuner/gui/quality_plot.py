"""The "Quality" curve panel: the quality_* numbers measured every few hundred steps.

The numbers live on different scales (shares 0..1, mode and class counts,
the Fréchet distance in the tens), so the default view draws every metric
at once with each curve that leaves 0..1.5 divided by its largest value,
said in its key above the plot ("÷ 41.2"); choosing one metric in the combo box draws
its raw values.  A NaN (a diverged generator) is drawn as a gap.
"""

from __future__ import annotations

import html
import math
from typing import Any, Iterable, Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..metrics import MetricTable
from ..quality.descriptions import QUALITY_METRICS
from . import i18n, plot_style
from .native_paint import PlotView

translate = QCoreApplication.translate

PREFIX = "quality_"
ALL = ""  # the combo box's entry for "every metric"
SHARE_LIMIT = 1.5  # curves within +-this are drawn unscaled in the "every metric" view
# Okabe-Ito without its yellow (too faint on white), in order of appearance.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999")


def metric_label(key: str, language: str) -> str:
    metric = QUALITY_METRICS.get(key)
    return metric.label(language) if metric else key.removeprefix(PREFIX).replace("_", " ")


def scale_of(values: np.ndarray) -> float:
    """1 for a curve that fits the shares' axis, else its largest magnitude."""
    finite = np.abs(values[np.isfinite(values)])
    if not finite.size or finite.max() <= SHARE_LIMIT:
        return 1.0
    return float(finite.max())


class QualityPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plot_style.configure()
        self.setObjectName("qualityPlot")
        self.language = i18n.current_language()
        self._steps: dict[str, list[float]] = {}
        self._values: dict[str, list[float]] = {}
        self._step_axis_of: pg.PlotItem | None = None
        self._curves: dict[str, pg.PlotDataItem] = {}

        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.choice = QComboBox(self)
        self.choice.setObjectName("qualityMetric")
        self.choice.currentIndexChanged.connect(lambda _index: self.redraw())
        self.plot_widget = PlotView(self)
        item = self.plot_widget.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        plot_style.cache_static_parts(item)
        # Until the first measurement: say when it comes instead of an axis from 0 to 1.
        self.empty_text = pg.TextItem(anchor=(0.5, 0.5), color="#707070")
        item.addItem(self.empty_text, ignoreBounds=True)
        self.empty_text.setPos(0.5, 0.5)
        # The key sits above the plot, not in it: a legend box would hide the newest
        # points of a panel this low (and be repainted, in Python, with each of them).
        self.key = QLabel(self)
        self.key.setObjectName("qualityKey")
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        self._key_names: list[str] = []
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.key, 1)
        top.addWidget(self.choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.plot_widget, 1)
        self.retranslate()
        self.redraw()  # the empty state

    def share_step_axis(self, other: pg.PlotItem) -> None:
        """Follow ``other``'s step range, while there is something to show.

        An empty panel linked to the curves would be repainted, axis and all,
        every time the step axis grows: for nothing, and on the GUI thread's
        time, which training shares through the GIL.
        """
        self._step_axis_of = other
        self._link_step_axis()

    def _link_step_axis(self) -> None:
        other = self._step_axis_of
        if other is None:
            return
        item = self.getPlotItem()
        wanted = other if self._steps else None
        if item.getViewBox().linkedView(pg.ViewBox.XAxis) is not (wanted.getViewBox() if wanted else None):
            item.setXLink(wanted)

    # ---- data ---------------------------------------------------------------
    def getPlotItem(self) -> pg.PlotItem:  # noqa: N802 (pyqtgraph's name: CurvesView.add_panel links its x axis)
        return self.plot_widget.getPlotItem()

    def metrics(self) -> list[str]:
        """The quality_* keys seen so far, in order of appearance."""
        return list(self._steps)

    def series(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        return np.asarray(self._steps[key], dtype=np.float64), np.asarray(self._values[key], dtype=np.float64)

    def append_rows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Take a batch of metric rows; return how many quality values it held."""
        added = 0
        for row in rows:
            step = row.get("step")
            if not isinstance(step, (int, float)):
                continue
            for key, value in row.items():
                if key.startswith(PREFIX):
                    self._add(key, float(step), _as_float(value))
                    added += 1
        if added:
            self.redraw()
        return added

    def load_table(self, table: MetricTable) -> None:
        """Show a whole table's quality columns (rows where a column is NaN were not measured)."""
        self._forget()
        steps = np.asarray(table.step, dtype=np.float64)
        for key, column in table.columns.items():
            if key.startswith(PREFIX):
                measured = np.isfinite(column)
                self._steps[key] = steps[measured].tolist()
                self._values[key] = np.asarray(column)[measured].tolist()
        self.redraw()

    def clear(self) -> None:
        self._forget()
        self.redraw()

    # ---- drawing --------------------------------------------------------------
    def redraw(self) -> None:
        self._link_step_axis()
        empty = not self._steps
        self.empty_text.setVisible(empty)
        item = self.getPlotItem()
        for side in ("left", "bottom"):
            item.getAxis(side).setStyle(showValues=not empty)
        if empty:  # unlinked now: centre the message
            item.getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self._sync_choices()
        chosen = self.choice.currentData()
        for key in self._steps:
            if key not in self._curves:
                colour = COLOURS[len(self._curves) % len(COLOURS)]
                dashed = len(self._curves) >= len(COLOURS)
                self._curves[key] = item.plot(pen=plot_style.pen(colour, width=1.5, dashed=dashed),
                                              symbol="o", symbolSize=5, symbolPen=None,
                                              symbolBrush=colour, connect="finite")
        for key, curve in self._curves.items():
            steps, values = self.series(key)
            visible = chosen in (ALL, None) or chosen == key
            curve.setVisible(visible)
            if chosen in (ALL, None):
                values = values / scale_of(values)
            curve.setData(steps, values)
        self._relabel()

    def _relabel(self) -> None:
        chosen = self.choice.currentData()
        item = self.getPlotItem()
        item.setLabel("bottom", translate("QualityPlot", "step"))
        if chosen in (ALL, None):
            item.setLabel("left", translate("QualityPlot", "value (scaled)"))
        else:
            item.setLabel("left", metric_label(chosen, self.language))
        entries = []
        for key, curve in self._curves.items():
            if not curve.isVisible():
                continue
            name = metric_label(key, self.language)
            if chosen in (ALL, None):
                scale = scale_of(self.series(key)[1])
                name += f" (÷ {scale:.3g})" if scale != 1.0 else ""
            entries.append((curve.opts["pen"].color().name(), name))
        self._key_names = [name for _colour, name in entries]
        self.key.setText("&nbsp;&nbsp; ".join(
            f"<span style='color:{colour}'>━&nbsp;{html.escape(name)}</span>" for colour, name in entries))

    def key_names(self) -> list[str]:
        """The metrics the key above the plot names, as shown (with their divisors)."""
        return list(self._key_names)

    def _sync_choices(self) -> None:
        """One combo entry per metric seen, kept in order; the choice survives."""
        wanted = [ALL] + list(self._steps)
        present = [self.choice.itemData(i) for i in range(self.choice.count())]
        if present == wanted:
            return
        chosen = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for key in wanted:
            self.choice.addItem("", key)
        self._label_choices()
        self.choice.setCurrentIndex(max(0, wanted.index(chosen)) if chosen in wanted else 0)
        self.choice.blockSignals(False)

    def _label_choices(self) -> None:
        for i in range(self.choice.count()):
            key = self.choice.itemData(i)
            if key == ALL:
                self.choice.setItemText(i, translate("QualityPlot", "Every metric"))
                self.choice.setItemData(i, translate(
                    "QualityPlot", "Curves that leave 0–1.5 are divided by their largest value"),
                    Qt.ItemDataRole.ToolTipRole)
            else:
                metric = QUALITY_METRICS.get(key)
                self.choice.setItemText(i, metric_label(key, self.language))
                self.choice.setItemData(i, metric.help(self.language) if metric else key,
                                        Qt.ItemDataRole.ToolTipRole)

    def _add(self, key: str, step: float, value: float) -> None:
        self._steps.setdefault(key, []).append(step)
        self._values.setdefault(key, []).append(value)

    def _forget(self) -> None:
        self._steps.clear()
        self._values.clear()
        item = self.getPlotItem()
        for curve in self._curves.values():
            item.removeItem(curve)
        self._curves.clear()

    # ---- language ---------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Metric names in ``language``; fixed words follow the app's translators."""
        if language not in i18n.LANGUAGES:
            raise ValueError(f"unknown language {language!r}: use one of {', '.join(i18n.LANGUAGES)}")
        self.language = language
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("QualityPlot", "Quality"))
        self.empty_text.setText(translate(
            "QualityPlot", "No quality measurements yet: a run takes them every few hundred steps"))
        self.choice.setToolTip(translate("QualityPlot", "Which quality metric to draw"))
        self._label_choices()
        self._relabel()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.language = i18n.current_language()
            self.retranslate()
        super().changeEvent(event)


def _as_float(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return math.nan  # None or text: not measured, drawn as a gap
