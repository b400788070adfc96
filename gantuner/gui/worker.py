"""The bridge between the window and a run's training thread.

The training thread is a plain Python thread that calls ``driver.run``; the
driver owns the run's control and state.  This bridge only carries messages:

* controls go in as :mod:`gantuner.training.control` commands
  (``driver.send``), which the loop serves between steps; commands given
  while the driver is still being built (loading data or a checkpoint can
  take seconds) are kept and sent, in order, once it exists;
* what the run reports comes out through the driver's listener, which only
  appends to an outbox (a deque); a QTimer in the GUI thread drains it a few
  dozen times a second, merging rows into one batch and keeping only the
  newest status, and emits the signals.

So the GUI thread never waits on training, and the training thread never
calls into Qt: emitting a Qt signal from a Python thread takes Qt's locks
while holding the GIL, which can deadlock with a GUI thread that holds the
GIL and wants the same locks.

Every training thread is stopped and joined before the interpreter exits
(an ``atexit`` hook), however the app is left: a thread killed inside a
torch kernel aborts the process ("terminate called without an active
exception").
"""

from __future__ import annotations

import atexit
import collections
import threading
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..text import Text
from ..training import control
from . import i18n
from .background import describe_error

if TYPE_CHECKING:
    from ..training import Driver

THREAD_NAME = "gantuner-training"
# How often the GUI thread collects what training produced.  The driver flushes
# rows ten times a second; each collection is a GIL hand-over from training.
DRAIN_MS = 50
EXIT_JOIN_S = 15.0  # at interpreter exit, wait this long for the final checkpoint


# Outbox message kind -> the signal that carries it to the GUI thread (rows, status,
# samples and the finish are handled apart).  Kinds, not signals, travel in the
# outbox: even looking up a signal attribute is a call into PySide.
_SIGNAL_OF = {"event": "eventReady", "driver": "driverReady", "history": "historyReady",
              "saved": "checkpointSaved", "save_failed": "checkpointFailed", "failed": "failed"}


class _QueueListener:
    """The driver's listener: runs in the training thread and only appends to the outbox."""

    def __init__(self, post: Callable[[str, Any], None], driver: Any = None,
                 between_steps: Callable[[Any], None] | None = None):
        self._post = post
        self._driver = driver
        self._between_steps = between_steps  # e.g. the Learn dock's data-space probe (no Qt)

    def on_rows(self, rows: list[dict[str, Any]]) -> None:
        self._post("rows", rows)

    def on_sample(self, step: int, sample: Any) -> None:
        self._post("sample", (step, sample))

    def on_event(self, event: dict[str, Any]) -> None:
        if event.get("requested"):  # the outcome of a Save checkpoint the user asked for
            if event.get("type") == "checkpoint":
                self._post("saved", event["path"])
            else:
                # Words in the window's language of the moment (a Python global: no call into Qt).
                text = Text.from_fields(event, "message") or Text("")
                self._post("save_failed", text.get(i18n.current_language()))
            return
        self._post("event", event)

    def on_status(self, status: dict[str, Any]) -> None:
        self._post("status", status)
        if self._between_steps is not None:
            self._between_steps(self._driver)


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
        self._lock = threading.Lock()  # guards driver and _early only
        self.driver: Driver | None = None
        self._early: list[control.Command] = []
        self._done = False
        # Called in the training thread with each status, between steps (never anything of Qt).
        self.between_steps: Callable[[Any], None] | None = None
        # deque.append and popleft are atomic: the training thread appends, the GUI thread pops.
        self._outbox: collections.deque[tuple[str, Any]] = collections.deque()
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self.drain)
        self._ended = False

    # ---- lifetime (GUI thread) -------------------------------------------------
    def start(self) -> None:
        _LIVE.add(self)
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
            early, self._early = self._early, []
            for command in early:
                driver.send(command)
        if history is not None:
            self._post("history", history)
        self._post("driver", driver)
        step = -1
        try:
            step = driver.run(_QueueListener(self._post, driver, self.between_steps))
        except Exception as exc:  # the driver has logged it and saved what it could
            self._post("failed", describe_error(exc))
            step = driver.engine.step_count
        finally:
            with self._lock:
                self._done = True
            self._post("finished", step)

    # ---- controls (GUI thread) -----------------------------------------
    def send(self, command: control.Command) -> bool:
        """Hand ``command`` to the run (kept until the driver exists); False once the run is over."""
        with self._lock:
            if self._done:
                return False
            if self.driver is None:
                self._early.append(command)
                return True
            driver = self.driver
        driver.send(command)
        return True

    def submit(self, changes: Mapping[str, Any], source: str = "user") -> None:
        """Queue live knob changes; raises KnobError (nothing queued) for a bad value."""
        self.send(control.set_knobs(changes, source))

    def pause(self) -> None:
        self.send(control.Pause())

    def resume(self) -> None:
        self.send(control.Resume())

    def step_once(self, part: str = "both") -> None:
        self.send(control.Step(part))

    def stop(self, reason: str = "") -> None:
        self.send(control.Stop(reason))

    def save_checkpoint(self, directory: Path) -> bool:
        """Ask the loop for a checkpoint in ``directory`` (between two steps); False if there is no model."""
        with self._lock:
            if self.driver is None:
                return False
        return self.send(control.SaveCheckpoint(str(directory)))


# Every started worker until its thread ends, for the exit hook.
_LIVE: weakref.WeakSet[TrainingWorker] = weakref.WeakSet()


@atexit.register
def _stop_training_threads() -> None:
    """At interpreter exit: stop every run at its next step boundary and wait for it."""
    threads = []
    for worker in list(_LIVE):
        try:
            if worker._thread.is_alive():
                worker.send(control.Stop("exit"))  # plain Python: works after Qt is gone
                threads.append(worker._thread)
        except RuntimeError:
            continue
    for thread in threads:
        thread.join(EXIT_JOIN_S)
