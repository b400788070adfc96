"""Resuming from a checkpoint continues exactly where the run left off."""

import json

import pytest

from gantuner.metrics import ENGINE_FIELDS
from gantuner.training import Driver

from .helpers import DIGITS_FAST, RING_FAST, quiet_options


def metrics(path):
    rows = [json.loads(line) for line in (path / "metrics.jsonl").read_text().splitlines()]
    return [(r["step"], *(r[f] for f in ENGINE_FIELDS)) for r in rows]


@pytest.mark.parametrize("config", [{**RING_FAST, "d_dropout": 0.2, "instance_noise": 0.05},
                                    {**DIGITS_FAST, "d_dropout": 0.2, "d_batchnorm": True}],
                         ids=["ring", "digits"])
def test_resume_reproduces_the_uninterrupted_run(tmp_path, config):
    whole = Driver.new(config, out=tmp_path / "whole", options=quiet_options(max_steps=24))
    whole.run()

    first = Driver.new(config, out=tmp_path / "split", options=quiet_options(max_steps=12))
    first.run()  # ends with a checkpoint at step 12
    second = Driver.resume(tmp_path / "split", options=quiet_options(max_steps=24))
    assert second.engine.step_count == 12
    second.run()

    assert metrics(tmp_path / "split") == metrics(tmp_path / "whole")
    events = [json.loads(x) for x in (tmp_path / "split" / "events.jsonl").read_text().splitlines()]
    assert any(e["type"] == "resume_run" and e["step"] == 12 for e in events)


def test_resume_after_a_crash_sets_aside_rows_past_the_checkpoint(tmp_path):
    run = Driver.new(RING_FAST, out=tmp_path / "r", options=quiet_options(max_steps=10))
    run.run()
    # Rows written after the last checkpoint, and a line cut off by a kill.
    with open(tmp_path / "r" / "metrics.jsonl", "a") as handle:
        handle.write(json.dumps({"step": 11, "d_loss": 1.0}) + "\n")
        handle.write('{"step": 12, "d_lo')
    resumed = Driver.resume(tmp_path / "r", options=quiet_options(max_steps=13))
    resumed.run()
    steps = [s[0] for s in metrics(tmp_path / "r")]
    assert steps == list(range(1, 14))
    discarded = (tmp_path / "r" / "metrics.discarded.jsonl").read_text().splitlines()
    assert len(discarded) == 2
