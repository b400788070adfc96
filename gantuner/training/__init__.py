"""Training: the engine and its step, the loop and its driver, checkpoints and run files.

The names below load on first use: importing ``gantuner.training.threads`` or
``.runfiles`` (as the window does while it first paints) must not pull in
torch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .driver import Driver, Listener, RunOptions, training_steps
    from .engine import Engine, resolve_config

__all__ = ["Driver", "Listener", "RunOptions", "training_steps", "Engine", "resolve_config"]

_HOMES = {"Driver": "driver", "Listener": "driver", "RunOptions": "options", "training_steps": "driver",
          "Engine": "engine", "resolve_config": "engine"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
