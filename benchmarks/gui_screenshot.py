"""Open the real window, train a few seconds and save a screenshot.

    xvfb-run -s "-screen 0 1600x1000x24" python benchmarks/gui_screenshot.py OUT.png [--lang ja]

The window uses a throwaway settings folder and run folder, so the user's
preferences and runs are untouched.  Halfway through, the D learning rate is
halved from its widget, so the screenshot shows a knob-change marker too.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from screenshot_window import open_window, save_shot


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

    from gantuner.knobs import parse_assignment
    from gantuner.training import RunOptions

    config = {"dataset": args.dataset}
    config.update(dict(parse_assignment(text) for text in args.knob))
    shot = open_window(config, language=args.lang, size=(1580, 960), prefix="gantuner-shot-",
                       run_options=RunOptions(sample_every=50, quality_every=args.quality_every))
    app, window = shot.app, shot.window
    window.welcome.dismiss()  # the first-run welcome has its own shot (benchmarks/learner_screenshots.py)
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
            save_shot(window, args.out)
            print(f"step {window.buffer.last_step()}, {len(window.curves.markers())} marker(s), "
                  f"{len(window.samples.history)} sample grids, hints {window.diagnosis.panel.list.hint_ids()}")
            window.close()
            app.quit()

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(200)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
