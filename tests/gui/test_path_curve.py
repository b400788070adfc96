"""Curves are native Qt path items: drawn from the points the view chose, without Python paint calls."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QPainterPath

from gantuner.gui import plot_style
from gantuner.gui.curves import CurvesView
from gantuner.gui.path_curve import PathCurve
from gantuner.metrics import ENGINE_FIELDS
from gantuner.run_model import ColumnStore as CurveBuffer


def _subpaths(path) -> int:
    return sum(path.elementAt(i).type == QPainterPath.ElementType.MoveToElement for i in range(path.elementCount()))


def test_a_path_curve_keeps_its_points_and_breaks_at_non_finite_values():
    curve = PathCurve(plot_style.pen("#0072B2"))
    curve.setData([0, 1, 2, 3, 4], [0.5, 0.6, np.nan, 0.7, np.inf])
    assert curve.xData.tolist() == [0, 1, 2, 3, 4]
    assert np.isnan(curve.yData[2])
    assert _subpaths(curve.path()) == 2  # 0-1, then 3 alone: NaN and inf are gaps
    assert curve.pen().isCosmetic() and curve.pen().widthF() == 0  # Qt's one-pixel line
    with pytest.raises(ValueError, match="as many x as y"):
        curve.setData([0, 1], [0.5])
    curve.setData([], [])
    assert curve.path().isEmpty()


def test_a_million_step_run_is_drawn_from_summaries_by_qt_alone(qtbot, monkeypatch):
    python_paints = []
    for cls in (pg.PlotCurveItem, pg.PlotDataItem):
        if "paint" in vars(cls):
            original = vars(cls)["paint"]
            monkeypatch.setattr(cls, "paint", lambda self, *a, _o=original: (python_paints.append(self), _o(self, *a))[1])
    buffer = CurveBuffer(ENGINE_FIELDS)
    view = CurvesView(buffer)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    points = 1_000_000
    steps = np.arange(1, points + 1, dtype=np.float64)
    columns = {f: np.full(points, 0.6) for f in ENGINE_FIELDS}
    columns["d_loss"][654_321] = 3.0  # one spike among a million points
    buffer.append_columns(steps, columns)
    view.redraw()
    curve = view.series["d_loss"].smooth
    width = view.plot_item("lossPlot").getViewBox().width()
    assert len(curve.xData) <= 4 * width + 4  # what the plot has pixels for, not a million
    assert curve.yData.max() == 3.0 and curve.xData[np.argmax(curve.yData)] == pytest.approx(654_322, abs=2000)
    image = view.plots["lossPlot"].grab().toImage()
    colour = QColor(plot_style.COLOURS["d_loss"])
    assert any(image.pixelColor(x, y) == colour for x in range(0, image.width(), 2) for y in range(image.height()))
    curve_items = {s.smooth for s in view.series.values()} | {s.raw for s in view.series.values()}
    assert all(type(c) is PathCurve for c in curve_items)
    assert python_paints == []  # the grab painted the curves without a Python paint call


def test_a_plots_csv_export_holds_every_point_of_its_curves(qtbot, tmp_path):
    from pyqtgraph.exporters import CSVExporter

    buffer = CurveBuffer(ENGINE_FIELDS)
    view = CurvesView(buffer)
    qtbot.addWidget(view)
    steps = np.arange(1, 50_001, dtype=np.float64)
    buffer.append_columns(steps, {f: np.linspace(0.2, 0.8, steps.size) for f in ENGINE_FIELDS})
    view.set_smoothing(0.5)
    view.redraw()
    assert len(view.series["d_loss"].smooth.xData) < steps.size  # drawn from summaries
    target = tmp_path / "loss.csv"
    CSVExporter(view.plot_item("lossPlot")).export(str(target))
    lines = target.read_text().splitlines()
    header = lines[0].split(",")
    assert {"d_loss_raw_x", "d_loss_x", "g_loss_raw_x", "g_loss_x"} <= {h.strip('"') for h in header}
    assert len(lines) == 1 + steps.size  # every step, not the drawn summary
    view.set_smoothing(0.0)
    view.redraw()
    CSVExporter(view.plot_item("lossPlot")).export(str(target))
    header = [h.strip('"') for h in target.read_text().splitlines()[0].split(",")]
    assert not any("raw" in h for h in header)  # the hidden raw curves are left out
