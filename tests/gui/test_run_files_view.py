"""Loading a run directory for the window and the sample history; no Qt needed."""

from __future__ import annotations

import json

import numpy as np
from PIL import Image

from gantuner.run_model.loader import load_run, marker_label, run_dir_of_checkpoint
from gantuner.run_model.sample_history import SampleHistory, save_png


def _write_run(path):
    (path / "samples").mkdir(parents=True)
    (path / "checkpoints").mkdir()
    (path / "config.json").write_text(json.dumps({"knobs": {"dataset": "ring", "lr_d": 1e-3}, "run": {}}))
    rows = [{"step": s, "d_loss": 0.7, "g_loss": 0.6 + s, "lr_d": 1e-3 if s < 3 else 1e-4} for s in range(1, 6)]
    lines = [json.dumps(r) for r in rows] + ['{"step": 6, "d_lo']  # a line cut off by a crash
    (path / "metrics.jsonl").write_text("\n".join(lines) + "\n")
    (path / "events.jsonl").write_text(
        json.dumps({"step": 3, "type": "knob", "knob": "lr_d", "old": 1e-3, "new": 1e-4, "source": "user"}) + "\n")
    Image.fromarray(np.zeros((4, 4), dtype=np.uint8)).save(path / "samples" / "step_000005.png")


def test_load_run_gives_columns_markers_samples_and_bad_lines(tmp_path):
    _write_run(tmp_path / "run")
    loaded = load_run(tmp_path / "run")
    np.testing.assert_array_equal(loaded.steps, [1, 2, 3, 4, 5])
    np.testing.assert_array_equal(loaded.columns["g_loss"], [1.6, 2.6, 3.6, 4.6, 5.6])
    assert np.isnan(loaded.columns["d_x"]).all()
    assert [marker_label(e) for e in loaded.knob_changes] == ["lr_d 1e-3 -> 1e-4"]
    assert [s for s, _ in loaded.samples] == [5]
    assert loaded.bad_lines == [("metrics.jsonl", 6)]
    assert loaded.last_knobs()["lr_d"] == 1e-4  # the live value at the end, not the start


def test_checkpoint_inside_a_run_knows_its_run(tmp_path):
    _write_run(tmp_path / "run")
    assert run_dir_of_checkpoint(tmp_path / "run" / "checkpoints" / "step_000005.safetensors") == tmp_path / "run"
    assert run_dir_of_checkpoint(tmp_path / "loose.safetensors") is None


def test_history_keeps_recent_grids_in_memory_and_older_ones_as_png(tmp_path):
    history = SampleHistory(keep_in_memory=2)
    for step in range(4):
        grid = np.full((3, 3, 1), step * 10, dtype=np.uint8)
        path = tmp_path / f"step_{step:06d}.png"
        save_png(grid, path)
        history.add(step, grid, path)
    assert history._samples[0] is None and history._samples[1] is None  # only the PNG kept
    assert history._samples[3] is not None
    np.testing.assert_array_equal(history.get(0), np.zeros((3, 3, 1)))
    np.testing.assert_array_equal(history.get(1)[..., 0], np.full((3, 3), 10))
    assert history.steps == [0, 1, 2, 3]


def test_points_sample_saves_as_a_scatter_image(tmp_path):
    sample = {"real": np.array([[0.0, 1.0], [1.0, 0.0]]), "fake": np.array([[0.5, 0.5], [np.nan, 0.0]])}
    path = save_png(sample, tmp_path / "points.png")
    with Image.open(path) as image:
        assert image.size == (256, 256) and image.mode == "RGB"
