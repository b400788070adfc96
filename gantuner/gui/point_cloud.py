"""2D points as one native Qt path item: square dots a few pixels wide at any zoom.

pyqtgraph's ScatterPlotItem builds per-point records and a symbol atlas in
Python on every ``setData`` and paints in Python, all holding the GIL the
training thread needs; a new cloud of generated points arrives about once a
second.  Here each point is a tiny segment stroked by a wide cosmetic pen with
square caps, so the dots keep their size in pixels, and Qt paints the whole
cloud without entering Python.

The segment must be long enough to survive the transform to pixels (Qt draws
nothing for one under about 1e-8 pixels) and far too short to see: it is a
hundredth of a pixel of the view the cloud is in, re-cut when the view zooms
by more than a factor of two (``attach``).  Measured in data units instead, a
single far-off point (a diverging generator) would stretch every dot into a
line.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

SEGMENT_PIXELS = 0.01   # the segment behind each dot, in pixels of the view
UNPLACED_SEGMENT = 1e-6  # before the cloud is in a view: a share of the points' spread


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
        self._pixel: float | None = None  # data units per pixel of the view, once attached

    def attach(self, box: pg.ViewBox) -> None:
        """Show the cloud in ``box``; its dots are re-cut when the box zooms."""
        box.addItem(self, ignoreBounds=True)
        box.sigRangeChanged.connect(lambda changed, *_: self.set_pixel_size(_pixel_width(changed)))
        self.set_pixel_size(_pixel_width(box))

    def set_pixel_size(self, units: float | None) -> None:
        """The width of a pixel of the view, in data units."""
        if units is None or not (math.isfinite(units) and units > 0):
            return
        if self._pixel is not None and 0.5 < units / self._pixel < 2.0:
            return  # a pan, or a small zoom: the dots are still far below a pixel long
        self._pixel = units
        self._rebuild()

    def setData(self, pos: np.ndarray) -> None:  # noqa: N802  (pyqtgraph's name)
        points = np.asarray(pos, dtype=np.float64).reshape(-1, 2)
        self.data = points[np.isfinite(points).all(axis=1)]
        self._rebuild()

    def clear(self) -> None:
        self.data = np.empty((0, 2))
        self.setPath(QPainterPath())

    def _rebuild(self) -> None:
        points = self.data
        if not len(points):
            self.setPath(QPainterPath())
            return
        if self._pixel is not None:
            length = SEGMENT_PIXELS * self._pixel
        else:
            spread = np.median(np.abs(points - np.median(points, axis=0)))
            length = UNPLACED_SEGMENT * (float(spread) or 1.0)
        x = np.repeat(points[:, 0], 2)
        x[1::2] += length
        y = np.repeat(points[:, 1], 2)
        connect = np.zeros(len(x), dtype=np.int32)
        connect[0::2] = 1  # each point to its own segment's end, never to the next point
        self.setPath(pg.arrayToQPath(x, y, connect=connect))


def _pixel_width(box: pg.ViewBox) -> float | None:
    try:
        width = box.viewPixelSize()[0]
    except Exception:  # a view not laid out yet has no pixels
        return None
    return float(width)
