"""What storing each row once saves the GUI thread: rows into the window's stores, before and after.

    python benchmarks/row_storage.py

Before, a batch of rows went into three stores: the curves' column store (the
engine's fields), the live diagnosis' own column store (every numeric field)
and the Quality panel's own lists.  Now it goes into the run model's one
column store (every numeric field), and the live diagnosis and the Quality
panel only note what they derive (knob values; the indices of the rows that
carried a quality metric).  Both paths are run on the same 100,000 engine-like
rows in batches of 10 (the worker's flushes), three times each, alternating;
prints the GUI-thread CPU time of each run.
"""

from __future__ import annotations

import time

import numpy as np

from gantuner.columns import ColumnStore
from gantuner.diagnosis.live import LiveDiagnosis
from gantuner.metrics import ENGINE_FIELDS

ROWS, BATCH, QUALITY_EVERY = 100_000, 10, 500


def make_batches() -> list[list[dict]]:
    rng = np.random.default_rng(0)
    batches = []
    for start in range(0, ROWS, BATCH):
        rows = []
        for step in range(start, start + BATCH):
            row = {"step": step, "time": 1e9 + step, **{f: float(rng.random()) for f in ENGINE_FIELDS},
                   "lr_d": 2e-4, "lr_g": 2e-4, "loss": "bce"}
            if step % QUALITY_EVERY == 0:
                row["quality_modes"] = 8.0
            rows.append(row)
        batches.append(rows)
    return batches


def three_stores(batches: list[list[dict]]) -> float:
    """The old path: the curves' store, the diagnosis' own store, the Quality panel's lists."""
    curves, live = ColumnStore(ENGINE_FIELDS), LiveDiagnosis()
    steps: dict[str, list[float]] = {}
    values: dict[str, list[float]] = {}
    started = time.process_time()
    for rows in batches:
        curves.append_rows(rows)
        live.add_rows(rows)
        for row in rows:
            for key, value in row.items():
                if key.startswith("quality_"):
                    steps.setdefault(key, []).append(float(row["step"]))
                    values.setdefault(key, []).append(float(value))
    return time.process_time() - started


def one_store(batches: list[list[dict]]) -> float:
    """The path now: the run model's store; the diagnosis and the Quality panel note what they derive."""
    store = ColumnStore(ENGINE_FIELDS, more=True)
    live = LiveDiagnosis(rows=store)
    measured: dict[str, list[int]] = {}
    started = time.process_time()
    for rows in batches:
        store.append_rows(rows)
        live.rows_added(rows)
        first = len(store) - len(rows)
        for i, row in enumerate(rows):
            for key in row:
                if key.startswith("quality_"):
                    measured.setdefault(key, []).append(first + i)
    return time.process_time() - started


def main() -> None:
    batches = make_batches()
    for _ in range(3):
        before, after = three_stores(batches), one_store(batches)
        print(f"three stores {before:.2f} s, one store {after:.2f} s CPU for {ROWS:,} rows "
              f"in batches of {BATCH} ({after / before:.0%})")


if __name__ == "__main__":
    main()
