"""The adversarial losses, and how to read D's raw output as a verdict.

D always returns raw scores (logits for bce and hinge, values aimed at 1 and 0
for lsgan); these functions turn them into losses, probabilities and
real/fake verdicts so the rest of the engine does not care which loss is on.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F


def d_losses(kind: str, out_real: torch.Tensor, out_fake: torch.Tensor,
             label_smoothing: float) -> tuple[torch.Tensor, torch.Tensor]:
    """D's loss on the real batch and on the fake batch."""
    return d_losses_for_target(kind, out_real, out_fake, 1.0 - label_smoothing)  # one-sided


def d_losses_for_target(kind: str, out_real: torch.Tensor, out_fake: torch.Tensor,
                        real_target: float | torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """D's losses for a real-sample target given as a number or as a device
    tensor (the CUDA-graph fast path keeps it in one, so a change needs no
    recapture); fakes keep target 0."""
    if kind == "bce":
        target = (real_target.expand_as(out_real) if torch.is_tensor(real_target)
                  else torch.full_like(out_real, real_target))
        loss_real = F.binary_cross_entropy_with_logits(out_real, target)
        loss_fake = F.binary_cross_entropy_with_logits(out_fake, torch.zeros_like(out_fake))
    elif kind == "lsgan":
        loss_real = 0.5 * (out_real - real_target).pow(2).mean()
        loss_fake = 0.5 * out_fake.pow(2).mean()
    elif kind == "hinge":
        # Smoothing moves the real margin in: D stops pushing once a real scores 1 - s.
        loss_real = F.relu(real_target - out_real).mean()
        loss_fake = F.relu(1.0 + out_fake).mean()
    else:
        raise ValueError(f"unknown loss {kind!r}")
    return loss_real, loss_fake


def g_loss(kind: str, out_fake: torch.Tensor) -> torch.Tensor:
    """G's loss on D's scores for its samples (non-saturating for bce)."""
    if kind == "bce":
        return F.binary_cross_entropy_with_logits(out_fake, torch.ones_like(out_fake))
    if kind == "lsgan":
        return 0.5 * (out_fake - 1.0).pow(2).mean()
    if kind == "hinge":
        return -out_fake.mean()
    raise ValueError(f"unknown loss {kind!r}")


def as_probability(kind: str, out: torch.Tensor) -> torch.Tensor:
    """D's scores as 'probability of real', for D(x) and D(G(z))."""
    if kind == "lsgan":
        return out.clamp(0.0, 1.0)
    return torch.sigmoid(out)


def decision_threshold(kind: str) -> float:
    """Score above which D calls a sample real."""
    return 0.5 if kind == "lsgan" else 0.0
