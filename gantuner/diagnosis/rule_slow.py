"""slow_progress: nothing has happened since the start of the run."""

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
from .rule_common import hint_title, make_hint
from .thresholds import LN2


@rule("slow_progress", priority=6)
def slow_progress(ctx: Context) -> Hint | None:
    """Nothing has happened since the start: D's loss within a hair of ln 2 and
    its outputs at 0.5 from the first step on, with no warm-up lead.

    A flat curve alone is no problem (a balanced game sits at ln 2 too);
    a run that never left the untrained state is.  Judged on the whole run,
    not the window, because the missing warm-up is the evidence."""
    th = ctx.th
    s = ctx.run_step
    if s.shape[0] < th.min_rows or s[0] > th.warmup_max_steps:
        return None
    if s[-1] - s[0] < th.slow_min_steps or not ctx.bce_like() or not ctx.has("d_loss"):
        return None
    # Cheap test on the analysed rows first: most runs leave the band here.
    if abs(ctx.mean("d_loss", slice(None)) - LN2) > th.slow_loss_band:
        return None
    # The whole run, thinned to at most 100,000 rows: 50 bin means of a
    # regular sample are as good as of every row, at a tenth of the cost.
    first_step, last_step = int(s[0]), int(s[-1])
    stride = max(1, s.shape[0] // 100_000)
    s = s[::stride].astype(np.float64)
    dl = ctx.run_cols["d_loss"][::stride]
    nb = int(min(s.shape[0], 50))
    bins = series.step_bins(s, dl, nb)
    if not np.isfinite(bins).any() or np.nanmax(np.abs(bins - LN2)) > th.slow_loss_band:
        return None
    evidence: dict[str, Any] = {"d_loss_min": float(np.nanmin(bins)),
                                "d_loss_max": float(np.nanmax(bins)), "steps": last_step - first_step}
    outputs = T.Text("", "")
    if "d_x" in ctx.run_cols and "d_g_z" in ctx.run_cols:
        bx = series.step_bins(s, ctx.run_cols["d_x"][::stride], nb)
        bz = series.step_bins(s, ctx.run_cols["d_g_z"][::stride], nb)
        if (np.nanmax(np.abs(bx - 0.5)) > th.slow_output_band
                or np.nanmax(np.abs(bz - 0.5)) > th.slow_output_band):
            return None
        d_x, d_g_z = float(np.nanmean(bx)), float(np.nanmean(bz))
        evidence.update(d_x_mean=d_x, d_g_z_mean=d_g_z)
        outputs = T.pair("slow_outputs", d_x=T.fixed(d_x), d_g_z=T.fixed(d_g_z))
    parts = [T.pair("slow", first=T.count(first_step), last=T.count(last_step),
                    band=T.measured(th.slow_loss_band), d_loss_min=T.measured(evidence["d_loss_min"]),
                    d_loss_max=T.measured(evidence["d_loss_max"]), outputs=outputs)]
    values = ctx.knobs or {}
    if "lr_d" in values and "lr_g" in values:
        parts.append(T.pair("slow_lr", lr_d=knobs_mod.format_value("lr_d", values["lr_d"]),
                            lr_g=knobs_mod.format_value("lr_g", values["lr_g"])))
        evidence.update(lr_d=float(values["lr_d"]), lr_g=float(values["lr_g"]))
    first_row = 0
    # Rows before the window are not in ctx.step; report the whole run's steps.
    hint = make_hint("slow_progress", "warning", hint_title("slow_progress"), T.join(*parts), ctx,
                     first_row, ctx.n - 1, evidence, A.SPEED_UP, score=0.5)
    hint.step_range = (first_step, last_step)
    return hint
