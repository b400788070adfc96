"""Axis ranges that follow a growing curve in steps, not on every frame.

Re-ranging an axis makes pyqtgraph regenerate and repaint its ticks and
labels, the most expensive part of a frame.  While the user has not zoomed or
panned, the step axis therefore grows to the next round number ahead of the
data and the value axis widens only when the data leaves it,
so most frames repaint just the curves.  No Qt here.
"""

from __future__ import annotations

import math

import numpy as np

HEADROOM = 1.2      # the step axis reaches this far beyond the newest step
MARGIN = 0.08       # space above and below the data on the value axis


# Round numbers the step axis may end at, times a power of ten: close enough
# together that the axis is never more than about a quarter empty.
NICE_FACTORS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k) >= ``value``."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for factor in NICE_FACTORS:
        if factor * power >= value * (1 - 1e-12):
            return float(f"{factor * power:.12g}")  # 3 x 0.1 is 0.3, not 0.30000000000000004
    return 10.0 * power


def follow_x(first: float, last: float, current: tuple[float, float] | None) -> tuple[float, float] | None:
    """A new step range showing [first, last] with headroom, or None to keep ``current``."""
    want_hi = nice_ceiling(max(10.0, (last - first) * HEADROOM)) + first
    if current is not None:
        lo, hi = current
        fits = lo <= first + 1e-9 and last <= hi and lo >= first - 0.05 * (hi - lo)
        if fits and hi <= want_hi * 1.0000001:
            return None
    return first, want_hi


def follow_y(low: float, high: float, current: tuple[float, float] | None) -> tuple[float, float] | None:
    """A value range holding [low, high] with a margin, or None to keep ``current``."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return None
    span = high - low
    if span <= 0:
        span = max(abs(high) * 0.1, 1e-3)
    if current is not None:
        lo, hi = current
        # Keep the range while the data fits and still fills a good part of it.
        if lo <= low and high <= hi and (hi - lo) <= 2.5 * span + 1e-12:
            return None
    return low - MARGIN * span, high + MARGIN * span


class RunningExtent:
    """Finite min and max of growing columns, updated from the new points only."""

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        self.low = math.inf
        self.high = -math.inf
        self._seen = 0

    def update(self, columns: list[np.ndarray]) -> tuple[float, float]:
        n = min((c.shape[0] for c in columns), default=0)
        if n < self._seen:
            self.reset()
        if n > self._seen:
            for column in columns:
                new = column[self._seen:n]
                finite = new[np.isfinite(new)]
                if finite.size:
                    self.low = min(self.low, float(finite.min()))
                    self.high = max(self.high, float(finite.max()))
            self._seen = n
        return self.low, self.high
