"""The one list of diagnosis rules: adding a rule is one registration.

Each rule module registers its check with :func:`rule`, giving the hint id,
its priority (the order among hints of equal severity and score), the
stage at which :func:`gantuner.diagnosis.diagnose` runs it, and the title
keys of its texts (checked against :mod:`.texts` by the tests).  Stages:

* ``"always"``: before the amount of data is judged (a divergence, or a D
  that rejects every fake from the first rows, is clear at once);
* ``"judge"``: the rules that need enough rows after the warm-up;
* ``"quiet"``: only when no judge found a warning (``healthy``);
* ``"little"``: what is said when there is not enough data;
* ``"follow_up"``: not run by ``diagnose`` (``fix_result``, from follow_up()).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

STAGES = ("always", "judge", "quiet", "little", "follow_up")


@dataclass(frozen=True)
class Rule:
    id: str
    priority: int
    stage: str
    check: Callable | None
    titles: tuple[str, ...]


REGISTRY: dict[str, Rule] = {}


def register(hint_id: str, *, priority: int, stage: str = "judge", titles: tuple[str, ...] = (),
             check: Callable | None = None) -> Rule:
    if stage not in STAGES:
        raise ValueError(f"rule {hint_id!r}: stage {stage!r} is not one of {', '.join(STAGES)}")
    if hint_id in REGISTRY and REGISTRY[hint_id].check is not check:
        raise ValueError(f"rule {hint_id!r} is registered twice")
    entry = Rule(hint_id, priority, stage, check, titles or (hint_id,))
    REGISTRY[hint_id] = entry
    return entry


def rule(hint_id: str, *, priority: int, stage: str = "judge",
         titles: tuple[str, ...] = ()) -> Callable[[Callable], Callable]:
    """Decorator: ``@rule("d_too_weak", priority=5)`` above the check function."""
    def wrap(check: Callable) -> Callable:
        register(hint_id, priority=priority, stage=stage, titles=titles, check=check)
        return check
    return wrap


def rules_of(stage: str) -> list[Rule]:
    return sorted((r for r in REGISTRY.values() if r.stage == stage), key=lambda r: r.priority)


def priority_of(hint_id: str) -> int:
    entry = REGISTRY.get(hint_id)
    return entry.priority if entry is not None else 99
