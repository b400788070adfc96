"""unstable: losses that swing widely around their trend, or spike."""

from __future__ import annotations

import numpy as np

from . import actions as A
from . import series
from . import texts as T
from .context import Context
from .hints import Hint
from .rule_common import hint_title, make_hint


def unstable(ctx: Context) -> Hint | None:
    """Losses that swing widely around their trend or spike (ganhacks: a
    healthy D loss has low variance; the seed: small batches and large
    learning rates make training unstable)."""
    th = ctx.th
    worst = None
    for name in ("d_loss", "g_loss"):
        if not ctx.has(name):
            continue
        rows = np.flatnonzero(ctx.post & np.isfinite(ctx.raw(name)))
        if rows.size < 10:
            continue
        x = ctx.raw(name)[rows]
        k = max(2, rows.size // 40)
        trend = _centred_mean(x, k)
        resid = x - trend
        sigma = series.robust_scale(resid)
        level = max(abs(float(np.median(x))), th.unstable_level_floor)
        rel = sigma / level
        spikes = (resid > th.spike_sigmas * max(sigma, 1e-12)) & (x > 2 * level)
        n_spikes = int(spikes.sum())
        spike_share = n_spikes / rows.size
        noisy = rel >= th.unstable_rel_noise
        spiky = spike_share >= th.spike_share and n_spikes >= 3
        if not (noisy or spiky):
            continue
        badness = max(rel / th.unstable_rel_noise, spike_share / th.spike_share)
        if worst is None or badness > worst[0]:
            worst = (badness, name, sigma, rel, n_spikes, spike_share, rows)
    if worst is None:
        return None
    badness, name, sigma, rel, n_spikes, spike_share, rows = worst
    spikes_text = (T.pair("unstable_spikes", n_spikes=n_spikes, spike_share=T.pct2(spike_share))
                   if n_spikes else T.both("", ""))
    first, last = ctx.step_at(int(rows[0])), ctx.step_at(int(rows[-1]))
    text = T.pair("unstable", which=T.both(*T.LOSS_NAMES[name]), noise=T.num(sigma),
                  rel=T.pct2(rel), spikes=spikes_text, first=T.steps(first), last=T.steps(last))
    evidence = {"column": name, "noise": sigma, "relative_noise": rel, "spikes": n_spikes,
                "spike_share": spike_share, "rows": int(rows.size)}
    return make_hint("unstable", "warning", hint_title("unstable"), text, ctx, int(rows[0]),
                     int(rows[-1]), evidence, A.STEADY, score=min(0.3 + 0.1 * badness, 0.8))


def _centred_mean(x: np.ndarray, k: int) -> np.ndarray:
    """Mean of the rows i-k..i+k (fewer at the ends)."""
    csum = np.concatenate(([0.0], np.cumsum(x)))
    i = np.arange(x.shape[0])
    lo = np.maximum(i - k, 0)
    hi = np.minimum(i + k + 1, x.shape[0])
    return (csum[hi] - csum[lo]) / (hi - lo)
