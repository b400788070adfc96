"""A curve that Qt draws without entering Python.

pyqtgraph's PlotDataItem/PlotCurveItem paint in Python: every frame, each
curve's ``paint`` and several ``boundingRect`` calls run Python, and the
stroke of the whole path is drawn inside that Python call, holding the GIL
the training thread needs.  The curves view already decides which points to
draw (every point of a short curve, peak summaries of the visible rows of a
long one: ``curve_lod.py``), so pyqtgraph's clipping and downsampling are not
needed: the points become a QPainterPath once per redraw, and a plain
QGraphicsPathItem (no Python overrides) is painted by Qt alone.

Non-finite values break the line (``connect="finite"``), as pyqtgraph does.
A plot's context menu (Export..., CSV) still finds the curves: they answer
pyqtgraph's exporter with their name and every point behind them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem


class PathCurve(QGraphicsPathItem):
    """A polyline through (x, y), for a pyqtgraph ViewBox; ``xData``/``yData`` are the points drawn."""

    def __init__(self, pen: QPen, name: str | None = None,
                 original: Callable[[], tuple[np.ndarray, np.ndarray]] | None = None):
        super().__init__()
        self._name = name
        self._original = original  # every point behind the curve, for exports
        pen = QPen(pen)
        pen.setCosmetic(True)  # as wide in pixels whatever the zoom
        if pen.widthF() <= 1.0:
            # Width 0 is Qt's one-pixel line.  A wider pen makes Qt compute the
            # item's bounds from an outline of the whole path (a stroker pass
            # over every point), and in data units, where one "pixel" can be
            # the whole 0-1 range.
            pen.setWidthF(0.0)
        self.setPen(pen)
        self.xData: np.ndarray | None = None
        self.yData: np.ndarray | None = None

    def setData(self, x: np.ndarray, y: np.ndarray) -> None:  # noqa: N802  (pyqtgraph's name)
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        if x.shape != y.shape:
            raise ValueError(f"a curve needs as many x as y values, got {x.shape} and {y.shape}")
        self.xData, self.yData = x, y
        self.setPath(pg.arrayToQPath(x, y, connect="finite") if len(x) else QPainterPath())

    def getData(self) -> tuple[np.ndarray | None, np.ndarray | None]:  # noqa: N802
        return self.xData, self.yData

    # ---- what pyqtgraph's CSV exporter asks of a plot's data items ------------
    def implements(self, interface: str | None = None) -> bool:
        return interface == "plotData"

    def name(self) -> str | None:
        return self._name

    def getOriginalDataset(self) -> tuple[np.ndarray | None, np.ndarray | None]:  # noqa: N802
        """Every point behind the curve, not only those drawn; nothing while hidden."""
        if not self.isVisible():
            return None, None
        return self._original() if self._original is not None else self.getData()
