"""The Learn docks in the main window as users launch it: there, hidden until asked for,
translated, and the playground stopped with the window (issue 16)."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QWidget


def test_learn_docks_are_in_the_view_menu_and_work_in_the_window(make_window, qtbot):
    window = make_window()
    names = {"learnDataSpaceDock": "dataSpaceView", "learnCompareDock": "overlaidRuns",
             "learnPracticeDock": "practicePane", "learnGuideDock": "guidePane"}
    for dock_name, content in names.items():
        dock = window.findChild(QDockWidget, dock_name)
        assert dock is not None and dock.isHidden()
        # Built the first time its dock is shown, so a hidden pane costs the window's start nothing.
        assert window.findChild(QWidget, content) is None
        assert dock.toggleViewAction() in window.menus.view_menu.actions()
        dock.toggleViewAction().trigger()
        qtbot.waitUntil(lambda content=content: window.findChild(QWidget, content) is not None, timeout=5000)
        dock.toggleViewAction().trigger()
        assert dock.isHidden()
    practice = window.findChild(QDockWidget, "learnPracticeDock")
    practice.show()
    practice.raise_()
    pane = window.learning.practice
    qtbot.waitUntil(lambda: pane.title.text().startswith("<b>The article's Example 1"), timeout=5000)
    lab_dock = window.findChild(QDockWidget, "learnDataSpaceDock")
    lab_dock.show()
    lab_dock.raise_()
    qtbot.mouseClick(window.learning.lab.buttons["step"], _left())
    qtbot.waitUntil(lambda: window.learning.lab.view.snapshot is not None
                    and window.learning.lab.view.snapshot.step == 1, timeout=30000)
    playground = window.learning.lab.playground
    window.close()
    assert window.learning.lab.playground is None and not playground._thread.is_alive()


def test_learn_docks_in_japanese(make_window, qtbot):
    window = make_window(language="ja")
    titles = {d.objectName(): d.windowTitle() for d in window.findChildren(QDockWidget)}
    assert titles["learnPracticeDock"] == "学ぶ: 練習"
    qtbot.waitUntil(lambda: window.learning.lab.buttons["step_d"].text() == "D を 1 回更新", timeout=5000)
    assert window.learning.lab.view.phase_labels["update_g"].text() == "生成器を更新"
    assert window.learning.practice.check_button.text() == "答え合わせ"
    assert "曲線を読む" in window.learning.guide.text.toPlainText()


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_learn_docks_import_no_torch():
    """The window shows before torch loads: the Learn docks must not pull it in (the playground's
    own thread imports the engine)."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys; import gantuner.gui.learning_docks; "
            "print('torch' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_the_playground_trains_with_the_knobs_panel_values_for_the_same_data(make_window):
    window = make_window()   # ring, small models (RING_FAST)
    lab = window.learning.lab
    config = lab.playground_config()
    assert config["dataset"] == "ring" and config["g_width"] == 16 and config["lr_d"] == 1e-3
    assert config["device"] == "cpu"
    lab.dataset.blockSignals(True)
    lab.dataset.setCurrentIndex(lab.dataset.findData("spiral"))
    lab.dataset.blockSignals(False)
    assert lab.playground_config() == {"dataset": "spiral", "device": "cpu"}   # spiral's own presets


def test_the_windows_paused_run_steps_d_only_and_g_only_from_the_learn_dock(make_window, qtbot):
    import torch

    from .helpers import wait_for_steps

    window = make_window()
    lab = window.learning.lab
    assert not lab.main_buttons["d"].isEnabled()
    window.start()
    wait_for_steps(qtbot, window, 5)
    window.toggle_pause()
    qtbot.waitUntil(lambda: lab.main_buttons["d"].isEnabled(), timeout=20000)
    engine = window.driver.engine
    qtbot.waitUntil(lambda: window.driver.state.value == "paused", timeout=20000)

    def weights(module):
        return [p.detach().clone() for p in module.parameters()]

    def same(a, b):
        return all(torch.equal(x, y) for x, y in zip(a, b))

    for part, changed, kept in (("d", engine.D, engine.G), ("g", engine.G, engine.D)):
        before_changed, before_kept = weights(changed), weights(kept)
        qtbot.mouseClick(lab.main_buttons[part], _left())
        qtbot.waitUntil(lambda c=changed, b=before_changed: not same(b, weights(c)), timeout=20000)
        assert same(before_kept, weights(kept))


def test_the_data_space_view_shows_the_windows_own_2d_run_live(make_window, qtbot):
    """The Learn dock's view draws the run the window trains (ring), fed between its steps."""
    import numpy as np

    from .helpers import wait_for_steps

    window = make_window()  # RING_FAST
    lab = window.learning.lab
    window.start()
    wait_for_steps(qtbot, window, 5)
    assert lab.run_probe.latest is None  # the view is hidden: nothing is computed
    window.learning.docks[0].show()
    qtbot.waitUntil(lambda: lab.run_probe.latest is not None and lab._shown is lab.run_probe.latest,
                    timeout=20000)
    first = lab.run_probe.latest
    assert np.array_equal(lab.view.fake_points.data, first.fake) and first.heat.size > 0
    qtbot.waitUntil(lambda: lab.run_probe.latest is not first and lab._shown is lab.run_probe.latest,
                    timeout=20000)  # live: a later step, a new picture
    assert np.array_equal(lab.view.heat.image, lab.run_probe.latest.heat)


def test_a_tall_learn_dock_leaves_every_curve_plot_legible(make_window, qtbot):
    """Seen by a user: a Learn dock 620 px tall in a 1600x1000 window squeezed the curve plots until
    their value labels ran into each other (26 px of plot area each). The dock now takes only what
    the plots can spare, and its pane scrolls."""
    from PySide6.QtCore import Qt

    from gantuner.gui import plot_style

    window = make_window()   # the first-run welcome band is shown above the curves too
    window.resize(1600, 1000)
    dock = window.findChild(QDockWidget, "learnCompareDock")
    dock.show()
    dock.raise_()
    window.resizeDocks([dock], [620], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: window.learning.compare.isVisible(), timeout=5000)
    qtbot.wait(100)
    assert window.height() == 1000   # nothing pushed the window past the screen
    areas = {name: plot.getPlotItem().getViewBox().height() for name, plot in window.curves.plots.items()}
    assert min(areas.values()) >= plot_style.MIN_PLOT_AREA_PX - 4, areas
    quality = window.diagnosis.quality
    # Below the main plots the central area scrolls: the Quality panel is whole, a scroll away.
    window.centralWidget().ensureWidgetVisible(quality.title)
    qtbot.waitUntil(lambda: quality.title.visibleRegion().boundingRect().height() >= quality.title.height() > 0,
                    timeout=2000)
    assert quality.plot_widget.height() >= plot_style.MIN_PLOT_AREA_PX
    assert dock.height() >= 150   # the rest is the dock's


def test_a_learn_dock_opens_as_tall_as_its_pane_asks_within_a_share_of_the_window(make_window, qtbot):
    from gantuner.gui.learning_docks import FIRST_SHOW_SHARE

    window = make_window()
    window.resize(1600, 1000)
    window.welcome.dismiss()
    dock = window.findChild(QDockWidget, "learnCompareDock")
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.learning.compare.isVisible(), timeout=5000)
    qtbot.wait(100)
    content = window.learning.compare
    asked = max(content.sizeHint().height(), content.minimumSizeHint().height())
    assert min(asked, 0.9 * FIRST_SHOW_SHARE * window.height()) <= dock.height() <= FIRST_SHOW_SHARE * window.height()
