"""Japanese is first-class outside the window too: run events carry their Japanese, and the
command line speaks Japanese with --lang ja or a Japanese locale."""

from __future__ import annotations

import os

import pytest

from gantuner import cli
from gantuner.training import Driver
from gantuner.training import driver as driver_module
from gantuner.training.checkpoint import CheckpointWriteError
from gantuner.training.runfiles import RunWriter

from .helpers import RING_FAST, Recorder, quiet_options, run_cli, run_in_thread, speaking, wait_until


def test_every_disk_trouble_event_is_said_in_japanese_too(tmp_path, monkeypatch):
    """Rows, a sample grid and a checkpoint that the disk refuses: each event has its own Japanese."""
    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    def refuse_checkpoint(engine, directory):
        raise CheckpointWriteError("could not save the checkpoint: No space left on device", 28)

    monkeypatch.setattr(RunWriter, "_append", lambda self, name, pending: refuse())
    monkeypatch.setattr(RunWriter, "save_sample", lambda self, step, sample: refuse())
    monkeypatch.setattr(driver_module, "save_checkpoint", refuse_checkpoint)
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=quiet_options(
        max_steps=12, checkpoint_every=5, sample_every=2, flush_seconds=0.0))
    recorder = Recorder()
    driver.run(recorder)
    japanese = [e["message_ja"] for e in recorder.of("error") if e.get("disk")]
    assert len(japanese) == 3, recorder.events  # each trouble said once
    assert any("書き込めませんでした" in text and "再試行" in text for text in japanese)
    assert any("サンプル画像を保存できませんでした" in text for text in japanese)
    assert any("チェックポイントを保存できませんでした" in text for text in japanese)


def test_a_requested_checkpoint_that_fails_is_said_in_japanese(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=quiet_options())
    recorder = Recorder()
    driver.pause()
    thread = run_in_thread(driver, recorder)
    driver.save_checkpoint(blocked / "inside")
    wait_until(lambda: any(e.get("requested") for e in recorder.of("error")))
    driver.stop()
    thread.join(20)
    failed = [e for e in recorder.of("error") if e.get("requested")]
    assert str(blocked) in failed[0]["message"] and "チェックポイントを保存できませんでした" in failed[0]["message_ja"]


def test_a_quality_failure_carries_japanese(tmp_path, monkeypatch):
    def broken_quality(*args, **kwargs):
        raise RuntimeError("metric exploded")

    import gantuner.quality.evaluate as evaluate

    monkeypatch.setattr(evaluate, "evaluate_quality", broken_quality)
    driver = Driver.new(RING_FAST, out=tmp_path / "run", options=quiet_options(max_steps=4, quality_every=2))
    recorder = Recorder()
    driver.run(recorder)
    failed = recorder.of("error")
    assert failed and "metric exploded" in failed[0]["message"]
    assert "品質指標を計算できませんでした" in failed[0]["message_ja"] and "metric exploded" in failed[0]["message_ja"]


def test_cli_errors_in_japanese_with_lang_ja(monkeypatch, capsys):
    speaking(monkeypatch, "en_US.UTF-8")
    assert cli.main(["train", "--steps", "0", "--lang", "ja"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gantuner: エラー: --steps 0: ") and "1 以上" in err
    assert cli.main(["train", "--set", "lr_d=5", "--lang", "ja"]) == 2
    assert "lr_d = '5' は範囲外です" in capsys.readouterr().err
    assert cli.main(["train", "--steps", "0"]) == 2
    assert "--steps 0: give a positive number of steps" in capsys.readouterr().err


def test_cli_follows_a_japanese_locale_and_lang_overrides_it(monkeypatch, capsys):
    speaking(monkeypatch, "ja_JP.UTF-8")
    assert cli.main(["train", "--threads", "0"]) == 2
    assert "--threads 0: 1 以上を指定してください" in capsys.readouterr().err
    assert cli.main(["train", "--threads", "0", "--lang", "en"]) == 2
    assert "--threads 0: give 1 or more" in capsys.readouterr().err
    assert cli.main(["train", "--start"]) == 2  # an app option after a command: said before any command runs
    assert "デスクトップアプリのオプション" in capsys.readouterr().err


def test_a_missing_dataset_is_said_in_japanese(tmp_path, capsys):
    missing = tmp_path / "no-such-data"
    assert cli.main(["train", "--dataset", str(missing), "--out", str(tmp_path / "run"), "--lang", "ja"]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "組み込みデータセットやファイルはありません" in err


@pytest.mark.slow
def test_a_finished_run_is_announced_in_japanese(tmp_path):
    result = run_cli("train", "--dataset", "ring", "--steps", "3", "--set", "batch_size=32", "--device", "cpu",
                     "--out", tmp_path / "run", "--quiet", "--lang", "ja")
    assert result.returncode == 0, result.stderr
    assert "ステップ 3 で終わりました" in result.stderr and "学習します" in result.stderr
    assert os.path.isdir(tmp_path / "run")
