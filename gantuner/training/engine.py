"""The GAN engine: models, optimisers, data and one training step.

The step itself is :class:`~.step.TrainStep` (shared with the CUDA-graph
fast path); the engine runs it eagerly with the knob values in force.  It is
split into its halves, :meth:`Engine.d_half` and :meth:`Engine.g_half`, and
:meth:`Engine.step_part` runs one of them, for D-only and G-only steps.

Metrics of a step stay on the device as one small tensor (see
``gantuner.metrics.ENGINE_FIELDS``); whoever drives the engine fetches them
to the host in batches, so there is no host sync per step.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import torch

from .. import knobs
from ..data import Dataset, dataset_kind, load_dataset, to_uint8
from ..models import build_models
from .device import pick_device, seed_everything
from .grid import image_grid
from .step import NumberScalars, StepPlan, TrainStep

FIXED_NOISE_IMAGES = 64  # an 8x8 grid
FIXED_NOISE_POINTS = 1024
DISPLAY_REAL_POINTS = 1024


def resolve_config(values: Mapping[str, Any] | None) -> dict[str, Any]:
    """Validated knob values with the model matched to the data.

    The model follows the data: 2D points need the MLP and images the DCGAN,
    so a mismatch is corrected rather than failing deep inside a layer.
    """
    config = knobs.resolve(values or {})
    config["model"] = "mlp" if dataset_kind(config["dataset"]) == "points" else "dcgan"
    return config


class Engine:
    def __init__(self, config: Mapping[str, Any] | None = None):
        self.config = resolve_config(config)
        self.device = pick_device(self.config["device"])
        seed = self.config["seed"]
        seed_everything(seed)
        self.dataset: Dataset = load_dataset(self.config["dataset"], self.config["image_size"], self.device)
        self.G, self.D = build_models(self.config, self.dataset.sample_shape)
        self.G.to(self.device)
        self.D.to(self.device)
        # Parameter lists, cached: walking the module tree every step for
        # freezing D and measuring gradient norms costs ~5 % of a small MLP's step.
        self._g_params = list(self.G.parameters())
        self._d_params = list(self.D.parameters())
        self.live: dict[str, Any] = knobs.live_part(self.config)
        # Multi-tensor Adam: one kernel per operation for all parameters instead of
        # a Python loop over them (on CPU torch would default to the loop).
        fast = {"fused": True} if self.device.type == "cuda" else {"foreach": True}
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=self.live["lr_g"],
                                      betas=(self.live["beta1"], self.live["beta2"]), **fast)
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=self.live["lr_d"],
                                      betas=(self.live["beta1"], self.live["beta2"]), **fast)
        self.step_count = 0
        # Display and evaluation draw from their own generators, so looking at
        # samples never changes the training's random stream.
        display = torch.Generator().manual_seed(seed + 1)
        count = FIXED_NOISE_POINTS if self.is_points else FIXED_NOISE_IMAGES
        self.fixed_noise = torch.randn(count, self.latent_dim, generator=display).to(self.device)
        self._eval_generator = torch.Generator(device=self.device).manual_seed(seed + 2)
        self.display_real = self._display_real(seed + 3)
        self._d_stats: torch.Tensor | None = None
        self._g_stats: torch.Tensor | None = None
        self._cached_fake: torch.Tensor | None = None
        self._step: TrainStep
        self._apply_structure()

    # ---- facts ----------------------------------------------------------
    @property
    def is_points(self) -> bool:
        return self.dataset.kind == "points"

    @property
    def latent_dim(self) -> int:
        return int(self.config["latent_dim"])

    def knob_values(self) -> dict[str, Any]:
        """Every knob value in force: the setup plus the live knobs as they are now."""
        return {**self.config, **self.live}

    # ---- knobs ----------------------------------------------------------
    def apply_knobs(self, snapshot: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
        """Bring live knobs to ``snapshot`` (validated); return (name, old, new) per change.

        Called only between steps, by whoever drives the engine, so a step
        always sees one consistent set of values.
        """
        checked = {}
        for name, value in snapshot.items():
            k = knobs.knob(name)
            if not k.live:
                raise knobs.KnobError(f"{name} is a setup knob: changing it needs a restart with a new model")
            checked[name] = k.validate(value)
        changes = [(n, self.live[n], v) for n, v in checked.items() if self.live[n] != v]
        if not changes:
            return []
        for name, _old, new in changes:
            self.live[name] = new
        self._apply_structure()
        return changes

    def _apply_structure(self) -> None:
        live = self.live
        for group in self.opt_g.param_groups:
            group["lr"] = live["lr_g"]
            group["betas"] = (live["beta1"], live["beta2"])
        for group in self.opt_d.param_groups:
            group["lr"] = live["lr_d"]
            group["betas"] = (live["beta1"], live["beta2"])
        self.D.set_dropout(live["d_dropout"])
        self.D.set_batchnorm(live["d_batchnorm"])
        # The eager step, rebuilt for the knobs in force: numbers read here, torch's Adam.
        self._step = TrainStep(self, StepPlan.of(live), NumberScalars.of(live), self.opt_d.step, self.opt_g.step)

    # ---- the step -------------------------------------------------------
    def noise(self, batch_size: int) -> torch.Tensor:
        return torch.randn(batch_size, self.latent_dim, device=self.device)

    def d_half(self, keep_fake_for_g: bool = False) -> None:
        """(1) Update D once (see :meth:`TrainStep.d_half`)."""
        self._d_stats, self._cached_fake = self._step.d_half(keep_fake_for_g)

    def g_half(self) -> None:
        """(2) Update G once, on the fake batch a D half kept, else a fresh one."""
        fake, self._cached_fake = self._cached_fake, None
        self._g_stats = self._step.g_half(fake)

    def step(self) -> torch.Tensor:
        """One training step; returns its metrics as a device tensor in ENGINE_FIELDS order."""
        vector = self._step()
        self.step_count += 1
        return vector

    def step_part(self, part: str) -> torch.Tensor:
        """One update of D only (``"d"``) or G only (``"g"``), counted as a step.

        Only that model's weights, buffers and optimiser change: the other
        model still runs in training mode (as in a whole step), so its
        batch-norm running statistics are put back afterwards.
        """
        if part not in ("d", "g"):
            raise ValueError(f"step part {part!r}: use 'd' or 'g'")
        other = self.G if part == "d" else self.D
        kept = [b.clone() for b in other.buffers()]
        self._d_stats = self._g_stats = None
        try:
            if part == "d":
                self.d_half(keep_fake_for_g=False)
            else:
                self.g_half()
        finally:
            with torch.no_grad():
                for buffer, saved in zip(other.buffers(), kept):
                    buffer.copy_(saved)
        self.step_count += 1
        return self._step.metrics(self._d_stats, self._g_stats)

    # ---- samples --------------------------------------------------------
    @torch.no_grad()
    def generate(self, count: int | None = None, noise: torch.Tensor | None = None) -> torch.Tensor:
        """G's samples in model space, in eval mode (no effect on batch-norm statistics)."""
        if noise is None:
            noise = torch.randn(count, self.latent_dim, device=self.device, generator=self._eval_generator)
        was_training = self.G.training
        self.G.eval()
        try:
            return self.G(noise)
        finally:
            self.G.train(was_training)

    def real_samples(self, count: int) -> torch.Tensor:
        """Real samples for evaluation, drawn without touching the training RNG."""
        seed = int(torch.randint(2**31 - 1, (1,), generator=self._eval_generator,
                                 device=self.device).item())
        with torch.random.fork_rng(devices=self._rng_devices()):
            torch.manual_seed(seed)
            return self.dataset.sample(count)

    def _rng_devices(self) -> list:
        return [self.device] if self.device.type == "cuda" else []

    def _display_real(self, seed: int) -> np.ndarray | None:
        if not self.is_points:
            return None
        with torch.random.fork_rng(devices=self._rng_devices()):
            torch.manual_seed(seed)
            points = self.dataset.sample(DISPLAY_REAL_POINTS)
        return points.cpu().numpy()

    def fixed_samples(self) -> np.ndarray | dict[str, np.ndarray]:
        """What G makes of the fixed noise: an 8x8 uint8 image grid [H, W, C],
        or for 2D data a dict of real and generated points."""
        fake = self.generate(noise=self.fixed_noise)
        if self.is_points:
            return {"real": self.display_real, "fake": fake.float().cpu().numpy()}
        return image_grid(to_uint8(fake).cpu().numpy(), columns=8)

