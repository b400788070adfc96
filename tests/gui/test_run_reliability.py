"""The window's run under faults: a save right after Step, a failing run, a diverging run,
and leaving the app by paths other than the close button."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
import torch

from gantuner.training import Engine
from gantuner.training.checkpoint import read_checkpoint

from .helpers import RING_FAST, run_dir_of, wait_for_steps


def test_save_checkpoint_right_after_step_holds_the_state_of_that_step(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 20)
    window.toggle_pause()
    driver = window.driver
    qtbot.waitUntil(lambda: driver.state == "paused", timeout=5000)
    held = driver.engine.step_count
    for i in range(3):
        with qtbot.waitSignal(window.session.checkpointSaved, timeout=10000) as saved:
            window.transport.step_button.click()
            assert window.save_checkpoint()  # no wait in between
        tensors, meta = read_checkpoint(saved.args[0])
        assert meta["step"] == held + i + 1
        # Paused again after the step: the engine now is what the checkpoint must hold.
        for key, value in driver.engine.D.state_dict().items():
            assert torch.equal(tensors[f"D.{key}"], value)
        for key, value in driver.engine.G.state_dict().items():
            assert torch.equal(tensors[f"G.{key}"], value)


def test_training_failed_is_not_replaced_by_stopped(qtbot, make_window, monkeypatch):
    step = Engine.step

    def failing(engine):
        if engine.step_count == 15:
            raise RuntimeError("CUDA error: out of memory")
        return step(engine)

    monkeypatch.setattr(Engine, "step", failing)
    window = make_window()
    window.start()
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=20000)
    qtbot.wait(100)
    text = window.message_label.text()
    assert "Training failed" in text and "out of memory" in text
    checkpoints = list((run_dir_of(window) / "checkpoints").glob("*.safetensors"))
    assert checkpoints, "a failed run still leaves its last good state"


def test_a_diverging_run_pauses_and_a_knob_fix_continues(qtbot, make_window):
    # Learning rates of 1 with hinge loss and no second-moment averaging: NaN within a few steps.
    window = make_window({**RING_FAST, "loss": "hinge", "lr_d": 1.0, "lr_g": 1.0, "beta2": 0.0})
    window.start()
    qtbot.waitUntil(lambda: window.session.state == "paused", timeout=20000)
    assert window.transport.pause_button.text() == "Resume"
    assert any(e["type"] == "divergence" for e in window.events)
    assert "diverged" in window.message_label.text()
    engine = window.driver.engine
    assert all(torch.isfinite(p).all() for p in (*engine.G.parameters(), *engine.D.parameters()))
    # The non-finite rows are on the curves, and the hints name the divergence.
    qtbot.waitUntil(lambda: any(h.id == "divergence" for h in window.diagnosis.live.hints), timeout=10000)
    held = engine.step_count
    for name, value in (("beta2", 0.999), ("lr_d", 1e-3), ("lr_g", 1e-3), ("loss", "bce")):
        window.knob_panel.set_value(name, value)
        window._live_edited(name, value)
    qtbot.waitUntil(lambda: window.session.state == "running", timeout=10000)
    qtbot.waitUntil(lambda: engine.step_count > held + 20, timeout=20000)


EXIT_SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from gantuner.gui import MainWindow
    from gantuner.training import RunOptions

    how, runs = sys.argv[1], Path(sys.argv[2])
    app = QApplication([])
    window = MainWindow({"dataset": "ring", "device": "cpu", "g_width": 16, "d_width": 16}, runs_dir=runs,
                        run_options=RunOptions(sample_every=0, checkpoint_every=100000, quality_every=0))
    window.show()
    window.start()
    deadline = time.monotonic() + 120
    while len(window.buffer) < 30 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if how == "raise":
        raise RuntimeError("a bug in the GUI thread")
    sys.exit(0)
""")


@pytest.mark.slow
@pytest.mark.parametrize("how, status", [("raise", 1), ("exit", 0)])
def test_leaving_the_app_while_training_stops_the_run_cleanly(tmp_path, how, status):
    script = tmp_path / "app.py"
    script.write_text(EXIT_SCRIPT)
    settings = tmp_path / "settings"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings),
           "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, str(script), how, str(tmp_path / "runs")], capture_output=True,
                            text=True, timeout=300, env=env)
    assert result.returncode == status, result.stderr[-2000:]
    assert "terminate called" not in result.stderr
    [run] = (tmp_path / "runs").iterdir()
    events = [json.loads(line) for line in (run / "events.jsonl").read_text().splitlines()]
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "exit"
    assert (run / "checkpoints" / f"step_{events[-1]['step']:06d}.safetensors").exists()
