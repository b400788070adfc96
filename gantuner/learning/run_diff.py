"""How two runs' knobs differ, in words: "this run: D batch norm off, D dropout 0.3".

The article's way of tuning is to change one knob and compare; this names
what was changed, with the knobs' own labels (English or Japanese).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import knobs

_ON_OFF_JA = {"on": "オン", "off": "オフ"}
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


def value_words(name: str, value: Any, language: str = "en") -> str:
    text = knobs.format_value(name, value)
    return _ON_OFF_JA.get(text, text) if language == "ja" else text


def knob_words(values: Mapping[str, Any], names: list[str], language: str = "en") -> str:
    """``D batch norm off, D dropout 0.3`` for ``names`` in ``values``."""
    separator = "、" if language == "ja" else ", "
    parts = []
    for name in names:
        spec = knobs.knob(name)
        parts.append(f"{spec.label(language)} {value_words(name, values.get(name, spec.default), language)}")
    return separator.join(parts)


def knob_difference(this: Mapping[str, Any], other: Mapping[str, Any], language: str = "en") -> str:
    """What ``this`` run does differently from ``other``, in one line."""
    names = differing_knobs(this, other)
    if language == "ja":
        return f"この実行: {knob_words(this, names, 'ja')}" if names else "この実行: 設定は同じ"
    return f"this run: {knob_words(this, names)}" if names else "this run: the same knobs"
