"""One run to compare with others: its curves, its knobs and its sample grids.

A gantuner run folder gives all three; another program's log (any format
``gantuner.logs`` reads) gives its curves only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .. import knobs
from ..logs import latest_segment, read_log

_RUN_FILES = ("config.json", "metrics.jsonl", "events.jsonl")


@dataclass
class ComparedRun:
    name: str
    path: Path
    steps: np.ndarray
    columns: dict[str, np.ndarray]
    knobs: dict[str, Any] = field(default_factory=dict)   # the knob values it started with (empty for a log)
    samples: list[tuple[int, Path]] = field(default_factory=list)

    def sample_at(self, step: int) -> tuple[int, Path] | None:
        """The newest sample grid at or before ``step`` (the first one when all are later)."""
        if not self.samples:
            return None
        earlier = [s for s in self.samples if s[0] <= step]
        return earlier[-1] if earlier else self.samples[0]


def load_compared(path: Path | str) -> ComparedRun:
    """Read a run folder or a log; raises LogError / FileNotFoundError with a clear message."""
    path = Path(path)
    if path.is_file() and (path.parent / "config.json").exists() and path.name in _RUN_FILES:
        path = path.parent  # a file picked inside a run folder stands for the run
    table = latest_segment(read_log(path))  # a restarted log: its last run
    steps = table.step.astype(np.float64)
    columns = dict(table.columns)
    values: dict[str, Any] = {}
    samples: list[tuple[int, Path]] = []
    if path.is_dir() and (path / "config.json").exists():
        from ..training.runfiles import read_run

        contents = read_run(path)
        config = contents.config.get("knobs", {}) if isinstance(contents.config, dict) else {}
        values = {name: value for name, value in config.items() if name in knobs.KNOBS}
        samples = list(contents.samples)
    return ComparedRun(path.name or str(path), path, steps, columns, values, samples)


def run_folders_in(folder: Path | str) -> list[Path]:
    """The gantuner run folders directly under ``folder`` (a search's output holds one per run), in
    name order: run folders are named by their start time, so the first is the first run started.
    ``folder`` itself when it is a run folder; empty when it holds none."""
    folder = Path(folder)
    if (folder / "config.json").is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and (p / "config.json").is_file())


def load_folder(folder: Path | str) -> tuple[list[ComparedRun], list[tuple[Path, Exception]]]:
    """Every run folder directly under ``folder``, read in order; a run that cannot be read is
    returned with its error instead of stopping the others."""
    runs: list[ComparedRun] = []
    problems: list[tuple[Path, Exception]] = []
    for path in run_folders_in(folder):
        try:
            runs.append(load_compared(path))
        except Exception as exc:  # reported per run, next to the runs that loaded
            problems.append((path, exc))
    return runs, problems
