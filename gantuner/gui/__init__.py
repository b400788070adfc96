"""The desktop app: every Qt import of gantuner lives in this package.

``MainWindow`` is imported lazily.  Every module here imports Qt; Qt-free
helpers the views use live in the core (``gantuner.smoothing``,
``gantuner.run_model``: the column store, run loading, the sample history).
"""

from __future__ import annotations

from typing import Any

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from .main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
