"""A smoothing chosen with the slider on a long run is computed off the GUI thread;
the result equals smoothing on the spot, rows that come meanwhile join it, and the
last choice wins."""

import numpy as np
import pytest

from gantuner.gui.curves import BACKGROUND_SMOOTHING_POINTS, CurvesView
from gantuner.metrics import ENGINE_FIELDS
from gantuner.run_model import ColumnStore as CurveBuffer
from gantuner.smoothing import position_of, smooth, weight_at


@pytest.fixture
def long_view(qtbot):
    buffer = CurveBuffer(ENGINE_FIELDS)
    view = CurvesView(buffer)
    qtbot.addWidget(view)
    points = 3 * BACKGROUND_SMOOTHING_POINTS
    rng = np.random.default_rng(0)
    steps = np.arange(1, points + 1, dtype=np.float64)
    buffer.append_columns(steps, {f: rng.normal(size=points).cumsum() * 1e-3 for f in ENGINE_FIELDS})
    view.redraw()
    return view, buffer


def _move_slider(view, weight):
    """Move the slider to ``weight``'s position; returns the weight it gives there."""
    view.smoothing_slider.setValue(position_of(weight))
    return weight_at(position_of(weight))


def test_the_slider_smooths_a_long_run_off_the_gui_thread(qtbot, long_view):
    view, buffer = long_view
    w90 = _move_slider(view, 0.9)
    qtbot.waitUntil(view.smoothing_pending, timeout=2000)
    assert view.smoothing() == 0.0  # the old smoothing stays drawn meanwhile
    # Rows keep coming while the helper thread works.
    steps = buffer.steps[-1] + np.arange(1, 101, dtype=np.float64)
    buffer.append_columns(steps, {f: np.full(100, 0.25) for f in ENGINE_FIELDS})
    view.redraw()
    qtbot.waitUntil(lambda: not view.smoothing_pending(), timeout=20000)
    assert view.smoothing() == w90
    view.redraw()
    for field in ("d_loss", "d_acc"):
        drawn = view.series[field].smoothed.update(buffer.column(field))
        np.testing.assert_allclose(drawn, smooth(buffer.column(field), w90)[0], rtol=1e-9, atol=1e-12)
    assert view.series["d_loss"].raw.isVisible()


def test_the_last_choice_wins_and_going_back_drops_the_pending_one(qtbot, long_view):
    view, buffer = long_view
    _move_slider(view, 0.5)
    qtbot.waitUntil(view.smoothing_pending, timeout=2000)
    w95 = _move_slider(view, 0.95)
    qtbot.waitUntil(lambda: view.smoothing() == w95, timeout=20000)
    qtbot.wait(300)  # the 0.5 result, when it lands, is dropped
    assert view.smoothing() == w95 and not view.smoothing_pending()
    np.testing.assert_allclose(view.series["g_loss"].smoothed.update(buffer.column("g_loss")),
                               smooth(buffer.column("g_loss"), w95)[0], rtol=1e-9, atol=1e-12)
    _move_slider(view, 0.6)
    qtbot.waitUntil(view.smoothing_pending, timeout=2000)
    _move_slider(view, 0.95)  # back to what is drawn
    qtbot.wait(200)
    assert not view.smoothing_pending()
    qtbot.wait(500)
    assert view.smoothing() == w95


def test_curves_cleared_while_smoothing_are_smoothed_again(qtbot, long_view):
    view, buffer = long_view
    w80 = _move_slider(view, 0.8)
    qtbot.waitUntil(view.smoothing_pending, timeout=2000)
    buffer.clear()
    view.clear()
    refill = np.arange(1, 2 * BACKGROUND_SMOOTHING_POINTS + 1, dtype=np.float64)
    buffer.append_columns(refill, {f: np.sin(refill / 100.0) for f in ENGINE_FIELDS})
    qtbot.waitUntil(lambda: view.smoothing() == w80 and not view.smoothing_pending(), timeout=30000)
    np.testing.assert_allclose(view.series["d_x"].smoothed.update(buffer.column("d_x")),
                               smooth(buffer.column("d_x"), w80)[0], rtol=1e-9, atol=1e-12)


def test_set_smoothing_from_code_applies_at_once(qtbot, long_view):
    view, _buffer = long_view
    view.set_smoothing(0.7)  # settings restore, scripts: no waiting
    assert view.smoothing() == 0.7 and not view.smoothing_pending()
