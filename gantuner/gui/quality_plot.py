"""The "Quality" curve panel: the quality_* numbers measured every few hundred steps.

Each metric is read on its own true scale, never divided by anything: modes
and digit classes as "k of N" on an axis from 0 to N, shares from 0 to 1,
distances with their unit.  Above the plot, one sentence says what the
latest measurement means ("4 of 8 modes, 45 % of samples near a mode:
poor") and a strip lists every metric's latest value with its reading; the
plot draws the metric chosen in the combo box, which offers only metrics
that have values (so it never shows an empty plot) and starts on the
dataset's headline metric.  A NaN (a diverged generator) is drawn as a gap.

The values are read from a :class:`~gantuner.columns.ColumnStore`: in the
window the run model's (the rows are stored once); the panel keeps only the
indices of the rows that carried each metric.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..columns import ColumnStore
from ..metrics import MetricTable
from ..quality.descriptions import QUALITY_METRICS, format_value, headline_keys, reading, reading_word, summary, total
from . import i18n, plot_style
from .native_paint import PlotView
from .retranslate import Retranslating

translate = QCoreApplication.translate

PREFIX = "quality_"
COLOUR = "#0072B2"
READING_COLOURS = {"good": "#1a7f37", "fair": "#9a6700", "poor": "#c02020"}
TOP_MARGIN = 1.08  # room above the largest value (or above N)


def metric_label(key: str, language: str) -> str:
    metric = QUALITY_METRICS.get(key)
    return metric.label(language) if metric else key.removeprefix(PREFIX).replace("_", " ")


def value_range(key: str, values: np.ndarray, dataset: str | None) -> tuple[float, float]:
    """The value axis for ``key``: 0..N for a count, 0..1 for a share, else from 0 (or the
    lowest value) to a little above the largest; never an empty range."""
    metric = QUALITY_METRICS.get(key)
    finite = values[np.isfinite(values)]
    high = float(finite.max()) if finite.size else 1.0
    low = min(0.0, float(finite.min())) if finite.size else 0.0
    if metric is not None and metric.scale == "count":
        n = total(key, dataset)
        high = max(high, float(n)) if n else high
    elif metric is not None and metric.scale == "share":
        high = max(high, 1.0)
    elif metric is not None and metric.better == "one":
        high = max(high, 1.0)  # "as varied as the data" stays in view
    if high <= low:
        high = low + 1.0
    return low, high * TOP_MARGIN if high > 0 else high + 0.08 * (high - low)


class QualityPlot(Retranslating, QWidget):
    """``rows``: the store the panel reads (the run model's, whose owner appends and then
    calls :meth:`rows_added`); by default one of its own, filled by :meth:`append_rows`."""

    def __init__(self, rows: ColumnStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plot_style.configure()
        self.setObjectName("qualityPlot")
        self.language = i18n.current_language()
        self._owns_rows = rows is None
        self.rows = ColumnStore((), more=True) if rows is None else rows
        self._measured: dict[str, list[int]] = {}  # per metric, the rows that carried it, in order
        self._step_axis_of: pg.PlotItem | None = None
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._dataset_of: Callable[[], str | None] = lambda: None
        self._user_chose = False  # the headline metric is chosen until the user picks one

        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setObjectName("qualitySummary")
        self.choice = QComboBox(self)
        self.choice.setObjectName("qualityMetric")
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.choice.currentIndexChanged.connect(self._chosen)
        self.plot_widget = PlotView(self)
        self.plot_widget.setMinimumHeight(plot_style.MIN_PLOT_AREA_PX + plot_style.STEP_AXIS_PX)
        item = self.plot_widget.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        item.getAxis("left").enableAutoSIPrefix(False)
        item.getAxis("left").setWidth(56)  # as the curves' plots: the step axes line up
        plot_style.cache_static_parts(item)
        # Until the first measurement: say when it comes instead of an axis from 0 to 1.
        self.empty_text = pg.TextItem(anchor=(0.5, 0.5), color="#707070")
        item.addItem(self.empty_text, ignoreBounds=True)
        self.empty_text.setPos(0.5, 0.5)
        # Every metric's latest value, on its own scale, above the plot (not a legend box in
        # it: that would hide the newest points of a panel this low).
        self.key = QLabel(self)
        self.key.setObjectName("qualityKey")
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        self._key_names: list[str] = []
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.summary, 1)
        top.addWidget(self.choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.key)
        layout.addWidget(self.plot_widget, 1)
        self.retranslate()
        self.redraw()  # the empty state

    def set_dataset_source(self, dataset_of: Callable[[], str | None]) -> None:
        """Where the panel learns the dataset (for N in "k of N" and the headline metric)."""
        self._dataset_of = dataset_of
        self.redraw()

    def dataset(self) -> str | None:
        return self._dataset_of()

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
        wanted = other if self._measured else None
        if item.getViewBox().linkedView(pg.ViewBox.XAxis) is not (wanted.getViewBox() if wanted else None):
            item.setXLink(wanted)

    # ---- data ---------------------------------------------------------------
    def getPlotItem(self) -> pg.PlotItem:  # noqa: N802 (pyqtgraph's name: CurvesView.add_panel links its x axis)
        return self.plot_widget.getPlotItem()

    def metrics(self) -> list[str]:
        """The quality_* keys seen so far, in order of appearance."""
        return list(self._measured)

    def series(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        index = np.asarray(self._measured[key], dtype=np.intp)
        steps = np.asarray(self.rows.steps[index], dtype=np.float64)
        if key not in self.rows.names():  # measured only as NaN so far
            return steps, np.full(index.shape[0], np.nan)
        return steps, self.rows.column(key)[index]

    def latest(self) -> dict[str, float]:
        """Each metric's newest value."""
        names = self.rows.names()
        return {key: float(self.rows.column(key)[rows[-1]]) if key in names else math.nan
                for key, rows in self._measured.items() if rows}

    def chosen(self) -> str | None:
        return self.choice.currentData()

    def append_rows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Append a batch of metric rows to the rows read and show them; return how many
        quality values it held."""
        rows = list(rows)
        self.rows.append_rows(rows)
        return self.rows_added(rows)

    def rows_added(self, rows: Sequence[Mapping[str, Any]]) -> int:
        """``rows`` are the newest rows of the store read: note which carried quality values
        (a value that is no number is drawn as a gap); return how many they held."""
        first = len(self.rows) - len(rows)
        added = 0
        for i, row in enumerate(rows):
            if not isinstance(row.get("step"), (int, float)):
                continue
            for key in row:
                if key.startswith(PREFIX):
                    self._measured.setdefault(key, []).append(first + i)
                    added += 1
        if added:
            self.redraw()
        return added

    def load_table(self, table: MetricTable) -> None:
        """Show a whole table's quality columns (rows where a column is NaN were not measured);
        for a panel with rows of its own."""
        if not self._owns_rows:
            raise RuntimeError("this panel reads a shared store: its owner fills it")
        self._forget()
        self.rows.clear()
        quality = {key: np.asarray(column, dtype=np.float64) for key, column in table.columns.items()
                   if key.startswith(PREFIX)}
        self.rows.append_columns(np.asarray(table.step, dtype=np.float64), quality)
        for key, column in quality.items():
            self._measured[key] = np.flatnonzero(np.isfinite(column)).tolist()
        self.redraw()

    def clear(self) -> None:
        """Forget the metrics shown (a shared store is cleared by its owner)."""
        self._forget()
        if self._owns_rows:
            self.rows.clear()
        self.redraw()

    # ---- drawing --------------------------------------------------------------
    def redraw(self) -> None:
        self._link_step_axis()
        empty = not self._measured
        self.empty_text.setVisible(empty)
        item = self.getPlotItem()
        for side in ("left", "bottom"):
            item.getAxis(side).setStyle(showValues=not empty)
        if empty:  # unlinked now: centre the message
            item.getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self._sync_choices()
        chosen = self.chosen()
        for key in self._measured:
            if key not in self._curves:
                self._curves[key] = item.plot(pen=plot_style.pen(COLOUR, width=1.5), symbol="o", symbolSize=5,
                                              symbolPen=None, symbolBrush=COLOUR, connect="finite")
        dataset = self.dataset()
        for key, curve in self._curves.items():
            steps, values = self.series(key)
            curve.setVisible(key == chosen)
            curve.setData(steps, values)  # as measured: never scaled
            if key == chosen:
                item.getViewBox().setYRange(*value_range(key, values, dataset), padding=0)
        self._relabel()

    def _relabel(self) -> None:
        chosen = self.chosen()
        dataset = self.dataset()
        item = self.getPlotItem()
        item.setLabel("bottom", translate("QualityPlot", "step"))
        item.setLabel("left", self._axis_title(chosen, dataset) if chosen else "")
        latest = self.latest()
        self.summary.setText(summary(latest, dataset, self.language))
        entries = []
        for key in self._measured:
            value = latest.get(key, math.nan)
            word = reading(key, value, dataset)
            text = f"{metric_label(key, self.language)} {format_value(key, value, dataset, self.language)}"
            colour = READING_COLOURS.get(word or "", "#444444")
            shown = html.escape(text)
            if word:
                shown += f" <span style='color:{colour}'>({html.escape(reading_word(word, self.language))})</span>"
            entries.append((text, f"<b>{shown}</b>" if key == chosen else shown))
        self._key_names = [text for text, _ in entries]
        self.key.setText(" &nbsp;·&nbsp; ".join(shown for _, shown in entries))

    def _axis_title(self, key: str, dataset: str | None) -> str:
        """Short (the panel is low): the scale and unit; the metric's name is in the combo box."""
        metric = QUALITY_METRICS.get(key)
        if metric is None:
            return translate("QualityPlot", "value")
        if metric.scale == "count" and total(key, dataset):
            return translate("QualityPlot", "count, of {0}").format(total(key, dataset))
        if metric.scale == "share":
            return translate("QualityPlot", "share (0–1)")
        return metric.unit(self.language) or translate("QualityPlot", "value")

    def key_names(self) -> list[str]:
        """Every metric with its latest value as the strip above the plot shows it."""
        return list(self._key_names)

    def _sync_choices(self) -> None:
        """One combo entry per metric with values, kept in order; the user's choice survives,
        else the dataset's headline metric is shown."""
        wanted = list(self._measured)
        present = [self.choice.itemData(i) for i in range(self.choice.count())]
        chosen = self.chosen()
        if not self._user_chose or chosen not in wanted:
            headline = headline_keys(self.latest(), self.dataset())
            chosen = headline[0] if headline else (wanted[0] if wanted else None)
        with QSignalBlocker(self.choice):
            if present != wanted:
                self.choice.clear()
                for key in wanted:
                    self.choice.addItem("", key)
                self._label_choices()
            if chosen is not None and self.choice.currentData() != chosen:
                self.choice.setCurrentIndex(wanted.index(chosen))
        self.choice.setVisible(bool(wanted))

    def _chosen(self, _index: int) -> None:
        self._user_chose = True
        self.redraw()

    def _label_choices(self) -> None:
        for i in range(self.choice.count()):
            key = self.choice.itemData(i)
            metric = QUALITY_METRICS.get(key)
            self.choice.setItemText(i, metric_label(key, self.language))
            self.choice.setItemData(i, metric.help(self.language) if metric else key, Qt.ItemDataRole.ToolTipRole)

    def _forget(self) -> None:
        self._measured.clear()
        self._user_chose = False
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

    def language_changed(self) -> None:
        self.language = i18n.current_language()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("QualityPlot", "Quality"))
        self.empty_text.setText(translate(
            "QualityPlot", "No quality measurements yet: a run takes them every few hundred steps"))
        self.choice.setToolTip(translate("QualityPlot", "Which quality metric to draw, on its own scale"))
        self._label_choices()
        self._relabel()

