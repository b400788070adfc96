"""The part of a metric table the rules look at, prepared once per diagnosis.

The rules see the last run of the table (a log with appended runs restarts
its step counter), cut to the last ``window`` steps when asked, with the
warm-up marked, row weights in steps, and smoothed curves computed lazily
and cached.  Nothing here copies the table's columns: slices are views, so a
live call on the last few thousand steps of a million-row table is cheap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from gantuner.metrics import MetricTable

from . import conventions, series
from . import texts as T
from .thresholds import THRESHOLDS, Thresholds

# Loss columns whose values make a run diverge when they stop being finite.
LOSS_COLUMNS = ("d_loss", "g_loss", "d_loss_real", "d_loss_fake")
GRAD_COLUMNS = ("grad_norm_d", "grad_norm_g")


@dataclass
class Stretch:
    """Rows first..last (inclusive) of the analysed part where a condition held."""

    first: int
    last: int
    share: float  # share of the post-warm-up steps where the condition held
    ongoing: bool  # it reaches the latest row


class Context:
    def __init__(self, table: MetricTable, *, live: bool = False,
                 knobs: Mapping[str, Any] | None = None, window: int | None = None,
                 thresholds: Thresholds = THRESHOLDS, loss: str | None = None) -> None:
        self.table = table
        self.live = live
        self.knobs = dict(knobs) if knobs is not None else _last_knob_values(table)

        step_all = np.asarray(table.step)
        self.run_start_row, self.restarts = series.last_run_start(step_all)
        # Views, not copies: the run may have a million rows.
        self.run_step = step_all[self.run_start_row:]
        self.run_cols = {k: np.asarray(v, dtype=np.float64)[self.run_start_row:]
                         for k, v in table.columns.items()}
        # A resume from a checkpoint steps back a little: the rows it repeats
        # are replaced by the resumed ones, and the run goes on.
        keep = series.resumed_rows(self.run_step)
        self.resumes = 0
        if keep is not None:
            self.resumes = int(np.count_nonzero(np.diff(self.run_step) < 0))
            self.run_step = self.run_step[keep]
            self.run_cols = {k: v[keep] for k, v in self.run_cols.items()}
        self.loss = conventions.resolve(table, self.knobs, loss, self.run_cols.get("d_loss"))
        self.th = conventions.thresholds_for(self.loss, thresholds)

        lo = 0
        if window is not None and self.run_step.shape[0]:
            lo = int(np.searchsorted(self.run_step, self.run_step[-1] - window, side="left"))
        self.window_start_row = self.run_start_row + lo
        self.step = self.run_step[lo:].astype(np.float64)
        self.cols = {k: v[lo:] for k, v in self.run_cols.items()}
        self.n = int(self.step.shape[0])
        self.w = series.row_weights(self.step)

        th = self.th
        # A log that starts long after step 0 is the tail of a run: its start is not in it.
        self.is_tail = bool(self.run_step.shape[0] and self.run_step[0] > th.warmup_max_steps)
        if self.run_step.shape[0] and self.run_step[0] <= th.warmup_max_steps:
            last = float(self.run_step[-1])
            self.warmup_end = float(min(max(th.warmup_fraction * last, th.warmup_min_steps),
                                        th.warmup_max_steps))
        else:
            # The log starts long after step 0 (a fragment): its warm-up is not in it.
            self.warmup_end = float(self.run_step[0]) if self.run_step.shape[0] else 0.0
        self.post = self.step >= self.warmup_end
        self.n_post = int(self.post.sum())
        post_steps = self.step[self.post]
        span = float(post_steps[-1] - post_steps[0]) if post_steps.size else 0.0
        self.post_span = span
        self.smooth_span = min(th.smooth_max_steps, th.smooth_fraction * span)
        self._smooth: dict[str, Any] = {}

        self.acc_raw, self.acc_source = self._accuracy()

    # ---- columns --------------------------------------------------------
    def has(self, name: str) -> bool:
        return name in self.cols and bool(np.isfinite(self.cols[name]).any())

    def raw(self, name: str) -> np.ndarray | None:
        if name == "acc":
            return self.acc_raw
        return self.cols.get(name)

    def smooth(self, name: str) -> np.ndarray | None:
        """The column (or "acc") averaged over ``smooth_span`` steps; cached."""
        if name not in self._smooth:
            x = self.raw(name)
            if x is None:
                return None
            self._smooth[name] = series.rolling_mean(self.step, x, self.smooth_span)
        return self._smooth[name]

    def _accuracy(self) -> tuple[np.ndarray | None, str | None]:
        """D's accuracy (0..1), or a stand-in when the log has none.

        With only the mean outputs D(x) and D(G(z)) of each batch, counting a
        batch as "right" when its mean is past 0.5 would call D(x) = 0.6,
        D(G(z)) = 0.4 (a mild lead) 100 %; D's score, the mean of D(x) and
        1 - D(G(z)) (MathWorks' discriminator score), is 0.5 at balance and
        1 when D is certain, so it is compared with the accuracy thresholds.
        """
        cols = self.cols
        if "d_acc" in cols and np.isfinite(cols["d_acc"]).any():
            return _as_share(cols["d_acc"]), "d_acc"
        if "d_acc_real" in cols and "d_acc_fake" in cols:
            both = (_as_share(cols["d_acc_real"]) + _as_share(cols["d_acc_fake"])) / 2
            if np.isfinite(both).any():
                return both, "d_acc"
        if "d_x" in cols and "d_g_z" in cols:
            score = (cols["d_x"] + 1.0 - cols["d_g_z"]) / 2
            if np.isfinite(score).any():
                return score, "d_score"
        return None, None

    def acc_name(self) -> T.Text:
        """'D's accuracy' or 'D's score (...)' in both languages, for the texts."""
        return T.ACC_NAMES.get(self.acc_source or "d_acc", T.ACC_NAMES["d_acc"])

    def bce_like(self, name: str = "d_loss") -> bool:
        """Whether a D loss near 0 means D has won (bce, lsgan) on this log's
        loss, and its values say so too (>= 0).  A Wasserstein critic's or a
        hinge loss's level means nothing to the "near 0" and "ln 2" tests."""
        key = "bce_like:" + name
        if key not in self._smooth:
            x = self.cols.get(name)
            ok = (self.loss.d_zero_means_won and x is not None and bool(np.isfinite(x).any())
                  and not bool((x < 0).any()))
            self._smooth[key] = ok  # cached with the curves
        return bool(self._smooth[key])

    # ---- statistics over rows -------------------------------------------
    def mean(self, name: str, rows: slice | np.ndarray | None = None, smooth: bool = False) -> float:
        x = self.smooth(name) if smooth else self.raw(name)
        if x is None:
            return float("nan")
        if rows is None:
            rows = self.post
        return series.weighted_mean(x[rows], self.w[rows])

    def extreme(self, name: str, rows: Any, fn: Any, smooth: bool = False) -> float:
        x = self.smooth(name) if smooth else self.raw(name)
        if x is None:
            return float("nan")
        values = x[rows]
        values = values[np.isfinite(values)]
        return float(fn(values)) if values.size else float("nan")

    def step_at(self, row: int) -> int:
        return int(self.step[row])

    # ---- stretches ------------------------------------------------------
    def sustained(self, mask: np.ndarray, min_steps: float, share: float,
                  min_rows: int | None = None) -> Stretch | None:
        """Where ``mask`` held long enough after the warm-up to count.

        It counts when the stretch reaching the latest row covers at least
        ``min_steps`` steps and ``min_rows`` rows after the warm-up (it is
        going on now), or when the condition held for ``share`` of the
        post-warm-up steps, ``min_steps`` of them in all (brief dips of a
        noisy per-step curve do not reset it).  A live diagnosis needs the
        condition to hold at the latest row as well: it is about now.
        """
        min_rows = self.th.min_rows if min_rows is None else min_rows
        if self.n_post < min_rows:
            return None
        runs = series.runs_of_true(mask)
        if runs.shape[0] == 0:
            return None
        post_idx = np.flatnonzero(self.post)
        first_post = int(post_idx[0])
        held_w = float(self.w[mask & self.post].sum())
        total_w = float(self.w[self.post].sum())
        held = held_w / total_w if total_w > 0 else 0.0
        held_rows = int((mask & self.post).sum())

        last_run = runs[-1]
        ongoing = int(last_run[1]) == self.n - 1
        over = runs[runs[:, 1] >= first_post]
        if ongoing:
            a = max(int(last_run[0]), first_post)
            rows = int(last_run[1]) - a + 1
            length = float(self.w[a:int(last_run[1]) + 1].sum())
            if rows >= min_rows and length >= min_steps:
                start = int(over[0][0]) if held >= share else int(last_run[0])
                return Stretch(start, int(last_run[1]), held, True)
        if self.live and not ongoing:
            return None
        if held >= share and held_w >= min_steps and held_rows >= min_rows and over.size:
            return Stretch(int(over[0][0]), int(over[-1][1]), held, ongoing)
        return None


def _as_share(x: np.ndarray) -> np.ndarray:
    """Accuracies as shares: a reader that left them in percent is corrected."""
    finite = x[np.isfinite(x)]
    if finite.size and finite.max() > 1.0 + 1e-9:
        return x / 100.0
    return x


def _last_knob_values(table: MetricTable) -> dict[str, Any] | None:
    """The knob values in force at the table's last row, when it records them."""
    if not table.knobs:
        return None
    values: dict[str, Any] = {}
    for name, per_row in table.knobs.items():
        if len(per_row):
            value = per_row[-1]
            if hasattr(value, "item"):
                value = value.item()
            values[name] = value
    return values or None
