"""Restarted step counters: several runs appended to one log.

When a script is started again with ``>>`` (or resumed from an early
checkpoint) the step counter goes back.  The readers keep every row in file
order with the steps as printed, and add one event per restart to
``table.events``::

    {"type": "restart", "row": i, "step": step[i], "previous_step": step[i - 1]}

so a segment is the rows from one restart (or row 0) up to the next.

How the diagnosis treats restarts: only the latest segment is diagnosed
(:func:`latest_segment`).  It is the run the user is tuning now; the rules
look at windows and trends over steps, and mixing a finished run's curve
into them (with overlapping steps) would invent collapses and recoveries
that never happened.  Plots show every segment, earlier ones as history.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from gantuner.metrics import MetricTable


def restart_events(step: np.ndarray, previous_step: int | None = None,
                   row_offset: int = 0) -> list[dict[str, Any]]:
    """One event per row whose step is lower than the row before it.

    ``previous_step`` is the last step already seen (when following a log
    piece by piece); ``row_offset`` is the number of rows before ``step``.
    """
    if step.size == 0:
        return []
    before = np.empty_like(step)
    before[1:] = step[:-1]
    before[0] = step[0] if previous_step is None else previous_step
    rows = np.flatnonzero(step < before)
    return [{"type": "restart", "row": int(r) + row_offset, "step": int(step[r]),
             "previous_step": int(before[r])} for r in rows]


def mark_restarts(table: MetricTable) -> MetricTable:
    """Add the restart events of ``table`` (in place) and return it."""
    table.events.extend(restart_events(table.step))
    return table


def segment_starts(table: MetricTable) -> list[int]:
    """First row of every segment: 0 and each restart row."""
    rows = {0} | {int(e["row"]) for e in table.events if e.get("type") == "restart"}
    return sorted(r for r in rows if r < max(len(table), 1))


def latest_segment(table: MetricTable) -> MetricTable:
    """The rows since the last restart (the whole table when there was none)."""
    start = segment_starts(table)[-1]
    if start == 0:
        return table
    part = table.slice(start)
    part.events = [e for e in table.events if e.get("type") != "restart" and _in_segment(e, part)]
    return part


def _in_segment(event: dict[str, Any], part: MetricTable) -> bool:
    """Whether an event (knob change, pause, ...) happened during the kept segment.

    Steps repeat across segments, so the time decides when both sides have
    one (gantuner runs); otherwise the step.
    """
    if len(part) == 0:
        return True
    times = part.get("time")
    when = event.get("time")
    if times is not None and isinstance(when, (int, float)) and np.isfinite(times[0]):
        return when >= times[0]
    step = event.get("step")
    return not isinstance(step, (int, float)) or step >= part.step[0]
