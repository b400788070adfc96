"""Training off the GUI thread: a QThread whose worker QObject calls ``driver.run``.

The worker never touches a widget.  The driver calls the listener from the
training thread; the listener only emits signals, which Qt queues to the GUI
thread.  Controls (pause, step, stop, knob changes) go straight to the
driver, which is thread-safe, so the GUI thread never waits on training.

The driver itself is built inside the thread too (loading a dataset or a
checkpoint can take seconds); controls given before it exists are kept and
applied as soon as it does.

Saving a checkpoint must not race a step.  While training runs, the save is
handed to the training thread, which does it between two steps (inside the
status callback).  While the loop is parked in a pause (driver state
"paused") or the run is over, the engine is idle: a helper thread saves, and
step, resume and stop wait until it is done.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Callable, Mapping

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from ..training import Driver
from ..training.checkpoint import save_checkpoint
from .background import describe_error

THREAD_NAME = "gantuner-training"


class _SignalListener:
    """The driver's listener: runs in the training thread and only emits signals."""

    def __init__(self, worker: "TrainingWorker"):
        self._worker = worker

    def on_rows(self, rows: list[dict[str, Any]]) -> None:
        self._worker.rowsReady.emit(rows)

    def on_sample(self, step: int, sample: Any) -> None:
        self._worker.sampleReady.emit(step, sample)

    def on_event(self, event: dict[str, Any]) -> None:
        self._worker.eventReady.emit(event)

    def on_status(self, status: dict[str, Any]) -> None:
        # Called between steps, or just before the loop waits while paused.
        self._worker._between_steps(status.get("state") == "paused")
        self._worker.statusReady.emit(status)


class TrainingWorker(QObject):
    driverReady = Signal(object)      # the Driver, once built
    historyReady = Signal(object)     # what the prepare step returned (a resumed run's past)
    rowsReady = Signal(object)        # list of metric rows
    sampleReady = Signal(object, object)  # step, grid or points
    eventReady = Signal(object)       # one event dict
    statusReady = Signal(object)      # step, it_per_s, state, device, error
    checkpointSaved = Signal(str)
    checkpointFailed = Signal(str)
    failed = Signal(str)              # the run could not start or crashed
    finished = Signal(int)            # final step (-1 when it never started)

    def __init__(self, make_driver: Callable[[], Driver],
                 prepare: Callable[[Driver], Any] | None = None):
        super().__init__()
        self._make_driver = make_driver
        self._prepare = prepare
        self._lock = threading.Lock()
        self.driver: Driver | None = None
        self._stop = False
        self._paused = False
        self._pending_knobs: dict[str, Any] = {}
        self._tasks: list[Path] = []
        self._done = False        # driver.run has returned: the engine is idle for good
        self._saving = False      # a helper thread is writing a checkpoint
        self._save_lock = threading.Lock()
        self._deferred: list[Callable[[], None]] = []

    # ---- the thread ------------------------------------------------------
    @Slot()
    def run(self) -> None:
        try:
            driver = self._make_driver()
            history = self._prepare(driver) if self._prepare else None
        except Exception as exc:
            self.failed.emit(describe_error(exc))
            self.finished.emit(-1)
            return
        with self._lock:
            self.driver = driver
            if self._pending_knobs:
                try:
                    driver.submit(self._pending_knobs)
                except ValueError as exc:
                    self.failed.emit(describe_error(exc))
                self._pending_knobs = {}
            if self._paused:
                driver.pause()
            if self._stop:
                driver.stop()
        if history is not None:
            self.historyReady.emit(history)
        self.driverReady.emit(driver)
        step = -1
        try:
            step = driver.run(_SignalListener(self))
        except Exception as exc:  # the driver has logged it to events.jsonl
            self.failed.emit(describe_error(exc))
            step = driver.engine.step_count
        finally:
            with self._lock:
                self._done = True
            self._run_tasks()
        self.finished.emit(step)

    def _between_steps(self, paused: bool) -> None:
        self._run_tasks()

    def _run_tasks(self) -> None:
        with self._lock:
            tasks, self._tasks = self._tasks, []
        for directory in tasks:
            self._save(directory)

    def _save(self, directory: Path) -> None:
        driver = self.driver
        try:
            path = save_checkpoint(driver.engine, Path(directory))
        except Exception as exc:
            self.checkpointFailed.emit(describe_error(exc))
        else:
            self.checkpointSaved.emit(str(path))

    # ---- controls (GUI thread) -----------------------------------------
    def submit(self, changes: Mapping[str, Any], source: str = "user") -> None:
        """Queue live knob changes; raises KnobError for a bad value."""
        with self._lock:
            driver = self.driver
            if driver is None:
                from .. import knobs
                checked = {n: knobs.validate(n, v) for n, v in changes.items()}
                self._pending_knobs.update(checked)
                return
        driver.submit(changes, source)

    def pause(self) -> None:
        self._control(lambda d: d.pause(), paused=True)

    def resume(self) -> None:
        self._control(lambda d: d.resume_training(), paused=False)

    def step_once(self) -> None:
        self._control(lambda d: d.step_once())

    def stop(self) -> None:
        self._control(lambda d: d.stop(), stop=True)

    def _control(self, action: Callable[[Driver], None], paused: bool | None = None,
                 stop: bool = False) -> None:
        with self._lock:
            if paused is not None:
                self._paused = paused
            if stop:
                self._stop = True
            driver = self.driver
            if driver is None:
                return
            if self._saving:  # a helper thread is reading the engine: act once it is done
                self._deferred.append(lambda: action(driver))
                return
        action(driver)

    @property
    def saving(self) -> bool:
        return self._saving

    def save_checkpoint(self, directory: Path) -> bool:
        """Save a checkpoint into ``directory`` without racing a step; False if nothing to save."""
        with self._lock:
            driver = self.driver
            if driver is None:
                return False
            if not (self._done or driver.state == "paused"):
                self._tasks.append(Path(directory))  # done by the training thread between steps
                return True
            self._saving = True
        threading.Thread(target=self._save_while_idle, args=(Path(directory),),
                         name="gantuner-checkpoint", daemon=True).start()
        return True

    def _save_while_idle(self, directory: Path) -> None:
        with self._save_lock:
            try:
                self._save(directory)
            finally:
                with self._lock:
                    self._saving = False
                    deferred, self._deferred = self._deferred, []
        for action in deferred:
            action()


class TrainingThread:
    """One training run's QThread and worker, wired together."""

    def __init__(self, worker: TrainingWorker):
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName(THREAD_NAME)
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        # Direct: the thread's loop must end even while the GUI thread waits for it on close.
        worker.finished.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        self.thread.start()

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def wait(self, timeout_ms: int) -> bool:
        return wait_for_thread(self.thread, timeout_ms)


def wait_for_thread(thread: QThread, timeout_ms: int) -> bool:
    """Wait for ``thread`` to end; True if it did within ``timeout_ms``.

    PySide6's QThread.wait() keeps the GIL while it blocks, so a thread that
    still has Python to run could never finish: wait in 1 ms slices and
    sleep (which releases the GIL) in between.
    """
    deadline = time.monotonic() + timeout_ms / 1000.0
    while not thread.wait(1):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.002)
    return True
