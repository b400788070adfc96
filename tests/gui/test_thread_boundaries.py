"""No Qt from other threads: every signal of the worker and of a background call is sent
in the GUI thread.  A Qt emit from a Python thread takes Qt's locks while that thread holds
the GIL, which can deadlock with a GUI thread that holds the GIL and wants the same locks
(a CI run once hung this way in the middle of a knob test)."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt

from gantuner.gui.background import BackgroundCall
from gantuner.gui.worker import TrainingWorker
from gantuner.training import Driver, RunOptions

from .helpers import RING_FAST

SIGNALS = ("driverReady", "rowsReady", "sampleReady", "eventReady", "statusReady", "checkpointSaved",
           "checkpointFailed", "failed", "finished", "ended")


def _record_threads(emitter, names, seen: list[tuple[str, str]]) -> None:
    # A direct connection runs the slot in whichever thread emits.
    for name in names:
        getattr(emitter, name).connect(
            lambda *_, name=name: seen.append((name, threading.current_thread().name)),
            Qt.ConnectionType.DirectConnection)


def test_every_worker_signal_is_sent_in_the_gui_thread(qtbot, tmp_path):
    options = RunOptions(sample_every=10, checkpoint_every=0, quality_every=0, flush_seconds=0.02)
    worker = TrainingWorker(lambda: Driver.new(RING_FAST, runs_dir=tmp_path, options=options))
    seen: list[tuple[str, str]] = []
    _record_threads(worker, SIGNALS, seen)
    rows: list[dict] = []
    worker.rowsReady.connect(rows.extend)
    worker.start()
    qtbot.waitUntil(lambda: len(rows) >= 100, timeout=20000)
    worker.pause()
    qtbot.waitUntil(lambda: worker.driver.state == "paused", timeout=5000)
    assert worker.save_checkpoint(tmp_path / "saved")  # by a helper thread while paused
    qtbot.waitUntil(lambda: any(name == "checkpointSaved" for name, _ in seen), timeout=10000)
    worker.stop()
    with qtbot.waitSignal(worker.ended, timeout=10000):
        pass
    kinds = {name for name, _ in seen}
    assert {"driverReady", "rowsReady", "sampleReady", "eventReady", "statusReady",
            "checkpointSaved", "finished", "ended"} <= kinds
    assert {thread for _, thread in seen} == {threading.main_thread().name}
    assert not worker.is_running()
    steps = [row["step"] for row in rows]
    assert steps == list(range(1, len(steps) + 1))  # merged batches keep every row, in order


def test_a_background_call_reports_in_the_gui_thread(qtbot):
    seen: list[tuple[str, str]] = []
    ok = BackgroundCall("test-ok", lambda: time.sleep(0.05) or 42)
    bad = BackgroundCall("test-bad", lambda: 1 / 0)
    _record_threads(ok, ("done", "failed"), seen)
    _record_threads(bad, ("done", "failed"), seen)
    results = []
    ok.done.connect(results.append)
    bad.failed.connect(results.append)
    ok.start()
    bad.start()
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert 42 in results and any("ZeroDivisionError" in str(r) for r in results)
    assert sorted(name for name, _ in seen) == ["done", "failed"]
    assert {thread for _, thread in seen} == {threading.main_thread().name}
