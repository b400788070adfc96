"""Help, argument errors, log reading and diagnosis load no torch and no Qt (and help no numpy).

Each case runs in a fresh interpreter, as a user's command does, and reports
which heavy modules it imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_LOG = ROOT / "resources" / "sample_logs" / "seed_example1.log"

PROBE = """
import contextlib, io, json, sys
from gantuner.__main__ import main
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    try:
        status = main({argv!r})
    except SystemExit as exc:
        status = exc.code
heavy = sorted(m for m in ("torch", "numpy", "PySide6", "pyqtgraph") if m in sys.modules)
print(json.dumps({{"status": status, "heavy": heavy, "out": out.getvalue(), "err": err.getvalue()}}))
"""


def _probe(argv: list[str], locale: str = "C.UTF-8") -> dict:
    env = {**os.environ, "LC_ALL": locale}  # the words asserted below are the locale's
    done = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", [
    ["--help"], ["train", "--help"], ["diagnose", "--help"], ["quality", "--help"], ["knobs", "--help"],
    ["train", "--steps", "ten"], ["diagnose"], ["--dataset"], ["train", "--start"],
])
def test_help_and_usage_errors_import_nothing_heavy(argv):
    result = _probe(argv)
    assert result["heavy"] == [], f"{argv} imported {result['heavy']}"
    if "--help" in argv:
        assert result["status"] == 0 and "usage:" in result["out"]
    else:
        assert result["status"] == 2 and result["err"].strip()


@pytest.mark.parametrize("argv", [["--help", "--lang", "ja"], ["train", "--help"], ["train", "--steps"]])
def test_japanese_help_and_usage_errors_import_nothing_heavy(argv):
    result = _probe(argv, locale="ja_JP.UTF-8" if "--lang" not in argv else "C.UTF-8")
    assert result["heavy"] == [], f"{argv} imported {result['heavy']}"
    shown = result["out"] if "--help" in argv else result["err"]
    assert shown.startswith("使い方: gantuner"), shown
    assert result["status"] == (0 if "--help" in argv else 2)


def test_top_level_help_shows_the_app_and_every_command():
    text = _probe(["--help"])["out"]
    for option in ("--start", "--dataset", "--open", "--lang", "--set", "--threads"):
        assert option in text
    for command in ("train", "diagnose", "quality", "knobs"):
        assert command in text


def test_an_app_option_after_a_command_is_named_in_one_line():
    result = _probe(["diagnose", str(SEED_LOG), "--start"])
    assert result["status"] == 2
    assert result["err"].count("\n") == 1 and "--start" in result["err"]


def test_diagnosing_a_log_loads_neither_torch_nor_qt():
    result = _probe(["diagnose", str(SEED_LOG)])
    assert result["status"] == 0 and result["out"].strip()
    assert "torch" not in result["heavy"] and "PySide6" not in result["heavy"]
    assert "pyqtgraph" not in result["heavy"]
