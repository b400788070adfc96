"""Sample diversity and k-nearest-neighbour precision/recall for any data.

Both work on flat vectors [N, D]: 2D points as they are, images as
(downsampled) pixels or classifier features, chosen by the caller.

* diversity = mean pairwise L2 distance among generated samples divided by
  the same among real samples: 1.0 is as varied as the data, a collapsed
  generator (every sample alike) goes to 0, above 1 is more spread than the
  data (often noise).
* precision / recall (Kynkäänniemi et al., NeurIPS 2019): each real sample
  gets a ball reaching its k-th nearest real neighbour; precision is the
  share of generated samples inside at least one real ball (are the fakes
  realistic?).  Recall swaps the roles: the share of real samples inside at
  least one ball around a generated sample (is the data's variety covered?).

Pairwise distances grow with N^2, so at most ``max_samples`` of each set are
used, drawn with a fixed seed: the same inputs always give the same numbers.
"""

from __future__ import annotations

import math
from typing import Any

import torch

from gantuner.quality.errors import QualityError
from gantuner.quality.inputs import as_vectors
from gantuner.quality.protocol import DEFAULT_K  # noqa: F401  (re-exported)

MAX_SAMPLES = 1000  # keeps every metric here well under 20 ms on a CPU
SUBSAMPLE_SEED = 0


def subsample(x: torch.Tensor, max_samples: int = MAX_SAMPLES) -> torch.Tensor:
    """At most ``max_samples`` rows of ``x``, picked with a fixed seed."""
    if x.shape[0] <= max_samples:
        return x
    generator = torch.Generator().manual_seed(SUBSAMPLE_SEED)
    return x[torch.randperm(x.shape[0], generator=generator)[:max_samples]]


def _self_distances(x: torch.Tensor) -> torch.Tensor:
    """All pairwise L2 distances [N, N] (matrix-product form: fast; the
    rounding leaves identical samples about 1e-3 apart at worst, which is
    still "near 0" for a collapsed generator)."""
    return torch.cdist(x, x)


def _mean_off_diagonal(distances: torch.Tensor) -> float:
    n = distances.shape[0]
    return float((distances.sum() - distances.diagonal().sum()) / (n * (n - 1)))


def _knn_radii(distances: torch.Tensor, k: int) -> torch.Tensor:
    """k-th nearest-neighbour distance per row of a self-distance matrix (self excluded)."""
    distances = distances.clone()
    distances.fill_diagonal_(math.inf)  # a sample is not its own neighbour
    # topk is several times faster than kthvalue on a CPU (measured).
    return distances.topk(k, dim=1, largest=False).values[:, -1]


def mean_pairwise_distance(samples: Any, max_samples: int = MAX_SAMPLES) -> float:
    """Mean L2 distance over all pairs of distinct samples [N, D] (N >= 2)."""
    x = subsample(as_vectors(samples, "samples", minimum=2), max_samples)
    return _mean_off_diagonal(_self_distances(x))


def diversity(real: Any, fake: Any, max_samples: int = MAX_SAMPLES) -> float:
    """Mean pairwise distance of ``fake`` over that of ``real`` (1.0 = as diverse as the data)."""
    real_spread = mean_pairwise_distance(as_vectors(real, "real samples", minimum=2), max_samples)
    fake_spread = mean_pairwise_distance(as_vectors(fake, "fake samples", minimum=2), max_samples)
    return _ratio(fake_spread, real_spread)


def knn_radii(x: Any, k: int = DEFAULT_K) -> torch.Tensor:
    """Distance from each row of ``x`` [N, D] to its k-th nearest other row."""
    vectors = as_vectors(x, "samples", minimum=k + 1)
    return _knn_radii(_self_distances(vectors), k)


def precision_recall(real: Any, fake: Any, k: int = DEFAULT_K,
                     max_samples: int = MAX_SAMPLES) -> tuple[float, float]:
    """(precision, recall), shares 0..1, of fake against real samples [N, D] and [M, D]."""
    found = spread_metrics(real, fake, k, max_samples)
    return found["precision"], found["recall"]


def spread_metrics(real: Any, fake: Any, k: int = DEFAULT_K,
                   max_samples: int = MAX_SAMPLES) -> dict[str, float]:
    """Diversity, precision and recall together, sharing the distance matrices."""
    if k < 1:
        raise QualityError(f"k = {k}: use 1 or more neighbours")
    real_x = subsample(as_vectors(real, "real samples", minimum=k + 1), max_samples)
    fake_x = subsample(as_vectors(fake, "fake samples", minimum=k + 1), max_samples)
    if real_x.shape[1] != fake_x.shape[1]:
        raise QualityError(
            f"real and fake samples differ in size ({real_x.shape[1]} vs {fake_x.shape[1]} values)"
        )
    real_real = _self_distances(real_x)
    fake_fake = _self_distances(fake_x)
    fake_real = torch.cdist(fake_x, real_x)  # [M, N]
    real_radii = _knn_radii(real_real, k)
    fake_radii = _knn_radii(fake_fake, k)
    return {
        "diversity": _ratio(_mean_off_diagonal(fake_fake), _mean_off_diagonal(real_real)),
        # a fake inside some real sample's ball / a real inside some fake sample's ball
        "precision": float((fake_real <= real_radii[None, :]).any(dim=1).float().mean()),
        "recall": float((fake_real <= fake_radii[:, None]).any(dim=0).float().mean()),
    }


def _ratio(fake_spread: float, real_spread: float) -> float:
    if real_spread == 0.0:
        raise QualityError("real samples are all identical: diversity has no yardstick")
    return fake_spread / real_spread
