"""The window appears before torch has loaded; Start pressed meanwhile trains once it is ready."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from gantuner.gui import engine_loader as engine_loader_module
from gantuner.gui import main_window as main_window_module
from gantuner.training.loading import load_engine_modules

from .helpers import RING_FAST, wait_for_steps

ROOT = Path(__file__).resolve().parents[2]

FRESH_WINDOW = """
import json, sys, tempfile, time
from PySide6.QtWidgets import QApplication
from gantuner.gui.main_window import MainWindow
from gantuner.gui.settings import open_settings
app = QApplication([])
window = MainWindow({{}}, runs_dir=tempfile.mkdtemp(), settings=open_settings())
window.show()
app.processEvents()
shown_without_torch = "torch" not in sys.modules
label_while_loading = window.transport.start_button.text()
deadline = time.monotonic() + {timeout}
while not window.engine_loader.ready and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
print(json.dumps({{"shown_without_torch": shown_without_torch, "label": label_while_loading,
                  "ready": window.engine_loader.ready, "torch": "torch" in sys.modules,
                  "start_label": window.transport.start_button.text()}}))
window.close()
"""


def test_the_window_shows_without_torch_then_loads_it_in_the_background(tmp_path):
    env_home = tmp_path / "home"
    env_home.mkdir()
    done = subprocess.run([sys.executable, "-c", FRESH_WINDOW.format(timeout=120)], capture_output=True,
                          text=True, timeout=180, cwd=ROOT,
                          env={**os.environ, "HOME": str(env_home), "XDG_CONFIG_HOME": str(env_home)})
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["shown_without_torch"], "building and showing the window imported torch"
    assert "loading" in result["label"].lower()
    assert result["ready"] and result["torch"]
    assert result["start_label"] == "Start"


def test_start_pressed_while_torch_loads_trains_once_it_is_ready(qtbot, make_window, monkeypatch):
    release = threading.Event()

    class SlowLoader(engine_loader_module.EngineLoader):
        """Loads as the app does, but only once the test lets it: the 'still loading' moment, held open."""

        def __init__(self, parent=None):
            super().__init__(parent, load=lambda: (release.wait(30), load_engine_modules()))

    monkeypatch.setattr(main_window_module, "EngineLoader", SlowLoader)
    window = make_window(RING_FAST)
    assert not window.engine_loader.ready
    window.start()
    qtbot.wait(200)
    assert window.session.state == "idle" and window.driver is None  # nothing trains yet
    assert "starts by itself" in window.transport.start_button.text()
    assert "Loading PyTorch" in window.message_label.text() or "PyTorch" in window.message_label.toolTip()
    release.set()
    wait_for_steps(qtbot, window, 5)
    assert window.session.state == "running"
    assert window.transport.start_button.text() == "Start"



def test_the_status_bar_says_how_many_cpu_threads_train_and_why(qtbot, make_window, monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    window = make_window(RING_FAST)
    window.apply_preferences("cpu", "en", window.runs_dir, threads=0)  # automatic
    window.start()
    wait_for_steps(qtbot, window, 3)
    policy = window.thread_policy
    assert policy.reason == "auto" and policy.intra_op == max(1, min(4, policy.cores - 1))
    text = window.status.device_label.text()
    assert "thread" in text and "one left for the window" in text
    window.stop()
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=10000)
    window.apply_preferences("cpu", "en", window.runs_dir, threads=1)  # Preferences override
    assert window.thread_policy.intra_op == 1 and window.thread_policy.reason == "requested"
