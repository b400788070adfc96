"""``gantuner quality RUN_DIR`` against a stand-in engine (the real one is tested by the CLI's tests)."""

import argparse
import io
import json
import math
import sys
import types

import pytest
import torch

from gantuner import quality_command as command
from gantuner.quality.modes2d import ring_modes, sample_mixture


class _Dataset:
    kind = "points"

    def sample(self, n):
        return sample_mixture(*ring_modes(), n, torch.Generator().manual_seed(0))


class _Engine:
    config = {"dataset": "ring", "image_size": 16}
    dataset = _Dataset()
    step_count = 500

    def generate(self, n):
        centers, std = ring_modes()  # a generator stuck on mode 0
        return torch.as_tensor(centers[0]) + std * torch.randn(n, 2, generator=torch.Generator().manual_seed(1))


@pytest.fixture
def engine_module(monkeypatch):
    loaded = []

    def load_engine_from_run(run_dir, device=None, on_skip=None):
        loaded.append(run_dir)
        if (run_dir / "broken").exists():
            raise ValueError("checkpoints/step_000500.safetensors is damaged")
        return _Engine()

    module = types.ModuleType("gantuner.training.checkpoint")
    module.load_engine_from_run = load_engine_from_run
    monkeypatch.setitem(sys.modules, "gantuner.training.checkpoint", module)
    return loaded


def _run(argv):
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    status = command.run(parser.parse_args(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_json_output_holds_the_run_metrics(tmp_path, engine_module):
    status, out, err = _run([str(tmp_path), "--json", "--samples", "500"])
    assert status == 0 and err == ""
    report = json.loads(out)
    assert engine_module == [tmp_path]
    assert report["dataset"] == "ring" and report["step"] == 500 and report["samples"] == 500
    assert report["quality_modes"] == 1.0
    assert report["quality_reverse_kl"] == pytest.approx(math.log(8))


def test_table_output_has_a_line_per_metric(tmp_path, engine_module):
    status, out, _ = _run([str(tmp_path)])
    assert status == 0
    assert "step 500" in out and "2500 samples" in out
    assert "Modes covered" in out and "Reverse KL" in out
    assert len(out.strip().splitlines()) == 2 + 6  # header, the reading in one sentence, the metrics


def test_japanese_table(tmp_path, engine_module):
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    args = parser.parse_args([str(tmp_path), "--samples", "100"])
    args.lang = "ja"
    out = io.StringIO()
    assert command.run(args, out=out, err=io.StringIO()) == 0
    assert "カバーしたモード数" in out.getvalue()


def test_missing_run_directory_is_one_clear_line(tmp_path, engine_module):
    status, out, err = _run([str(tmp_path / "nope")])
    assert status == 2 and out == ""
    assert "no such run directory" in err and len(err.strip().splitlines()) == 1
    assert engine_module == []


def test_too_few_samples_are_refused(tmp_path, engine_module):
    status, _, err = _run([str(tmp_path), "--samples", "2"])
    assert status == 2 and "--samples 2: use 4 or more" in err


def test_unloadable_checkpoint_is_one_clear_line(tmp_path, engine_module):
    (tmp_path / "broken").write_text("")
    status, out, err = _run([str(tmp_path)])
    assert status == 1 and out == ""
    assert "cannot load the latest checkpoint" in err and "damaged" in err
    assert "Traceback" not in err


def test_unexpected_errors_still_give_one_line(tmp_path, monkeypatch):
    class _BrokenEngine(_Engine):
        def generate(self, n):
            raise KeyError("latent_dim")

    module = types.ModuleType("gantuner.training.checkpoint")
    module.load_engine_from_run = lambda run_dir, **options: _BrokenEngine()
    monkeypatch.setitem(sys.modules, "gantuner.training.checkpoint", module)
    status, out, err = _run([str(tmp_path)])
    assert status == 1 and out == ""
    assert "cannot compute the quality metrics (KeyError: 'latent_dim')" in err
    assert len(err.strip().splitlines()) == 1


def test_missing_engine_is_reported_not_raised(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "gantuner.training.checkpoint", None)  # import fails
    status, _, err = _run([str(tmp_path)])
    assert status == 1 and "training engine is not available" in err
