"""TensorBoard's debiased exponential moving average, vectorised.

TensorBoard smooths a scalar curve with ``last = w * last + (1 - w) * x`` and
divides by ``1 - w ** n`` (n = finite points seen so far), so the start of the
curve is not pulled towards zero.  Non-finite points (a loss that went NaN) are
shown as they are and do not enter the average.

A Python loop over a million points takes about half a second; this version
runs in numpy blocks: within a block the recurrence is a cumulative sum of
``x_k * w ** -k``, and blocks are short enough that ``w ** -k`` never
overflows.  Nothing here imports Qt, so it is unit-tested on its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MAX_WEIGHT = 0.999
# The slider is even in the average's reach, not in its weight: the number of
# points averaged, 1 / (1 - w), goes from 1 to 1,000 on a log scale (a linear
# weight packed everything that matters into the slider's last tenth).
SLIDER_POSITIONS = 1000
_DECADES = -math.log10(1.0 - MAX_WEIGHT)  # 3: from 1 point to 1,000
# Shorter curves are drawn as they are: a debiased average of a handful of
# points mostly repeats its first value, which reads as a trend that is not there.
MIN_POINTS_TO_SMOOTH = 50
# Largest w ** -k a block may reach; 1e100 keeps the cumulative sum well
# inside float64 while leaving blocks long (345,000 points at w = 0.999).
_BLOCK_GROWTH = 1e100


def weight_at(position: int, positions: int = SLIDER_POSITIONS) -> float:
    """The smoothing weight at a slider position (0 -> 0, the last -> MAX_WEIGHT)."""
    fraction = min(max(position / positions, 0.0), 1.0)
    return 1.0 - 10.0 ** (-_DECADES * fraction) if fraction < 1.0 else MAX_WEIGHT


def position_of(weight: float, positions: int = SLIDER_POSITIONS) -> int:
    """The slider position nearest to ``weight`` (the inverse of :func:`weight_at`)."""
    weight = min(max(float(weight), 0.0), MAX_WEIGHT)
    return int(round(-math.log10(1.0 - weight) / _DECADES * positions))


def points_averaged(weight: float) -> float:
    """About how many points an average with ``weight`` spans: 1 / (1 - w)."""
    return 1.0 / (1.0 - weight)


@dataclass
class EmaState:
    """Where the average stands after the points seen so far."""

    last: float = 0.0   # the biased average (before dividing by 1 - w ** count)
    count: int = 0      # finite points averaged so far


def smooth(values: np.ndarray, weight: float, state: EmaState | None = None) -> tuple[np.ndarray, EmaState]:
    """Smoothed copy of ``values`` and the state to continue from.

    ``state`` carries the average across calls, so a live curve is smoothed
    incrementally: only the new points are processed.
    """
    values = np.asarray(values, dtype=np.float64)
    state = EmaState() if state is None else EmaState(state.last, state.count)
    if not 0.0 <= weight <= MAX_WEIGHT:
        raise ValueError(f"smoothing weight {weight} is out of range: use 0 .. {MAX_WEIGHT}")
    out = values.copy()
    finite = np.isfinite(values)
    x = values[finite]
    if weight == 0.0 or x.size == 0:
        if x.size:
            state = EmaState(float(x[-1]), state.count + int(x.size))
        return out, state
    biased = _biased_ema(x, weight, state.last)
    counts = state.count + np.arange(1, x.size + 1, dtype=np.float64)
    # 1 - w ** n, computed as -expm1(n * ln w) to stay exact for w near 1.
    debias = -np.expm1(counts * math.log(weight))
    out[finite] = biased / debias
    return out, EmaState(float(biased[-1]), state.count + int(x.size))


def _biased_ema(x: np.ndarray, w: float, start: float) -> np.ndarray:
    """y_t = w * y_{t-1} + (1 - w) * x_t with y_{-1} = ``start``, for finite ``x``."""
    block = max(1, min(x.size, int(math.log(_BLOCK_GROWTH) / -math.log(w))))
    blocks = -(-x.size // block)
    padded = np.zeros(blocks * block, dtype=np.float64)
    padded[:x.size] = x
    padded = padded.reshape(blocks, block)
    k = np.arange(1, block + 1, dtype=np.float64)
    grow = np.power(w, -k)     # w ** -k, at most _BLOCK_GROWTH
    shrink = np.power(w, k)    # w ** k
    # Within a block, starting from zero: y_k = (1 - w) * w**k * sum_{j<=k} x_j * w**-j
    local = shrink * ((1.0 - w) * np.cumsum(padded * grow, axis=1))
    # Carry each block's last value into the next: a short scalar scan over blocks.
    carry = np.empty(blocks, dtype=np.float64)
    previous = start
    decay = float(shrink[-1])
    ends = local[:, -1].tolist()
    for b in range(blocks):
        carry[b] = previous
        previous = decay * previous + ends[b]
    out = local + shrink[None, :] * carry[:, None]
    return out.reshape(-1)[:x.size]


def smooth_reference(values, weight: float) -> list[float]:
    """TensorBoard's loop, point by point: the definition the tests compare against."""
    last = 0.0
    count = 0
    out = []
    for v in values:
        v = float(v)
        if not math.isfinite(v):
            out.append(v)
            continue
        last = last * weight + (1 - weight) * v
        count += 1
        debias = 1.0 - weight ** count if weight > 0 else 1.0
        out.append(last / debias)
    return out


class SmoothedSeries:
    """A growing curve's smoothed copy, extended incrementally.

    ``update(values)`` is given the whole raw curve (a view into the buffer);
    it smooths only the points it has not seen, unless the weight changed.
    """

    def __init__(self, weight: float = 0.0):
        self.weight = weight
        self._state = EmaState()
        self._done = 0
        self._out = np.empty(0, dtype=np.float64)

    def set_weight(self, weight: float) -> None:
        if weight != self.weight:
            self.weight = weight
            self.reset()

    def reset(self) -> None:
        self._state = EmaState()
        self._done = 0

    def install(self, weight: float, smoothed: np.ndarray, state: EmaState) -> None:
        """Take over a smoothing of the first ``len(smoothed)`` points computed elsewhere
        (off the GUI thread); ``update`` goes on from there."""
        self.weight = weight
        self._out = np.array(smoothed, dtype=np.float64)
        self._done = self._out.shape[0]
        self._state = EmaState(state.last, state.count)

    def update(self, values: np.ndarray) -> np.ndarray:
        n = values.shape[0]
        if n < self._done:  # the buffer was cleared and refilled
            self.reset()
        if n > self._done:
            new, self._state = smooth(values[self._done:n], self.weight, self._state)
            if self._out.shape[0] < n:
                grown = np.empty(max(n, 2 * self._out.shape[0], 1024), dtype=np.float64)
                grown[:self._done] = self._out[:self._done]
                self._out = grown
            self._out[self._done:n] = new
            self._done = n
        return self._out[:n]
