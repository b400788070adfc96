"""The diagnosis of a run in progress: rows in, fresh hints out, a few times a second.

Metric rows arrive in batches many times a second.  They live in a
:class:`~gantuner.columns.ColumnStore` (capacity doubles when full), so the
table handed to :func:`gantuner.diagnosis.diagnose` is a set of views, never
rebuilt from dicts.  In the window that store is the run model's, the one
the curves read (its owner appends, :meth:`LiveDiagnosis.rows_added` is told);
on its own (the CLI's tests, tools) the diagnosis keeps a store of its own and
:meth:`LiveDiagnosis.add_rows` appends to it.  The rules look only at the last ``window`` steps, and run at most
every ``min_interval`` seconds (longer when a diagnosis turns out slow, so it
never takes more than a fifth of the GUI thread), and only when something new
arrived.  Knob changes (``events.jsonl``'s ``"knob"`` events) are kept so a
follow-up hint can say whether the latest change worked.  No Qt here: the
window calls :meth:`LiveDiagnosis.maybe_update` from a timer.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from gantuner.columns import ColumnStore
from gantuner.diagnosis import diagnose, follow_up
from gantuner.diagnosis.hints import Hint
from gantuner.knobs import KNOBS
from gantuner.metrics import MetricTable

WINDOW_STEPS = 2000      # the rules see the last this many steps
MIN_INTERVAL_S = 1.0     # at most once a second: its GIL time is taken from training
MAX_BUSY_SHARE = 0.2     # a slow diagnosis is run less often, at most 20 % of the time
FOLLOW_HORIZON_STEPS = 5000  # a follow-up on a knob change is shown this long after it


class LiveDiagnosis:
    """Keeps the live run's table and decides when to diagnose it again.

    ``diagnose_fn`` and ``follow_up_fn`` default to the diagnosis package's
    functions (their signatures: ``diagnose(table, *, live, knobs, window)``
    and ``follow_up(table, change_event)``).  ``rows``: the store to read
    (the run model's); by default one of its own.
    """

    def __init__(self, window: int = WINDOW_STEPS, min_interval: float = MIN_INTERVAL_S,
                 follow_horizon: int = FOLLOW_HORIZON_STEPS,
                 diagnose_fn: Callable[..., list[Hint]] = diagnose,
                 follow_up_fn: Callable[[MetricTable, dict], Hint | None] = follow_up,
                 rows: ColumnStore | None = None) -> None:
        self.window = window
        self.min_interval = min_interval
        self.follow_horizon = follow_horizon
        self._diagnose = diagnose_fn
        self._follow_up = follow_up_fn
        self._owns_rows = rows is None
        self._rows = ColumnStore(step_dtype=np.int64) if rows is None else rows
        self._events: list[dict[str, Any]] = []
        self._knob_values: dict[str, Any] = {}
        self._hints: list[Hint] = []
        self._version = 0           # bumped by every new row batch, event or reset
        self._diagnosed_version = 0
        self._last_run: float | None = None
        self._interval = min_interval
        self.last_duration_s = 0.0  # how long the latest diagnosis took
        self.runs = 0               # how many times it diagnosed

    # ---- input --------------------------------------------------------------
    def clear(self) -> None:
        """Forget the run (a new or reopened run replays its rows after this); a shared
        store is cleared by its owner."""
        if self._owns_rows:
            self._rows.clear()
        self._events = []
        self._knob_values = {}
        self._version += 1

    def set_knob_values(self, values: Mapping[str, Any]) -> None:
        """All knob values of the run (setup knobs too, e.g. from config.json);
        the rows and knob events keep the live ones current."""
        self._knob_values.update({k: v for k, v in values.items() if k in KNOBS})
        self._version += 1

    def add_rows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Append ``rows`` to the diagnosis' own store; return how many were kept."""
        if not self._owns_rows:
            raise RuntimeError("this live diagnosis reads a shared store: its owner appends, then calls rows_added")
        rows = list(rows)
        added = self._rows.append_rows(rows)
        if added:
            self.rows_added(rows)
        return added

    def rows_added(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """``rows`` were appended to the store read (by its owner): diagnose again when due."""
        if rows:
            self._knob_values.update({k: v for k, v in rows[-1].items() if k in KNOBS})
            self._version += 1

    def add_event(self, event: Mapping[str, Any]) -> None:
        event = dict(event)
        self._events.append(event)
        if event.get("type") == "knob" and event.get("knob") in KNOBS:
            self._knob_values[event["knob"]] = event.get("new")
        self._version += 1

    # ---- output -------------------------------------------------------------
    @property
    def hints(self) -> list[Hint]:
        return list(self._hints)

    @property
    def knob_values(self) -> dict[str, Any]:
        return dict(self._knob_values)

    def table(self) -> MetricTable:
        """The rows so far as a table of views (valid until the next ``add_rows``)."""
        return self._rows.table(self._events)

    def latest_changes(self) -> list[dict[str, Any]]:
        """The knob events of the latest change (a hint's Apply may change several knobs at once)."""
        knob_events = [e for e in self._events if e.get("type") == "knob" and _is_number(e.get("step"))]
        if not knob_events:
            return []
        step = knob_events[-1]["step"]
        return [e for e in knob_events if e["step"] == step]

    def maybe_update(self, now: float) -> list[Hint] | None:
        """Diagnose again when due and something arrived since the last time; return
        the new hints (follow-ups first), or None when it did not run."""
        if self._version == self._diagnosed_version:
            return None
        if self._last_run is not None and now - self._last_run < self._interval:
            return None
        self._last_run = now
        self._diagnosed_version = self._version
        started = time.perf_counter()
        self._hints = self._diagnose_now()
        self.last_duration_s = time.perf_counter() - started
        self._interval = max(self.min_interval, self.last_duration_s / MAX_BUSY_SHARE)
        self.runs += 1
        return self.hints

    def _diagnose_now(self) -> list[Hint]:
        if not len(self._rows):
            return []
        table = self.table()
        hints = self._follow_ups(table)
        hints += self._diagnose(table, live=True, knobs=dict(self._knob_values) or None, window=self.window)
        unique: dict[str, Hint] = {}
        for hint in hints:
            unique.setdefault(hint.id, hint)  # one card per id
        return list(unique.values())

    def _follow_ups(self, table: MetricTable) -> list[Hint]:
        changes = self.latest_changes()
        last = self._rows.last_step()
        if not changes or last is None or last - changes[0]["step"] > self.follow_horizon:
            return []
        hints: list[Hint] = []
        for change in changes:
            hint = self._follow_up(table, change)
            if hint is None:
                continue
            if any(h.id == hint.id for h in hints):
                # One Apply may change several knobs: one follow-up card for each.
                hint = dataclasses.replace(hint, id=f"{hint.id}_{change['knob']}")
            hints.append(hint)
        return hints


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


