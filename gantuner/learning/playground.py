"""A small 2D GAN of its own for the Learn dock, trained in its own thread (GAN Lab's playground).

Qt-free.  The thread runs an :class:`~gantuner.training.Engine` on 2D data
and serves commands between steps: play, pause, one D update, one G update,
one whole step, and the next phase of a slow-motion step.  After each
command, and now and then while playing (within the :class:`DataSpaceProbe`'s
time budget), it leaves a data-space snapshot in :attr:`latest`; a GUI
polls it with a timer.  Nothing here blocks the caller: commands go through
a queue, and torch is imported by the playground's thread, never the caller's.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .phases import PHASES, Phase

if TYPE_CHECKING:
    from ..training import Engine
    from .data_space import DataSpaceProbe, DataSpaceSnapshot

COMMANDS = ("play", "pause", "step_d", "step_g", "step", "phase", "stop")
THREAD_NAME = "gantuner-playground"


class Playground:
    def __init__(self, config: Mapping[str, Any] | None = None, budget: float = 0.04):
        self.config = {"dataset": "ring", "device": "cpu", **dict(config or {})}
        self.budget = budget
        self.probe: DataSpaceProbe | None = None  # made in the thread, with the engine
        self.wanted = True                         # is anyone looking (the view is shown)?
        self.latest: DataSpaceSnapshot | None = None
        self.phase: Phase | None = None       # the slow-motion phase last shown (None between steps)
        self.playing = False
        self.error: str | None = None
        self.engine: Engine | None = None
        self._commands: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._slow: Any = None                 # the slow-motion generator in progress
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)

    # ---- any thread --------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def send(self, command: str) -> None:
        if command not in COMMANDS:
            raise ValueError(f"unknown playground command {command!r}: use one of {', '.join(COMMANDS)}")
        self._commands.put(command)

    def stop(self, timeout: float = 5.0) -> bool:
        self._commands.put("stop")
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def step(self) -> int:
        return self.engine.step_count if self.engine is not None else 0

    # ---- the playground's thread ---------------------------------------------------
    def _run(self) -> None:
        try:
            from ..training import Engine
            from .data_space import DataSpaceProbe

            self.probe = DataSpaceProbe(self.budget)
            self.engine = Engine(self.config)
            self._show()
            while True:
                try:
                    command = self._commands.get(block=not self.playing, timeout=None if not self.playing else 0)
                except queue.Empty:
                    command = None
                if command == "stop":
                    break
                if command is not None:
                    self._serve(command)
                elif self.playing:
                    from .slow_motion import step_both

                    self._finish_slow_motion()
                    step_both(self.engine)
                    self.probe.wanted = self.wanted
                    snapshot = self.probe.maybe(self.engine)
                    if snapshot is not None:
                        self.latest = snapshot
        except Exception as exc:  # shown in the dock; the window goes on
            self.error = f"{type(exc).__name__}: {exc}"
            self.playing = False

    def _serve(self, command: str) -> None:
        if command == "play":
            self.playing = True
            return
        if command == "pause":
            self.playing = False
            self._show()
            return
        if command == "phase":
            self._next_phase()
            return
        from .slow_motion import step_both, step_d_only, step_g_only

        self._finish_slow_motion()
        {"step_d": step_d_only, "step_g": step_g_only, "step": step_both}[command](self.engine)
        self._show()

    def _next_phase(self) -> None:
        from .slow_motion import slow_motion_step

        self.playing = False
        if self._slow is None:
            self._slow = slow_motion_step(self.engine)
        phase = next(self._slow, None)
        if phase is None:  # the step was over: start the next one
            self._slow = slow_motion_step(self.engine)
            phase = next(self._slow)
        self.phase = phase
        if phase.name == PHASES[-1]:
            self._slow = None
        self._show(keep_phase=True)

    def _finish_slow_motion(self) -> None:
        """A step half walked through is walked to its end before anything else runs."""
        if self._slow is not None:
            for _ in self._slow:
                pass
            self._slow = None
        self.phase = None

    def _show(self, keep_phase: bool = False) -> None:
        from .data_space import engine_snapshot

        if not keep_phase:
            self.phase = None
        self.latest = engine_snapshot(self.engine)



