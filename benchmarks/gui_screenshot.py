"""Open the real window, train a few seconds and save a screenshot.

    xvfb-run -s "-screen 0 1600x1000x24" python benchmarks/gui_screenshot.py OUT.png [--lang ja]

The window uses a throwaway settings folder and run folder, so the user's
preferences and runs are untouched.  Halfway through, the D learning rate is
halved from its widget, so the screenshot shows a knob-change marker too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    parser.add_argument("--dataset", default="digits")
    parser.add_argument("--seconds", type=float, default=12.0, help="training time before the shot")
    parser.add_argument("--smoothing", type=float, default=0.6)
    parser.add_argument("--knob", action="append", default=[], metavar="NAME=VALUE",
                        help="a knob for the run, e.g. lr_g=2e-5 (repeatable)")
    parser.add_argument("--quality-every", type=int, default=0, help="steps between quality metrics")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    scratch = Path(tempfile.mkdtemp(prefix="gantuner-shot-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))

    from gantuner.gui.app import prepare_process_for_the_window
    from gantuner.gui.main_window import MainWindow
    from gantuner.gui.settings import open_settings
    from gantuner.training import RunOptions

    prepare_process_for_the_window()
    app = QApplication([sys.argv[0]])
    from gantuner.knobs import parse_assignment

    config = {"dataset": args.dataset}
    config.update(dict(parse_assignment(text) for text in args.knob))
    window = MainWindow(config, runs_dir=scratch / "runs", settings=open_settings(),
                        run_options=RunOptions(sample_every=50, quality_every=args.quality_every), language=args.lang)
    window.resize(1580, 960)
    window.welcome.dismiss()  # the first-run welcome has its own shot (benchmarks/learner_screenshots.py)
    window.show()
    window.curves.set_smoothing(args.smoothing)
    window.start()
    started = time.monotonic()
    state = {"changed": False}

    def tick() -> None:
        elapsed = time.monotonic() - started
        if not state["changed"] and elapsed > args.seconds / 2 and window.driver is not None:
            lr = window.knob_panel.editor("lr_d")
            lr.setValue(lr.value() / 2)
            state["changed"] = True
        if elapsed >= args.seconds and len(window.samples.history) >= 2:
            window.curves.redraw()
            pixmap = window.grab()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            pixmap.save(str(args.out), "PNG")
            print(f"saved {args.out} ({pixmap.width()}x{pixmap.height()}), step {window.buffer.last_step()}, "
                  f"{len(window.curves.markers())} marker(s), {len(window.samples.history)} sample grids, "
                  f"hints {window.diagnosis.panel.list.hint_ids()}")
            window.close()
            app.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(200)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
