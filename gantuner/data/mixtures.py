"""The built-in 2D datasets.

ring and grid follow the mode-coverage protocol of PacGAN and VEEGAN so that
gantuner's mode counts compare with the published tables: ring = 8 Gaussians
on the unit circle with std 0.01, grid = 25 Gaussians at {-4,-2,0,2,4}^2 with
std 0.05.
"""

from __future__ import annotations

import math

import numpy as np

from .dataset import MixtureSpec

RING_STD = 0.01
GRID_STD = 0.05


def ring_spec() -> MixtureSpec:
    angles = np.arange(8) * (2 * math.pi / 8)
    centers = np.stack([np.cos(angles), np.sin(angles)], axis=1).astype(np.float32)
    return MixtureSpec(centers=centers, std=RING_STD)


def grid_spec() -> MixtureSpec:
    values = np.array([-4.0, -2.0, 0.0, 2.0, 4.0], dtype=np.float32)
    xx, yy = np.meshgrid(values, values, indexing="ij")
    centers = np.stack([xx.ravel(), yy.ravel()], axis=1).astype(np.float32)
    return MixtureSpec(centers=centers, std=GRID_STD)


def spiral_points(count: int = 20000, turns: float = 2.0, seed: int = 1234) -> np.ndarray:
    """A two-armed spiral of radius up to 1 (fixed points, drawn once)."""
    rng = np.random.default_rng(seed)
    t = np.sqrt(rng.uniform(0.05, 1.0, size=count))
    arm = rng.integers(0, 2, size=count)
    angle = 2 * math.pi * turns * t + math.pi * arm
    points = np.stack([t * np.cos(angle), t * np.sin(angle)], axis=1)
    return points.astype(np.float32)
