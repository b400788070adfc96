"""What GAN Lab draws, computed from real PyTorch models: the 2D data space.

:func:`data_space_snapshot` evaluates D over a grid of the plane (the heat
map), G's gradient at each fake point (the arrows: where G's loss pushes the
point) and the image of a noise grid under G (the manifold lines).  It runs
under ``no_grad`` except for one input-gradient of the arrows, taken with
``torch.autograd.grad`` so no parameter's ``.grad`` and no optimiser state is
touched; the models' train/eval modes are restored.  Call it from the thread
that trains, between two steps (it reads weights the step writes), at a low
rate: :class:`DataSpaceProbe` decides when.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import torch

from ..training import losses

# Sizes that keep a snapshot of the ring GAN under one of its steps: each point is a
# forward pass (the view blends the heat map's cells: 36 look as smooth as 48).
HEAT_CELLS = 36          # heat-map resolution per side
MANIFOLD_LINES = 12      # noise-grid lines per direction
MANIFOLD_POINTS = 32     # points along each line
ARROW_POINTS = 256       # fake points that get an arrow


@dataclass
class DataSpaceSnapshot:
    step: int
    real: np.ndarray          # [n, 2]
    fake: np.ndarray          # [m, 2]
    heat: np.ndarray          # [cells, cells] D's "probability real"; heat[i, j] at (xs[j], ys[i])
    bounds: tuple[float, float, float, float]  # x0, x1, y0, y1 of the heat map
    arrows: np.ndarray        # [k, 2] the step -dL_G/dx at fake[:k]
    manifold: np.ndarray      # [lines, points, 2] G's image of noise-grid lines (both directions)


def plane_bounds(real: np.ndarray, margin: float = 0.25) -> tuple[float, float, float, float]:
    """A square window around the real data with a margin, so the map keeps still while G moves."""
    low = real.min(axis=0)
    high = real.max(axis=0)
    centre = (low + high) / 2
    half = float(max(high - low)) / 2 * (1 + margin) or 1.0
    return (float(centre[0] - half), float(centre[0] + half), float(centre[1] - half), float(centre[1] + half))


def plane_grid(bounds: tuple[float, float, float, float], cells: int = HEAT_CELLS) -> torch.Tensor:
    """Cell centres of a cells x cells grid over ``bounds``, row-major (y outer), as [cells*cells, 2]."""
    x0, x1, y0, y1 = bounds
    xs = torch.linspace(x0, x1, cells)
    ys = torch.linspace(y0, y1, cells)
    yy, xx = torch.meshgrid(ys, xs, indexing="ij")
    return torch.stack([xx.reshape(-1), yy.reshape(-1)], dim=1)


def noise_grid_lines(latent_dim: int, lines: int = MANIFOLD_LINES,
                     points: int = MANIFOLD_POINTS, extent: float = 2.5) -> torch.Tensor:
    """Lines of a grid in the first two noise dimensions (the rest zero): [2*lines, points, latent].

    With a 1-D latent there is one line: the whole manifold is a curve.
    """
    ticks = torch.linspace(-extent, extent, lines)
    along = torch.linspace(-extent, extent, points)
    if latent_dim == 1:
        return along.view(1, points, 1)
    grid = torch.zeros(2 * lines, points, latent_dim)
    for i, tick in enumerate(ticks):
        grid[i, :, 0] = along
        grid[i, :, 1] = tick
        grid[lines + i, :, 0] = tick
        grid[lines + i, :, 1] = along
    return grid


def data_space_snapshot(G: torch.nn.Module, D: torch.nn.Module, real: torch.Tensor | np.ndarray,
                        fake: torch.Tensor | None, grid: torch.Tensor, noise_lines: torch.Tensor | None = None, *,
                        bounds: tuple[float, float, float, float] | None = None, loss: str = "bce",
                        step: int = 0, fake_noise: torch.Tensor | None = None) -> DataSpaceSnapshot:
    """D over ``grid``, G's gradient at ``fake`` and G's image of ``noise_lines``.

    ``grid`` is a square grid of points, row-major with y outer, as
    :func:`plane_grid` makes over ``bounds`` (taken from the grid's corners
    when not given).  Without ``fake``, the fake points are G's image of
    ``fake_noise``, computed in the same pass of G as the manifold (one call
    instead of two: on a model this small the calls, not the arithmetic, are
    the cost).  Inputs already on the models' device are not copied; the
    results come back as numpy arrays.
    """
    if fake is None and fake_noise is None:
        raise ValueError("data_space_snapshot needs the fake points or the noise to make them from")
    if bounds is None:
        low, high = grid.min(dim=0).values.tolist(), grid.max(dim=0).values.tolist()
        bounds = (low[0], high[0], low[1], high[1])
    device = next(D.parameters()).device
    modes = (G.training, D.training)
    G.eval()
    D.eval()
    try:
        with torch.no_grad():
            heat = losses.as_probability(loss, D(grid.to(device)).float()).cpu().numpy()
            cells = round(math.sqrt(heat.size))
            heat = heat.reshape(cells, cells)
            manifold = np.zeros((0, 0, 2), dtype=np.float32)
            inputs = [] if fake is not None else [fake_noise.to(device)]
            if noise_lines is not None:
                lines, points, latent = noise_lines.shape
                inputs.append(noise_lines.reshape(-1, latent).to(device))
            if inputs:
                image = G(torch.cat(inputs) if len(inputs) > 1 else inputs[0]).float()
                if fake is None:
                    fake, image = image[:fake_noise.shape[0]], image[fake_noise.shape[0]:]
                if noise_lines is not None:
                    manifold = image.reshape(lines, points, -1)[..., :2].cpu().numpy()
        pushed = fake[:ARROW_POINTS].detach().to(device).float().requires_grad_(True)
        with torch.enable_grad():
            g_loss = losses.g_loss(loss, D(pushed)) * pushed.shape[0]  # per point, not averaged away
            (gradient,) = torch.autograd.grad(g_loss, pushed)
        arrows = (-gradient).cpu().numpy()
    finally:
        G.train(modes[0])
        D.train(modes[1])
    real = real if isinstance(real, np.ndarray) else real.detach().float().cpu().numpy()
    return DataSpaceSnapshot(step, real, fake.detach().float().cpu().numpy(), heat, bounds, arrows, manifold)


@dataclass(frozen=True)
class PlaneInputs:
    """What every snapshot of one engine evaluates and that never changes: the shown real points,
    the plane's window, its grid and the noise-grid lines, on the engine's device."""

    real: np.ndarray
    bounds: tuple[float, float, float, float]
    grid: torch.Tensor
    noise_lines: torch.Tensor


def plane_inputs(engine) -> PlaneInputs:
    if not engine.is_points:
        raise ValueError("the data-space view needs 2D point data (ring, grid, spiral or a points file)")
    bounds = plane_bounds(engine.display_real)
    return PlaneInputs(engine.display_real, bounds, plane_grid(bounds).to(engine.device),
                       noise_grid_lines(engine.latent_dim).to(engine.device))


def engine_snapshot(engine, inputs: PlaneInputs | None = None) -> DataSpaceSnapshot:
    """The snapshot of an :class:`~gantuner.training.Engine` on 2D data, from its display points
    (the fixed noise and the shown real points, so frames compare).  ``inputs``: the engine's
    :func:`plane_inputs`, kept by a caller that takes many snapshots."""
    inputs = inputs or plane_inputs(engine)
    return data_space_snapshot(engine.G, engine.D, inputs.real, None, inputs.grid, inputs.noise_lines,
                               bounds=inputs.bounds, loss=engine.live["loss"], step=engine.step_count,
                               fake_noise=engine.fixed_noise)


class DataSpaceProbe:
    """Takes a snapshot now and then, when someone is looking, within a time budget.

    Called from the training thread between steps.  A snapshot of the ring
    GAN costs about two thirds of one of its steps, so the probe spends at
    most ``budget`` (a share, 0.02 = 2 %) of the training thread's time on
    them: after a snapshot that took ``t`` seconds the next waits
    ``t / budget`` (and at least ``1 / max_rate``: more than ten frames a
    second is wasted on a view).  That leaves room for the view's drawing in
    the GUI thread within the 5 % the view may cost training
    (benchmarks/data_space_cost.py).  The constant inputs (grid, noise lines)
    are made once per engine.  The newest snapshot is left in :attr:`latest`
    (one attribute assignment: another thread may read it any time).
    ``wanted`` is set by the view: hidden, nothing is computed.
    """

    def __init__(self, budget: float = 0.02, max_rate: float = 10.0, clock=time.perf_counter):
        self.budget = float(budget)
        self.min_interval = 1.0 / max_rate
        self.wanted = True
        self.latest: DataSpaceSnapshot | None = None
        self._clock = clock
        self._next_time = 0.0
        self.taken = 0
        self._inputs: PlaneInputs | None = None
        self._inputs_of = None

    def maybe(self, engine, force: bool = False) -> DataSpaceSnapshot | None:
        if not (self.wanted or force) or not engine.is_points:
            return None
        start = self._clock()
        if not force and start < self._next_time:
            return None
        if self._inputs_of is not engine:  # the constant inputs, once per engine
            self._inputs, self._inputs_of = plane_inputs(engine), engine
        self.latest = engine_snapshot(engine, self._inputs)
        self.taken += 1
        cost = self._clock() - start
        self._next_time = start + max(cost / self.budget, self.min_interval)
        return self.latest
