"""Axis ranges that grow in steps with the data (fewer axis repaints); no Qt needed."""

from __future__ import annotations

import math

import numpy as np

from gantuner.gui.follow_range import RunningExtent, follow_x, follow_y, nice_ceiling


def test_nice_ceiling_rounds_up_to_round_numbers():
    assert [nice_ceiling(v) for v in (0.3, 1, 1.01, 2.5, 7, 10, 11, 4999, 5001, 618)] == \
        [0.3, 1, 1.2, 2.5, 8, 10, 12, 5000, 6000, 800]


def test_step_range_grows_in_jumps_not_on_every_new_step():
    current = follow_x(1, 30, None)
    assert current == (1, 41)                   # 29 * 1.2 = 34.8 -> 40, from the first step
    changes = 0
    for last in range(31, 1000):
        new = follow_x(1, last, current)
        if new is not None:
            assert new[0] == 1 and new[1] >= last
            current, changes = new, changes + 1
    assert changes <= 16 and current[1] >= 999  # a few jumps for ~1,000 new steps, not one per step


def test_value_range_keeps_still_while_the_data_fits_and_widens_when_it_leaves():
    current = follow_y(0.6, 0.8, None)
    assert current[0] < 0.6 and current[1] > 0.8
    assert follow_y(0.62, 0.79, current) is None
    wider = follow_y(0.5, 0.8, current)
    assert wider is not None and wider[0] < 0.5
    assert follow_y(0.6, 0.6, None)[1] > 0.6     # flat data still gets a range
    assert follow_y(math.nan, 1.0, current) is None


def test_running_extent_sees_only_finite_new_points():
    extent = RunningExtent()
    a = np.array([0.5, np.nan, 0.7, np.inf])
    assert extent.update([a[:2]]) == (0.5, 0.5)
    assert extent.update([a]) == (0.5, 0.7)
    assert extent.update([a[:1]]) == (0.5, 0.5)  # a shorter column means it was cleared
