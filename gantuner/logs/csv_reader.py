"""CSV logs with a header row (PyTorch Lightning's CSVLogger, pandas, spreadsheets).

Header names are matched by names.canonical_name, so case, spaces, slashes
and Lightning's ``train_`` / ``_step`` decorations do not matter.  The step
comes from a step/iteration/iter/global_step column, else from an epoch
column, else from the row index.  Lightning writes one row per ``log`` call,
leaving the other metrics' cells empty; consecutive rows with the same step
are merged into one (a later value wins).  Accuracies above 1.0 are taken
as percent.  An extra column with text in it is dropped; a row whose step,
loss or accuracy cell is not a number, or whose field count differs from
the header's, is skipped and counted.
"""

from __future__ import annotations

import csv
import math

import numpy as np

from gantuner.metrics import KNOWN_COLUMNS, MetricTable, SkippedLine
from gantuner.text import Text

from .errors import LogError
from .names import (
    ACCURACY_COLUMNS,
    LOSS_COLUMNS,
    accepted_loss_names,
    accuracy_as_share,
    canonical_name,
    clean_name,
    order_columns,
)
from .segments import mark_restarts

MAX_EXAMPLES = 5
DELIMITERS = (",", "\t", ";")
_REQUIRED_NUMERIC = set(KNOWN_COLUMNS) | {"step", "epoch"}


def sniff_delimiter(header: str) -> str | None:
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


def looks_like_csv(lines: list[str]) -> bool:
    """A header of names, then a row with as many fields: enough to call it CSV."""
    if len(lines) < 2:
        return False
    delimiter = sniff_delimiter(lines[0])
    if delimiter is None:
        return False
    header = next(csv.reader([lines[0]], delimiter=delimiter))
    row = next(csv.reader([lines[1]], delimiter=delimiter))
    if len(header) < 2 or len(row) != len(header):
        return False
    return all(name.strip() and not _is_float(name) for name in header)


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def read_csv_text(text: str, source: str = "") -> MetricTable:
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise LogError(Text(f"{source or 'the text'}: the CSV is empty; write a header row and data rows",
                            f"{source or 'テキスト'}: CSV が空です。見出し行とデータ行を書いてください"))
    delimiter = sniff_delimiter(lines[first]) or ","
    rows = csv.reader(lines[first:], delimiter=delimiter)
    header = [h.strip() for h in next(rows)]
    names = _column_names(header)
    if not set(names) & set(LOSS_COLUMNS):
        raise LogError(
            Text(f"{source or 'the CSV'}: no loss column in the header (found: {', '.join(header)}); "
                 f"name one of them like {accepted_loss_names()}",
                 f"{source or 'CSV'}: 見出しに損失の列がありません(あるのは {', '.join(header)})。"
                 f"列名を {accepted_loss_names()} のどれかにしてください"))

    records: list[list[float]] = []
    text_columns: set[int] = set()
    skipped = 0
    examples: list[SkippedLine] = []

    def skip(line_number: int, row: list[str], reason: str) -> None:
        nonlocal skipped
        skipped += 1
        if len(examples) < MAX_EXAMPLES:
            examples.append(SkippedLine(line_number, delimiter.join(row)[:200], reason))

    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as error:  # a NUL byte, a broken quote: that row only
            skip(first + rows.line_num, [], f"CSV error: {error}")
            continue
        line_number = first + rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            skip(line_number, row, f"has {len(row)} fields, the header has {len(header)}")
            continue
        values, bad = _parse_row(row, names, text_columns)
        if bad is not None:
            skip(line_number, row, bad)
            continue
        records.append(values)

    return _build_table(records, names, text_columns, source, skipped, examples)


def _column_names(header: list[str]) -> list[str]:
    """Canonical names; a second column mapping to the same name keeps its own clean name."""
    names: list[str] = []
    for raw in header:
        name = canonical_name(raw)
        if name in names:
            name = _unique(raw, names)
        names.append(name)
    return names


def _unique(raw: str, taken: list[str]) -> str:
    base = clean_name(raw)
    name, k = base, 2
    while name in taken:
        name, k = f"{base}_{k}", k + 1
    return name


def _parse_row(row: list[str], names: list[str], text_columns: set[int]) -> tuple[list[float], str | None]:
    values: list[float] = []
    for i, (cell, name) in enumerate(zip(row, names)):
        cell = cell.strip()
        if not cell:
            values.append(math.nan)
            continue
        try:
            values.append(float(cell))
        except ValueError:
            if name in _REQUIRED_NUMERIC:
                return values, f"{name} value {cell[:40]!r} is not a number"
            text_columns.add(i)  # a text column (a run name, a date): not a metric
            values.append(math.nan)
    if "step" in names:
        step = values[names.index("step")]
        if not (math.isfinite(step) and step == int(step)):
            return values, f"step {row[names.index('step')].strip()[:40]!r} is not a whole number"
    return values, None


def _build_table(records: list[list[float]], names: list[str], text_columns: set[int], source: str,
                 skipped: int, examples: list[SkippedLine]) -> MetricTable:
    data = np.array(records, dtype=np.float64).reshape(len(records), len(names))
    columns = {name: data[:, i] for i, name in enumerate(names) if i not in text_columns}
    if "step" in columns:
        step = columns.pop("step")
        columns = _merge_same_step(step, columns)
        step = columns.pop("step")
    elif "epoch" in columns and np.all(np.isfinite(columns["epoch"])):
        step = columns["epoch"].copy()
    else:
        step = np.arange(len(records), dtype=np.float64)
    for name in ACCURACY_COLUMNS:
        if name in columns:
            columns[name] = accuracy_as_share(columns[name])
    table = MetricTable(step=step.astype(np.int64), columns=order_columns(columns), format="csv",
                        source=source, skipped_lines=skipped, skipped_examples=examples)
    return mark_restarts(table)


def _merge_same_step(step: np.ndarray, columns: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Consecutive rows with one step -> one row; for each column the last value that is not NaN."""
    if step.size == 0:
        return {"step": step, **columns}
    starts = np.flatnonzero(np.r_[True, step[1:] != step[:-1]])
    if starts.size == step.size:
        return {"step": step, **columns}
    merged = {"step": step[starts]}
    group = np.cumsum(np.r_[True, step[1:] != step[:-1]]) - 1
    for name, values in columns.items():
        out = np.full(starts.size, np.nan)
        rows = np.flatnonzero(~np.isnan(values))
        groups = group[rows]
        last = rows[np.r_[groups[1:] != groups[:-1], True]] if rows.size else rows  # last value per group
        out[group[last]] = values[last]
        merged[name] = out
    return merged
