"""Reading a run directory into what the window shows: curves, markers, samples.

No Qt here: it runs in a background thread (a slow disk or a long run never
freezes the window) and is unit-tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .. import knobs
from ..columns import ColumnStore
from ..metrics import ENGINE_FIELDS
from ..training.runfiles import read_run


@dataclass
class LoadedRun:
    path: Path
    config: dict[str, Any]                  # every knob value the run started with
    rows: list[dict[str, Any]]
    steps: np.ndarray                       # float64, one per row
    columns: dict[str, np.ndarray]          # ENGINE_FIELDS and every other numeric field, float64
    events: list[dict[str, Any]]
    samples: list[tuple[int, Path]]
    bad_lines: list[tuple[str, int]] = field(default_factory=list)
    skipped_lines: int = 0

    @property
    def knob_changes(self) -> list[dict[str, Any]]:
        return [e for e in self.events if e.get("type") == "knob" and "knob" in e]

    def last_knobs(self) -> dict[str, Any]:
        """Knob values at the end of the run: the setup plus the live values of the last row."""
        values = dict(self.config)
        if self.rows:
            last = self.rows[-1]
            values.update({n: last[n] for n in knobs.LIVE_KNOBS if n in last})
        return values


def load_run(path: Path | str) -> LoadedRun:
    """Read ``path``; raises FileNotFoundError with a clear message when it is not a run."""
    contents = read_run(Path(path))
    rows = contents.rows
    store = ColumnStore(ENGINE_FIELDS, capacity=len(rows), more=True)  # as the run model keeps them
    store.append_rows(rows)
    steps = store.steps
    columns = {name: store.column(name) for name in store.names()}
    config = contents.config.get("knobs", {}) if isinstance(contents.config, dict) else {}
    return LoadedRun(Path(path), dict(config), rows, steps, columns, contents.events,
                     list(contents.samples), list(contents.bad_lines), contents.skipped_lines)


def marker_label(event: dict[str, Any]) -> str:
    """``lr_d 2e-4 -> 1e-4``: the text of a knob change's marker on the curves."""
    change = knobs.KnobChange(int(event.get("step", 0)), str(event.get("knob", "?")), event.get("old"), event.get("new"))
    return change.label()


def run_dir_of_checkpoint(path: Path) -> Path | None:
    """The run directory a checkpoint belongs to (RUN/checkpoints/step_N.safetensors), if any."""
    path = Path(path)
    candidate = path.parent.parent
    if path.parent.name == "checkpoints" and (candidate / "config.json").exists():
        return candidate
    return None
