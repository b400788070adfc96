"""The last state known good, kept in memory: what a divergence goes back to.

The loop checks each batch of metrics it fetches (all finite?) and then
copies the weights, batch-norm buffers and optimiser moments here, at most
once every ``every_seconds``.  A non-finite loss or gradient norm later puts
them back, so no non-finite weight reaches a checkpoint or the next step.
Copies go into tensors allocated once (same device), so keeping costs one
memory copy per interval and no allocation.
"""

from __future__ import annotations

from typing import Any

import torch


class KeptState:
    def __init__(self) -> None:
        self.step: int | None = None        # the step count the kept state belongs to
        self._model: list[torch.Tensor] = []
        self._optimizers: list[dict[int, dict[str, Any]]] = []

    @property
    def empty(self) -> bool:
        return self.step is None

    def keep(self, engine: Any) -> None:
        live = _model_tensors(engine)
        with torch.no_grad():
            if len(self._model) == len(live) and all(a.shape == b.shape for a, b in zip(self._model, live)):
                torch._foreach_copy_(self._model, live)
            else:
                self._model = [t.detach().clone() for t in live]
        self._optimizers = [_optimizer_state(opt) for opt in (engine.opt_d, engine.opt_g)]
        self.step = engine.step_count

    def restore(self, engine: Any) -> None:
        """Put the kept weights, buffers and optimiser state back (the step count goes on)."""
        if self.empty:
            raise RuntimeError("nothing kept yet")
        with torch.no_grad():
            torch._foreach_copy_(_model_tensors(engine), self._model)
        for opt, kept in zip((engine.opt_d, engine.opt_g), self._optimizers):
            params = [p for group in opt.param_groups for p in group["params"]]
            opt.state.clear()
            for index, entry in kept.items():
                opt.state[params[index]] = {k: (v.clone() if torch.is_tensor(v) else v) for k, v in entry.items()}


def _model_tensors(engine: Any) -> list[torch.Tensor]:
    tensors = []
    for module in (engine.G, engine.D):
        tensors += [t for t in module.state_dict(keep_vars=True).values() if torch.is_tensor(t)]
    return tensors


def _optimizer_state(opt: torch.optim.Optimizer) -> dict[int, dict[str, Any]]:
    params = [p for group in opt.param_groups for p in group["params"]]
    kept: dict[int, dict[str, Any]] = {}
    for index, p in enumerate(params):
        entry = opt.state.get(p)
        if entry:
            kept[index] = {k: (v.detach().clone() if torch.is_tensor(v) else v) for k, v in entry.items()}
    return kept
