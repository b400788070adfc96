"""Every sample grid of the run, for scrubbing back with the step slider.

The newest grids stay in memory; older ones are kept only as the PNG the run
directory already holds (loaded again when the slider reaches them), so a
long run at 64x64 does not fill the memory.  No Qt here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

Sample = Any  # uint8 grid [H, W, C] or {"real": [N, 2], "fake": [N, 2]}


class SampleHistory:
    def __init__(self, keep_in_memory: int = 64):
        self.keep_in_memory = keep_in_memory
        self._steps: list[int] = []
        self._samples: list[Sample | None] = []
        self._paths: list[Path | None] = []

    def __len__(self) -> int:
        return len(self._steps)

    @property
    def steps(self) -> list[int]:
        return list(self._steps)

    def clear(self) -> None:
        self._steps.clear()
        self._samples.clear()
        self._paths.clear()

    def add(self, step: int, sample: Sample | None = None, path: Path | None = None) -> int:
        """Record the grid of ``step`` (the array, its PNG, or both); return its index."""
        if sample is None and path is None:
            raise ValueError("a sample needs an array or a PNG path")
        if self._steps and step == self._steps[-1]:  # the same step again (a stop right after a grid)
            self._samples[-1] = sample if sample is not None else self._samples[-1]
            self._paths[-1] = path or self._paths[-1]
            return len(self._steps) - 1
        self._steps.append(int(step))
        self._samples.append(sample)
        self._paths.append(Path(path) if path is not None else None)
        self._forget_old()
        return len(self._steps) - 1

    def _forget_old(self) -> None:
        # Drop the array of the grid that just left the in-memory window, if its PNG exists.
        index = len(self._steps) - 1 - self.keep_in_memory
        if index >= 0 and self._samples[index] is not None:
            path = self._paths[index]
            if path is not None and path.exists():
                self._samples[index] = None

    def step(self, index: int) -> int:
        return self._steps[index]

    def get(self, index: int) -> Sample:
        """The grid at ``index``: the array in memory, else the PNG read as uint8 [H, W, C]."""
        sample = self._samples[index]
        if sample is not None:
            return sample
        return read_png(self._paths[index])

    def path(self, index: int) -> Path | None:
        return self._paths[index]


def read_png(path: Path | None) -> np.ndarray:
    from PIL import Image

    if path is None:
        raise FileNotFoundError("this sample grid was not saved to disk")
    with Image.open(path) as image:
        array = np.asarray(image.convert("L" if image.mode in ("L", "I", "1") else "RGB"))
    if array.ndim == 2:
        array = array[:, :, None]
    return np.ascontiguousarray(array)


def sample_to_image(sample: Sample) -> np.ndarray:
    """What Save as PNG writes: the grid itself, or the real/generated scatter as an image."""
    from ..training.grid import points_image

    if isinstance(sample, dict):
        return points_image(sample.get("real"), sample["fake"])
    return np.asarray(sample)


def save_png(sample: Sample, path: Path) -> Path:
    from PIL import Image

    image = sample_to_image(sample)
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    Image.fromarray(np.ascontiguousarray(image)).save(path, format="PNG")
    return Path(path)
