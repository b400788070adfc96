"""Run a slow function (disk, parsing) off the GUI thread and get the result as a signal.

A plain Python thread named ``gantuner-<task>``; the result travels back
through a queued Qt signal, so the GUI thread never waits on the disk.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal


class BackgroundCall(QObject):
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, task: str, function: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._function = function
        self.thread = threading.Thread(target=self._run, name=f"gantuner-{task}", daemon=True)

    def start(self) -> "BackgroundCall":
        self.thread.start()
        return self

    def is_running(self) -> bool:
        return self.thread.is_alive()

    def _run(self) -> None:
        try:
            result = self._function()
        except Exception as exc:  # reported to the user, never raised into Qt
            self.failed.emit(describe_error(exc))
            return
        self.done.emit(result)


def describe_error(exc: BaseException) -> str:
    """gantuner's own errors and the usual ones already read as a sentence; others get their type."""
    text = str(exc)
    own = type(exc).__module__.startswith("gantuner")
    if text and (own or isinstance(exc, (OSError, ValueError, RuntimeError, KeyError))):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
