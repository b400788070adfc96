"""Metric rows as growable numpy columns: the one column store of the app.

Rows arrive in batches (a list of dicts per flush, several times a second).
Columns double their capacity when full, so appending is amortised O(1) and
readers (plots, the live diagnosis) get contiguous views without copying.

Three ways to choose the columns:

* ``fields`` given: exactly those columns (a missing value is NaN);
* ``fields`` given and ``more=True``: those columns always, and every other
  numeric field of the rows (except knob values) from the batch it first has
  a value; a column first seen later is NaN before.  The run model keeps its
  rows this way: the curves read the engine's fields, the live diagnosis and
  the quality panel the rest (``time``, ``quality_*``, a log's columns);
* ``fields=None``: every numeric field as above, no column fixed.  Rows
  without a numeric step are skipped.

:meth:`ColumnStore.table` gives the columns that have had a value since the
last clear: a fixed column nothing measured is not in the table (the
diagnosis reads "absent", as from a log without it).
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
                 step_dtype: type = np.float64, more: bool = False):
        self.fields = tuple(fields) if fields is not None else None
        self._more = fields is None or more  # other numeric fields get columns as they come
        self._capacity = max(16, capacity)
        self._size = 0
        self._steps = np.empty(self._capacity, dtype=step_dtype)
        self._columns: dict[str, np.ndarray] = {f: np.empty(self._capacity) for f in self.fields or ()}
        self._measured: set[str] = set()  # columns with a value since the last clear
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
        fixed = self.fields or ()
        for name in [n for n in self._columns if n not in fixed]:
            del self._columns[name]
        self._measured.clear()
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
        fixed = self.fields or ()
        names: list[str] = list(fixed)
        if self._more:
            seen: set[str] = set()
            for r in rows:
                seen.update(r)
            names += [name for name in seen if name != "step" and name not in KNOBS and name not in fixed]
        steps = np.fromiter((_number(r.get("step")) for r in rows), dtype=np.float64, count=n)
        columns = {}
        for name in names:
            values = np.fromiter((_number(r.get(name)) for r in rows), dtype=np.float64, count=n)
            if name in self._columns or not np.isnan(values).all():
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
        if self._more:
            for name in columns:
                if name not in self._columns:
                    self._columns[name] = np.full(self._capacity, np.nan)
        for name, column in self._columns.items():
            values = columns.get(name)
            column[start:end] = np.nan if values is None else values
            if values is not None and name not in self._measured and not np.isnan(column[start:end]).all():
                self._measured.add(name)
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
        """The rows as a diagnosis table (views, not copies) of the columns that have had a value."""
        n = self._size
        return MetricTable(step=self._steps[:n],
                           columns={k: v[:n] for k, v in self._columns.items() if k in self._measured},
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
