"""diagnose(): run the registered rules over a prepared Context, reconcile, sort.

Each rule lives in its own module (rule_*.py), registers itself with
:func:`.registry.rule` (id, priority, stage, texts), states the signal it
looks for in its docstring, and compares against the one table in
:mod:`.thresholds`, put on the log's loss scale by :mod:`.conventions`.
``diagnose`` lets the stronger explanation absorb the weaker one (see
``_reconcile``) and sorts the result, most severe and most relevant first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gantuner.metrics import MetricTable

# The rule modules register themselves on import.
from . import followup, rule_balance, rule_collapse, rule_divergence, rule_healthy, rule_slow, rule_unstable  # noqa: F401  (registers the rules)
from .context import Context
from .hints import Hint
from .registry import priority_of, rules_of

_SEVERITY_RANK = {"critical": 0, "warning": 1, "info": 2}


def diagnose(table: MetricTable, *, live: bool = False, knobs: Mapping[str, Any] | None = None,
             window: int | None = None, loss: str | None = None) -> list[Hint]:
    """Hints for ``table``, most severe and most relevant first.

    ``live``: the run is going on; only what holds now counts.
    ``knobs``: the knob values in force (defaults to the table's last
    recorded values); makes actions concrete and drops no-ops.
    ``window``: look at the last ``window`` steps only (the warm-up is still
    counted from the run's first step).
    ``loss``: the loss the log's numbers are (see conventions.LOSS_CHOICES);
    by default known from the knobs, the format or the values.
    """
    ctx = Context(table, live=live, knobs=knobs, window=window, loss=loss)
    if ctx.n == 0:
        return _run(rules_of("little"), ctx)
    hints = _run(rules_of("always"), ctx)
    usable = ctx.acc_raw is not None or ctx.has("d_loss") or ctx.has("g_loss")
    if ctx.n_post < ctx.th.min_rows or not usable:
        if not any(h.severity in ("critical", "warning") for h in hints):
            hints += _run(rules_of("little"), ctx)
        return _sorted(_reconcile(hints))
    hints = _reconcile(hints + _run(rules_of("judge"), ctx))
    if not any(h.severity in ("critical", "warning") for h in hints) and not any(
            h.id == "d_too_strong" for h in hints):
        hints += _run(rules_of("quiet"), ctx)
    return _sorted(hints)


def _run(rules: list, ctx: Context) -> list[Hint]:
    return [h for h in (r.check(ctx) for r in rules) if h is not None]


def _reconcile(hints: list[Hint]) -> list[Hint]:
    """Let the stronger explanation absorb the weaker one.

    - A run that diverged (critical) makes every later reading meaningless:
      only the divergence (and a convergence failure before it) stays.
    - Gradient norms over 100 while D is too strong are D's doing (measured:
      G's gradient norm passes 100 whenever D dominates); the norm is already
      in d_too_strong's evidence, so the separate warning goes.
    - Noisy, spiking losses while D dominates (even only ahead) or the run
      diverges are a symptom of that, not a second problem: "unstable" goes,
      so it is never the first card of a run that D has won.
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
        if h.id == "unstable" and (strong is not None or "convergence_failure" in ids
                                   or div is not None):
            continue
        if h.id == "d_too_strong" and h.severity == "info" and "slow_progress" in ids:
            continue  # a tiny but steady edge of an untrained D is not "ahead"
        out.append(h)
    return out


def _sorted(hints: list[Hint]) -> list[Hint]:
    return sorted(hints, key=lambda h: (_SEVERITY_RANK[h.severity], -h.score, priority_of(h.id)))
