"""Comparing runs: knob differences in words, and a run's samples as a GIF."""

import numpy as np
import pytest
from PIL import Image

from gantuner.learning.gif_export import GifError, export_gif
from gantuner.learning.run_diff import differing_knobs, knob_difference


def test_difference_names_the_changed_knobs_with_their_labels():
    base = {"lr_d": 2e-4, "d_dropout": 0.0, "d_batchnorm": True, "device": "cpu"}
    this = {"lr_d": 2e-4, "d_dropout": 0.3, "d_batchnorm": False, "device": "cuda"}
    assert differing_knobs(this, base) == ["d_dropout", "d_batchnorm"]
    assert knob_difference(this, base) == "this run: D dropout 0.3, D batch norm off"
    assert knob_difference(this, base, "ja") == "この実行: D のドロップアウト 0.3、D のバッチ正規化 オフ"
    assert knob_difference(base, base) == "this run: the same knobs"


def test_gif_has_one_frame_per_sample_in_step_order(tmp_path):
    samples = []
    for step, shade in ((200, 200), (100, 50), (300, 250)):
        path = tmp_path / f"step_{step:06d}.png"
        Image.fromarray(np.full((16, 16), shade, dtype=np.uint8)).save(path)
        samples.append((step, path))
    out = tmp_path / "run.gif"
    assert export_gif(samples, out, frame_ms=80) == 3
    with Image.open(out) as gif:
        assert gif.n_frames == 3 and gif.size == (256, 256)
        shades = []
        for i in range(3):
            gif.seek(i)
            shades.append(np.asarray(gif.convert("L"))[0, 0])
        assert gif.info["duration"] == 80
    assert list(shades) == [50, 200, 250]


def test_gif_refuses_no_samples_and_a_broken_image_with_a_clear_message(tmp_path):
    with pytest.raises(GifError, match="no sample grids yet"):
        export_gif([], tmp_path / "x.gif")
    broken = tmp_path / "step_000100.png"
    broken.write_bytes(b"not a png")
    with pytest.raises(GifError, match="not a readable sample image"):
        export_gif([(100, broken)], tmp_path / "x.gif")
