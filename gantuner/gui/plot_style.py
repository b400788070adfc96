"""pyqtgraph settings and colours shared by every plot in the window."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

# Colour-blind-safe (Okabe-Ito) colours, one per curve.
COLOURS = {
    "d_loss": "#0072B2", "g_loss": "#D55E00",
    "d_acc_real": "#009E73", "d_acc_fake": "#CC79A7", "d_acc": "#000000",
    "d_x": "#0072B2", "d_g_z": "#D55E00",
}
REAL_POINTS = "#4682dc"   # the same blue and orange as the saved scatter PNGs
FAKE_POINTS = "#f07814"
MARKER = "#7a3fb0"
RAW_ALPHA = 45            # the unsmoothed curve, drawn faintly behind
# The least plot area a curve plot keeps, however tall a dock below it grows: the six
# value labels of a 0..1 axis ran into each other in 50 px (seen under Xvfb with a Learn
# dock 620 px tall in a 1600x1000 window).
MIN_PLOT_AREA_PX = 72
TITLE_ROW_PX = 32         # a curve plot's title row (its curves' names), above the plot area
STEP_AXIS_PX = 45         # the step axis and its label, under the lowest plot

_configured = False


def configure() -> None:
    """Global pyqtgraph options, once: white background, fast thin lines."""
    global _configured
    if _configured:
        return
    pg.setConfigOptions(background="w", foreground="k", antialias=False)
    _configured = True


def cache_static_parts(item: pg.PlotItem) -> None:
    """Paint the axes, their labels and the title from a pixmap between their changes.

    A new point on a curve repaints the whole plot.  Without a cache each
    axis replays its recorded ticks and text with every repaint, measured at a
    sixth of the GUI thread's time while training; cached, an unchanged axis is
    one pixmap copy.  An axis whose range changes calls update(), which renders
    it again.
    """
    from PySide6.QtWidgets import QGraphicsItem

    cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
    for entry in item.axes.values():
        axis = entry["item"]
        axis.setCacheMode(cache)
        axis.label.setCacheMode(cache)
    item.titleLabel.setCacheMode(cache)


def pen(colour: str, alpha: int = 255, width: float = 1.0, dashed: bool = False):
    c = QColor(colour)
    c.setAlpha(alpha)
    from PySide6.QtCore import Qt
    return pg.mkPen(c, width=width, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
