"""The training step, written once: pytorch/examples' DCGAN step in its two halves.

Both ways of running a step use this code: the eager engine
(``Engine.step``: knob values as Python numbers, torch's ``optimizer.step``)
and the CUDA-graph fast path (:mod:`.static_step`: scalar knobs in device
tensors, the learning rate lent to fused Adam as a tensor, optional bf16
autocast).  They differ only in what they pass in:

* a :class:`StepPlan`: the structural knobs (knobs.py kind ``STRUCTURAL``)
  a step is built for, fixed while it is in use;
* ``scalars``: an object with ``real_target`` and ``instance_noise``, as
  numbers or 0-dim device tensors;
* ``update_d`` / ``update_g``: the optimiser updates.

The order of random draws is fixed: per D half the real batch, z, instance
noise on real then fake; per G half (if it draws) z, then instance noise.
Metrics stay on the device as one vector in ``ENGINE_FIELDS`` order; a half
that did not run leaves NaN in its fields.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import torch

from . import losses

D_STATS = 9   # d_loss, d_loss_real, d_loss_fake, d_acc, d_acc_real, d_acc_fake, d_x, d_g_z, grad_norm_d
G_STATS = 2   # g_loss, grad_norm_g


@dataclass(frozen=True)
class StepPlan:
    """What a built step bakes in from the live knobs."""

    batch_size: int
    d_steps: int
    g_steps: int
    loss: str
    noisy: bool  # instance noise on: at zero no noise is drawn at all

    @classmethod
    def of(cls, live: Mapping[str, Any]) -> StepPlan:
        return cls(int(live["batch_size"]), int(live["d_steps"]), int(live["g_steps"]), str(live["loss"]),
                   live["instance_noise"] > 0)


@dataclass(frozen=True)
class NumberScalars:
    """The scalar knobs as Python numbers (the eager step)."""

    real_target: float
    instance_noise: float

    @classmethod
    def of(cls, live: Mapping[str, Any]) -> NumberScalars:
        return cls(1.0 - live["label_smoothing"], live["instance_noise"])  # one-sided smoothing


class TrainStep:
    """One training step of ``engine`` (its models, optimisers, data and parameter lists)."""

    def __init__(self, engine: Any, plan: StepPlan, scalars: Any, update_d: Callable[[], Any],
                 update_g: Callable[[], Any], autocast: Callable[[], Any] = contextlib.nullcontext):
        self.engine = engine
        self.plan = plan
        self.scalars = scalars
        self.update_d = update_d
        self.update_g = update_g
        self.autocast = autocast
        self.threshold = losses.decision_threshold(plan.loss)
        self._nan = torch.full((1,), float("nan"), device=engine.device)

    def __call__(self) -> torch.Tensor:
        """(1) ``d_steps`` D updates, (2) ``g_steps`` G updates; the metrics vector."""
        plan = self.plan
        d_stats = g_stats = fake_for_g = None
        for i in range(plan.d_steps):
            # The last D half keeps its fake batch's graph: the G half reuses it, as pytorch/examples does.
            d_stats, fake_for_g = self.d_half(keep_fake_for_g=i == plan.d_steps - 1 and plan.g_steps > 0)
        for _ in range(plan.g_steps):
            g_stats = self.g_half(fake_for_g)
            fake_for_g = None
        return self.metrics(d_stats, g_stats)

    def metrics(self, d_stats: torch.Tensor | None, g_stats: torch.Tensor | None) -> torch.Tensor:
        d = d_stats if d_stats is not None else self._nan.expand(D_STATS)
        g = g_stats if g_stats is not None else self._nan.expand(G_STATS)
        # ENGINE_FIELDS: d_loss, d_loss_real, d_loss_fake, g_loss, d_acc, d_acc_real,
        # d_acc_fake, d_x, d_g_z, grad_norm_d, grad_norm_g
        return torch.cat([d[0:3], g[0:1], d[3:9], g[1:2]])

    def _noisy(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.scalars.instance_noise * torch.randn_like(x) if self.plan.noisy else x

    def d_half(self, keep_fake_for_g: bool = False) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(1) Update D: maximise log D(x) + log(1 - D(G(z))) (or the chosen loss)."""
        engine, plan = self.engine, self.plan
        G, D = engine.G, engine.D
        real = engine.dataset.sample(plan.batch_size)
        z = torch.randn(plan.batch_size, engine.latent_dim, device=engine.device)
        with self.autocast():
            if keep_fake_for_g:
                fake = G(z)
            else:
                with torch.no_grad():
                    fake = G(z)
            out_real = D(self._noisy(real)).float()
            out_fake = D(self._noisy(fake.detach())).float()
        loss_real, loss_fake = losses.d_losses_for_target(plan.loss, out_real, out_fake,
                                                          self.scalars.real_target)
        engine.opt_d.zero_grad(set_to_none=True)
        (loss_real + loss_fake).backward()
        norm = grad_norm(engine._d_params, engine.device)
        self.update_d()
        with torch.no_grad():
            acc_real = (out_real > self.threshold).float().mean()
            acc_fake = (out_fake <= self.threshold).float().mean()
            stats = torch.stack([
                0.5 * (loss_real + loss_fake), loss_real, loss_fake,
                0.5 * (acc_real + acc_fake), acc_real, acc_fake,
                losses.as_probability(plan.loss, out_real).mean(),
                losses.as_probability(plan.loss, out_fake).mean(),
                norm,
            ]).detach()
        return stats, (fake if keep_fake_for_g else None)

    def g_half(self, fake: torch.Tensor | None = None) -> torch.Tensor:
        """(2) Update G: make D call G's samples real; D is frozen meanwhile."""
        engine = self.engine
        G, D = engine.G, engine.D
        _set_requires_grad(engine._d_params, False)
        try:
            with self.autocast():
                if fake is None:
                    fake = G(torch.randn(self.plan.batch_size, engine.latent_dim, device=engine.device))
                out = D(self._noisy(fake)).float()
            loss = losses.g_loss(self.plan.loss, out)
            engine.opt_g.zero_grad(set_to_none=True)
            loss.backward()
        finally:
            _set_requires_grad(engine._d_params, True)
        norm = grad_norm(engine._g_params, engine.device)
        self.update_g()
        return torch.stack([loss.detach(), norm])


def _set_requires_grad(params: list[torch.nn.Parameter], flag: bool) -> None:
    for p in params:
        p.requires_grad_(flag)


def grad_norm(params: list[torch.nn.Parameter], device: torch.device) -> torch.Tensor:
    """The global gradient norm of ``params`` (zero when none has a gradient)."""
    grads = [p.grad for p in params if p.grad is not None]
    if not grads:
        return torch.zeros((), device=device)
    norms = torch._foreach_norm(grads)
    return torch.linalg.vector_norm(torch.stack(norms))
