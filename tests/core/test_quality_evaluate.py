"""The engine's entry point: which keys apply, and the numbers on clear-cut cases."""

import math
import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F

from gantuner.quality import QualityError, applicable_keys, evaluate_quality
from gantuner.quality.digits_data import load_digits, to_model_space
from gantuner.quality.modes2d import grid_modes, ring_modes, sample_mixture


def _mixture(modes, n, seed):
    return sample_mixture(*modes, n, torch.Generator().manual_seed(seed))


def _digits(n, seed, size=16):
    images, _ = load_digits()
    digits = to_model_space(images)
    picked = digits[torch.randperm(len(digits), generator=torch.Generator().manual_seed(seed))[:n]]
    return F.interpolate(picked, size=size, mode="bilinear", align_corners=False)


def test_keys_depend_on_the_dataset():
    spread = {"quality_diversity", "quality_precision", "quality_recall"}
    assert set(applicable_keys("points", "ring")) == spread | {
        "quality_modes", "quality_high_quality", "quality_reverse_kl"}
    assert set(applicable_keys("points", "spiral")) == spread
    assert set(applicable_keys("images", "digits")) == spread | {
        "quality_classes", "quality_class_tv", "quality_fid"}
    assert set(applicable_keys("images", "/data/mnist.npz")) == spread


def test_true_ring_mixture_scores_perfectly():
    result = evaluate_quality("points", "ring", _mixture(ring_modes(), 2500, 0),
                              _mixture(ring_modes(), 2500, 1))
    assert set(result) == set(applicable_keys("points", "ring"))
    assert all(isinstance(v, float) for v in result.values())
    assert result["quality_modes"] == 8.0
    assert result["quality_high_quality"] > 0.97
    assert result["quality_reverse_kl"] < 0.01
    assert result["quality_diversity"] == pytest.approx(1.0, abs=0.05)
    assert result["quality_precision"] > 0.9 and result["quality_recall"] > 0.9


def test_collapsed_grid_generator_is_caught():
    centers, std = grid_modes()
    collapsed = torch.as_tensor(centers[12]) + std * torch.randn(
        2500, 2, generator=torch.Generator().manual_seed(2))
    result = evaluate_quality("points", "grid", _mixture(grid_modes(), 2500, 3), collapsed)
    assert result["quality_modes"] == 1.0
    assert result["quality_reverse_kl"] == pytest.approx(math.log(25), rel=1e-6)
    assert result["quality_diversity"] < 0.05
    assert result["quality_recall"] < 0.1


def test_real_digits_score_well_and_collapsed_digits_badly():
    real = _digits(512, 4)
    good = evaluate_quality("images", "digits", real, _digits(512, 5), image_size=16)
    assert set(good) == set(applicable_keys("images", "digits"))
    assert good["quality_classes"] == 10.0
    assert good["quality_class_tv"] < 0.1
    assert good["quality_diversity"] == pytest.approx(1.0, abs=0.1)
    collapsed = evaluate_quality("images", "digits", real, _digits(1, 6).repeat(512, 1, 1, 1))
    assert collapsed["quality_classes"] == 1.0
    assert collapsed["quality_class_tv"] > 0.8
    assert collapsed["quality_fid"] > 10 * good["quality_fid"]
    assert collapsed["quality_diversity"] < 0.01
    assert collapsed["quality_recall"] < 0.1


def test_noise_is_not_taken_for_digits():
    real = _digits(512, 14)
    noise = torch.rand(512, 1, 16, 16, generator=torch.Generator().manual_seed(15)) * 2 - 1
    good = evaluate_quality("images", "digits", real, _digits(512, 16))
    bad = evaluate_quality("images", "digits", real, noise)
    assert bad["quality_classes"] <= 3
    assert bad["quality_fid"] > 20 * good["quality_fid"]
    assert bad["quality_precision"] < 0.1 and bad["quality_recall"] < 0.1


def test_other_images_get_pixel_metrics_only():
    generator = torch.Generator().manual_seed(7)
    real = torch.rand(64, 3, 32, 32, generator=generator) * 2 - 1
    result = evaluate_quality("images", "photos/", real, real.flip(0))
    assert set(result) == {"quality_diversity", "quality_precision", "quality_recall"}
    assert result["quality_precision"] == 1.0 and result["quality_recall"] == 1.0


def test_diverged_generator_gets_nan_everywhere():
    fake = _mixture(ring_modes(), 100, 8)
    fake[5, 0] = float("nan")
    result = evaluate_quality("points", "ring", _mixture(ring_modes(), 100, 9), fake)
    assert set(result) == set(applicable_keys("points", "ring"))
    assert all(math.isnan(v) for v in result.values())


def test_bad_calls_are_refused_with_clear_messages():
    points = _mixture(ring_modes(), 50, 10)
    with pytest.raises(QualityError, match="kind 'pixels'"):
        evaluate_quality("pixels", "ring", points, points)
    with pytest.raises(QualityError, match="image_size is 32"):
        evaluate_quality("images", "digits", _digits(8, 11), _digits(8, 12), image_size=32)
    with pytest.raises(QualityError, match=r"\[N, 2\]"):
        evaluate_quality("points", "ring", points, _digits(8, 13))
    with pytest.raises(QualityError, match="at least 4"):
        evaluate_quality("points", "ring", points, points[:2])


def test_core_quality_package_imports_no_qt():
    code = ("import sys, gantuner.quality, gantuner.quality_command, gantuner.quality.train_classifier;"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))];"
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_thread_setting_is_restored():
    before = torch.get_num_threads()
    points = _mixture(ring_modes(), 100, 17)
    evaluate_quality("points", "ring", points, points, threads=1)
    assert torch.get_num_threads() == before


def _fastest_ms(function, repeats=5):
    import time

    function()
    best = math.inf
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def test_cheap_enough_to_call_during_training():
    # Budgets are 50 ms (2,500 points) and 100 ms (512 digits); measured
    # 12-20 ms. The bounds here are 3x the budget so a busy machine passes
    # while an accidental blow-up (say, pairwise distances over all 2,500
    # points instead of 1,000) does not.
    real, fake = _mixture(grid_modes(), 2500, 18), _mixture(grid_modes(), 2500, 19)
    assert _fastest_ms(lambda: evaluate_quality("points", "grid", real, fake)) < 150
    real, fake = _digits(512, 20), _digits(512, 21)
    assert _fastest_ms(lambda: evaluate_quality("images", "digits", real, fake)) < 300
