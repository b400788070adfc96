"""Config values of the wrong type are refused with a clear line; runs move between devices."""

from __future__ import annotations

import json
import shutil

import pytest
import torch
from safetensors.torch import load_file, save_file

from gantuner import cli
from gantuner.training import Driver
from gantuner.training.checkpoint import load_engine_from_run

from .helpers import RING_FAST, quiet_options
from .helpers import run_cli as _cli

HUGE = "1" + "0" * 400


@pytest.mark.parametrize("toml, fragment", [
    ('[run]\nsteps = "ten"\n', "[run] steps = 'ten': give a whole number >= 1"),
    ("[run]\nout = 5\n", "[run] out = 5: give a folder path in quotes"),
    (f"lr_g = {HUGE}\n", "lr_g = 100000000000... (401 digits): the number is far too large"),
    (f"batch_size = {HUGE}\n", "batch_size = 100000000000... (401 digits)"),
    (f"[run]\ncheckpoint_every = {HUGE}\n", "checkpoint_every = 100000000000... (401 digits)"),
    ("[run]\nsteps = 5.5\n", "[run] steps = 5.5: give a whole number >= 1"),
    ("[run]\nsample_every = true\n", "[run] sample_every = true: give a whole number >= 0"),
    ("[run]\nquality_every = -1\n", "[run] quality_every = -1: give a whole number >= 0"),
    ("[run]\nsteps = 0\n", "[run] steps = 0: give a whole number >= 1"),
])
def test_config_values_of_the_wrong_type_are_one_clear_line(tmp_path, capsys, toml, fragment):
    config = tmp_path / "my.toml"
    config.write_text('dataset = "ring"\n' + toml)
    status = cli.main(["train", "--config", str(config), "--quiet", "--out", str(tmp_path / "run")])
    err = capsys.readouterr().err
    assert status == 2, err
    assert err.startswith(f"gantuner: error: {config}: ") and fragment in err, err
    assert len(err.strip().splitlines()) == 1 and len(err) < 300
    assert not (tmp_path / "run").exists()  # nothing was started


def test_a_400_digit_knob_is_no_traceback_from_the_command_line(tmp_path):
    config = tmp_path / "my.toml"
    config.write_text(f"lr_g = {HUGE}\n")
    result = _cli("train", "--config", str(config), "--quiet")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "far too large" in result.stderr


@pytest.fixture(scope="module")
def cpu_run(tmp_path_factory):
    path = tmp_path_factory.mktemp("cpu") / "run"
    Driver.new(RING_FAST, out=path, options=quiet_options(max_steps=6, checkpoint_every=6)).run()
    return path


def test_resume_with_device_cpu_works_for_a_cpu_run(cpu_run, tmp_path):
    run = tmp_path / "run"
    shutil.copytree(cpu_run, run)
    result = _cli("train", "--resume", str(run), "--device", "cpu", "--steps", "2", "--quiet")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in (run / "events.jsonl").read_text().splitlines()]
    assert [e["device"] for e in events if e["type"] == "start"][-1] == "cpu"
    rows = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == list(range(1, 9))


def _as_if_trained_on_cuda(run):
    """What a CUDA run's checkpoint holds: device "cuda" in its setup and the CUDA random state."""
    for info in (run / "checkpoints").glob("*.json"):
        meta = json.loads(info.read_text())
        meta["config"]["device"] = "cuda"
        info.write_text(json.dumps(meta))
    for weights in (run / "checkpoints").glob("*.safetensors"):
        tensors = dict(load_file(str(weights)))
        tensors["rng.cuda"] = torch.zeros(16, dtype=torch.uint8)
        save_file(tensors, str(weights), metadata={"format": "gantuner-checkpoint"})


@pytest.mark.slow
@pytest.mark.skipif(torch.cuda.is_available(), reason="checks a machine without CUDA")
def test_a_cuda_run_resumes_and_is_measured_on_a_machine_without_cuda(cpu_run, tmp_path):
    run = tmp_path / "run"
    shutil.copytree(cpu_run, run)
    _as_if_trained_on_cuda(run)

    engine = load_engine_from_run(run)  # the run's own device is missing here: auto (the CPU)
    assert engine.device.type == "cpu" and engine.step_count == 6
    assert load_engine_from_run(run, device="cpu").device.type == "cpu"

    resumed = _cli("train", "--resume", str(run), "--steps", "2", "--quiet")
    assert resumed.returncode == 0, resumed.stderr
    quality = _cli("quality", str(run), "--device", "cpu", "--samples", "50")
    assert quality.returncode == 0, quality.stderr
    assert "step 8" in quality.stdout


def test_resume_still_refuses_a_changed_model(cpu_run, tmp_path):
    run = tmp_path / "run"
    shutil.copytree(cpu_run, run)
    result = _cli("train", "--resume", str(run), "--device", "cpu", "--set", "g_width=64", "--steps", "1")
    assert result.returncode == 2 and "g_width cannot change" in result.stderr
