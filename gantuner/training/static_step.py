"""The engine's training step written so a CUDA graph can capture it.

:class:`StaticStep` does what ``Engine.step()`` does, in the same order and
with the same random draws (so the same seed gives the same numbers), with
three differences that make it capturable:

- scalar knobs come from :class:`~gantuner.training.tensor_knobs.TensorKnobs`
  (device tensors) instead of Python floats, so a captured graph follows them;
- the structural knobs are fixed when it is built (a change builds a new one);
- no host syncs: nothing calls ``.item()`` or branches on a device value.

It is an ordinary function of the engine's tensors: the CPU runs it eagerly
(that is how the tests check it against ``Engine.step()``), and
:mod:`gantuner.training.fast_path` captures it on CUDA.
"""

from __future__ import annotations

import contextlib
from typing import Any, Callable, Mapping

import torch

from . import losses
from .tensor_adam import TensorAdam
from .tensor_knobs import TensorKnobs

ADAM_MODES = ("torch", "tensor")


def grad_norm(module: torch.nn.Module) -> torch.Tensor:
    """The global gradient norm, with the engine's ops (for equal results)."""
    grads = [p.grad for p in module.parameters() if p.grad is not None]
    if not grads:
        return torch.zeros((), device=next(module.parameters()).device)
    norms = torch._foreach_norm(grads)
    return torch.linalg.vector_norm(torch.stack(norms))


class StaticStep:
    """One training step of ``engine`` for the structural knobs in force when built.

    ``adam`` chooses the optimiser update:

    - ``"torch"``: the engine's own ``torch.optim.Adam.step()`` (fused on
      CUDA).  Where the group is fused, the learning rate is lent to it as a
      device tensor for the call; the betas stay Python floats (torch's fused
      kernel only takes floats), so for a capture they are structural.
    - ``"tensor"``: :class:`~gantuner.training.tensor_adam.TensorAdam`, where
      lr and both betas are device tensors.
    """

    def __init__(self, engine: Any, knobs: TensorKnobs, adam: str = "torch",
                 precision: str = "fp32"):
        if adam not in ADAM_MODES:
            raise ValueError(f"adam must be one of {ADAM_MODES}, not {adam!r}")
        self.engine = engine
        self.knobs = knobs
        self.adam = adam
        live = engine.live
        self.batch_size = int(live["batch_size"])
        self.d_steps = int(live["d_steps"])
        self.g_steps = int(live["g_steps"])
        self.loss = str(live["loss"])
        self.noisy = live["instance_noise"] > 0
        self.threshold = losses.decision_threshold(self.loss)
        device = engine.device
        self._nan = torch.full((1,), float("nan"), device=device)
        self._autocast: Callable[[], Any]
        if precision == "bf16":
            # cache_enabled=False: autocast's weight-cast cache must not live
            # across graph replays (PyTorch's CUDA Graphs notes).
            self._autocast = lambda: torch.autocast(device.type, dtype=torch.bfloat16, cache_enabled=False)
        else:
            self._autocast = contextlib.nullcontext
        if adam == "tensor":
            self._step_d = TensorAdam(engine.opt_d, knobs.lr_d, knobs.beta1, knobs.beta2,
                                      knobs.one_minus_beta1, knobs.one_minus_beta2).step
            self._step_g = TensorAdam(engine.opt_g, knobs.lr_g, knobs.beta1, knobs.beta2,
                                      knobs.one_minus_beta1, knobs.one_minus_beta2).step
        else:
            self._step_d = _TorchAdamStep(engine.opt_d, knobs.lr_d)
            self._step_g = _TorchAdamStep(engine.opt_g, knobs.lr_g)

    # ---- what a capture bakes in ------------------------------------------
    def baked_names(self) -> tuple[str, ...]:
        """Scalar knobs this step passes as Python floats, which a capture freezes.

        The torch update passes the betas (and, for unfused groups, the
        learning rates) as floats; the tensor update none.
        """
        if self.adam == "tensor":
            return ()
        names: tuple[str, ...] = ("beta1", "beta2")
        if not self._step_d.tensor_lr:
            names += ("lr_d",)
        if not self._step_g.tensor_lr:
            names += ("lr_g",)
        return names

    def baked(self, live: Mapping[str, Any]) -> tuple:
        return tuple(live[name] for name in self.baked_names())

    # ---- the step ----------------------------------------------------------
    def __call__(self) -> torch.Tensor:
        """One step; returns the metrics vector in ENGINE_FIELDS order.

        The order of random draws is Engine.step()'s: per D half the real
        batch, z, instance noise on real then fake; per G half (if it draws)
        z, then instance noise.
        """
        d_stats = g_stats = None
        fake_for_g = None
        for i in range(self.d_steps):
            keep = i == self.d_steps - 1 and self.g_steps > 0
            d_stats, fake_for_g = self._d_half(keep)
        for _ in range(self.g_steps):
            g_stats = self._g_half(fake_for_g)
            fake_for_g = None
        d = d_stats if d_stats is not None else self._nan.expand(9)
        g = g_stats if g_stats is not None else self._nan.expand(2)
        return torch.cat([d[0:3], g[0:1], d[3:9], g[1:2]])

    def _noisy(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.knobs.instance_noise * torch.randn_like(x) if self.noisy else x

    def _d_half(self, keep_fake_for_g: bool) -> tuple[torch.Tensor, torch.Tensor | None]:
        engine = self.engine
        G, D = engine.G, engine.D
        batch = self.batch_size
        real = engine.dataset.sample(batch)
        z = torch.randn(batch, engine.latent_dim, device=engine.device)
        with self._autocast():
            if keep_fake_for_g:
                fake = G(z)  # graph kept: the G half reuses this batch
            else:
                with torch.no_grad():
                    fake = G(z)
            out_real = D(self._noisy(real)).float()
            out_fake = D(self._noisy(fake.detach())).float()
        loss_real, loss_fake = losses.d_losses_for_target(self.loss, out_real, out_fake, self.knobs.real_target)
        engine.opt_d.zero_grad(set_to_none=True)
        (loss_real + loss_fake).backward()
        norm = grad_norm(D)
        self._step_d()
        with torch.no_grad():
            acc_real = (out_real > self.threshold).float().mean()
            acc_fake = (out_fake <= self.threshold).float().mean()
            stats = torch.stack([
                0.5 * (loss_real + loss_fake), loss_real, loss_fake,
                0.5 * (acc_real + acc_fake), acc_real, acc_fake,
                losses.as_probability(self.loss, out_real).mean(),
                losses.as_probability(self.loss, out_fake).mean(),
                norm,
            ]).detach()
        return stats, (fake if keep_fake_for_g else None)

    def _g_half(self, fake: torch.Tensor | None) -> torch.Tensor:
        engine = self.engine
        G, D = engine.G, engine.D
        with self._autocast():
            if fake is None:
                fake = G(torch.randn(self.batch_size, engine.latent_dim, device=engine.device))
            D.requires_grad_(False)
            try:
                out = D(self._noisy(fake)).float()
            finally:
                D.requires_grad_(True)
        loss = losses.g_loss(self.loss, out)
        engine.opt_g.zero_grad(set_to_none=True)
        loss.backward()
        norm = grad_norm(G)
        self._step_g()
        return torch.stack([loss.detach(), norm])


class _TorchAdamStep:
    """``optimizer.step()`` with the learning rate lent as a device tensor where it can be.

    Fused groups take a tensor lr (no host sync); for the call the group's
    ``lr`` is the tensor and, inside a CUDA graph capture, ``capturable`` is
    True (torch checks it).  Both are put back afterwards, so the optimiser
    the engine, its checkpoints and ``state_dict`` see still holds floats.
    """

    def __init__(self, optimizer: torch.optim.Optimizer, lr: torch.Tensor):
        self.optimizer = optimizer
        self.lr = lr
        self.tensor_lr = all(group.get("fused") for group in optimizer.param_groups)

    def __call__(self) -> None:
        groups = self.optimizer.param_groups
        saved = [(group["lr"], group.get("capturable", False)) for group in groups]
        capturing = torch.cuda.is_available() and torch.cuda.is_current_stream_capturing()
        try:
            for group in groups:
                if self.tensor_lr:
                    group["lr"] = self.lr
                if capturing:
                    group["capturable"] = True
            self.optimizer.step()
        finally:
            for group, (lr, capturable) in zip(groups, saved):
                group["lr"] = lr
                group["capturable"] = capturable
