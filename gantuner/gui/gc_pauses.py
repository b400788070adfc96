"""Keep Python's garbage collector from freezing the window and training.

A full (generation 2) collection walks every object the process holds while
holding the GIL, so it stops the GUI thread and the training thread alike.
With PySide6, pyqtgraph and torch loaded that walk was measured at 125-207 ms
on the benchmark machine: a visible freeze, several times a minute at first.
Almost all of those objects live as long as the process (modules, widgets,
the models), so they are moved out of the collector's sight with
``gc.freeze()``: once the window is built, and once more when the first run's
first rows arrive (torch imports much of itself lazily on the first
optimiser step).  Full collections then took about 2 ms.  The objects frozen
are never collected, which is what they would be anyway.
"""

from __future__ import annotations

import gc
from typing import Any

from PySide6.QtCore import SignalInstance


def freeze_long_lived_objects(collect: bool = True) -> int:
    """Move every object alive now out of the collector's sight; return how many are frozen."""
    if collect:
        gc.collect()  # garbage now is freed first, not frozen with the rest
    gc.freeze()
    return gc.get_freeze_count()


def keep_gc_pauses_short(rows_arrived: SignalInstance) -> None:
    """Freeze now (the window is built) and again after the first rows of training
    (``rows_arrived``: the window's signal)."""
    freeze_long_lived_objects()

    def first_rows(_rows: Any) -> None:
        rows_arrived.disconnect(first_rows)
        # Without a collection: training is running, and a full collection is the pause avoided.
        freeze_long_lived_objects(collect=False)

    rows_arrived.connect(first_rows)
