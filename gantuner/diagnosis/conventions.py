"""Which loss a log's numbers are, and what each rule may read from it.

The same D loss of 0.1 is "D nearly perfect" for the mean of two bce terms,
"D comfortable" for their sum (pytorch/examples' ``Loss_D``, Chainer's
``loss_dis``, Torch's ``Err_D``), and means nothing at all for a Wasserstein
critic.  So every threshold on a loss level is applied on the loss's own
scale (:func:`thresholds_for`), and a rule that cannot be judged on a loss
is not run on it (``d_zero_means_won``, ``g_level``).

Where the convention comes from, strongest first: what the user said
(``gantuner diagnose --loss``, File > Open log), the ``loss`` knob of a
gantuner run, what the log reader knew of the program that wrote the log
(a ``loss_convention`` event), the format, and last a guess from the values
(a D loss below 0 is a critic's).  A guess is marked ``confirmed=False`` and
the hints say what would change the reading.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from gantuner.metrics import MetricTable

from .thresholds import Thresholds

LN2 = math.log(2.0)
LOSS_CHOICES = ("bce", "bce_sum", "lsgan", "hinge", "relhinge", "wgan")


@dataclass(frozen=True)
class LossConvention:
    name: str
    # D's loss when it cannot tell real from fake (its outputs 0.5 / 0): None when it has no such level.
    d_equilibrium: float | None
    # D's loss at or below this: D separates real from fake nearly perfectly.
    d_near_zero: float | None
    # A D loss near 0 is a D that has won (bce, lsgan); with a hinge it is a margin met.
    d_zero_means_won: bool
    # G's loss has a level a threshold can read (not for a critic or a hinge G loss).
    g_level: bool
    g_large: float | None = None      # D rejects the fakes with confidence
    g_far: float | None = None        # D rejects every fake outright (bce: D(G(z)) < 0.7 %)
    confirmed: bool = True


CONVENTIONS: dict[str, LossConvention] = {
    # Keras-GAN, PyTorch-GAN, gantuner: the mean of the real and the fake term.
    "bce": LossConvention("bce", LN2, 0.05, True, True, g_large=1.5, g_far=5.0),
    # pytorch/examples, DCGAN-tensorflow, Chainer, Torch dcgan: the sum of the two terms.
    "bce_sum": LossConvention("bce_sum", 2 * LN2, 0.10, True, True, g_large=1.5, g_far=5.0),
    # Least squares: (D - 1)^2 and D^2, halved or not by the program, so the
    # levels are only read where they cannot be mistaken.
    "lsgan": LossConvention("lsgan", None, 0.01, True, True, g_large=0.4),
    "hinge": LossConvention("hinge", None, None, False, False),
    "relhinge": LossConvention("relhinge", None, None, False, False),
    "wgan": LossConvention("wgan", None, None, False, False),
}
# What a format's program computes (see gantuner/logs/console.py for the formats).
FORMAT_LOSS = {
    "keras-gan": "bce", "keras-gan-acgan": "bce", "keras-gan-wgan": "wgan",
    "pytorch-gan": "bce", "pytorch-gan-acgan": "bce", "brownlee": "bce",
    "pytorch-examples-dcgan": "bce_sum",
}
GANTUNER_LOSS = {"bce": "bce", "lsgan": "lsgan", "hinge": "hinge"}


def resolve(table: MetricTable, knobs: Mapping[str, Any] | None, loss: str | None,
            d_loss: Any = None) -> LossConvention:
    """The convention of ``table``'s losses (see the module docstring for the order)."""
    if loss:
        return CONVENTIONS[loss]
    if knobs and knobs.get("loss") in GANTUNER_LOSS:
        return CONVENTIONS[GANTUNER_LOSS[knobs["loss"]]]
    if table.format == "gantuner":
        return CONVENTIONS["bce"]
    for event in table.events:
        if event.get("type") == "loss_convention" and event.get("loss") in CONVENTIONS:
            known = CONVENTIONS[event["loss"]]
            return known if event.get("confirmed", True) else dataclasses.replace(known, confirmed=False)
    negative = d_loss is not None and bool((d_loss[np.isfinite(d_loss)] < 0).any())
    if negative:
        return CONVENTIONS["wgan"]  # a critic's loss: the only one that goes below 0
    name = FORMAT_LOSS.get(table.format)
    if name is not None:
        return CONVENTIONS[name]
    return dataclasses.replace(CONVENTIONS["bce"], confirmed=False)


def thresholds_for(convention: LossConvention, base: Thresholds) -> Thresholds:
    """``base`` with every loss-level threshold on this convention's scale."""
    changes: dict[str, float] = {}
    if convention.d_near_zero is not None:
        changes.update(pinned_d_loss=convention.d_near_zero, failure_d_loss=convention.d_near_zero)
    if convention.g_large is not None:
        changes["g_loss_large"] = convention.g_large
    if convention.name == "bce_sum":
        changes["slow_loss_band"] = 2 * base.slow_loss_band
    if convention.name == "lsgan":
        changes.update(failure_g_loss_min=convention.g_large or base.failure_g_loss_min,
                       g_loss_near_zero=0.01)
    return dataclasses.replace(base, **changes) if changes else base

