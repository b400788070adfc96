"""Training: the engine and its step, the loop and its driver, checkpoints and run files.

The names below load on first use: importing ``gantuner.training.threads``,
``.runfiles`` or ``.control`` (the commands and the run state, plain data),
as the window does while it first paints, must not pull in torch.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .control import Command, RunState
    from .driver import Driver, Listener
    from .engine import Engine, resolve_config
    from .options import RunOptions

_HOMES = {"Command": "control", "RunState": "control", "Driver": "driver", "Listener": "driver",
          "RunOptions": "options", "Engine": "engine", "resolve_config": "engine"}

__all__ = list(_HOMES)


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
