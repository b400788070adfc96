"""2D points as one native path item: dots a few pixels wide where the points are, at any zoom."""

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsPathItem

from gantuner.gui.point_cloud import PointCloud

from .helpers import shown_plot_view

ORANGE = "#f07814"


def _dot_at(view, x: float, y: float) -> bool:
    box = view.getPlotItem().getViewBox()
    pixel = view.mapFromScene(box.mapViewToScene(QPointF(x, y)))
    image = view.grab().toImage()
    near = [image.pixelColor(pixel.x() + dx, pixel.y() + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    return QColor(ORANGE) in near


def test_points_show_as_dots_of_fixed_size_and_non_finite_ones_are_left_out(qtbot):
    view, item = shown_plot_view(qtbot, 400, 400)
    item.setRange(xRange=(-2, 2), yRange=(-2, 2), padding=0)
    cloud = PointCloud(ORANGE)
    cloud.attach(item.getViewBox())
    # A far-off point (a diverging generator) must not stretch the others' dots.
    cloud.setData(np.array([[1.0, 1.0], [-1.0, 0.5], [np.nan, 0.0], [0.0, np.inf], [1e6, -1e6]]))
    assert cloud.data.tolist() == [[1.0, 1.0], [-1.0, 0.5], [1e6, -1e6]]
    assert _dot_at(view, 1.0, 1.0) and _dot_at(view, -1.0, 0.5)
    assert not _dot_at(view, 0.0, 0.75)  # dots, not a line between them
    image = view.grab().toImage()
    row = view.mapFromScene(item.getViewBox().mapViewToScene(QPointF(1.0, 1.0)))
    assert sum(image.pixelColor(x, row.y()) == QColor(ORANGE) for x in range(image.width())) <= 5
    item.setRange(xRange=(0.9, 1.1), yRange=(0.9, 1.1), padding=0)  # zoomed in 20 times
    image = view.grab().toImage()
    box = item.getViewBox()
    centre = view.mapFromScene(box.mapViewToScene(QPointF(1.0, 1.0)))
    wide = sum(image.pixelColor(centre.x() + dx, centre.y()) == QColor(ORANGE) for dx in range(-10, 11))
    assert 1 <= wide <= 5  # still a few pixels, not a blob grown with the zoom
    assert type(cloud).paint is QGraphicsPathItem.paint  # Qt paints it, no Python
    cloud.clear()
    assert len(cloud.data) == 0 and cloud.path().isEmpty()
