"""``gantuner`` without a headless command: the desktop app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import __version__, knobs


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gantuner",
        description="Tune GANs by hand: the desktop app. Headless commands: gantuner train|diagnose|quality|knobs.")
    parser.add_argument("--version", action="version", version=f"gantuner {__version__}")
    parser.add_argument("--start", action="store_true", help="start training as soon as the window opens")
    parser.add_argument("--lang", choices=("en", "ja"), help="interface language (default: the preferences, "
                        "else the system's)")
    parser.add_argument("--dataset", metavar="NAME|PATH",
                        help="digits (default), ring, grid, spiral, or a path to your data")
    parser.add_argument("--set", dest="assignments", action="append", default=[], metavar="KNOB=VALUE",
                        help="set a knob; repeatable (see `gantuner knobs`)")
    parser.add_argument("--open", dest="open_run", type=Path, metavar="RUN_DIR",
                        help="show a finished run's curves and samples")
    return parser


GIL_SWITCH_S = 0.001


def prepare_process_for_the_window() -> None:
    """Share the machine between training and the window.

    * Train on all cores but one, so the window's thread always has a core:
      on a busy 2-core machine torch's default (one thread per core) fighting
      the GUI thread was measured at 5.6 it/s against 268 with one thread.
      OMP_NUM_THREADS, when set, wins.
    * Hand the GIL over after 1 ms instead of Python's 5 ms: every Qt event
      that runs Python (a paint, a timer) waits for the training thread to
      let go of the GIL, and 5 ms per wait adds up to visible stutter.
    """
    sys.setswitchinterval(GIL_SWITCH_S)
    if os.environ.get("OMP_NUM_THREADS"):
        return
    import torch

    torch.set_num_threads(max(1, (os.cpu_count() or 2) - 1))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return int(exc.code or 0)
    config = {}
    try:
        if args.dataset:
            config["dataset"] = knobs.validate("dataset", args.dataset)
        for text in args.assignments:
            name, value = knobs.parse_assignment(text)
            config[name] = value
    except knobs.KnobError as exc:
        print(f"gantuner: error: {exc}", file=sys.stderr)
        return 2
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:
        print("gantuner: error: the desktop app needs PySide6: pip install PySide6-Essentials "
              "(headless commands work without it: gantuner train --help)", file=sys.stderr)
        return 2

    from .gc_pauses import keep_gc_pauses_short
    from .main_window import CLOSE_TIMEOUT_MS, MainWindow

    prepare_process_for_the_window()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("gantuner")
    app.setApplicationName("gantuner")
    app.setApplicationVersion(__version__)
    window = MainWindow(config, language=args.lang)
    close_on_interrupt(window)
    window.show()
    keep_gc_pauses_short(window)
    if args.open_run is not None:
        window.open_run(args.open_run)
    elif args.start:
        window.start()
    status = app.exec()
    # Quit by other means than closing the window (the session ending, say):
    # still stop training cleanly, so the run files end with a checkpoint.
    window.session.shutdown(CLOSE_TIMEOUT_MS)
    return status


def close_on_interrupt(window) -> None:
    """Ctrl+C or SIGTERM closes the window as the close button would: training
    stops after its current step and the run files are kept."""
    import signal

    from PySide6.QtCore import QTimer

    def handler(_signum, _frame) -> None:
        QTimer.singleShot(0, window.close)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handler)
    # Python runs signal handlers only between bytecodes; while Qt waits for
    # events no Python runs, so a slow idle timer gives it the chance.
    wake = QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(250)
