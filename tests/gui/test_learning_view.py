"""The Learn dock's data-space view on ring: its layers, stepping and slow motion (issue 16)."""

from __future__ import annotations

import numpy as np
import torch

from gantuner.learning.data_space import engine_snapshot
from gantuner.learning.slow_motion import PHASES
from gantuner.training import Engine

RING_SMALL = {"dataset": "ring", "device": "cpu", "g_width": 16, "d_width": 16, "g_depth": 1, "d_depth": 1,
              "batch_size": 64}


def test_view_draws_points_heat_map_arrows_and_manifold(qtbot):
    from gantuner.gui.data_space_view import DataSpaceView

    engine = Engine(RING_SMALL)
    for _ in range(20):
        engine.step()
    snap = engine_snapshot(engine)
    view = DataSpaceView()
    qtbot.addWidget(view)
    view.resize(600, 600)
    view.show()
    qtbot.waitExposed(view)
    view.show_snapshot(snap)
    assert np.array_equal(view.heat.image, snap.heat)
    rect = view.heat.mapRectToParent(view.heat.boundingRect())
    assert rect.left() < snap.bounds[0] < snap.bounds[1] < rect.right()
    assert np.array_equal(view.real_points.data, snap.real) and np.array_equal(view.fake_points.data, snap.fake)
    assert not view.real_points.path().isEmpty() and not view.fake_points.path().isEmpty()
    # One arrow per pushed fake point, from the point along G's gradient.
    arrows = view.arrows.data
    assert arrows.shape == (len(snap.arrows), 5, 2)
    assert np.allclose(arrows[:, 0], snap.fake[:len(snap.arrows)])
    direction = arrows[:, 1] - arrows[:, 0]
    cosine = (direction * snap.arrows).sum(1) / (np.linalg.norm(direction, axis=1) * np.linalg.norm(snap.arrows, axis=1))
    assert np.all(cosine > 0.999)
    assert view.arrows.path().elementCount() >= 5 * len(snap.arrows)
    assert np.array_equal(view.manifold.data, snap.manifold) and not view.manifold.path().isEmpty()
    # Each layer toggles on its own.
    view.toggles["arrows"].setChecked(False)
    assert not view.arrows.isVisible() and view.heat.isVisible() and view.manifold.isVisible()
    view.toggles["heat"].setChecked(False)
    assert not view.heat.isVisible() and view.real_points.isVisible()


def test_lab_steps_d_only_g_only_and_walks_slow_motion_in_order(qtbot):
    from gantuner.gui.learning_lab import LearningLab

    lab = LearningLab(config=RING_SMALL)
    qtbot.addWidget(lab)
    lab.resize(700, 600)
    lab.show()
    try:
        playground = lab.ensure_started()
        qtbot.waitUntil(lambda: lab.view.snapshot is not None, timeout=30000)

        def weights(module):
            return [p.detach().clone() for p in module.parameters()]

        def after(button):
            shown = lab.view.snapshot
            qtbot.mouseClick(lab.buttons[button], _left())
            qtbot.waitUntil(lambda: lab.view.snapshot is not shown, timeout=20000)

        g0, d0 = weights(playground.engine.G), weights(playground.engine.D)
        after("step_d")
        g1, d1 = weights(playground.engine.G), weights(playground.engine.D)
        assert all(torch.equal(a, b) for a, b in zip(g0, g1)) and not all(torch.equal(a, b) for a, b in zip(d0, d1))
        after("step_g")
        g2, d2 = weights(playground.engine.G), weights(playground.engine.D)
        assert all(torch.equal(a, b) for a, b in zip(d1, d2)) and not all(torch.equal(a, b) for a, b in zip(g1, g2))

        seen = []
        for expected in PHASES:
            qtbot.mouseClick(lab.buttons["phase"], _left())
            qtbot.waitUntil(lambda expected=expected: lab.view.phase is not None and lab.view.phase.name == expected,
                            timeout=20000)
            seen.append(expected)
            assert lab.view.is_highlighted(expected)
            assert [p for p in PHASES if lab.view.is_highlighted(p)] == [expected]
            assert lab.view.caption.text().startswith(f"{PHASES.index(expected) + 1}.")
            shown = lab.view.phase.show
            if expected in ("judge_real", "judge_fake"):
                # The judged batch, split by D's verdict on each point.
                points = shown["real" if expected == "judge_real" else "fake"]
                called_real = shown["score"] > 0.5
                assert np.array_equal(lab.view.called_real.data, points[called_real])
                assert np.array_equal(lab.view.called_fake.data, points[~called_real])
                assert len(lab.view.called_real.data) + len(lab.view.called_fake.data) == len(points) == 64
            else:
                assert len(lab.view.called_real.data) == len(lab.view.called_fake.data) == 0
        assert seen == list(PHASES)
        assert playground.step == 1
    finally:
        lab.shutdown()


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
