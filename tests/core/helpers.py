"""Small shared helpers for the core tests (no Qt)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from gantuner.training import Driver, RunOptions

# A small, fast configuration of each kind for tests.
RING_FAST = {"dataset": "ring", "device": "cpu", "g_width": 32, "d_width": 32, "batch_size": 64}
DIGITS_FAST = {"dataset": "digits", "device": "cpu", "image_size": 8, "g_width": 16, "d_width": 16,
               "batch_size": 32}


def quiet_options(**overrides) -> RunOptions:
    options = RunOptions(sample_every=0, checkpoint_every=0, quality_every=0)
    for key, value in overrides.items():
        setattr(options, key, value)
    return options


def run_in_thread(driver: Driver, listener=None) -> threading.Thread:
    thread = threading.Thread(target=driver.run, args=(listener,), name="gantuner-test-train", daemon=True)
    thread.start()
    return thread


def wait_until(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.005)


def run_cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    """``python -m gantuner ARGS`` as a user runs it, importing this checkout."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run([sys.executable, "-m", "gantuner", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=timeout)


class Recorder:
    """A driver's listener that keeps every row and event (for the run-control tests)."""

    def __init__(self):
        self.events: list[dict] = []
        self.rows: list[dict] = []

    def on_rows(self, rows):
        self.rows += rows

    def on_sample(self, step, sample):
        pass

    def on_event(self, event):
        self.events.append(event)

    def on_status(self, status):
        pass

    def of(self, kind):
        return [e for e in self.events if e["type"] == kind]


def mount_small_tmpfs(where: Path, size: str) -> bool:
    """A tmpfs of ``size`` at ``where``, a disk that really fills up (root only); False when it cannot be."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True).returncode == 0


def speaking(monkeypatch, locale: str) -> None:
    """The environment's locale is ``locale`` (LANG), nothing overriding it."""
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", locale)
