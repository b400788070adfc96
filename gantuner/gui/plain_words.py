"""Run notes from the training core, said plainly in the status bar.

The training core (gantuner/training/fast_path.py) writes notes about its
CUDA-graph "fast path" into events.jsonl in an engineer's words ("Fast path
off: it needs a CUDA GPU; training runs eagerly on CPU.").  The log keeps
them as they are; the window recognises them by their templates and says
them as a learner would understand them.  A note it does not know is shown
as written (the Japanese one when the interface is in Japanese).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..text import Text

translate = QCoreApplication.translate


def _plain_texts() -> dict[str, Callable[[Mapping[str, str]], str]]:
    """The plain sentence for each fast-path note, with the note's own fields filled in."""
    return {
        "not_cuda": lambda f: translate(
            "PlainWords", "Training on {device} at normal speed (the extra-fast mode needs an NVIDIA graphics "
                          "card; nothing to do).").format(device=f["device"]),
        "bf16_not_cuda": lambda f: translate(
            "PlainWords", "Training on {device} with ordinary 32-bit numbers: bf16 and the extra-fast mode need "
                          "an NVIDIA graphics card.").format(device=f["device"]),
        "disabled": lambda f: translate(
            "PlainWords", "The extra-fast mode is switched off ({variable}=0); training runs at normal "
                          "speed.").format(variable=f["variable"]),
        "optimizer": lambda f: translate(
            "PlainWords", "The extra-fast mode is off ({detail}); training runs at normal speed.").format(
            detail=f["detail"]),
        "failed": lambda f: translate(
            "PlainWords", "The extra-fast mode failed ({error}); training goes on at normal speed.").format(
            error=f["error"]),
        "on": lambda f: translate(
            "PlainWords", "Extra-fast mode on: each training step is recorded once on the graphics card and "
                          "replayed ({ms} ms to record).").format(ms=f["ms"]),
    }


def _pattern(template: str) -> re.Pattern[str]:
    """A regular expression matching ``template`` with any text in its {fields}."""
    parts = re.split(r"\{(\w+)(?::[^}]*)?\}", template)
    regex = ""
    seen: set[str] = set()
    for index, part in enumerate(parts):
        if index % 2 == 0:
            regex += re.escape(part)
        elif part in seen:
            regex += f"(?P={part})"
        else:
            seen.add(part)
            regex += f"(?P<{part}>.*?)"
    return re.compile(regex + r"\Z", re.DOTALL)


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    # Imported on the first note, never while the window is built: fast_path imports
    # torch, which the window loads in the background (a note only comes from training).
    from ..training.fast_path import MESSAGES

    return {key: _pattern(text.en) for key, text in MESSAGES.items()}


def fast_path_note(message: str) -> tuple[str, dict[str, str]] | None:
    """(key, fields) of a fast-path note in English, or None for any other text."""
    for key, pattern in _patterns().items():
        found = pattern.match(message)
        if found:
            return key, found.groupdict()
    return None


def plain_event_text(event: Mapping[str, Any], language: str) -> str:
    """An info or error event's message for the status bar, in ``language``."""
    english = str(event.get("message", ""))
    note = fast_path_note(english)
    plain = _plain_texts()
    if note is not None and note[0] in plain:
        return plain[note[0]](note[1])
    return (Text.from_fields(event, "message") or Text(english)).get(language)
