"""Curves a learner can read (issue 13 item 4): markers, the chance label, the smoothing slider, hint bands."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gantuner import knobs
from gantuner.gui.curves import CHANCE_Z, CurvesView
from gantuner.gui.knob_markers import knob_change_text
from gantuner.metrics import ENGINE_FIELDS
from gantuner.run_model import ColumnStore as CurveBuffer
from gantuner.smoothing import MIN_POINTS_TO_SMOOTH, points_averaged, position_of, weight_at


@pytest.fixture
def view(qtbot):
    buffer = CurveBuffer(ENGINE_FIELDS)
    curves = CurvesView(buffer)
    qtbot.addWidget(curves)
    curves.resize(1000, 700)
    curves.show()
    qtbot.waitExposed(curves)
    return curves


def fill(view, points: int) -> None:
    rng = np.random.default_rng(0)
    steps = np.arange(1, points + 1, dtype=np.float64)
    view.buffer.append_columns(steps, {f: 0.5 + 0.2 * rng.normal(size=points) for f in ENGINE_FIELDS})
    view.set_follow(False)
    view.plot_item("lossPlot").setXRange(0, points, padding=0)
    view.redraw()


def test_markers_use_the_knobs_labels_not_their_keys():
    event = {"type": "knob", "step": 300, "knob": "d_steps", "old": 1, "new": 5}
    assert knob_change_text(event, "en") == f"{knobs.KNOBS['d_steps'].label('en')} 1 → 5"
    assert knob_change_text(event, "ja").startswith(knobs.KNOBS["d_steps"].label("ja"))
    assert "d_steps" not in knob_change_text(event, "en")


def test_close_markers_share_a_label_and_overlapping_ones_are_stacked(view, qtbot):
    fill(view, 10_000)
    view.add_knob_change({"step": 3000, "knob": "lr_d", "old": 2e-4, "new": 1e-4})
    view.add_knob_change({"step": 3002, "knob": "d_steps", "old": 1, "new": 5})  # a pixel apart
    view.add_knob_change({"step": 3300, "knob": "d_dropout", "old": 0.0, "new": 0.3})  # 30 px on: overlaps
    view.add_knob_change({"step": 8000, "knob": "batch_size", "old": 64, "new": 128})  # far away
    qtbot.wait(50)
    shown = view.knob_markers.shown_labels()
    assert len(shown) == 3  # the two close ones merged
    merged = next(text for step, text, _ in shown if step == 3000)
    assert "D learning rate 2e-4 → 1e-4" in merged and knobs.KNOBS["d_steps"].label("en") in merged
    rows = {step: position for step, _text, position in shown}
    assert rows[3300] < rows[3000]  # the overlapping label goes one row down
    assert rows[8000] == rows[3000]  # room in the top row again
    # Every line keeps its own change in its tooltip; zooming in separates the merged pair.
    view.plot_item("lossPlot").setXRange(2990, 3010, padding=0)
    qtbot.wait(50)
    assert {step for step, _t, _p in view.knob_markers.shown_labels()} >= {3000, 3002}
    assert all("lr_d" not in text for _s, text, _p in view.knob_markers.shown_labels())


def test_the_chance_label_is_drawn_over_the_curves(view):
    fill(view, 100)
    line = view.chance_line
    curves = [s.smooth for s in view.series.values()] + [s.raw for s in view.series.values()]
    assert line.zValue() == CHANCE_Z > max(c.zValue() for c in curves)
    assert line.label.fill.color().alpha() > 200  # an opaque patch under its text
    assert "chance" in line.label.toPlainText()


def test_the_smoothing_slider_is_even_in_how_many_points_it_averages():
    positions = range(0, 1001, 100)
    spans = [points_averaged(weight_at(p)) for p in positions]
    ratios = [b / a for a, b in zip(spans, spans[1:])]
    assert spans[0] == 1.0 and math.isclose(spans[-1], 1000.0, rel_tol=1e-9)
    assert max(ratios) / min(ratios) < 1.0001  # each tenth of the slider multiplies the span by the same
    # The old linear slider: its first 90 % covered 1 to 10 points, the last 10 % the other 990.
    assert points_averaged(weight_at(900)) > 100
    assert all(abs(weight_at(position_of(w)) - w) < 0.01 for w in (0.0, 0.5, 0.9, 0.99, 0.999))


def test_short_curves_are_not_smoothed(view):
    fill(view, 6)  # a six-point log
    view.set_smoothing(0.9)
    view.redraw()
    series = view.series["d_loss"]
    np.testing.assert_array_equal(series.smooth.yData, view.buffer.column("d_loss"))
    assert not series.raw.isVisible() and view.smoothing_in_use() == 0.0
    assert str(MIN_POINTS_TO_SMOOTH) in view.smoothing_value.toolTip()
    fill(view, MIN_POINTS_TO_SMOOTH)  # long enough now: smoothed
    view.redraw()
    assert view.smoothing_in_use() == 0.9 and series.raw.isVisible()
    assert not np.array_equal(series.smooth.yData, view.buffer.column("d_loss"))


def test_hint_bands_get_a_key(view):
    assert view.band_key.isHidden()
    view.set_band_key([("#E69F00", "D is too strong (steps 100–900)"), ("#0072B2", "Mode collapse (steps 400–700)")])
    assert view.band_key.isVisible()
    text = view.band_key.text()
    assert "D is too strong (steps 100–900)" in text and "Mode collapse" in text and "#E69F00" in text
    view.set_band_key([])
    assert view.band_key.isHidden()


def test_markers_follow_a_language_switch(view, qtbot):
    from gantuner.gui import i18n

    fill(view, 1000)
    view.add_knob_change({"step": 300, "knob": "lr_d", "old": 2e-4, "new": 1e-4})
    assert view.markers() == [(300.0, "D learning rate 2e-4 → 1e-4")]
    i18n.set_language("ja")
    qtbot.waitUntil(lambda: view.markers()[0][1].startswith(knobs.KNOBS["lr_d"].label("ja")), timeout=2000)
    assert view.knob_markers.shown_labels()[0][1].startswith(knobs.KNOBS["lr_d"].label("ja"))
