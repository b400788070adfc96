"""gantuner run folders: metrics.jsonl, events.jsonl, knob values, damaged lines."""

from __future__ import annotations

import json
import math

import pytest

from gantuner.logs import LogError, detect_format, read_log, read_text


def _write_run(folder, metrics_lines, events_lines=()):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps({"knobs": {}, "run": {}, "gantuner_version": "0.1.0"}))
    (folder / "metrics.jsonl").write_text("".join(line + "\n" for line in metrics_lines))
    if events_lines:
        (folder / "events.jsonl").write_text("".join(line + "\n" for line in events_lines))
    return folder


def _row(step, **fields):
    row = {"step": step, "time": 1000.0 + step, "d_loss": 0.69, "g_loss": 0.7, "d_acc": 0.5,
           "lr_d": 2e-4, "loss": "bce", **fields}
    return json.dumps(row)


def test_run_folder_columns_knobs_and_events(tmp_path):
    run = _write_run(tmp_path / "run", [_row(0), _row(1, d_loss=float("nan"), lr_d=1e-4),
                                        _row(2, d_loss=float("inf"), quality_coverage=0.75)],
                     [json.dumps({"step": 1, "time": 1001.0, "type": "knob", "knob": "lr_d",
                                  "old": 2e-4, "new": 1e-4, "source": "user"})])
    assert detect_format(run) == "gantuner"
    table = read_log(run)
    assert table.format == "gantuner"
    assert table.step.tolist() == [0, 1, 2]
    assert math.isnan(table.columns["d_loss"][1]) and table.columns["d_loss"][2] == math.inf
    assert table.columns["time"].tolist() == [1000.0, 1001.0, 1002.0]
    assert math.isnan(table.columns["quality_coverage"][0]) and table.columns["quality_coverage"][2] == 0.75
    assert table.knobs["lr_d"] == [2e-4, 1e-4, 2e-4]
    assert table.knobs["loss"] == ["bce"] * 3
    assert "lr_d" not in table.columns and "loss" not in table.columns
    assert table.events == [{"step": 1, "time": 1001.0, "type": "knob", "knob": "lr_d",
                             "old": 2e-4, "new": 1e-4, "source": "user"}]


def test_metrics_file_itself_can_be_opened(tmp_path):
    run = _write_run(tmp_path / "run", [_row(0), _row(5)])
    assert detect_format(run / "metrics.jsonl") == "gantuner"
    assert read_log(run / "metrics.jsonl").step.tolist() == [0, 5]


def test_truncated_and_corrupt_lines_are_skipped_and_counted(tmp_path):
    run = _write_run(tmp_path / "run", [_row(0), '{"step": 1, "d_lo', "[1, 2]", _row(2), '{"time": 3}'],
                     ['{"step": 1, "type": "pause"}', '{"step": 2, "ty'])
    table = read_log(run)
    assert table.step.tolist() == [0, 2]
    assert table.skipped_lines == 4
    reasons = [(e.line_number, e.reason.split(":")[0]) for e in table.skipped_examples]
    assert reasons == [(2, "metrics.jsonl"), (3, "metrics.jsonl"), (5, "metrics.jsonl"), (2, "events.jsonl")]
    assert table.events[0]["type"] == "pause"


def test_resumed_from_an_early_checkpoint_marks_a_restart(tmp_path):
    run = _write_run(tmp_path / "run", [_row(s) for s in (0, 1, 2, 3, 2, 3, 4)])
    table = read_log(run)
    restarts = [e for e in table.events if e["type"] == "restart"]
    assert restarts == [{"type": "restart", "row": 4, "step": 2, "previous_step": 3}]


def test_folder_without_metrics_is_an_error(tmp_path):
    with pytest.raises(LogError, match="metrics.jsonl"):
        read_log(tmp_path, format="gantuner")


def test_jsonl_text(tmp_path):
    table = read_text('{"step": 3, "d_loss": 0.5}\n{"step": 4, "d_loss": NaN}\n')
    assert table.format == "gantuner" and table.step.tolist() == [3, 4]
