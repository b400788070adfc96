"""A run's options (how often to sample, checkpoint, measure), apart from the
driver so that the window can hold them before torch has loaded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass
class RunOptions:
    sample_every: int = 100        # steps between sample grids (PNG and display)
    checkpoint_every: int = 1000   # steps between checkpoints (and one at the end)
    checkpoint_seconds: float = 30.0  # a rolling one after the first step, then at least this often (0: never)
    quality_every: int = 500       # steps between quality metrics (0: never)
    quality_samples: int = 512     # generated samples per quality evaluation (2,500 for 2D data)
    flush_seconds: float = 0.1     # metrics reach files and listeners this often (>= 10 updates/s)
    keep_good_seconds: float = 1.0  # the last good state is kept in memory this often (for a divergence)
    # After putting the last good state back: "stop" (nobody may be watching), "pause" (the
    # window: until a fix or Resume) or "continue" (train on; stops after MAX_DIVERGENCES).
    on_divergence: str = "stop"
    max_steps: int | None = None   # stop once the step count reaches this

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None, **overrides: Any) -> RunOptions:
        """Options saved in a run's config.json (unknown or ill-typed entries ignored), then ``overrides``."""
        options = cls()
        for f in fields(cls):
            value = (data or {}).get(f.name)
            default = getattr(options, f.name)
            if f.name == "max_steps" or value is None or isinstance(value, bool):
                continue
            if isinstance(default, str) and isinstance(value, str):
                setattr(options, f.name, value)
            elif isinstance(default, (int, float)) and isinstance(value, (int, float)) and value >= 0:
                setattr(options, f.name, type(default)(value))
        for name, value in overrides.items():
            setattr(options, name, value)
        return options
