"""Adam whose learning rate and betas are device tensors, safe to capture in a CUDA graph.

torch's fused Adam (the fastest) takes a tensor learning rate but only float
betas (``aten::_fused_adam_`` has ``float beta1, float beta2``), and its
foreach Adam turns tensor betas into Python numbers with a host sync, which
a CUDA graph capture forbids.  This update reads lr, beta1 and beta2 from
0-dim device tensors with foreach ops whose ``.Tensor`` overloads read the
scalar from device memory, so a captured step follows every knob change.

It works on a ``torch.optim.Adam``'s own state (``step``, ``exp_avg``,
``exp_avg_sq``), so checkpoints, ``state_dict`` and the eager engine carry
on unchanged from where it left off, and the arithmetic is Adam's
(Kingma & Ba; torch's capturable formulation), equal to torch's within
float32 rounding.
"""

from __future__ import annotations

from typing import Iterable

import torch


class TensorAdamUnsupported(ValueError):
    """The optimiser uses an Adam option this update does not implement."""


def unsupported_reason(optimizer: torch.optim.Optimizer) -> str | None:
    """Why :class:`TensorAdam` cannot drive ``optimizer``, or None if it can."""
    if not isinstance(optimizer, torch.optim.Adam):
        return f"the optimiser is {type(optimizer).__name__}, not Adam"
    for group in optimizer.param_groups:
        for option in ("amsgrad", "maximize", "differentiable", "decoupled_weight_decay"):
            if group.get(option):
                return f"Adam option {option} is on"
        if group.get("weight_decay", 0) != 0:
            return "Adam weight_decay is not 0"
        for p in group["params"]:
            if torch.is_complex(p) or not p.is_floating_point():
                return "a parameter is not a real floating-point tensor"
            step = optimizer.state.get(p, {}).get("step")
            if step is not None and (not torch.is_tensor(step) or step.device != p.device):
                return "the optimiser keeps its step count on another device than the parameters"
    return None


class TensorAdam:
    """One Adam update of ``optimizer``'s parameters with knobs read from tensors.

    ``lr``, ``beta1``, ``beta2``, ``one_minus_beta1`` and ``one_minus_beta2``
    are 0-dim float32 tensors on the parameters' device; the caller keeps
    them current.  Parameters without a gradient are skipped, as torch does.
    """

    def __init__(self, optimizer: torch.optim.Adam, lr: torch.Tensor, beta1: torch.Tensor,
                 beta2: torch.Tensor, one_minus_beta1: torch.Tensor, one_minus_beta2: torch.Tensor):
        reason = unsupported_reason(optimizer)
        if reason is not None:
            raise TensorAdamUnsupported(reason)
        self.optimizer = optimizer
        self.lr, self.beta1, self.beta2 = lr, beta1, beta2
        self.one_minus_beta1, self.one_minus_beta2 = one_minus_beta1, one_minus_beta2
        # Parameters grouped by equal step count, found once per set of
        # parameters with gradients (a structural fact: it changes only when
        # D's batch norm is switched, which rebuilds the step anyway).
        self._buckets: dict[tuple[int, ...], list[list[torch.Tensor]]] = {}

    @torch.no_grad()
    def step(self) -> None:
        for group in self.optimizer.param_groups:
            params = [p for p in group["params"] if p.grad is not None]
            if params:
                self._update(params, float(group["eps"]))

    def _update(self, params: list[torch.Tensor], eps: float) -> None:
        self._ensure_state(params)
        state = self.optimizer.state
        torch._foreach_add_([state[p]["step"] for p in params], 1)
        for bucket in self._bucketed(params):
            grads = [p.grad for p in bucket]
            exp_avgs = [state[p]["exp_avg"] for p in bucket]
            exp_avg_sqs = [state[p]["exp_avg_sq"] for p in bucket]
            step = state[bucket[0]]["step"]
            # Bias corrections for this bucket's shared step count, on the device.
            step_size = self.lr / (1 - torch.pow(self.beta1, step))
            correction2_sqrt = torch.sqrt(1 - torch.pow(self.beta2, step))
            # m <- beta1 m + (1 - beta1) g ;  v <- beta2 v + (1 - beta2) g^2
            torch._foreach_mul_(exp_avgs, self.beta1)
            torch._foreach_add_(exp_avgs, torch._foreach_mul(grads, self.one_minus_beta1))
            torch._foreach_mul_(exp_avg_sqs, self.beta2)
            torch._foreach_addcmul_(exp_avg_sqs, torch._foreach_mul(grads, self.one_minus_beta2), grads)
            # p <- p - step_size * m / (sqrt(v) / sqrt(1 - beta2^t) + eps), written as
            # p + m / denom with denom = (sqrt(v) / c2 + eps) / -step_size, because
            # addcdiv takes its multiplier only as a Python number.
            denom = torch._foreach_sqrt(exp_avg_sqs)
            torch._foreach_div_(denom, correction2_sqrt)
            torch._foreach_add_(denom, eps)
            torch._foreach_div_(denom, -step_size)
            torch._foreach_addcdiv_(bucket, exp_avgs, denom)

    def _ensure_state(self, params: Iterable[torch.Tensor]) -> None:
        """Torch Adam's lazy state, created the same way (but never during a capture)."""
        for p in params:
            state = self.optimizer.state[p]
            if len(state) == 0:
                if _capturing():
                    raise RuntimeError("Adam state would be created inside a CUDA graph capture; "
                                       "run a warm-up step first")
                state["step"] = torch.zeros((), dtype=torch.float32, device=p.device)
                state["exp_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                state["exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)

    def _bucketed(self, params: list[torch.Tensor]) -> list[list[torch.Tensor]]:
        key = tuple(id(p) for p in params)
        buckets = self._buckets.get(key)
        if buckets is None:
            if _capturing():
                # Reading step counts is a host sync, which a capture forbids.
                raise RuntimeError("the parameters with gradients changed inside a CUDA graph capture")
            by_step: dict[float, list[torch.Tensor]] = {}
            for p in params:
                by_step.setdefault(float(self.optimizer.state[p]["step"]), []).append(p)
            buckets = list(by_step.values())
            self._buckets[key] = buckets
        return buckets

    def forget_buckets(self) -> None:
        """Drop the step-count grouping (after anything stepped only some parameters)."""
        self._buckets.clear()


def _capturing() -> bool:
    return torch.cuda.is_available() and torch.cuda.is_current_stream_capturing()
