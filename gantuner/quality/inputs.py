"""Turning whatever the caller holds (numpy arrays, torch tensors on any
device) into the small CPU float tensors the metrics work on, with checks
that fail with a clear message instead of a shape error deep in torch."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from gantuner.quality.errors import QualityError


def as_tensor(samples: Any, name: str = "samples") -> torch.Tensor:
    """A detached float32 CPU tensor holding ``samples`` (numpy or torch)."""
    if isinstance(samples, torch.Tensor):
        tensor = samples.detach()
    else:
        try:
            tensor = torch.as_tensor(np.asarray(samples))
        except (TypeError, ValueError) as error:
            raise QualityError(f"{name}: expected a numeric array or tensor ({error})") from None
    if not (tensor.is_floating_point() or tensor.dtype in (torch.uint8, torch.int8, torch.int16,
                                                           torch.int32, torch.int64)):
        raise QualityError(f"{name}: expected numbers, got dtype {tensor.dtype}")
    return tensor.to(device="cpu", dtype=torch.float32)


def as_points(samples: Any, name: str = "samples", minimum: int = 1) -> torch.Tensor:
    """Samples of a 2D dataset as a float tensor [N, 2]."""
    points = as_tensor(samples, name)
    if points.ndim != 2 or points.shape[1] != 2:
        raise QualityError(
            f"{name}: 2D points must have shape [N, 2], got {list(points.shape)}"
        )
    _check_count(points, name, minimum)
    return points


def as_images(samples: Any, name: str = "samples", minimum: int = 1) -> torch.Tensor:
    """Images as a float tensor [N, C, H, W] (a [N, H, W] batch gets C = 1)."""
    images = as_tensor(samples, name)
    if images.ndim == 3:
        images = images.unsqueeze(1)
    if images.ndim != 4:
        raise QualityError(
            f"{name}: images must have shape [N, C, H, W], got {list(images.shape)}"
        )
    _check_count(images, name, minimum)
    return images


def as_vectors(samples: Any, name: str = "samples", minimum: int = 1) -> torch.Tensor:
    """Any batch flattened to [N, D] (points stay as they are, images become pixel rows)."""
    tensor = as_tensor(samples, name)
    if tensor.ndim == 1:
        tensor = tensor.unsqueeze(1)
    if tensor.ndim < 2:
        raise QualityError(f"{name}: expected a batch [N, ...], got a scalar")
    _check_count(tensor, name, minimum)
    return tensor.reshape(tensor.shape[0], -1)


def downsample(images: torch.Tensor, size: int) -> torch.Tensor:
    """Area-average images down to at most ``size`` x ``size`` (never up).

    Area interpolation averages whole pixels, so a 16x16 image that was made
    by enlarging an 8x8 digit comes back to (nearly) the same 8x8 digit.
    """
    height, width = images.shape[-2:]
    if height <= size and width <= size:
        return images
    return F.adaptive_avg_pool2d(images, (min(size, height), min(size, width)))


def _check_count(tensor: torch.Tensor, name: str, minimum: int) -> None:
    if tensor.shape[0] < minimum:
        raise QualityError(
            f"{name}: needs at least {minimum} samples, got {tensor.shape[0]}"
        )
    if not torch.isfinite(tensor).all():
        bad = int((~torch.isfinite(tensor)).reshape(tensor.shape[0], -1).any(dim=1).sum())
        raise QualityError(
            f"{name}: {bad} of {tensor.shape[0]} samples contain NaN or infinity "
            "(the generator has diverged; lower the learning rates or restart)"
        )
