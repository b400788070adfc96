"""The curves in the centre: losses, D's accuracy, D's outputs, all on one step axis.

Rows land in the run model's :class:`~gantuner.run_model.ColumnStore`; a QTimer redraws at most 30 times a
second and only when there is new data.  A curve longer than the plot has
pixels for is drawn from peak summaries of the rows in view (curve_lod.py),
so a million-step run stays smooth; the curves themselves are native Qt path
items (path_curve.py) that paint without Python.  The smoothing slider is
TensorBoard's debiased EMA, even in how many points it averages (1 to 1,000
on a log scale); the raw curve is drawn faintly behind, and curves shorter
than 50 points are not smoothed.  Every knob change is a labelled vertical
marker on all plots (knob_markers.py); the hints' step bands get a key
above the plots.
"""

from __future__ import annotations

import html
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSlider, QSplitter, QVBoxLayout, QWidget

from .. import number_format
from ..run_model import ColumnStore
from ..smoothing import (
    MIN_POINTS_TO_SMOOTH,
    SLIDER_POSITIONS,
    EmaState,
    SmoothedSeries,
    points_averaged,
    position_of,
    smooth,
    weight_at,
)
from . import plot_style
from .background import BackgroundCall
from .curve_lod import PeakLevels
from .follow_range import RunningExtent, follow_x, follow_y
from .knob_markers import KnobMarkers
from .native_paint import PlotView
from .path_curve import PathCurve
from .retranslate import Retranslating

FRAME_MS = 33          # at most ~30 redraws a second
SLOWEST_FRAME_MS = 500  # but at least 2 a second
# The GUI thread holds the GIL while it draws, and every millisecond it holds
# it is one the training thread waits for: frames are spaced out while the
# GUI thread uses more than this share of a core (measured with thread_time).
GUI_BUSY_HIGH = 0.06
GUI_BUSY_LOW = 0.03
# From this many points on, a smoothing chosen with the slider is computed off
# the GUI thread (numpy lets go of the GIL); the old one stays drawn meanwhile.
# Seven curves of a million points take about 0.3 s, too long a freeze.
BACKGROUND_SMOOTHING_POINTS = 50_000
# Curves longer than this many points per pixel of plot width are drawn from
# their peak summaries (curve_lod.py) rather than every point.
POINTS_PER_PIXEL = 4
CHANCE_Z = 100  # the chance line and its label over the curves (marker lines sit at 50)

# plot object name -> fields drawn in it (the value axis of the others is fixed at 0..1)
FOLLOW_Y = ("lossPlot",)
PLOTS = {
    "lossPlot": ("d_loss", "g_loss"),
    "accuracyPlot": ("d_acc_real", "d_acc_fake", "d_acc"),
    "outputPlot": ("d_x", "d_g_z"),
}


class _Series:
    def __init__(self, field: str, plot: pg.PlotItem, buffer: ColumnStore):
        colour = plot_style.COLOURS[field]
        self.field = field
        # Native path items (path_curve.py): Qt paints them without entering Python.
        column = lambda: buffer.column(field)  # noqa: E731
        self.raw = PathCurve(plot_style.pen(colour, plot_style.RAW_ALPHA), name=f"{field}_raw",
                             original=lambda: (buffer.steps, column()))
        self.smooth = PathCurve(plot_style.pen(colour), name=field,
                                original=lambda: (buffer.steps, self.smoothed.update(column())))
        for curve in (self.raw, self.smooth):  # the raw curve behind the smoothed one
            plot.getViewBox().addItem(curve)
            plot.items.append(curve)  # listed for pyqtgraph's exporters (not a PlotDataItem: not addItem)
        self.smoothed = SmoothedSeries()
        self.raw_peaks = PeakLevels()
        self.smooth_peaks = PeakLevels()  # of the smoothed values: reset when the weight changes


class _WrappedHeight(QObject):
    """Keeps a band's minimum height at what its word-wrapped text needs at the band's width.

    A layout's minimum counts a wrapped label at a width wider than the band has, so the
    window's minimum for the curves came out short by the difference, and a dock below took
    it from the plots (the Quality panel lost its title under the welcome band)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and isinstance(watched, QWidget) \
                and watched.hasHeightForWidth():
            needed = watched.heightForWidth(watched.width())
            if needed > 0 and needed != watched.minimumHeight():
                watched.setMinimumHeight(needed)
        return False


class CurvesView(Retranslating, QWidget):
    smoothingChanged = Signal(float)

    def __init__(self, buffer: ColumnStore, parent: QWidget | None = None):
        super().__init__(parent)
        plot_style.configure()
        self.setObjectName("curvesView")
        self.buffer = buffer
        self._drawn_version = -1
        self._summarised = False  # the last redraw drew long curves from their peak summaries
        self._weight = 0.0
        self._pending_weight: float | None = None  # being smoothed off the GUI thread
        self._smoothing_calls: set[BackgroundCall] = set()
        self._requested_weight = 0.0  # the slider's (or set_smoothing's) choice
        self._was_short = True  # fewer points than MIN_POINTS_TO_SMOOTH at the last redraw
        self.last_redraw_ms = 0.0
        self.redraws = 0

        self.smoothing_label = QLabel(self)
        self.smoothing_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.smoothing_slider.setObjectName("smoothingSlider")
        self.smoothing_slider.setRange(0, SLIDER_POSITIONS)
        self.smoothing_slider.valueChanged.connect(self._slider_moved)
        self.smoothing_value = QLabel(self)
        self.smoothing_value.setObjectName("smoothingValue")
        self.smoothing_value.setMinimumWidth(40)
        self.follow_box = QCheckBox(self)
        self.follow_box.setObjectName("followCheck")
        self.follow_box.setChecked(True)
        self.follow_box.toggled.connect(self._follow_toggled)
        self.readout = QLabel(self)
        self.readout.setObjectName("crosshairReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(self.smoothing_label)
        top.addWidget(self.smoothing_slider, 1)
        top.addWidget(self.smoothing_value)
        top.addSpacing(8)
        top.addWidget(self.follow_box)
        top.addSpacing(8)
        top.addWidget(self.readout, 3)
        # The hints' step bands, named in their colours (bands of several hints overlap).
        self.band_key = QLabel(self)
        self.band_key.setObjectName("bandKey")
        self.band_key.setTextFormat(Qt.TextFormat.RichText)
        self.band_key.setWordWrap(True)
        self.band_key.hide()
        self._band_entries: list[tuple[str, str]] = []

        self._wrapped_heights = _WrappedHeight(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("curvesSplitter")
        self.plots: dict[str, pg.PlotWidget] = {}
        self.series: dict[str, _Series] = {}
        self._crosshairs: list[pg.InfiniteLine] = []
        self._extents = {name: RunningExtent() for name in FOLLOW_Y}
        self._follow = True
        # No grid and no legend inside the plots: both would be repainted with
        # every new point; the names sit in each plot's title instead.
        for index, (name, fields) in enumerate(PLOTS.items()):
            widget = PlotView(self.splitter)
            widget.setObjectName(name)
            item = widget.getPlotItem()
            for side in ("left", "bottom"):
                axis = item.getAxis(side)
                axis.enableAutoSIPrefix(False)  # "0.69", never "690 (x0.001)"
                # Ticks outside the plot: an axis that reaches into the plot area
                # would be repainted with every new point of a curve.
                axis.setStyle(tickLength=5)
            item.getAxis("left").setWidth(56)  # aligned plots, no relayout as labels change
            plot_style.cache_static_parts(item)
            lowest = index == len(PLOTS) - 1
            if not lowest:
                item.hideAxis("bottom")  # the x axes are linked: one step axis at the bottom
            widget.setMinimumHeight(plot_style.TITLE_ROW_PX + plot_style.MIN_PLOT_AREA_PX
                                    + (plot_style.STEP_AXIS_PX if lowest else 0))
            item.hideButtons()  # the Follow box replaces pyqtgraph's auto-range button
            item.disableAutoRange()
            item.getViewBox().sigRangeChangedManually.connect(lambda *_: self.set_follow(False))
            for field in fields:
                self.series[field] = _Series(field, item, buffer)
            line = pg.InfiniteLine(angle=90, movable=False, pen=plot_style.pen("#808080", dashed=True))
            line.hide()
            item.addItem(line, ignoreBounds=True)
            self._crosshairs.append(line)
            if self.plots:
                item.setXLink(self.plots["lossPlot"].getPlotItem())
            self.plots[name] = widget
            self.splitter.addWidget(widget)
        accuracy = self.plots["accuracyPlot"].getPlotItem()
        self.chance_line = pg.InfiniteLine(pos=0.5, angle=0, movable=False,
                                           pen=plot_style.pen("#606060", dashed=True),
                                           label="50 %", labelOpts={"position": 0.01, "color": "#404040",
                                                                     "fill": (255, 255, 255, 230),
                                                                     "anchors": [(0, 1), (0, 1)]})
        accuracy.addItem(self.chance_line, ignoreBounds=True)
        # Above the curves and on an opaque patch: curves passing through 50 % used to paint over it.
        self.chance_line.setZValue(CHANCE_Z)
        for name in ("accuracyPlot", "outputPlot"):
            self.plots[name].getPlotItem().setYRange(0.0, 1.0, padding=0.02)
        self.plot_item("lossPlot").setXRange(0, 10, padding=0)
        self.plot_item("lossPlot").getViewBox().sigXRangeChanged.connect(lambda *_: self._range_moved())
        self._mouse_proxies = [
            pg.SignalProxy(w.scene().sigMouseMoved, rateLimit=30, slot=lambda ev, w=w: self._mouse_moved(w, ev[0]))
            for w in self.plots.values()
        ]

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.band_key)
        layout.addWidget(self.splitter, 1)
        self.knob_markers = KnobMarkers([w.getPlotItem() for w in self.plots.values()])

        self._pace_mark = (time.perf_counter(), time.thread_time())
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._smoothing_timer = QTimer(self)  # a dragged slider recomputes once it rests
        self._smoothing_timer.setSingleShot(True)
        self._smoothing_timer.setInterval(60)
        self._smoothing_timer.timeout.connect(lambda: self._apply_smoothing(off_thread=True))
        self.retranslate()

    def showEvent(self, event) -> None:  # noqa: N802
        if not self._timer.isActive():
            self._timer.start()  # again after a close
        super().showEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        """Closed on its own (outside a window): nothing left to redraw, no timer waking the loop."""
        self._timer.stop()
        self._smoothing_timer.stop()
        super().closeEvent(event)

    # ---- public ------------------------------------------------------------
    def plot_item(self, name: str) -> pg.PlotItem:
        return self.plots[name].getPlotItem()

    def add_panel(self, widget: QWidget, link_x: bool = True) -> None:
        """Add a plot (e.g. the quality curves) under the others, sharing their step axis."""
        self.splitter.addWidget(widget)
        if not link_x:
            return
        if hasattr(widget, "share_step_axis"):  # links itself, e.g. only while it has data
            widget.share_step_axis(self.plot_item("lossPlot"))
        elif hasattr(widget, "getPlotItem"):
            widget.getPlotItem().setXLink(self.plot_item("lossPlot"))

    def legible_height(self) -> int:
        """The height the smoothing row and the main plots need to stay legible (no bands, no panels)."""
        margins = self.layout().contentsMargins()
        plots = [self.plots[name] for name in self.plots]
        return (self.smoothing_slider.sizeHint().height() + self.layout().spacing()
                + sum(plot.minimumHeight() for plot in plots)
                + self.splitter.handleWidth() * (len(plots) - 1) + margins.top() + margins.bottom())

    def add_banner(self, widget: QWidget) -> None:
        """A band above the curves (e.g. the first-run welcome)."""
        self.layout().insertWidget(0, widget)
        widget.installEventFilter(self._wrapped_heights)

    def smoothing(self) -> float:
        return self._weight

    def set_smoothing(self, weight: float) -> None:
        """Smooth with ``weight`` now (the slider's own changes are applied off the GUI thread)."""
        with QSignalBlocker(self.smoothing_slider):
            self.smoothing_slider.setValue(position_of(weight))
        self._requested_weight = float(weight)
        self._show_weight()
        self._apply_smoothing()

    def smoothing_in_use(self) -> float:
        """The weight the curves are drawn with: none while they are too short to smooth."""
        return self._weight if len(self.buffer) >= MIN_POINTS_TO_SMOOTH else 0.0

    def smoothing_pending(self) -> bool:
        """A smoothing chosen with the slider is still being computed."""
        return self._pending_weight is not None

    def add_marker(self, step: float, label: str) -> None:
        """A vertical line at ``step`` on every plot, labelled on the loss plot."""
        self.knob_markers.add(step, label)

    def add_knob_change(self, event: dict[str, Any]) -> None:
        """A marker for a knob change from events.jsonl, named with the knob's label in the UI language."""
        self.knob_markers.add_knob_change(event)

    def markers(self) -> list[tuple[float, str]]:
        return self.knob_markers.markers()

    def clear_markers(self) -> None:
        self.knob_markers.clear()

    def set_band_key(self, entries: list[tuple[str, str]]) -> None:
        """Name the hint bands drawn behind the curves: (colour, text) each; [] hides the key."""
        if entries == self._band_entries:
            return
        self._band_entries = list(entries)
        self.band_key.setVisible(bool(entries))
        self._show_band_key()

    def _show_band_key(self) -> None:
        shown = "&nbsp;&nbsp; ".join(
            f"<span style='background:{colour}; color:{colour}'>&nbsp;&nbsp;&nbsp;</span>&nbsp;{html.escape(text)}"
            for colour, text in self._band_entries)
        title = html.escape(self.tr("Shaded steps:"))
        self.band_key.setText(f"{title} {shown}" if shown else "")

    def clear(self) -> None:
        """Forget the drawn curves and markers (the buffer is cleared by its owner)."""
        self.clear_markers()
        for series in self.series.values():
            series.smoothed.reset()
            series.raw_peaks.reset()
            series.smooth_peaks.reset()
        for extent in self._extents.values():
            extent.reset()
        self._drawn_version = -1
        self.set_follow(True)
        # Back to the empty axes: a new run (or one that failed to start) never shows the old one's ranges.
        self.plot_item("lossPlot").setXRange(0, 10, padding=0)
        self.plot_item("lossPlot").setYRange(0.0, 1.0, padding=0.02)
        self.redraw()

    def redraw(self) -> None:
        """Push the buffer's data to the curves now (the timer calls this when data is new)."""
        started = time.perf_counter()
        if self._follow:  # first, so that a long curve is summarised for the range it will show
            self._follow_data()
        steps = self.buffer.steps
        show_raw = self.smoothing_in_use() > 0
        rows = self._visible_rows()  # None: short enough to hand over every point
        self._summarised = rows is not None
        for series in self.series.values():
            raw = self.buffer.column(series.field)
            smoothed = series.smoothed.update(raw) if show_raw else raw
            series.smooth.setData(*self._drawn(series.smooth_peaks, steps, smoothed, rows))
            if show_raw:
                series.raw.setData(*self._drawn(series.raw_peaks, steps, raw, rows))
                series.raw.show()
            else:
                series.raw.hide()
        self._drawn_version = self.buffer.version
        if (len(self.buffer) < MIN_POINTS_TO_SMOOTH) != self._was_short:
            self._was_short = not self._was_short
            self._show_weight()  # its tooltip says whether the smoothing applies
        self.redraws += 1
        self.last_redraw_ms = (time.perf_counter() - started) * 1000.0

    def _visible_rows(self) -> tuple[int, int, int] | None:
        """For curves longer than the plot can show: the rows inside the step range shown
        (one more each side) and the points a curve may have; None for shorter curves."""
        box = self.plot_item("lossPlot").getViewBox()
        limit = max(1000, int(POINTS_PER_PIXEL * box.width()))
        steps = self.buffer.steps
        if len(steps) <= limit:
            return None
        x0, x1 = box.viewRange()[0]
        first = max(0, int(np.searchsorted(steps, x0)) - 1)
        last = min(len(steps), int(np.searchsorted(steps, x1, side="right")) + 1)
        return first, last, limit // 2

    @staticmethod
    def _drawn(peaks: PeakLevels, steps: np.ndarray, values: np.ndarray,
               rows: tuple[int, int, int] | None) -> tuple[np.ndarray, np.ndarray]:
        if rows is None:  # short: every point (Qt clips what lies outside the view)
            return steps, values
        peaks.update(values)
        return peaks.view(steps, values, *rows)

    def _range_moved(self) -> None:
        if self._summarised:  # the summary level and rows depend on the range shown
            self._drawn_version = -1

    def following(self) -> bool:
        return self._follow

    def set_follow(self, follow: bool) -> None:
        """Follow the newest steps (axes grow with the data) or keep the user's zoom."""
        if follow != self._follow:
            self._follow = follow
            with QSignalBlocker(self.follow_box):
                self.follow_box.setChecked(follow)
            if follow:
                self._follow_data(force=True)

    def _follow_toggled(self, checked: bool) -> None:
        self.set_follow(checked)

    def _follow_data(self, force: bool = False) -> None:
        if not len(self.buffer):
            return
        steps = self.buffer.steps
        loss = self.plot_item("lossPlot").getViewBox()
        current = None if force else tuple(loss.viewRange()[0])
        x_range = follow_x(float(steps[0]), float(steps[-1]), current)
        if x_range is not None:
            loss.setXRange(*x_range, padding=0)
        for name in FOLLOW_Y:
            columns = [self.buffer.column(f) for f in PLOTS[name]]
            low, high = self._extents[name].update(columns)
            box = self.plot_item(name).getViewBox()
            y_range = follow_y(low, high, None if force else tuple(box.viewRange()[1]))
            if y_range is not None:
                box.setYRange(*y_range, padding=0)

    # ---- internals -------------------------------------------------------
    def _tick(self) -> None:
        self._pace()
        if self.buffer.version != self._drawn_version and self.isVisible():
            self.redraw()

    def _pace(self) -> None:
        """Space frames out while the GUI thread is busy (long curves, a slow machine),
        so that training and input keep their share; back towards 30 fps when it is not."""
        wall, cpu = time.perf_counter(), time.thread_time()
        last_wall, last_cpu = self._pace_mark
        if wall - last_wall < 0.25:
            return
        self._pace_mark = (wall, cpu)
        busy = (cpu - last_cpu) / (wall - last_wall)
        interval = self._timer.interval()
        if busy > GUI_BUSY_HIGH:
            interval = min(SLOWEST_FRAME_MS, int(interval * 1.5))
        elif busy < GUI_BUSY_LOW:
            interval = max(FRAME_MS, int(interval / 1.5))
        self._timer.setInterval(interval)

    def _slider_moved(self, value: int) -> None:
        self._requested_weight = weight_at(value)
        self._show_weight()
        self._smoothing_timer.start()

    def _show_weight(self) -> None:
        weight = self._requested_weight
        self.smoothing_value.setText(number_format.fixed(weight, 3))
        if len(self.buffer) < MIN_POINTS_TO_SMOOTH and weight > 0:
            tip = self.tr("Not applied: curves shorter than {0} points are drawn as they are").format(
                MIN_POINTS_TO_SMOOTH)
        else:
            tip = self.tr("Each point averages about the last {0} points").format(
                number_format.count(points_averaged(weight)))
        self.smoothing_value.setToolTip(tip)

    def _apply_smoothing(self, off_thread: bool = False) -> None:
        weight = self._requested_weight
        if weight == self._weight:
            self._pending_weight = None  # back to what is drawn: a smoothing on its way is dropped
            return
        if weight == self._pending_weight:
            return
        if off_thread and len(self.buffer) >= BACKGROUND_SMOOTHING_POINTS:
            self._smooth_off_thread(weight)
            return
        self._pending_weight = None  # a result still on its way is dropped when it arrives
        self._show_smoothing(weight)

    def _show_smoothing(self, weight: float) -> None:
        self._weight = weight
        for series in self.series.values():
            series.smoothed.set_weight(weight)
            series.smooth_peaks.reset()
        self._drawn_version = -1
        self.smoothingChanged.emit(weight)

    def _smooth_off_thread(self, weight: float) -> None:
        """Smooth every curve with ``weight`` in a helper thread; the old smoothing stays drawn."""
        self._pending_weight = weight
        generation = self.buffer.generation
        # Views, not copies: rows are only ever appended, so these points stay as
        # they are unless the buffer is cleared (then the result is dropped).
        columns = {field: self.buffer.column(field) for field in self.series}

        def smooth_all() -> dict[str, tuple[np.ndarray, EmaState, PeakLevels]]:
            result = {}
            for field, values in columns.items():
                smoothed, state = smooth(values, weight)
                peaks = PeakLevels()
                peaks.update(smoothed)
                result[field] = (smoothed, state, peaks)
            return result

        call = BackgroundCall("smoothing", smooth_all, self)
        call.done.connect(lambda result: self._smoothed_off_thread(call, weight, generation, result))
        call.failed.connect(lambda _message: self._smoothing_failed(call, weight))
        self._smoothing_calls.add(call)
        call.start()

    def _smoothed_off_thread(self, call: BackgroundCall, weight: float, generation: int,
                             result: dict[str, tuple[np.ndarray, EmaState, PeakLevels]]) -> None:
        self._smoothing_calls.discard(call)
        if weight != self._pending_weight:
            return  # the slider moved on meanwhile
        self._pending_weight = None
        if generation != self.buffer.generation:  # the curves were cleared meanwhile: start again
            self._apply_smoothing(off_thread=True)
            return
        self._weight = weight
        for field, (smoothed, state, peaks) in result.items():
            series = self.series[field]
            series.smoothed.install(weight, smoothed, state)  # rows that came meanwhile follow in update()
            series.smooth_peaks = peaks
        self._drawn_version = -1
        self.smoothingChanged.emit(weight)

    def _smoothing_failed(self, call: BackgroundCall, weight: float) -> None:
        self._smoothing_calls.discard(call)
        if weight == self._pending_weight:  # e.g. out of memory: try once more, here
            self._pending_weight = None
            self._show_smoothing(weight)

    def _mouse_moved(self, widget: pg.PlotWidget, pos: Any) -> None:
        item = widget.getPlotItem()
        if not item.sceneBoundingRect().contains(pos):
            return
        x = item.vb.mapSceneToView(pos).x()
        index = self.buffer.index_at(x)
        for line in self._crosshairs:
            line.setPos(x if index is None else self.buffer.steps[index])
            line.show()
        self.readout.setText(self._readout_text(index))

    def _readout_text(self, index: int | None) -> str:
        if index is None:
            return ""
        names = self._names()
        step_word = self.tr("step")
        parts = [f"<b>{step_word} {int(self.buffer.steps[index])}</b>"]
        for field, series in self.series.items():
            raw = float(self.buffer.column(field)[index])
            colour = plot_style.COLOURS[field]
            if self.smoothing_in_use() == 0:
                text = number_format.measured(raw, digits=4)
            else:
                smoothed = float(series.smoothed.update(self.buffer.column(field))[index])
                text = f"{number_format.measured(smoothed, digits=4)} ({number_format.measured(raw, digits=4)})"
            parts.append(f"<span style='color:{colour}'>{names[field]}</span> {text}")
        return " · ".join(parts)

    def _names(self) -> dict[str, str]:
        return {
            "d_loss": self.tr("D loss"), "g_loss": self.tr("G loss"),
            "d_acc_real": self.tr("D accuracy on real"), "d_acc_fake": self.tr("D accuracy on fake"),
            "d_acc": self.tr("D accuracy"), "d_x": "D(x)", "d_g_z": "D(G(z))",
        }

    def retranslate(self) -> None:
        self.smoothing_label.setText(self.tr("Smoothing"))
        self.smoothing_slider.setToolTip(
            self.tr("Exponential moving average as in TensorBoard (0: raw curve, 0.999: heaviest); "
                    "not applied to curves shorter than {0} points").format(MIN_POINTS_TO_SMOOTH))
        self._show_weight()
        self._show_band_key()
        self.knob_markers.retranslate()
        names = self._names()
        titles = {"lossPlot": self.tr("Loss"), "accuracyPlot": self.tr("D accuracy"),
                  "outputPlot": self.tr("D output (probability)")}
        for name, widget in self.plots.items():
            item = widget.getPlotItem()
            item.setLabel("left", titles[name])
            item.getAxis("bottom").setLabel(self.tr("step"))  # the item's setLabel would show a hidden axis
            key = "&nbsp;&nbsp;&nbsp;".join(
                f"<span style='color:{plot_style.COLOURS[f]}'>━ {names[f]}</span>" for f in PLOTS[name])
            item.setTitle(key, size="9pt")
        self.chance_line.label.setFormat(self.tr("50 % (chance)"))
        self.follow_box.setText(self.tr("Follow"))
        self.follow_box.setToolTip(self.tr("Keep the newest steps in view; zooming or panning turns it off"))
