"""Sample grids as images: uint8 arrays that Pillow and Qt can show as they are."""

from __future__ import annotations

import math

import numpy as np


def image_grid(images: np.ndarray, columns: int = 8, padding: int = 1, fill: int = 0) -> np.ndarray:
    """Tile uint8 images [N, C, H, W] into one C-contiguous [rows*H, columns*W, C] image."""
    count, channels, height, width = images.shape
    rows = max(1, math.ceil(count / columns))
    out = np.full((rows * (height + padding) + padding, columns * (width + padding) + padding, channels),
                  fill, dtype=np.uint8)
    for i in range(count):
        r, c = divmod(i, columns)
        top = padding + r * (height + padding)
        left = padding + c * (width + padding)
        out[top:top + height, left:left + width, :] = images[i].transpose(1, 2, 0)
    return np.ascontiguousarray(out)


def points_image(real: np.ndarray | None, fake: np.ndarray, size: int = 256) -> np.ndarray:
    """A scatter plot of real (blue) and generated (orange) 2D points as an RGB uint8 image."""
    image = np.full((size, size, 3), 255, dtype=np.uint8)
    clouds = [p for p in (real, fake) if p is not None and len(p)]
    finite = np.concatenate([p[np.isfinite(p).all(axis=1)] for p in clouds]) if clouds else np.zeros((0, 2))
    extent = float(np.abs(finite).max()) * 1.1 if finite.size else 1.0
    extent = extent if np.isfinite(extent) and extent > 0 else 1.0

    def draw(points: np.ndarray, colour: tuple[int, int, int]) -> None:
        ok = np.isfinite(points).all(axis=1)
        xy = ((points[ok] / extent + 1.0) * 0.5 * (size - 1)).round().astype(int)
        xy = xy[((xy >= 0) & (xy < size)).all(axis=1)]
        for dx in (0, 1):
            for dy in (0, 1):
                x = np.clip(xy[:, 0] + dx, 0, size - 1)
                y = np.clip(size - 1 - xy[:, 1] + dy, 0, size - 1)
                image[y, x] = colour

    if real is not None:
        draw(real, (70, 130, 220))
    draw(fake, (240, 120, 20))
    return image
