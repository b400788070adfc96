"""The sample grid from fixed noise, refreshed live, with a slider back through the run.

Images show as a pixel-exact grid; 2D datasets show real and generated
points as a scatter plot instead.  The slider follows the newest grid unless
the user has moved it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..run_model.sample_history import SampleHistory, save_png
from . import plot_style
from .follow_range import follow_y
from .native_paint import LayoutView, PlotView
from .point_cloud import PointCloud


class SampleView(QWidget):
    saveRequested = Signal(object, str)   # sample, path: the window saves it off the GUI thread

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        plot_style.configure()
        self.setObjectName("sampleView")
        self.history = SampleHistory()
        self._shown_index: int | None = None
        self.current: Any = None
        self._has_points_range = False
        self._real_shown: Any = None

        self.stack = QStackedWidget(self)
        self.grid_widget = LayoutView(self.stack)
        self.grid_widget.setObjectName("sampleGrid")
        self.grid_box = self.grid_widget.addViewBox(lockAspect=True, invertY=True, enableMouse=True)
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.grid_box.addItem(self.image_item)
        self.scatter_widget = PlotView(self.stack)
        self.scatter_widget.setObjectName("sampleScatter")
        scatter_plot = self.scatter_widget.getPlotItem()
        scatter_plot.setAspectLocked(True)
        scatter_plot.showGrid(x=True, y=True, alpha=0.15)
        plot_style.cache_static_parts(scatter_plot)
        # Ranged by hand: pyqtgraph's auto-range keeps re-ranging around
        # pixel-sized points; ours changes only when the points leave the view.
        scatter_plot.disableAutoRange()
        scatter_plot.hideButtons()
        self._follow_points = True
        scatter_plot.getViewBox().sigRangeChangedManually.connect(self._points_moved_by_user)
        # Native point clouds (point_cloud.py): Qt paints them without entering Python.
        # Their key is the plot's title, as for the curves.
        self.real_points = PointCloud(plot_style.REAL_POINTS)
        self.fake_points = PointCloud(plot_style.FAKE_POINTS)
        self.real_points.attach(scatter_plot.getViewBox())
        self.fake_points.attach(scatter_plot.getViewBox())
        self.stack.addWidget(self.grid_widget)
        self.stack.addWidget(self.scatter_widget)

        self.step_label = QLabel(self)
        self.step_label.setObjectName("sampleStepLabel")
        self.step_label.setMinimumWidth(90)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("sampleStepSlider")
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self.slider.valueChanged.connect(self._show_index)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveSampleButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.ask_save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.step_label)
        bottom.addWidget(self.slider, 1)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.retranslate()

    # ---- public ------------------------------------------------------------
    def clear(self) -> None:
        self.history.clear()
        self._shown_index = None
        self.current = None
        self.image_item.clear()
        self.real_points.clear()
        self._real_shown = None
        self.fake_points.clear()
        self._follow_points = True
        self._has_points_range = False
        self.slider.blockSignals(True)
        self.slider.setRange(0, 0)
        self.slider.blockSignals(False)
        self.slider.setEnabled(False)
        self.save_button.setEnabled(False)
        self._update_label()

    def add_sample(self, step: int, sample: Any = None, path: Path | None = None) -> None:
        """A new grid: shown at once if the slider is at the newest one."""
        following = self._shown_index is None or self.slider.value() >= self.slider.maximum()
        index = self.history.add(step, sample, path)
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(self.history) - 1)
        self.slider.setEnabled(len(self.history) > 1)
        self.slider.blockSignals(False)
        if following or index == self._shown_index:
            self.slider.blockSignals(True)
            self.slider.setValue(index)
            self.slider.blockSignals(False)
            self._show_index(index)
        else:
            self._update_label()

    def shown_step(self) -> int | None:
        return None if self._shown_index is None else self.history.step(self._shown_index)

    def save_current(self, path: Path) -> Path:
        """Write the shown grid as a PNG (blocking; the window's menu saves off the GUI thread)."""
        if self.current is None:
            raise ValueError("there is no sample grid to save yet")
        return save_png(self.current, Path(path))

    # ---- internals -------------------------------------------------------
    def _show_index(self, index: int) -> None:
        if not 0 <= index < len(self.history):
            return
        try:
            sample = self.history.get(index)
        except OSError as exc:
            self.step_label.setToolTip(str(exc))
            return
        self._shown_index = index
        self.current = sample
        if isinstance(sample, dict):
            self._show_points(sample)
        else:
            self._show_image(np.asarray(sample))
        self.save_button.setEnabled(True)
        self._update_label()

    def _show_image(self, image: np.ndarray) -> None:
        if image.ndim == 3 and image.shape[-1] == 1:
            image = image[..., 0]
        self.image_item.setImage(np.ascontiguousarray(image), levels=(0, 255), autoLevels=False)
        if self.stack.currentWidget() is not self.grid_widget:
            self.stack.setCurrentWidget(self.grid_widget)
        self.grid_box.autoRange(padding=0.01)

    def _show_points(self, sample: dict) -> None:
        real = sample.get("real")
        fake = sample["fake"]
        if real is not None and real is not self._real_shown:
            # The real points are the same array from grid to grid: set them once.
            self.real_points.setData(pos=_finite(real))
            self._real_shown = real
        fake = _finite(fake)
        self.fake_points.setData(pos=fake)
        if self.stack.currentWidget() is not self.scatter_widget:
            self.stack.setCurrentWidget(self.scatter_widget)
        if self._follow_points:
            clouds = [c for c in (_finite(real) if real is not None else None, fake) if c is not None and len(c)]
            if clouds:
                points = np.concatenate(clouds)
                low, high = float(points.min()), float(points.max())
                box = self.scatter_widget.getPlotItem().getViewBox()
                (x0, x1), (y0, y1) = box.viewRange()
                current = (max(x0, y0), min(x1, y1))  # the square both axes show
                wanted = follow_y(low, high, current if self._has_points_range else None)
                if wanted is not None:
                    box.setRange(xRange=wanted, yRange=wanted, padding=0)
                    self._has_points_range = True

    def _points_moved_by_user(self, *_args) -> None:
        self._follow_points = False

    def _update_label(self) -> None:
        step = self.shown_step()
        total = len(self.history)
        if step is None:
            self.step_label.setText(self.tr("no samples yet"))
        else:
            self.step_label.setText(self.tr("step {0} ({1}/{2})").format(step, self._shown_index + 1, total))

    def ask_save(self) -> None:
        if self.current is None:
            return
        step = self.shown_step() or 0
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save sample grid as PNG"),
                                              f"samples_step_{step:06d}.png", self.tr("PNG images (*.png)"))
        if path:
            self.saveRequested.emit(self.current, path)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("Save PNG…"))
        self.save_button.setToolTip(self.tr("Save the grid shown as a PNG image"))
        self.slider.setToolTip(self.tr("Scrub back through the sample grids of this run"))
        key = "&nbsp;&nbsp;&nbsp;".join(
            f"<span style='color:{colour}'>■ {name}</span>"
            for colour, name in ((plot_style.REAL_POINTS, self.tr("real")), (plot_style.FAKE_POINTS, self.tr("generated"))))
        self.scatter_widget.getPlotItem().setTitle(key, size="9pt")
        self._update_label()


def _finite(points: np.ndarray) -> np.ndarray:
    points = np.asarray(points, dtype=np.float64)
    return points[np.isfinite(points).all(axis=1)]

