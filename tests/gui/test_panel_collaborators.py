"""Panels get typed collaborators, not the window; the rows they read are the run model's, stored once."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from gantuner import knobs
from gantuner.diagnosis.live import LiveDiagnosis
from gantuner.gui.curves import CurvesView
from gantuner.gui.diagnosis_dock import DiagnosisDock
from gantuner.gui.knob_panel import KnobPanel
from gantuner.gui.session import TrainingSession
from gantuner.metrics import ENGINE_FIELDS
from gantuner.run_model import RunModel


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


def test_the_hints_dock_works_from_its_collaborators_without_a_main_window(qtbot):
    host = QMainWindow()  # only a parent and a place for docks: no MainWindow attributes are read
    qtbot.addWidget(host)
    model = RunModel(ENGINE_FIELDS)
    curves = CurvesView(model.rows, host)
    session = TrainingSession(host)
    panel = KnobPanel(knobs.defaults("ring"), host)
    messages: list[tuple[str, bool]] = []

    def add_dock(widget, title, name):
        dock = QDockWidget(title(), host)
        dock.setObjectName(name)
        dock.setWidget(widget)
        host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

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
