"""Helpers shared by the rules: building a hint, and reading stretches of curves."""

from __future__ import annotations

from typing import Any

import numpy as np

from . import actions as A
from . import series
from . import texts as T
from .context import Context
from .hints import Hint

# Sample-quality columns written by gantuner.quality that fall when G loses
# modes: modes covered (ring, grid), digit classes covered, diversity (1 =
# as varied as the data) and kNN recall (coverage).  In order of preference.
COLLAPSE_COLUMNS = ("quality_modes", "quality_classes", "quality_diversity", "quality_recall")
# Diversity is best at 1: early, noise-like samples can be more varied than
# the data, so its "best" is capped at 1 before measuring a fall.
CAPPED_AT_ONE = ("quality_diversity",)


def make_hint(hint_id: str, severity: str, title: T.Text, text: T.Text, ctx: Context,
              first_row: int, last_row: int, evidence: dict[str, Any],
              remedies: tuple = (), score: float = 0.5) -> Hint:
    return Hint(
        id=hint_id, severity=severity, title_text=title, explanation_text=text,
        step_range=(ctx.step_at(first_row), ctx.step_at(last_row)),
        evidence=evidence, actions=A.make_actions(remedies, ctx.knobs), score=score,
    )


def hint_title(key: str, **fields: Any) -> T.Text:
    return T.pair(key, table=T.TITLES, **fields)


def row_span(first: int, last: int) -> slice:
    return slice(first, last + 1)


def ends_mean(ctx: Context, name: str, rows: slice) -> tuple[float, float]:
    """Mean of the first and of the last fifth of ``rows``: where a curve started and ended."""
    x = ctx.raw(name)[rows]
    w = ctx.w[rows]
    k = max(1, x.shape[0] // 5)
    return series.weighted_mean(x[:k], w[:k]), series.weighted_mean(x[-k:], w[-k:])


def trend(ctx: Context, name: str, rows: slice) -> float:
    """Rank correlation of a curve with the step, on at most 10 step-bins (noise averaged)."""
    x = ctx.raw(name)[rows]
    s = ctx.step[rows]
    bins = series.step_bins(s, x, int(min(10, x.shape[0])))
    ok = np.isfinite(bins)
    return series.rank_correlation(np.flatnonzero(ok).astype(np.float64), bins[ok])


def column_names(columns: list[str]) -> T.Text:
    names = [T.LOSS_NAMES.get(c, T.Text(c, c)) for c in columns]
    return T.Text(" and ".join(n.en for n in names), "と".join(n.ja for n in names))


def quality_columns(ctx: Context) -> list[str]:
    return [c for c in COLLAPSE_COLUMNS if c in ctx.cols]


def quality_name(column: str) -> T.Text:
    return T.QUALITY_NAMES.get(column, T.Text(column, column))


def quality_trend(ctx: Context, rows: slice) -> tuple[str, float, float, bool] | None:
    """(column, value at the start, value at the end, improving?) of the first
    quality column with enough evaluations inside ``rows``."""
    for name in quality_columns(ctx):
        x = ctx.cols[name][rows]
        x = x[np.isfinite(x)]
        if x.size < ctx.th.quality_min_points:
            continue
        k = max(1, x.size // 3)
        start, end = float(x[:k].mean()), float(x[-k:].mean())
        return name, start, end, end > start * 1.05
    return None
