"""The engine's training step set up so a CUDA graph can capture it.

It runs the same :class:`~.step.TrainStep` as ``Engine.step()`` (so the same
seed gives the same numbers), handed three things that make it capturable:

- scalar knobs from :class:`~gantuner.training.tensor_knobs.TensorKnobs`
  (device tensors) instead of Python numbers, so a captured graph follows them;
- the structural knobs fixed when it is built (a change builds a new one);
- torch's Adam with the learning rate lent as a device tensor: no host syncs.

The CPU runs it eagerly (that is how the tests check it against
``Engine.step()``), and :mod:`gantuner.training.fast_path` captures it on CUDA.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Any

import torch

from .step import StepPlan, TrainStep
from .tensor_knobs import TensorKnobs


class StaticStep:
    """One training step of ``engine`` for the structural knobs in force when built.

    The optimiser update is the engine's own ``torch.optim.Adam.step()``
    (fused on CUDA).  Where the group is fused, the learning rate is lent to
    it as a device tensor for the call; the betas stay Python floats (torch's
    fused kernel takes only floats), so for a capture they are baked in and
    a change of them builds the step again (:meth:`baked_names`).
    """

    def __init__(self, engine: Any, knobs: TensorKnobs, precision: str = "fp32"):
        self.engine = engine
        self.knobs = knobs
        self.plan = StepPlan.of(engine.live)
        autocast: Callable[[], Any] = contextlib.nullcontext
        if precision == "bf16":
            # cache_enabled=False: autocast's weight-cast cache must not live
            # across graph replays (PyTorch's CUDA Graphs notes).
            device_type = engine.device.type
            autocast = lambda: torch.autocast(device_type, dtype=torch.bfloat16, cache_enabled=False)  # noqa: E731
        self._update_d = _TorchAdamStep(engine.opt_d, knobs.lr_d)
        self._update_g = _TorchAdamStep(engine.opt_g, knobs.lr_g)
        self._step = TrainStep(engine, self.plan, knobs, self._update_d, self._update_g, autocast)

    def baked_names(self) -> tuple[str, ...]:
        """Scalar knobs this step passes as Python floats, which a capture freezes:
        the betas, and the learning rates of unfused groups."""
        names: tuple[str, ...] = ("beta1", "beta2")
        if not self._update_d.tensor_lr:
            names += ("lr_d",)
        if not self._update_g.tensor_lr:
            names += ("lr_g",)
        return names

    def baked(self, live: Mapping[str, Any]) -> tuple:
        return tuple(live[name] for name in self.baked_names())

    def __call__(self) -> torch.Tensor:
        """One step; returns the metrics vector in ENGINE_FIELDS order."""
        return self._step()


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
