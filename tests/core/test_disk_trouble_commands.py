"""Disk trouble during a run: MoveRun goes on in another folder with a copy of the run so
far, StopSaving goes on without writing; the old folder is never damaged."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from gantuner.training import Driver, control
from gantuner.training import driver as driver_module
from gantuner.training.checkpoint import CheckpointWriteError, latest_checkpoint, load_engine
from gantuner.training.runfiles import RunWriter, read_run

from .helpers import RING_FAST, Recorder, quiet_options

FAULT_AFTER = 10   # the old folder's disk fills up after this step
ACT_AT = 20        # the user answers the notice at this step
STEPS = 40


class Answer(Recorder):
    """The driver's listener: records everything, and sends ``command`` once the run reaches ``at``
    (calling ``first`` just before, in the training thread, between two steps)."""

    def __init__(self, driver: Driver, command: control.Command, at: int = ACT_AT, first=None):
        super().__init__()
        self.driver, self.command, self.at, self.first = driver, command, at, first
        self.sent_at: int | None = None

    def on_status(self, status):
        if self.sent_at is None and status["step"] >= self.at:
            self.sent_at = status["step"]
            if self.first is not None:
                self.first()
            self.driver.send(self.command)


def full_disk_under(folder: Path, driver_of, monkeypatch) -> None:
    """Every write into ``folder`` fails with ENOSPC after step FAULT_AFTER; the first one part-way."""
    real_append = RunWriter._append
    real_save = driver_module.save_checkpoint
    cut = []

    def failing(writer, name, pending):
        if writer.path == folder and driver_of().engine.step_count > FAULT_AFTER:
            if not cut and name == "metrics.jsonl" and len(pending) > 20:
                half = len(pending) // 2  # half a batch reaches the file: its last line is cut
                real_append(writer, name, pending[:half])
                del pending[:half]
                cut.append(half)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_append(writer, name, pending)

    def failing_save(engine, directory):
        if Path(directory).parent == folder and engine.step_count > FAULT_AFTER:
            raise CheckpointWriteError(f"could not save the checkpoint in {directory}: No space left on device")
        return real_save(engine, directory)

    real_sample = RunWriter.save_sample

    def failing_sample(writer, step, sample):
        if writer.path == folder and driver_of().engine.step_count > FAULT_AFTER:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_sample(writer, step, sample)

    monkeypatch.setattr(RunWriter, "_append", failing)
    monkeypatch.setattr(RunWriter, "save_sample", failing_sample)
    monkeypatch.setattr(driver_module, "save_checkpoint", failing_save)


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def start_run(tmp_path, monkeypatch, command, first=None) -> tuple[Driver, Answer, Path]:
    old = tmp_path / "old"
    driver = Driver.new(RING_FAST, out=old, options=quiet_options(max_steps=STEPS, checkpoint_every=5,
                                                                  sample_every=2, flush_seconds=0.0))
    full_disk_under(old, lambda: driver, monkeypatch)
    return driver, Answer(driver, command, first=first), old


def test_move_run_goes_on_in_the_new_folder_with_every_row_once(tmp_path, monkeypatch):
    new = tmp_path / "elsewhere" / "run"
    driver, answer, old = start_run(tmp_path, monkeypatch, control.MoveRun(str(new)))
    driver.run(answer)
    assert driver.engine.step_count == STEPS and answer.sent_at is not None

    disk = [e for e in answer.events if e["type"] == "error" and e.get("disk")]
    # Rows, checkpoints and samples each said once (several of each failed), naming the folder.
    assert [e["disk"] for e in disk] == [str(old)] * 2 + [str(old / "checkpoints")]
    assert sum("sample grid" in e["message"] for e in disk) == 1
    moved = answer.of("run_moved")
    assert len(moved) == 1 and moved[0]["to"] == str(new) and moved[0]["message_ja"]
    assert driver.run_dir == new and not driver.rows_lost

    run = read_run(new)
    assert [r["step"] for r in run.rows] == list(range(1, STEPS + 1)) and run.skipped_lines == 0
    assert run.config["knobs"]["dataset"] == "ring"
    kinds = [e["type"] for e in run.events]
    assert kinds[0] == "start" and "run_moved" in kinds and kinds[-1] == "stop"
    assert load_engine(latest_checkpoint(new / "checkpoints")).step_count == STEPS
    assert (new / "checkpoints" / "step_000010.safetensors").exists()  # copied from the old folder

    # The old folder: what was written before the disk filled is intact, nothing after it.
    old_lines = (old / "metrics.jsonl").read_bytes()
    assert not old_lines.endswith(b"\n")  # the append the disk stopped part-way: the rest went to the new one
    assert (new / "metrics.jsonl").read_bytes().startswith(old_lines)
    whole = [json.loads(line) for line in old_lines.decode().splitlines()[:-1]]  # the last one was cut
    assert [r["step"] for r in whole] == list(range(1, len(whole) + 1)) and len(whole) >= FAULT_AFTER
    assert sorted(p.name for p in (old / "checkpoints").glob("*.safetensors")) == [
        "step_000001.safetensors", "step_000005.safetensors", "step_000010.safetensors"]
    assert load_engine(old / "checkpoints" / "step_000010.safetensors").step_count == 10


def test_stop_saving_goes_on_and_leaves_the_folder_as_it_was(tmp_path, monkeypatch):
    before: dict[str, bytes] = {}  # the folder as it is when the user chooses
    driver, answer, old = start_run(tmp_path, monkeypatch, control.StopSaving(),
                                    first=lambda: before.update(files_of(tmp_path / "old")))
    driver.run(answer)

    assert driver.engine.step_count == STEPS
    assert [r["step"] for r in answer.rows] == list(range(1, STEPS + 1))  # the window still gets every row
    stopped = answer.of("saving_stopped")
    assert len(stopped) == 1 and stopped[0]["run"] == str(old) and stopped[0]["message_ja"]
    assert driver.run_dir is None and driver.rows_lost
    assert files_of(old) == before  # nothing written, nothing removed after the choice
    assert load_engine(old / "checkpoints" / "step_000010.safetensors").step_count == 10
    # No more disk errors once saving stopped.
    after = answer.events.index(stopped[0])
    assert not [e for e in answer.events[after:] if e["type"] == "error"]


def test_moving_into_a_folder_that_holds_a_run_is_refused_and_the_run_stays(tmp_path):
    Driver.new(RING_FAST, out=tmp_path / "other", options=quiet_options(max_steps=2)).run()
    other_before = files_of(tmp_path / "other")
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=quiet_options(max_steps=8))
    driver.options.flush_seconds = 0.0
    answer = Answer(driver, control.MoveRun(str(tmp_path / "other")), at=4)
    driver.run(answer)
    failed = [e for e in answer.events if e["type"] == "error" and e.get("disk") == str(tmp_path / "other")]
    assert len(failed) == 1 and "already holds a run" in failed[0]["message"] and failed[0]["message_ja"]
    assert driver.run_dir == tmp_path / "run"
    assert [r["step"] for r in read_run(tmp_path / "run").rows] == list(range(1, 9))
    assert files_of(tmp_path / "other") == other_before


@pytest.mark.parametrize("message", [{"command": "move_run"}, {"command": "move_run", "directory": ""}])
def test_a_move_without_a_folder_is_refused(message):
    with pytest.raises(ValueError, match="move_run"):
        control.from_message(message)


def test_moving_a_run_that_is_not_saved_says_so(tmp_path):
    driver = Driver.new(RING_FAST, options=quiet_options(max_steps=3))  # no run folder
    driver.move_run(tmp_path / "elsewhere")
    answer = Answer(driver, control.Sample(), at=10**6)
    driver.run(answer)
    errors = answer.of("error")
    assert len(errors) == 1 and "not being saved" in errors[0]["message"] and errors[0]["message_ja"]
    assert not (tmp_path / "elsewhere").exists() and driver.engine.step_count == 3
