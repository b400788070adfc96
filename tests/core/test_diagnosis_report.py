"""The text and JSON reports, and `gantuner diagnose` (command.py)."""

from __future__ import annotations

import argparse
import json

import numpy as np
import pytest

from gantuner import knobs
from gantuner.diagnosis import command, diagnose, format_report, report_json
from gantuner.metrics import ENGINE_FIELDS, SkippedLine
from gantuner.paths import resource

from .diagnosis_tables import SEED_EXAMPLE1, concat, keras_table, per_step

pytest.importorskip("gantuner.logs")


def run_command(capsys, *argv):
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    code = command.run(parser.parse_args([str(a) for a in argv]))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report_header_and_hint():
    table = keras_table(SEED_EXAMPLE1)
    table.source = "train.log"
    table.skipped_lines = 7
    table.skipped_examples = [SkippedLine(3, "50 [D loss: 0.1, acc"), SkippedLine(9, "x"),
                              SkippedLine(12, "y")]
    text = format_report(table, diagnose(table))
    lines = text.splitlines()
    assert lines[:4] == ["Source: train.log", "Format: keras-gan", "Rows: 6 (steps 50-5,350)",
                         "Skipped lines: 7 (first at line 3, 9, 12)"]
    assert "1. [WARNING] The discriminator is too strong  (steps 50-5,350)" in text
    assert "Evidence: steps = 5300; share of steps pinned = 1; D accuracy, mean = 0.9981" in text
    assert "   -> Remove batch norm from D: d_batchnorm = off" in lines
    assert "   -> Add dropout to D: d_dropout +0.2 (at most 0.5)" in lines
    assert "   -> Widen G: g_width x2 [needs a restart]" in lines


def test_text_report_in_japanese_with_concrete_values():
    table = keras_table(SEED_EXAMPLE1)
    values = dict(knobs.defaults(), d_batchnorm=True)
    text = format_report(table, diagnose(table, knobs=values), "ja")
    assert "[警告] 識別器が強すぎます" in text
    assert "-> 識別器の学習率を下げる: lr_d x0.5 = 1e-4" in text
    assert "[再スタートが必要]" in text
    assert "読み飛ばした行: なし" in text


def test_report_names_restarted_runs():
    t = concat(keras_table(SEED_EXAMPLE1), keras_table(SEED_EXAMPLE1))
    assert "restarts 1 time(s); the hints describe the last run (from row 7)" in format_report(
        t, diagnose(t))


def test_report_json_shape():
    table = keras_table(SEED_EXAMPLE1)
    hints = diagnose(table)
    data = report_json(table, hints)
    assert set(data) == {"format", "steps", "skipped_lines", "hints", "source"}
    assert data["steps"] == 6 and data["format"] == "keras-gan" and data["skipped_lines"] == 0
    assert data["hints"][0]["id"] == "d_too_strong"
    json.dumps(data, allow_nan=False)


def test_command_on_the_seed_logs(capsys):
    code, out, err = run_command(capsys, resource("sample_logs", "seed_example1.log"))
    assert code == 0 and err == ""
    assert "The discriminator is too strong" in out
    code, out, err = run_command(capsys, resource("sample_logs", "seed_example2.log"), "--json")
    assert code == 0
    data = json.loads(out)
    assert [h["id"] for h in data["hints"]] == ["healthy"]
    code, out, _ = run_command(capsys, resource("sample_logs", "seed_example2.log"), "--lang", "ja")
    assert "学習は順調です" in out


@pytest.mark.parametrize("make", ["missing", "junk", "bad_format", "empty_window"])
def test_command_fails_with_one_clear_line(capsys, tmp_path, make):
    path = tmp_path / "train.log"
    extra = []
    if make == "junk":
        path.write_text("hello\nworld\n")
    elif make == "bad_format":
        path.write_text(SEED_EXAMPLE1)
        extra = ["--format", "nope"]
    elif make == "empty_window":
        path.write_text(SEED_EXAMPLE1)
        extra = ["--window", "0"]
    code, out, err = run_command(capsys, path, *extra)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("gantuner diagnose: error: ")
    if make != "empty_window":
        assert str(path) in err or "nope" in err


def write_run(folder, rows, config_knobs, events=()):
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"knobs": config_knobs, "run": {}}))
    with open(folder / "metrics.jsonl", "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    with open(folder / "events.jsonl", "w") as f:
        for e in events:
            f.write(json.dumps(e) + "\n")


def test_command_on_a_gantuner_run_folder(capsys, tmp_path):
    """config.json and the rows' live knobs make the actions concrete; the
    latest knob change gets a follow-up."""
    before = per_step(3000, acc=0.99, d_loss=0.03, g_loss=4.0)
    after = per_step(1000, acc=0.985, d_loss=0.04, g_loss=3.8, start=3001, seed=1)
    table = concat(before, after)
    config = dict(knobs.defaults(), d_batchnorm=True, d_dropout=0.0)
    rows = []
    for i, step in enumerate(table.step):
        row = {"step": int(step), "time": 1000.0 + i}
        row.update({f: float(table.columns[f][i]) for f in ENGINE_FIELDS})
        live = knobs.live_part(config)
        live["d_batchnorm"] = bool(step <= 3000)  # turned off at step 3000
        row.update(live)
        rows.append(row)
    event = {"step": 3000, "time": 4000.0, "type": "knob", "knob": "d_batchnorm", "old": True,
             "new": False, "source": "hint:d_too_strong"}
    write_run(tmp_path / "run", rows, config, [event])
    code, out, err = run_command(capsys, tmp_path / "run", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["format"] == "gantuner" and data["steps"] == 4000
    by_id = {h["id"]: h for h in data["hints"]}
    assert by_id["fix_result"]["evidence"]["verdict"] == "no_effect"
    strong = by_id["d_too_strong"]
    acts = {a["knob"]: a for a in strong["actions"]}
    assert "d_batchnorm" not in acts          # already off in the last row
    assert acts["d_dropout"]["new_value"] == pytest.approx(0.2)
    assert acts["g_width"]["new_value"] == 2 * config["g_width"]  # from config.json
    assert acts["g_width"]["needs_restart"] is True


def test_json_values_are_finite_even_for_a_diverged_run(capsys, tmp_path):
    t = per_step(1000, acc=0.6, d_loss=0.6, g_loss=0.9)
    rows = []
    for i, step in enumerate(t.step):
        row = {"step": int(step)}
        row.update({f: float(t.columns[f][i]) for f in ENGINE_FIELDS})
        if step > 600:
            row["g_loss"] = float("nan")
            row["d_loss"] = float("inf")
        rows.append(row)
    write_run(tmp_path / "run", rows, knobs.defaults())
    code, out, _ = run_command(capsys, tmp_path / "run" / "metrics.jsonl", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["hints"][0]["id"] == "divergence" and data["hints"][0]["severity"] == "critical"
    assert np.isfinite(data["hints"][0]["evidence"]["nonfinite_from_step"])
