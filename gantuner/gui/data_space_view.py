"""GAN Lab's data space, drawn from a :class:`~gantuner.learning.data_space.DataSpaceSnapshot`.

Layers, each with its own check box: D's opinion over the plane as a
background heat map (purple = "fake", green = "real"), the real points, G's
points, G's gradient at each fake point as an arrow (where G's loss pushes
it) and G's manifold, the image of a noise grid, as lines.  A strip of the
five phases of a training step highlights the phase shown in slow motion,
and a caption explains it.

Arrows and manifold are native Qt path items (Qt paints them without entering
Python); each item's ``data`` holds what it shows, for tests and export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QCheckBox, QGraphicsPathItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..learning.phases import PHASES, Phase
from . import i18n, plot_style
from .native_paint import PlotView
from .point_cloud import PointCloud

if TYPE_CHECKING:  # the view itself never needs torch: snapshots arrive as numpy arrays
    from ..learning.data_space import DataSpaceSnapshot

LAYERS = ("heat", "real", "fake", "arrows", "manifold")
ARROW_COLOUR = "#333333"
CALLED_REAL = "#1b7837"   # D says "real" (the heat map's green, darker)
CALLED_FAKE = "#762a83"   # D says "fake" (its purple, darker)
MANIFOLD_COLOUR = "#a0522d"
ARROW_SHARE = 0.06   # the longest arrow, as a share of the plane's width
HEAD_SHARE = 0.35    # arrow head length, as a share of its arrow


def _heat_lookup() -> np.ndarray:
    """D's 0..1 as colours: purple (calls it fake) through white (unsure) to green (calls it real)."""
    fake, middle, real = np.array([175, 141, 195]), np.array([247, 247, 247]), np.array([127, 191, 123])
    t = np.linspace(0, 1, 256)[:, None]
    low = middle * (t * 2) + fake * (1 - t * 2)
    high = real * (t * 2 - 1) + middle * (2 - t * 2)
    return np.where(t < 0.5, low, high).clip(0, 255).astype(np.uint8)


class PathLayer(QGraphicsPathItem):
    """Line segments or polylines as one native path; ``data`` is what was drawn."""

    def __init__(self, colour: str, width: float = 1.2):
        super().__init__()
        pen = QPen(QColor(colour))
        pen.setCosmetic(True)
        pen.setWidthF(width)
        self.setPen(pen)
        self.data = np.empty((0, 2))

    def set_polylines(self, lines: np.ndarray) -> None:
        """``lines`` [count, points, 2]: each drawn through its points, not joined to the next."""
        lines = np.asarray(lines, dtype=np.float64)
        self.data = lines
        if lines.size == 0:
            self.setPath(QPainterPath())
            return
        count, points, _ = lines.shape
        connect = np.ones((count, points), dtype=np.int32)
        connect[:, -1] = 0
        flat = lines.reshape(-1, 2)
        finite = np.isfinite(flat).all(axis=1)
        connect = connect.reshape(-1) & finite & np.roll(finite, -1)
        self.setPath(pg.arrayToQPath(np.nan_to_num(flat[:, 0]), np.nan_to_num(flat[:, 1]), connect=connect))


class DataSpaceView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        plot_style.configure()
        self.setObjectName("dataSpaceView")
        self.snapshot: DataSpaceSnapshot | None = None
        self.phase: Phase | None = None

        self.plot = PlotView(self)
        self.plot.setObjectName("dataSpacePlot")
        # The heat map's cells blend into one another (bilinear scaling), so a coarse grid of D's
        # opinion, cheap for the training thread to compute, still reads as a smooth field.
        self.plot.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        item = self.plot.getPlotItem()
        item.setAspectLocked(True)
        item.hideButtons()
        item.disableAutoRange()
        plot_style.cache_static_parts(item)
        box = item.getViewBox()
        self.heat = pg.ImageItem(axisOrder="row-major")
        self.heat.setLookupTable(_heat_lookup())
        self.heat.setLevels((0.0, 1.0))
        self.heat.setZValue(-10)
        box.addItem(self.heat)
        self.manifold = PathLayer(MANIFOLD_COLOUR, 1.0)
        box.addItem(self.manifold, ignoreBounds=True)
        self.real_points = PointCloud(plot_style.REAL_POINTS, 4.0)
        self.real_points.attach(box)
        self.fake_points = PointCloud(plot_style.FAKE_POINTS, 4.0)
        self.fake_points.attach(box)
        self.arrows = PathLayer(ARROW_COLOUR, 1.0)
        box.addItem(self.arrows, ignoreBounds=True)
        self.arrows.setZValue(5)
        # Slow motion's judging phases: the judged batch, marked by D's verdict on each point.
        self.called_real = PointCloud(CALLED_REAL, 7.0)
        self.called_real.attach(box)
        self.called_fake = PointCloud(CALLED_FAKE, 7.0)
        self.called_fake.attach(box)
        for cloud in (self.called_real, self.called_fake):
            cloud.setZValue(6)
        self._layer_items = {"heat": [self.heat], "real": [self.real_points], "fake": [self.fake_points],
                             "arrows": [self.arrows], "manifold": [self.manifold]}

        self.toggles: dict[str, QCheckBox] = {}
        toggles = QHBoxLayout()
        toggles.setContentsMargins(0, 0, 0, 0)
        for name in LAYERS:
            box_ = QCheckBox(self)
            box_.setObjectName(f"layer_{name}")
            box_.setChecked(True)
            box_.toggled.connect(lambda on, name=name: self.set_layer_visible(name, on))
            self.toggles[name] = box_
            toggles.addWidget(box_)
        toggles.addStretch(1)

        self.phase_labels: dict[str, QLabel] = {}
        strip = QHBoxLayout()
        strip.setContentsMargins(0, 0, 0, 0)
        for name in PHASES:
            label = QLabel(self)
            label.setObjectName(f"phase_{name}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.phase_labels[name] = label
            strip.addWidget(label, 1)
        self.caption = QLabel(self)
        self.caption.setObjectName("phaseCaption")
        self.caption.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(toggles)
        layout.addWidget(self.plot, 1)
        layout.addLayout(strip)
        layout.addWidget(self.caption)
        self.retranslate()
        self._style_phases()

    # ---- input -------------------------------------------------------------------
    def show_snapshot(self, snap: DataSpaceSnapshot) -> None:
        first = self.snapshot is None or self.snapshot.bounds != snap.bounds
        self.snapshot = snap
        x0, x1, y0, y1 = snap.bounds
        self.heat.setImage(snap.heat, autoLevels=False, levels=(0.0, 1.0))
        cells = snap.heat.shape[0]
        # Cell centres span the bounds: stretch the image half a cell past them.
        dx, dy = (x1 - x0) / (cells - 1), (y1 - y0) / (cells - 1)
        self.heat.setRect(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)
        self.real_points.setData(snap.real)
        self.fake_points.setData(snap.fake)
        self.manifold.set_polylines(snap.manifold)
        self.arrows.set_polylines(self._arrow_lines(snap))
        if first:
            self.plot.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def show_phase(self, phase: Phase | None) -> None:
        self.phase = phase
        self._style_phases()
        self.caption.setText(phase.caption(i18n.current_language()) if phase is not None else "")
        if phase is not None and "fake" in phase.show:
            self.fake_points.setData(phase.show["fake"])
        judged = phase.show.get("real" if phase.name == "judge_real" else "fake") if phase is not None else None
        score = phase.show.get("score") if phase is not None else None
        if judged is None or score is None:
            self.called_real.clear()
            self.called_fake.clear()
            return
        real = np.asarray(score).reshape(-1) > 0.5
        self.called_real.setData(judged[real])
        self.called_fake.setData(judged[~real])

    def set_layer_visible(self, name: str, visible: bool) -> None:
        for item in self._layer_items[name]:
            item.setVisible(visible)
        if self.toggles[name].isChecked() != visible:
            self.toggles[name].setChecked(visible)

    def layer_visible(self, name: str) -> bool:
        return self._layer_items[name][0].isVisible()

    # ---- drawing -----------------------------------------------------------------
    @staticmethod
    def _arrow_lines(snap: DataSpaceSnapshot) -> np.ndarray:
        """Each arrow as a 4-point polyline: tail, tip, one barb, back to the tip and the other barb."""
        k = len(snap.arrows)
        if k == 0:
            return np.empty((0, 5, 2))
        starts = snap.fake[:k].astype(np.float64)
        push = snap.arrows.astype(np.float64)
        norms = np.linalg.norm(push, axis=1)
        longest = float(norms.max()) if np.isfinite(norms).any() else 0.0
        width = snap.bounds[1] - snap.bounds[0]
        scale = ARROW_SHARE * width / longest if longest > 0 else 0.0
        vectors = push * scale
        tips = starts + vectors
        back = -vectors * HEAD_SHARE
        rotate = np.array([[np.cos(0.5), -np.sin(0.5)], [np.sin(0.5), np.cos(0.5)]])
        barb_a = tips + back @ rotate.T
        barb_b = tips + back @ rotate
        return np.stack([starts, tips, barb_a, tips, barb_b], axis=1)

    def _style_phases(self) -> None:
        current = self.phase.name if self.phase is not None else None
        for name, label in self.phase_labels.items():
            on = name == current
            label.setProperty("current", on)
            label.setStyleSheet("background: #ffd966; font-weight: bold; border-radius: 3px; padding: 2px;"
                                if on else "color: #777; padding: 2px;")

    def is_highlighted(self, phase: str) -> bool:
        return bool(self.phase_labels[phase].property("current"))

    # ---- language ----------------------------------------------------------------
    def retranslate(self) -> None:
        names = {"heat": self.tr("D's opinion (heat map)"), "real": self.tr("Real points"),
                 "fake": self.tr("G's points"), "arrows": self.tr("G's gradients (arrows)"),
                 "manifold": self.tr("G's manifold")}
        for name, text in names.items():
            self.toggles[name].setText(text)
        self.toggles["heat"].setToolTip(self.tr("Green where D says 'real', purple where it says 'fake'"))
        self.toggles["arrows"].setToolTip(self.tr("Where G's loss pushes each of its points"))
        self.toggles["manifold"].setToolTip(self.tr("The image of a grid of noise under G: how G folds the noise"))
        phases = {"noise": self.tr("Sample noise"), "judge_real": self.tr("D judges real"),
                  "judge_fake": self.tr("D judges fake"), "update_d": self.tr("D update"),
                  "update_g": self.tr("G update")}
        for name, text in phases.items():
            self.phase_labels[name].setText(text)
        if self.phase is not None:
            self.caption.setText(self.phase.caption(i18n.current_language()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
