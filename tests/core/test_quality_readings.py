"""Quality numbers on their own scale, with what they mean: the same in `gantuner quality` and the window."""

from __future__ import annotations

import argparse
import io
import math

import pytest

from gantuner import quality_command as command
from gantuner.quality.descriptions import DIGIT_CLASSES, MIXTURE_MODES, QUALITY_METRICS, format_value, reading, summary

RING_GOOD = {"quality_modes": 8.0, "quality_high_quality": 0.96, "quality_reverse_kl": 0.02,
             "quality_diversity": 0.95, "quality_precision": 0.8, "quality_recall": 0.75}
# The learner's run in issue 13: 4 of 8 modes and a kNN precision of 0.05.
RING_HALF = {**RING_GOOD, "quality_modes": 4.0, "quality_high_quality": 0.45, "quality_precision": 0.05}


def test_counts_read_k_of_n_shares_percent_and_distances_carry_units():
    assert format_value("quality_modes", 4.0, "ring") == "4 of 8"
    assert format_value("quality_modes", 4.0, "grid") == "4 of 25"
    assert format_value("quality_modes", 4.0, "ring", "ja") == "4 / 8"
    assert format_value("quality_classes", 8.0, "digits") == "8 of 10"
    assert format_value("quality_high_quality", 0.962, "ring") == "96 %"
    assert format_value("quality_reverse_kl", 0.4123, "ring") == "0.412 nats"
    assert format_value("quality_fid", 12.34, "digits").endswith("classifier feature units")
    assert format_value("quality_modes", math.nan, "ring") == "NaN"


def test_the_mixtures_mode_counts_match_the_metric_itself():
    from gantuner.quality.modes2d import grid_modes, ring_modes

    assert MIXTURE_MODES == {"ring": len(ring_modes()[0]), "grid": len(grid_modes()[0])}
    assert DIGIT_CLASSES == 10


def test_readings_say_good_or_poor_on_each_metrics_own_scale():
    assert reading("quality_modes", 8.0, "ring") == "good"
    assert reading("quality_modes", 4.0, "ring") == "poor"       # 4 of 8 is not healthy
    assert reading("quality_modes", 20.0, "grid") == "fair"      # 20 of 25
    assert reading("quality_precision", 0.05, "ring") == "poor"
    assert reading("quality_diversity", 1.05, "ring") == "good" and reading("quality_diversity", 0.2) == "poor"
    assert reading("quality_reverse_kl", math.log(8), "ring") == "poor"
    assert reading("quality_fid", 5.0, "digits") is None         # no absolute scale: never a verdict
    assert reading("quality_modes", 4.0, None) is None           # N unknown


def test_summary_sentence_in_english_and_japanese():
    assert summary(RING_GOOD, "ring") == "8 of 8 modes, 96 % of samples near a mode: good"
    assert summary(RING_HALF, "ring") == "4 of 8 modes, 45 % of samples near a mode: poor"
    assert summary(RING_GOOD, "ring", "ja") == "モード 8 / 8、モード近くのサンプル 96%: 良好"
    digits = {"quality_classes": 10.0, "quality_class_tv": 0.05, "quality_fid": 3.0}
    assert summary(digits, "digits") == "10 of 10 digit classes, class histogram distance 0.05: good"
    assert summary({"quality_precision": 0.7, "quality_recall": 0.2}, "cifar") == "precision 70 %, recall 20 %: poor"
    assert summary({}, "ring") == ""


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_command_prints_the_numbers_with_their_meaning(language):
    report = {"run_dir": "runs/ring", "dataset": "ring", "kind": "points", "step": 3000, "samples": 2500,
              **RING_HALF}
    text = command.format_table(report, language)
    lines = text.splitlines()
    assert lines[1].strip() == summary(RING_HALF, "ring", language)
    modes_line = next(line for line in lines if QUALITY_METRICS["quality_modes"].label(language) in line)
    assert format_value("quality_modes", 4.0, "ring", language) in modes_line
    assert modes_line.rstrip().endswith("poor" if language == "en" else "不十分")
    precision_line = next(line for line in lines if QUALITY_METRICS["quality_precision"].label(language) in line)
    assert ("5 %" if language == "en" else "5%") in precision_line  # each language's percent typography


def test_the_command_line_prints_of_n_for_a_real_run_directory(tmp_path, monkeypatch):
    """Through `run`, as the CLI calls it (the engine replaced by one whose generator is stuck on one mode)."""
    import sys
    import types

    import torch

    from gantuner.quality.modes2d import ring_modes, sample_mixture

    class Dataset:
        kind = "points"

        def sample(self, n):
            return sample_mixture(*ring_modes(), n, torch.Generator().manual_seed(0))

    class Engine:
        config = {"dataset": "ring"}
        dataset = Dataset()
        step_count = 700

        def generate(self, n):
            centers, std = ring_modes()
            return torch.tensor(centers[0], dtype=torch.float32).repeat(n, 1)

    module = types.ModuleType("gantuner.training.checkpoint")
    module.load_engine_from_run = lambda run_dir, **options: Engine()
    monkeypatch.setitem(sys.modules, "gantuner.training.checkpoint", module)
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    out = io.StringIO()
    assert command.run(parser.parse_args([str(tmp_path), "--samples", "200"]), out=out, err=io.StringIO()) == 0
    assert "1 of 8 modes" in out.getvalue() and ": poor" in out.getvalue()
    out = io.StringIO()
    assert command.run(parser.parse_args([str(tmp_path), "--samples", "200", "--lang", "ja"]), out=out,
                       err=io.StringIO()) == 0
    assert "モード 1 / 8" in out.getvalue() and ": 不十分" in out.getvalue()
