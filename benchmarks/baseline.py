"""What the speed benchmarks compare against: a plain PyTorch loop, timed alike.

The plain loop is pytorch/examples' dcgan step (update D on a real and a fake
batch, then G on the same fake batch) on the engine's own models and data,
with nothing else: no metrics, no knobs, no files.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import torch
import torch.nn.functional as F

from gantuner.training import Engine


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def rate(step: Callable[[], None], seconds: float, device: torch.device, warmup: int = 10) -> float:
    """Steps per second of ``step`` over ``seconds`` after ``warmup`` untimed steps."""
    for _ in range(warmup):
        step()
    sync(device)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        step()
        count += 1
    sync(device)
    return count / (time.perf_counter() - start)


def plain_step(config: dict) -> tuple[Callable[[], None], torch.device]:
    """pytorch/examples' dcgan step for the models and batch ``config`` gives the engine."""
    engine = Engine(config)  # only to build identical models and data
    G, D, data = engine.G, engine.D, engine.dataset
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
    batch, latent, device = engine.live["batch_size"], engine.latent_dim, engine.device

    def step() -> None:
        real = data.sample(batch)
        fake = G(torch.randn(batch, latent, device=device))
        # (1) update D
        opt_d.zero_grad()
        out_real, out_fake = D(real), D(fake.detach())
        loss_d = (F.binary_cross_entropy_with_logits(out_real, torch.ones_like(out_real))
                  + F.binary_cross_entropy_with_logits(out_fake, torch.zeros_like(out_fake)))
        loss_d.backward()
        opt_d.step()
        # (2) update G
        opt_g.zero_grad()
        out = D(fake)
        loss_g = F.binary_cross_entropy_with_logits(out, torch.ones_like(out))
        loss_g.backward()
        opt_g.step()

    return step, device


def plain_loop(config: dict, seconds: float, warmup: int = 10) -> float:
    step, device = plain_step(config)
    return rate(step, seconds, device, warmup)
