"""The real main window for the screenshot scripts, set up one way for all of them.

``open_window`` gives a shown :class:`MainWindow` that reads and writes a throwaway
settings folder and run folder (the user's preferences and runs are untouched);
``wait`` and ``wait_until`` keep the event loop turning meanwhile; ``save_shot``
grabs a widget into a PNG.  Without a display (no ``DISPLAY``) the window is drawn
offscreen, so a script still checks what it prints.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's gantuner


@dataclass
class ShotWindow:
    app: Any       # the QApplication, kept referenced while the window lives
    window: Any    # the MainWindow, shown
    scratch: Path  # the throwaway folder: settings/, runs/, and whatever the script adds


def open_window(config: Mapping[str, Any], *, language: str, size: tuple[int, int], prefix: str,
                run_options: Any = None) -> ShotWindow:
    """The main window with ``config`` in ``language``, ``size`` pixels, shown."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))

    from gantuner.gui.app import prepare_process_for_the_window
    from gantuner.gui.main_window import MainWindow
    from gantuner.gui.settings import open_settings

    prepare_process_for_the_window()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = MainWindow(dict(config), runs_dir=scratch / "runs", settings=open_settings(),
                        run_options=run_options, language=language)
    window.resize(*size)
    window.show()
    return ShotWindow(app, window, scratch)


def wait(seconds: float) -> None:
    """Let the event loop run for ``seconds`` (training goes on in its thread)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_s: float, poll_s: float = 0.1) -> bool:
    """Turn the event loop until ``condition()`` holds or ``timeout_s`` has passed; whether it held."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        wait(poll_s)
    return True


def save_shot(widget: Any, path: Path, few_colours: bool = False) -> Path:
    """``widget`` as it is drawn now, in ``path`` (PNG); ``few_colours``: 256 colours, a third of
    the bytes and the same to the eye for a UI.  Prints what was saved."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pixmap = widget.grab()
    pixmap.save(str(path), "PNG")
    if few_colours:
        from PIL import Image

        Image.open(path).convert("RGB").quantize(256).save(path, optimize=True)
    print(f"saved {path} ({pixmap.width()}x{pixmap.height()}, {path.stat().st_size // 1024} KiB)")
    return path
