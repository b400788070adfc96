"""Metric rows as growable numpy columns: the one column store of the app.

Rows arrive in batches (a list of dicts per flush, several times a second).
Columns double their capacity when full, so appending is amortised O(1) and
readers (plots, the live diagnosis) get contiguous views without copying.

Two ways to choose the columns:

* ``fields`` given: exactly those columns (a missing value is NaN); the
  window's curves keep the engine's fields this way;
* ``fields=None``: every numeric field of the rows except knob values; a
  column first seen later is NaN before (the live diagnosis keeps quality
  metrics and log columns this way).  Rows without a numeric step are skipped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from .knobs import KNOBS
from .metrics import MetricTable


class ColumnStore:
    def __init__(self, fields: Sequence[str] | None = None, capacity: int = 4096,
                 step_dtype: type = np.float64):
        self.fields = tuple(fields) if fields is not None else None
        self._capacity = max(16, capacity)
        self._size = 0
        self._steps = np.empty(self._capacity, dtype=step_dtype)
        self._columns: dict[str, np.ndarray] = {f: np.empty(self._capacity) for f in self.fields or ()}
        self.version = 0  # bumped on every change; the plots redraw when it moves
        self.generation = 0  # bumped when cleared: views taken before then may be overwritten

    def __len__(self) -> int:
        return self._size

    @property
    def capacity(self) -> int:
        return self._capacity

    def names(self) -> list[str]:
        return list(self._columns)

    def clear(self) -> None:
        self._size = 0
        if self.fields is None:
            self._columns.clear()
        self.version += 1
        self.generation += 1

    def append_rows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Append rows (dicts with "step" and fields); return how many were kept."""
        rows = list(rows)
        if self.fields is None:
            rows = [r for r in rows if _is_number(r.get("step"))]
        n = len(rows)
        if not n:
            return 0
        if self.fields is not None:
            names: Iterable[str] = self.fields
        else:
            seen: set[str] = set()
            for r in rows:
                seen.update(r)
            names = [name for name in seen if name != "step" and name not in KNOBS]
        steps = np.fromiter((_number(r.get("step")) for r in rows), dtype=np.float64, count=n)
        columns = {}
        for name in names:
            values = np.fromiter((_number(r.get(name)) for r in rows), dtype=np.float64, count=n)
            if name in self._columns or self.fields is not None or not np.isnan(values).all():
                columns[name] = values  # (a text field, or a column not yet measured, is left out)
        self.append_columns(steps, columns)
        return n

    def append_columns(self, steps: np.ndarray, columns: Mapping[str, np.ndarray]) -> None:
        """Append whole columns at once (missing fields become NaN)."""
        steps = np.asarray(steps)
        n = steps.shape[0]
        if n == 0:
            return
        start, end = self._size, self._size + n
        self._reserve(end)
        self._steps[start:end] = steps
        if self.fields is None:
            for name in columns:
                if name not in self._columns:
                    self._columns[name] = np.full(self._capacity, np.nan)
        for name, column in self._columns.items():
            values = columns.get(name)
            column[start:end] = np.nan if values is None else values
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

    def table(self, events: list[dict[str, Any]], source: str = "live") -> MetricTable:
        """The rows as a diagnosis table (views, not copies)."""
        n = self._size
        return MetricTable(step=self._steps[:n], columns={k: v[:n] for k, v in self._columns.items()},
                           format="gantuner", source=source, events=events)


def _grow(array: np.ndarray, capacity: int, used: int) -> np.ndarray:
    grown = np.full(capacity, np.nan, dtype=array.dtype) if array.dtype.kind == "f" else np.empty(
        capacity, dtype=array.dtype)
    grown[:used] = array[:used]
    return grown


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _number(value: Any) -> float:
    if value is None or isinstance(value, (str, bool)):
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan
