"""The measuring protocol's fixed numbers and the built-in 2D mixtures' geometry.

Importable without torch (and without numpy until a mixture is asked for): the
CLI's help, the datasets and the diagnosis use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

PROTOCOL_SAMPLES = 2500  # generated samples per 2D evaluation, as in the papers
DEFAULT_K = 3            # neighbours for kNN precision/recall

RING_MODES = 8
RING_RADIUS = 1.0
RING_STD = 0.01
GRID_AXIS = (-4.0, -2.0, 0.0, 2.0, 4.0)
GRID_STD = 0.05


def ring_modes() -> tuple[np.ndarray, float]:
    """Centres [8, 2] (float32) of the ring mixture on the unit circle, and its std."""
    import numpy as np

    angles = 2.0 * np.pi * np.arange(RING_MODES) / RING_MODES
    centers = RING_RADIUS * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    return centers.astype(np.float32), float(RING_STD)


def grid_modes() -> tuple[np.ndarray, float]:
    """Centres [25, 2] (float32) of the grid mixture at {-4,-2,0,2,4}^2, and its std."""
    import numpy as np

    xs, ys = np.meshgrid(GRID_AXIS, GRID_AXIS, indexing="ij")
    centers = np.stack([xs.ravel(), ys.ravel()], axis=1)
    return centers.astype(np.float32), float(GRID_STD)


MIXTURES = {"ring": ring_modes, "grid": grid_modes}


def mixture_modes(name: str) -> tuple[np.ndarray, float] | None:
    """Centres and std of a built-in mixture, or None if ``name`` is not one."""
    maker = MIXTURES.get(name)
    return None if maker is None else maker()
