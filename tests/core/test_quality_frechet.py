"""Fréchet distance: closed forms, the digits features, and degenerate inputs."""

import math

import numpy as np
import pytest
import torch

from gantuner.quality import QualityError
from gantuner.quality.classifier import classify
from gantuner.quality.digits_data import load_digits, to_model_space
from gantuner.quality.frechet import frechet_distance, frechet_distance_from_statistics


def test_matches_the_closed_form_for_isotropic_gaussians():
    generator = torch.Generator().manual_seed(0)
    a = torch.randn(100_000, 4, generator=generator)
    b = torch.randn(100_000, 4, generator=generator) * 2 + 1
    # |mu_a - mu_b|^2 + D (sigma_a - sigma_b)^2 = 4 + 4
    assert frechet_distance(a, b) == pytest.approx(8.0, rel=0.02)


def test_matrix_square_root_trace_matches_eigenvalues_of_the_product():
    generator = torch.Generator().manual_seed(1)
    a = torch.randn(6, 6, generator=generator, dtype=torch.float64)
    b = torch.randn(6, 6, generator=generator, dtype=torch.float64)
    cov_a, cov_b = a @ a.T, b @ b.T
    zero = torch.zeros(6, dtype=torch.float64)
    eigenvalues = np.linalg.eigvals(cov_a.numpy() @ cov_b.numpy())
    expected = float(cov_a.trace() + cov_b.trace()) - 2 * np.sqrt(eigenvalues).real.sum()
    assert frechet_distance_from_statistics(zero, cov_a, zero, cov_b) == pytest.approx(expected, rel=1e-9)


def test_real_digit_halves_are_far_closer_than_real_and_noise():
    images, _ = load_digits()
    digits = to_model_space(images)
    order = torch.randperm(len(digits), generator=torch.Generator().manual_seed(2))
    first, second = digits[order[:512]], digits[order[512:1024]]
    noise = torch.rand(512, 1, 8, 8, generator=torch.Generator().manual_seed(3)) * 2 - 1
    _, first_features = classify(first)
    _, second_features = classify(second)
    _, noise_features = classify(noise)
    real_vs_real = frechet_distance(first_features, second_features)
    real_vs_noise = frechet_distance(first_features, noise_features)
    assert real_vs_real < real_vs_noise / 20


def test_identical_sets_are_at_distance_zero():
    x = torch.randn(50, 8, generator=torch.Generator().manual_seed(4))
    assert frechet_distance(x, x.clone()) == pytest.approx(0.0, abs=1e-6)


def test_tiny_samples_and_singular_covariances_stay_finite():
    generator = torch.Generator().manual_seed(5)
    few = frechet_distance(torch.randn(2, 64, generator=generator), torch.randn(3, 64, generator=generator))
    assert math.isfinite(few) and few >= 0
    constant = frechet_distance(np.ones((10, 5)), np.zeros((10, 5)))  # zero covariances
    assert constant == pytest.approx(5.0)


def test_bad_inputs_are_refused_clearly():
    with pytest.raises(QualityError, match="at least 2"):
        frechet_distance(torch.zeros(1, 3), torch.zeros(5, 3))
    with pytest.raises(QualityError, match="differ in size"):
        frechet_distance(torch.randn(5, 3), torch.randn(5, 4))
