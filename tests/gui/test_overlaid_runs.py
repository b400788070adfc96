"""Two real runs overlaid: both curves, each knob set in the key, the difference in words,
samples side by side at one step, and the GIF export (issue 16)."""

from __future__ import annotations

import html

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
    keys = view.key_texts()
    assert all(html.escape(key) in view.key.text() for key in keys)
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
    assert "knobs unknown" in view.key_texts()[1]
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


def test_overlaid_curves_follow_the_main_curves_smoothing(make_window, two_runs):
    from gantuner.paths import resource
    from gantuner.smoothing import smooth

    window = make_window()
    compare = window.learning.compare
    for path in (*two_runs, resource("sample_logs") / "seed_example2.log"):
        compare.add_run(load_compared(path))
    window.curves.set_smoothing(0.6)
    assert compare.smoothing_weight == 0.6
    for curve, raw, run in zip(compare.curves, compare.raw_curves, compare.runs[:2]):
        x, y = curve.getData()
        assert np.array_equal(x, run.steps)
        assert np.allclose(y, smooth(run.columns["d_loss"], 0.6)[0], equal_nan=True)
        assert not np.allclose(y, run.columns["d_loss"], equal_nan=True)
        assert np.allclose(raw.getData()[1], run.columns["d_loss"], equal_nan=True)   # the raw values, faint
        assert raw.opts["pen"].color().alpha() < 255 and curve.opts["pen"].color() != raw.opts["pen"].color()
    # A curve too short to smooth (18 points) is drawn as it is, as the main curves do, with no copy behind.
    assert len(compare.raw_curves) == 2
    assert np.allclose(compare.curves[2].getData()[1], compare.runs[2].columns["d_loss"], equal_nan=True)
    # Another metric, smoothed alike; smoothing off: the raw values, no faint copies.
    compare.metric_choice.setCurrentIndex(compare.metric_choice.findData("g_loss"))
    assert np.allclose(compare.curves[1].getData()[1], smooth(compare.runs[1].columns["g_loss"], 0.6)[0],
                       equal_nan=True)
    window.curves.set_smoothing(0.0)
    assert compare.raw_curves == []
    assert np.allclose(compare.curves[0].getData()[1], compare.runs[0].columns["g_loss"], equal_nan=True)


def test_add_all_runs_in_a_folder_overlays_each_run_with_its_knobs(qtbot, two_runs, tmp_path):
    import shutil

    from gantuner.gui.overlaid_runs import RUN_COLOURS, OverlaidRuns

    search = tmp_path / "search"
    for path in two_runs:
        shutil.copytree(path, search / path.name)
    third = load_compared(two_runs[0])
    shutil.copytree(two_runs[0], search / "lr_half")   # a third run: D's learning rate halved
    config = (search / "lr_half" / "config.json")
    import json

    written = json.loads(config.read_text())
    written["knobs"]["lr_d"] = third.knobs["lr_d"] / 2
    config.write_text(json.dumps(written))
    (search / "notes").mkdir()                          # not a run: skipped
    (search / "notes" / "todo.txt").write_text("try dropout")
    (search / "broken").mkdir()                         # a run folder that cannot be read: named
    (search / "broken" / "config.json").write_text("{")

    view = OverlaidRuns()
    qtbot.addWidget(view)
    messages = []
    view.message.connect(lambda text, error: messages.append((text, error)))
    view.add_folder(search)
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert [run.name for run in view.runs] == ["baseline", "lr_half", "weaker_d"]
    assert [c.opts["pen"].color().name() for c in view.curves] == [c.lower() for c in RUN_COLOURS[:3]]
    keys = view.key_texts()
    assert keys[1].startswith("lr_half: D learning rate ") and "D dropout 0," in keys[1]
    assert keys[2].startswith("weaker_d: D learning rate ") and "D dropout 0.3" in keys[2]
    lines = view.differences.text().splitlines()
    assert lines[0] == "Compared with baseline:"
    assert lines[1].startswith("lr_half — this run: D learning rate ") and "dropout" not in lines[1]
    assert lines[2] == "weaker_d — this run: D dropout 0.3, D batch norm on"
    text, error = messages[0]
    assert error and text.startswith(f"Added 3 runs from {search}; 1 could not be read: ") and "broken" in text

    empty = tmp_path / "empty"
    (empty / "notes").mkdir(parents=True)
    view.add_folder(empty)
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=20000)
    assert messages[1] == (f"{empty}: no run folders directly in it (a run folder holds config.json); "
                           "pick the folder that holds the runs", True)
    assert len(view.runs) == 3
