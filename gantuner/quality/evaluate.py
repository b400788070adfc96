"""The one entry point the engine calls: every quality number for a dataset.

    evaluate_quality("points", "ring", real, fake) -> {"quality_modes": 8.0, ...}

Which numbers apply:

* every dataset: quality_diversity, quality_precision, quality_recall
  (2D points as they are; images on pixels area-downsampled to at most
  16x16; digits on grey 8x8 pixels, their own resolution);
* ring, grid: quality_modes, quality_high_quality, quality_reverse_kl;
* digits only: quality_classes, quality_class_tv, quality_fid.

The mode metrics score all the fake samples given (the protocol asks for
2,500); the pairwise metrics use at most 1,000 of each set.  A generator
that produced NaN or infinity gets NaN for every number (it has diverged:
the numbers are undefined, and the curves show a gap rather than a lie).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from typing import Any

import torch

from gantuner.quality.classifier import prepare
from gantuner.quality.digits_metrics import digits_quality
from gantuner.quality.diversity import DEFAULT_K, spread_metrics
from gantuner.quality.errors import QualityError
from gantuner.quality.inputs import as_images, as_points, as_tensor, downsample
from gantuner.quality.modes2d import mixture_modes, mode_coverage

KINDS = ("points", "images")
PIXEL_SIZE = 16  # images are compared on at most 16x16 pixels: cheap, and enough to see collapse
MODE_KEYS = ("quality_modes", "quality_high_quality", "quality_reverse_kl")
DIGITS_KEYS = ("quality_classes", "quality_class_tv", "quality_fid")
SPREAD_KEYS = ("quality_diversity", "quality_precision", "quality_recall")


def applicable_keys(kind: str, dataset_name: str) -> tuple[str, ...]:
    """The quality_* keys evaluate_quality returns for this kind of data and dataset."""
    _check_kind(kind)
    if kind == "points":
        modes = MODE_KEYS if mixture_modes(dataset_name) is not None else ()
        return modes + SPREAD_KEYS
    digits = DIGITS_KEYS if dataset_name == "digits" else ()
    return digits + SPREAD_KEYS


def evaluate_quality(kind: str, dataset_name: str, real: Any, fake: Any,
                     image_size: int | None = None, *, threads: int | None = 1
                     ) -> dict[str, float]:
    """Quality metrics of ``fake`` against ``real`` samples, both in model space.

    ``kind`` is "points" ([N, 2] tensors) or "images" ([N, C, H, W] in
    [-1, 1]); ``image_size``, when given, is checked against the images.
    Samples on a GPU are copied to the CPU.  Raises QualityError for samples
    of the wrong shape or too few of them (4 of each at least: precision and
    recall need k + 1).

    ``threads``: torch CPU threads while computing (restored afterwards;
    None leaves the setting alone).  The tensors are small, so one thread is
    fastest: with two, one evaluation took 19-77 ms at best and a median of
    50-570 ms on a busy 2-core machine (load average ~3), against 12-22 ms
    with one (measured with benchmarks/quality_speed.py).
    """
    with _torch_threads(threads):
        return _evaluate(kind, dataset_name, real, fake, image_size)


@contextlib.contextmanager
def _torch_threads(threads: int | None) -> Iterator[None]:
    if threads is None or threads == torch.get_num_threads():
        yield
        return
    previous = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


def _evaluate(kind: str, dataset_name: str, real: Any, fake: Any,
              image_size: int | None) -> dict[str, float]:
    keys = applicable_keys(kind, dataset_name)
    fake_tensor = as_tensor(fake, "fake samples")
    if not bool(torch.isfinite(fake_tensor).all()):
        return {key: math.nan for key in keys}
    minimum = DEFAULT_K + 1
    if kind == "points":
        metrics = _points(dataset_name, as_points(real, "real samples", minimum),
                          as_points(fake_tensor, "fake samples", minimum))
    else:
        real_images = as_images(real, "real samples", minimum)
        fake_images = as_images(fake_tensor, "fake samples", minimum)
        _check_images(real_images, fake_images, image_size)
        metrics = _images(dataset_name, real_images, fake_images)
    return {key: float(metrics[key]) for key in keys}


def _points(dataset_name: str, real: torch.Tensor, fake: torch.Tensor) -> dict[str, float]:
    metrics: dict[str, float] = {}
    modes = mixture_modes(dataset_name)
    if modes is not None:
        coverage = mode_coverage(fake, *modes)
        metrics["quality_modes"] = coverage["modes_covered"]
        metrics["quality_high_quality"] = coverage["high_quality"]
        metrics["quality_reverse_kl"] = coverage["reverse_kl"]
    metrics.update(_spread(real, fake))
    return metrics


def _images(dataset_name: str, real: torch.Tensor, fake: torch.Tensor) -> dict[str, float]:
    metrics: dict[str, float] = {}
    if dataset_name == "digits":
        found = digits_quality(real, fake)
        metrics["quality_classes"] = found["classes"]
        metrics["quality_class_tv"] = found["class_tv"]
        metrics["quality_fid"] = found["fid"]
        # Grey 8x8 pixels as the classifier sees them, not its features: the
        # small classifier maps pure noise next to real "8"s (kNN precision
        # 0.79 in its features, 0.0 on pixels; measured).
        real_pixels, fake_pixels = prepare(real), prepare(fake)
    else:
        real_pixels, fake_pixels = downsample(real, PIXEL_SIZE), downsample(fake, PIXEL_SIZE)
    metrics.update(_spread(real_pixels.flatten(1), fake_pixels.flatten(1)))
    return metrics


def _spread(real: torch.Tensor, fake: torch.Tensor) -> dict[str, float]:
    found = spread_metrics(real, fake)
    return {
        "quality_diversity": found["diversity"],
        "quality_precision": found["precision"],
        "quality_recall": found["recall"],
    }


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise QualityError(f"kind {kind!r} is unknown: use one of {', '.join(KINDS)}")


def _check_images(real: torch.Tensor, fake: torch.Tensor, image_size: int | None) -> None:
    if real.shape[1:] != fake.shape[1:]:
        raise QualityError(
            f"real images {list(real.shape[1:])} and fake images {list(fake.shape[1:])} "
            "differ in shape [C, H, W]"
        )
    if image_size is not None and tuple(fake.shape[-2:]) != (image_size, image_size):
        raise QualityError(
            f"images are {fake.shape[-2]}x{fake.shape[-1]} px but image_size is {image_size}"
        )
