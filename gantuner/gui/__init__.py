"""The desktop app: every Qt import of gantuner lives in this package.

``MainWindow`` is imported lazily, so the Qt-free helpers here (smoothing,
curve buffers, run loading) can be imported and tested without building Qt.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from .main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
