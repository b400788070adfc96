"""The balance of D and G: d_too_strong (and its extreme, convergence_failure), d_too_weak."""

from __future__ import annotations

from typing import Any

import numpy as np

from gantuner import knobs as knobs_mod

from . import actions as A
from . import series
from . import texts as T
from .context import Context
from .hints import Hint
from .registry import rule
from .rule_common import ends_mean, hint_title, make_hint, quality_name, quality_trend, row_span, trend


def latest_rows_where(ctx: Context, mask: np.ndarray, min_rows: int, min_steps: float) -> tuple[int, int] | None:
    """(first, last) row of the stretch of ``mask`` that reaches the latest row,
    when it has ``min_rows`` rows over ``min_steps`` steps or more."""
    runs = series.runs_of_true(mask)
    if runs.shape[0] == 0 or int(runs[-1][1]) != ctx.n - 1:
        return None
    first, last = int(runs[-1][0]), int(runs[-1][1])
    if last - first + 1 < min_rows or ctx.step[last] - ctx.step[first] < min_steps:
        return None
    return first, last


def d_won_outright(ctx: Context) -> tuple[int, int] | None:
    """Rows (first, last) from which D rejects every fake outright, warm-up or
    not: D(G(z)) near 0 and G's loss far above its equilibrium, in every row."""
    th, loss = ctx.th, ctx.loss
    signals = []
    if ctx.has("d_g_z"):
        signals.append(ctx.raw("d_g_z") <= th.saturated_d_g_z)
    if loss.g_far is not None and ctx.has("g_loss"):
        signals.append(ctx.raw("g_loss") >= loss.g_far)
    if not signals or (len(signals) == 1 and not ctx.has("d_g_z") and not ctx.has("d_loss")):
        return None
    mask = np.logical_and.reduce(signals)
    return latest_rows_where(ctx, mask, th.saturated_min_rows, th.saturated_min_steps)


def d_fooled_outright(ctx: Context) -> tuple[int, int] | None:
    """Rows (first, last) where G's loss is 0 and D's loss is huge: D's outputs
    have saturated the wrong way and it calls every fake real."""
    th, loss = ctx.th, ctx.loss
    if (loss.d_equilibrium is None or not ctx.has("g_loss") or not ctx.has("d_loss")):
        return None
    mask = ((np.abs(ctx.raw("g_loss")) <= th.fooled_g_loss)
            & (ctx.raw("d_loss") >= th.fooled_d_ratio * loss.d_equilibrium))
    return latest_rows_where(ctx, mask, th.saturated_min_rows, 0)


def _pinned_mask(ctx: Context) -> tuple[np.ndarray | None, bool]:
    """Rows where D is pinned near 100 % (or its loss near 0), and whether the
    accuracy (rather than only the loss) says so."""
    th = ctx.th
    mask = None
    by_acc = False
    if ctx.acc_raw is not None:
        mask = ctx.smooth("acc") >= th.pinned_acc
        by_acc = True
    if ctx.has("d_loss") and ctx.bce_like():
        low = ctx.smooth("d_loss") <= th.pinned_d_loss
        mask = low if mask is None else (mask | low)
    return mask, by_acc


@rule("d_too_strong", priority=3, stage="always", titles=("d_too_strong", "d_ahead"))
def d_too_strong(ctx: Context) -> Hint | None:
    """D's accuracy pinned near 100 % (or its loss near 0) long after the
    warm-up: the article's Example 1 and the textbook case; or, from the
    first rows, D rejecting every fake outright (D(G(z)) near 0, G's loss far
    above its equilibrium).  When D is ahead (mean accuracy above the healthy
    band) but not pinned, an info hint."""
    th = ctx.th
    won = d_won_outright(ctx)
    if ctx.n_post < th.min_rows:
        return _won_outright(ctx, won) if won is not None else None
    mask, by_acc = _pinned_mask(ctx)
    st = ctx.sustained(mask, th.pinned_min_steps, th.pinned_share) if mask is not None else None
    if st is None and won is not None:
        return _won_outright(ctx, won)
    if st is None:
        return _d_ahead(ctx) if mask is not None else _g_far_above(ctx)
    rows = row_span(st.first, st.last)
    first, last = ctx.step_at(st.first), ctx.step_at(st.last)
    evidence: dict[str, Any] = {"steps": last - first, "pinned_share": st.share}
    fields: dict[str, Any] = {"first": T.count(first), "last": T.count(last),
                              "span": T.count(last - first), "acc_name": ctx.acc_name()}
    if ctx.acc_raw is not None:
        acc_mean = ctx.mean("acc", rows)
        # Smoothed extremes: what the rule compared (per-step values jump by +-0.05).
        acc_min = ctx.extreme("acc", rows, np.min, smooth=True)
        acc_max = ctx.extreme("acc", rows, np.max, smooth=True)
        evidence.update(d_acc_mean=acc_mean, d_acc_min=acc_min, d_acc_max=acc_max,
                        d_acc_source=ctx.acc_source)
        fields.update(acc_mean=T.pct2(acc_mean), acc_min=T.pct2(acc_min),
                      acc_max=T.pct2(acc_max))
    if ctx.has("d_loss"):
        evidence["d_loss_mean"] = ctx.mean("d_loss", rows)
        fields["d_loss_mean"] = T.measured(evidence["d_loss_mean"])
    parts = [T.pair("strong_acc" if by_acc else "strong_loss", **fields),
             T.pair("strong_why")]
    if not by_acc and not ctx.loss.confirmed:
        parts.append(T.pair("strong_loss_unknown"))
    remedies = A.WEAKEN_D
    if ctx.has("g_loss"):
        g_mean = ctx.mean("g_loss", rows)
        evidence["g_loss_mean"] = g_mean
        g_start, g_end = ends_mean(ctx, "g_loss", rows)
        rising = (trend(ctx, "g_loss", rows) >= th.g_rise_trend
                  and g_end >= th.g_rise_growth * max(g_start, 1e-9))
        if g_mean < th.g_loss_near_zero:
            parts.append(T.pair("strong_g_near_zero", g_mean=T.measured(g_mean)))
            evidence["g_loss_near_zero"] = True
        elif rising:
            parts.append(T.pair("strong_g_rising", g_start=T.measured(g_start), g_end=T.measured(g_end)))
            evidence.update(g_loss_start=g_start, g_loss_end=g_end)
        elif g_mean >= th.g_loss_large:
            parts.append(T.pair("strong_g_large", g_mean=T.measured(g_mean)))
    if ctx.has("grad_norm_g"):
        g_norm = float(np.nanmedian(ctx.raw("grad_norm_g")[rows]))
        evidence["grad_norm_g_median"] = g_norm
        if g_norm > th.grad_norm_explode:
            parts.append(T.pair("strong_grad", grad_norm=T.measured(g_norm)))
    parts.append(T.pair("strong_remedies"))
    return make_hint("d_too_strong", "warning", hint_title("d_too_strong"), T.join(*parts), ctx,
                     st.first, st.last, evidence, remedies, score=0.5 + 0.5 * st.share)


def _won_outright(ctx: Context, rows_won: tuple[int, int]) -> Hint:
    first, last = rows_won
    rows = row_span(first, last)
    evidence: dict[str, Any] = {"rows": last - first + 1, "won_from_step": ctx.step_at(first)}
    fields: dict[str, Any] = {"first": T.count(ctx.step_at(first)), "last": T.count(ctx.step_at(last)),
                              "rows": last - first + 1}
    measures = []
    if ctx.has("d_g_z"):
        d_g_z = float(np.nanmax(ctx.raw("d_g_z")[rows]))
        evidence["d_g_z_max"] = d_g_z
        measures.append(T.pair("won_d_g_z", d_g_z=T.fixed(d_g_z, 4)))
    if ctx.has("g_loss"):
        g_mean = ctx.mean("g_loss", rows)
        evidence["g_loss_mean"] = g_mean
        if ctx.loss.g_far is not None:
            measures.append(T.pair("won_g", g_mean=T.measured(g_mean), g_far=T.measured(ctx.loss.g_far)))
    if ctx.has("d_loss"):
        evidence["d_loss_mean"] = ctx.mean("d_loss", rows)
    listed = T.Text("; ".join(m.en for m in measures), "、".join(m.ja for m in measures))
    parts = [T.pair("won_outright", measures=listed, **fields), T.pair("strong_why")]
    if not ctx.loss.confirmed:
        parts.append(T.pair("strong_loss_unknown"))
    parts.append(T.pair("strong_remedies"))
    score = 0.9 if ctx.loss.confirmed else 0.6
    return make_hint("d_too_strong", "warning", hint_title("d_too_strong"), T.join(*parts), ctx,
                     first, last, evidence, A.WEAKEN_D, score=score)


def _g_far_above(ctx: Context) -> Hint | None:
    """Without D's accuracy or outputs: G's loss far above its equilibrium and
    rising steadily while D's loss stays low (chainer/chainer#4812 shows the
    pattern with images that were "relatively good", so a warning, hedged)."""
    th, loss = ctx.th, ctx.loss
    if (ctx.acc_raw is not None or loss.g_far is None or loss.d_near_zero is None
            or not ctx.has("g_loss") or not ctx.has("d_loss")):
        return None
    rows = ctx.post
    g_mean = ctx.mean("g_loss", rows)
    d_mean = ctx.mean("d_loss", rows)
    post = np.flatnonzero(rows)
    span = row_span(int(post[0]), int(post[-1]))
    g_start, g_end = ends_mean(ctx, "g_loss", span)
    g_trend = trend(ctx, "g_loss", span)
    if not (g_mean >= loss.g_far and d_mean <= 3 * loss.d_near_zero
            and g_trend >= th.g_rise_trend and g_end >= th.g_rise_growth * max(g_start, 1e-9)):
        return None
    evidence = {"g_loss_start": g_start, "g_loss_end": g_end, "g_loss_trend": g_trend,
                "d_loss_mean": d_mean}
    text = T.join(T.pair("strong_g_far", g_start=T.measured(g_start), g_end=T.measured(g_end),
                         d_loss_mean=T.measured(d_mean), first=T.count(ctx.step_at(int(post[0]))),
                         last=T.count(ctx.step_at(int(post[-1])))),
                  T.pair("strong_why"), T.pair("strong_remedies"))
    return make_hint("d_too_strong", "warning", hint_title("d_too_strong"), text, ctx,
                     int(post[0]), int(post[-1]), evidence, A.WEAKEN_D, score=0.6)


def _d_ahead(ctx: Context) -> Hint | None:
    th = ctx.th
    if ctx.acc_raw is None or ctx.n_post < th.min_rows:
        return None
    acc_mean = ctx.mean("acc")
    if not acc_mean > th.healthy_acc_high:
        return None
    post = np.flatnonzero(ctx.post)
    acc_max = ctx.extreme("acc", ctx.post, np.max, smooth=True)
    text = T.pair("strong_ahead", acc_mean=T.pct2(acc_mean), acc_max=T.pct2(acc_max),
                  acc_name=ctx.acc_name())
    evidence = {"d_acc_mean": acc_mean, "d_acc_max": acc_max, "d_acc_source": ctx.acc_source}
    return make_hint("d_too_strong", "info", hint_title("d_ahead"), text, ctx,
                     int(post[0]), int(post[-1]), evidence, A.WEAKEN_D[1:4], score=0.3)


@rule("convergence_failure", priority=1, stage="always")
def convergence_failure(ctx: Context) -> Hint | None:
    """D's loss down to ~0 and staying there while G's loss climbs steadily
    (Brownlee; Google's "vanishing gradients"): D has won outright.  Or, clear
    from the first rows, G's loss at 0 with D's loss huge: D's outputs have
    saturated and it calls every fake real."""
    th = ctx.th
    fooled = d_fooled_outright(ctx)
    if fooled is not None:
        return _fooled(ctx, fooled)
    if ctx.n_post < th.min_rows:
        return None
    if not (ctx.has("d_loss") and ctx.has("g_loss") and ctx.bce_like()):
        return None
    mask = ctx.smooth("d_loss") <= th.failure_d_loss
    st = ctx.sustained(mask, th.pinned_min_steps, th.pinned_share)
    if st is None:
        return None
    rows = row_span(max(st.first, int(np.flatnonzero(ctx.post)[0])), st.last)
    g_start, g_end = ends_mean(ctx, "g_loss", rows)
    g_trend = trend(ctx, "g_loss", rows)
    if not (g_trend >= th.failure_g_trend and g_end >= th.failure_g_growth * max(g_start, 1e-9)
            and g_end >= th.failure_g_loss_min):
        return None
    d_mean = ctx.mean("d_loss", rows)
    first, last = ctx.step_at(st.first), ctx.step_at(st.last)
    text = T.pair("failure", d_loss_mean=T.measured(d_mean), first=T.count(first),
                  last=T.count(last), g_start=T.measured(g_start), g_end=T.measured(g_end))
    evidence = {"d_loss_mean": d_mean, "g_loss_start": g_start, "g_loss_end": g_end,
                "g_loss_trend": g_trend, "steps": last - first}
    # Critical only when the losses are known to be bce or least squares, or
    # D's own outputs confirm it: a G loss climbing under a D loss near 0 is
    # also what some working DCGANs print (chainer/chainer#4812).
    if ctx.acc_raw is None or not ctx.mean("acc", rows) >= th.pinned_acc:
        return None  # d_too_strong tells it, hedged (see _g_far_above)
    return make_hint("convergence_failure", "critical", hint_title("convergence_failure"), text,
                     ctx, st.first, st.last, evidence, A.RESCUE_G, score=0.9)


def _fooled(ctx: Context, rows_fooled: tuple[int, int]) -> Hint:
    first, last = rows_fooled
    rows = row_span(first, last)
    d_mean = ctx.mean("d_loss", rows)
    g_mean = ctx.mean("g_loss", rows)
    text = T.pair("fooled", d_loss_mean=T.measured(d_mean), g_loss_mean=T.measured(g_mean),
                  first=T.count(ctx.step_at(first)), last=T.count(ctx.step_at(last)),
                  rows=last - first + 1)
    evidence = {"d_loss_mean": d_mean, "g_loss_mean": g_mean, "rows": last - first + 1}
    severity = "critical" if ctx.loss.confirmed else "warning"
    return make_hint("convergence_failure", severity, hint_title("d_fooled"), text, ctx, first, last,
                     evidence, A.CALM_DIVERGENCE, score=0.9)


# ---- D too weak ----------------------------------------------------------------

@rule("d_too_weak", priority=4)
def d_too_weak(ctx: Context) -> Hint | None:
    """D's accuracy below chance for thousands of steps, or at chance while
    the knobs in force handicap D; not while the samples keep improving.

    At chance alone is not enough: a balanced game sits at 50 % too (the
    article's Example 2, steps 700-1400; the engine's default digits run for
    its first 1,500 steps).  Nor is a quality curve that stopped rising: a
    plateau can mean "done" as well as "stuck".  So at-chance needs a D the
    settings hold back (learning rate, dropout, smoothing, noise)."""
    th = ctx.th
    if ctx.acc_raw is None:
        return None
    acc = ctx.smooth("acc")
    st = ctx.sustained(acc <= th.weak_acc, th.weak_min_steps, th.weak_share)
    key = "weak_below"
    if st is None:
        st = ctx.sustained(acc <= th.chance_acc, th.weak_min_steps, th.weak_share)
        key = "weak_chance"
        if st is None:
            return None
    rows = row_span(st.first, st.last)
    quality = quality_trend(ctx, rows)
    if quality is not None and quality[3]:
        return None  # the samples are improving: G is still learning from D
    reasons = _handicaps(ctx)
    if key == "weak_chance" and not reasons:
        return None
    first, last = ctx.step_at(st.first), ctx.step_at(st.last)
    acc_mean = ctx.mean("acc", rows)
    d_mean = ctx.mean("d_loss", rows)
    evidence: dict[str, Any] = {"d_acc_mean": acc_mean, "d_acc_source": ctx.acc_source,
                                "steps": last - first, "share": st.share}
    if np.isfinite(d_mean):
        evidence["d_loss_mean"] = d_mean
    parts = [T.pair(key, acc_mean=T.pct2(acc_mean), d_loss_mean=T.measured(d_mean),
                    acc_name=ctx.acc_name(),
                    first=T.count(first), last=T.count(last), span=T.count(last - first))]
    if quality is not None:
        name, q_start, q_end, _ = quality
        parts.append(T.pair("weak_quality", quality=quality_name(name), q_start=T.measured(q_start),
                            q_end=T.measured(q_end)))
        evidence.update({f"{name}_start": q_start, f"{name}_end": q_end})
    if reasons:
        listed = T.Text("; ".join(text.en for text, _ in reasons), "、".join(text.ja for text, _ in reasons))
        parts.append(T.pair("weak_knobs", reasons=listed))
        evidence["handicaps"] = [knob for _, knob in reasons]
    parts.append(T.pair("weak_why"))
    return make_hint("d_too_weak", "warning", hint_title("d_too_weak"), T.join(*parts), ctx,
                     st.first, st.last, evidence, A.STRENGTHEN_D, score=0.4 + 0.4 * st.share)


def _handicaps(ctx: Context) -> list[tuple[T.Text, str]]:
    """Knob settings in force that slow D down: (the reason, the knob)."""
    values = ctx.knobs or {}
    th = ctx.th
    out = []
    try:
        lr_d, lr_g = float(values["lr_d"]), float(values["lr_g"])
        if lr_g > 0 and lr_d / lr_g <= th.weak_lr_ratio:
            f = dict(lr_d=knobs_mod.format_value("lr_d", lr_d),
                     lr_g=knobs_mod.format_value("lr_g", lr_g), ratio="1/" + T.measured(lr_g / lr_d))
            out.append((T.WEAK_REASONS["lr"].format(**f), "lr_d"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        pass
    for knob, limit, key in (("d_dropout", th.weak_dropout, "dropout"),
                             ("label_smoothing", th.weak_label_smoothing, "label_smoothing"),
                             ("instance_noise", th.weak_instance_noise, "instance_noise")):
        try:
            value = float(values[knob])
        except (KeyError, TypeError, ValueError):
            continue
        if value >= limit:
            out.append((T.WEAK_REASONS[key].format(value=knobs_mod.format_value(knob, value)), knob))
    return out
