"""Runs overlaid on one plot, their knob differences in words, their samples side by side.

The article's way of tuning, change one knob and compare, needs two runs
next to each other.  Each added run (a gantuner run folder, another
program's log, or every run folder of a folder: the runs of a search) gets
its own colour and its knobs in the key; the curves follow the main curves'
smoothing (the raw values drawn faintly behind, as there); the line under
the plot says, for each run, how its knobs differ from the first one's; two
runs' sample grids show side by side at the same step; a run's sample
history exports as an animated GIF.  Loading and exporting happen off the
GUI thread.
"""

from __future__ import annotations

import html
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..knobs import KNOBS
from ..learning.compared_run import ComparedRun, load_compared, load_folder
from ..learning.gif_export import export_gif
from ..learning.run_diff import differing_knobs, knob_difference, knob_words
from ..smoothing import MIN_POINTS_TO_SMOOTH, smooth
from . import i18n, plot_style
from .background import BackgroundCall, describe_error
from .native_paint import PlotView

# Okabe-Ito, as the curves use, in an order that keeps the first runs far apart.
RUN_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
METRICS = ("d_loss", "g_loss", "d_acc", "d_x", "d_g_z")
KEY_KNOBS = ("lr_d", "lr_g", "batch_size", "d_dropout", "d_batchnorm")  # shown when nothing differs


class OverlaidRuns(QWidget):
    message = Signal(str, bool)   # text, is_error: for the window's status line

    def __init__(self, parent: QWidget | None = None, current_run=None):
        super().__init__(parent)
        plot_style.configure()
        self.setObjectName("overlaidRuns")
        self.runs: list[ComparedRun] = []
        self.curves: list[pg.PlotDataItem] = []       # one per run, in the key: smoothed when smoothing is on
        self.raw_curves: list[pg.PlotDataItem] = []   # the unsmoothed values behind them, faint
        self.smoothing_weight = 0.0                   # the main curves' smoothing, followed here
        self._smoothed: dict[tuple[int, str, float], object] = {}   # (run id, metric, weight) -> values
        self._current_run = current_run or (lambda: None)   # the window's run folder, if any
        self._calls: set[BackgroundCall] = set()
        self._pixmaps: dict[Path, QPixmap] = {}

        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addRunButton")
        self.add_button.clicked.connect(self._ask_add)
        self.add_folder_button = QPushButton(self)
        self.add_folder_button.setObjectName("addFolderRunsButton")
        self.add_folder_button.clicked.connect(self._ask_add_folder)
        self.add_current_button = QPushButton(self)
        self.add_current_button.setObjectName("addCurrentRunButton")
        self.add_current_button.clicked.connect(self.add_current)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear)
        self.metric_choice = QComboBox(self)
        self.metric_choice.setObjectName("overlayMetric")
        for name in METRICS:
            self.metric_choice.addItem(name, name)   # relabelled in retranslate
        self.metric_choice.currentIndexChanged.connect(lambda _i: self._redraw())
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.add_folder_button)
        top.addWidget(self.add_current_button)
        top.addWidget(self.clear_button)
        top.addStretch(1)
        self.metric_label = QLabel(self)
        top.addWidget(self.metric_label)
        top.addWidget(self.metric_choice)

        self.plot = PlotView(self)
        self.plot.setObjectName("overlayPlot")
        # Legible however short the dock: the pane scrolls in it instead (learning_docks.py).
        self.plot.setMinimumHeight(plot_style.MIN_PLOT_AREA_PX + plot_style.STEP_AXIS_PX)
        self.plot.getPlotItem().showGrid(x=True, y=True, alpha=0.15)
        # The key beside the plot, not in it: a search's runs, each with its knobs, would cover the curves.
        self.key = QLabel(self)
        self.key.setObjectName("overlayKey")
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        self.key.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_area = QScrollArea(self)
        key_area.setWidgetResizable(True)
        key_area.setFrameShape(QFrame.Shape.NoFrame)
        key_area.setWidget(self.key)
        key_area.setMinimumWidth(240)
        self.differences = QLabel(self)
        self.differences.setObjectName("knobDifferences")
        self.differences.setWordWrap(True)
        self.differences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pick_a, self.pick_b = QComboBox(self), QComboBox(self)
        self.pick_a.setObjectName("samplesRunA")
        self.pick_b.setObjectName("samplesRunB")
        self.image_a, self.image_b = QLabel(self), QLabel(self)
        for image in (self.image_a, self.image_b):
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            image.setMinimumSize(120, 120)
            # Sized by the layout, not by the picture shown: the grids follow the dock's size and
            # leave the curves their share of the height.
            image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image_a.setObjectName("samplesImageA")
        self.image_b.setObjectName("samplesImageB")
        self.step_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.step_slider.setObjectName("samplesStep")
        self.step_label = QLabel(self)
        self.gif_button = QPushButton(self)
        self.gif_button.setObjectName("exportGifButton")
        self.gif_button.clicked.connect(self._ask_export_gif)
        for pick in (self.pick_a, self.pick_b):
            pick.currentIndexChanged.connect(lambda _i: self._samples_changed())
        self.step_slider.valueChanged.connect(lambda _v: self.show_samples())
        grid = QGridLayout()
        grid.addWidget(self.pick_a, 0, 0)
        grid.addWidget(self.pick_b, 0, 1)
        grid.addWidget(self.image_a, 1, 0)
        grid.addWidget(self.image_b, 1, 1)
        slider_row = QHBoxLayout()
        slider_row.addWidget(self.step_label)
        slider_row.addWidget(self.step_slider, 1)
        slider_row.addWidget(self.gif_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        middle = QHBoxLayout()
        middle.addWidget(self.plot, 5)
        middle.addWidget(key_area, 2)
        layout.addLayout(middle, 3)
        layout.addWidget(self.differences)
        layout.addLayout(grid, 2)
        layout.addLayout(slider_row)
        self.retranslate()

    # ---- runs --------------------------------------------------------------------
    def add_run(self, run: ComparedRun) -> None:
        self.runs.append(run)
        for pick in (self.pick_a, self.pick_b):
            pick.addItem(run.name)
        if len(self.runs) == 2:
            self.pick_b.setCurrentIndex(1)
        self._redraw()
        self._samples_changed()

    def add_path(self, path: Path | str) -> BackgroundCall:
        """Load a run folder or log off the GUI thread, then overlay it."""
        call = BackgroundCall("compare-load", lambda: load_compared(path), self)
        self._calls.add(call)
        call.done.connect(lambda run: (self._calls.discard(call), self.add_run(run)))
        call.failed.connect(lambda text: (self._calls.discard(call), self.message.emit(text, True)))
        return call.start()

    def add_folder(self, folder: Path | str) -> BackgroundCall:
        """Overlay every run folder directly under ``folder`` (the runs of a search), in name order,
        read off the GUI thread; runs that cannot be read are named in one message."""
        folder = Path(folder)
        call = BackgroundCall("compare-load-folder", lambda: load_folder(folder), self)
        self._calls.add(call)
        call.done.connect(lambda result: (self._calls.discard(call), self._add_loaded_folder(folder, *result)))
        call.failed.connect(lambda text: (self._calls.discard(call), self.message.emit(text, True)))
        return call.start()

    def _add_loaded_folder(self, folder: Path, runs: list[ComparedRun], problems: list) -> None:
        if not runs and not problems:
            self.message.emit(self.tr("{0}: no run folders directly in it (a run folder holds config.json); "
                                      "pick the folder that holds the runs").format(folder), True)
            return
        for run in runs:
            self.add_run(run)
        if problems:
            language = i18n.current_language()
            reasons = "; ".join(exc.message(language) if hasattr(exc, "message") else describe_error(exc)
                                for _path, exc in problems)
            self.message.emit(self.tr("Added {0} runs from {1}; {2} could not be read: {3}").format(
                len(runs), folder, len(problems), reasons), True)
        else:
            self.message.emit(self.tr("Added {0} runs from {1}").format(len(runs), folder), False)

    def add_current(self) -> None:
        path = self._current_run()
        if path is None:
            self.message.emit(self.tr("No run to add: start training or open a run first"), True)
            return
        self.add_path(path)

    def clear(self) -> None:
        self.runs.clear()
        self._smoothed.clear()
        self.pick_a.clear()
        self.pick_b.clear()
        self._redraw()
        self._samples_changed()

    def _ask_add(self) -> None:
        # One dialog for both: a log file, or any file inside a run folder (its config.json, say).
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add a log, or any file of a run folder"))
        if path:
            self.add_path(path)

    def _ask_add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add all runs in a folder (the runs of a search)"))
        if folder:
            self.add_folder(folder)

    # ---- drawing -----------------------------------------------------------------
    def key_text(self, index: int) -> str:
        """The run's name and the knobs that set it apart, in the current language."""
        run = self.runs[index]
        language = i18n.current_language()
        if not run.knobs:
            unknown = self.tr("log: knobs unknown")
            return f"{run.name} ({unknown})"
        names: list[str] = []
        for other in self.runs:
            if other is not run and other.knobs:
                names += [n for n in differing_knobs(run.knobs, other.knobs) if n not in names]
        names.sort(key=list(KNOBS).index)   # every run's key names them in one order: the knob table's
        return f"{run.name}: {knob_words(run.knobs, names or list(KEY_KNOBS), language)}"

    def key_texts(self) -> list[str]:
        return [self.key_text(index) for index in range(len(self.runs))]

    def _key_line(self, index: int) -> str:
        """The run's line in the key: a stroke of its colour (dashed past the last colour), its text."""
        colour = RUN_COLOURS[index % len(RUN_COLOURS)]
        stroke = "╍╍" if index >= len(RUN_COLOURS) else "━━"
        return f'<span style="color:{colour}"><b>{stroke}</b></span> {html.escape(self.key_text(index))}'

    def difference_lines(self) -> list[str]:
        language = i18n.current_language()
        if len(self.runs) < 2:
            return []
        first = self.runs[0]
        lines = []
        for run in self.runs[1:]:
            if run.knobs and first.knobs:
                lines.append(f"{run.name} — {knob_difference(run.knobs, first.knobs, language)}")
            else:
                unknown = self.tr("a log: its knobs are unknown")
                lines.append(f"{run.name} — {unknown}")
        return lines

    def set_smoothing(self, weight: float) -> None:
        """Smooth the overlaid curves as the main curves are (their slider's weight)."""
        if weight != self.smoothing_weight:
            self.smoothing_weight = float(weight)
            self._smoothed.clear()
            self._redraw()

    def smoothed_values(self, run: ComparedRun, metric: str):
        """``run``'s ``metric`` as drawn: smoothed with the main curves' weight, unless the curve is too
        short to smooth (as the main curves, under MIN_POINTS_TO_SMOOTH points it is drawn as it is)."""
        values = run.columns.get(metric)
        if values is None:
            return run.steps * float("nan")
        weight = self.smoothing_weight
        if weight <= 0 or len(values) < MIN_POINTS_TO_SMOOTH:
            return values
        key = (id(run), metric, weight)
        if key not in self._smoothed:
            self._smoothed[key] = smooth(values, weight)[0]
        return self._smoothed[key]

    def _redraw(self) -> None:
        item = self.plot.getPlotItem()
        for curve in self.curves + self.raw_curves:
            item.removeItem(curve)
        self.curves.clear()
        self.raw_curves.clear()
        metric = self.metric_choice.currentData()
        for index, run in enumerate(self.runs):
            values = run.columns.get(metric)
            shown = self.smoothed_values(run, metric)
            colour = RUN_COLOURS[index % len(RUN_COLOURS)]
            dashed = index >= len(RUN_COLOURS)  # more runs than colours: the second round dashed
            if values is not None and shown is not values:
                raw = pg.PlotDataItem(run.steps, values, connect="finite",
                                      pen=plot_style.pen(colour, plot_style.RAW_ALPHA, dashed=dashed))
                item.addItem(raw)
                self.raw_curves.append(raw)
            curve = pg.PlotDataItem(run.steps, shown, pen=plot_style.pen(colour, width=1.5, dashed=dashed),
                                    connect="finite")
            item.addItem(curve)
            self.curves.append(curve)
        # One paragraph a run, spaced apart: a wrapped line stays with its run.
        self.key.setText("".join(f'<p style="margin:0 0 4px 0">{self._key_line(index)}</p>'
                                 for index in range(len(self.runs))))
        if self.runs:
            item.enableAutoRange()
        lines = self.difference_lines()
        if len(self.runs) >= 2:
            self.differences.setText(self.tr("Compared with {0}:").format(self.runs[0].name) + "\n" + "\n".join(lines))
        else:
            self.differences.setText(self.tr("Add two or more runs to see how their knobs differ."))

    def _samples_changed(self) -> None:
        steps = sorted({s for run in self._picked() if run is not None for s, _p in run.samples})
        self._sample_steps = steps
        self.step_slider.blockSignals(True)
        self.step_slider.setRange(0, max(0, len(steps) - 1))
        self.step_slider.setValue(max(0, len(steps) - 1))
        self.step_slider.blockSignals(False)
        self.show_samples()

    def _picked(self) -> tuple[ComparedRun | None, ComparedRun | None]:
        def pick(combo: QComboBox) -> ComparedRun | None:
            i = combo.currentIndex()
            return self.runs[i] if 0 <= i < len(self.runs) else None
        return pick(self.pick_a), pick(self.pick_b)

    def shown_step(self) -> int | None:
        steps = getattr(self, "_sample_steps", [])
        return steps[self.step_slider.value()] if steps else None

    def show_samples(self) -> None:
        step = self.shown_step()
        self.shown_samples: list[Path | None] = []
        pixmaps: dict[Path, QPixmap] = {}   # the grids shown, kept for redrawing them at a new size
        for run, label in zip(self._picked(), (self.image_a, self.image_b)):
            found = run.sample_at(step) if run is not None and step is not None else None
            self.shown_samples.append(found[1] if found else None)
            if found is None:
                label.setPixmap(QPixmap())
                label.setText(self.tr("no samples") if run is not None else "")
                continue
            pixmap = self._pixmaps.get(found[1]) or QPixmap(str(found[1]))
            pixmaps[found[1]] = pixmap
            size = max(1, min(label.width(), label.height(), 320))
            label.setPixmap(pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.FastTransformation))
        self._pixmaps = pixmaps
        self.step_label.setText(self.tr("Step {0}").format(step) if step is not None else "")

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.show_samples()

    # ---- GIF -------------------------------------------------------------------------
    def _ask_export_gif(self) -> None:
        run = self._picked()[0]
        if run is None:
            self.message.emit(self.tr("Add a run with sample grids first"), True)
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the samples as a GIF"),
                                              str(Path.home() / f"{run.name}.gif"), self.tr("GIF images (*.gif)"))
        if path:
            self.export_gif(run, Path(path))

    def export_gif(self, run: ComparedRun, path: Path) -> BackgroundCall:
        call = BackgroundCall("gif-export", lambda: export_gif(run.samples, path), self)
        self._calls.add(call)
        call.done.connect(lambda frames: (self._calls.discard(call), self.message.emit(
            self.tr("Saved {0} frames to {1}").format(frames, path), False)))
        call.failed.connect(lambda text: (self._calls.discard(call), self.message.emit(text, True)))
        return call.start()

    # ---- language ----------------------------------------------------------------
    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add run or log…"))
        self.add_button.setToolTip(self.tr("Overlay another run (pick any file in its folder) or a training log"))
        self.add_folder_button.setText(self.tr("Add all runs in a folder…"))
        self.add_folder_button.setToolTip(self.tr("Overlay every run folder directly inside a folder, "
                                                  "such as the runs of a search, each in its own colour"))
        self.add_current_button.setText(self.tr("Add this run"))
        self.add_current_button.setToolTip(self.tr("Overlay the run this window trains or shows"))
        self.clear_button.setText(self.tr("Clear"))
        self.metric_label.setText(self.tr("Curve:"))
        names = {"d_loss": self.tr("D loss"), "g_loss": self.tr("G loss"), "d_acc": self.tr("D accuracy"),
                 "d_x": self.tr("D(x)"), "d_g_z": self.tr("D(G(z))")}
        for index in range(self.metric_choice.count()):
            self.metric_choice.setItemText(index, names[self.metric_choice.itemData(index)])
        self.gif_button.setText(self.tr("Export GIF…"))
        self.gif_button.setToolTip(self.tr("Save the left run's sample history as an animated GIF"))
        self._redraw()
        self.show_samples()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
