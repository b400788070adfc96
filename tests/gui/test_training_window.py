"""The window trains: Start, curves and grid, Pause/Step/Resume, closing mid-run, reopening."""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import Qt

from .helpers import DIGITS_FAST, RING_FAST, fast_options, run_dir_of, wait_for_steps


def _curve_points(window, field):
    """Points handed to the curve (getData() would give only the clipped, downsampled view)."""
    y = window.curves.series[field].smooth.yData
    return 0 if y is None else len(y)


def test_start_fills_the_curves_and_the_sample_grid(qtbot, make_window, tmp_path):
    window = make_window(DIGITS_FAST)
    assert window.transport.start_button.isEnabled() and not window.transport.pause_button.isEnabled()
    window.transport.start_button.click()
    wait_for_steps(qtbot, window, 45)
    for field in ("d_loss", "g_loss", "d_acc", "d_acc_real", "d_acc_fake", "d_x", "d_g_z"):
        qtbot.waitUntil(lambda f=field: _curve_points(window, f) >= 45, timeout=5000)
    losses = window.curves.series["d_loss"].smooth.yData
    assert np.isfinite(losses).all() and (losses > 0).all()
    accuracy = window.curves.series["d_acc"].smooth.yData
    assert ((accuracy >= 0) & (accuracy <= 1)).all()
    qtbot.waitUntil(lambda: window.samples.image_item.image is not None, timeout=5000)
    image = window.samples.image_item.image
    assert image.dtype == np.uint8 and image.shape == (73, 73)  # 8x8 grid of 8x8 digits, 1 px gaps
    assert window.samples.shown_step() % 20 == 0
    assert window.status.step_label.text().startswith("Step ")
    qtbot.waitUntil(lambda: "it/s" in window.status.speed_label.text() and "–" not in window.status.speed_label.text())
    assert window.status.device_label.text().startswith("Device: CPU")
    # Save as PNG (what the button's file dialog asks for), written off the GUI thread.
    target = tmp_path / "grid.png"
    window.samples.saveRequested.emit(window.samples.current, str(target))
    qtbot.waitUntil(lambda: "Sample grid saved" in window.message_label.text(), timeout=5000)
    from PIL import Image

    with Image.open(target) as saved:
        assert saved.size == (73, 73)


def test_pause_holds_the_step_count_step_adds_exactly_one_and_resume_continues(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 30)
    driver = window.driver
    window.transport.pause_button.click()
    assert window.transport.pause_button.text() == "Resume"
    qtbot.waitUntil(lambda: driver.state == "paused", timeout=5000)  # the loop is parked
    held = driver.engine.step_count
    qtbot.wait(300)
    assert driver.engine.step_count == held
    assert window.transport.step_button.isEnabled()
    window.transport.step_button.click()
    qtbot.waitUntil(lambda: driver.engine.step_count == held + 1, timeout=5000)
    qtbot.waitUntil(lambda: window.buffer.last_step() == held + 1, timeout=5000)  # its row is drawn too
    qtbot.wait(300)
    assert driver.engine.step_count == held + 1
    qtbot.keyClick(window.curves, Qt.Key.Key_Space)  # the Space shortcut resumes
    qtbot.waitUntil(lambda: window.transport.pause_button.text() == "Pause", timeout=2000)
    qtbot.waitUntil(lambda: driver.engine.step_count > held + 20, timeout=10000)
    # The step count is read from the loop at once; its events reach the window at the next drain.
    qtbot.waitUntil(lambda: any(e["type"] == "resume" for e in window.events), timeout=2000)
    kinds = [e["type"] for e in window.events]
    assert kinds.count("pause") == 1 and kinds.count("resume") == 1


def test_closing_mid_run_stops_cleanly_and_the_run_reopens_with_all_its_curves(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 40)
    window.knob_panel.editor("lr_g").setValue(5e-4)
    qtbot.waitUntil(lambda: any(e.get("knob") == "lr_g" for e in window.events), timeout=5000)
    run_dir = run_dir_of(window)
    window.close()
    assert not window.session.is_active()
    assert window.session.state == "stopped"
    rows = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]
    assert rows[-1]["step"] == window.driver.engine.step_count == len(rows)
    assert (run_dir / "checkpoints" / f"step_{len(rows):06d}.safetensors").exists()

    again = make_window()
    with qtbot.waitSignal(again.runOpened, timeout=10000) as opened:
        again.open_run(run_dir)
    assert opened.args == [str(run_dir)]
    assert len(again.buffer) == len(rows)
    np.testing.assert_allclose(again.buffer.column("g_loss"), [r["g_loss"] for r in rows])
    qtbot.waitUntil(lambda: _curve_points(again, "g_loss") == len(rows), timeout=5000)
    assert [label for _, label in again.curves.markers()] == ["G learning rate 1e-3 → 5e-4"]
    assert len(again.samples.history) >= 2
    assert again.driver is None and again.knob_panel.values()["lr_g"] == 5e-4
    assert str(run_dir) in again.settings.value("recent_runs")
    again._fill_recent_menu(again.menus.recent_menu)
    assert str(run_dir) in [a.text() for a in again.menus.recent_menu.actions()]


def test_a_checkpoint_saved_while_paused_resumes_training_with_its_history(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 30)
    window.toggle_pause()
    driver = window.driver
    qtbot.waitUntil(lambda: driver.state == "paused", timeout=5000)
    saved_at = driver.engine.step_count
    with qtbot.waitSignal(window.session.checkpointSaved, timeout=10000) as saved:
        assert window.save_checkpoint()
    checkpoint = saved.args[0]
    assert checkpoint.endswith(f"step_{saved_at:06d}.safetensors")
    window.stop()
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=10000)

    with qtbot.waitSignal(window.driverChanged, timeout=15000):
        window.load_checkpoint(checkpoint)
    resumed = window.driver
    assert resumed is not driver and resumed.engine.step_count >= saved_at
    assert resumed.run_dir == driver.run_dir
    # The curves show the run's past up to the checkpoint, then it trains on.
    assert window.buffer.steps[0] == 1
    qtbot.waitUntil(lambda: window.buffer.last_step() > saved_at + 10, timeout=10000)
    steps = window.buffer.steps
    assert (np.diff(steps) == 1).all()


def test_two_dimensional_data_shows_real_and_generated_points(qtbot, make_window):
    window = make_window(RING_FAST, options=fast_options(sample_every=10))
    window.start()
    qtbot.waitUntil(lambda: len(window.samples.history) >= 4, timeout=15000)
    assert window.samples.stack.currentWidget() is window.samples.scatter_widget
    assert len(window.samples.fake_points.data) == 1024 and len(window.samples.real_points.data) == 1024
    # Scrub back: the slider stays on the chosen grid while new ones arrive.
    window.samples.slider.setValue(0)
    first = window.samples.history.step(0)
    assert window.samples.shown_step() == first
    count = len(window.samples.history)
    qtbot.waitUntil(lambda: len(window.samples.history) > count + 1, timeout=10000)
    assert window.samples.shown_step() == first
    assert window.samples.slider.maximum() == len(window.samples.history) - 1


def test_a_run_that_cannot_start_says_why_and_the_window_stays_usable(qtbot, make_window, tmp_path):
    missing = str(tmp_path / "no-such-data")
    window = make_window({"dataset": missing, "device": "cpu"})
    window.start()
    qtbot.waitUntil(lambda: window.session.state == "idle", timeout=15000)
    assert "Training failed" in window.message_label.text() and missing in window.message_label.text()
    assert missing in (window.knob_panel.error("dataset") or "")
    assert window.transport.start_button.isEnabled() and window.driver is None
    window.knob_panel.set_value("dataset", "ring")  # fix it and go
    window.start()
    qtbot.waitUntil(lambda: window.driver is not None, timeout=15000)
    assert window.knob_panel.error("dataset") is None
