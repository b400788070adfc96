"""Load torch and the training engine, in whatever thread calls :func:`load_engine_modules`.

The window calls it from a background thread once it has painted, so the
window appears before torch (3-4 s of a cold start) has loaded.  One part of
``import torch`` would still freeze the window: the dynamic loader opening
``libtorch_cpu`` runs its static initialisers (over a second) while Python's
``import`` holds the GIL, so no other thread runs Python meanwhile.  Opening
those libraries first through a ctypes call to ``dlopen`` (ctypes lets go of
the GIL for the length of a foreign call) does that work with the GUI thread
free; the ``import torch`` that follows finds them loaded.
"""

from __future__ import annotations

import ctypes
import importlib
import importlib.util
import os
import sys
from pathlib import Path

from . import threads

# Opened in this order (each needs the ones before); libtorch_python is left
# to the import, as its initialisers talk to Python.
NATIVE_LIBRARIES = ("libgomp.so.1", "libc10.so", "libtorch_cpu.so", "libtorch.so")
# torch._dynamo: torch's optimisers import it when the first one is built
# (their methods are wrapped to keep torch.compile out); loading it here keeps
# those seconds off the first press of Start.
ENGINE_MODULES = ("torch", "torch._dynamo", "gantuner.training.driver", "gantuner.training.checkpoint")


def engine_loaded() -> bool:
    # torch._dynamo is left out: a process that has the rest trains at once (it imports on first use).
    return all(name in sys.modules for name in ENGINE_MODULES if name != "torch._dynamo")


def preload_native_libraries() -> list[str]:
    """dlopen torch's big native libraries without holding the GIL; return those opened (Linux only)."""
    if not sys.platform.startswith("linux") or "torch" in sys.modules:
        return []
    spec = importlib.util.find_spec("torch")
    if spec is None or spec.origin is None:
        return []
    folder = Path(spec.origin).parent / "lib"
    try:
        libc = ctypes.CDLL(None)
        dlopen = libc.dlopen
    except (OSError, AttributeError):
        return []
    dlopen.restype = ctypes.c_void_p
    dlopen.argtypes = [ctypes.c_char_p, ctypes.c_int]
    opened = []
    for name in NATIVE_LIBRARIES:
        path = folder / name
        if path.exists() and dlopen(os.fsencode(path), os.RTLD_NOW | os.RTLD_GLOBAL):
            opened.append(name)
    return opened


def load_engine_modules() -> None:
    """Import torch and the engine (OpenMP prepared first, native libraries opened without the GIL)."""
    if engine_loaded():
        return
    threads.prepare_openmp()
    preload_native_libraries()
    for name in ENGINE_MODULES:
        importlib.import_module(name)
