"""Fixtures for the GUI tests: temporary settings, no leaked threads, small windows.

tests/conftest.py has already set QT_QPA_PLATFORM=offscreen and one torch thread.
"""

from __future__ import annotations

import threading
import time
import traceback

import pytest

from gantuner.training import RunOptions
from gantuner.training.loading import load_engine_modules

from .helpers import RING_FAST, fast_options

# The window loads torch and the engine in the background; tests build many
# windows and want Start to act at once, so load them here (test_startup.py
# covers the background path with a loader of its own).
load_engine_modules()


@pytest.fixture(autouse=True)
def _temporary_settings(tmp_path_factory, monkeypatch):
    """Every QSettings of the app lands in a fresh folder, never the user's file."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def _no_running_timers(monkeypatch):
    """Fail a test that leaves a repeating QTimer running once its widgets are closed.

    A timer that outlives its window keeps waking the event loop (and Python)
    for nothing; the app stops every timer it starts when the window closes.
    Started timers are recorded; after the test (and qtbot's closing of its
    widgets) each one still alive and active is a leak.
    """
    import shiboken6
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    started: list[tuple[QTimer, str]] = []
    original_start = QTimer.start

    def recording_start(self, *args, **kwargs):
        if not self.isSingleShot():
            started.append((self, "".join(traceback.format_stack(limit=5)[:-1])))
        return original_start(self, *args, **kwargs)

    monkeypatch.setattr(QTimer, "start", recording_start)
    yield
    app = QApplication.instance()
    if app is not None:
        app.processEvents()  # deferred deletes of closed widgets and their timers
    leaked = [where for timer, where in started if shiboken6.isValid(timer) and timer.isActive()]
    for timer, _ in started:
        if shiboken6.isValid(timer):
            timer.stop()
    if leaked:
        pytest.fail(f"test left {len(leaked)} QTimer(s) running after its widgets closed; started at:\n"
                    + "\n".join(leaked[:3]))


@pytest.fixture(autouse=True)
def _no_dangling_threads(monkeypatch):
    """Fail a test that leaves a QThread running or a gantuner-* Python thread alive."""
    from PySide6.QtCore import QThread

    started: list[tuple[QThread, str]] = []
    original_start = QThread.start

    def recording_start(self, *args, **kwargs):
        started.append((self, "".join(traceback.format_stack(limit=6)[:-1])))
        return original_start(self, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", recording_start)
    yield
    dangling = []
    for thread, where in started:
        try:
            running = thread.isRunning()
        except RuntimeError:  # already deleted by Qt: finished
            continue
        if running:
            dangling.append(where)
            thread.quit()
            deadline = time.monotonic() + 5.0
            # PySide6's QThread.wait keeps the GIL: wait in slices, sleeping (GIL released) between.
            while not thread.wait(1) and time.monotonic() < deadline:
                time.sleep(0.002)
    deadline = time.monotonic() + 2.0
    alive = []
    for t in threading.enumerate():
        if t.name.startswith("gantuner-"):
            t.join(max(0.0, deadline - time.monotonic()))
            if t.is_alive():
                alive.append(t.name)
    if dangling or alive:
        pytest.fail(f"test left threads running: QThreads started at {dangling}; Python threads {alive}")


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from gantuner.gui import i18n

        if i18n.current_language() != "en":
            i18n.set_language("en")


@pytest.fixture
def make_window(qtbot, tmp_path, _temporary_settings):
    """Build a shown MainWindow with its runs under tmp_path; closed (training stopped) at teardown."""
    from gantuner.gui import MainWindow
    from gantuner.gui.settings import open_settings

    def make(config=None, options: RunOptions | None = None, language: str = "en"):
        window = MainWindow(config if config is not None else RING_FAST, runs_dir=tmp_path / "runs",
                            run_options=options or fast_options(), settings=open_settings(),
                            language=language)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make

