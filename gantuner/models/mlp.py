"""Fully connected G and D for 2D data (the GAN Lab setting)."""

from __future__ import annotations

import torch
from torch import nn

from .switchable import Discriminator, SwitchableBatchNorm, SwitchableDropout


class MLPGenerator(nn.Module):
    def __init__(self, latent_dim: int, width: int, depth: int, out_dim: int = 2,
                 batchnorm: bool = False):
        super().__init__()
        layers: list[nn.Module] = []
        size = latent_dim
        for _ in range(depth):
            layers.append(nn.Linear(size, width))
            if batchnorm:
                layers.append(nn.BatchNorm1d(width))
            layers.append(nn.ReLU())
            size = width
        layers.append(nn.Linear(size, out_dim))
        self.net = nn.Sequential(*layers)
        self.latent_dim = latent_dim

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.net(z)


class MLPDiscriminator(Discriminator):
    def __init__(self, width: int, depth: int, in_dim: int = 2, dropout: float = 0.0,
                 batchnorm: bool = False):
        super().__init__()
        layers: list[nn.Module] = []
        size = in_dim
        for _ in range(depth):
            layers += [nn.Linear(size, width), SwitchableBatchNorm(width, spatial=False, enabled=batchnorm),
                       nn.LeakyReLU(0.2), SwitchableDropout(dropout)]
            size = width
        layers.append(nn.Linear(size, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).view(-1)
