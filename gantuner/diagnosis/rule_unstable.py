"""unstable: losses that swing widely around their trend, or spike."""

from __future__ import annotations

import numpy as np

from . import actions as A
from . import series
from . import texts as T
from .context import Context
from .conventions import LN2
from .hints import Hint
from .registry import rule
from .rule_common import hint_title, make_hint


@rule("unstable", priority=5)
def unstable(ctx: Context) -> Hint | None:
    """Losses that swing widely around their trend or spike (ganhacks: a
    healthy D loss has low variance; the article: small batches and large
    learning rates make training unstable), beyond the noise that the log's
    own sampling and batch size make normal (see :func:`noise_allowance`).
    Not judged on a loss whose level means nothing (a critic's, a hinge G's)."""
    th = ctx.th
    allowance = noise_allowance(ctx)
    worst = None
    for name in ("d_loss", "g_loss"):
        if not ctx.has(name) or not _level_meaningful(ctx, name):
            continue
        rows = np.flatnonzero(ctx.post & np.isfinite(ctx.raw(name)))
        if rows.size < 10:
            continue
        x = ctx.raw(name)[rows]
        k = max(2, rows.size // 40)
        trend = _centred_mean(x, k)
        resid = x - trend
        sigma = series.robust_scale(resid)
        floor = th.unstable_level_floor
        if name == "d_loss" and ctx.loss.d_equilibrium is not None:
            floor *= ctx.loss.d_equilibrium / LN2  # the floor on this loss's own scale
        level = max(abs(float(np.median(x))), floor)
        rel = sigma / level
        spikes = ((resid > th.spike_sigmas * max(sigma, 1e-12))
                  & (x > th.spike_level * allowance * level))
        n_spikes = int(spikes.sum())
        spike_share = n_spikes / rows.size
        noisy = rel >= th.unstable_rel_noise * allowance
        spiky = spike_share >= th.spike_share and n_spikes >= 3
        if not (noisy or spiky):
            continue
        badness = max(rel / (th.unstable_rel_noise * allowance), spike_share / th.spike_share)
        if worst is None or badness > worst[0]:
            worst = (badness, name, sigma, rel, n_spikes, spike_share, rows)
    if worst is None:
        return None
    badness, name, sigma, rel, n_spikes, spike_share, rows = worst
    spikes_text = (T.pair("unstable_spikes", n_spikes=n_spikes, spike_share=T.pct2(spike_share))
                   if n_spikes else T.Text("", ""))
    first, last = ctx.step_at(int(rows[0])), ctx.step_at(int(rows[-1]))
    text = T.pair("unstable", which=T.LOSS_NAMES[name], noise=T.measured(sigma),
                  rel=T.pct2(rel), spikes=spikes_text, first=T.count(first), last=T.count(last))
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


def _level_meaningful(ctx: Context, name: str) -> bool:
    if name == "g_loss":
        return ctx.loss.g_level
    return ctx.loss.name not in ("wgan",)


def noise_allowance(ctx: Context) -> float:
    """How much more per-row noise than a per-step log at batch 64 is normal here.

    A log that prints every row at steps far apart shows one batch's loss
    each time, a fresh draw of the batch noise with nothing in between to
    average it: the unmodified PyTorch DCGAN tutorial on CelebA (every 50
    iterations, batch 128) swings by 21 % (D, on the summed loss's scale)
    and 33 % (G) of the level while training well; gantuner's own healthy
    per-step runs at batch 64 by 2-13 %.  So a sparse log, and any log of
    another program (its rows are single batches of a model and data we do
    not know, printed every step or not), is allowed twice the threshold of
    gantuner's own per-step runs.  A known batch size smaller than 64 adds the
    square root of the ratio (the noise of a mean over fewer samples), at
    most twice.
    """
    th = ctx.th
    allowance = 1.0
    sparse = ctx.n > 1 and float(np.median(np.diff(ctx.step))) >= th.sparse_row_steps
    if sparse or ctx.table.format != "gantuner":
        allowance *= th.sparse_noise_factor
    try:
        batch = float((ctx.knobs or {}).get("batch_size", 0) or 0)
    except (TypeError, ValueError):
        batch = 0.0
    if batch > 0:
        allowance *= float(np.clip(np.sqrt(th.noise_reference_batch / batch), 1.0, 2.0))
    return allowance
