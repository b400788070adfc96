"""The run model: what a run (live, resumed or opened) is, as the views see it.

It holds

* ``rows``: a :class:`~.columns.ColumnStore` of the metric rows, the one copy
  of them: the curves, the live diagnosis and the quality panel read its
  columns in place (``fields`` always, every other numeric field as it comes);
* ``events``: the run's events, as in events.jsonl;
* ``knobs_in_force``: the live knob values the last row was trained with;
* ``knobs_pending``: values asked for that no row shows yet;
* ``state``: the run's :class:`~gantuner.training.control.RunState`.

Observers (:class:`RunObserver`: any of ``rows_added``, ``cleared``,
``event_added``, ``knobs_changed``, ``state_changed``) are called in the
thread that changes the model (the GUI thread in the app).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from ..columns import ColumnStore
from ..knobs import LIVE_KNOBS
from ..training.control import RunState


class RunObserver(Protocol):
    def rows_added(self, rows: Sequence[Mapping[str, Any]]) -> None: ...
    def cleared(self) -> None: ...
    def event_added(self, event: Mapping[str, Any]) -> None: ...
    def knobs_changed(self, in_force: Mapping[str, Any], pending: Mapping[str, Any]) -> None: ...
    def state_changed(self, state: RunState) -> None: ...


class RunModel:
    def __init__(self, fields: Sequence[str] | None = None):
        self.rows = ColumnStore(fields, more=True)
        self.events: list[dict[str, Any]] = []
        self.knobs_in_force: dict[str, Any] = {}
        self.knobs_pending: dict[str, Any] = {}
        self.state = RunState.IDLE
        self._observers: list[Any] = []

    # ---- observers -------------------------------------------------------------
    def subscribe(self, observer: Any) -> None:
        """Call ``observer``'s methods (those it has, of :class:`RunObserver`) on every change."""
        self._observers.append(observer)

    def unsubscribe(self, observer: Any) -> None:
        self._observers.remove(observer)

    def _tell(self, method: str, *args: Any) -> None:
        for observer in list(self._observers):
            handler = getattr(observer, method, None)
            if handler is not None:
                handler(*args)

    # ---- changes ------------------------------------------------------------------
    def clear(self) -> None:
        """A new run (or none): no rows, events or knobs."""
        self.rows.clear()
        self.events = []
        self.knobs_in_force = {}
        self.knobs_pending = {}
        self._tell("cleared")

    def add_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        if not rows:
            return
        self.rows.append_rows(rows)
        last = rows[-1]
        in_force = {name: last[name] for name in LIVE_KNOBS if name in last}
        self._tell("rows_added", rows)
        if in_force:
            self._set_knobs({**self.knobs_in_force, **in_force})

    def add_columns(self, steps: Any, columns: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> None:
        """A run's past at once: ``columns`` were made from ``rows`` off the GUI thread."""
        self.rows.append_columns(steps, columns)
        self._tell("rows_added", rows)

    def add_events(self, events: Iterable[Mapping[str, Any]]) -> None:
        for event in events:
            self.events.append(dict(event))
            self._tell("event_added", self.events[-1])

    def ask_knobs(self, values: Mapping[str, Any]) -> None:
        """Knob values sent to the run, pending until a row shows them in force."""
        self.knobs_pending.update(values)
        self._tell("knobs_changed", self.knobs_in_force, self.knobs_pending)

    def set_state(self, state: RunState | str) -> None:
        state = RunState(state)
        if state is not self.state:
            self.state = state
            self._tell("state_changed", state)

    def _set_knobs(self, in_force: dict[str, Any]) -> None:
        pending = {k: v for k, v in self.knobs_pending.items() if in_force.get(k) != v}
        if in_force == self.knobs_in_force and pending == self.knobs_pending:
            return
        self.knobs_in_force, self.knobs_pending = in_force, pending
        self._tell("knobs_changed", in_force, pending)
