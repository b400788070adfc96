"""The data-space snapshot and the stepping of the learning view, on the ring data."""

import numpy as np
import pytest
import torch

from gantuner.learning.data_space import (
    HEAT_CELLS,
    MANIFOLD_LINES,
    MANIFOLD_POINTS,
    DataSpaceProbe,
    engine_snapshot,
    plane_inputs,
)
from gantuner.learning.playground import Playground
from gantuner.learning.slow_motion import PHASES, slow_motion_step, step_d_only, step_g_only
from gantuner.training import Engine

RING = {"dataset": "ring", "device": "cpu", "g_width": 16, "d_width": 16, "g_depth": 1, "d_depth": 1,
        "batch_size": 64}


def weights(module):
    return [p.detach().clone() for p in module.parameters()]


def same(a, b):
    return all(torch.equal(x, y) for x, y in zip(a, b))


def test_snapshot_holds_d_over_the_plane_gs_push_and_its_manifold():
    engine = Engine(RING)
    for _ in range(30):
        engine.step()
    g_before, d_before = weights(engine.G), weights(engine.D)
    snap = engine_snapshot(engine)
    # Looking changes nothing: no weights, no gradients left behind, modes kept.
    assert same(g_before, weights(engine.G)) and same(d_before, weights(engine.D))
    assert engine.G.training and engine.D.training
    assert snap.heat.shape == (HEAT_CELLS, HEAT_CELLS) and np.all((snap.heat >= 0) & (snap.heat <= 1))
    assert snap.heat.std() > 1e-4, "D's opinion varies over the plane"
    x0, x1, y0, y1 = snap.bounds
    assert x0 < snap.real[:, 0].min() and snap.real[:, 0].max() < x1
    assert snap.real.shape == (1024, 2) and snap.fake.shape == (1024, 2)
    assert snap.arrows.shape == (256, 2) and np.abs(snap.arrows).sum() > 0
    # latent_dim 2 on ring: lines each way, each G's image of a noise line.
    assert snap.manifold.shape == (2 * MANIFOLD_LINES, MANIFOLD_POINTS, 2)
    with torch.no_grad():
        engine.G.eval()
        line = engine.G(torch.stack([torch.linspace(-2.5, 2.5, MANIFOLD_POINTS),
                                    torch.full((MANIFOLD_POINTS,), -2.5)], dim=1))
        fixed = engine.G(engine.fixed_noise)
        engine.G.train()
    assert np.allclose(snap.manifold[0], line.numpy(), atol=1e-5)
    assert np.allclose(snap.fake, fixed.numpy(), atol=1e-5)   # G's image of its fixed noise, in the same pass
    # The probe's kept inputs give the same snapshot.
    assert np.array_equal(engine_snapshot(engine, plane_inputs(engine)).heat, snap.heat)


def test_arrows_point_where_d_says_real():
    engine = Engine(RING)
    for _ in range(30):
        engine.step()
    snap = engine_snapshot(engine)
    fake = torch.from_numpy(snap.fake[:256])
    step = torch.from_numpy(snap.arrows)
    engine.D.eval()
    with torch.no_grad():
        before = engine.D(fake)
        after = engine.D(fake + 1e-3 * step / step.norm(dim=1, keepdim=True).clamp_min(1e-12))
    engine.D.train()
    assert (after > before).float().mean() > 0.9


def test_d_only_changes_only_d_and_g_only_only_g():
    engine = Engine(RING)
    g0, d0 = weights(engine.G), weights(engine.D)
    step_d_only(engine)
    assert same(g0, weights(engine.G)) and not same(d0, weights(engine.D))
    g1, d1 = weights(engine.G), weights(engine.D)
    step_g_only(engine)
    assert same(d1, weights(engine.D)) and not same(g1, weights(engine.G))


def test_slow_motion_walks_the_phases_in_order_and_updates_at_the_right_one():
    engine = Engine(RING)
    d0, g0 = weights(engine.D), weights(engine.G)
    seen = []
    for phase in slow_motion_step(engine):
        seen.append((phase.name, same(d0, weights(engine.D)), same(g0, weights(engine.G))))
        assert phase.caption("en") and phase.caption("ja") != phase.caption("en")
    assert [s[0] for s in seen] == list(PHASES)
    # D unchanged while it only judges; changed from its update on; G changes only at its own update.
    assert [s[1:] for s in seen] == [(True, True), (True, True), (True, True), (False, True), (False, False)]
    assert engine.step_count == 1


def test_probe_keeps_to_its_time_budget():
    engine = Engine(RING)
    clock = iter([0.0, 0.01, 0.1, 0.5, 0.6, 0.61]).__next__
    probe = DataSpaceProbe(budget=0.02, max_rate=10.0, clock=clock)
    assert probe.maybe(engine) is not None          # at 0.0, took 0.01 s: next at 0.5
    assert probe.maybe(engine) is None              # at 0.1
    assert probe.maybe(engine) is not None          # at 0.5
    probe.wanted = False
    assert probe.maybe(engine) is None and probe.taken == 2


def test_playground_serves_steps_and_phases_in_its_own_thread():
    import time

    playground = Playground(RING)
    playground.start()
    try:
        deadline = time.monotonic() + 30
        while playground.latest is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert playground.latest is not None and playground.latest.step == 0
        for _ in PHASES:
            playground.send("phase")
        playground.send("step")
        while playground.step < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert playground.step == 2 and playground.error is None
        with pytest.raises(ValueError, match="unknown playground command"):
            playground.send("jump")
    finally:
        assert playground.stop()


def test_snapshot_of_bare_models_takes_its_bounds_from_the_grid():
    from gantuner.learning.data_space import data_space_snapshot, plane_grid

    engine = Engine(RING)
    real = engine.dataset.sample(100)
    fake = engine.generate(50)
    snap = data_space_snapshot(engine.G, engine.D, real, fake, plane_grid((-2.0, 2.0, -1.0, 1.0), 8))
    assert snap.bounds == (-2.0, 2.0, -1.0, 1.0)
    assert snap.heat.shape == (8, 8) and snap.arrows.shape == (50, 2) and snap.manifold.size == 0
