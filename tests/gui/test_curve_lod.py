"""Peak summaries for long curves: what is drawn keeps every peak, in about two points per pixel."""

from __future__ import annotations

import numpy as np
import pytest

from gantuner.gui.curve_lod import BASE_BLOCK, PeakLevels


def test_short_views_get_the_points_themselves():
    steps = np.arange(1.0, 1001.0)
    values = np.sin(steps)
    levels = PeakLevels()
    levels.update(values)
    x, y = levels.view(steps, values, 100, 600, max_points=2000)
    assert np.array_equal(x, steps[100:600]) and np.array_equal(y, values[100:600])


@pytest.mark.parametrize("chunks", [[1_000_003], [7, 100, 4093, 995_803], [16] * 50 + [999_203]])
def test_incremental_summaries_keep_every_peak_and_match_a_direct_reduction(chunks):
    rng = np.random.default_rng(1)
    n = sum(chunks)
    steps = np.arange(1.0, n + 1.0)
    values = rng.normal(size=n)
    values[123_456] = 40.0          # one spike
    values[500_000:500_100] = np.nan  # a gap (e.g. a loss that was NaN for a while)
    levels = PeakLevels()
    seen = 0
    for size in chunks:  # rows arrive in batches; the series only grows
        seen += size
        levels.update(values[:seen])
    assert levels.folded == n - n % BASE_BLOCK

    x, y = levels.view(steps, values, 0, n, max_points=2000)
    assert x.shape == y.shape and len(x) <= 2 * 2000 + 2
    assert np.nanmax(y) == 40.0 and np.nanmin(y) == np.nanmin(values)
    # Each pair is the min and max of its block of rows, as a direct reduction finds them.
    block = int(x[2] - x[0])
    assert block >= BASE_BLOCK and block & (block - 1) == 0
    for pair in (0, 7, len(x) // 4 - 1):
        start = int(x[2 * pair]) - 1
        chunk = values[start:start + block]
        assert y[2 * pair] == np.nanmin(chunk) and y[2 * pair + 1] == np.nanmax(chunk)
    # A zoomed view picks a finer level and covers just the visible rows.
    zx, zy = levels.view(steps, values, 120_000, 130_000, max_points=2000)
    assert zx[0] <= 120_001 and zx[-1] <= 130_000 and 40.0 in zy
    assert int(zx[2] - zx[0]) < block


def test_a_shorter_series_starts_the_summaries_again():
    levels = PeakLevels()
    levels.update(np.arange(10_000.0))
    levels.update(np.arange(100.0))
    assert levels.folded == 96
