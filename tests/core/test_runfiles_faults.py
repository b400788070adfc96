"""Run files under write faults: a partial append is finished, not repeated; a cut
last line does not swallow the next one; files hold strict JSON."""

from __future__ import annotations

import errno
import json
import math
import os
import subprocess
from pathlib import Path

import pytest

from gantuner.logs.gantuner_run import read_run as read_log_run
from gantuner.training import Driver
from gantuner.training.runfiles import RunWriter, read_run

from .helpers import RING_FAST, mount_small_tmpfs, quiet_options


def _strict_lines(path: Path) -> list[dict]:
    """Every line parsed by a strict JSON reader (NaN/Infinity refused)."""
    def refuse(name):
        raise ValueError(f"bare {name} is not JSON")
    return [json.loads(line, parse_constant=refuse) for line in path.read_text().splitlines()]


def test_a_retry_after_a_partial_append_writes_only_the_rest(tmp_path, monkeypatch):
    writer = RunWriter(tmp_path / "r")
    rows = [{"step": i, "d_loss": 0.5 + i, "note": "x" * 50} for i in range(1, 41)]
    writer.add_rows(rows)
    real_write = os.write
    state = {"calls": 0}

    def disk_fills(fd, data):
        state["calls"] += 1
        if state["calls"] == 1:
            return real_write(fd, bytes(data[: len(data) * 7 // 40 + 13]))  # cut mid-row
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_fills)
    error = writer.flush()
    assert error is not None and "No space left" in error.en and "will retry" in error.en
    assert "書き込めません" in error.ja and "再試行" in error.ja  # the Japanese reaches the window too
    monkeypatch.undo()  # space again
    assert writer.flush() is None
    assert _strict_lines(tmp_path / "r" / "metrics.jsonl") == rows


def test_a_really_full_disk_loses_no_row_and_repeats_none(tmp_path):
    """A 64 KiB tmpfs filled up by another file: the append stops part-way for real."""
    disk = tmp_path / "disk"
    if not mount_small_tmpfs(disk, "64k"):
        pytest.skip("cannot mount a small tmpfs here (needs root and mount permission)")
    try:
        writer = RunWriter(disk / "r")
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:  # take all the space
            while os.write(fd, b"\0" * 1024):
                pass
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)
        os.truncate(filler, max(0, filler.stat().st_size - 6000))  # leave ~6 kB: part of a batch fits
        rows = [{"step": i, "d_loss": i / 7, "pad": "y" * 100} for i in range(1, 201)]
        writer.add_rows(rows)
        assert writer.flush() is not None  # the disk filled in the middle of the batch
        written_before = (disk / "r" / "metrics.jsonl").stat().st_size
        assert 0 < written_before < writer.pending_bytes() + written_before
        filler.unlink()
        assert writer.flush() is None
        assert _strict_lines(disk / "r" / "metrics.jsonl") == rows
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_cut_last_line_does_not_swallow_the_next_event(tmp_path):
    folder = tmp_path / "r"
    RunWriter(folder, config={"dataset": "ring"})
    (folder / "events.jsonl").write_text('{"type": "start", "step": 0}\n{"type": "pau')  # killed mid-line
    (folder / "metrics.jsonl").write_text('{"step": 1, "d_loss": 0.7}\n{"step": 2, "d_lo')
    writer = RunWriter(folder)
    writer.add_event({"type": "resume_run", "step": 1})
    writer.add_rows([{"step": 2, "d_loss": 0.6}])
    writer.flush()
    writer.add_event({"type": "stop", "step": 2})
    writer.flush()
    run = read_run(folder)
    assert [e["type"] for e in run.events] == ["start", "resume_run", "stop"]
    assert [r["step"] for r in run.rows] == [1, 2]
    assert run.skipped_lines == 2  # the two cut lines, each alone on its line


def test_non_finite_metrics_are_strict_json_and_read_back_as_nan(tmp_path):
    driver = Driver.new({**RING_FAST, "d_steps": 0}, out=tmp_path / "r", options=quiet_options(max_steps=3))
    driver.run()
    lines = _strict_lines(tmp_path / "r" / "metrics.jsonl")
    assert lines[0]["d_loss"] is None and lines[0]["g_loss"] is not None
    assert math.isnan(read_run(tmp_path / "r").rows[0]["d_loss"])  # the app's run view
    table = read_log_run(tmp_path / "r")  # gantuner diagnose
    assert "d_loss" in table.columns and math.isnan(table.columns["d_loss"][0])
    writer = RunWriter(tmp_path / "w")
    writer.add_rows([{"step": 1, "a": float("inf"), "b": -float("inf"), "c": float("nan"), "d": 1.5}])
    writer.flush()
    assert _strict_lines(tmp_path / "w" / "metrics.jsonl") == [{"step": 1, "a": None, "b": None, "c": None,
                                                                 "d": 1.5}]
