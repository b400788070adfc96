"""JSON logs: a JSON list of records (Chainer's ``LogReport`` file ``log``)
or JSON lines without gantuner's integer ``step`` (``{"iteration": 100,
"loss_gen": ..., "loss_dis": ...}`` per line, as many loggers write).

Keys go through :mod:`.names` (``loss_dis``, ``dis/loss``, ``gen/loss``,
``main/loss`` ...), and the step comes from ``iteration``/``step``/``epoch``
as in the pairs reader.  Values that are not numbers are left out.
"""

from __future__ import annotations

import json
from typing import Any

from gantuner.metrics import MetricTable, SkippedLine

from .names import ACCURACY_COLUMNS, accuracy_as_share, canonical_name
from .pairs import rows_to_table
from .safe_text import printable

MAX_EXAMPLES = 5


def looks_like_json_log(text_head: str) -> bool:
    head = text_head.lstrip()
    if not head.startswith(("[", "{")):
        return False
    first = head[:4096]
    return '":' in first.replace('" :', '":')


def read_json_text(text: str, source: str = "") -> MetricTable:
    records: list[Any]
    skipped, examples = 0, []
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except (ValueError, RecursionError):
            records, skipped, examples = _records_of_cut_list(stripped)
    else:
        records = []
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except (ValueError, RecursionError):
                skipped += 1
                if len(examples) < MAX_EXAMPLES:
                    examples.append(SkippedLine(number, printable(line[:200]), "not valid JSON (cut short?)"))
    if not isinstance(records, list):
        records = [records]
    rows = [row for row in (_row(r) for r in records) if row]
    table = rows_to_table(rows, source, "json", skipped, examples)
    if '"loss_dis"' in text[:1 << 16] or '"dis/loss"' in text[:1 << 16]:
        # chainer-gan-lib / Chainer's DCGAN example: loss_dis = softplus(-real) + softplus(fake), a sum.
        table.events.append({"type": "loss_convention", "loss": "bce_sum", "why": "loss_dis"})
    for name in ACCURACY_COLUMNS:
        if name in table.columns:
            table.columns[name] = accuracy_as_share(table.columns[name])
    return table


def _records_of_cut_list(text: str) -> tuple[list[Any], int, list[SkippedLine]]:
    """A JSON list cut short (a run killed while writing): the complete records before the cut."""
    decoder = json.JSONDecoder()
    records: list[Any] = []
    pos = text.find("{")
    while pos >= 0:
        try:
            obj, end = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            line = text.count("\n", 0, pos) + 1
            return records, 1, [SkippedLine(line, printable(text[pos:pos + 200]), "cut short")]
        records.append(obj)
        pos = text.find("{", end)
    return records, 0, []


def _row(record: Any) -> dict[str, float]:
    if not isinstance(record, dict):
        return {}
    row: dict[str, float] = {}
    for key, value in record.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        name = canonical_name(str(key))
        row.setdefault(name, float(value))
    if not any(k in row for k in ("d_loss", "g_loss", "d_loss_real", "d_loss_fake")):
        return {}
    return row
