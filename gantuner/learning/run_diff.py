"""How two runs' knobs differ, in words: "this run: D batch norm off, D dropout 0.3".

The article's way of tuning is to change one knob and compare; this names
what was changed, with the knobs' own labels (English or Japanese).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import knobs
from ..text import Text

_ON_OFF = {"on": Text("on", "オン"), "off": Text("off", "オフ")}
THIS_RUN = Text("this run: {knobs}", "この実行: {knobs}")
SAME_KNOBS = Text("this run: the same knobs", "この実行: 設定は同じ")
_IGNORED = ("device",)  # where a run trained does not change what it learns


def differing_knobs(this: Mapping[str, Any], other: Mapping[str, Any]) -> list[str]:
    """Knobs (in the table's order) whose values differ between two runs; a knob only one run
    records counts as differing from the default."""
    names = []
    for name, spec in knobs.KNOBS.items():
        if name in _IGNORED or (name not in this and name not in other):
            continue
        if this.get(name, spec.default) != other.get(name, spec.default):
            names.append(name)
    return names


def value_text(name: str, value: Any) -> Text:
    """A knob's value in words ("0.3", "on"/"オン")."""
    text = knobs.format_value(name, value)
    return _ON_OFF.get(text, Text(text))


def value_words(name: str, value: Any, language: str = "en") -> str:
    return value_text(name, value).get(language)


def knob_text(values: Mapping[str, Any], names: list[str]) -> Text:
    """``D batch norm off, D dropout 0.3`` for ``names`` in ``values``, in both languages."""
    parts = []
    for name in names:
        spec = knobs.knob(name)
        label = Text(spec.label("en"), spec.label("ja"))
        parts.append(Text("{label} {value}").format(label=label, value=value_text(name, values.get(name, spec.default))))
    return Text.join(*parts, english_separator=", ", japanese_separator="、")


def knob_words(values: Mapping[str, Any], names: list[str], language: str = "en") -> str:
    """``D batch norm off, D dropout 0.3`` for ``names`` in ``values``."""
    return knob_text(values, names).get(language)


def knob_difference(this: Mapping[str, Any], other: Mapping[str, Any], language: str = "en") -> str:
    """What ``this`` run does differently from ``other``, in one line."""
    names = differing_knobs(this, other)
    text = THIS_RUN.format(knobs=knob_text(this, names)) if names else SAME_KNOBS
    return text.get(language)
