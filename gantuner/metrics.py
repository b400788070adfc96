"""The metric table: one shape for every source of training curves.

gantuner's own runs, foreign console logs, CSV and TensorBoard files are all
read into a :class:`MetricTable`, and the diagnosis, the plots and the quality
panel only ever see this table.  Columns are float64 numpy arrays aligned with
``step``; a column a source does not carry is simply absent (not all-NaN).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

# Per-step fields the engine records, in the order metrics.jsonl writes them.
# d_loss is the mean of d_loss_real and d_loss_fake (Keras-GAN's convention:
# ln 2 = 0.693 at equilibrium with the bce loss); accuracies are shares 0..1;
# d_x and d_g_z are mean D outputs as probabilities.
ENGINE_FIELDS: tuple[str, ...] = (
    "d_loss", "d_loss_real", "d_loss_fake", "g_loss",
    "d_acc", "d_acc_real", "d_acc_fake",
    "d_x", "d_g_z", "grad_norm_d", "grad_norm_g",
)

# Every numeric column a table may carry (quality_* columns are added by the
# quality metrics and are open-ended).
KNOWN_COLUMNS: tuple[str, ...] = ("time",) + ENGINE_FIELDS


@dataclass
class SkippedLine:
    line_number: int  # 1-based, as an editor shows it
    text: str
    reason: str = ""


@dataclass
class MetricTable:
    step: np.ndarray  # int64, one entry per row; may restart (appended runs)
    columns: dict[str, np.ndarray] = field(default_factory=dict)
    format: str = "unknown"
    source: str = ""
    skipped_lines: int = 0
    skipped_examples: list[SkippedLine] = field(default_factory=list)
    # Knob changes and other events (dicts as in events.jsonl), when the source has them.
    events: list[dict[str, Any]] = field(default_factory=list)
    # Knob values per row, when the source has them (gantuner runs).
    knobs: dict[str, list[Any]] = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.step.shape[0])

    def has(self, name: str) -> bool:
        return name in self.columns

    def get(self, name: str) -> np.ndarray | None:
        return self.columns.get(name)

    def slice(self, start: int, stop: int | None = None) -> MetricTable:
        """Rows [start:stop) as a new table sharing nothing mutable."""
        sl = slice(start, stop)
        return MetricTable(
            step=self.step[sl].copy(),
            columns={k: v[sl].copy() for k, v in self.columns.items()},
            format=self.format,
            source=self.source,
            skipped_lines=self.skipped_lines,
            skipped_examples=list(self.skipped_examples),
            events=list(self.events),
            knobs={k: v[sl] for k, v in self.knobs.items()},
        )

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]], format: str = "gantuner",
                  source: str = "") -> MetricTable:
        """Build a table from dict rows (as in metrics.jsonl); missing values are NaN."""
        rows = list(rows)
        steps = np.fromiter((int(r.get("step", i)) for i, r in enumerate(rows)),
                            dtype=np.int64, count=len(rows))
        names: list[str] = []
        for r in rows:
            for k, v in r.items():
                if k != "step" and k not in names and _is_number(v):
                    names.append(k)
        columns = {
            name: np.array([_as_float(r.get(name)) for r in rows], dtype=np.float64)
            for name in names
        }
        return cls(step=steps, columns=columns, format=format, source=source)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _as_float(value: Any) -> float:
    if _is_number(value):
        return float(value)
    return float("nan")
