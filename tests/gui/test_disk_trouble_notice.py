"""Disk trouble in the window: a notice that does not stop training, shown once, whose buttons
move the run to another folder or go on without saving; skipped images told in the window."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QEvent, QObject

from gantuner.training import driver as driver_module
from gantuner.training.checkpoint import CheckpointWriteError
from gantuner.training.runfiles import RunWriter

from .helpers import fast_options, run_dir_of, wait_for_steps


class ShowCounter(QObject):
    def __init__(self):
        super().__init__()
        self.shown = 0

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show:
            self.shown += 1
        return False


def fill_disk_of(folders: set[Path], monkeypatch) -> None:
    """Every write of a run whose folder is in ``folders`` fails with ENOSPC (rows, samples, checkpoints)."""
    real_append, real_sample, real_save = RunWriter._append, RunWriter.save_sample, driver_module.save_checkpoint

    def append(writer, name, pending):
        if writer.path in folders:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_append(writer, name, pending)

    def sample(writer, step, grid):
        if writer.path in folders:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_sample(writer, step, grid)

    def save(engine, directory):
        if Path(directory).parent in folders:
            raise CheckpointWriteError(f"could not save the checkpoint in {directory}: No space left on device")
        return real_save(engine, directory)

    monkeypatch.setattr(RunWriter, "_append", append)
    monkeypatch.setattr(RunWriter, "save_sample", sample)
    monkeypatch.setattr(driver_module, "save_checkpoint", save)


def start_with_a_full_disk(qtbot, make_window, monkeypatch):
    window = make_window(options=fast_options(sample_every=10, checkpoint_every=25))
    shows = ShowCounter()
    window.disk_trouble.installEventFilter(shows)
    troubles = []
    window.session.diskTrouble.connect(troubles.append)
    failing: set[Path] = set()
    fill_disk_of(failing, monkeypatch)
    window.start()
    wait_for_steps(qtbot, window, 5)
    old = run_dir_of(window)
    failing.add(old)
    bar = window.disk_trouble
    qtbot.waitUntil(lambda: bar.is_open and bar.isVisible(), timeout=20000)
    # Training goes on while the notice is up, and more trouble does not bring up another one.
    qtbot.waitUntil(lambda: len(troubles) >= 3, timeout=20000)  # rows, a sample grid, a checkpoint
    assert window.session.state == "running" and shows.shown == 1
    text = bar.message.text()
    # Short: the folder and the system's reason, then the two ways on; the whole message is in the events.
    assert text.startswith(f"This run's files cannot be saved in {old}: No space left on device.\n")
    assert "Choose another folder" in text and text.count("Training goes on") == 1
    return window, bar, shows, old


def test_choose_another_folder_moves_the_run_and_training_goes_on(qtbot, make_window, monkeypatch, tmp_path):
    window, bar, shows, old = start_with_a_full_disk(qtbot, make_window, monkeypatch)
    rescue = tmp_path / "other-disk"
    rescue.mkdir()
    bar.choose_folder = lambda: str(rescue)  # the folder dialog's answer
    bar.choose_button.click()
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: window.driver.run_dir == rescue, timeout=20000)
    moved_at = len(window.buffer)
    wait_for_steps(qtbot, window, moved_at + 30)
    assert window.shown_run == rescue and rescue.name in window.windowTitle()
    window.stop()
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=20000)
    assert shows.shown == 1  # the reports about the folder left behind did not bring it back
    steps = [json.loads(line)["step"] for line in (rescue / "metrics.jsonl").read_text().splitlines()]
    assert steps == list(range(1, len(window.buffer) + 1))  # every row, once, in the new folder
    events = [json.loads(line)["type"] for line in (rescue / "events.jsonl").read_text().splitlines()]
    assert "run_moved" in events and events[-1] == "stop"
    assert (old / "config.json").exists()  # the old folder is left as it was


def test_continue_without_saving_keeps_training_and_writes_nothing(qtbot, make_window, monkeypatch):
    window, bar, shows, old = start_with_a_full_disk(qtbot, make_window, monkeypatch)
    before = {p: p.stat().st_size for p in old.rglob("*") if p.is_file()}
    bar.continue_button.click()
    qtbot.waitUntil(lambda: any(e["type"] == "saving_stopped" for e in window.events), timeout=20000)
    assert window.driver.run_dir is None
    rows = len(window.buffer)
    wait_for_steps(qtbot, window, rows + 50)  # the curves go on
    assert window.session.state == "running" and shows.shown == 1 and not bar.isVisible()
    window.stop()
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=20000)
    assert {p: p.stat().st_size for p in old.rglob("*") if p.is_file()} == before


def test_the_notice_speaks_japanese(qtbot, make_window, monkeypatch):
    window, bar, _, _ = start_with_a_full_disk(qtbot, make_window, monkeypatch)
    window.set_language("ja")
    qtbot.waitUntil(lambda: bar.choose_button.text() == "別のフォルダを選ぶ…", timeout=5000)
    assert bar.continue_button.text() == "保存せずに続ける"
    text = bar.message.text()
    assert text.startswith("この実行のファイルを ") and "に保存できません: No space left on device。" in text
    assert "学習は続いています" in text
    bar.continue_button.click()


def test_skipped_images_are_told_in_the_window(qtbot, make_window, tmp_path):
    folder = tmp_path / "faces"
    folder.mkdir()
    for index in range(8):
        Image.fromarray(np.full((12, 12, 3), index * 30, np.uint8)).save(folder / f"face_{index}.png")
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)  # cut short
    window = make_window({"dataset": str(folder), "device": "cpu", "image_size": 8, "g_width": 8,
                          "d_width": 8, "batch_size": 4})
    notes = window.data_notes
    assert not notes.isVisible()
    window.start()
    qtbot.waitUntil(notes.isVisible, timeout=30000)
    text = notes.message.text()
    assert "broken.png" in text and "Skipped 1" in text
    window.set_language("ja")
    qtbot.waitUntil(lambda: notes.message.text().startswith("学習データ: "), timeout=5000)
    assert "broken.png" in notes.message.text() and "飛ばしました" in notes.message.text()
    notes.dismiss_button.click()
    assert not notes.isVisible()
