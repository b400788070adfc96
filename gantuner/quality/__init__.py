"""Sample-quality metrics (Qt-free): mode coverage of 2D mixtures, a small
digits classifier's classes and Fréchet distance, diversity and kNN
precision/recall.  The engine calls :func:`evaluate_quality`."""

from gantuner.quality.descriptions import QUALITY_METRICS, QualityMetric
from gantuner.quality.errors import QualityError
from gantuner.quality.evaluate import applicable_keys, evaluate_quality
from gantuner.quality.modes2d import grid_modes, mode_coverage, ring_modes

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
