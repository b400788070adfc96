"""The embedded 8x8 digits and the fixed split the classifier is trained and judged on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from gantuner.paths import resource
from gantuner.quality.errors import QualityError

SPLIT_SEED = 20240601  # fixed: the held-out digits must be the same for training and tests
HELDOUT_SHARE = 0.2


def digits_path() -> Path:
    return resource("data", "digits.npz")


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """Images uint8 [1797, 8, 8] (0..255) and labels uint8 [1797]."""
    path = digits_path()
    if not path.is_file():
        raise QualityError(f"embedded digits not found at {path}: reinstall gantuner")
    with np.load(path) as data:
        return data["images"], data["labels"]


def split_indices(count: int, seed: int = SPLIT_SEED,
                  heldout_share: float = HELDOUT_SHARE) -> tuple[np.ndarray, np.ndarray]:
    """(train, held-out) index arrays: a seeded shuffle, the last share held out."""
    order = np.random.default_rng(seed).permutation(count)
    heldout = int(round(count * heldout_share))
    return np.sort(order[: count - heldout]), np.sort(order[count - heldout:])


def to_model_space(images_uint8: np.ndarray) -> torch.Tensor:
    """uint8 images [N, 8, 8] (0..255) as float [N, 1, 8, 8] in [-1, 1], as the engine feeds them."""
    images = torch.as_tensor(np.asarray(images_uint8), dtype=torch.float32)
    return (images / 127.5 - 1.0).unsqueeze(1)


def heldout_digits() -> tuple[torch.Tensor, torch.Tensor]:
    """The held-out digits in model space [N, 1, 8, 8] and their labels (int64)."""
    images, labels = load_digits()
    _, heldout = split_indices(len(labels))
    return to_model_space(images[heldout]), torch.as_tensor(labels[heldout], dtype=torch.int64)
