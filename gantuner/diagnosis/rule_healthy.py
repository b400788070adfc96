"""healthy (no warning, a game both sides are playing) and too_little_data."""

from __future__ import annotations

from typing import Any

import numpy as np

from . import texts as T
from .context import Context
from .hints import Hint
from .registry import rule
from .rule_common import hint_title, make_hint


@rule("healthy", priority=8, stage="quiet")
def healthy(ctx: Context) -> Hint | None:
    """No warning, and D's accuracy in the 40-85 % band after the warm-up
    (or, without an accuracy, finite losses): a game both sides are playing.
    Notes the normal warm-up lead and a late, mild rise ("D slightly ahead",
    the article's Example 2)."""
    th = ctx.th
    post = np.flatnonzero(ctx.post)
    if post.size < th.min_rows:
        return None
    evidence: dict[str, Any] = {"warmup_end_step": int(ctx.warmup_end)}
    fields = {"d_loss_mean": T.measured(ctx.mean("d_loss")), "g_loss_mean": T.measured(ctx.mean("g_loss"))}
    for name in ("d_loss", "g_loss"):
        if ctx.has(name):
            evidence[f"{name}_mean"] = ctx.mean(name)
    if ctx.acc_raw is None:
        if not (ctx.has("d_loss") or ctx.has("g_loss")):
            return None
        parts = [T.pair("healthy_loss", **fields)]
    else:
        acc_mean = ctx.mean("acc")
        if not th.healthy_acc_low <= acc_mean <= th.healthy_acc_high:
            return None
        acc_lo = ctx.extreme("acc", ctx.post, np.min, smooth=True)
        acc_hi = ctx.extreme("acc", ctx.post, np.max, smooth=True)
        evidence.update(d_acc_mean=acc_mean, d_acc_low=acc_lo, d_acc_high=acc_hi,
                        d_acc_source=ctx.acc_source)
        parts = [T.pair("healthy_acc", acc_mean=T.pct2(acc_mean), acc_lo=T.pct2(acc_lo),
                        acc_name=ctx.acc_name(),
                        acc_hi=T.pct2(acc_hi), **fields)]
        warm = ~ctx.post
        if warm.any():
            warm_acc = float(np.nanmax(ctx.acc_raw[warm])) if np.isfinite(
                ctx.acc_raw[warm]).any() else float("nan")
            if warm_acc >= 0.9:
                parts.append(T.pair("healthy_warmup", warm_acc=T.pct2(warm_acc),
                                    warm_end=T.count(ctx.warmup_end)))
                evidence["warmup_d_acc_max"] = warm_acc
        rise = _late_rise(ctx, post)
        if rise is not None:
            rise_row, late_acc = rise
            parts.append(T.pair("healthy_ahead", rise_step=T.count(ctx.step_at(rise_row)),
                                acc_name=ctx.acc_name(),
                                late_acc=T.pct2(late_acc)))
            evidence.update(rise_step=ctx.step_at(rise_row), late_d_acc_mean=late_acc)
    return make_hint("healthy", "info", hint_title("healthy"), T.join(*parts), ctx,
                     int(post[0]), int(post[-1]), evidence, (), score=0.5)


def _late_rise(ctx: Context, post: np.ndarray) -> tuple[int, float] | None:
    """The row from which D's accuracy has stayed at or above 'slightly ahead'
    after being below it, when that late part is a fifth of the run or more."""
    th = ctx.th
    acc = ctx.smooth("acc")[post]
    below = np.flatnonzero(acc < th.slightly_ahead_acc)
    if below.size == 0 or below[-1] + 1 >= post.size:
        return None
    start = int(post[below[-1] + 1])
    late_span = ctx.step[post[-1]] - ctx.step[start]
    if late_span < 0.2 * max(ctx.post_span, 1.0):
        return None
    late = slice(start, int(post[-1]) + 1)
    return start, ctx.mean("acc", late)


@rule("too_little_data", priority=9, stage="little")
def too_little_data(ctx: Context) -> Hint:
    th = ctx.th
    text = T.pair("little", rows=ctx.n, after=ctx.n_post, warmup=T.count(ctx.warmup_end),
                  min_rows=th.min_rows)
    evidence = {"rows": ctx.n, "rows_after_warmup": ctx.n_post,
                "warmup_end_step": int(ctx.warmup_end)}
    title = hint_title("too_little_data")
    first = ctx.step_at(0) if ctx.n else 0
    last = ctx.step_at(ctx.n - 1) if ctx.n else 0
    return Hint(id="too_little_data", severity="info", title_text=title, explanation_text=text,
                step_range=(first, last),
                evidence=evidence, actions=[], score=0.1)
