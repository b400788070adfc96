"""Vectorised helpers for curves logged at irregular steps.

Logs print every 1 to 1,000 steps, so everything here reasons in steps, not
rows: a row stands for the stretch of steps around it (``row_weights``), a
moving average spans a number of steps (``rolling_mean``), and stretches are
measured in steps.  Missing values are NaN and are skipped, never treated as 0.
Every function is O(n) or O(n log n) in numpy, so a million rows cost
milliseconds.
"""

from __future__ import annotations

import numpy as np

# A step counter that goes back to at most this share of where it was is a new
# run; one that steps back less is a resume from a checkpoint (the run goes on).
RESTART_SHARE = 0.5


def restart_rows(step: np.ndarray) -> np.ndarray:
    """Rows where a new run starts: the step went back to half or less of the previous one."""
    if step.shape[0] < 2:
        return np.zeros(0, dtype=np.int64)
    prev, new = step[:-1].astype(np.float64), step[1:].astype(np.float64)
    back = (new < prev) & (new <= RESTART_SHARE * prev)
    return np.flatnonzero(back) + 1


def last_run_start(step: np.ndarray) -> tuple[int, int]:
    """Row where the last run starts and how many restarts precede it.

    Runs appended to the same log restart their step counter; only the last
    one describes the training the user is looking at now.  A small step
    back (a resume from a checkpoint) is not a restart.
    """
    rows = restart_rows(step)
    if rows.size == 0:
        return 0, 0
    return int(rows[-1]), int(rows.size)


def resumed_rows(step: np.ndarray) -> np.ndarray | None:
    """Rows to keep when the run resumed from a checkpoint: the rows a resume
    repeated (their steps come again later) are dropped.  None when the
    steps never go back."""
    if step.shape[0] < 2 or not (step[1:] < step[:-1]).any():
        return None
    later_min = np.minimum.accumulate(step[::-1])[::-1]
    keep = np.ones(step.shape[0], dtype=bool)
    keep[:-1] = step[:-1] < later_min[1:]
    return keep


def row_weights(step: np.ndarray) -> np.ndarray:
    """Steps each row stands for: half the gap to each neighbour.

    The first and last rows get their one neighbouring gap; repeated steps
    share at least one step each so that no row counts for nothing.
    """
    n = step.shape[0]
    s = step.astype(np.float64)
    if n == 0:
        return np.zeros(0)
    if n == 1:
        return np.ones(1)
    gaps = np.diff(s)
    w = np.empty(n)
    w[1:-1] = (gaps[:-1] + gaps[1:]) / 2.0
    w[0] = gaps[0]
    w[-1] = gaps[-1]
    return np.maximum(w, 1.0)


def rolling_mean(step: np.ndarray, x: np.ndarray, span: float) -> np.ndarray:
    """Mean of the finite values in the steps (s - span, s] for each row s.

    ``step`` must be non-decreasing.  A span below one step returns ``x``
    unchanged (each row is its own average).
    """
    if span <= 1 or x.shape[0] == 0:
        return x.astype(np.float64, copy=True)
    ok = np.isfinite(x)
    values = np.where(ok, x, 0.0)
    csum = np.concatenate(([0.0], np.cumsum(values)))
    ccount = np.concatenate(([0], np.cumsum(ok)))
    hi = np.arange(1, x.shape[0] + 1)
    lo = np.searchsorted(step, step - span, side="right")
    count = ccount[hi] - ccount[lo]
    with np.errstate(invalid="ignore", divide="ignore"):
        out = (csum[hi] - csum[lo]) / count
    return np.where(count > 0, out, np.nan)


def weighted_mean(x: np.ndarray, w: np.ndarray) -> float:
    ok = np.isfinite(x)
    total = float(w[ok].sum())
    if total <= 0:
        return float("nan")
    return float((x[ok] * w[ok]).sum() / total)


def share(mask: np.ndarray, w: np.ndarray, valid: np.ndarray | None = None) -> float:
    """Share of the steps (weighted rows) where ``mask`` holds, among ``valid`` rows."""
    if valid is None:
        valid = np.ones(mask.shape, dtype=bool)
    total = float(w[valid].sum())
    if total <= 0:
        return 0.0
    return float(w[mask & valid].sum() / total)


def runs_of_true(mask: np.ndarray) -> np.ndarray:
    """Contiguous runs of True as an array of [first_row, last_row] pairs."""
    if mask.shape[0] == 0:
        return np.zeros((0, 2), dtype=np.int64)
    padded = np.concatenate(([False], mask, [False])).astype(np.int8)
    edges = np.diff(padded)
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1) - 1
    return np.stack([starts, ends], axis=1)


def rank_correlation(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman correlation of finite pairs: +1 when y only ever rises with x."""
    ok = np.isfinite(x) & np.isfinite(y)
    if ok.sum() < 3:
        return 0.0
    rx = np.argsort(np.argsort(x[ok])).astype(np.float64)
    ry = np.argsort(np.argsort(y[ok])).astype(np.float64)
    rx -= rx.mean()
    ry -= ry.mean()
    denom = float(np.sqrt((rx * rx).sum() * (ry * ry).sum()))
    return float((rx * ry).sum() / denom) if denom > 0 else 0.0


def step_bins(step: np.ndarray, x: np.ndarray, bins: int) -> np.ndarray:
    """Means of ``x`` over ``bins`` equal stretches of steps (NaN where empty).

    A coarse, step-uniform view of a curve: rows crowded into one part of a
    log do not outweigh the sparse rest.
    """
    ok = np.isfinite(x)
    if not ok.any() or bins < 1:
        return np.full(max(bins, 0), np.nan)
    s = step[ok].astype(np.float64)
    lo, hi = s[0], s[-1]
    if hi <= lo:
        return np.full(bins, float(np.mean(x[ok])))
    idx = np.minimum(((s - lo) / (hi - lo) * bins).astype(np.int64), bins - 1)
    sums = np.bincount(idx, weights=x[ok], minlength=bins)
    counts = np.bincount(idx, minlength=bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / counts, np.nan)


def robust_scale(x: np.ndarray) -> float:
    """1.4826 x median absolute deviation: the standard deviation of the bulk,
    blind to the spikes we want to count separately."""
    ok = x[np.isfinite(x)]
    if ok.size == 0:
        return float("nan")
    return float(1.4826 * np.median(np.abs(ok - np.median(ok))))


def strongest_period(step: np.ndarray, x: np.ndarray, max_points: int = 1024,
                     ) -> tuple[float, float, float]:
    """Regular oscillation in a curve: (period in steps, autocorrelation at it,
    amplitude as the standard deviation of the detrended curve).

    The curve is resampled onto an even grid of steps (logs are irregular),
    detrended with a straight line, and its autocorrelation computed by FFT.
    The period is the highest autocorrelation peak after the first zero
    crossing (before it, any smooth curve correlates with itself).  Returns
    (nan, 0, 0) when there is no such peak.
    """
    ok = np.isfinite(x)
    if ok.sum() < 8:
        return float("nan"), 0.0, 0.0
    s = step[ok].astype(np.float64)
    v = x[ok]
    if s[-1] <= s[0]:
        return float("nan"), 0.0, 0.0
    n = int(min(max_points, ok.sum()))
    grid = np.linspace(s[0], s[-1], n)
    g = np.interp(grid, s, v)
    t = np.arange(n, dtype=np.float64)
    slope, intercept = np.polyfit(t, g, 1)
    g = g - (slope * t + intercept)
    amplitude = float(g.std())
    if amplitude <= 0:
        return float("nan"), 0.0, 0.0
    size = 1 << int(np.ceil(np.log2(2 * n)))
    spectrum = np.fft.rfft(g, size)
    acf = np.fft.irfft(spectrum * np.conj(spectrum), size)[:n]
    acf /= acf[0]
    # Unbiased estimate: lag k has only n - k pairs.
    acf = acf * n / (n - np.arange(n))
    below = np.flatnonzero(acf < 0)
    if below.size == 0:
        return float("nan"), 0.0, amplitude
    first_zero = int(below[0])
    last_lag = n // 3  # at least three periods must fit in the curve
    if last_lag <= first_zero + 1:
        return float("nan"), 0.0, amplitude
    segment = acf[first_zero:last_lag + 1]
    best = int(np.argmax(segment))
    if first_zero + best == last_lag and last_lag + 1 < n and acf[last_lag + 1] > acf[last_lag]:
        return float("nan"), 0.0, amplitude  # still climbing: a drift, not a period
    # The period is the first peak nearly as high as the highest: multiples of
    # the period correlate as well (the unbiased estimate even favours them).
    inner = segment[1:-1]
    peaks = np.flatnonzero((inner >= segment[:-2]) & (inner >= segment[2:])) + 1
    peaks = peaks[segment[peaks] >= 0.9 * segment[best]] if peaks.size else peaks
    lag = first_zero + (int(peaks[0]) if peaks.size else best)
    peak = float(acf[lag])
    period = float(lag * (grid[1] - grid[0]))
    return period, peak, amplitude
