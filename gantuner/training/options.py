"""A run's options (how often to sample, checkpoint, measure), apart from the
driver so that the window can hold them before torch has loaded."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class RunOptions:
    sample_every: int = 100        # steps between sample grids (PNG and display)
    checkpoint_every: int = 1000   # steps between checkpoints (and one at the end)
    quality_every: int = 500       # steps between quality metrics (0: never)
    quality_samples: int = 512     # generated samples per quality evaluation (2,500 for 2D data)
    flush_seconds: float = 0.1     # metrics reach files and listeners this often (>= 10 updates/s)
    max_steps: int | None = None   # stop once the step count reaches this

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
