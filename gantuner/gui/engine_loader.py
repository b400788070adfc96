"""Torch and the training engine, loaded in the background while the window is up.

The window draws itself, shows the knobs and opens logs without torch; what
needs the engine (Start, Reset, loading a checkpoint) waits for
:attr:`EngineLoader.ready` through :meth:`EngineLoader.when_ready`, so a
Start pressed during loading trains as soon as the engine is there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..training.loading import engine_loaded, load_engine_modules
from .background import BackgroundCall


class EngineLoader(QObject):
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, load: Callable[[], None] = load_engine_modules):
        super().__init__(parent)
        self._load = load
        self.ready = engine_loaded() and load is load_engine_modules
        self.error: str | None = None
        self._call: BackgroundCall | None = None
        self._waiting: Callable[[], None] | None = None

    def start(self) -> None:
        """Begin loading (again after a failure); does nothing when loaded or loading."""
        if self.ready or self._call is not None:
            return
        self.error = None
        self._call = BackgroundCall("load-engine", self._load, self)
        self._call.done.connect(self._done)
        self._call.failed.connect(self._failed)
        self._call.start()

    def when_ready(self, action: Callable[[], None]) -> bool:
        """Run ``action`` now if the engine is loaded (True), else once it is (the latest action wins)."""
        if self.ready:
            action()
            return True
        self._waiting = action
        self.start()
        return False

    def cancel_waiting(self) -> None:
        self._waiting = None

    def join(self, timeout: float) -> None:
        """At shutdown: give a loading thread the chance to finish its import."""
        if self._call is not None:
            self._call.thread.join(timeout)

    def _done(self, _result) -> None:
        self._call = None
        self.ready = True
        self.loaded.emit()
        action, self._waiting = self._waiting, None
        if action is not None:
            action()

    def _failed(self, message: str) -> None:
        self._call = None
        self._waiting = None
        self.error = message
        self.failed.emit(message)
