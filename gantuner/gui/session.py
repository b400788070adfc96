"""One training session at a time: start, pause, step, stop, reset, resume.

The window's controller for runs.  It owns the worker thread, turns the
worker's signals into its own, and keeps the run's state as the user sees it
(a :class:`~gantuner.training.RunState`, the same enum the driver uses; the
session's copy runs ahead of the driver's by the commands still queued).  A
new run while one is going first stops the old one and starts once its
thread has ended, without the GUI thread ever waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ..run_model.loader import load_run, run_dir_of_checkpoint
from ..training import control
from ..training.control import RunState
from ..training.options import RunOptions
from ..training.runfiles import RunWriter, new_run_dir
from .worker import TrainingWorker

if TYPE_CHECKING:  # torch loads in the background (engine_loader.py); these run in the worker thread
    from ..training import Driver
    from ..training.threads import ThreadPolicy


class TrainingSession(QObject):
    runStarting = Signal()               # a new run is being built: clear the views
    driverReady = Signal(object)
    historyReady = Signal(object)        # LoadedRun: the past of a resumed run, before its new rows
    rowsArrived = Signal(object)         # list of metric rows
    sampleArrived = Signal(object, object)
    eventArrived = Signal(object)
    statusArrived = Signal(object)
    stateChanged = Signal(str)          # a RunState's value
    failed = Signal(str)
    checkpointSaved = Signal(str)
    checkpointFailed = Signal(str)
    diskTrouble = Signal(object)         # an "error" event with "disk": the run's files cannot be written
    runFinished = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.driver: Driver | None = None
        # CPU threads for the next run, applied by the driver in the training thread.
        self.thread_policy: ThreadPolicy | None = None
        # Called in the training thread between steps (the Learn dock's data-space probe); no Qt.
        self.between_steps: Callable[[Any], None] | None = None
        self.state = RunState.IDLE
        self._run: TrainingWorker | None = None
        self._after_stop: Callable[[], None] | None = None
        self._running_since: float | None = None
        self._elapsed = 0.0

    # ---- starting ------------------------------------------------------------
    def start_new(self, config: Mapping[str, Any], runs_dir: Path | None, options: RunOptions) -> None:
        """Train a fresh model on ``config`` (after stopping the current run, if any)."""
        config = dict(config)

        def make() -> Driver:
            from ..training import Driver

            return Driver.new(config, runs_dir=runs_dir, options=_copy(options))

        self._when_stopped(lambda: self._launch(make))

    def resume_from(self, checkpoint: Path, runs_dir: Path | None, options: RunOptions) -> None:
        """Continue from a checkpoint: in its own run directory when it has one, else in a new one."""
        checkpoint = Path(checkpoint)

        def make() -> Driver:
            from ..training import Driver
            from ..training.checkpoint import load_engine

            run_dir = run_dir_of_checkpoint(checkpoint)
            if run_dir is not None:
                return Driver.resume(run_dir, options=_copy(options), checkpoint=checkpoint)
            engine = load_engine(checkpoint)
            base = Path(runs_dir) if runs_dir is not None else checkpoint.parent
            writer = RunWriter(new_run_dir(base, engine.config["dataset"]), engine.config, options.to_json())
            return Driver(engine, writer, _copy(options))

        def history(driver: Driver):
            return load_run(driver.run_dir) if driver.run_dir is not None else None

        self._when_stopped(lambda: self._launch(make, history))

    def _launch(self, make: Callable[[], Driver], prepare: Callable[[Driver], Any] | None = None) -> None:
        policy = self.thread_policy

        def make_with_policy() -> Driver:
            driver = make()
            driver.thread_policy = policy
            return driver

        worker = TrainingWorker(make_with_policy, prepare, self)
        worker.between_steps = self.between_steps
        worker.driverReady.connect(self._driver_ready)
        worker.historyReady.connect(self.historyReady)
        worker.rowsReady.connect(self.rowsArrived)
        worker.sampleReady.connect(self.sampleArrived)
        worker.eventReady.connect(self._event)
        worker.statusReady.connect(self.statusArrived)
        worker.checkpointSaved.connect(self.checkpointSaved)
        worker.checkpointFailed.connect(self.checkpointFailed)
        worker.failed.connect(self.failed)
        worker.finished.connect(self._worker_finished)
        worker.ended.connect(self._thread_finished)
        self._run = worker
        self.driver = None
        self._elapsed = 0.0
        self._running_since = None
        self._set_state(RunState.STARTING)
        self.runStarting.emit()
        worker.start()

    def _driver_ready(self, driver: Driver) -> None:
        self.driver = driver
        if self.state is RunState.STARTING:
            self._set_state(RunState.PAUSED if driver.paused else RunState.RUNNING)
        self.driverReady.emit(driver)

    # ---- controls ------------------------------------------------------------
    @property
    def run_dir(self) -> Path | None:
        """The current run's folder (None before the first run, for a run that writes no files,
        or after :meth:`forget_run`)."""
        return self.driver.run_dir if self.driver is not None else None

    @property
    def worker(self) -> TrainingWorker | None:
        return self._run

    def is_active(self) -> bool:
        """A run's thread exists (starting, running, paused or stopping)."""
        return self._run is not None

    def submit(self, changes: Mapping[str, Any], source: str = "user") -> bool:
        """Send live knob changes to the run; False when there is no run. Raises KnobError."""
        worker = self.worker
        if worker is None or not self.state.active:
            return False
        worker.submit(changes, source)
        return True

    def toggle_pause(self) -> None:
        if self.state is RunState.RUNNING:
            self.pause()
        elif self.state is RunState.PAUSED:
            self.resume()

    def pause(self) -> None:
        if self.worker is not None and self.state in (RunState.STARTING, RunState.RUNNING):
            self.worker.pause()
            self._set_state(RunState.PAUSED)

    def resume(self) -> None:
        if self.worker is not None and self.state is RunState.PAUSED:
            self.worker.resume()
            self._set_state(RunState.RUNNING)

    def step_once(self, part: str = "both") -> None:
        """While paused: one step, or one update of D only ("d") or G only ("g")."""
        if self.worker is not None and self.state is RunState.PAUSED:
            self.worker.step_once(part)

    def stop(self) -> None:
        if self.worker is not None and self.state.active:
            self.worker.stop()
            self._set_state(RunState.STOPPING)

    def save_checkpoint(self, directory: Path) -> bool:
        worker = self.worker
        if worker is not None:
            return worker.save_checkpoint(directory)
        return False

    def move_run(self, directory: Path | str) -> bool:
        """Disk trouble: go on writing the run in ``directory`` (a copy of it so far goes there first)."""
        worker = self.worker
        return worker is not None and self.state.active and worker.send(control.MoveRun(str(directory)))

    def stop_saving(self) -> bool:
        """Disk trouble: train on without writing anything more; the curves go on."""
        worker = self.worker
        return worker is not None and self.state.active and worker.send(control.StopSaving())

    def forget_run(self) -> None:
        """No model any more (an opened run is shown instead); only when no thread runs."""
        if self._run is None:
            self.driver = None
            self._elapsed = 0.0
            self._set_state(RunState.IDLE)

    def when_stopped(self, then: Callable[[], None]) -> None:
        """Call ``then`` once no run is going: now, or after stopping the current one."""
        self._when_stopped(then)

    def _when_stopped(self, then: Callable[[], None]) -> None:
        if self._run is None:
            then()
            return
        self._after_stop = then
        self.stop()

    def shutdown(self, timeout_ms: int) -> bool:
        """Stop and wait for the training thread (only when the window closes); True if it ended."""
        self._after_stop = None
        run = self._run
        if run is None:
            return True
        self.stop()
        if not run.wait(timeout_ms):
            return False
        # The last rows and the finish, now rather than at the next timer turn;
        # its ended signal calls _thread_finished.
        run.drain()
        return True

    # ---- bookkeeping ----------------------------------------------------------
    def elapsed_seconds(self) -> float:
        """Training time of this run, pauses excluded."""
        extra = time.monotonic() - self._running_since if self._running_since is not None else 0.0
        return self._elapsed + extra

    def _set_state(self, state: RunState) -> None:
        if state == self.state:
            return
        now = time.monotonic()
        if self._running_since is not None:
            self._elapsed += now - self._running_since
            self._running_since = None
        if state is RunState.RUNNING:
            self._running_since = now
        self.state = state
        self.stateChanged.emit(state)

    def _event(self, event: dict[str, Any]) -> None:
        # The loop pauses and resumes on its own too (a divergence; a fix applied): follow it.
        kind = event.get("type")
        if kind == "pause" and self.state is RunState.RUNNING:
            self._set_state(RunState.PAUSED)
        elif kind == "resume" and self.state is RunState.PAUSED:
            self._set_state(RunState.RUNNING)
        self.eventArrived.emit(event)
        if kind == "error" and event.get("disk"):
            self.diskTrouble.emit(event)

    def _worker_finished(self, step: int) -> None:
        self.runFinished.emit(step)

    def _thread_finished(self) -> None:
        run = self._run
        if run is None:
            return
        self._run = None
        run.deleteLater()  # not now: this may run inside one of its own signals
        self._set_state(RunState.STOPPED if self.driver is not None else RunState.IDLE)
        then, self._after_stop = self._after_stop, None
        if then is not None:
            then()


def _copy(options: RunOptions) -> RunOptions:
    # In the window someone is there to apply a fix: a divergence pauses.
    return RunOptions(**{**options.to_json(), "on_divergence": "pause"})
