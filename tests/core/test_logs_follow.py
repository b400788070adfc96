"""Following logs that are still being written."""

from __future__ import annotations

import json

import numpy as np

from gantuner.logs import LogFollower


def _append(path, text):
    with path.open("a", encoding="utf-8", newline="") as f:
        f.write(text)


def test_console_log_partial_line_waits_for_its_end(tmp_path):
    path = tmp_path / "train.log"
    follower = LogFollower(path)
    assert follower.poll() is None  # not created yet
    _append(path, "Model summary\n")
    assert follower.poll() is None  # nothing recognisable yet
    _append(path, "0 [D loss: 0.7, acc.: 50.00%] [G loss: 0.69]\n1 [D loss: 0.6, acc.: 6")
    first = follower.poll()
    assert first.format == "keras-gan"
    assert first.step.tolist() == [0] and first.skipped_lines == 0
    assert follower.poll() is None
    _append(path, "0.00%] [G loss: 0.7]\n2 [D loss: 0.5, acc.: 70.00%] [G loss: 0.8]\n")
    second = follower.poll()
    assert second.step.tolist() == [1, 2]
    assert second.columns["d_acc"].tolist() == [0.6, 0.7]


def test_console_line_numbers_restarts_and_progress_records(tmp_path):
    path = tmp_path / "train.log"
    _append(path, "[Epoch 0/9] [Batch 1/10] [D loss: 0.5] [G loss: 0.7]\n")
    follower = LogFollower(path, format="pytorch-gan")
    assert follower.poll().step.tolist() == [1]
    _append(path, "[Epoch 0/9] [Batch 2/10] [D loss: 0.5] [G loss: 0.7]\r"
                  "[Epoch 0/9] [Batch 3/10] [D loss: bad] [G loss: 0.7]\n"
                  "[Epoch 0/9] [Batch 0/10] [D loss: 0.4] [G loss: 0.8]\r")
    table = follower.poll()
    assert table.step.tolist() == [2, 0]
    assert table.skipped_lines == 1 and table.skipped_examples[0].line_number == 2
    assert table.events == [{"type": "restart", "row": 2, "step": 0, "previous_step": 2}]


def test_gantuner_run_metrics_and_events(tmp_path):
    metrics, events = tmp_path / "metrics.jsonl", tmp_path / "events.jsonl"
    _append(metrics, json.dumps({"step": 0, "d_loss": 0.7, "lr_d": 2e-4}) + "\n" + '{"step": 1, "d_lo')
    follower = LogFollower(tmp_path)
    table = follower.poll()
    assert table.format == "gantuner" and table.step.tolist() == [0]
    assert table.knobs["lr_d"] == [2e-4]
    _append(metrics, 'ss": 0.6}\n')
    _append(events, json.dumps({"step": 1, "type": "pause"}) + "\n")
    table = follower.poll()
    assert table.step.tolist() == [1] and table.columns["d_loss"].tolist() == [0.6]
    assert table.events == [{"step": 1, "type": "pause"}]
    assert follower.poll() is None


def test_csv_reread_returns_only_new_rows(tmp_path):
    path = tmp_path / "metrics.csv"
    path.write_text("step,d_loss,g_loss\n0,0.5,0.7\n")
    follower = LogFollower(path)
    assert follower.poll().step.tolist() == [0]
    assert follower.poll() is None
    path.write_text("step,d_loss,g_loss\n0,0.5,0.7\n1,0.4,0.8\n2,0.3,0.9\n")
    table = follower.poll()
    assert table.step.tolist() == [1, 2]
    assert np.array_equal(table.columns["g_loss"], [0.8, 0.9])


def test_csv_caught_mid_rewrite_is_retried(tmp_path):
    path = tmp_path / "metrics.csv"
    path.write_text("")
    follower = LogFollower(path, format="csv")
    assert follower.poll() is None
    assert follower.last_error is not None and "empty" in str(follower.last_error)
    path.write_text("step,d_loss\n0,0.5\n")
    assert follower.poll().step.tolist() == [0]
    assert follower.last_error is None
