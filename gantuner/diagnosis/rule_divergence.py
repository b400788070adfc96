"""divergence: non-finite or exploding losses, gradient norms over 100."""

from __future__ import annotations

import numpy as np

from . import actions as A
from . import texts as T
from .context import GRAD_COLUMNS, LOSS_COLUMNS, Context
from .hints import Hint
from .registry import rule
from .rule_common import column_names, hint_title, row_span


@rule("divergence", priority=0, stage="always",
      titles=("divergence", "divergence_grad", "divergence_transient"))
def divergence(ctx: Context) -> Hint | None:
    """Non-finite losses that never come back (critical), losses that explode
    (critical), gradient norms over 100 (ganhacks; warning), or losses that were
    briefly infinite and recovered (warning)."""
    th = ctx.th
    # (1) Losses that became NaN/inf and stayed so: the weights are gone.
    tails: list[tuple[int, str, str]] = []
    last_row_bad = 0
    present = [c for c in LOSS_COLUMNS if c in ctx.run_cols and ctx.run_cols[c].size]
    for name in present:
        x = ctx.run_cols[name]
        if not np.isfinite(x[-1]):
            last_row_bad += 1
    for name in present:
        x = ctx.run_cols[name]
        finite = np.isfinite(x)
        if finite[-1]:
            continue
        idx = np.flatnonzero(finite)
        start = int(idx[-1]) + 1 if idx.size else 0
        tail = x[start:]
        # A single NaN in the last row of one column may just be a missing
        # value (a blank CSV cell); an infinity, a longer tail or every loss
        # at once is a real divergence.
        if np.isinf(tail).any() or tail.size >= 2 or last_row_bad == len(present):
            kind = "infinite" if np.isinf(tail).any() else "NaN"
            tails.append((start, name, kind))
    if tails:
        start = min(t[0] for t in tails)
        names = [t[1] for t in tails]
        kinds = sorted({t[2] for t in tails})
        what = column_names(names)
        bad = T.Text(" / ".join(kinds), " / ".join("無限大" if k == "infinite" else k
                                                  for k in kinds))
        first_step = int(ctx.run_step[start])
        last_step = int(ctx.run_step[-1])
        if start == 0:
            # Never finite: there is no onset and no step to go back to.
            text = T.pair("diverge_nonfinite_start", what=what, bad=bad)
            evidence = {"nonfinite_from_first_row": True, "columns": names,
                        "nonfinite_rows": int(ctx.run_step.shape[0])}
            return _div_hint(ctx, "critical", "divergence", text, first_step, last_step,
                             evidence, (), 1.0)
        text = T.pair("diverge_nonfinite", what=what, bad=bad, first=T.count(first_step),
                      last=T.count(last_step))
        evidence = {"nonfinite_from_step": first_step, "columns": names,
                    "nonfinite_rows": int(ctx.run_step.shape[0] - start)}
        return _div_hint(ctx, "critical", "divergence", text, first_step, last_step,
                         evidence, A.CALM_DIVERGENCE, 1.0)

    # (2) Exploding losses: the column with the highest peak tells it best.
    for name in sorted(present, key=lambda c: -_peak(ctx, c)):
        x = ctx.raw(name)
        smooth = np.abs(ctx.smooth(name))
        if not np.isfinite(smooth).any():
            continue
        peak_row = int(np.nanargmax(smooth))
        peak = float(smooth[peak_row])
        # The level at the start: the first finite value, or the median of the
        # first rows if lower (a huge learning rate explodes within 2 steps).
        head = np.abs(ctx.run_cols[name][: max(3, min(20, ctx.run_step.shape[0] // 10))])
        head = head[np.isfinite(head)]
        early = float(min(head[0], np.median(head))) if head.size else float("nan")
        relative = np.isfinite(early) and peak > th.explode_ratio * max(early, 1e-12)
        if peak > th.explode_loss_hard or (peak > th.explode_loss and relative):
            over = np.flatnonzero(smooth > th.explode_loss)
            first_row = int(over[0]) if over.size else peak_row
            last_row = ctx.n - 1
            text = T.pair("diverge_explode", what=column_names([name]), peak=T.measured(peak),
                          peak_step=T.count(ctx.step_at(peak_row)),
                          first=T.count(ctx.step_at(first_row)))
            evidence = {"column": name, "peak": peak, "peak_step": ctx.step_at(peak_row),
                        "early_level": early, "max_raw": float(np.nanmax(np.abs(
                            np.where(np.isfinite(x), x, np.nan))))}
            return _div_hint(ctx, "critical", "divergence", text, ctx.step_at(first_row),
                             ctx.step_at(last_row), evidence, A.CALM_DIVERGENCE, 0.95)

    # (3) Gradient norms over 100, for a good part of the run or now.
    for name in GRAD_COLUMNS:
        if not ctx.has(name):
            continue
        mask = ctx.smooth(name) > th.grad_norm_explode
        st = ctx.sustained(mask, th.pinned_min_steps, th.pinned_share)
        if st is None:
            continue
        rows = row_span(st.first, st.last)
        median = float(np.nanmedian(ctx.raw(name)[rows]))
        which = T.LOSS_NAMES["D" if name.endswith("_d") else "G"]
        text = T.pair("diverge_grad", which=which, grad_norm=T.measured(median),
                      first=T.count(ctx.step_at(st.first)), last=T.count(ctx.step_at(st.last)))
        evidence = {"column": name, "grad_norm_median": median, "share_over_100": st.share,
                    "steps": ctx.step_at(st.last) - ctx.step_at(st.first)}
        return _div_hint(ctx, "warning", "divergence_grad", text, ctx.step_at(st.first),
                         ctx.step_at(st.last), evidence, A.STEADY[1:], 0.4)

    # (4) Infinite values that came back.
    for name in present:
        x = ctx.raw(name)
        bad = np.flatnonzero(np.isinf(x))
        if bad.size:
            text = T.pair("diverge_transient", what=column_names([name]), count=int(bad.size),
                          first=T.count(ctx.step_at(int(bad[0]))))
            evidence = {"column": name, "infinite_rows": int(bad.size),
                        "first_step": ctx.step_at(int(bad[0]))}
            return _div_hint(ctx, "warning", "divergence_transient", text,
                             ctx.step_at(int(bad[0])), ctx.step_at(int(bad[-1])), evidence,
                             (A.LR_D_DOWN, A.LR_G_DOWN, A.BETA1_HALF), 0.5)
    return None


def _peak(ctx: Context, name: str) -> float:
    smooth = np.abs(ctx.smooth(name))
    return float(np.nanmax(smooth)) if np.isfinite(smooth).any() else 0.0


def _div_hint(ctx: Context, severity: str, title_key: str, text: T.Text, first_step: int,
              last_step: int, evidence: dict, remedies: tuple, score: float) -> Hint:
    title = hint_title(title_key)
    return Hint(id="divergence", severity=severity, title_text=title, explanation_text=text,
                step_range=(first_step, last_step), evidence=evidence,
                actions=A.make_actions(remedies, ctx.knobs), score=score)

