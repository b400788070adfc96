"""Sample diversity and kNN precision/recall on simple, checkable cases."""

import pytest
import torch

from gantuner.quality import QualityError
from gantuner.quality.diversity import (
    diversity,
    knn_radii,
    mean_pairwise_distance,
    precision_recall,
    spread_metrics,
)
from gantuner.quality.modes2d import ring_modes, sample_mixture


def _ring(n, seed):
    centers, std = ring_modes()
    return sample_mixture(centers, std, n, torch.Generator().manual_seed(seed))


def test_mean_pairwise_distance_of_known_points():
    square = torch.tensor([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    # four sides of 1 and two diagonals of sqrt 2 over six pairs
    assert mean_pairwise_distance(square) == pytest.approx((4 + 2 * 2 ** 0.5) / 6, rel=1e-5)


def test_real_against_fresh_real_is_about_one():
    assert diversity(_ring(2000, 0), _ring(2000, 1)) == pytest.approx(1.0, abs=0.05)


def test_collapsed_samples_have_near_zero_diversity():
    collapsed = _ring(1, 2).repeat(500, 1)
    assert diversity(_ring(500, 3), collapsed) < 0.01


def test_diversity_needs_varied_real_samples():
    with pytest.raises(QualityError, match="identical"):
        diversity(torch.zeros(10, 2), torch.randn(10, 2))


def test_knn_radii_exclude_the_sample_itself():
    line = torch.tensor([[0.0], [1.0], [3.0], [6.0]])
    assert knn_radii(line, k=1).tolist() == pytest.approx([1.0, 1.0, 2.0, 3.0])
    assert knn_radii(line, k=2).tolist() == pytest.approx([3.0, 2.0, 3.0, 5.0])


def test_same_distribution_gives_high_precision_and_recall():
    precision, recall = precision_recall(_ring(1000, 4), _ring(1000, 5))
    assert precision > 0.9 and recall > 0.9


def test_identical_sets_give_perfect_precision_and_recall():
    x = _ring(300, 6)
    assert precision_recall(x, x.clone()) == (1.0, 1.0)


def test_half_the_modes_keeps_precision_but_halves_recall():
    centers, std = ring_modes()
    half = sample_mixture(centers[:4], std, 1000, torch.Generator().manual_seed(7))
    precision, recall = precision_recall(_ring(1000, 8), half)
    assert precision > 0.9
    assert recall == pytest.approx(0.5, abs=0.08)


def test_samples_far_from_the_data_have_zero_precision_and_recall():
    far = _ring(500, 9) + 10.0
    assert precision_recall(_ring(500, 10), far) == (0.0, 0.0)


def test_spread_metrics_agree_with_the_separate_functions():
    real, fake = _ring(400, 11), _ring(400, 12) * 0.9
    together = spread_metrics(real, fake)
    assert together["diversity"] == pytest.approx(diversity(real, fake), rel=1e-5)
    assert (together["precision"], together["recall"]) == precision_recall(real, fake)


def test_large_sets_are_subsampled_deterministically():
    real, fake = _ring(3000, 13), _ring(3000, 14)
    assert precision_recall(real, fake, max_samples=500) == precision_recall(real, fake, max_samples=500)


def test_too_few_samples_or_mismatched_sizes_are_refused():
    with pytest.raises(QualityError, match="at least 4"):
        precision_recall(torch.randn(3, 2), torch.randn(10, 2))
    with pytest.raises(QualityError, match="differ in size"):
        precision_recall(torch.randn(10, 2), torch.randn(10, 3))
    with pytest.raises(QualityError, match="k = 0"):
        precision_recall(torch.randn(10, 2), torch.randn(10, 2), k=0)
