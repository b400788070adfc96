"""What a learner trips over in the window (issue 13), item by item, in the real window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton

from gantuner import knobs
from gantuner.diagnosis.hints import Hint
from gantuner.gui import i18n
from gantuner.gui.hints_panel import evidence_text
from gantuner.gui.plain_words import plain_event_text
from gantuner.gui.welcome import KEY_DISMISSED
from gantuner.text import Text
from gantuner.training.fast_path import note

from .helpers import run_dir_of, wait_for_steps


def answer_the_question(qtbot, button: str, asked: list) -> None:
    """When a modal question shows, note its text and press ``button`` ("stopAndOpen" or "cancel")."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        asked.append(f"{box.text()} {box.informativeText()}")
        if button == "cancel":
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            box.findChild(QPushButton, button).click()

    QTimer.singleShot(20, press)


# ---- 1: a lesson or a log never silently stops a running training -----------------------------
def test_a_lesson_while_training_asks_first_and_cancel_keeps_training(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 10)
    asked: list[str] = []
    answer_the_question(qtbot, "cancel", asked)
    window.log_opener.lesson_actions["lesson1"].trigger()
    assert asked and "stops the training" in asked[0] and str(run_dir_of(window)) in asked[0]
    assert "Lesson 1" in asked[0]
    qtbot.wait(200)
    assert window.session.state == "running" and window.driver is not None
    assert "Kept training" in window.message_label.text() and "was not opened" in window.message_label.text()


def test_a_lesson_while_training_stops_it_when_the_user_agrees_and_says_so_after(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 10)
    run_dir = run_dir_of(window)
    asked: list[str] = []
    answer_the_question(qtbot, "stopAndOpen", asked)
    window.log_opener.lesson_actions["lesson1"].trigger()
    assert asked
    qtbot.waitUntil(lambda: window.shown_run is not None and window.shown_run.name == "seed_example1.log",
                    timeout=20000)
    assert window.driver is None and not window.session.is_active()
    shown = window.message_label.text()
    assert "the training was stopped at step" in shown and str(run_dir) in shown  # the status after
    assert (run_dir / "metrics.jsonl").exists()  # kept
    # File > Open log asks the same way; with nothing training there is no question.
    window.log_opener.open_asking(window.shown_run)  # would hang on a question: none is asked
    # The note goes when the next run starts.
    window.start()
    qtbot.waitUntil(lambda: window.driver is not None, timeout=20000)
    assert "the training was stopped" not in window.message_label.text()


# ---- 2: the window's Quality panel counts modes of N --------------------------------------------
def test_the_quality_panel_in_the_window_reads_modes_of_the_runs_dataset(qtbot, make_window):
    window = make_window()  # a ring run
    quality = window.diagnosis.quality
    quality.append_rows([{"step": 200, "quality_modes": 4.0, "quality_high_quality": 0.45}])
    assert quality.chosen() == "quality_modes"
    assert quality.getPlotItem().getAxis("left").labelText == "count, of 8"
    assert quality.summary.text() == "4 of 8 modes, 45 % of samples near a mode: poor"


# ---- 3: Apply stages only ticked restart actions (panel tests in test_hints_panel.py) -----------
def test_a_ticked_restart_action_alone_is_staged_without_an_error(qtbot, make_window):
    window = make_window()
    window.diagnosis.apply("g_too_weak", {}, {"g_width": 64})
    assert window.knob_panel.values()["g_width"] == 64
    assert "Staged g_width = 64" in window.message_label.text()
    assert "No run in progress" not in window.message_label.text()


# ---- 5: a long message never widens the window; the dataset error wraps; no stale dataset -------
def test_a_long_status_message_is_elided_and_never_widens_the_window(qtbot, make_window):
    window = make_window()
    window.resize(1400, 900)
    qtbot.wait(50)
    long = "Could not read " + "/a/very/long/path" * 60 + ": line 3 is not JSON"
    window.show_message(long, error=True)
    qtbot.wait(50)
    assert window.width() == 1400 and window.minimumSizeHint().width() <= 1400
    label = window.message_label
    assert label.text() == long and label.toolTip() == long  # the whole text stays readable
    assert label.shown_text().endswith("…") and len(label.shown_text()) < len(long)
    assert label.fontMetrics().horizontalAdvance(label.shown_text()) <= label.width()


def test_a_mistyped_dataset_stays_an_error_start_refuses_it_and_the_error_wraps(qtbot, make_window):
    window = make_window()
    line = window.knob_panel.editor("dataset")
    typed = "/home/learner/datasets/" + "my_handwritten_digits_folder_" * 4
    line.setText(typed)
    line.editingFinished.emit()
    assert line.text() == typed  # never silently back to the old dataset
    error = window.knob_panel.findChild(QLabel, "error_dataset")
    qtbot.waitUntil(error.isVisible, timeout=2000)
    assert "no such file or folder" in error.text() and error.wordWrap()
    # Wrapped inside the panel, not clipped: as wide as the panel allows and tall enough for its lines.
    qtbot.wait(50)
    assert error.width() <= window.knob_panel.width()
    assert error.height() >= error.heightForWidth(error.width()) > error.fontMetrics().height()
    window.start()
    assert window.session.state == "idle" and window.driver is None
    assert "no such file or folder" in window.message_label.text()
    line.setText("ring")
    line.editingFinished.emit()
    assert window.knob_panel.blocking_error() is None


def test_the_dataset_error_is_not_clipped_in_japanese(qtbot, make_window):
    window = make_window(language="ja")  # long lines without spaces: the case that was cut off
    window.resize(1400, 960)  # a knob panel that fits without scrolling squeezed the error most
    qtbot.wait(100)
    line = window.knob_panel.editor("dataset")
    line.setText("/home/learner/datasets/my_handwriten_digits")
    line.editingFinished.emit()
    error = window.knob_panel.findChild(QLabel, "error_dataset")
    qtbot.waitUntil(error.isVisible, timeout=2000)
    qtbot.wait(200)
    assert error.height() >= error.heightForWidth(error.width())
    assert "ありません" in error.text() and error.heightForWidth(error.width()) > 3 * error.fontMetrics().height()


def test_a_new_run_starts_from_empty_axes(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 200)
    qtbot.waitUntil(lambda: window.curves.plot_item("lossPlot").getViewBox().viewRange()[0][1] > 100,
                    timeout=5000)
    window.stop()
    qtbot.waitUntil(lambda: window.session.state == "stopped", timeout=10000)
    ranges = []  # as the next run starts (the window clears its views first)
    window.session.runStarting.connect(
        lambda: ranges.append(window.curves.plot_item("lossPlot").getViewBox().viewRange()[0]))
    window.start()
    qtbot.waitUntil(lambda: bool(ranges), timeout=5000)
    assert ranges[0] == [0.0, 10.0]


# ---- 6: Paused is shown, and Start is not a second Resume -------------------------------------
def test_paused_is_shown_and_only_resume_goes_on(qtbot, make_window):
    window = make_window()
    window.start()
    wait_for_steps(qtbot, window, 10)
    window.toggle_pause()
    qtbot.waitUntil(lambda: window.session.state == "paused", timeout=5000)
    t = window.transport
    assert not t.start_button.isEnabled() and t.pause_button.isEnabled() and t.pause_button.text() == "Resume"
    assert t.paused_badge.isVisible() and t.paused_badge.text() == "Paused"
    assert not window.menus.actions["start"].isEnabled()
    qtbot.waitUntil(lambda: window.status.state_label.text().startswith("Paused at step"), timeout=2000)
    window.toggle_pause()
    qtbot.waitUntil(lambda: window.session.state == "running", timeout=5000)
    assert not t.paused_badge.isVisible() and window.status.state_label.text() == "Training"


# ---- 7: a learner's words, in the language of the moment ---------------------------------------
def test_lessons_name_the_article_and_evidence_reads_in_words():
    from gantuner.gui.log_opener import LogOpener  # noqa: F401  (the texts below are its menu entries)

    hint = Hint("fix_result", "info", Text("t", "t"), Text("e", "j"), (0, 10),
                {"knob": "lr_d", "restarted": True, "improved": False}, [])
    text = evidence_text(hint, None, "en")
    assert "True" not in text and "False" not in text and "yes" in text and "no" in text
    assert knobs.KNOBS["lr_d"].label("en") in text and ": lr_d" not in text


def test_lesson_menu_entries_say_the_article_not_the_seed(qtbot, make_window):
    window = make_window()
    texts = [a.text() for a in window.log_opener.lesson_actions.values()]
    assert all("article" in t and "seed" not in t for t in texts)
    window.set_language("ja")
    qtbot.waitUntil(lambda: "記事" in window.log_opener.lesson_actions["lesson1"].text(), timeout=2000)


def test_the_fast_path_note_is_said_plainly():
    said = note("not_cuda", device="CPU")
    english, japanese = said.en, said.ja
    plain = plain_event_text({"type": "info", "message": english, "message_ja": japanese}, "en")
    assert "eagerly" not in plain and "Fast path" not in plain and "CPU" in plain and "normal speed" in plain
    # Another note is shown as written, Japanese when the interface is.
    assert plain_event_text({"message": "Saved.", "message_ja": "保存しました。"}, "ja") == "保存しました。"


def test_after_switching_language_the_status_texts_follow(qtbot, make_window):
    window = make_window()
    window.start()
    english = ("Training; run files in", "at normal speed")  # the run's folder, or the fast-path note after it
    qtbot.waitUntil(lambda: any(t in window.message_label.text() for t in english) and window.driver is not None,
                    timeout=20000)
    qtbot.wait(300)
    window.set_language("ja")
    qtbot.waitUntil(lambda: "学習" in window.message_label.text(), timeout=2000)
    assert not any(t in window.message_label.text() for t in english)
    assert window.status.state_label.text() == "学習中"
    assert "CPU" in window.status.device_label.text() and "thread" not in window.status.device_label.text()
    window.set_language("en")
    qtbot.waitUntil(lambda: any(t in window.message_label.text() for t in english), timeout=2000)


def test_the_file_dialog_is_translated_in_japanese(qtbot):
    i18n.set_language("ja")
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "場所(&L):" and labels["fileTypeLabel"] == "ファイルの種類(&T):"
    assert labels["fileNameLabel"] == "ファイル名(&N):"  # from Qt's own qtbase_ja


# ---- 8: a first-run welcome, remembered once dismissed ------------------------------------------
def test_the_welcome_shows_on_first_launch_and_stays_dismissed(qtbot, make_window):
    window = make_window()
    welcome = window.welcome
    assert welcome.visible()
    heading, first, curves, lessons = welcome.panel.texts()
    assert "Press Start" in first and "Loss" in curves and "D accuracy" in curves and "Lesson 1" in lessons
    window.set_language("ja")
    qtbot.waitUntil(lambda: "開始" in welcome.panel.texts()[1], timeout=2000)
    assert "レッスン" in welcome.panel.texts()[3] and welcome.action.text() == "はじめに"
    window.set_language("en")
    qtbot.mouseClick(welcome.panel.close_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert not welcome.visible() and window.settings.value(KEY_DISMISSED) in (True, "true")
    again = make_window()
    assert not again.welcome.visible()  # remembered in the settings
    again.welcome.action.trigger()  # Help > Welcome
    assert again.welcome.visible()


def test_the_welcomes_lesson_button_opens_lesson_1(qtbot, make_window):
    window = make_window()
    window.welcome.panel.lesson_button.click()  # nothing trains: no question
    qtbot.waitUntil(lambda: window.shown_run is not None and window.shown_run.name == "seed_example1.log",
                    timeout=20000)
    # The lesson's hints shade their steps, and the key above the curves names them (item 4).
    hints = window.diagnosis.panel.hints
    assert hints
    qtbot.waitUntil(window.curves.band_key.isVisible, timeout=2000)
    assert hints[0].title("en") in window.curves.band_key.text()


def test_the_window_fits_a_laptop_screen_with_the_welcome_showing(qtbot, make_window):
    """The curves' minimums (legible plots, the welcome's whole text) scroll inside the window instead of
    setting its minimum height: it was 874 px at 1366 px wide, more than a 1366x768 screen offers."""
    window = make_window()
    assert window.welcome.visible()
    window.resize(1366, 700)
    qtbot.waitUntil(lambda: window.width() == 1366, timeout=2000)
    assert window.minimumSizeHint().height() <= 700
    window.resize(1366, 640)
    qtbot.waitUntil(lambda: window.height() == 640, timeout=2000)
    # The plots keep their legible height; the central area scrolls to them.
    plot = window.curves.plot_item("lossPlot").getViewBox()
    assert plot.height() >= 60
