"""2D points as one native Qt path item: square dots a few pixels wide at any zoom.

pyqtgraph's ScatterPlotItem builds per-point records and a symbol atlas in
Python on every ``setData`` and paints in Python, all holding the GIL the
training thread needs; a new cloud of generated points arrives about once a
second.  Here each point is a tiny segment stroked by a wide cosmetic pen with
square caps, so the dots keep their size in pixels, and Qt paints the whole
cloud without entering Python.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

# The segment behind each dot, as a share of the cloud's extent: long enough
# to survive the transform to pixels (a zero-length segment draws nothing),
# far too short to see.
SEGMENT = 1e-6


class PointCloud(QGraphicsPathItem):
    """Points drawn as ``size``-pixel squares of ``colour``; ``data`` holds the finite points shown."""

    def __init__(self, colour: str, size: float = 3.0):
        super().__init__()
        pen = QPen(QColor(colour))
        pen.setCosmetic(True)
        pen.setWidthF(size)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        self.setPen(pen)
        self.data = np.empty((0, 2))

    def setData(self, pos: np.ndarray) -> None:  # noqa: N802  (pyqtgraph's name)
        points = np.asarray(pos, dtype=np.float64).reshape(-1, 2)
        points = points[np.isfinite(points).all(axis=1)]
        self.data = points
        if not len(points):
            self.setPath(QPainterPath())
            return
        extent = float(np.ptp(points, axis=0).max()) or 1.0
        x = np.repeat(points[:, 0], 2)
        x[1::2] += SEGMENT * extent
        y = np.repeat(points[:, 1], 2)
        connect = np.zeros(len(x), dtype=np.int32)
        connect[0::2] = 1  # each point to its own segment's end, never to the next point
        self.setPath(pg.arrayToQPath(x, y, connect=connect))

    def clear(self) -> None:
        self.data = np.empty((0, 2))
        self.setPath(QPainterPath())
