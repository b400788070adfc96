"""Read the curves like an expert: rules over a metric table that produce hints.

Pure Python and numpy (no Qt): ``diagnose(table)`` returns :class:`Hint`
objects with evidence and one-click :class:`Action` knob changes, most severe
first; ``follow_up(table, event)`` says whether a knob change worked;
``format_report`` / ``report_json`` turn hints into text or JSON.  The rules
follow the Japanese article on GAN tuning the project started from (its
Examples 1 and 2 and its ways to weaken D), and every threshold lives in one
table, :mod:`gantuner.diagnosis.thresholds`.
"""

from .followup import follow_up
from .hints import SEVERITIES, Action, DiagnosisError, Hint
from .report import format_report, report_json
from .rules import diagnose
from .thresholds import THRESHOLDS, Thresholds

RULE_IDS = ("d_too_strong", "d_too_weak", "healthy", "mode_collapse", "convergence_failure",
            "divergence", "unstable", "slow_progress", "fix_result", "too_little_data")

__all__ = [
    "Action", "DiagnosisError", "Hint", "RULE_IDS", "SEVERITIES", "THRESHOLDS", "Thresholds",
    "diagnose", "follow_up", "format_report", "report_json",
]
