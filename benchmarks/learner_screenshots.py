"""Screenshots of what a learner sees (issue 13), in English or Japanese.

    xvfb-run -a -s "-screen 0 1600x1000x24" python benchmarks/learner_screenshots.py OUT_DIR --lang ja

Takes, with a throwaway settings folder and run folder:

* ``welcome_<lang>.png``: the first launch (welcome band, nothing pressed);
* ``training_<lang>.png``: a ring run with quality measured, two knob changes a
  few steps apart (merged or stacked markers with the knobs' labels), hint
  bands with their key, paused, a mistyped dataset's error under its field, a
  long error in the status bar, and the window still 1400 px wide;
* ``confirm_<lang>.png``: the question Help > Lesson 1 asks while training runs;
* ``file_dialog_<lang>.png``: File > Open log's dialog (Qt's own, translated).

Prints what each shot shows, so a run without a display still checks something.
benchmarks/screenshots/learner_*.png were taken with it (both languages; of the
question and the file dialog only the Japanese ones are kept).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from screenshot_window import open_window, save_shot


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    parser.add_argument("--seconds", type=float, default=25.0, help="training time before pausing")
    args = parser.parse_args()

    from gantuner.training import RunOptions

    lang = args.lang
    config = {"dataset": "ring", "g_width": 64, "d_width": 64, "batch_size": 128}
    shot = open_window(config, language=lang, size=(1400, 960), prefix="gantuner-learner-shot-",
                       run_options=RunOptions(sample_every=100, quality_every=250, flush_seconds=0.2))
    app, window, scratch = shot.app, shot.window, shot.scratch

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QScrollArea

    def save(widget, name: str) -> None:
        save_shot(widget, args.out / f"{name}_{lang}.png", few_colours=True)

    def after(ms: int, then) -> None:
        QTimer.singleShot(ms, then)

    def shot_welcome() -> None:
        print("welcome shown:", window.welcome.visible())
        save(window, "welcome")
        window.welcome.dismiss()
        window.curves.set_smoothing(0.9)
        window.start()
        after(500, wait_for_training)

    def wait_for_training() -> None:
        if window.driver is None or window.driver.engine.step_count < 300:
            after(300, wait_for_training)
            return
        panel = window.knob_panel
        panel.editor("d_dropout").setValue(0.3)  # two changes a few steps apart: one label, not a pile
        after(120, lambda: panel.set_value("d_steps", 2))
        after(3000, lambda: panel.editor("lr_d").setValue(panel.editor("lr_d").value() / 2))
        after(int(args.seconds * 1000), pause_and_shoot)

    def pause_and_shoot() -> None:
        window.toggle_pause()
        after(800, shoot_training)

    def shoot_training() -> None:
        window.show_message("Could not read /a/very/long/path/" + "that/goes/on/" * 30 + "metrics.jsonl: "
                            "line 3 is not JSON (a long error must not widen the window)", error=True)
        line = window.knob_panel.editor("dataset")  # a mistyped dataset: stays typed, its error wraps
        line.setText("/home/learner/datasets/my_handwriten_digits")
        line.editingFinished.emit()
        error = window.knob_panel.findChild(QLabel, "error_dataset")
        app.processEvents()
        scroll = window.knob_panel.findChild(QScrollArea)
        scroll.ensureWidgetVisible(error)
        app.processEvents()
        window.curves.redraw()
        print(f"dataset error: {error.text()!r} ({error.width()}x{error.height()} px, "
              f"needs {error.heightForWidth(error.width())} px high)")
        t = window.transport
        print(f"state {window.session.state}; Start enabled {t.start_button.isEnabled()}, "
              f"Resume enabled {t.pause_button.isEnabled()} ({t.pause_button.text()}); "
              f"status '{window.status.state_label.text()}'; window width {window.width()}")
        print("markers:", window.curves.knob_markers.shown_labels())
        print("quality:", window.diagnosis.quality.summary.text(), "|", window.diagnosis.quality.key_names())
        print("band key:", window.curves.band_key.isVisible(), window.curves._band_entries)
        save(window, "training")
        window.toggle_pause()
        after(300, ask_lesson)

    def ask_lesson() -> None:
        def answer() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                save(box, "confirm")
                print("question:", box.text(), "|", box.informativeText())
                box.button(QMessageBox.StandardButton.Cancel).click()
            else:
                print("no question was asked")
        after(600, answer)
        window.log_opener.lesson_actions["lesson1"].trigger()
        after(300, file_dialog)

    def file_dialog() -> None:
        print("after cancel:", window.message_label.text(), "| state", window.session.state)
        dialog = QFileDialog(window, window.tr("Open log"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setDirectory(str(scratch))
        dialog.resize(820, 520)
        dialog.show()
        after(600, lambda: finish(dialog))

    def finish(dialog) -> None:
        save(dialog, "file_dialog")
        dialog.close()
        window.close()
        app.quit()

    after(1500, shot_welcome)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
