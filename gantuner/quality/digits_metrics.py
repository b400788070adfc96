"""Metrics that read generated digits through the shipped digits classifier.

Valid only for the embedded ``digits`` dataset: the classifier has seen no
other data (MNIST strokes, for instance, look different once shrunk to 8x8),
so on other images its classes and features would measure its own
confusion rather than the generator.
"""

from __future__ import annotations

from typing import Any

import torch

from gantuner.quality.classifier import CLASSES, DigitsNet, classify
from gantuner.quality.errors import QualityError
from gantuner.quality.frechet import frechet_distance

# A class counts as covered when at least COVERED_SHARE of the samples are
# classified into it with probability >= CONFIDENCE.  2 % is a fifth of a
# class's fair share (10 %), so a class the generator makes rarely but
# recognisably still counts, while the odd confident mistake does not.  On
# held-out real digits 97 % of predictions reach 0.8; 512 images of uniform
# noise cover two classes ("8" and "9"), all-black images one (measured).
CONFIDENCE = 0.8
COVERED_SHARE = 0.02


def class_histogram(probabilities: torch.Tensor) -> torch.Tensor:
    """Share of samples per predicted class (argmax), float64 [10] summing to 1."""
    counts = torch.bincount(probabilities.argmax(dim=1), minlength=CLASSES).double()
    return counts / counts.sum()


def classes_covered(probabilities: torch.Tensor, confidence: float = CONFIDENCE,
                    share: float = COVERED_SHARE) -> int:
    """Classes into which at least ``share`` of samples fall with probability >= ``confidence``."""
    top, predicted = probabilities.max(dim=1)
    confident = torch.bincount(predicted[top >= confidence], minlength=CLASSES)
    return int((confident >= share * probabilities.shape[0]).sum())


def total_variation(p: torch.Tensor, q: torch.Tensor) -> float:
    """Total variation distance between two histograms (0 = same, 1 = disjoint)."""
    return float((p - q).abs().sum() / 2)


def digits_quality(real: torch.Tensor, fake: torch.Tensor,
                   model: DigitsNet | None = None) -> dict[str, Any]:
    """Classifier metrics for model-space digit images [N, C, H, W]: ``classes``
    covered, ``class_tv`` (predicted class histograms, fake vs real), ``fid``
    (penultimate features) and ``fake_histogram`` (shares per class)."""
    if real.shape[0] < 2 or fake.shape[0] < 2:
        raise QualityError("the digits metrics need at least 2 real and 2 fake images")
    real_probabilities, real_features = classify(real, model)
    fake_probabilities, fake_features = classify(fake, model)
    metrics = {
        "classes": classes_covered(fake_probabilities),
        "class_tv": total_variation(class_histogram(fake_probabilities),
                                    class_histogram(real_probabilities)),
        "fid": frechet_distance(real_features, fake_features),
        "fake_histogram": class_histogram(fake_probabilities).tolist(),
    }
    return metrics
