"""The debiased EMA (TensorBoard's smoothing) and the growable curve buffer; no Qt needed."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gantuner.run_model import ColumnStore as CurveBuffer
from gantuner.smoothing import SmoothedSeries, smooth, smooth_reference


@pytest.mark.parametrize("weight", [0.0, 0.1, 0.6, 0.9, 0.99, 0.999])
def test_matches_tensorboards_loop(weight):
    rng = np.random.default_rng(0)
    values = rng.normal(size=5000).cumsum() * 0.01 + rng.normal(size=5000)
    values[[3, 40, 41]] = [np.nan, np.inf, -np.inf]
    fast, _ = smooth(values, weight)
    slow = np.array(smooth_reference(values, weight))
    finite = np.isfinite(slow)
    np.testing.assert_allclose(fast[finite], slow[finite], rtol=1e-9, atol=1e-12)
    # Non-finite points are shown as they are and do not enter the average.
    assert np.isnan(fast[3]) and fast[40] == np.inf and fast[41] == -np.inf


def test_debiasing_keeps_the_start_at_the_data_not_at_zero():
    smoothed, _ = smooth(np.full(10, 5.0), 0.99)
    np.testing.assert_allclose(smoothed, 5.0)


def test_long_curves_cross_many_blocks_exactly():
    # w = 0.1 has blocks of 100 points: 2,000 points cross 20 block boundaries.
    values = np.sin(np.arange(2000) / 7.0)
    fast, _ = smooth(values, 0.1)
    np.testing.assert_allclose(fast, smooth_reference(values, 0.1), rtol=1e-9, atol=1e-12)


def test_incremental_updates_equal_one_full_pass():
    values = np.random.default_rng(1).normal(size=3000)
    values[100] = np.nan
    series = SmoothedSeries(0.95)
    for end in (1, 2, 50, 1000, 2999, 3000):
        partial = series.update(values[:end])
    full, _ = smooth(values, 0.95)
    np.testing.assert_allclose(partial, full, rtol=1e-9, atol=1e-12, equal_nan=True)
    series.set_weight(0.5)  # a new weight recomputes from the start
    np.testing.assert_allclose(series.update(values), smooth(values, 0.5)[0], rtol=1e-9, atol=1e-12,
                               equal_nan=True)


def test_weight_out_of_range_is_refused():
    with pytest.raises(ValueError, match="0 .. 0.999"):
        smooth(np.ones(3), 1.0)


def test_buffer_doubles_and_keeps_every_row():
    buffer = CurveBuffer(["d_loss", "g_loss"], capacity=4)
    for start in range(0, 100, 7):
        buffer.append_rows({"step": s, "d_loss": s * 0.5, "g_loss": None} for s in range(start, min(start + 7, 100)))
    assert len(buffer) == 100
    assert buffer.capacity == 128  # 4 doubled five times
    np.testing.assert_array_equal(buffer.steps, np.arange(100))
    np.testing.assert_array_equal(buffer.column("d_loss"), np.arange(100) * 0.5)
    assert np.isnan(buffer.column("g_loss")).all()  # missing values are NaN, not errors


def test_buffer_version_moves_on_every_change_and_nearest_step_is_found():
    buffer = CurveBuffer(["x"])
    v0 = buffer.version
    buffer.append_rows([{"step": 10, "x": 1.0}, {"step": 20, "x": 2.0}, {"step": 30, "x": math.nan}])
    assert buffer.version > v0
    assert buffer.index_at(14) == 0 and buffer.index_at(16) == 1 and buffer.index_at(99) == 2
    assert buffer.last_step() == 30
    buffer.clear()
    assert len(buffer) == 0 and buffer.index_at(5) is None


def test_a_smoothing_computed_elsewhere_is_taken_over_and_extended():
    rng = np.random.default_rng(1)
    values = rng.normal(size=3000)
    head, state = smooth(values[:2000], 0.9)  # as a helper thread computes it
    series = SmoothedSeries(0.3)
    series.update(values[:1000])  # smoothed with the old weight so far
    series.install(0.9, head, state)
    assert series.weight == 0.9
    extended = series.update(values)  # rows that came while the helper worked
    np.testing.assert_allclose(extended, smooth(values, 0.9)[0], rtol=1e-12)


def test_clearing_the_buffer_moves_its_generation():
    buffer = CurveBuffer(["d_loss"])
    buffer.append_rows([{"step": 1, "d_loss": 0.5}])
    before = buffer.generation
    buffer.append_rows([{"step": 2, "d_loss": 0.4}])
    assert buffer.generation == before  # appends keep earlier views valid
    buffer.clear()
    assert buffer.generation == before + 1
