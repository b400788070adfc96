"""diagnose(): run every rule over a prepared Context, reconcile, sort.

Each rule lives in its own module (rule_*.py), states the signal it looks for
in its docstring, and compares against the one table in :mod:`.thresholds`.
``diagnose`` lets the stronger explanation absorb the weaker one (see
``_reconcile``) and sorts the result, most severe and most relevant first.
"""

from __future__ import annotations

from typing import Any, Mapping

from gantuner.metrics import MetricTable

from .context import Context
from .hints import Hint
from .rule_balance import convergence_failure, d_too_strong, d_too_weak
from .rule_collapse import mode_collapse
from .rule_divergence import divergence
from .rule_healthy import healthy, too_little_data
from .rule_slow import slow_progress
from .rule_unstable import unstable

_SEVERITY_RANK = {"critical": 0, "warning": 1, "info": 2}
# Ties between hints of the same severity and score go in this order.
_PRIORITY = ("divergence", "convergence_failure", "mode_collapse", "d_too_strong",
             "d_too_weak", "unstable", "slow_progress", "fix_result", "healthy",
             "too_little_data")


RULES = (convergence_failure, d_too_strong, d_too_weak, mode_collapse, unstable, slow_progress)


def diagnose(table: MetricTable, *, live: bool = False, knobs: Mapping[str, Any] | None = None,
             window: int | None = None) -> list[Hint]:
    """Hints for ``table``, most severe and most relevant first.

    ``live``: the run is going on; only what holds now counts.
    ``knobs``: the knob values in force (defaults to the table's last
    recorded values); makes actions concrete and drops no-ops.
    ``window``: look at the last ``window`` steps only (the warm-up is still
    counted from the run's first step).
    """
    ctx = Context(table, live=live, knobs=knobs, window=window)
    hints: list[Hint] = []
    if ctx.n == 0:
        return [too_little_data(ctx)]
    div = divergence(ctx)
    if div is not None:
        hints.append(div)
    usable = ctx.acc_raw is not None or ctx.has("d_loss") or ctx.has("g_loss")
    if ctx.n_post < ctx.th.min_rows or not usable:
        hints.append(too_little_data(ctx))
        return _sorted(hints)
    for rule in RULES:
        hint = rule(ctx)
        if hint is not None:
            hints.append(hint)
    hints = _reconcile(hints)
    if not any(h.severity in ("critical", "warning") for h in hints) and not any(
            h.id == "d_too_strong" for h in hints):
        h = healthy(ctx)
        if h is not None:
            hints.append(h)
    return _sorted(hints)


def _reconcile(hints: list[Hint]) -> list[Hint]:
    """Let the stronger explanation absorb the weaker one.

    - A run that diverged (critical) makes every later reading meaningless:
      only the divergence (and a convergence failure before it) stays.
    - Gradient norms over 100 while D is too strong are D's doing (measured:
      G's gradient norm passes 100 whenever D dominates); the norm is already
      in d_too_strong's evidence, so the separate warning goes.
    - Noisy, spiking losses while D dominates or the run diverges are a
      symptom of that, not a second problem: "unstable" goes.
    - With a learning rate too small to move anything, D can be right 90 %
      of the time by a margin of 0.01 (measured with lr 1e-6): the "D is
      ahead" note would mislead, so it goes.
    """
    ids = {h.id: h for h in hints}
    div = ids.get("divergence")
    if div is not None and div.severity == "critical":
        return [h for h in hints if h.id in ("divergence", "convergence_failure")]
    strong = ids.get("d_too_strong")
    strong_warn = strong is not None and strong.severity == "warning"
    out = []
    for h in hints:
        if h.id == "divergence" and strong_warn and h.evidence.get("column", "").startswith(
                "grad_norm"):
            continue
        if h.id == "unstable" and (strong_warn or "convergence_failure" in ids
                                   or div is not None):
            continue
        if h.id == "d_too_strong" and h.severity == "info" and "slow_progress" in ids:
            continue  # a tiny but steady edge of an untrained D is not "ahead"
        out.append(h)
    return out


def _sorted(hints: list[Hint]) -> list[Hint]:
    return sorted(hints, key=lambda h: (_SEVERITY_RANK[h.severity], -h.score,
                                        _PRIORITY.index(h.id) if h.id in _PRIORITY else 99))
