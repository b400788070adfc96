"""Read the curves like an expert: rules over a metric table that produce hints.

Pure Python and numpy (no Qt): ``diagnose(table)`` returns :class:`Hint`
objects with evidence and one-click :class:`Action` knob changes, most severe
first; ``follow_up(table, event)`` says whether a knob change worked;
``format_report`` / ``report_json`` turn hints into text or JSON.  The rules
follow the Japanese article on GAN tuning the project started from (its
Examples 1 and 2 and its ways to weaken D), and every threshold lives in one
table, :mod:`gantuner.diagnosis.thresholds`.
"""

from __future__ import annotations

import importlib
from typing import Any

# Loaded on first use: `gantuner diagnose --help` needs none of numpy or the rules.
_HOMES = {"follow_up": "followup", "SEVERITIES": "hints", "Action": "hints", "DiagnosisError": "hints",
          "Hint": "hints", "format_report": "report", "report_json": "report", "diagnose": "rules",
          "THRESHOLDS": "thresholds", "Thresholds": "thresholds", "LOSS_CHOICES": "conventions"}


def __getattr__(name: str) -> Any:
    if name == "RULE_IDS":
        # Every hint id, from the one rule registry (registry.py); the rule
        # modules register themselves when rules.py imports them.
        importlib.import_module(f"{__name__}.rules")
        from .registry import REGISTRY

        return tuple(sorted(REGISTRY, key=lambda i: REGISTRY[i].priority))
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Action", "DiagnosisError", "Hint", "LOSS_CHOICES", "RULE_IDS", "SEVERITIES", "THRESHOLDS", "Thresholds",
    "diagnose", "follow_up", "format_report", "report_json",
]
