"""Plot widgets whose scenes Qt paints without holding Python's GIL.

pyqtgraph's ``GraphicsView.paintEvent`` is a Python method that calls Qt's.
PySide keeps the GIL for the whole of a call into Qt made from Python, so
every repaint of a plot (background, cached axes, clipping, compositing,
every item) ran holding the GIL, and the training thread, which needs the
GIL between its tensor operations, waited for each frame to finish.

Here the class attribute ``paintEvent`` is Qt's own method again, so PySide
finds no Python override and Qt paints the scene from C++; Python (and the
GIL) is entered only for the items whose ``paint`` is written in Python.
pyqtgraph's paintEvent also told the scene that a paint was coming
(``prepareForPaint``: a ViewBox applies a changed range to its transform
then); an event filter on the viewport does that before each paint event.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGraphicsView


class _PrepareBeforePaint(QObject):
    def __init__(self, view: QGraphicsView):
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            scene = self._view.scene()
            if scene is not None:
                scene.prepareForPaint()
        return False  # the paint itself goes on to Qt's QGraphicsView::paintEvent


class _NativePaint:
    """Mixed in before a pyqtgraph view class: Qt's paintEvent, and the scene prepared first."""

    paintEvent = QGraphicsView.paintEvent  # noqa: N815  (Qt's, not pyqtgraph's Python one)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.viewport().installEventFilter(_PrepareBeforePaint(self))


class PlotView(_NativePaint, pg.PlotWidget):
    """A pyqtgraph PlotWidget painted by Qt without the GIL."""


class LayoutView(_NativePaint, pg.GraphicsLayoutWidget):
    """A pyqtgraph GraphicsLayoutWidget painted by Qt without the GIL."""
