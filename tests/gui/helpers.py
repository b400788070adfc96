"""Shared pieces of the GUI tests: small configurations and waits."""

from __future__ import annotations

from pathlib import Path

from gantuner.training import RunOptions

# Small models so that a test trains hundreds of steps a second on a busy CPU.
# Learning rates are pinned so that marker texts do not depend on the dataset presets.
RING_FAST = {"dataset": "ring", "device": "cpu", "g_width": 16, "d_width": 16, "g_depth": 1,
             "d_depth": 1, "batch_size": 64, "lr_g": 1e-3, "lr_d": 1e-3}
DIGITS_FAST = {"dataset": "digits", "device": "cpu", "image_size": 8, "g_width": 8, "d_width": 8,
               "batch_size": 16}


def fast_options(**overrides) -> RunOptions:
    options = RunOptions(sample_every=20, checkpoint_every=100_000, quality_every=0, flush_seconds=0.05)
    for key, value in overrides.items():
        setattr(options, key, value)
    return options


def wait_for_steps(qtbot, window, steps: int, timeout: int = 20000) -> None:
    """Until the curves hold at least ``steps`` rows."""
    qtbot.waitUntil(lambda: len(window.buffer) >= steps, timeout=timeout)


def run_dir_of(window) -> Path:
    assert window.driver is not None and window.driver.run_dir is not None
    return window.driver.run_dir


def shown_plot_view(qtbot, width: int, height: int):
    """A native-painted plot on screen with its auto-range off; returns (view, plot item)."""
    from gantuner.gui.native_paint import PlotView

    view = PlotView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    item = view.getPlotItem()
    item.disableAutoRange()
    return view, item
