"""Did the change work?  Compare the steps before a knob change with the steps after it.

"Since lr_d was halved at step 4,000, D's accuracy fell from 99 % to 74 %:
the change worked."  The measure is D's balance: its accuracy (or score, or
loss when the log has neither) against the healthy band, so a move into or
towards the band is a success whichever knob made it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from gantuner import knobs as knobs_mod
from gantuner.metrics import MetricTable

from . import series
from . import texts as T
from .context import Context
from .hints import Hint
from .registry import register
from .thresholds import THRESHOLDS

# Healthy D loss (Brownlee: D loss on real and fake ~0.5-0.8), for logs
# without an accuracy.
_D_LOSS_BAND = (0.45, 0.8)


register("fix_result", priority=7, stage="follow_up")

def follow_up(table: MetricTable, change_event: Mapping[str, Any]) -> Hint | None:
    """A "fix_result" hint for ``change_event`` (a knob event as in events.jsonl:
    step, knob, old, new, source), or None while too few steps follow it."""
    th = THRESHOLDS
    try:
        change_step = int(change_event["step"])
        knob = str(change_event["knob"])
    except (KeyError, TypeError, ValueError):
        return None
    old, new = change_event.get("old"), change_event.get("new")
    ctx = Context(table)
    if ctx.n == 0:
        return None
    s = ctx.step
    gaps = np.diff(s)
    typical_gap = float(np.median(gaps)) if gaps.size else 1.0
    # Sparse logs get a window of at least three rows.
    span = max(th.follow_window_steps, 3 * typical_gap)
    settle = th.follow_settle_steps

    before = (s >= change_step - span) & (s < change_step)
    after_start = change_step + settle
    after = (s >= after_start) & (s <= after_start + span)
    if before.sum() < th.min_rows or after.sum() < th.min_rows:
        return None
    if s[after][-1] - change_step < th.follow_min_after_steps:
        return None

    if ctx.acc_raw is not None:
        metric = "d_score" if ctx.acc_source == "d_score" else "d_acc"
        band = (th.healthy_acc_low, th.healthy_acc_high)
        fmt = _whole_percent
        values = ctx.acc_raw
    elif ctx.has("d_loss"):
        metric, band, values = "d_loss", _D_LOSS_BAND, ctx.raw("d_loss")
        fmt = _loss_text
    else:
        return None
    b_mean = series.weighted_mean(values[before], ctx.w[before])
    a_mean = series.weighted_mean(values[after], ctx.w[after])
    if not (math.isfinite(b_mean) and math.isfinite(a_mean)):
        return None

    d_before, d_after = _distance(b_mean, band), _distance(a_mean, band)
    moved = abs(a_mean - b_mean) >= (th.follow_min_change if metric != "d_loss" else 0.05)
    if not moved:
        verdict = "fix_still_fine" if d_before == 0 else "fix_no_effect"
    elif d_after < d_before:
        verdict = "fix_worked" if d_after == 0 else "fix_partly"
    elif d_after > d_before:
        verdict = "fix_worse"
    else:
        verdict = "fix_still_fine"

    b_rows, a_rows = np.flatnonzero(before), np.flatnonzero(after)
    change = _describe(knob, old, new)
    fields = dict(change=change, step=T.count(change_step), metric=T.METRICS[metric],
                  before=fmt(b_mean), after=fmt(a_mean), b0=T.count(s[b_rows[0]]),
                  b1=T.count(s[b_rows[-1]]), a0=T.count(s[a_rows[0]]), a1=T.count(s[a_rows[-1]]),
                  verdict=T.pair(verdict))
    if moved:
        direction = "fell" if a_mean < b_mean else "rose"
        text = T.pair("fix_moved", moved=T.MOVED[direction], **fields)
    else:
        text = T.pair("fix_same", **fields)
    # The knob's own label ("D learning rate"), not its internal name, as the curves' markers say it.
    values = f"{knobs_mod.format_value(knob, old)} → {knobs_mod.format_value(knob, new)}"
    entry = knobs_mod.KNOBS.get(knob)
    name = T.Text(entry.label("en"), entry.label("ja")) if entry is not None else T.Text(knob)
    title = T.pair("fix_result", table=T.TITLES, change=T.Text("{name} {values}").format(name=name, values=values))
    evidence: dict[str, Any] = {
        "knob": knob, "old": _plain(old), "new": _plain(new), "change_step": change_step,
        "source": str(change_event.get("source", "")), "metric": metric,
        "before_mean": b_mean, "after_mean": a_mean, "verdict": verdict.removeprefix("fix_"),
        "before_steps": [int(s[b_rows[0]]), int(s[b_rows[-1]])],
        "after_steps": [int(s[a_rows[0]]), int(s[a_rows[-1]])],
    }
    for name in ("d_loss", "g_loss"):
        if ctx.has(name) and metric != name:
            evidence[f"{name}_before"] = series.weighted_mean(ctx.raw(name)[before], ctx.w[before])
            evidence[f"{name}_after"] = series.weighted_mean(ctx.raw(name)[after], ctx.w[after])
    return Hint(id="fix_result", severity="info", title_text=title, explanation_text=text,
                step_range=(int(s[b_rows[0]]), int(s[a_rows[-1]])), evidence=evidence,
                actions=[], score=0.6)


def _whole_percent(x: float) -> T.Text:
    return T.pct2(x, whole=True)


def _loss_text(x: float) -> T.Text:
    return T.Text(T.measured(x), T.measured(x))


def _distance(x: float, band: tuple[float, float]) -> float:
    low, high = band
    return max(0.0, low - x, x - high)


def _plain(value: Any) -> Any:
    return value if isinstance(value, (bool, int, float, str)) or value is None else str(value)


def _describe(knob: str, old: Any, new: Any) -> T.Text:
    """'lr_d was halved' / 'lr_d を半分にし' and so on."""
    key = "changed"
    if isinstance(new, bool) or isinstance(old, bool):
        key = "on" if new else "off"
    elif isinstance(old, (int, float)) and isinstance(new, (int, float)) and old:
        ratio = new / old
        for name, target in (("halved", 0.5), ("doubled", 2.0), ("tenth", 0.1),
                             ("tenfold", 10.0)):
            if math.isclose(ratio, target, rel_tol=0.02):
                key = name
                break
    return T.CHANGES[key].format(knob=knob, old=knobs_mod.format_value(knob, old),
                                 new=knobs_mod.format_value(knob, new))
