"""The hints dock, the Quality panel and opened logs, in the real window."""

from __future__ import annotations

import json
import time

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from gantuner.diagnosis.live import LiveDiagnosis
from gantuner.paths import resource

from .helpers import fast_options, run_dir_of

# D learns ten times as fast as G on tiny digits: pinned near 100 % within ~300 steps (measured
# 2.8 s for 300 steps headless; the rule needs the 100-step warm-up plus 200 pinned steps).
D_STRONG = {"dataset": "digits", "device": "cpu", "image_size": 8, "g_width": 16, "d_width": 16,
            "batch_size": 16, "lr_g": 2e-5, "lr_d": 2e-4}


def _curve_points(window, field: str = "d_loss") -> int:
    x, _y = window.curves.series[field].smooth.getData()
    return 0 if x is None else len(x)


def _messages(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, title, text, *a, **k: shown.append((title, text)))
    return shown


def test_apply_on_a_live_d_too_strong_hint_changes_the_knobs_draws_markers_and_logs_it(qtbot, make_window):
    window = make_window(D_STRONG, fast_options(sample_every=0))
    window.diagnosis.live = LiveDiagnosis(min_interval=0.2, rows=window.model.rows)
    started = time.monotonic()
    window.start()
    panel = window.diagnosis.panel
    qtbot.waitUntil(lambda: "d_too_strong" in panel.list.hint_ids(), timeout=60000)
    found_after = time.monotonic() - started
    button = window.findChild(QPushButton, "apply_d_too_strong")
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=5000)
    live_changes, _restart = panel.card("d_too_strong").changes()
    assert live_changes, "the first live action is ticked"
    before = dict(window.driver.engine.live)
    assert all(before[k] != v for k, v in live_changes.items())
    markers_before = len(window.curves.markers())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: all(window.driver.engine.live[k] == v for k, v in live_changes.items()),
                    timeout=10000)
    qtbot.waitUntil(lambda: len(window.curves.markers()) > markers_before, timeout=5000)
    labels = [label for _, label in window.curves.markers()]
    from gantuner import knobs

    assert any(label.startswith(knobs.KNOBS[name].label("en")) for name in live_changes for label in labels)
    events_file = run_dir_of(window) / "events.jsonl"

    def recorded():
        return [e for e in map(json.loads, events_file.read_text().splitlines())
                if e["type"] == "knob" and e.get("source") == "hint:d_too_strong"]

    qtbot.waitUntil(lambda: len(recorded()) == len(live_changes), timeout=5000)
    assert {e["knob"]: e["new"] for e in recorded()} == live_changes
    assert {e["knob"]: e["old"] for e in recorded()} == {k: before[k] for k in live_changes}
    print(f"d_too_strong shown {found_after:.1f} s after Start")


def test_quality_curves_appear_during_a_live_run(qtbot, make_window):
    window = make_window(options=fast_options(quality_every=20, sample_every=0))
    quality = window.findChild(QWidget, "qualityPlot")
    assert quality is window.diagnosis.quality and quality.parent() is window.curves.splitter
    window.start()
    qtbot.waitUntil(lambda: bool(quality.metrics()) and len(quality.series(quality.metrics()[0])[0]) >= 2,
                    timeout=30000)
    steps, values = quality.series(quality.metrics()[0])
    assert list(steps[:2]) == [20.0, 40.0]
    assert any(curve.getData()[0] is not None and len(curve.getData()[0]) >= 2
               for curve in quality._curves.values())


def test_opening_seed_example_1_shows_d_too_strong_first_as_advice_and_six_points(qtbot, make_window):
    window = make_window()
    window.open_log(resource("sample_logs", "seed_example1.log"))
    hints = window.findChild(QWidget, "hintsList")
    qtbot.waitUntil(lambda: hints.hint_ids()[:1] == ["d_too_strong"], timeout=10000)
    qtbot.waitUntil(lambda: _curve_points(window) == 6, timeout=5000)
    assert len(window.buffer) == 6
    assert not window.findChild(QPushButton, "apply_d_too_strong").isEnabled()  # no run: advice only
    summary = window.diagnosis.summary_text()
    assert "seed_example1.log" in summary and "keras-gan" in summary and "6 rows" in summary
    assert window.diagnosis.regions.hint_ids() == ["d_too_strong"]  # the band on the curves


def test_lesson_2_from_the_help_menu_is_a_healthy_run(qtbot, make_window):
    window = make_window()
    window.findChild(type(window.menus.actions["about"]), "actionLesson2").trigger()
    qtbot.waitUntil(lambda: window.diagnosis.panel.list.hint_ids() == ["healthy"], timeout=10000)
    assert len(window.buffer) == 18


def test_a_binary_file_shows_the_reason_in_a_message_box_not_a_traceback(qtbot, make_window, tmp_path,
                                                                        monkeypatch):
    shown = _messages(monkeypatch)
    window = make_window()
    bad = tmp_path / "weights.bin"
    bad.write_bytes(bytes(range(256)) * 40)
    window.open_log(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    title, text = shown[0]
    assert title == "Could not open the log" and "weights.bin" in text and "Traceback" not in text
    assert len(text.splitlines()) == 1
    assert window.diagnosis.panel.list.hint_ids() == []


def test_a_read_error_is_shown_in_japanese_in_the_japanese_ui(qtbot, make_window, tmp_path, monkeypatch):
    shown = _messages(monkeypatch)
    window = make_window(language="ja")
    assert window.diagnosis.dock.windowTitle() == "ヒント"
    # The opener's texts follow the LanguageChange event the language switch posts.
    qtbot.waitUntil(lambda: window.log_opener.open_action.text() == "ログを開く…", timeout=5000)
    window.open_log(tmp_path / "missing.log")
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0][0] == "ログを開けませんでした" and "ありません" in shown[0][1]
    window.set_language("en")
    qtbot.waitUntil(lambda: window.diagnosis.dock.windowTitle() == "Hints", timeout=5000)
    assert window.log_opener.lesson_actions["lesson1"].text() == "Lesson 1: D too strong (example 1 of the article)"


def test_a_growing_keras_gan_log_is_followed(qtbot, make_window, tmp_path):
    window = make_window()
    window.log_opener.timer.setInterval(100)
    log = tmp_path / "train.log"
    line = "{0} [D loss: 0.69{1:02d}, acc.: 55.00%] [G loss: 0.71{1:02d}]\n"
    log.write_text("Epoch output follows\n" + "".join(line.format(s, s % 100) for s in range(1, 11)))
    window.open_log(log)
    qtbot.waitUntil(lambda: len(window.buffer) == 10 and window.log_opener.following(), timeout=10000)
    qtbot.waitUntil(lambda: _curve_points(window) == 10, timeout=5000)
    with log.open("a") as f:
        f.write("".join(line.format(s, s % 100) for s in range(11, 26)))
        f.write("26 [D loss: 0.69")  # a line still being written waits for its end
    qtbot.waitUntil(lambda: len(window.buffer) == 25, timeout=10000)
    qtbot.waitUntil(lambda: _curve_points(window) == 25, timeout=5000)
    assert "25 rows" in window.diagnosis.summary_text()
    with log.open("a") as f:
        f.write("00, acc.: 50.00%] [G loss: 0.7000]\n")
    qtbot.waitUntil(lambda: len(window.buffer) == 26, timeout=10000)
    assert window.buffer.last_step() == 26 and window.buffer.column("d_loss")[-1] == 0.6900
    # Starting a run stops following the log.
    window.start()
    qtbot.waitUntil(lambda: window.driver is not None, timeout=10000)
    assert not window.log_opener.following()


def test_dropping_a_log_file_on_the_window_opens_it(qtbot, make_window):
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(resource("sample_logs", "seed_example1.log")))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)  # Qt delivers a drop only after an accepted drag enter
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: len(window.buffer) == 6, timeout=10000)
    assert window.diagnosis.panel.list.hint_ids()[:1] == ["d_too_strong"]
