"""The headless CLI, run as a user runs it: a subprocess of the installed script."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gantuner import knobs
from gantuner.metrics import ENGINE_FIELDS

ROOT = Path(__file__).resolve().parents[2]


def gantuner(*args, cwd=None, timeout=300):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run([sys.executable, "-m", "gantuner", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, cwd=cwd, env=env)


def read_rows(run):
    return [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]


def test_train_ring_300_steps_writes_every_field(tmp_path):
    result = gantuner("train", "--dataset", "ring", "--steps", 300, "--out", tmp_path / "R", "--device", "cpu")
    assert result.returncode == 0, result.stderr
    rows = read_rows(tmp_path / "R")
    assert len(rows) == 300
    expected = {"step", "time", *ENGINE_FIELDS, *knobs.LIVE_KNOBS}
    assert all(expected <= set(r) for r in rows)
    assert [r["step"] for r in rows] == list(range(1, 301))
    assert "finished at step 300" in result.stderr
    assert "Traceback" not in result.stderr


def test_train_digits_with_config_file_and_set(tmp_path):
    config = tmp_path / "run.toml"
    config.write_text('dataset = "digits"\nimage_size = 8\n[knobs]\ng_width = 16\nd_width = 16\n'
                      '[run]\nsteps = 30\nsample_every = 10\n')
    result = gantuner("train", "--config", config, "--set", "lr_d=1e-4", "--set", "d_dropout=0.2",
                      "--out", tmp_path / "D", "--device", "cpu", "--quiet")
    assert result.returncode == 0, result.stderr
    rows = read_rows(tmp_path / "D")
    assert len(rows) == 30 and rows[-1]["lr_d"] == 1e-4 and rows[-1]["d_dropout"] == 0.2
    saved = json.loads((tmp_path / "D" / "config.json").read_text())["knobs"]
    assert saved["g_width"] == 16 and saved["image_size"] == 8
    assert len(list((tmp_path / "D" / "samples").glob("*.png"))) == 3


def test_resume_continues_the_step_count(tmp_path):
    assert gantuner("train", "--dataset", "ring", "--steps", 20, "--out", tmp_path / "R", "--quiet").returncode == 0
    result = gantuner("train", "--resume", tmp_path / "R", "--steps", 10, "--set", "lr_g=5e-4", "--quiet")
    assert result.returncode == 0, result.stderr
    rows = read_rows(tmp_path / "R")
    assert [r["step"] for r in rows] == list(range(1, 31))
    assert rows[-1]["lr_g"] == 5e-4


@pytest.mark.parametrize("args, fragment", [
    (["--set", "lr_d=-3"], "lr_d = '-3' is out of range"),
    (["--set", "dropout=0.1"], "unknown knob 'dropout'"),
    (["--dataset", "/no/such/folder"], "/no/such/folder"),
    (["--steps", "0"], "positive number of steps"),
    (["--resume", "/no/such/run"], "no checkpoint"),
])
def test_errors_are_one_clear_line(tmp_path, args, fragment):
    result = gantuner("train", *args, "--out", tmp_path / "x", "--quiet")
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_config_file_names_file_and_line(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text('dataset = "ring"\nlr_d = = 3\n')
    result = gantuner("train", "--config", config, "--quiet")
    assert result.returncode == 2 and "bad.toml" in result.stderr and "line 2" in result.stderr
    config.write_text('d_dropout = 1.5\n')
    result = gantuner("train", "--config", config, "--quiet")
    assert result.returncode == 2 and "bad.toml: d_dropout = 1.5 is out of range" in result.stderr


def test_ctrl_c_stops_cleanly_and_keeps_the_run(tmp_path):
    import signal
    import time

    process = subprocess.Popen([sys.executable, "-m", "gantuner", "train", "--dataset", "ring", "--steps",
                                "1000000", "--out", str(tmp_path / "R"), "--quiet"],
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        path = tmp_path / "R" / "metrics.jsonl"
        if path.exists() and len(path.read_text().splitlines()) > 20:
            break
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "stopped at step" in stderr and "Traceback" not in stderr
    rows = read_rows(tmp_path / "R")
    events = [json.loads(x) for x in (tmp_path / "R" / "events.jsonl").read_text().splitlines()]
    assert events[-1]["type"] == "stop" and events[-1]["step"] == rows[-1]["step"]
    assert (tmp_path / "R" / "checkpoints" / f"step_{rows[-1]['step']:06d}.safetensors").exists()


def test_knobs_listing_in_japanese():
    result = gantuner("knobs", "--lang", "ja")
    assert result.returncode == 0 and "識別器の学習率" in result.stdout
