"""Restart segments and the latest segment the diagnosis reads."""

from __future__ import annotations

import numpy as np

from gantuner.logs import latest_segment, read_text, segment_starts
from gantuner.logs.segments import restart_events
from gantuner.metrics import MetricTable


def _keras(steps):
    return "".join(f"{s} [D loss: {s / 1000:f}, acc.: 50.00%] [G loss: 0.7]\n" for s in steps)


def test_segments_of_appended_runs():
    table = read_text(_keras([0, 100, 200]) + _keras([0, 100]) + _keras([50, 150, 250, 350]))
    assert segment_starts(table) == [0, 3, 5]
    last = latest_segment(table)
    assert last.step.tolist() == [50, 150, 250, 350]
    assert last.columns["d_loss"].tolist() == [0.05, 0.15, 0.25, 0.35]
    assert [e for e in last.events if e["type"] == "restart"] == []


def test_no_restart_means_one_segment():
    table = read_text(_keras([0, 100, 100, 200]))  # a repeated step is not a restart
    assert segment_starts(table) == [0]
    assert latest_segment(table) is table


def test_restart_events_across_pieces():
    assert restart_events(np.array([5, 6]), previous_step=9, row_offset=10) == [
        {"type": "restart", "row": 10, "step": 5, "previous_step": 9}]
    assert restart_events(np.array([10, 11]), previous_step=9) == []


def test_latest_segment_keeps_the_events_of_its_own_run():
    table = MetricTable(step=np.array([0, 1, 2, 0, 1]),
                        columns={"time": np.array([10.0, 11, 12, 20, 21])},
                        events=[{"type": "knob", "step": 1, "time": 11.0},
                                {"type": "restart", "row": 3, "step": 0, "previous_step": 2},
                                {"type": "knob", "step": 1, "time": 21.0}])
    last = latest_segment(table)
    assert last.events == [{"type": "knob", "step": 1, "time": 21.0}]
