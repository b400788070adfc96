"""The 2D Gaussian mixtures and the mode-coverage protocol of PacGAN / VEEGAN.

This module is the canonical definition of the ``ring`` and ``grid`` mixtures:
the data module samples from :func:`ring_modes` and :func:`grid_modes`, so the
data and its yardstick can never drift apart.

Protocol (PacGAN, Lin et al. 2018; VEEGAN, Srivastava et al. 2017): draw
2,500 generated samples; a sample is *high quality* if it lies within three
standard deviations (Euclidean distance) of its nearest mode; a mode is
*covered* if at least one high-quality sample is nearest to it.  Note that
even the true mixture scores 1 - exp(-4.5) = 98.9 % high quality under this
rule, since a 2D Gaussian's radius is Rayleigh-distributed.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch

from gantuner.quality.inputs import as_points

# The protocol's numbers and the mixtures' geometry live in the torch-free
# protocol module (the diagnosis and the datasets read them); re-exported here.
from gantuner.quality.protocol import (  # noqa: F401
    GRID_AXIS,
    GRID_STD,
    MIXTURES,
    PROTOCOL_SAMPLES,
    RING_MODES,
    RING_RADIUS,
    RING_STD,
    grid_modes,
    mixture_modes,
    ring_modes,
)

HIGH_QUALITY_STDS = 3.0  # "within three standard deviations of its nearest mode"
# Guards the logarithm in the reverse KL; with 0 * log 0 taken as 0 it never
# changes a finite result (the real histogram is uniform, never zero).
KL_EPSILON = 1e-12


def sample_mixture(centers: np.ndarray, std: float, n: int,
                   generator: torch.Generator | None = None) -> torch.Tensor:
    """``n`` samples [n, 2] of the equal-weight mixture (the reference the tests and the data use)."""
    centers_t = torch.as_tensor(np.asarray(centers, dtype=np.float32))
    which = torch.randint(len(centers_t), (n,), generator=generator)
    noise = torch.randn(n, 2, generator=generator) * std
    return centers_t[which] + noise


def mode_coverage(samples: Any, centers: np.ndarray, std: float) -> dict[str, Any]:
    """Score samples [N, 2] (numpy or torch) against a mixture's modes.

    Returns ``modes_covered`` (int), ``high_quality`` (share 0..1 of samples
    within 3 std of their nearest mode), ``reverse_kl`` (KL(generated || real)
    between the histograms of high-quality samples over the modes, the real
    one being uniform; in nats, 0 = evenly spread, log K = all in one mode;
    NaN when no sample is high quality, because there is no histogram to
    compare) and ``histogram`` (high-quality samples per mode, list of int).
    """
    points = as_points(samples, "samples")
    centers_t = torch.as_tensor(np.asarray(centers, dtype=np.float32))
    distances = torch.cdist(points, centers_t)  # [N, K]
    nearest_distance, nearest = distances.min(dim=1)
    good = nearest_distance <= HIGH_QUALITY_STDS * float(std)
    counts = torch.bincount(nearest[good], minlength=len(centers_t))
    histogram = [int(c) for c in counts]
    high_quality = int(good.sum())
    return {
        "modes_covered": int((counts > 0).sum()),
        "high_quality": high_quality / points.shape[0],
        "reverse_kl": _reverse_kl_to_uniform(np.asarray(histogram, dtype=np.float64)),
        "histogram": histogram,
    }


def _reverse_kl_to_uniform(counts: np.ndarray) -> float:
    total = counts.sum()
    if total == 0:
        return math.nan
    p = counts / total
    q = 1.0 / len(counts)
    present = p > 0  # 0 * log(0 / q) = 0 by convention
    kl = float(np.sum(p[present] * np.log((p[present] + KL_EPSILON) / q)))
    return max(kl, 0.0)  # rounding can give -1e-16 for a perfectly even histogram
