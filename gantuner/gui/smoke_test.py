"""``gantuner --smoke-test``: prove an install works end to end, in under a minute.

Run by the packaging scripts on a freshly built or installed bundle (and by
CI from source), it drives the real main window as a user would: the window
appears with its icon, Japanese translations load, 20 steps train on the
built-in digits (with the quality metrics, which need the shipped classifier
weights), the live hints are computed, a shipped sample log is read and
diagnosed, and the run's files are written to a temporary folder.  Then the
window closes and the process exits 0, printing one line with the timings;
on any failure it exits 1 with one line naming the stage that failed.

Everything happens on the event loop: training runs in the window's own
worker thread and the checks are timer callbacks, so the GUI thread never
waits on training.  The user's settings are read as at any launch but
nothing is written to them (the window gets a temporary settings file) and
the run goes to a temporary folder, removed after a pass.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from .. import number_format
from ..paths import resource
from ..training.options import RunOptions

if TYPE_CHECKING:
    from .main_window import MainWindow

STEPS = 20
# The whole test, launch included (where it is known), stays under a minute; a
# packager on a slow machine (or a test of the timeout) may set another limit.
TIMEOUT_S = float(os.environ.get("GANTUNER_SMOKE_TEST_TIMEOUT_S", "55"))
POLL_MS = 50
SAMPLE_LOG = ("sample_logs", "seed_example1.log")
TRANSLATED_PROBE = ("MainWindow", "Knobs")  # a string every Japanese build translates


class SmokeTestFailed(Exception):
    """One stage failed; the message is the one line printed."""


def process_age_s() -> float | None:
    """Seconds since this process was launched (Linux), else None.

    Read from /proc so that the figure covers everything before Python's
    first line too (a frozen app's loader unpacking, the interpreter start).
    """
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started_ticks = int(fields[19])  # field 22 of proc(5), counted after the command name
        uptime_s = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return uptime_s - started_ticks / os.sysconf("SC_CLK_TCK")


class SmokeTest:
    """The stages, each a check run from a timer until it passes or the time is up.

    It drives the whole main window as a user would (its settings, run folder, session and
    close), so it is given the window itself, unlike the panels."""

    def __init__(self, app: QApplication, window: MainWindow, folder: Path):
        self.app = app
        self.window = window
        self.folder = folder
        self.started = time.monotonic()
        self.deadline = self.started + TIMEOUT_S - (process_age_s() or 0.0)
        self.figures: dict[str, float] = {}
        self.failure: str | None = None
        self.run_dir: Path | None = None
        self._train_started = 0.0
        self._finished_step: int | None = None
        self._training_error: str | None = None
        self._stages: list[tuple[str, Callable[[], bool]]] = [
            ("showing the window", self._window_shown),
            ("loading the Japanese translations", self._translations),
            ("training", self._start_training),
            ("training", self._training_done),
            ("checking the run files", self._run_files),
            ("diagnosing the run", self._live_hints),
            ("diagnosing a sample log", self._sample_log),
            ("closing the window", self._close),
        ]
        self._timer = QTimer(window)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._advance)

    # ---- the loop ---------------------------------------------------------
    def start(self) -> None:
        window = self.window
        window.settings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        window.runs_dir = self.folder / "runs"
        window.run_options = RunOptions(max_steps=STEPS, sample_every=10, checkpoint_every=STEPS,
                                        quality_every=STEPS, quality_samples=256)
        session = window.session
        session.failed.connect(self._training_failed)
        session.runFinished.connect(self._run_finished)
        self._timer.start()

    def _advance(self) -> None:
        if time.monotonic() > self.deadline:
            self._fail(f"timed out after {number_format.setting(TIMEOUT_S)} s while {self._stages[0][0]}")
            return
        name, check = self._stages[0]
        try:
            passed = check()
        except SmokeTestFailed as exc:
            self._fail(f"{name}: {exc}")
            return
        except Exception as exc:  # noqa: BLE001 - any surprise is a failed install, told in one line
            self._fail(f"{name}: {type(exc).__name__}: {exc}")
            return
        if passed:
            self._stages.pop(0)
            if not self._stages:
                self._timer.stop()
                self.app.exit(0)

    def _fail(self, message: str) -> None:
        self._timer.stop()
        self.failure = message
        self.window.session.stop()
        self.window.close()
        self.app.exit(1)

    # ---- the stages ---------------------------------------------------------
    def _window_shown(self) -> bool:
        handle = self.window.windowHandle()
        if not (self.window.isVisible() and handle is not None and handle.isExposed()):
            return False
        age = process_age_s()
        if age is not None:
            self.figures["window_s"] = age
        if self.app.windowIcon().isNull():
            raise SmokeTestFailed("the application icon did not load (resources/icons missing?)")
        return True

    def _translations(self) -> bool:
        from . import i18n

        before = i18n.current_language()
        loaded = i18n.set_language("ja")
        translated = QCoreApplication.translate(*TRANSLATED_PROBE)
        i18n.set_language(before)
        if before != "ja" and not any(name.startswith("gantuner") for name in loaded):
            raise SmokeTestFailed(f"no Japanese translation file loaded from {resource('i18n')}")
        if translated == TRANSLATED_PROBE[1]:
            raise SmokeTestFailed(f"{TRANSLATED_PROBE[1]!r} has no Japanese translation")
        return True

    def _start_training(self) -> bool:
        self.window.knob_panel.set_value("dataset", "digits")
        self._train_started = time.monotonic()
        self.window.start()
        return True

    def _training_failed(self, message: str) -> None:
        self._training_error = message

    def _run_finished(self, step: int) -> None:
        self._finished_step = step

    def _training_done(self) -> bool:
        if self._training_error is not None:
            raise SmokeTestFailed(self._training_error)
        if self._finished_step is None or self.window.session.is_active():
            return False
        if self._finished_step != STEPS:
            raise SmokeTestFailed(f"stopped at step {self._finished_step} instead of {STEPS}")
        self.figures["train_s"] = time.monotonic() - self._train_started
        self.run_dir = self.window.shown_run
        return True

    def _run_files(self) -> bool:
        run_dir = self.run_dir
        if run_dir is None or not run_dir.is_dir():
            raise SmokeTestFailed(f"no run folder was written under {self.window.runs_dir}")
        rows = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines() if line]
        if [r["step"] for r in rows][-1:] != [STEPS] or len(rows) != STEPS:
            raise SmokeTestFailed(f"metrics.jsonl has {len(rows)} rows, expected steps 1..{STEPS}")
        if not any(key.startswith("quality_") for key in rows[-1]):
            raise SmokeTestFailed("no quality metrics were measured (resources/weights missing?)")
        events = [json.loads(line) for line in (run_dir / "events.jsonl").read_text().splitlines() if line]
        errors = [e.get("message", "") for e in events if e.get("type") == "error"]
        if errors:
            raise SmokeTestFailed(f"the run recorded an error: {errors[0]}")
        if not list((run_dir / "checkpoints").glob("*.safetensors")):
            raise SmokeTestFailed("no checkpoint was saved")
        if not list((run_dir / "samples").glob("*.png")):
            raise SmokeTestFailed("no sample grid was saved")
        return True

    def _live_hints(self) -> bool:
        dock = self.window.diagnosis
        # The dock diagnoses on its own timer (at most once a second); its
        # hints for the finished run are what the user sees.
        if dock.live.runs == 0 or not dock.live.hints:
            return False
        self.figures["hints"] = len(dock.live.hints)
        return True

    def _sample_log(self) -> bool:
        from ..diagnosis import diagnose
        from ..logs import read_log

        table = read_log(resource(*SAMPLE_LOG))
        if not diagnose(table):
            raise SmokeTestFailed(f"no hints for {SAMPLE_LOG[1]}")
        return True

    def _close(self) -> bool:
        self.window.close()
        if self.window.isVisible():
            raise SmokeTestFailed("the window refused to close")
        return True

    def summary(self) -> str:
        f = self.figures
        window = f"window shown {number_format.seconds(f['window_s'], 2)} after launch, " if "window_s" in f else ""
        checks_s = time.monotonic() - self.started
        return (f"gantuner smoke test passed: {window}{STEPS} steps trained in {number_format.seconds(f['train_s'])}, "
                f"{int(f['hints'])} hint(s) shown, all checks done {number_format.seconds(checks_s)} after the window")


def run_smoke_test(app: QApplication, window: MainWindow) -> int:
    """Drive the shown main window through the test instead of waiting for the user; the exit status."""
    folder = Path(tempfile.mkdtemp(prefix="gantuner-smoke-"))
    test = SmokeTest(app, window, folder)
    test.start()
    status = app.exec()
    window.session.shutdown(15000)
    if test.failure is not None or status != 0:
        print(f"gantuner smoke test FAILED: {test.failure or f'exit status {status}'} "
              f"(files kept in {folder})", file=sys.stderr)
        return 1
    print(test.summary())
    shutil.rmtree(folder, ignore_errors=True)
    return 0
