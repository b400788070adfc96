"""Training data held on the training device, sampled without a DataLoader.

Small datasets fit on the device as one tensor, so a batch is one
``torch.randint`` and one gather: no worker processes, no host copies in the
hot path.  All randomness comes from torch's global generator for the device,
so a seed and a device give the same batches, and a checkpoint of the RNG
state resumes them exactly.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np
import torch

from ..text import Text


class Dataset(ABC):
    """What the engine needs from data: its shape and a way to draw batches."""

    kind: str  # "images" or "points"
    name: str
    device: torch.device
    # What the user must hear about how the data was loaded (images skipped in a
    # folder), one Text per note; empty when there is nothing to tell.
    load_notes: tuple[Text, ...] = ()

    @abstractmethod
    def sample(self, batch_size: int) -> torch.Tensor:
        """A batch in model space: images in [-1, 1] as [B, C, H, W], points as [B, 2]."""

    @property
    @abstractmethod
    def sample_shape(self) -> tuple[int, ...]:
        """The shape of one sample: (C, H, W) or (2,)."""


class ImageDataset(Dataset):
    kind = "images"

    def __init__(self, name: str, images: np.ndarray | torch.Tensor, device: torch.device,
                 labels: np.ndarray | None = None):
        images = torch.as_tensor(images)
        if images.dtype != torch.uint8 or images.ndim != 4:
            raise ValueError("images must be uint8 [N, C, H, W]")
        self.name = name
        self.device = torch.device(device)
        # One uint8 tensor on the device: a quarter of float32's memory.
        self.images = images.contiguous().to(self.device)
        self.labels = None if labels is None else np.asarray(labels)

    def __len__(self) -> int:
        return int(self.images.shape[0])

    @property
    def channels(self) -> int:
        return int(self.images.shape[1])

    @property
    def image_size(self) -> int:
        return int(self.images.shape[-1])

    @property
    def sample_shape(self) -> tuple[int, ...]:
        return tuple(self.images.shape[1:])

    def sample(self, batch_size: int) -> torch.Tensor:
        index = torch.randint(len(self), (batch_size,), device=self.device)
        return to_model_space(self.images[index])


def to_model_space(images_uint8: torch.Tensor) -> torch.Tensor:
    return images_uint8.float().mul_(1.0 / 127.5).sub_(1.0)


def to_uint8(images: torch.Tensor) -> torch.Tensor:
    """Model-space images in [-1, 1] back to uint8 pixels."""
    return images.detach().add(1.0).mul_(127.5).round_().clamp_(0, 255).to(torch.uint8)


@dataclass(frozen=True)
class MixtureSpec:
    centers: np.ndarray  # [M, 2] float32
    std: float


class MixtureDataset(Dataset):
    """A Gaussian mixture sampled fresh every batch: an endless 2D dataset."""

    kind = "points"

    def __init__(self, name: str, spec: MixtureSpec, device: torch.device):
        self.name = name
        self.spec = spec
        self.device = torch.device(device)
        self.centers = torch.as_tensor(spec.centers, dtype=torch.float32, device=self.device)

    @property
    def sample_shape(self) -> tuple[int, ...]:
        return (2,)

    def sample(self, batch_size: int) -> torch.Tensor:
        which = torch.randint(self.centers.shape[0], (batch_size,), device=self.device)
        noise = torch.randn(batch_size, 2, device=self.device)
        return self.centers[which] + self.spec.std * noise


class PointsDataset(Dataset):
    """A fixed set of 2D points (the spiral, or a user's own array)."""

    kind = "points"

    def __init__(self, name: str, points: np.ndarray | torch.Tensor, device: torch.device,
                 jitter: float = 0.0):
        self.name = name
        self.device = torch.device(device)
        self.points = torch.as_tensor(points, dtype=torch.float32).to(self.device)
        self.jitter = jitter
        self.spec = None

    def __len__(self) -> int:
        return int(self.points.shape[0])

    @property
    def sample_shape(self) -> tuple[int, ...]:
        return (2,)

    def sample(self, batch_size: int) -> torch.Tensor:
        index = torch.randint(len(self), (batch_size,), device=self.device)
        batch = self.points[index]
        if self.jitter:
            batch = batch + self.jitter * torch.randn_like(batch)
        return batch
