"""The embedded handwritten digits (the default dataset).

The 1,797 8x8 digits of the UCI "Optical Recognition of Handwritten Digits"
set (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0), as scikit-learn ships them,
rescaled from 0..16 to 0..255.  See resources/data/README.md.
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

from ..paths import resource


def load_digits(image_size: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """Images uint8 [1797, 1, S, S] and labels uint8 [1797]."""
    with np.load(resource("data", "digits.npz"), allow_pickle=False) as archive:
        images = archive["images"]
        labels = archive["labels"]
    images = images[:, None, :, :]
    if image_size != images.shape[-1]:
        images = resize_uint8(images, image_size)
    return images, labels


def resize_uint8(images: np.ndarray, size: int) -> np.ndarray:
    """Resize uint8 [N, C, H, W] images with bilinear interpolation (antialiased when shrinking)."""
    tensor = torch.from_numpy(np.ascontiguousarray(images)).float()
    out = F.interpolate(tensor, size=(size, size), mode="bilinear", align_corners=False,
                        antialias=size < images.shape[-1])
    return out.round().clamp(0, 255).to(torch.uint8).numpy()
