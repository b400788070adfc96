"""Two real runs overlaid: both curves, each knob set in the key, the difference in words,
samples side by side at one step, and the GIF export (issue 16)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from gantuner.learning.compared_run import load_compared
from gantuner.training import Driver, RunOptions

from .helpers import RING_FAST


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("runs")
    options = RunOptions(max_steps=60, sample_every=20, checkpoint_every=100_000, quality_every=0)
    Driver.new(RING_FAST, out=base / "baseline", options=options).run()
    Driver.new({**RING_FAST, "d_dropout": 0.3, "d_batchnorm": True}, out=base / "weaker_d",
               options=RunOptions(**options.to_json())).run()
    return base / "baseline", base / "weaker_d"


def test_two_runs_show_both_curves_and_the_knob_difference(qtbot, two_runs):
    from gantuner.gui.overlaid_runs import RUN_COLOURS, OverlaidRuns

    view = OverlaidRuns()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    for path in two_runs:
        view.add_path(path)
    qtbot.waitUntil(lambda: len(view.runs) == 2, timeout=20000)
    runs = {run.name: run for run in view.runs}
    assert len(view.curves) == 2
    for curve, run, colour in zip(view.curves, view.runs, RUN_COLOURS):
        x, y = curve.getData()
        assert np.array_equal(x, run.steps) and np.allclose(y, run.columns["d_loss"], equal_nan=True)
        assert len(x) == 60
        assert curve.opts["pen"].color().name() == colour.lower()
    keys = [label.text for _sample, label in view.legend.items]
    assert keys[view.runs.index(runs["weaker_d"])] == "weaker_d: D dropout 0.3, D batch norm on"
    assert keys[view.runs.index(runs["baseline"])] == "baseline: D dropout 0, D batch norm off"
    assert f"{view.runs[1].name} — this run: D " in view.differences.text()
    # Another curve: the same runs, the chosen column.
    view.metric_choice.setCurrentIndex(view.metric_choice.findData("g_loss"))
    assert np.allclose(view.curves[0].getData()[1], view.runs[0].columns["g_loss"], equal_nan=True)
    # Samples side by side at the same step, and a scrub back.
    assert view.shown_step() == 60
    assert [p.name for p in view.shown_samples] == ["step_000060.png", "step_000060.png"]
    assert not view.image_a.pixmap().isNull() and not view.image_b.pixmap().isNull()
    view.step_slider.setValue(0)
    assert view.shown_step() == 20 and [p.name for p in view.shown_samples] == ["step_000020.png"] * 2


def test_a_log_overlaid_says_its_knobs_are_unknown(qtbot, two_runs):
    from gantuner.gui.overlaid_runs import OverlaidRuns
    from gantuner.paths import resource

    view = OverlaidRuns()
    qtbot.addWidget(view)
    view.add_run(load_compared(two_runs[0]))
    view.add_run(load_compared(resource("sample_logs") / "seed_example2.log"))
    assert "knobs unknown" in view.legend.items[1][1].text
    assert "seed_example2.log — a log: its knobs are unknown" in view.differences.text()
    assert len(view.curves[1].getData()[0]) == 18


def test_export_gif_of_a_run(qtbot, two_runs, tmp_path):
    from gantuner.gui.overlaid_runs import OverlaidRuns

    view = OverlaidRuns()
    qtbot.addWidget(view)
    run = load_compared(two_runs[1])
    messages = []
    view.message.connect(lambda text, error: messages.append((text, error)))
    view.export_gif(run, tmp_path / "weaker_d.gif")
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert messages == [(f"Saved 3 frames to {tmp_path / 'weaker_d.gif'}", False)]
    with Image.open(tmp_path / "weaker_d.gif") as gif:
        assert gif.n_frames == 3
