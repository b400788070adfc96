"""Run a slow function (disk, parsing) off the GUI thread and get the result as a signal.

A plain Python thread named ``gantuner-<task>`` runs the function and keeps
its outcome; a QTimer in the GUI thread looks for it every few milliseconds
and emits ``done`` or ``failed`` there.  The thread itself never calls into
Qt (see worker.py for why), and the GUI thread never waits on the disk.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..errors import GantunerError
from . import i18n

POLL_MS = 15


class BackgroundCall(QObject):
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, task: str, function: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._function = function
        self._outcome: tuple[bool, Any] | None = None
        self.thread = threading.Thread(target=self._run, name=f"gantuner-{task}", daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._deliver)

    def start(self) -> BackgroundCall:
        self.thread.start()
        self._timer.start()
        return self

    def _deliver(self) -> None:
        """Emit the outcome once the function has returned."""
        outcome = self._outcome
        if outcome is None:
            return
        self._outcome = None
        self._timer.stop()
        ok, value = outcome
        if ok:
            self.done.emit(value)
        else:
            self.failed.emit(value)
        self.deleteLater()  # its owner's set drops the Python side in the slots above

    def _run(self) -> None:
        try:
            result = self._function()
        except Exception as exc:  # reported to the user, never raised into Qt
            self._outcome = (False, describe_error(exc))
            return
        self._outcome = (True, result)


def describe_error(exc: BaseException) -> str:
    """gantuner's own errors (in the interface's language) and the usual ones already read as a
    sentence; others get their type."""
    if isinstance(exc, GantunerError) and str(exc):
        return exc.message(i18n.current_language())
    text = str(exc)
    own = type(exc).__module__.startswith("gantuner")
    if text and (own or isinstance(exc, (OSError, ValueError, RuntimeError, KeyError))):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
