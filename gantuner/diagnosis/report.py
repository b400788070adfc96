"""Hints as a readable text report or as JSON (for ``gantuner diagnose``)."""

from __future__ import annotations

import textwrap
import unicodedata
from typing import Any

from gantuner import knobs as knobs_mod
from gantuner import number_format
from gantuner.metrics import MetricTable

from . import series
from . import texts as T
from .evidence_labels import evidence_label
from .hints import Hint, json_number
from .thresholds import THRESHOLDS

_WIDTH = 88
_FIRST_SKIPPED = 5  # line numbers of skipped lines shown in the header
_NO_LINE_START = "。、，．）」』】〕)]}%％:：,.!?！？ー"


def report_json(table: MetricTable, hints: list[Hint]) -> dict[str, Any]:
    """{"format", "steps" (number of rows), "skipped_lines", "hints", "source"}, and
    "notes"/"notes_ja" when the log has some (combined losses, a run's tail)."""
    out = {
        "format": table.format,
        "steps": len(table),
        "skipped_lines": int(table.skipped_lines),
        "hints": [h.to_json() for h in hints],
        "source": str(table.source),
    }
    if notes(table, "en"):  # what the reader combined, a log that is a run's tail
        out.update(notes=notes(table, "en"), notes_ja=notes(table, "ja"))
    return out


def format_report(table: MetricTable, hints: list[Hint], language: str = "en") -> str:
    lang = "ja" if language == "ja" else "en"

    def w(key: str, **fields: Any) -> str:
        return T.say(key, lang, **fields)

    lines = []
    if table.source:
        lines.append(f"{w('source')}: {table.source}")
    lines.append(f"{w('format')}: {table.format}")
    n = len(table)
    if n:
        first, last = int(table.step.min()), int(table.step.max())
        lines.append(f"{w('rows')}: {n} ({w('steps_range', a=T.count(first), b=T.count(last))})")
    else:
        lines.append(f"{w('rows')}: 0")
    if table.skipped_lines:
        numbers = [str(s.line_number) for s in table.skipped_examples[:_FIRST_SKIPPED]]
        where = f" ({w('first_at')} {', '.join(numbers)})" if numbers else ""
        lines.append(f"{w('skipped')}: {table.skipped_lines}{where}")
    else:
        lines.append(f"{w('skipped')}: {w('none')}")
    start, restarts = series.last_run_start(table.step) if n else (0, 0)
    if restarts:
        lines.append(w("restarts", n=restarts, row=start + 1))
    lines.extend(notes(table, lang))
    lines.append("")
    if not hints:
        lines.append(w("no_hints"))
    for i, hint in enumerate(hints, 1):
        lines.extend(_hint_lines(i, hint, lang))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def notes(table: MetricTable, lang: str) -> list[str]:
    """What the reader combined, and where the log starts when it is a run's tail."""
    out = []
    for event in table.events:
        if event.get("type") == "combined":
            sources = " + ".join(str(s).upper() for s in event.get("sources", []))
            which = T.LOSS_NAMES.get(event.get("column", ""), T.Text("", ""))
            out.append(T.say("combined", lang, which=which,
                             sources=sources))
    if len(table) and int(table.step[0]) > THRESHOLDS.warmup_max_steps:
        out.append(T.say("tail", lang, first=T.count(int(table.step[0]))))
    return out


def _hint_lines(index: int, hint: Hint, lang: str) -> list[str]:
    def w(key: str, **fields: Any) -> str:
        return T.say(key, lang, **fields)

    a, b = hint.step_range
    head = (f"{index}. [{w(hint.severity)}] {hint.title(lang)}  "
            f"({w('steps_range', a=T.count(a), b=T.count(b))})")
    out = [head]
    # Named for people here; `--json` keeps the keys.
    evidence = "; ".join(f"{evidence_label(k, lang)} = {_value(v)}" for k, v in hint.evidence.items())
    out.extend(_wrap(f"{w('evidence')}: {evidence}", "en", "   "))
    out.extend(_wrap(hint.explanation(lang), lang, "   "))
    if hint.actions:
        out.append(f"   {w('try')}:")
        for action in hint.actions:
            op = action.op_text(lang)
            line = f"   -> {action.label(lang)}: {action.knob} {op}"
            if action.new_value is not None and action.op != "set":
                line += f" = {knobs_mod.format_value(action.knob, action.new_value)}"
            if action.needs_restart:
                line += f" [{w('restart')}]"
            out.append(line)
    return out


def _value(v: Any) -> str:
    v = json_number(v)
    if isinstance(v, float):
        return number_format.measured(v, digits=4)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return str(v)


def _wrap(text: str, lang: str, indent: str) -> list[str]:
    """English wraps at spaces; Japanese has none, so each sentence gets a line
    (split after 。) and a sentence wider than the page is cut by display width
    (full-width characters take two columns)."""
    if lang != "ja":
        return textwrap.wrap(text, _WIDTH, initial_indent=indent, subsequent_indent=indent,
                             break_on_hyphens=False) or [indent]
    out = []
    limit = _WIDTH - len(indent)
    for sentence in text.replace("。", "。\n").splitlines():
        line, width = "", 0
        for ch in sentence.strip():
            cw = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
            # Closing marks never start a line (kinsoku): they may overhang.
            if width + cw > limit and ch not in _NO_LINE_START:
                out.append(indent + line.rstrip())
                line, width = "", 0
            if not line and ch == " ":
                continue  # a cut at a space: no space at the start of a line
            line += ch
            width += cw
        if line:
            out.append(indent + line)
    return out
