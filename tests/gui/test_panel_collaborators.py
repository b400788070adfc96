"""Panels get typed collaborators, not the window; the rows they read are the run model's, stored once."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from gantuner import knobs
from gantuner.diagnosis.live import LiveDiagnosis
from gantuner.gui.curves import CurvesView
from gantuner.gui.data_notes import install_data_notes
from gantuner.gui.diagnosis_dock import DiagnosisDock
from gantuner.gui.disk_trouble import install_disk_trouble
from gantuner.gui.knob_panel import KnobPanel
from gantuner.gui.learning_docks import LearningDocks
from gantuner.gui.session import TrainingSession
from gantuner.metrics import ENGINE_FIELDS
from gantuner.paths import resource
from gantuner.run_model import RunModel
from gantuner.text import Text
from gantuner.training.control import RunState


def _rows(first: int, last: int, acc: float) -> list[dict]:
    rng = np.random.default_rng(first)
    out = []
    for step in range(first, last):
        a = float(np.clip(acc + rng.normal(0, 0.01), 0.0, 1.0))
        row = {"step": step, "d_loss": 0.3, "d_loss_real": 0.3, "d_loss_fake": 0.3, "g_loss": 3.0,
               "d_acc": a, "d_acc_real": a, "d_acc_fake": a, "d_x": 0.9, "d_g_z": 0.1,
               "grad_norm_d": 0.5, "grad_norm_g": 0.2, "lr_d": 2e-4, "lr_g": 2e-4, "loss": "bce"}
        if step % 500 == 0:
            row["quality_modes"] = 8.0 if step < 1000 else 3.0
        out.append(row)
    return out


def _docks_of(host: QMainWindow):
    """``add_dock`` as the window gives it to its panels: a titled dock in ``host``."""
    def add_dock(widget, title, name, area=Qt.DockWidgetArea.RightDockWidgetArea):
        dock = QDockWidget(title(), host)
        dock.setObjectName(name)
        dock.setWidget(widget)
        host.addDockWidget(area, dock)
        return dock

    return add_dock


def test_the_hints_dock_works_from_its_collaborators_without_a_main_window(qtbot):
    host = QMainWindow()  # only a parent and a place for docks: no MainWindow attributes are read
    qtbot.addWidget(host)
    model = RunModel(ENGINE_FIELDS)
    curves = CurvesView(model.rows, host)
    session = TrainingSession(host)
    panel = KnobPanel(knobs.defaults("ring"), host)
    messages: list[tuple[str, bool]] = []
    add_dock = _docks_of(host)

    dock = DiagnosisDock(model, curves, session, panel, lambda text, error=False: messages.append((text, error)),
                         add_dock, host, live=LiveDiagnosis(min_interval=0.0, rows=model.rows))
    assert dock.dock.windowTitle() == "Hints" and dock.quality.rows is model.rows
    model.add_rows(_rows(0, 500, 0.6))
    model.add_rows(_rows(500, 4000, 1.0))
    dock.tick()
    assert "d_too_strong" in dock.panel.list.hint_ids()
    assert dock.quality.series("quality_modes")[1].tolist() == [8.0, 8.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0]
    # Apply without a run: said in the status bar, through the show_message it was given.
    dock.apply("d_too_strong", {"lr_d": 1e-4}, {})
    assert messages and messages[-1][1] is True and "No run in progress" in messages[-1][0]
    model.clear()  # a new run: the dock forgets the hints and the quality points
    assert dock.panel.list.hint_ids() == [] and dock.quality.metrics() == []


def test_the_window_stores_each_row_once(qtbot, make_window):
    window = make_window()
    window.append_rows(_rows(0, 1200, 0.6))  # as a followed log's rows arrive
    store = window.model.rows
    live_table = window.diagnosis.live.table()
    assert len(live_table) == len(store) == 1200
    assert np.shares_memory(live_table.columns["d_acc"], store.column("d_acc"))
    assert np.shares_memory(live_table.step, store.steps)
    assert window.diagnosis.quality.rows is store and window.curves.buffer is store
    steps, values = window.diagnosis.quality.series("quality_modes")
    assert steps.tolist() == [0, 500, 1000] and values.tolist() == [8.0, 8.0, 3.0]


def test_the_learn_docks_work_from_their_collaborators_without_a_main_window(qtbot):
    host = QMainWindow()  # a plain QMainWindow: the docks are tabbed in it and its closing is watched
    qtbot.addWidget(host)
    model = RunModel(ENGINE_FIELDS)
    curves = CurvesView(model.rows, host)
    session = TrainingSession(host)
    panel = KnobPanel(knobs.defaults("ring"), host)
    messages: list[tuple[str, bool]] = []
    shown: dict[str, Path | None] = {"run": None}
    learning = LearningDocks(session, panel.values, curves, lambda: shown["run"],
                             lambda text, error=False: messages.append((text, error)), _docks_of(host), host)
    assert session.between_steps is learning.run_probe  # the session's run feeds the data-space view
    assert all(dock.isHidden() for dock in learning.docks)
    assert all(host.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea for dock in learning.docks)
    assert [dock.windowTitle() for dock in learning.docks] == [
        "Learn: data space", "Learn: compare runs", "Learn: practice", "Learn: guide"]

    # The playground trains with the knob panel's values (same 2D data); its main-run buttons
    # step the session's run, and only while the session says it is paused.
    panel.set_value("lr_d", 1e-3)
    lab = learning.lab
    assert lab.playground_config()["lr_d"] == 1e-3
    assert lab.main_run_step == session.step_once
    assert not lab.main_buttons["d"].isEnabled()
    session.stateChanged.emit(RunState.PAUSED.value)
    assert lab.main_buttons["d"].isEnabled() and lab.main_buttons["g"].isEnabled()

    # Compare runs: "this run" is the shown run, else the session's run folder; its messages go to
    # the show_message it was given; the overlaid curves follow the curves' smoothing.
    compare = learning.compare
    compare.add_current()
    assert messages[-1] == ("No run to add: start training or open a run first", True)
    curves.set_smoothing(0.9)
    assert compare.smoothing_weight == 0.9
    session.driver = SimpleNamespace(run_dir=resource("sample_logs", "seed_example2.log"))
    compare.add_current()
    qtbot.waitUntil(lambda: [run.name for run in compare.runs] == ["seed_example2.log"], timeout=10000)
    shown["run"] = resource("sample_logs", "seed_example1.log")
    compare.add_current()
    qtbot.waitUntil(lambda: [run.name for run in compare.runs] == ["seed_example2.log", "seed_example1.log"],
                    timeout=10000)

    # One tab set: shown together, they are tabs of one place.
    for dock in learning.docks:
        dock.show()
    assert host.tabifiedDockWidgets(learning.docks[0]) == learning.docks[1:]

    # Closing the host stops the playground.
    lab.ensure_started()
    playground = lab.playground
    host.close()
    assert lab.playground is None and not playground._thread.is_alive()
    curves.close()  # its redraw timer: a MainWindow stops its panels' timers as it closes, a bare host does not


def test_the_bars_above_the_curves_work_from_the_curves_and_the_session(qtbot, tmp_path):
    host = QMainWindow()
    qtbot.addWidget(host)
    curves = CurvesView(RunModel(ENGINE_FIELDS).rows, host)
    host.setCentralWidget(curves)
    session = TrainingSession(host)
    notes = install_data_notes(curves, session)
    trouble = install_disk_trouble(curves, session)
    host.show()
    assert notes.parent() is curves and trouble.parent() is curves

    # The data notes: filled from the driver the session announces, cleared by the next run.
    loaded = SimpleNamespace(engine=SimpleNamespace(dataset=SimpleNamespace(
        load_notes=(Text("1 file skipped: a.png is not an image", "1 ファイルを飛ばしました: a.png は画像ではありません"),))))
    session.driverReady.emit(loaded)
    assert notes.isVisible() and "a.png is not an image" in notes.message.text()
    session.runStarting.emit()
    assert not notes.isVisible()

    # Disk trouble: shown from the session's report; "Choose another folder" moves the session's run.
    session.driver = SimpleNamespace(run_dir=tmp_path / "runs" / "ring-1")
    session.diskTrouble.emit({"type": "error", "message": "No space left on device", "disk": str(tmp_path / "runs")})
    assert trouble.isVisible() and "No space left on device" in trouble.message.text()
    (tmp_path / "elsewhere").mkdir()
    trouble.choose_folder = lambda: str(tmp_path / "elsewhere")
    with qtbot.waitSignal(trouble.moveRequested) as moved:
        trouble.choose_button.click()
    assert moved.args == [str(tmp_path / "elsewhere")] and not trouble.isVisible()
    curves.close()
