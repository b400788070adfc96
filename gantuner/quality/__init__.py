"""Sample-quality metrics (Qt-free): mode coverage of 2D mixtures, a small
digits classifier's classes and Fréchet distance, diversity and kNN
precision/recall.  The engine calls :func:`evaluate_quality`."""

from __future__ import annotations

import importlib
from typing import Any

# Loaded on first use, so that light parts (descriptions, the CLI's help) need no torch.
_HOMES = {"QUALITY_METRICS": "descriptions", "QualityMetric": "descriptions", "QualityError": "errors",
          "applicable_keys": "evaluate", "evaluate_quality": "evaluate", "grid_modes": "modes2d",
          "mode_coverage": "modes2d", "ring_modes": "modes2d"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f"gantuner.quality.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "QUALITY_METRICS",
    "QualityError",
    "QualityMetric",
    "applicable_keys",
    "evaluate_quality",
    "grid_modes",
    "mode_coverage",
    "ring_modes",
]
