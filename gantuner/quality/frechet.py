"""Fréchet distance between two sets of feature vectors (the formula of FID).

    d^2 = |mu_r - mu_g|^2 + tr(S_r) + tr(S_g) - 2 tr((S_r^1/2 S_g S_r^1/2)^1/2)

scipy is not a dependency, so the matrix square root comes from symmetric
eigendecompositions (torch.linalg.eigh) in float64: S_r^1/2 first, then the
symmetric product S_r^1/2 S_g S_r^1/2, whose square root's trace is the sum
of the square roots of its eigenvalues.  tr((S_r S_g)^1/2) equals that trace,
and working with symmetric matrices avoids the complex values a general
square root of S_r S_g produces.  Eigenvalues that rounding makes slightly
negative (singular covariances: fewer samples than features, dead ReLU
units) are clipped to zero.
"""

from __future__ import annotations

from typing import Any

import torch

from gantuner.quality.errors import QualityError
from gantuner.quality.inputs import as_vectors

MIN_SAMPLES = 2  # a covariance needs two samples


def statistics(features: Any, name: str = "features") -> tuple[torch.Tensor, torch.Tensor]:
    """Mean [D] and covariance [D, D] (float64, unbiased) of features [N, D]."""
    x = as_vectors(features, name, minimum=MIN_SAMPLES).double()
    mean = x.mean(dim=0)
    centred = x - mean
    covariance = centred.T @ centred / (x.shape[0] - 1)
    return mean, covariance


def _psd_sqrt(matrix: torch.Tensor) -> torch.Tensor:
    symmetric = (matrix + matrix.T) / 2  # remove rounding asymmetry before eigh
    values, vectors = torch.linalg.eigh(symmetric)
    return (vectors * values.clamp(min=0).sqrt()) @ vectors.T


def frechet_distance_from_statistics(mean_a: torch.Tensor, cov_a: torch.Tensor,
                                     mean_b: torch.Tensor, cov_b: torch.Tensor) -> float:
    root_a = _psd_sqrt(cov_a)
    product = root_a @ cov_b @ root_a
    product = (product + product.T) / 2
    cross_trace = torch.linalg.eigvalsh(product).clamp(min=0).sqrt().sum()
    distance = ((mean_a - mean_b) ** 2).sum() + cov_a.trace() + cov_b.trace() - 2 * cross_trace
    return max(float(distance), 0.0)  # tiny negatives are rounding for identical sets


def frechet_distance(real_features: Any, fake_features: Any) -> float:
    """Fréchet distance between feature sets [N, D] and [M, D] (N, M >= 2).

    With few samples the covariances are noisy and the distance is biased
    upwards (as FID is): compare values computed with the same sample counts.
    """
    mean_r, cov_r = statistics(real_features, "real features")
    mean_f, cov_f = statistics(fake_features, "fake features")
    if mean_r.shape != mean_f.shape:
        raise QualityError(
            f"real and fake features differ in size ({mean_r.shape[0]} vs {mean_f.shape[0]})"
        )
    return frechet_distance_from_statistics(mean_r, cov_r, mean_f, cov_f)
