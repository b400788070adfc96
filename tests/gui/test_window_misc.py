"""Language switching without a restart, the remembered layout, smoothing, the app's command line."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from gantuner.gui import app as gui_app
from gantuner.gui import i18n
from gantuner.gui.settings import open_settings
from gantuner.paths import resource

from .helpers import wait_for_steps


def test_japanese_relabels_the_running_window_without_a_restart(qtbot, make_window):
    assert (resource("i18n") / "gantuner_ja.qm").exists()
    window = make_window()
    start = window.transport.start_button
    label = window.knob_panel.findChild(QLabel, "label_lr_d")
    assert start.text() == "Start" and window.menus.file_menu.title() == "&File" and label.text() == "D learning rate"
    window.set_language("ja")
    qtbot.waitUntil(lambda: start.text() == "開始", timeout=5000)
    assert window.menus.file_menu.title() == "ファイル(&F)"
    assert window.menus.training_menu.title() == "学習(&T)"
    assert window.transport.pause_button.text() == "一時停止"
    assert window.knob_dock.windowTitle() == "ノブ"
    assert label.text() == "D の学習率"  # knob labels come from knobs.py
    assert "識別器の学習率" in window.knob_panel.editor("lr_d").toolTip()  # and its help
    assert window.knob_panel.findChild(type(window.knob_panel.restart_button), "restartButton").text() \
        == "この設定で再スタート"
    window.set_language("en")
    qtbot.waitUntil(lambda: start.text() == "Start", timeout=5000)
    assert label.text() == "D learning rate" and window.menus.file_menu.title() == "&File"


def test_preferences_switch_language_and_set_device_and_run_folder(qtbot, make_window, tmp_path):
    window = make_window()
    dialog = window.show_preferences()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ja"))
    dialog.device_combo.setCurrentIndex(dialog.device_combo.findData("cpu"))
    dialog.runs_edit.setText(str(tmp_path / "elsewhere"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.transport.stop_button.text() == "停止", timeout=5000)
    assert dialog.windowTitle() == "設定"
    assert window.runs_dir == tmp_path / "elsewhere"
    settings = open_settings()
    assert settings.value("preferences/language") == "ja" and settings.value("preferences/device") == "cpu"


def test_the_dock_layout_is_remembered(qtbot, make_window):
    window = make_window()
    assert window.dockWidgetArea(window.samples_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.samples_dock)
    window.close()
    again = make_window()
    assert again.dockWidgetArea(again.samples_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    again.samples_dock.close()
    again.learning.docks[2].show()
    again.reset_layout()
    assert again.dockWidgetArea(again.samples_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    # The layout a first launch has: the closed Samples dock back, the Learn docks hidden until asked for.
    assert again.samples_dock.isVisible() and again.knob_dock.isVisible()
    assert all(dock.isHidden() for dock in again.learning.docks)


def test_extra_docks_and_curve_panels_fit_in(qtbot, make_window):
    import pyqtgraph as pg

    window = make_window()
    panel = QLabel("hints")
    dock = window.add_dock(panel, lambda: window.tr("Hints"), name="hintsDock")
    assert dock.widget() is panel and dock.windowTitle() == "Hints"
    plot = pg.PlotWidget()
    window.add_curve_panel(plot)
    assert plot.getPlotItem().getViewBox().linkedView(pg.ViewBox.XAxis) is \
        window.curves.plot_item("lossPlot").getViewBox()


def test_smoothing_draws_the_raw_curve_faintly_behind(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 60)
    window.stop()
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=10000)
    series = window.curves.series["g_loss"]
    assert not series.raw.isVisible()
    from gantuner.smoothing import position_of, weight_at

    window.curves.smoothing_slider.setValue(position_of(0.9))
    weight = weight_at(position_of(0.9))
    qtbot.waitUntil(lambda: window.curves.smoothing() == weight, timeout=3000)
    qtbot.waitUntil(lambda: series.raw.isVisible(), timeout=3000)
    smoothed = series.smooth.yData
    raw = series.raw.yData
    assert len(raw) == len(smoothed) == len(window.buffer)
    np.testing.assert_allclose(raw, window.buffer.column("g_loss"))
    assert np.std(np.diff(smoothed)) < np.std(np.diff(raw))  # smoother, same points
    assert window.curves.smoothing_value.text() == f"{weight:.3f}" == "0.900"


def test_the_crosshair_reads_out_the_values_under_the_mouse(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 30)
    window.stop()
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=10000)
    qtbot.waitUntil(lambda: _drawn(window.curves.series["d_loss"].smooth) == len(window.buffer))
    plot = window.curves.plots["lossPlot"]
    item = plot.getPlotItem()
    item.vb.setXRange(1, 30, padding=0)
    low, high = item.vb.viewRange()[1]
    scene_point = item.vb.mapViewToScene(pg_point(10.2, (low + high) / 2))
    window.curves._mouse_moved(plot, scene_point)
    text = window.curves.readout.text()
    assert "step 10" in text and "D loss" in text
    assert f"{window.buffer.column('d_loss')[9]:.4g}" in text


def _drawn(curve) -> int:
    """Points handed to a curve (getData() would give only the clipped, downsampled view)."""
    return 0 if curve.yData is None else len(curve.yData)


def pg_point(x, y):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_the_app_entry_point_rejects_a_bad_knob_with_one_line(capsys):
    assert gui_app.main(["--set", "lr_d=7"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "lr_d" in err and "out of range" in err
    assert gui_app.main(["--lang", "fr"]) == 2


def test_gantuner_without_arguments_opens_the_window_ready_to_train(qtbot, monkeypatch, tmp_path):
    """`gantuner` -> the GUI's main: the window opens with the default dataset; --start trains."""
    from PySide6.QtWidgets import QApplication

    from gantuner import __main__ as entry
    from gantuner.gui.main_window import MainWindow

    seen = {}

    def fake_exec():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["dataset"] = window.knob_panel.values()["dataset"]
        seen["state"] = window.session.state
        seen["language"] = i18n.current_language()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    open_settings().setValue("preferences/runs_dir", str(tmp_path / "runs"))  # not the user's folder
    assert entry.main([]) == 0
    assert seen == {"dataset": "digits", "state": "idle", "language": "en"}
    assert entry.main(["--start", "--dataset", "ring", "--set", "device=cpu", "--lang", "ja"]) == 0
    assert seen == {"dataset": "ring", "state": "starting", "language": "ja"}
    assert len(list((tmp_path / "runs").iterdir())) == 1  # the --start run went where the settings say


def test_zooming_stops_following_and_the_follow_box_brings_it_back(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 40)
    curves = window.curves
    box = curves.plot_item("lossPlot").getViewBox()
    qtbot.waitUntil(lambda: box.viewRange()[0][1] >= window.buffer.last_step(), timeout=5000)
    assert curves.following() and curves.follow_box.isChecked()
    box.sigRangeChangedManually.emit([True, True])  # what a mouse zoom or drag emits
    box.setXRange(5, 10, padding=0)
    assert not curves.following() and not curves.follow_box.isChecked()
    count = len(window.buffer)
    wait_for_steps(qtbot, window, count + 40)
    qtbot.wait(100)
    assert box.viewRange()[0] == [5, 10]  # the user's zoom stays while training goes on
    curves.follow_box.setChecked(True)
    assert box.viewRange()[0][1] >= window.buffer.last_step()


def test_curves_redraw_at_most_30_times_a_second_and_only_for_new_data(qtbot, make_window):
    import time

    window = make_window()
    curves = window.curves
    window.start()
    wait_for_steps(qtbot, window, 20)
    before, started = curves.redraws, time.perf_counter()
    qtbot.wait(1000)
    rate = (curves.redraws - before) / (time.perf_counter() - started)
    assert 0 < rate <= 31
    window.stop()
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=10000)
    qtbot.wait(200)
    idle = curves.redraws
    qtbot.wait(500)
    assert curves.redraws == idle  # nothing new, nothing drawn
