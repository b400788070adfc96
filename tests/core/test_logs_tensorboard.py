"""TensorBoard event files, written by torch's SummaryWriter."""

from __future__ import annotations

import builtins

import numpy as np
import pytest

pytest.importorskip("tensorboard")
SummaryWriter = pytest.importorskip("torch.utils.tensorboard").SummaryWriter

from gantuner.logs import LogError, detect_format, read_log  # noqa: E402


def _write(folder, steps, tags):
    writer = SummaryWriter(str(folder))
    for i, step in enumerate(steps):
        for tag, values in tags.items():
            if values[i] is not None:
                writer.add_scalar(tag, values[i], step)
    writer.close()


def test_folder_with_loss_tags_and_extras(tmp_path):
    _write(tmp_path / "run", [0, 10, 20], {"Loss/D": [0.7, 0.6, 0.5], "Loss/G": [0.7, 0.9, 1.1],
                                           "d_acc": [50.0, 62.5, 75.0], "lr": [1e-3, 1e-3, 5e-4]})
    assert detect_format(tmp_path / "run") == "tensorboard"
    assert detect_format(tmp_path) == "tensorboard"  # found recursively
    table = read_log(tmp_path / "run")
    assert table.format == "tensorboard"
    assert table.step.tolist() == [0, 10, 20]
    assert np.allclose(table.columns["d_loss"], [0.7, 0.6, 0.5])  # TensorBoard stores float32
    assert np.allclose(table.columns["g_loss"], [0.7, 0.9, 1.1])
    assert np.allclose(table.columns["d_acc"], [0.5, 0.625, 0.75])  # percent -> share
    assert np.allclose(table.columns["lr"], [1e-3, 1e-3, 5e-4])


def test_single_event_file_and_all_points_kept(tmp_path):
    steps = list(range(12_000))  # more than the accumulator's default sample of 10,000
    _write(tmp_path, steps, {"loss_d": [float(s) for s in steps], "D_loss_fake": [None] * 12_000})
    files = list(tmp_path.glob("events.out.tfevents.*"))
    assert len(files) == 1
    table = read_log(files[0])
    assert len(table) == 12_000
    assert table.columns["d_loss"][-1] == 11_999.0


def test_tags_logged_at_different_steps_are_merged_by_step(tmp_path):
    writer = SummaryWriter(str(tmp_path))
    writer.add_scalar("Loss/D", 0.5, 0)
    writer.add_scalar("Loss/D", 0.4, 2)
    writer.add_scalar("Loss/G", 0.9, 1)
    writer.close()
    table = read_log(tmp_path)
    assert table.step.tolist() == [0, 1, 2]
    assert np.isnan(table.columns["d_loss"][1]) and np.isnan(table.columns["g_loss"][0])


def test_add_scalars_subfolders_are_named_after_the_curve(tmp_path):
    writer = SummaryWriter(str(tmp_path))
    for step in range(3):
        writer.add_scalars("Loss", {"D": 0.5 + step, "G": 1.0 + step}, step)
    writer.close()
    table = read_log(tmp_path)
    assert np.allclose(table.columns["d_loss"], [0.5, 1.5, 2.5])
    assert np.allclose(table.columns["g_loss"], [1.0, 2.0, 3.0])


def test_several_runs_in_one_folder_is_an_error(tmp_path):
    _write(tmp_path / "a", [0], {"Loss/D": [0.5]})
    _write(tmp_path / "b", [0], {"Loss/D": [0.6]})
    with pytest.raises(LogError, match="several runs"):
        read_log(tmp_path)


def test_no_loss_tag_names_the_tags(tmp_path):
    _write(tmp_path, [0], {"fid": [30.0]})
    with pytest.raises(LogError, match="fid"):
        read_log(tmp_path)


def test_without_tensorboard_the_error_says_how_to_install(tmp_path, monkeypatch):
    _write(tmp_path, [0], {"Loss/D": [0.5]})
    real_import = builtins.__import__

    def no_tensorboard(name, *args, **kwargs):
        if name.startswith("tensorboard"):
            raise ImportError("No module named 'tensorboard'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_tensorboard)
    with pytest.raises(LogError) as info:
        read_log(tmp_path, format="tensorboard")
    assert 'pip install "gantuner[tensorboard]"' in str(info.value)
