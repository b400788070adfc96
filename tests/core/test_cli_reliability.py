"""The headless run killed, terminated, diverging, pointed at an existing run or a broken
disk, as users do it: a real `python -m gantuner train` subprocess where a process matters."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gantuner import cli
from gantuner.training import Driver
from gantuner.training.checkpoint import latest_checkpoint, read_checkpoint

from .helpers import RING_FAST, quiet_options
from .test_cli_train import gantuner, read_rows

SMALL = ["--dataset", "ring", "--set", "g_width=16", "--set", "d_width=16", "--device", "cpu", "--quiet"]


def start(*args) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "gantuner", "train", *map(str, args)],
                            stderr=subprocess.PIPE, text=True, env=env)


def events_of(run: Path) -> list[dict]:
    return [json.loads(x) for x in (run / "events.jsonl").read_text().splitlines() if x.strip()]


def wait_for(predicate, timeout=120.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


def complete_rows(run: Path) -> list[dict]:
    rows = []
    for line in (run / "metrics.jsonl").read_text().splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            pass  # the line the kill cut
    return rows


@pytest.mark.slow
def test_kill_9_loses_at_most_the_rolling_checkpoint_interval(tmp_path):
    run = tmp_path / "R"
    process = start(*SMALL, "--steps", 10**7, "--out", run, "--checkpoint-every", 10**6,
                    "--checkpoint-seconds", 1)
    try:
        rolling = lambda: sum(e["type"] == "checkpoint" for e in events_of(run)) if (run / "events.jsonl").exists() else 0
        wait_for(lambda: rolling() >= 3)
        time.sleep(0.7)
    finally:
        process.kill()  # SIGKILL: no handler runs
        process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    rows = complete_rows(run)
    checkpoint = latest_checkpoint(run / "checkpoints")
    kept_step = read_checkpoint(checkpoint)[1]["step"]
    time_of = {r["step"]: r["time"] for r in rows}
    lost_seconds = rows[-1]["time"] - time_of[kept_step]
    assert lost_seconds <= 1.0 + 1.5, f"{lost_seconds:.1f} s of training lost"  # interval + a save and a flush

    result = gantuner("train", "--resume", run, "--steps", 5, "--quiet")
    assert result.returncode == 0, result.stderr
    steps = [r["step"] for r in read_rows(run)]
    assert steps == list(range(1, kept_step + 6))
    assert (run / "metrics.discarded.jsonl").exists()
    config = json.loads((run / "config.json").read_text())
    assert config["run"]["checkpoint_every"] == 10**6  # resumed with the run's own options
    assert latest_checkpoint(run / "checkpoints").name == f"step_{kept_step + 5:06d}.safetensors"


def test_kill_9_soon_after_the_first_step_can_be_resumed(tmp_path):
    run = tmp_path / "R"
    # The default rolling interval (30 s) and no step-count checkpoint: only the first one can be there.
    process = start(*SMALL, "--steps", 10**7, "--out", run, "--checkpoint-every", 10**6)
    try:
        wait_for(lambda: (run / "metrics.jsonl").exists() and len(complete_rows(run)) >= 1)
        first_row = time.monotonic()
        # The first checkpoint follows the first step at once; a loaded machine gets a few seconds.
        while not list((run / "checkpoints").glob("*.safetensors")) and time.monotonic() - first_row < 5:
            time.sleep(0.01)
    finally:
        process.kill()  # SIGKILL: no handler runs
        process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL

    result = gantuner("train", "--resume", run, "--steps", 5, "--quiet")
    assert result.returncode == 0, result.stderr
    kept_step = [e for e in events_of(run) if e["type"] == "resume_run"][-1]["checkpoint"]
    kept_step = int(kept_step.removeprefix("step_").removesuffix(".safetensors"))
    assert kept_step >= 1
    assert [r["step"] for r in read_rows(run)] == list(range(1, kept_step + 6))


@pytest.mark.slow
def test_sigterm_leaves_a_final_checkpoint_and_a_stop_event(tmp_path):
    run = tmp_path / "R"
    process = start(*SMALL, "--steps", 10**7, "--out", run)
    wait_for(lambda: (run / "metrics.jsonl").exists() and len(complete_rows(run)) > 20)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "stopped at step" in stderr and "SIGTERM" in stderr and "Traceback" not in stderr
    rows = read_rows(run)
    events = events_of(run)
    assert events[-1] == {**events[-1], "type": "stop", "reason": "SIGTERM", "step": rows[-1]["step"]}
    assert (run / "checkpoints" / f"step_{rows[-1]['step']:06d}.safetensors").exists()


def test_a_diverging_run_stops_with_a_clear_message_and_good_weights(tmp_path):
    run = tmp_path / "R"
    # Learning rates of 1 with hinge loss and no second-moment averaging: NaN within a few steps.
    result = gantuner("train", *SMALL, "--steps", 200, "--out", run, "--set", "loss=hinge",
                      "--set", "lr_d=1", "--set", "lr_g=1", "--set", "beta2=0")
    assert result.returncode == cli.EXIT_DIVERGED, result.stderr
    assert "diverged" in result.stderr and "--on-divergence continue" in result.stderr
    assert "Traceback" not in result.stderr
    events = events_of(run)
    divergence = next(e for e in events if e["type"] == "divergence")
    assert divergence["action"] == "stop" and divergence["step"] < 200
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "divergence"
    tensors, _ = read_checkpoint(latest_checkpoint(run / "checkpoints"))
    assert all(bool(t.isfinite().all()) for t in tensors.values() if t.is_floating_point())
    rows = read_rows(run)
    assert any(r["d_loss"] is None or not math.isfinite(r["d_loss"]) for r in rows)  # the NaN is on record


def test_out_at_an_existing_run_is_refused_in_one_line(tmp_path):
    run = tmp_path / "R"
    assert gantuner("train", *SMALL, "--steps", 3, "--out", run).returncode == 0
    before = (run / "config.json").read_text(), (run / "metrics.jsonl").read_text()
    result = gantuner("train", "--dataset", "digits", "--steps", 3, "--out", run, "--quiet")
    assert result.returncode == 2
    assert "already holds a run" in result.stderr and f"--resume {run}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert ((run / "config.json").read_text(), (run / "metrics.jsonl").read_text()) == before


def test_a_run_whose_rows_could_not_be_written_does_not_report_success(tmp_path, capsys):
    driver = Driver.new(RING_FAST, out=tmp_path / "R", options=quiet_options())
    (tmp_path / "R" / "metrics.jsonl").mkdir()  # every append fails (for root too)
    driver.options.max_steps = 10
    status = cli._run_with_progress(driver, 10, quiet=True)
    assert status == cli.EXIT_ROWS_LOST
    err = capsys.readouterr().err
    assert "incomplete" in err and "metrics.jsonl" in err and "finished" not in err
