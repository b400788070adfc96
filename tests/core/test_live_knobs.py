"""Knob changes from another thread reach the next step, and the step uses them."""

import json

from gantuner.training import Driver

from .helpers import RING_FAST, quiet_options, run_in_thread, wait_until


class BatchSizeSpy:
    """Wraps the dataset's sampler to see the batch size each step really drew."""

    def __init__(self, engine):
        self.engine = engine
        self.original = engine.dataset.sample
        self.sizes: dict[int, int] = {}
        engine.dataset.sample = self.sample

    def sample(self, batch_size, *args, **kwargs):
        batch = self.original(batch_size, *args, **kwargs)
        self.sizes[self.engine.step_count + 1] = int(batch.shape[0])
        return batch


def test_changes_from_another_thread_apply_at_the_next_step(tmp_path):
    driver = Driver.new({**RING_FAST, "d_batchnorm": False, "d_dropout": 0.0}, out=tmp_path / "run",
                        options=quiet_options(max_steps=100_000))
    engine = driver.engine
    spy = BatchSizeSpy(engine)
    seen: dict[int, tuple] = {}
    original_step = engine.step

    def recording_step():
        # What the step really uses, read inside the step itself.
        seen[engine.step_count + 1] = (
            engine.opt_d.param_groups[0]["lr"],
            engine.D.dropout_layers()[0].p,
            engine.D.batchnorm_layers()[0].enabled,
        )
        return original_step()

    engine.step = recording_step
    thread = run_in_thread(driver)
    wait_until(lambda: engine.step_count >= 20)
    driver.submit({"lr_d": 5e-5, "d_dropout": 0.3, "d_batchnorm": True, "batch_size": 48})
    mark = engine.step_count
    wait_until(lambda: engine.step_count >= mark + 10)
    driver.stop()
    thread.join(10)
    assert not thread.is_alive()

    rows = [json.loads(line) for line in (tmp_path / "run" / "metrics.jsonl").read_text().splitlines()]
    changed = [r["step"] for r in rows if r["lr_d"] == 5e-5]
    first = changed[0]
    assert changed == list(range(first, rows[-1]["step"] + 1)), "every row after the change carries it"
    assert first > 20
    for row in rows:
        new = row["step"] >= first
        assert (row["d_dropout"], row["d_batchnorm"], row["batch_size"]) == (
            (0.3, True, 48) if new else (0.0, False, 64))
        assert seen[row["step"]] == ((5e-5, 0.3, True) if new else (1e-3, 0.0, False))
        assert spy.sizes[row["step"]] == (48 if new else 64)

    events = [json.loads(line) for line in (tmp_path / "run" / "events.jsonl").read_text().splitlines()]
    knob_events = {e["knob"]: e for e in events if e["type"] == "knob"}
    assert set(knob_events) == {"lr_d", "d_dropout", "d_batchnorm", "batch_size"}
    assert knob_events["lr_d"] == {**knob_events["lr_d"], "step": first, "old": 1e-3, "new": 5e-5,
                                   "source": "user"}


def test_a_bad_value_is_refused_and_training_goes_on(tmp_path):
    import pytest

    from gantuner.knobs import KnobError

    driver = Driver.new(RING_FAST, options=quiet_options(max_steps=100_000))
    thread = run_in_thread(driver)
    wait_until(lambda: driver.engine.step_count >= 3)
    with pytest.raises(KnobError, match="d_dropout = 2 is out of range"):
        driver.submit({"lr_d": 1e-4, "d_dropout": 2})
    with pytest.raises(KnobError, match="needs a restart"):
        driver.submit({"g_width": 8})
    mark = driver.engine.step_count
    wait_until(lambda: driver.engine.step_count >= mark + 3)
    driver.stop()
    thread.join(10)
    assert driver.engine.live["lr_d"] == 1e-3, "nothing of a refused change is applied"


def test_pause_step_resume(tmp_path):
    driver = Driver.new(RING_FAST, options=quiet_options(max_steps=100_000))
    thread = run_in_thread(driver)
    wait_until(lambda: driver.engine.step_count >= 3)
    driver.pause()
    wait_until(lambda: driver.state == "paused")
    import time

    held = driver.engine.step_count
    time.sleep(0.3)
    assert driver.engine.step_count == held
    driver.step_once()
    wait_until(lambda: driver.engine.step_count == held + 1)
    time.sleep(0.3)
    assert driver.engine.step_count == held + 1
    driver.resume_training()
    wait_until(lambda: driver.engine.step_count >= held + 5)
    driver.stop()
    thread.join(10)
    assert not thread.is_alive()
