"""Peak summaries of a growing curve, so that a long run is drawn from about two points per pixel.

pyqtgraph's own peak downsampling looks at every point of a curve on every
redraw: for a million-step run that is tens of milliseconds per frame for
the whole panel, all of it on the GUI thread.  Here each curve keeps the
minimum and maximum of blocks of 16, 32, 64... points, updated from the new
points only, and a redraw hands pyqtgraph the level whose blocks fit the
visible range into the plot's width.  Peaks survive (a spike shows however
far out the view is zoomed); a view of a few thousand points gets the points
themselves.  No Qt here.
"""

from __future__ import annotations

import math

import numpy as np

BASE_BLOCK = 16   # the finest summary; anything finer is drawn from the points themselves


class _Growable:
    """A float64 array that grows by doubling; ``data`` is a view of what was appended."""

    def __init__(self) -> None:
        self._array = np.empty(64)
        self.size = 0

    def extend(self, values: np.ndarray) -> None:
        end = self.size + values.shape[0]
        if end > self._array.shape[0]:
            grown = np.empty(max(end, 2 * self._array.shape[0]))
            grown[:self.size] = self._array[:self.size]
            self._array = grown
        self._array[self.size:end] = values
        self.size = end

    @property
    def data(self) -> np.ndarray:
        return self._array[:self.size]


class PeakLevels:
    """Block minima and maxima of one growing series at block sizes 16, 32, 64, ..."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self._mins: list[_Growable] = []
        self._maxs: list[_Growable] = []
        self.folded = 0  # points of the series summarised so far (a multiple of BASE_BLOCK)

    def levels(self) -> int:
        return len(self._mins)

    def update(self, values: np.ndarray) -> None:
        """Fold in the points of ``values`` (the whole series, which only grows) not seen yet."""
        n = values.shape[0]
        if n < self.folded:  # the series was replaced by a shorter one
            self.reset()
        full = n - n % BASE_BLOCK
        if full <= self.folded:
            return
        blocks = values[self.folded:full].reshape(-1, BASE_BLOCK)
        # Column by column: much faster than a reduction along the short axis.
        mins, maxs = blocks[:, 0].copy(), blocks[:, 0].copy()
        for column in range(1, BASE_BLOCK):
            np.fmin(mins, blocks[:, column], out=mins)
            np.fmax(maxs, blocks[:, column], out=maxs)
        self._append(0, mins, maxs)
        self.folded = full

    def _append(self, level: int, mins: np.ndarray, maxs: np.ndarray) -> None:
        while True:
            if level == len(self._mins):
                self._mins.append(_Growable())
                self._maxs.append(_Growable())
            low, high = self._mins[level], self._maxs[level]
            low.extend(mins)
            high.extend(maxs)
            # The next level pairs up this one's blocks; only pairs completed just now are new.
            done = (self._mins[level + 1].size * 2) if level + 1 < len(self._mins) else 0
            pairs_end = low.size - low.size % 2
            if pairs_end <= done:
                return
            lo, hi = low.data, high.data
            mins = np.fmin(lo[done:pairs_end:2], lo[done + 1:pairs_end:2])
            maxs = np.fmax(hi[done:pairs_end:2], hi[done + 1:pairs_end:2])
            level += 1

    def view(self, steps: np.ndarray, values: np.ndarray, first: int, last: int,
             max_points: int) -> tuple[np.ndarray, np.ndarray]:
        """Points to draw for rows ``first`` to ``last`` (exclusive) in at most about ``max_points``.

        Each block becomes two points at its first step, its minimum then its
        maximum (pyqtgraph's peak mode does the same); rows past the last full
        block become one more such pair.
        """
        count = last - first
        if count <= max_points or not self._mins:
            return steps[first:last], values[first:last]
        wanted = max(1.0, 2.0 * count / max(2, max_points))  # points per block needed
        level = min(self.levels() - 1, max(0, math.ceil(math.log2(wanted / BASE_BLOCK))))
        block = BASE_BLOCK << level
        start = first // block
        stop = min(self._mins[level].size, math.ceil(last / block))
        mins = self._mins[level].data[start:stop]
        maxs = self._maxs[level].data[start:stop]
        xs = steps[start * block:stop * block:block]
        tail_from = max(stop * block, first)
        if tail_from < last:  # rows not yet in a block of this level
            tail = values[tail_from:last]
            with np.errstate(invalid="ignore"):
                mins = np.append(mins, np.fmin.reduce(tail))
                maxs = np.append(maxs, np.fmax.reduce(tail))
            xs = np.append(xs, steps[tail_from])
        x = np.repeat(xs, 2)
        y = np.empty(x.shape[0])
        y[0::2] = mins
        y[1::2] = maxs
        return x, y
