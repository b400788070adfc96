"""gantuner's own run folders: metrics.jsonl (+ events.jsonl) into a MetricTable.

Each metrics line is one step: the engine's fields and ``quality_*`` values
become columns, the live knob values in force go to ``table.knobs`` (one
list per knob, aligned with the rows), ``events.jsonl`` goes to
``table.events``.  A line that is not a JSON object with an integer step (a
run killed mid-write leaves half a line) is skipped and counted; examples
name the file in their reason.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gantuner.knobs import KNOBS
from gantuner.metrics import MetricTable, SkippedLine
from gantuner.text import Text

from . import limits
from .errors import LogError, unreadable
from .names import order_columns
from .segments import restart_events

METRICS_FILE = "metrics.jsonl"
EVENTS_FILE = "events.jsonl"
MAX_EXAMPLES = 5


@dataclass
class JsonLines:
    """Parsed objects of a .jsonl text and what could not be read."""
    objects: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0
    examples: list[SkippedLine] = field(default_factory=list)


def parse_jsonl(data: bytes, file_name: str, first_line: int = 1, need_step: bool = True) -> JsonLines:
    out = JsonLines()
    for i, raw in enumerate(data.split(b"\n")):
        line = raw.strip()
        if not line:
            continue
        reason = ""
        if too_long := limits.line_too_long(line):
            obj, reason = None, f"{file_name}: {too_long}"
        else:
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError):
                obj, reason = None, f"{file_name}: not valid JSON (cut short?)"
        if obj is not None and not isinstance(obj, dict):
            obj, reason = None, f"{file_name}: not a JSON object"
        if obj is not None and (crowded := limits.too_many_keys(obj)):
            obj, reason = None, f"{file_name}: {crowded}"
        if obj is not None and need_step and not _is_step(obj.get("step")):
            obj, reason = None, f"{file_name}: no integer 'step'"
        if obj is None:
            out.skipped += 1
            if len(out.examples) < MAX_EXAMPLES:
                text = raw.decode("utf-8", "replace")
                out.examples.append(SkippedLine(first_line + i, text[:200], reason))
            continue
        out.objects.append(obj)
    return out


def _is_step(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63


def rows_to_table(rows: list[dict[str, Any]], source: str = "") -> MetricTable:
    """Metrics rows -> table: numbers become columns, knob values go to ``knobs``."""
    knob_names: list[str] = []
    for r in rows:
        knob_names.extend(k for k in r if k in KNOBS and k not in knob_names)
    # null is how gantuner writes NaN (strict JSON); it reads back as NaN.
    table = MetricTable.from_rows(({k: (math.nan if v is None else v) for k, v in r.items() if k not in KNOBS}
                                   for r in rows),
                                  format="gantuner", source=source)
    table.columns = order_columns(table.columns)
    table.knobs = {name: [r.get(name) for r in rows] for name in knob_names}
    return table


def run_paths(path: Path) -> tuple[Path, Path]:
    """(metrics.jsonl, events.jsonl) for a run folder or a metrics.jsonl file."""
    folder = path if path.is_dir() else path.parent
    metrics = path if path.is_file() else folder / METRICS_FILE
    return metrics, folder / EVENTS_FILE


def read_run(path: str | Path) -> MetricTable:
    path = Path(path)
    metrics_path, events_path = run_paths(path)
    if not metrics_path.is_file():
        raise LogError(Text(f"{path}: no {METRICS_FILE} here; open a gantuner run folder (it holds config.json and "
                            f"{METRICS_FILE})",
                            f"{path}: {METRICS_FILE} がありません。gantuner の実行フォルダ(config.json と "
                            f"{METRICS_FILE} がある)を開いてください"))
    metrics = parse_jsonl(_read(metrics_path), METRICS_FILE)
    table = rows_to_table(metrics.objects, source=str(path))
    table.skipped_lines = metrics.skipped
    table.skipped_examples = list(metrics.examples)
    if events_path.is_file():
        events = parse_jsonl(_read(events_path), EVENTS_FILE, need_step=False)
        table.events.extend(events.objects)
        table.skipped_lines += events.skipped
        table.skipped_examples.extend(events.examples[:MAX_EXAMPLES - len(table.skipped_examples)])
    table.events.extend(restart_events(table.step))
    return table


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise unreadable(path, error) from None
