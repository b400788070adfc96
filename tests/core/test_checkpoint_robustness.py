"""Checkpoints: malformed ones give one clear message naming the file; writes
never damage what is there; a damaged newest one does not block resume or quality."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from gantuner.text import Text
from gantuner.training import Driver
from gantuner.training.checkpoint import (
    CheckpointError,
    CheckpointWriteError,
    latest_checkpoint,
    load_engine,
    load_engine_from_run,
    save_checkpoint,
)

from .helpers import RING_FAST, mount_small_tmpfs, quiet_options
from .helpers import run_cli as _cli


@pytest.fixture(scope="module")
def good_run(tmp_path_factory) -> Path:
    """A ring run with checkpoints at steps 4 and 8."""
    path = tmp_path_factory.mktemp("good") / "run"
    Driver.new(RING_FAST, out=path, options=quiet_options(max_steps=8, checkpoint_every=4)).run()
    return path


def _copy(good_run: Path, tmp_path: Path) -> Path:
    target = tmp_path / "run"
    shutil.copytree(good_run, target)
    return target


def _tensors(path):
    return dict(load_file(str(path)))


def _edit_tensors(change):
    def edit(weights: Path, info: Path):
        tensors = _tensors(weights)
        change(tensors)
        save_file(tensors, str(weights), metadata={"format": "gantuner-checkpoint"})
    return edit


def _edit_meta(change):
    def edit(weights: Path, info: Path):
        meta = json.loads(info.read_text())
        change(meta)
        info.write_text(json.dumps(meta))
    return edit


def _write_info(text):
    return lambda weights, info: info.write_text(text)


def _first_g(tensors, value_of):
    key = next(k for k in tensors if k.startswith("G.") and k.endswith("weight"))
    tensors[key] = value_of(tensors[key])


# (variant name, how to damage the step-8 checkpoint, the file the message must name)
VARIANTS = [
    ("json_not_json", _write_info("{not json"), ".json"),
    ("json_cut_short", lambda w, i: i.write_bytes(i.read_bytes()[: len(i.read_bytes()) // 2]), ".json"),
    ("json_empty", _write_info(""), ".json"),
    ("json_a_list", _write_info("[1, 2, 3]"), ".json"),
    ("json_not_utf8", lambda w, i: i.write_bytes(b"\xff\xfe{}"), ".json"),
    ("no_optimizers", _edit_meta(lambda m: m.pop("optimizers")), ".json"),
    ("no_config", _edit_meta(lambda m: m.pop("config")), ".json"),
    ("no_live", _edit_meta(lambda m: m.pop("live")), ".json"),
    ("step_a_string", _edit_meta(lambda m: m.update(step="eight")), ".json"),
    ("step_mismatch", _edit_meta(lambda m: m.update(step=4)), ".json"),
    ("no_opt_d", _edit_meta(lambda m: m["optimizers"].pop("opt_d")), ".json"),
    ("param_groups_empty", _edit_meta(lambda m: m["optimizers"]["opt_g"].update(param_groups=[])), ".json"),
    ("scalars_bad_key", _edit_meta(lambda m: m["optimizers"]["opt_g"].update(scalars={"x": 1})), ".json"),
    ("bad_knob_value", _edit_meta(lambda m: m["live"].update(lr_g="fast")), ".json"),
    ("bad_setup_value", _edit_meta(lambda m: m["config"].update(g_width=-3)), ".json"),
    ("scalars_far_index", _edit_meta(lambda m: m["optimizers"]["opt_d"]["scalars"].update({"999.step": 1})),
     ".json"),
    ("weights_garbage", lambda w, i: w.write_bytes(b"garbage" * 10), ".safetensors"),
    ("weights_cut_short", lambda w, i: w.write_bytes(w.read_bytes()[:200]), ".safetensors"),
    ("weights_empty", lambda w, i: w.write_bytes(b""), ".safetensors"),
    ("no_fixed_noise", _edit_tensors(lambda t: t.pop("fixed_noise")), ".safetensors"),
    ("no_rng", _edit_tensors(lambda t: t.pop("rng.cpu")), ".safetensors"),
    ("rng_wrong_dtype", _edit_tensors(lambda t: t.update({"rng.cpu": t["rng.cpu"].float()})), ".safetensors"),
    ("missing_g_weight", _edit_tensors(lambda t: t.pop(next(k for k in t if k.startswith("G.")))),
     ".safetensors"),
    ("extra_d_weight", _edit_tensors(lambda t: t.update({"D.extra": torch.zeros(2)})), ".safetensors"),
    ("g_wrong_shape", _edit_tensors(lambda t: _first_g(t, lambda v: torch.zeros(3, 3))), ".safetensors"),
    ("g_wrong_dtype", _edit_tensors(lambda t: _first_g(t, lambda v: v.double())), ".safetensors"),
    ("g_int_dtype", _edit_tensors(lambda t: _first_g(t, lambda v: v.to(torch.int32))), ".safetensors"),
    ("adam_wrong_shape", _edit_tensors(lambda t: t.update({"opt_g.0.exp_avg": torch.zeros(1)})),
     ".safetensors"),
    ("adam_bad_index", _edit_tensors(lambda t: t.update({"opt_d.77.exp_avg": torch.zeros(1)})),
     ".safetensors"),
    ("adam_int_state", _edit_tensors(
        lambda t: t.update({"opt_g.0.exp_avg_sq": t["opt_g.0.exp_avg_sq"].to(torch.int64)})), ".safetensors"),
    # mismatched halves are reported under the .json, naming the .safetensors too
    ("fixed_noise_wrong_latent", _edit_tensors(lambda t: t.update(fixed_noise=torch.zeros(4, 3))), ".json"),
    ("json_from_other_model", _edit_meta(lambda m: m["config"].update(latent_dim=7)), ".json"),
]


@pytest.mark.parametrize("name, damage, named", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_a_malformed_checkpoint_is_one_clear_error_naming_its_file(good_run, tmp_path, name, damage, named):
    run = _copy(good_run, tmp_path)
    weights = run / "checkpoints" / "step_000008.safetensors"
    damage(weights, weights.with_suffix(".json"))
    with pytest.raises(CheckpointError) as caught:
        load_engine(weights)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(weights.with_suffix(named))), message
    if "halves" in message:
        assert weights.name in message


def test_every_variant_falls_back_to_the_older_good_checkpoint(good_run, tmp_path):
    for name, damage, _ in VARIANTS:
        run = _copy(good_run, tmp_path / name)
        weights = run / "checkpoints" / "step_000008.safetensors"
        damage(weights, weights.with_suffix(".json"))
        skipped: list[Text] = []
        engine = load_engine_from_run(run, on_skip=skipped.append)
        assert engine.step_count == 4, name
        assert len(skipped) == 1 and "step_000008" in skipped[0].en, name
        assert "step_000008" in skipped[0].ja and "一つ前のチェックポイントを試します" in skipped[0].ja, name




@pytest.mark.slow
def test_resume_and_quality_pass_over_a_damaged_newest_checkpoint(good_run, tmp_path):
    run = _copy(good_run, tmp_path)
    info = run / "checkpoints" / "step_000008.json"
    meta = json.loads(info.read_text())
    del meta["optimizers"]
    info.write_text(json.dumps(meta))

    quality = _cli("quality", str(run), "--samples", "50")
    assert quality.returncode == 0, quality.stderr
    assert "step_000008.json" in quality.stderr and "step 4" in quality.stdout
    assert "Traceback" not in quality.stderr

    resumed = _cli("train", "--resume", str(run), "--steps", "2", "--quiet")
    assert resumed.returncode == 0, resumed.stderr
    assert "step_000008.json" in resumed.stderr and "Traceback" not in resumed.stderr
    events = [json.loads(line) for line in (run / "events.jsonl").read_text().splitlines()]
    assert [e for e in events if e["type"] == "resume_run"][-1]["checkpoint"] == "step_000004.safetensors"


def test_every_checkpoint_damaged_is_one_line_not_a_traceback(good_run, tmp_path):
    run = _copy(good_run, tmp_path)
    for weights in (run / "checkpoints").glob("*.safetensors"):
        weights.write_bytes(b"junk")
    result = _cli("train", "--resume", str(run), "--steps", "2", "--quiet")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "damaged checkpoint" in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("gantuner: error: ") and all(line.startswith("gantuner: ") for line in lines)


# ---- writing ----------------------------------------------------------------

def _engine_at(good_run, step=8):
    return load_engine(good_run / "checkpoints" / f"step_{step:06d}.safetensors")


def test_a_failed_write_is_an_oserror_and_leaves_the_older_checkpoints_whole(good_run, tmp_path, monkeypatch):
    """ENOSPC injected at the write system call, as a full disk gives it."""
    run = _copy(good_run, tmp_path)
    folder = run / "checkpoints"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    engine = _engine_at(good_run)
    engine.step_count = 8  # the same name as the newest checkpoint: it must stay as it was

    real_write = os.write
    calls = {"n": 0}

    def full_disk(fd, data):
        calls["n"] += 1
        if calls["n"] > 1:  # the first chunk goes through, then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data[: len(data) // 2])

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(OSError) as caught:
        save_checkpoint(engine, folder)
    monkeypatch.undo()
    assert isinstance(caught.value, CheckpointWriteError) and caught.value.errno == errno.ENOSPC
    assert "No space left" in str(caught.value) and str(folder) in str(caught.value)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no temp file left either
    assert load_engine(latest_checkpoint(folder)).step_count == 8


def test_a_really_full_disk_does_not_stop_training(tmp_path):
    """A 64 KiB tmpfs (root only): checkpoints of the ring model do not fit, training goes on."""
    disk = tmp_path / "small"
    if not mount_small_tmpfs(disk, "64k"):
        pytest.skip("cannot mount a small tmpfs here (needs root and mount permission)")
    try:
        driver = Driver.new(RING_FAST, out=disk / "run",
                            options=quiet_options(max_steps=30, checkpoint_every=10))
        driver.run()
        assert driver.engine.step_count == 30
        events = [json.loads(line) for line in (disk / "run" / "events.jsonl").read_text().splitlines()
                  if line.startswith("{")]
        errors = [e for e in events if e["type"] == "error" and "checkpoint" in e["message"]]
        assert errors and "No space left" in errors[0]["message"]
        assert not [p for p in (disk / "run" / "checkpoints").iterdir() if p.name.endswith(".tmp")]
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_read_only_folder_is_a_checkpoint_write_error(good_run, tmp_path):
    """A read-only bind mount where we can (root ignores chmod), else a non-root chmod."""
    run = _copy(good_run, tmp_path)
    folder = run / "checkpoints"
    engine = _engine_at(good_run)
    engine.step_count = 12
    mounted = False
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)],
                                 capture_output=True).returncode == 0
        if not mounted:
            pytest.skip("root without mount permission: chmod would not stop root writing")
    else:
        folder.chmod(0o555)
    try:
        with pytest.raises(CheckpointWriteError) as caught:
            save_checkpoint(engine, folder)
        assert caught.value.errno in (errno.EROFS, errno.EACCES)
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=False)
        else:
            folder.chmod(0o755)
    assert latest_checkpoint(folder).name == "step_000008.safetensors"
