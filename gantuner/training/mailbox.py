"""Knob changes on their way from any thread to the training loop.

Callers submit partial changes; the mailbox keeps one whole snapshot of the
live knobs as they should be at the next step boundary, so the loop applies
every pending change at once (atomically) and a burst of slider edits costs
one application, not one per edit.
"""

from __future__ import annotations

import threading
from typing import Any, Mapping

from .. import knobs


class KnobMailbox:
    def __init__(self, in_force: Mapping[str, Any]):
        self._lock = threading.Lock()
        self._wanted: dict[str, Any] = dict(in_force)  # what the next step should use
        self._sources: dict[str, str] = {}
        self._dirty = False

    def submit(self, changes: Mapping[str, Any], source: str = "user") -> dict[str, Any]:
        """Queue ``changes`` for the next step; raise KnobError (nothing queued) if any is bad."""
        checked: dict[str, Any] = {}
        for name, value in changes.items():
            k = knobs.knob(name)
            if not k.live:
                raise knobs.KnobError(
                    f"{name} is a setup knob: it needs a restart with a new model, not a live change"
                )
            checked[name] = k.validate(value)
        with self._lock:
            self._wanted.update(checked)
            for name in checked:
                self._sources[name] = source
            self._dirty = True
            return dict(self._wanted)

    def take(self) -> tuple[dict[str, Any], dict[str, str]] | None:
        """The whole wanted snapshot and who asked for each knob, if anything changed."""
        with self._lock:
            if not self._dirty:
                return None
            self._dirty = False
            sources, self._sources = self._sources, {}
            return dict(self._wanted), sources

    def wanted(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._wanted)

    def reset(self, in_force: Mapping[str, Any]) -> None:
        with self._lock:
            self._wanted = dict(in_force)
            self._sources = {}
            self._dirty = False
