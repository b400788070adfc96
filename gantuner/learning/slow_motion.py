"""One training step walked through phase by phase, and single D-only / G-only steps.

GAN Lab's slow motion: sample noise, D judges the real batch, D judges the
fake batch, D updates, G updates.  :func:`slow_motion_step` is a generator
over an :class:`~gantuner.training.Engine` that does the same arithmetic as
``Engine.d_half`` followed by ``Engine.g_half`` (one D and one G update,
whatever ``d_steps``/``g_steps`` say: slow motion shows one of each) and
yields a :class:`Phase` after each, with what to show and a caption.

The step functions must run in the thread that owns the engine, while no
other step runs (a paused driver, or a playground's own thread).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import torch

from ..training import losses
from .phases import PHASES, Phase, caption  # noqa: F401  (PHASES and caption re-exported)


def slow_motion_step(engine) -> Iterator[Phase]:
    """Run one D update and one G update, yielding after each of the five phases.

    Closing the generator early leaves the engine consistent: each update is
    either done whole or not at all.
    """
    live = engine.live
    kind = live["loss"]
    batch = live["batch_size"]
    real = engine.dataset.sample(batch)
    z = engine.noise(batch)
    with torch.no_grad():
        fake = engine.G(z)
    yield Phase("noise", 0, {"noise": _np(z[:, :2]), "fake": _np(fake)})

    out_real = engine.D(_noisy(engine, real))
    yield Phase("judge_real", 1, {"real": _np(real), "score": _np(losses.as_probability(kind, out_real))})

    out_fake = engine.D(_noisy(engine, fake))
    yield Phase("judge_fake", 2, {"fake": _np(fake), "score": _np(losses.as_probability(kind, out_fake))})

    loss_real, loss_fake = losses.d_losses(kind, out_real, out_fake, live["label_smoothing"])
    engine.opt_d.zero_grad(set_to_none=True)
    (loss_real + loss_fake).backward()
    engine.opt_d.step()
    yield Phase("update_d", 3, {"d_loss": float(0.5 * (loss_real + loss_fake).detach())})

    before = fake
    _freeze(engine.D, True)
    try:
        moved = engine.G(z)
        g_loss = losses.g_loss(kind, engine.D(_noisy(engine, moved)))
        engine.opt_g.zero_grad(set_to_none=True)
        g_loss.backward()
    finally:
        _freeze(engine.D, False)
    engine.opt_g.step()
    engine.step_count += 1
    with torch.no_grad():
        after = engine.G(z)
    yield Phase("update_g", 4, {"before": _np(before), "fake": _np(after), "g_loss": float(g_loss.detach())})


def step_d_only(engine) -> None:
    """One discriminator update; G's weights are untouched."""
    engine.d_half()


def step_g_only(engine) -> None:
    """One generator update against the current D; D's weights are untouched."""
    engine.g_half()


def step_both(engine) -> None:
    """One whole training step, as the loop runs it."""
    engine.step()


def _noisy(engine, x: torch.Tensor) -> torch.Tensor:
    sigma = engine.live["instance_noise"]  # the instance-noise knob, as the engine's step applies it
    return x + sigma * torch.randn_like(x) if sigma > 0 else x


def _freeze(module: torch.nn.Module, frozen: bool) -> None:
    for p in module.parameters():
        p.requires_grad_(not frozen)


def _np(tensor: torch.Tensor) -> np.ndarray:
    return tensor.detach().float().cpu().numpy()
