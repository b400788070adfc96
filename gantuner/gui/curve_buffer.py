"""Metric rows collected into growable numpy columns for plotting.

Rows arrive in batches (a list of dicts per flush, several times a second).
Columns double their capacity when full, so appending is amortised O(1) and
the plots get contiguous views without copying.  No Qt here.
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Mapping, Sequence

import numpy as np


class CurveBuffer:
    def __init__(self, fields: Sequence[str], capacity: int = 4096):
        self.fields = tuple(fields)
        self._capacity = max(1, capacity)
        self._size = 0
        self._steps = np.empty(self._capacity, dtype=np.float64)
        self._columns = {f: np.empty(self._capacity, dtype=np.float64) for f in self.fields}
        self.version = 0  # bumped on every change; the plots redraw when it moves
        self.generation = 0  # bumped when cleared: views taken before then may be overwritten

    def __len__(self) -> int:
        return self._size

    @property
    def capacity(self) -> int:
        return self._capacity

    def clear(self) -> None:
        self._size = 0
        self.version += 1
        self.generation += 1

    def append_rows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Append rows (dicts with "step" and any of the fields); return how many."""
        rows = list(rows)
        if not rows:
            return 0
        steps = np.fromiter((_number(r.get("step")) for r in rows), dtype=np.float64, count=len(rows))
        columns = {f: np.fromiter((_number(r.get(f)) for r in rows), dtype=np.float64, count=len(rows))
                   for f in self.fields}
        self.append_columns(steps, columns)
        return len(rows)

    def append_columns(self, steps: np.ndarray, columns: Mapping[str, np.ndarray]) -> None:
        """Append whole columns at once (missing fields become NaN)."""
        steps = np.asarray(steps, dtype=np.float64)
        n = steps.shape[0]
        if n == 0:
            return
        self._reserve(self._size + n)
        end = self._size + n
        self._steps[self._size:end] = steps
        for f in self.fields:
            values = columns.get(f)
            self._columns[f][self._size:end] = np.nan if values is None else values
        self._size = end
        self.version += 1

    def _reserve(self, needed: int) -> None:
        if needed <= self._capacity:
            return
        capacity = self._capacity
        while capacity < needed:
            capacity *= 2
        self._steps = _grow(self._steps, capacity, self._size)
        self._columns = {f: _grow(a, capacity, self._size) for f, a in self._columns.items()}
        self._capacity = capacity

    @property
    def steps(self) -> np.ndarray:
        return self._steps[:self._size]

    def column(self, name: str) -> np.ndarray:
        return self._columns[name][:self._size]

    def last_step(self) -> int | None:
        return int(self._steps[self._size - 1]) if self._size else None

    def index_at(self, step: float) -> int | None:
        """Index of the row nearest ``step`` (steps ascending), or None when empty."""
        if not self._size:
            return None
        steps = self.steps
        i = int(np.searchsorted(steps, step))
        if i >= self._size:
            return self._size - 1
        if i > 0 and abs(steps[i - 1] - step) <= abs(steps[i] - step):
            return i - 1
        return i


def _grow(array: np.ndarray, capacity: int, used: int) -> np.ndarray:
    grown = np.empty(capacity, dtype=array.dtype)
    grown[:used] = array[:used]
    return grown


def _number(value: Any) -> float:
    if value is None or isinstance(value, (str, bool)):
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan
