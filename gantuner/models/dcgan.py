"""DCGAN-style G and D (Radford et al.; pytorch/examples dcgan) for square images.

Sizes 8, 16, 32 and 64 grow from 4x4, size 28 from 7x7, doubling with stride-2
transposed convolutions.  With size 64, width 64 and latent 100 this is
pytorch/examples' netG and netD (D's convolutions also carry biases, since
its batch norm can be switched off), so its figures compare with ours.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from .switchable import Discriminator, SwitchableBatchNorm, SwitchableDropout

SUPPORTED_SIZES = (8, 16, 28, 32, 64)


def _plan(image_size: int) -> tuple[int, int]:
    """(base resolution, number of doublings) for an image size."""
    if image_size not in SUPPORTED_SIZES:
        raise ValueError(f"image_size {image_size} is not one of {SUPPORTED_SIZES}")
    base = 7 if image_size == 28 else 4
    return base, int(round(math.log2(image_size // base)))


def init_dcgan_weights(module: nn.Module) -> None:
    """The DCGAN paper's initialisation: N(0, 0.02) convolutions, N(1, 0.02) norms."""
    if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d)):
        nn.init.normal_(module.weight, 0.0, 0.02)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, (nn.BatchNorm2d, nn.BatchNorm1d)):
        nn.init.normal_(module.weight, 1.0, 0.02)
        nn.init.zeros_(module.bias)


class DCGANGenerator(nn.Module):
    def __init__(self, latent_dim: int, width: int, image_size: int, channels: int,
                 depth: int = 0, batchnorm: bool = True):
        super().__init__()
        base, doublings = _plan(image_size)
        self.latent_dim = latent_dim

        def norm(c: int) -> nn.Module:
            return nn.BatchNorm2d(c) if batchnorm else nn.Identity()

        # A layer followed by batch norm needs no bias (the norm has one);
        # without batch norm it does.
        bias = not batchnorm

        def refine(c: int) -> list[nn.Module]:
            return [m for _ in range(depth)
                    for m in (nn.Conv2d(c, c, 3, 1, 1, bias=bias), norm(c), nn.ReLU(True))]

        c = width * 2 ** (doublings - 1)
        layers: list[nn.Module] = [nn.ConvTranspose2d(latent_dim, c, base, 1, 0, bias=bias),
                                   norm(c), nn.ReLU(True), *refine(c)]
        for _ in range(doublings - 1):
            layers += [nn.ConvTranspose2d(c, c // 2, 4, 2, 1, bias=bias), norm(c // 2),
                       nn.ReLU(True), *refine(c // 2)]
            c //= 2
        layers += [nn.ConvTranspose2d(c, channels, 4, 2, 1, bias=False), nn.Tanh()]
        self.net = nn.Sequential(*layers)
        self.apply(init_dcgan_weights)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.net(z.view(z.shape[0], -1, 1, 1))


class DCGANDiscriminator(Discriminator):
    def __init__(self, width: int, image_size: int, channels: int, depth: int = 0,
                 dropout: float = 0.0, batchnorm: bool = False):
        super().__init__()
        base, doublings = _plan(image_size)

        def act_drop() -> list[nn.Module]:
            return [nn.LeakyReLU(0.2, inplace=True), SwitchableDropout(dropout)]

        # D's batch norm is switched live, so every convolution keeps a bias:
        # with the norm off, a bias-free D maps a flat grey image to exactly 0
        # whatever its weights, and could never learn to reject one.
        def refine(c: int) -> list[nn.Module]:
            return [m for _ in range(depth)
                    for m in (nn.Conv2d(c, c, 3, 1, 1),
                              SwitchableBatchNorm(c, spatial=True, enabled=batchnorm), *act_drop())]

        # As in DCGAN, the first layer has no batch norm.
        c = width
        layers: list[nn.Module] = [nn.Conv2d(channels, c, 4, 2, 1), *act_drop(), *refine(c)]
        for _ in range(doublings - 1):
            layers += [nn.Conv2d(c, c * 2, 4, 2, 1),
                       SwitchableBatchNorm(c * 2, spatial=True, enabled=batchnorm), *act_drop(),
                       *refine(c * 2)]
            c *= 2
        layers.append(nn.Conv2d(c, 1, base, 1, 0))
        self.net = nn.Sequential(*layers)
        self.apply(init_dcgan_weights)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).view(-1)
