"""`gantuner diagnose` on bad input: --json always prints a JSON object, a binary
file gives a clean one-line message, nothing from a file reaches the terminal raw."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gantuner.diagnosis import RULE_IDS, texts
from gantuner.diagnosis.registry import REGISTRY, STAGES

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "data" / "real_logs"


def diagnose_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gantuner", "diagnose", *args], capture_output=True,
                          text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_json_prints_an_error_object_when_reading_fails(tmp_path):
    missing = diagnose_cli(str(tmp_path / "nope.log"), "--json")
    assert missing.returncode == 2
    error = json.loads(missing.stdout)["error"]
    assert "no such file" in error["message"] and error["message_ja"]
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr


def test_a_binary_file_gives_a_clean_message(tmp_path):
    path = tmp_path / "model.pt"
    path.write_bytes(bytes(range(256)) * 40 + b"\x1b]0;title\x07\x1b[2J")
    result = diagnose_cli(str(path))
    assert result.returncode == 2 and result.stdout == ""
    line = result.stderr.strip()
    assert "binary file, not a text log" in line and "\n" not in line
    assert all(ch.isprintable() for ch in line), repr(line)
    as_json = json.loads(diagnose_cli(str(path), "--json").stdout)
    assert "binary" in as_json["error"]["message"]


def test_escape_sequences_in_a_log_never_reach_the_terminal(tmp_path):
    path = tmp_path / "train.log"
    lines = [f"{s} [D loss: 0.6{s % 9}, acc.: 60.00%] [G loss: 0.9{s % 7}]" for s in range(0, 3000, 10)]
    lines.insert(5, "120 [D loss: \x1b]0;owned\x07, acc.: 60.00%] [G loss: 0.9]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = diagnose_cli(str(path))
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Skipped lines: 1" in result.stdout


def test_the_loss_option_changes_the_reading():
    told = json.loads(diagnose_cli(str(REAL / "bmsggan_relhinge_issue2.log"), "--json", "--loss",
                                   "relhinge").stdout)
    assert not [h for h in told["hints"] if h["severity"] in ("warning", "critical")]
    guessed = json.loads(diagnose_cli(str(REAL / "bmsggan_relhinge_issue2.log"), "--json").stdout)
    assert [h["severity"] for h in guessed["hints"]][0] == "warning"
    bad = diagnose_cli(str(REAL / "bmsggan_relhinge_issue2.log"), "--loss", "huber")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_one_registration_per_rule():
    assert set(RULE_IDS) == set(REGISTRY) and len(RULE_IDS) == 10
    priorities = [r.priority for r in REGISTRY.values()]
    assert len(set(priorities)) == len(priorities)
    for entry in REGISTRY.values():
        assert entry.stage in STAGES
        assert (entry.check is None) == (entry.stage == "follow_up"), entry.id
        for key in entry.titles:
            assert key in texts.TITLES, (entry.id, key)


def test_a_rule_registered_once_more_under_the_same_id_is_refused():
    from gantuner.diagnosis.registry import register

    with pytest.raises(ValueError, match="registered twice"):
        register("healthy", priority=42, check=lambda ctx: None)
