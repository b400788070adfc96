"""Training off the GUI thread, without Qt in the training thread.

The training thread is a plain Python thread that calls ``driver.run``.  It
never touches a widget and never calls into Qt at all: the driver's listener
appends messages (rows, samples, events, status) to a deque, and a QTimer in
the GUI thread drains it a few dozen times a second, merging the rows that
arrived since the last turn into one batch and keeping only the newest status.
Emitting Qt signals from a Python thread takes Qt's locks while that thread
holds the GIL; with the GUI thread holding the GIL and waiting for the same
locks the two can deadlock, so no such emit happens here.

Controls (pause, step, stop, knob changes) go straight to the driver, which
is thread-safe, so the GUI thread never waits on training.  The driver itself
is built inside the thread too (loading a dataset or a checkpoint can take
seconds); controls given before it exists are kept and applied as soon as it
does.

Saving a checkpoint must not race a step.  While training runs, the save is
handed to the training thread, which does it between two steps (inside the
status callback).  While the loop is parked in a pause (driver state
"paused") or the run is over, the engine is idle: a helper thread saves, and
step, resume and stop wait until it is done.
"""

from __future__ import annotations

import collections
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping

from PySide6.QtCore import QObject, QTimer, Signal

from .background import describe_error

if TYPE_CHECKING:
    from ..training import Driver

THREAD_NAME = "gantuner-training"
# How often the GUI thread collects what training produced.  The driver flushes
# rows ten times a second; each collection is a GIL hand-over from training.
DRAIN_MS = 50


# Outbox message kind -> the signal that carries it to the GUI thread (rows, status,
# samples and the finish are handled apart).  Kinds, not signals, travel in the
# outbox: even looking up a signal attribute is a call into PySide.
_SIGNAL_OF = {"event": "eventReady", "driver": "driverReady", "history": "historyReady",
              "saved": "checkpointSaved", "save_failed": "checkpointFailed", "failed": "failed"}


class _QueueListener:
    """The driver's listener: runs in the training thread and only appends to the outbox."""

    def __init__(self, worker: "TrainingWorker"):
        self._worker = worker

    def on_rows(self, rows: list[dict[str, Any]]) -> None:
        self._worker._post("rows", rows)

    def on_sample(self, step: int, sample: Any) -> None:
        self._worker._post("sample", (step, sample))

    def on_event(self, event: dict[str, Any]) -> None:
        self._worker._post("event", event)

    def on_status(self, status: dict[str, Any]) -> None:
        # Called between steps, or just before the loop waits while paused.
        self._worker._run_tasks()
        self._worker._post("status", status)


class TrainingWorker(QObject):
    """One run's training thread; its signals are emitted in the GUI thread."""

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
    ended = Signal()                  # the thread is gone; sent after finished

    def __init__(self, make_driver: Callable[[], Driver],
                 prepare: Callable[[Driver], Any] | None = None, parent: QObject | None = None):
        super().__init__(parent)
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
        # deque.append and popleft are atomic: the training thread appends, the GUI thread pops.
        self._outbox: collections.deque[tuple[str, Any]] = collections.deque()
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self.drain)
        self._ended = False

    # ---- lifetime (GUI thread) -------------------------------------------------
    def start(self) -> None:
        self._thread.start()
        self._timer.start()

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout_ms: int) -> bool:
        """Wait for the thread to end (join releases the GIL); True if it did."""
        self._thread.join(max(0.0, timeout_ms / 1000.0))
        return not self._thread.is_alive()

    def drain(self) -> None:
        """Deliver what the training thread produced since the last call, as signals."""
        rows: list[dict[str, Any]] = []
        status = None
        finished_step = None
        while True:
            try:
                kind, payload = self._outbox.popleft()
            except IndexError:
                break
            if kind == "rows":
                rows.extend(payload)
                continue
            if kind == "status":
                status = payload
                continue
            if rows:  # keep rows in order with the events and samples around them
                self.rowsReady.emit(rows)
                rows = []
            if kind == "sample":
                self.sampleReady.emit(*payload)
            elif kind == "finished":
                finished_step = payload
            else:
                getattr(self, _SIGNAL_OF[kind]).emit(payload)
        if rows:
            self.rowsReady.emit(rows)
        if status is not None:
            self.statusReady.emit(status)
        if finished_step is not None and not self._ended:
            self._ended = True
            self._timer.stop()
            self._thread.join(5.0)  # it has nothing left to do but return
            self.finished.emit(finished_step)
            self.ended.emit()
        elif self._ended and not self._saving and not self._outbox:
            self._timer.stop()  # a save after the run was delivered

    def _post(self, kind: str, payload: Any) -> None:
        self._outbox.append((kind, payload))

    # ---- the thread ------------------------------------------------------
    def _run(self) -> None:
        try:
            driver = self._make_driver()
            history = self._prepare(driver) if self._prepare else None
        except Exception as exc:
            self._post("failed", describe_error(exc))
            self._post("finished", -1)
            return
        with self._lock:
            self.driver = driver
            if self._pending_knobs:
                try:
                    driver.submit(self._pending_knobs)
                except ValueError as exc:
                    self._post("failed", describe_error(exc))
                self._pending_knobs = {}
            if self._paused:
                driver.pause()
            if self._stop:
                driver.stop()
        if history is not None:
            self._post("history", history)
        self._post("driver", driver)
        step = -1
        try:
            step = driver.run(_QueueListener(self))
        except Exception as exc:  # the driver has logged it to events.jsonl
            self._post("failed", describe_error(exc))
            step = driver.engine.step_count
        finally:
            with self._lock:
                self._done = True
            self._run_tasks()
            self._post("finished", step)

    def _run_tasks(self) -> None:
        with self._lock:
            tasks, self._tasks = self._tasks, []
        for directory in tasks:
            self._save(directory)

    def _save(self, directory: Path) -> None:
        from ..training.checkpoint import save_checkpoint

        try:
            path = save_checkpoint(self.driver.engine, Path(directory))
        except Exception as exc:
            self._post("save_failed", describe_error(exc))
        else:
            self._post("saved", str(path))

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
        if not self._timer.isActive():  # the run is over: the save's outcome still needs delivering
            self._timer.start()
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
