"""The long-lived objects of the app are frozen out of the garbage collector's full sweeps."""

from __future__ import annotations

import gc

import pytest

from gantuner.gui.gc_pauses import keep_gc_pauses_short


@pytest.fixture
def unfrozen_afterwards():
    yield
    gc.unfreeze()  # the rest of the test session collects as usual


def test_the_window_and_then_the_first_rows_are_frozen(make_window, unfrozen_afterwards):
    window = make_window()
    gc.unfreeze()
    keep_gc_pauses_short(window.rowsArrived)
    after_window = gc.get_freeze_count()
    assert after_window > 10_000  # modules, widgets, pyqtgraph items
    made_since = [[i] for i in range(5000)]  # what training's first steps would add
    window.rowsArrived.emit([{"step": 1}])
    after_rows = gc.get_freeze_count()
    assert after_rows >= after_window + len(made_since)
    window.rowsArrived.emit([{"step": 2}])  # only once
    assert gc.get_freeze_count() == after_rows
