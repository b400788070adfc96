"""What the diagnosis hands out: hints with their evidence and one-click actions.

A :class:`Hint` is plain data (no Qt, no numpy in its fields), so the GUI can
show it, the CLI can print it and ``to_json`` can write it unchanged.  An
:class:`Action` names one knob change; ``apply_to`` turns it into the new value
for the knob values in force, clamped and validated by :mod:`gantuner.knobs`
so that a click can never send an out-of-range value to the engine.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gantuner import knobs as knobs_mod
from gantuner import number_format
from gantuner.text import Text

SEVERITIES = ("critical", "warning", "info")
OPS = ("set", "mul", "add")
# The bound an action stops at, in its short form: "x2 (at most 0.5)".
LIMIT_WORDS = {"most": Text("at most", "上限"), "least": Text("at least", "下限")}


class DiagnosisError(ValueError):
    """A hint or action that cannot be built or applied; the message says why."""


@dataclass
class Action:
    knob: str
    op: str  # "set" | "mul" | "add"
    value: Any
    needs_restart: bool
    label_text: Text
    # An extra bound tighter than the knob's own range, in the direction the
    # action moves (e.g. dropout is raised to at most 0.5: the article warns that
    # more makes G's images monotonous).  None: only the knob's range applies.
    limit: float | None = None
    # The value this action would give for the knob values in force, when the
    # caller knew them (a live run); None for general advice on a foreign log.
    new_value: Any = None

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise DiagnosisError(f"action op {self.op!r} is not one of {', '.join(OPS)}")
        knobs_mod.knob(self.knob)  # raises KnobError naming the known knobs

    def apply_to(self, current_values: Mapping[str, Any] | None) -> Any:
        """The knob's new value: the op applied to its current value (the knob's
        default when ``current_values`` lacks it), clamped to the knob's range
        and to ``limit``, then validated."""
        spec = knobs_mod.knob(self.knob)
        current = (current_values or {}).get(self.knob, spec.default)
        if self.op == "set":
            return spec.validate(self.value)
        current = spec.validate(current)
        if spec.type not in (int, float):
            raise DiagnosisError(f"{self.knob} is not a number: only 'set' applies to it")
        new = current * self.value if self.op == "mul" else current + self.value
        if self.limit is not None:
            # The limit stops the move; it never pulls a knob already past it back.
            if new >= current:
                new = min(new, max(self.limit, current))
            else:
                new = max(new, min(self.limit, current))
        if spec.minimum is not None:
            new = max(new, spec.minimum)
        if spec.maximum is not None:
            new = min(new, spec.maximum)
        if spec.type is int:
            # Round away from the current value so "x2" or "+1" never rounds
            # back to a no-op on small integers.
            new = math.ceil(new) if new >= current else math.floor(new)
            if spec.minimum is not None:
                new = max(new, int(spec.minimum))
            if spec.maximum is not None:
                new = min(new, int(spec.maximum))
        else:
            new = float(f"{new:.6g}")  # 1e-4, not 0.00010000000000000002
        return spec.validate(new)

    def is_noop(self, current_values: Mapping[str, Any]) -> bool:
        """True when applying the action would leave the knob as it is."""
        spec = knobs_mod.knob(self.knob)
        current = spec.validate(current_values.get(self.knob, spec.default))
        new = self.apply_to(current_values)
        if isinstance(new, float) and isinstance(current, (int, float)):
            return math.isclose(new, float(current), rel_tol=1e-9, abs_tol=1e-12)
        return new == current

    def op_text(self, language: str = "en") -> str:
        """Short form of the change: 'x0.5', '+0.2 (at most 0.5)' / '+0.2 (上限 0.5)', '= off'."""
        if self.op == "set":
            text = "= " + knobs_mod.format_value(self.knob, self.value)
        elif self.op == "mul":
            text = "x" + number_format.setting(self.value)
        else:
            text = ("+" if self.value >= 0 else "") + number_format.setting(self.value)
        if self.limit is not None:
            word = LIMIT_WORDS["most" if self._raises() else "least"].get(language)
            text += f" ({word} {number_format.setting(self.limit)})"
        return text

    def _raises(self) -> bool:
        if self.op == "mul":
            return self.value >= 1
        if self.op == "add":
            return self.value >= 0
        return True

    def label(self, language: str = "en") -> str:
        return self.label_text.get(language)

    def to_json(self) -> dict[str, Any]:
        return {
            "knob": self.knob,
            "op": self.op,
            "value": self.value,
            "needs_restart": self.needs_restart,
            "limit": self.limit,
            "new_value": self.new_value,
            **self.label_text.fields("label"),
        }


@dataclass
class Hint:
    id: str
    severity: str  # "critical" | "warning" | "info"
    title_text: Text
    explanation_text: Text
    step_range: tuple[int, int]
    evidence: dict[str, Any] = field(default_factory=dict)
    actions: list[Action] = field(default_factory=list)
    # How strongly the evidence points at this hint (0..1); orders hints of
    # the same severity.  Not shown to the user.
    score: float = 0.5

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise DiagnosisError(
                f"hint {self.id!r}: severity {self.severity!r} is not one of {', '.join(SEVERITIES)}"
            )
        self.step_range = (int(self.step_range[0]), int(self.step_range[1]))
        self.evidence = {k: json_number(v) for k, v in self.evidence.items()}

    def title(self, language: str = "en") -> str:
        return self.title_text.get(language)

    def explanation(self, language: str = "en") -> str:
        return self.explanation_text.get(language)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": self.severity,
            **self.title_text.fields("title"),
            "step_range": [self.step_range[0], self.step_range[1]],
            "evidence": dict(self.evidence),
            **self.explanation_text.fields("explanation"),
            "actions": [a.to_json() for a in self.actions],
        }


def json_number(value: Any) -> Any:
    """Evidence values as plain JSON: numpy scalars become Python numbers,
    floats are rounded to 4 significant digits, non-finite floats become
    the strings 'nan', 'inf', '-inf' (JSON has no such numbers)."""
    if isinstance(value, (list, tuple)):
        return [json_number(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_number(v) for k, v in value.items()}
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalar
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
        return float(f"{value:.4g}")
    return value
