"""Layers whose behaviour a knob can switch between two steps, without a rebuild.

D's dropout rate and batch norm are live knobs, so D always contains these
layers and the engine flips them: the parameters and optimiser state stay
the same object, and a checkpoint has the same keys whatever the switches say.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


class SwitchableDropout(nn.Module):
    def __init__(self, p: float = 0.0):
        super().__init__()
        self.p = float(p)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # p == 0 skips the kernel entirely: dropout off costs nothing.
        if self.p <= 0.0 or not self.training:
            return x
        return F.dropout(x, self.p, training=True)

    def extra_repr(self) -> str:
        return f"p={self.p}"


class SwitchableBatchNorm(nn.Module):
    def __init__(self, num_features: int, spatial: bool, enabled: bool = True):
        super().__init__()
        self.norm = nn.BatchNorm2d(num_features) if spatial else nn.BatchNorm1d(num_features)
        self.enabled = bool(enabled)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.norm(x) if self.enabled else x

    def extra_repr(self) -> str:
        return f"enabled={self.enabled}"


class Discriminator(nn.Module):
    """Base for discriminators: the live switches for dropout and batch norm."""

    def set_dropout(self, p: float) -> None:
        for module in self.modules():
            if isinstance(module, SwitchableDropout):
                module.p = float(p)

    def set_batchnorm(self, enabled: bool) -> None:
        for module in self.modules():
            if isinstance(module, SwitchableBatchNorm):
                module.enabled = bool(enabled)

    def dropout_layers(self) -> list[SwitchableDropout]:
        return [m for m in self.modules() if isinstance(m, SwitchableDropout)]

    def batchnorm_layers(self) -> list[SwitchableBatchNorm]:
        return [m for m in self.modules() if isinstance(m, SwitchableBatchNorm)]
