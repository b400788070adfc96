"""`gantuner --smoke-test` from source, launched as the packaging scripts launch it: a subprocess."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT_S = 120  # the test itself aims at under 60 s; a loaded CI machine gets slack


def smoke_test(cwd: Path, pythonpath: Path, *extra: str, **more_env: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **more_env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(pythonpath),
           "XDG_CONFIG_HOME": str(cwd / "config"), "TMPDIR": str(cwd), "PYTHONUNBUFFERED": "1"}
    return subprocess.run([sys.executable, "-m", "gantuner", "--smoke-test", *extra], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=LIMIT_S)


@pytest.mark.slow
def test_smoke_test_trains_diagnoses_and_exits_0(tmp_path):
    result = smoke_test(tmp_path, ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("gantuner smoke test passed: window shown "), line
    assert "20 steps trained" in line
    assert "propagateSizeHints" not in result.stderr  # the offscreen platform's noise is not passed on
    # Nothing written to the user's settings: the window got a temporary file.
    assert not list((tmp_path / "config").rglob("*.ini"))


def copy_of_the_app(tmp_path: Path, leave_out: str) -> Path:
    """gantuner and its resources as a bundle holds them, with one resource folder missing."""
    shutil.copytree(ROOT / "gantuner", tmp_path / "gantuner", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", tmp_path / "resources", ignore=shutil.ignore_patterns(leave_out))
    return tmp_path


@pytest.mark.parametrize("leave_out, named", [
    ("icons", "showing the window: the application icon did not load"),
    ("i18n", "loading the Japanese translations: no Japanese translation file"),
])
def test_a_missing_resource_fails_with_one_line(tmp_path, leave_out, named):
    app = copy_of_the_app(tmp_path / "app", leave_out)
    result = smoke_test(tmp_path, app)
    assert result.returncode == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("gantuner smoke test FAILED")]
    assert len(failures) == 1 and named in failures[0], result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    kept = Path(failures[0].rsplit("files kept in ", 1)[1].rstrip(")"))
    assert kept.parent == tmp_path and kept.is_dir()  # a failed test keeps its files for a look


def test_a_stage_past_the_time_limit_fails_with_one_line(tmp_path):
    result = smoke_test(tmp_path, ROOT, GANTUNER_SMOKE_TEST_TIMEOUT_S="0.5")
    assert result.returncode == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("gantuner smoke test FAILED")]
    assert len(failures) == 1 and "timed out after 0.5 s while showing the window" in failures[0], result.stderr
