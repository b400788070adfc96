"""Logs: only regular files are read, and one hostile line cannot make a reader crawl."""

from __future__ import annotations

import json
import os
import time

import pytest

from gantuner.logs import LogError, read_log
from gantuner.logs.limits import MAX_KEYS_PER_ROW, MAX_LINE_BYTES

from .helpers import run_cli as _cli


def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "train.log"
    os.mkfifo(fifo)  # nobody ever writes: opening it for reading would block forever
    with pytest.raises(LogError, match="not a regular file"):
        read_log(fifo)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_by_diagnose(tmp_path):
    result = _cli("diagnose", "/dev/zero")
    assert result.returncode != 0 and "not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


def _metrics_with(tmp_path, hostile_line: str):
    rows = [json.dumps({"step": i, "d_loss": 0.7, "g_loss": 0.7}) for i in range(1, 51)]
    rows.insert(10, hostile_line)
    path = tmp_path / "metrics.jsonl"
    path.write_text("\n".join(rows) + "\n")
    return path


def test_a_row_with_200000_keys_is_skipped_quickly(tmp_path):
    hostile = json.dumps({"step": 11, **{f"k{i}": 1.0 for i in range(200_000)}})
    path = _metrics_with(tmp_path, hostile)
    started = time.perf_counter()
    table = read_log(path)
    assert time.perf_counter() - started < 5  # minutes before the cap
    assert len(table) == 50 and table.skipped_lines == 1
    assert "k199999" not in table.columns
    assert "over the" in table.skipped_examples[0].reason


def test_many_keys_on_a_short_line_are_skipped(tmp_path):
    hostile = json.dumps({"step": 11, **{f"{i}": 1 for i in range(MAX_KEYS_PER_ROW + 1)}})
    assert len(hostile) < MAX_LINE_BYTES
    table = read_log(_metrics_with(tmp_path, hostile))
    assert table.skipped_lines == 1 and "keys in one row" in table.skipped_examples[0].reason


def test_an_over_long_line_is_skipped_not_parsed(tmp_path):
    hostile = json.dumps({"step": 11, "note": "x" * (MAX_LINE_BYTES + 10)})
    table = read_log(_metrics_with(tmp_path, hostile))
    assert table.skipped_lines == 1 and "-byte limit" in table.skipped_examples[0].reason
    assert len(table.skipped_examples[0].text) <= 200


def test_escape_sequences_from_a_log_never_reach_the_terminal(tmp_path):
    log = tmp_path / "evil\x1b[31m.log"
    log.write_text("\x1b]0;owned\x07 nothing that looks like metrics\n\x1b[2J\n")
    result = _cli("diagnose", str(log))
    assert result.returncode != 0
    assert "\x1b" not in result.stderr + result.stdout and "\x07" not in result.stderr + result.stdout
