"""Data-space snapshots of the window's own run, for the Learn dock's view.

Called by the run's training thread between two steps (the worker's listener
calls it with each status, ten times a second); it takes a snapshot only when
the view asks (:attr:`RunProbe.wanted`), within the time budget of
:class:`~gantuner.learning.data_space.DataSpaceProbe` (at most 2 % of the
training thread's time).  The view reads :attr:`RunProbe.latest`, one
attribute, from the GUI thread.  Nothing here imports torch or Qt until a
2D run is probed.
"""

from __future__ import annotations

from typing import Any


class RunProbe:
    def __init__(self) -> None:
        self.wanted = False   # set by the view: shown, and not showing the playground
        self.latest: Any = None
        self._probe: Any = None

    @property
    def taken(self) -> int:
        """Snapshots computed so far."""
        return self._probe.taken if self._probe is not None else 0

    def __call__(self, driver: Any) -> None:
        engine = driver.engine
        if not self.wanted or not getattr(engine, "is_points", False):
            return
        if self._probe is None:
            from .data_space import DataSpaceProbe

            self._probe = DataSpaceProbe()
        snapshot = self._probe.maybe(engine)
        if snapshot is not None:
            self.latest = snapshot
