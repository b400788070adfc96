"""Knobs from their widgets: live changes mid-run, markers, events, undo, bad values, restarts."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox, QWidget

from gantuner import knobs

from .helpers import run_dir_of, wait_for_steps


def test_every_knob_has_a_widget_with_its_name_and_help_and_range_in_the_tooltip(make_window):
    window = make_window()
    kinds = {"lr_d": QDoubleSpinBox, "batch_size": QSpinBox, "d_batchnorm": QCheckBox, "loss": QComboBox,
             "dataset": QLineEdit, "image_size": QComboBox}
    for name, knob in knobs.KNOBS.items():
        widget = window.findChild(QWidget, f"knob_{name}")
        assert widget is window.knob_panel.editor(name)
        assert knob.help_text.en in widget.toolTip()
        if knob.minimum is not None and knob.choices is None:
            assert "…" in widget.toolTip()
    for name, kind in kinds.items():
        assert isinstance(window.knob_panel.editor(name), kind)
    lr = window.knob_panel.editor("lr_d")
    assert lr.text() == "1e-3"  # the ring preset, shown in compact scientific notation
    lr.stepBy(1)
    assert lr.value() == 2e-3  # arrows on a log-scale knob double it


def test_live_changes_mid_run_reach_the_rows_the_curves_and_events_jsonl(qtbot, make_window):
    window = make_window()
    rows: list[dict] = []
    window.rowsArrived.connect(rows.extend)
    window.start()
    wait_for_steps(qtbot, window, 30)
    window.knob_panel.editor("lr_d").setValue(1e-4)
    window.knob_panel.editor("d_dropout").setValue(0.3)
    assert set(window.knob_panel.pending()) == {"lr_d", "d_dropout"}  # marked until in force
    qtbot.waitUntil(lambda: rows and rows[-1]["lr_d"] == 1e-4 and rows[-1]["d_dropout"] == 0.3, timeout=5000)
    qtbot.waitUntil(lambda: not window.knob_panel.pending(), timeout=5000)

    changes = {e["knob"]: e for e in window.events if e["type"] == "knob"}
    assert changes["lr_d"]["old"] == 1e-3 and changes["lr_d"]["new"] == 1e-4
    first = changes["lr_d"]["step"]
    for row in rows:  # every row before the change has the old value, every row from it the new
        assert row["lr_d"] == (1e-4 if row["step"] >= first else 1e-3)
    labels = [label for _, label in window.curves.markers()]
    assert "D learning rate 1e-3 → 1e-4" in labels and "D dropout 0 → 0.3" in labels  # the knobs' own labels
    qtbot.waitUntil(lambda: window.driver.engine.live["lr_d"] == 1e-4)

    events_file = run_dir_of(window) / "events.jsonl"
    qtbot.waitUntil(lambda: '"lr_d"' in events_file.read_text(), timeout=5000)
    recorded = [json.loads(line) for line in events_file.read_text().splitlines()]
    knob_events = [e for e in recorded if e["type"] == "knob"]
    assert {(e["knob"], e["new"], e["source"]) for e in knob_events} == {("lr_d", 1e-4, "user"),
                                                                         ("d_dropout", 0.3, "user")}

    # Undo puts back the previous value, in force at the next step.
    window.menus.actions["undo"].trigger()
    assert window.knob_panel.editor("d_dropout").value() == 0.0
    qtbot.waitUntil(lambda: rows[-1]["d_dropout"] == 0.0, timeout=5000)
    assert rows[-1]["lr_d"] == 1e-4  # only the last change was undone
    window.undo()
    qtbot.waitUntil(lambda: rows[-1]["lr_d"] == 1e-3, timeout=5000)
    assert window.knob_panel.editor("lr_d").value() == 1e-3
    assert not window.knob_panel.can_undo()


def test_a_bad_value_is_shown_beside_the_knob_and_training_goes_on(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 20)
    window.knob_panel.set_value("lr_d", 5.0)  # out of range 1e-6 .. 1
    message = window.knob_panel.error("lr_d")
    assert message and "lr_d" in message and "out of range" in message
    error_label = window.knob_panel.findChild(QLabel, "error_lr_d")
    assert error_label.isVisibleTo(window) and "out of range" in error_label.text()
    assert window.knob_panel.editor("lr_d").value() == 1e-3  # the widget shows what is in force
    count = window.driver.engine.step_count
    qtbot.waitUntil(lambda: window.driver.engine.step_count > count + 20, timeout=5000)
    assert window.driver.engine.live["lr_d"] == 1e-3 and window.session.state == "running"
    assert "out of range" in window.message_label.text()  # and in the status bar
    # A value the session refuses is reported the same way.
    window._live_edited("d_dropout", 2.0)
    assert "d_dropout" in window.message_label.text() and window.knob_panel.error("d_dropout")
    # A dataset path that does not exist is refused where it was typed.
    line = window.knob_panel.editor("dataset")
    line.setText("/no/such/folder")
    line.editingFinished.emit()
    assert "no such file or folder" in window.knob_panel.error("dataset")
    # It stays as typed, to be corrected (never silently back to the old dataset), and is not used.
    assert line.text() == "/no/such/folder" and window.knob_panel.values()["dataset"] == "ring"
    assert "no such file or folder" in window.knob_panel.blocking_error()


def test_staged_setup_knob_and_restart_build_a_model_of_the_new_width(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 10)
    old = window.driver
    assert not window.knob_panel.restart_button.isEnabled()
    window.knob_panel.editor("g_width").setValue(24)
    assert window.knob_panel.staged() == {"g_width": 24}
    assert window.knob_panel.restart_button.isEnabled()
    assert old.engine.G.net[0].out_features == 16  # the running model is untouched
    window.knob_panel.restart_button.click()
    qtbot.waitUntil(lambda: window.driver is not None and window.driver is not old, timeout=15000)
    new = window.driver
    assert new.engine.config["g_width"] == 24 and new.engine.G.net[0].out_features == 24
    assert new.run_dir != old.run_dir and old.state == "stopped"
    assert window.knob_panel.staged() == {}
    wait_for_steps(qtbot, window, 10)
    assert window.buffer.steps[0] == 1  # the curves start again with the new model
    # Reset: a fresh model with the same settings.
    window.transport.reset_button.click()
    qtbot.waitUntil(lambda: window.driver is not None and window.driver is not new, timeout=15000)
    assert window.driver.engine.config["g_width"] == 24


def test_choosing_another_dataset_brings_its_presets_for_untouched_knobs(make_window):
    window = make_window({"dataset": "digits", "device": "cpu", "batch_size": 32})
    window.knob_panel.set_value("dataset", "ring")
    values = window.knob_panel.values()
    ring = knobs.defaults("ring")
    for name in ("model", "g_width", "latent_dim", "lr_d"):
        assert values[name] == ring[name]
    assert values["model"] == "mlp"
    assert values["batch_size"] == 32  # the user's own choice stays
    window.undo()
    values = window.knob_panel.values()
    digits = knobs.defaults("digits")
    assert values["dataset"] == "digits" and values["model"] == "dcgan"
    assert values["g_width"] == digits["g_width"] and values["lr_d"] == digits["lr_d"]
