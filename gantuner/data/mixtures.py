"""The built-in 2D datasets.

ring and grid follow the mode-coverage protocol of PacGAN and VEEGAN so that
gantuner's mode counts compare with the published tables: ring = 8 Gaussians
on the unit circle with std 0.01, grid = 25 Gaussians at {-4,-2,0,2,4}^2 with
std 0.05.  The canonical definition lives with the metric that scores them
(gantuner.quality.modes2d), so data and score can never disagree.
"""

from __future__ import annotations

import math

import numpy as np

from ..quality.protocol import grid_modes, ring_modes
from .dataset import MixtureSpec


def ring_spec() -> MixtureSpec:
    centers, std = ring_modes()
    return MixtureSpec(centers=centers, std=std)


def grid_spec() -> MixtureSpec:
    centers, std = grid_modes()
    return MixtureSpec(centers=centers, std=std)


def spiral_points(count: int = 20000, turns: float = 2.0, seed: int = 1234) -> np.ndarray:
    """A two-armed spiral of radius up to 1 (fixed points, drawn once)."""
    rng = np.random.default_rng(seed)
    t = np.sqrt(rng.uniform(0.05, 1.0, size=count))
    arm = rng.integers(0, 2, size=count)
    angle = 2 * math.pi * turns * t + math.pi * arm
    points = np.stack([t * np.cos(angle), t * np.sin(angle)], axis=1)
    return points.astype(np.float32)
