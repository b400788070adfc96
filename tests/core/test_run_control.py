"""The loop owns run control: commands served between steps, D-only and G-only steps,
checkpoints that never race a step, rolling checkpoints, divergence, disk trouble."""

from __future__ import annotations

import json
import math
import shutil

import pytest
import torch

from gantuner.knobs import KnobError
from gantuner.training import Driver, Engine, RunState, control  # noqa: F401
from gantuner.training.checkpoint import read_checkpoint
from gantuner.training.driver import RunExistsError, RunOptions

from .helpers import DIGITS_FAST, RING_FAST, Recorder, quiet_options, run_in_thread, wait_until


def events_of(run_dir):
    return [json.loads(line) for line in (run_dir / "events.jsonl").read_text().splitlines()]


def rows_of(run_dir):
    return [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]


# ---- commands are plain data ---------------------------------------------------------

@pytest.mark.parametrize("command", [
    control.set_knobs({"lr_d": "1e-4", "d_batchnorm": "on"}, source="hint:balance"),
    control.Pause(), control.Resume(), control.Step("d"), control.Step("g"), control.Step(),
    control.Stop("SIGTERM"), control.SaveCheckpoint("/tmp/x"), control.SaveCheckpoint(), control.Sample(),
    control.MoveRun("/tmp/elsewhere/run"), control.StopSaving(),
])
def test_every_command_survives_a_trip_through_json(command):
    message = json.loads(json.dumps(control.to_message(command)))
    assert control.from_message(message) == command


def test_commands_from_elsewhere_are_checked():
    with pytest.raises(KnobError, match="needs a restart"):
        control.from_message({"command": "set_knobs", "values": {"g_width": 8}})
    with pytest.raises(KnobError, match="out of range"):
        control.from_message({"command": "set_knobs", "values": {"lr_d": 5}})
    with pytest.raises(ValueError, match="not a gantuner command"):
        control.from_message({"command": "format_disk"})
    with pytest.raises(ValueError, match="unknown field"):
        control.from_message({"command": "stop", "now": True})
    with pytest.raises(ValueError, match="step part"):
        control.Step("both halves")


def test_one_state_enum_reads_as_its_string():
    assert RunState.PAUSED == "paused" and json.dumps({"s": RunState.RUNNING}) == '{"s": "running"}'
    assert RunState("stopped") is RunState.STOPPED
    assert [s for s in RunState if s.active] == [RunState.STARTING, RunState.RUNNING, RunState.PAUSED]


# ---- single steps ---------------------------------------------------------------------

def _state(module, opt):
    tensors = {f"m.{k}": v.detach().clone() for k, v in module.state_dict().items()}
    for i, p in enumerate(opt.param_groups[0]["params"]):
        for k, v in opt.state.get(p, {}).items():
            tensors[f"o.{i}.{k}"] = v.detach().clone()
    return tensors


def _same(a, b):
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def test_d_only_and_g_only_steps_change_only_their_model_and_optimizer():
    # Batch norm in both models: running statistics are state too.
    driver = Driver.new({**DIGITS_FAST, "d_batchnorm": True, "g_batchnorm": True}, options=quiet_options())
    engine = driver.engine
    recorder = Recorder()
    driver.pause()
    driver.step_once()  # a whole step first, so both optimisers have state
    thread = run_in_thread(driver, recorder)
    wait_until(lambda: driver.state == "paused" and engine.step_count == 1)

    for part, changed, unchanged in (("d", (engine.D, engine.opt_d), (engine.G, engine.opt_g)),
                                     ("g", (engine.G, engine.opt_g), (engine.D, engine.opt_d))):
        before_changed, before_unchanged = _state(*changed), _state(*unchanged)
        count = engine.step_count
        driver.step_once(part)
        wait_until(lambda: len(recorder.rows) == count + 1)
        assert _same(_state(*unchanged), before_unchanged), f"a {part}-only step touched the other model"
        assert not _same(_state(*changed), before_changed), f"a {part}-only step changed nothing"
    d_row, g_row = recorder.rows[-2], recorder.rows[-1]
    assert math.isfinite(d_row["d_loss"]) and math.isnan(d_row["g_loss"])
    assert math.isfinite(g_row["g_loss"]) and math.isnan(g_row["d_loss"])
    assert driver.state == "paused" and not recorder.of("divergence")  # NaN of the other half is no divergence
    driver.stop()
    thread.join(20)
    assert driver.state == "stopped"


# ---- checkpoints are served between steps ----------------------------------------------------

def test_save_right_after_step_is_never_torn(tmp_path):
    config = {**RING_FAST, "seed": 11}
    driver = Driver.new(config, out=tmp_path / "run", options=quiet_options())
    recorder = Recorder()
    driver.pause()
    thread = run_in_thread(driver, recorder)
    for i in range(4):  # Step then Save at once, as fast as a double click
        driver.step_once()
        driver.save_checkpoint(tmp_path / f"saved{i}")
    driver.resume_training()
    driver.save_checkpoint(tmp_path / "while-running")
    wait_until(lambda: len([e for e in recorder.of("checkpoint") if e["requested"]]) == 5)
    driver.stop()
    thread.join(20)

    saved = [e["path"] for e in recorder.of("checkpoint") if e["requested"]]
    assert [p.split("/")[-2] for p in saved] == ["saved0", "saved1", "saved2", "saved3", "while-running"]
    reference = Engine(config)  # the same seed, stepped by hand
    for path in saved:
        tensors, meta = read_checkpoint(path)
        while reference.step_count < meta["step"]:
            reference.step()
        for key, value in reference.G.state_dict().items():
            assert torch.equal(tensors[f"G.{key}"], value), f"{path}: G.{key} is not the state of its step"
        for key, value in reference.D.state_dict().items():
            assert torch.equal(tensors[f"D.{key}"], value), f"{path}: D.{key} is not the state of its step"
    assert [read_checkpoint(p)[1]["step"] for p in saved[:4]] == [1, 2, 3, 4]


def test_rolling_checkpoints_by_time_keep_the_newest_two(tmp_path):
    options = quiet_options(checkpoint_seconds=0.15, max_steps=100_000)
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=options)
    recorder = Recorder()
    thread = run_in_thread(driver, recorder)
    wait_until(lambda: len(recorder.of("checkpoint")) >= 4)
    driver.stop()
    thread.join(20)
    rolling = [e["path"] for e in recorder.of("checkpoint") if e["rolling"]]
    final = recorder.of("checkpoint")[-1]
    left = sorted((tmp_path / "run" / "checkpoints").glob("*.safetensors"))
    # The two newest rolling ones and the final one remain (the final may be of the newest
    # rolling one's step, then it is kept); older rolling ones are pruned.
    assert not final["rolling"] and len(rolling) >= 4
    assert [str(p) for p in left] == sorted({*rolling[-2:], final["path"]})


def test_a_new_run_checkpoints_after_its_first_step_and_a_resumed_one_does_not_again(tmp_path):
    # Timed checkpoints every 30 s only: the first one comes at step 1, not 30 s in.
    Driver.new(RING_FAST, out=tmp_path / "run", options=quiet_options(max_steps=3)).run()
    names = sorted(p.name for p in (tmp_path / "run" / "checkpoints").glob("*.safetensors"))
    assert names == ["step_000001.safetensors", "step_000003.safetensors"]
    resumed = Driver.resume(tmp_path / "run", overrides={"max_steps": 6})
    resumed.run()
    names = sorted(p.name for p in (tmp_path / "run" / "checkpoints").glob("*.safetensors"))
    assert names == ["step_000001.safetensors", "step_000003.safetensors", "step_000006.safetensors"]


def test_a_checkpoint_asked_for_at_a_rolling_ones_step_is_never_pruned(tmp_path):
    options = quiet_options(checkpoint_seconds=1e-9, max_steps=100_000)  # every step a rolling one
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=options)
    driver.pause()
    for command in (control.Step(), control.SaveCheckpoint(), control.Step(), control.Step(), control.Stop()):
        driver.send(command)
    driver.run()
    names = sorted(p.name for p in (tmp_path / "run" / "checkpoints").glob("*.safetensors"))
    # step 1 was asked for by the user; the rolling ones of steps 2 and 3 are the newest two.
    assert names == ["step_000001.safetensors", "step_000002.safetensors", "step_000003.safetensors"]


def test_a_failing_disk_is_said_once_and_training_goes_on(tmp_path, monkeypatch):
    from gantuner.training import driver as driver_module

    class SafetensorsError(Exception):  # not an OSError, as safetensors' own errors are not
        pass

    def full_disk(engine, directory):
        raise SafetensorsError("No space left on device (os error 28)")

    monkeypatch.setattr(driver_module, "save_checkpoint", full_disk)
    options = quiet_options(checkpoint_every=5, max_steps=40)
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=options)
    recorder = Recorder()
    driver.run(recorder)
    assert driver.engine.step_count == 40
    errors = recorder.of("error")
    assert len(errors) == 1 and "No space left" in errors[0]["message"] and errors[0]["message_ja"]
    assert len(rows_of(tmp_path / "run")) == 40 and not driver.rows_lost


def test_rows_that_cannot_be_written_are_reported(tmp_path):
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=quiet_options(max_steps=10))
    (tmp_path / "run" / "metrics.jsonl").mkdir()  # every append fails, for root too
    recorder = Recorder()
    driver.run(recorder)
    assert driver.rows_lost
    assert any("metrics.jsonl" in e["message"] for e in recorder.of("error"))


# ---- divergence ------------------------------------------------------------------------------

def poison_data_from(engine, step):
    """Real NaN in the training data from ``step`` on (a broken file, a bad transform)."""
    original = engine.dataset.sample

    def sample(batch_size, *args, **kwargs):
        batch = original(batch_size, *args, **kwargs)
        return batch * float("nan") if engine.step_count + 1 >= step else batch

    engine.dataset.sample = sample
    return original


def test_divergence_pauses_with_the_last_good_weights_and_a_fix_continues(tmp_path):
    options = quiet_options(max_steps=100_000, keep_good_seconds=0.0, on_divergence="pause")
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=options)
    engine = driver.engine
    original = poison_data_from(engine, 30)
    recorder = Recorder()
    thread = run_in_thread(driver, recorder)
    wait_until(lambda: driver.state == "paused")
    [event] = recorder.of("divergence")
    assert event["step"] == 30 and "d_loss" in event["fields"] and event["action"] == "pause"
    assert event["restored_step"] < 30 and "diverged" in event["message"] and event["message_ja"]
    weights = [p for p in (*engine.G.parameters(), *engine.D.parameters())]
    assert all(torch.isfinite(p).all() for p in weights), "the bad update reached the kept weights"
    held = engine.step_count
    engine.dataset.sample = original  # the cause is gone; the user applies a fix
    driver.submit({"lr_d": 1e-4}, source="hint:divergence")
    wait_until(lambda: engine.step_count >= held + 20)
    assert driver.state == "running"
    driver.save_checkpoint()
    wait_until(lambda: any(e["requested"] for e in recorder.of("checkpoint")))
    driver.stop()
    thread.join(20)
    rows = rows_of(tmp_path / "run")
    assert all(math.isfinite(r["d_loss"]) for r in rows if r["step"] > held)
    events = events_of(tmp_path / "run")
    kinds = [e["type"] for e in events]
    assert kinds.index("divergence") < kinds.index("pause") < kinds.index("resume") < kinds.index("knob")
    assert events[kinds.index("knob")]["step"] == held + 1  # the fix is in force from the first step on
    for path in (tmp_path / "run" / "checkpoints").glob("*.safetensors"):
        tensors, _ = read_checkpoint(path)
        assert all(torch.isfinite(t).all() for t in tensors.values() if t.is_floating_point()), path


def test_divergence_with_stop_ends_the_run_with_good_weights(tmp_path):
    options = quiet_options(max_steps=100_000, on_divergence="stop")
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=options)
    poison_data_from(driver.engine, 12)
    driver.run()
    assert driver.diverged and driver.state == "stopped"
    events = events_of(tmp_path / "run")
    assert [e["type"] for e in events][-3:] == ["divergence", "checkpoint", "stop"]
    assert events[-1]["reason"] == "divergence"
    tensors, meta = read_checkpoint(events[-2]["path"])
    assert all(torch.isfinite(t).all() for t in tensors.values() if t.is_floating_point())


# ---- errors, existing runs, resumed options ---------------------------------------------------

def test_an_error_in_the_loop_leaves_an_event_and_a_checkpoint(tmp_path):
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=quiet_options(max_steps=100_000))
    engine = driver.engine
    step = engine.step

    def failing_step():
        if engine.step_count == 25:
            raise RuntimeError("CUDA error: an illegal memory access was encountered")
        return step()

    engine.step = failing_step
    with pytest.raises(RuntimeError, match="illegal memory access"):
        driver.run()
    assert driver.state == "stopped"
    events = events_of(tmp_path / "run")
    assert any(e["type"] == "error" and "illegal memory access" in e["message"] for e in events)
    saved = sorted((tmp_path / "run" / "checkpoints").glob("*.safetensors"))
    # The first step's checkpoint, and the one the error left: the last good state, step <= 25.
    assert [p.name for p in saved] == ["step_000001.safetensors", "step_000025.safetensors"]
    assert 0 <= read_checkpoint(saved[-1])[1]["step"] <= 25


def test_out_at_an_existing_run_is_refused(tmp_path):
    Driver.new(RING_FAST, out=tmp_path / "run", options=quiet_options(max_steps=3)).run()
    before = (tmp_path / "run" / "config.json").read_text()
    with pytest.raises(RunExistsError, match="--resume"):
        Driver.new(DIGITS_FAST, out=tmp_path / "run")
    assert (tmp_path / "run" / "config.json").read_text() == before
    (tmp_path / "empty").mkdir()
    Driver.new(RING_FAST, out=tmp_path / "empty", options=quiet_options(max_steps=1))  # an empty folder is fine


def test_resume_keeps_the_runs_own_options(tmp_path):
    options = RunOptions(sample_every=0, checkpoint_every=7, checkpoint_seconds=12.5, quality_every=0,
                         max_steps=7)
    Driver.new(RING_FAST, out=tmp_path / "run", options=options).run()
    resumed = Driver.resume(tmp_path / "run")
    assert (resumed.options.checkpoint_every, resumed.options.checkpoint_seconds) == (7, 12.5)
    assert resumed.options.max_steps is None
    again = Driver.resume(tmp_path / "run", overrides={"checkpoint_every": 3})
    assert (again.options.checkpoint_every, again.options.checkpoint_seconds) == (3, 12.5)
    shutil.rmtree(tmp_path / "run")


def test_divergence_with_continue_trains_on_and_gives_up_when_it_keeps_diverging(tmp_path):
    from gantuner.training.driver import MAX_DIVERGENCES

    options = quiet_options(max_steps=100_000, on_divergence="continue", flush_seconds=0.0)
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=options)
    poison_data_from(driver.engine, 12)  # the cause never goes away
    driver.run()
    actions = [e["action"] for e in events_of(tmp_path / "run") if e["type"] == "divergence"]
    assert actions == ["continue"] * (MAX_DIVERGENCES - 1) + ["stop"]
    assert driver.diverged and driver.engine.step_count > 12 + MAX_DIVERGENCES - 2
