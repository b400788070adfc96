"""Plots are painted by Qt's own paintEvent (no Python, so no GIL, around the whole
scene), and a range change still reaches the picture: the scene is prepared
before each paint as pyqtgraph's own paintEvent would."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor

from gantuner.gui.native_paint import LayoutView

from .helpers import shown_plot_view

LINE = QColor("#D55E00")


def _line_rows(view) -> list[int]:
    """Rows of the rendered view where the test line's colour appears."""
    image = view.grab().toImage()
    rows = []
    for y in range(image.height()):
        if any(image.pixelColor(x, y) == LINE for x in range(image.width() // 3, image.width() // 3 + 20)):
            rows.append(y)
    return rows


def _row_of(view, value: float, y_range: tuple[float, float]) -> float:
    """Where ``value`` belongs on screen for ``y_range``, from the view box's geometry alone."""
    box = view.getPlotItem().getViewBox()
    top_left = view.mapFromScene(box.mapToScene(box.boundingRect().topLeft()))
    height = box.boundingRect().height()
    return top_left.y() + (y_range[1] - value) / (y_range[1] - y_range[0]) * height


@pytest.fixture
def python_paints(monkeypatch) -> list:
    """The views pyqtgraph's own Python paintEvent painted (none, if Qt paints them directly)."""
    painted = []
    original = pg.GraphicsView.paintEvent
    monkeypatch.setattr(pg.GraphicsView, "paintEvent",
                        lambda self, event: (painted.append(self), original(self, event))[1])
    return painted


def test_plots_are_painted_without_pyqtgraphs_python_paint_event_and_follow_range_changes(qtbot, python_paints):
    view, item = shown_plot_view(qtbot, 400, 300)
    item.hideAxis("left")
    item.hideAxis("bottom")
    item.plot(np.array([0.0, 1.0]), np.array([0.25, 0.25]), pen=pg.mkPen(LINE, width=1))
    item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    low = _line_rows(view)
    item.setYRange(0, 0.5, padding=0)  # the line moves from a quarter up to half the plot's height
    high = _line_rows(view)
    assert low and high
    expected_low, expected_high = (_row_of(view, 0.25, y_range) for y_range in ((0, 1), (0, 0.5)))
    assert expected_high < expected_low - 20
    assert abs(np.mean(low) - expected_low) <= 2
    assert abs(np.mean(high) - expected_high) <= 2
    assert python_paints == []  # painted, but never through pyqtgraph's Python paintEvent


def test_layout_views_are_painted_natively_too(qtbot, python_paints):
    view = LayoutView()
    qtbot.addWidget(view)
    box = view.addViewBox(lockAspect=True)
    image = pg.ImageItem(np.full((4, 4), 200, dtype=np.uint8), levels=(0, 255))
    box.addItem(image)
    view.resize(200, 200)
    view.show()
    qtbot.waitExposed(view)
    box.autoRange(padding=0)
    picture = view.grab().toImage()
    centre = picture.pixelColor(picture.width() // 2, picture.height() // 2)
    assert centre.red() == centre.green() == centre.blue() == 200  # the image, placed by the prepared range
    assert python_paints == []
