"""mode_collapse: falling sample quality, or G's loss oscillating while D wins."""

from __future__ import annotations

from typing import Any

import numpy as np

from . import actions as A
from . import series
from . import texts as T
from .context import Context
from .hints import Hint
from .registry import rule
from .rule_common import CAPPED_AT_ONE, hint_title, make_hint, quality_columns, quality_name


@rule("mode_collapse", priority=2, titles=("mode_collapse", "poor_quality"))
def mode_collapse(ctx: Context) -> Hint | None:
    """Sample diversity or mode coverage falling from its best (quality_*
    columns), or G's loss oscillating with a regular period while D's
    accuracy is high (Brownlee: G hops between a few modes, D chases it)."""
    th = ctx.th
    parts: list[T.Text] = []
    evidence: dict[str, Any] = {}
    first_row = last_row = None
    quality_fell = False
    low_coverage = False  # few modes all along: also what unformed samples score
    columns = quality_columns(ctx)
    counted = [c for c in columns if _coverage_total(c, ctx)]
    # Where modes or classes can be counted, the count decides: recall and
    # diversity swing widely while a 2D GAN is still spreading out (a ring
    # run's recall falls from 0.94 at step 300 to 0.66 at step 1,500 while
    # its modes go 3 -> 8), so they judge only data that has no count.
    for name in counted or columns:
        x = ctx.cols[name]
        # Evaluations after the warm-up only: early samples are noise.
        ok = np.flatnonzero(np.isfinite(x) & ctx.post)
        total = _coverage_total(name, ctx)
        # Coverage is read from the first evaluation after the warm-up (a
        # count of modes is its own evidence); a fall needs a history.
        if ok.size < (1 if total else th.quality_min_points):
            continue
        values = x[ok]
        if name in CAPPED_AT_ONE:
            values = np.minimum(values, 1.0)
        recent = values[-th.quality_recent:]
        best_i = int(np.argmax(values))
        best, now = float(values[best_i]), float(np.median(recent))
        last = float(values[-1])
        if total and now <= th.quality_low_coverage * total:
            row = int(ok[-1])
            parts.append(T.pair("collapse_coverage", quality=quality_name(name), now=T.measured(now),
                                total=str(total), first=T.count(ctx.step_at(int(ok[0]))),
                                last=T.count(ctx.step_at(row))))
            evidence.update({f"{name}_recent_median": now, f"{name}_total": total})
            first_row, last_row = int(ok[0]), row
            low_coverage = True
            break
        if ok.size < th.quality_min_points:
            continue
        if best > 0 and best_i < values.size - recent.size and now <= (1 - th.quality_drop) * best:
            best_row, now_row = int(ok[best_i]), int(ok[-1])
            parts.append(T.pair("collapse_quality", quality=quality_name(name), best=T.measured(best),
                                now=T.measured(last), best_step=T.count(ctx.step_at(best_row)),
                                now_step=T.count(ctx.step_at(now_row))))
            evidence.update({f"{name}_best": best, f"{name}_now": last,
                             f"{name}_recent_median": now,
                             f"{name}_best_step": ctx.step_at(best_row)})
            first_row, last_row = best_row, now_row
            quality_fell = True
            break
    poor = None if parts else _far_from_data(ctx)
    if poor is not None:
        return poor
    osc = _oscillation(ctx)
    if osc is not None:
        period, peak, amplitude, acc_mean, rows = osc
        parts.append(T.pair("collapse_osc", period=T.count(period), acf=T.fixed(peak, 2),
                            acc_name=ctx.acc_name(),
                            acc_mean=T.pct2(acc_mean), first=T.count(ctx.step_at(rows[0])),
                            last=T.count(ctx.step_at(rows[-1]))))
        evidence.update(g_loss_period_steps=period, g_loss_autocorrelation=peak,
                        g_loss_amplitude=amplitude, d_acc_mean=acc_mean)
        if first_row is None:
            first_row, last_row = int(rows[0]), int(rows[-1])
    if not parts:
        return None
    parts.append(T.pair("collapse_why"))
    values = ctx.knobs or {}
    remedies = A.FIGHT_COLLAPSE
    try:
        if float(values.get("d_dropout", 0.0)) >= 0.3:
            remedies = (A.D_DROPOUT_DOWN,) + remedies  # seed: much dropout -> monotonous images
    except (TypeError, ValueError):
        pass
    # Falling quality is direct evidence; a clean oscillation nearly so.  Either
    # can outrank "D too strong", whose remedies alone do not cure a collapse.
    # Coverage that was low all along is weaker evidence: samples that are not
    # yet digits also score few classes, so a D-too-strong reading leads then.
    if quality_fell:
        score = 1.0
    elif low_coverage and osc is None:
        score = 0.4
    else:
        score = min(1.0, 0.7 + 0.35 * osc[1])
    return make_hint("mode_collapse", "warning", hint_title("mode_collapse"), T.join(*parts), ctx,
                     first_row, last_row, evidence, remedies, score=score)


def _coverage_total(column: str, ctx: Context) -> int | None:
    """How many modes or classes the data has, when the dataset is known."""
    dataset = str((ctx.knobs or {}).get("dataset", ""))
    if column == "quality_classes" and dataset == "digits":
        return 10
    if column == "quality_modes":
        from ..quality.protocol import mixture_modes

        modes = mixture_modes(dataset)
        if modes is not None:
            return int(len(modes[0]))
    return None


def _oscillation(ctx: Context) -> tuple[float, float, float, float, np.ndarray] | None:
    th = ctx.th
    if ctx.acc_raw is None or not ctx.has("g_loss") or ctx.n_post < th.osc_min_rows:
        return None
    acc_mean = ctx.mean("acc")
    if not acc_mean >= th.osc_d_acc:
        return None
    rows = np.flatnonzero(ctx.post)
    s = ctx.step[rows]
    g = ctx.raw("g_loss")[rows]
    # A light smoothing (1/100 of the stretch) takes the per-batch noise out
    # without touching oscillations that fit three times.
    g = series.rolling_mean(s, g, ctx.post_span / 100)
    period, peak, amplitude = series.strongest_period(s, g)
    level = max(abs(float(np.nanmean(g))), th.unstable_level_floor)
    if not (peak >= th.osc_acf_peak and amplitude >= th.osc_rel_amplitude * level):
        return None
    return period, peak, amplitude, acc_mean, rows


# Realism columns (share of samples near the data), in order of preference.
REALISM_COLUMNS = ("quality_high_quality", "quality_precision")


def _far_from_data(ctx: Context) -> Hint | None:
    """Most samples far from the data in the latest evaluations after the
    warm-up (kNN precision or the share near a mode at or below 0.2): whatever
    the curves say, the samples are not good yet."""
    th = ctx.th
    for name in REALISM_COLUMNS:
        if name not in ctx.cols:
            continue
        x = ctx.cols[name]
        ok = np.flatnonzero(np.isfinite(x) & ctx.post)
        if ok.size == 0:
            continue
        now = float(np.median(x[ok][-th.quality_recent:]))
        if now > th.quality_poor_realism:
            return None
        first, last = int(ok[0]), int(ok[-1])
        text = T.join(T.pair("poor_quality", quality=quality_name(name), now=T.measured(now),
                             evaluations=int(min(ok.size, th.quality_recent)),
                             last=T.count(ctx.step_at(last))), T.pair("collapse_why"))
        evidence = {f"{name}_recent_median": now, "evaluations": int(ok.size)}
        return make_hint("mode_collapse", "warning", hint_title("poor_quality"), text, ctx,
                         first, last, evidence, A.FIGHT_COLLAPSE, score=0.45)
    return None
