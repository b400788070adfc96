"""Mode coverage of the 2D mixtures (PacGAN / VEEGAN protocol)."""

import math

import numpy as np
import pytest
import torch

from gantuner.quality import QualityError, grid_modes, mode_coverage, ring_modes
from gantuner.quality.modes2d import PROTOCOL_SAMPLES, sample_mixture


def _mixture(modes, seed=0, n=PROTOCOL_SAMPLES):
    centers, std = modes
    return sample_mixture(centers, std, n, torch.Generator().manual_seed(seed))


def test_ring_modes_are_eight_points_on_the_unit_circle():
    centers, std = ring_modes()
    assert centers.shape == (8, 2) and centers.dtype == np.float32
    assert isinstance(std, float) and std == pytest.approx(0.01)
    np.testing.assert_allclose(np.linalg.norm(centers, axis=1), 1.0, atol=1e-6)
    # evenly spaced: neighbouring centres are 2 sin(pi/8) apart
    gaps = np.linalg.norm(centers - np.roll(centers, 1, axis=0), axis=1)
    np.testing.assert_allclose(gaps, 2 * math.sin(math.pi / 8), atol=1e-6)


def test_grid_modes_are_the_25_points_of_the_lattice():
    centers, std = grid_modes()
    assert centers.shape == (25, 2) and centers.dtype == np.float32
    assert std == pytest.approx(0.05)
    expected = {(x, y) for x in (-4, -2, 0, 2, 4) for y in (-4, -2, 0, 2, 4)}
    assert {tuple(int(v) for v in row) for row in centers} == expected


def test_true_ring_mixture_covers_all_modes_evenly():
    result = mode_coverage(_mixture(ring_modes()), *ring_modes())
    assert result["modes_covered"] == 8
    # a 2D Gaussian keeps 1 - exp(-4.5) = 98.9 % of its mass within 3 std
    assert result["high_quality"] == pytest.approx(0.989, abs=0.01)
    assert result["reverse_kl"] < 0.01
    assert sum(result["histogram"]) == round(result["high_quality"] * PROTOCOL_SAMPLES)


def test_true_grid_mixture_covers_all_25_modes():
    result = mode_coverage(_mixture(grid_modes(), seed=1).numpy(), *grid_modes())
    assert result["modes_covered"] == 25
    assert result["high_quality"] > 0.97
    assert result["reverse_kl"] < 0.02
    assert len(result["histogram"]) == 25


def test_generator_stuck_on_one_ring_mode_scores_one_mode():
    centers, std = ring_modes()
    stuck = torch.as_tensor(centers[3]) + 0.5 * std * torch.randn(
        PROTOCOL_SAMPLES, 2, generator=torch.Generator().manual_seed(2))
    result = mode_coverage(stuck, centers, std)
    assert result["modes_covered"] == 1
    assert result["histogram"][3] == sum(result["histogram"]) > 0
    assert result["reverse_kl"] == pytest.approx(math.log(8), rel=1e-6)


def test_half_the_modes_gives_log_two_reverse_kl():
    centers, std = ring_modes()
    half = sample_mixture(centers[::2], std, PROTOCOL_SAMPLES, torch.Generator().manual_seed(3))
    result = mode_coverage(half, centers, std)
    assert result["modes_covered"] == 4
    assert result["reverse_kl"] == pytest.approx(math.log(2), abs=0.01)


def test_samples_far_from_every_mode_are_not_high_quality():
    centers, std = ring_modes()
    far = torch.full((100, 2), 0.0) + 0.3 * torch.randn(100, 2, generator=torch.Generator().manual_seed(4))
    far = far.clamp(-0.5, 0.5)  # inside the ring, > 0.5 from every centre
    result = mode_coverage(far, centers, std)
    assert result == {"modes_covered": 0, "high_quality": 0.0, "reverse_kl": result["reverse_kl"],
                      "histogram": [0] * 8}
    assert math.isnan(result["reverse_kl"])  # no histogram to compare


def test_wrong_shape_is_refused_with_a_clear_message():
    with pytest.raises(QualityError, match=r"\[N, 2\]"):
        mode_coverage(torch.zeros(10, 3), *ring_modes())
    with pytest.raises(QualityError, match="NaN"):
        mode_coverage(torch.full((10, 2), float("nan")), *ring_modes())
