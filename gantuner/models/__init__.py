"""Generator and discriminator builders chosen by the setup knobs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from torch import nn

from .dcgan import SUPPORTED_SIZES, DCGANDiscriminator, DCGANGenerator
from .mlp import MLPDiscriminator, MLPGenerator
from .switchable import Discriminator, SwitchableBatchNorm, SwitchableDropout

__all__ = [
    "build_models", "Discriminator", "SwitchableBatchNorm", "SwitchableDropout",
    "MLPGenerator", "MLPDiscriminator", "DCGANGenerator", "DCGANDiscriminator", "SUPPORTED_SIZES",
]


def build_models(config: Mapping[str, Any], sample_shape: tuple[int, ...]) -> tuple[nn.Module, Discriminator]:
    """G and D for the knob values in ``config`` and data of ``sample_shape``."""
    if config["model"] == "mlp":
        out_dim = sample_shape[0] if len(sample_shape) == 1 else None
        if out_dim is None:
            raise ValueError("the mlp model is for 2D point data")
        g = MLPGenerator(config["latent_dim"], config["g_width"], config["g_depth"], out_dim,
                         batchnorm=config["g_batchnorm"])
        d = MLPDiscriminator(config["d_width"], config["d_depth"], out_dim,
                             dropout=config["d_dropout"], batchnorm=config["d_batchnorm"])
        return g, d
    channels, size = sample_shape[0], sample_shape[-1]
    g = DCGANGenerator(config["latent_dim"], config["g_width"], size, channels,
                       depth=config["g_depth"], batchnorm=config["g_batchnorm"])
    d = DCGANDiscriminator(config["d_width"], size, channels, depth=config["d_depth"],
                           dropout=config["d_dropout"], batchnorm=config["d_batchnorm"])
    return g, d
