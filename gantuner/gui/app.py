"""``gantuner`` without a headless command: the desktop app."""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys

from .. import __version__, knobs
from ..app_options import build_app_parser
from ..argparse_words import argparse_speaking
from ..cli import language_in_argv
from ..cli_messages import MESSAGES, say
from ..text import environment_language


def build_parser(language: str = "en") -> argparse.ArgumentParser:
    return build_app_parser(language)


GIL_SWITCH_S = 0.001


def prepare_process_for_the_window() -> None:
    """Hand the GIL over after 1 ms instead of Python's 5 ms: every Qt event
    that runs Python (a paint, a timer) waits for the training thread to let
    go of the GIL, and 5 ms per wait adds up to visible stutter.

    Training's CPU threads are chosen in the training thread itself
    (:mod:`gantuner.training.threads`): OpenMP's thread count belongs to each
    thread, so setting it here would not reach training.
    """
    sys.setswitchinterval(GIL_SWITCH_S)


def main(argv: list[str] | None = None) -> int:
    """The app alone, with its own options (the ``gantuner`` entry point goes through gantuner.cli)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    language = language_in_argv(argv)
    try:
        with argparse_speaking(language):
            args = build_parser(language).parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return int(exc.code or 0)
    return run_app(args)


def run_app(args: argparse.Namespace) -> int:
    language = args.app_lang or environment_language()  # before Qt is up: the flag, else the locale
    config = {}
    try:
        if args.app_dataset:
            config["dataset"] = knobs.validate("dataset", args.app_dataset)
        for text in args.app_assignments:
            name, value = knobs.parse_assignment(text)
            config[name] = value
        if args.app_threads is not None and args.app_threads < 1:
            raise knobs.KnobError(MESSAGES["threads"].format(threads=args.app_threads))
    except knobs.KnobError as exc:
        print(say("error", language, message=exc.text), file=sys.stderr)
        return 2
    if importlib.util.find_spec("PySide6") is None:
        print(say("error", language, message=MESSAGES["no_pyside"]), file=sys.stderr)
        return 2
    from .display_check import check_display

    problem = check_display()
    if problem is not None:
        print(say("error", language, message=problem.message(language)), file=sys.stderr)
        return 2

    from PySide6.QtWidgets import QApplication

    from .app_icon import app_icon
    from .gc_pauses import keep_gc_pauses_short
    from .main_window import CLOSE_TIMEOUT_MS, MainWindow

    prepare_process_for_the_window()
    install_fatal_message_handler(args.app_lang or environment_language())
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("gantuner")
    app.setApplicationName("gantuner")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    window = MainWindow(config, language=args.app_lang, threads=args.app_threads)
    close_on_interrupt(window)
    window.show()
    keep_gc_pauses_short(window.rowsArrived)
    if args.app_open_run is not None:
        window.open_run(args.app_open_run)
    elif args.app_start:
        window.start()
    if args.app_smoke_test:
        from .smoke_test import run_smoke_test
        return run_smoke_test(app, window)
    status = app.exec()
    # Quit by other means than closing the window (the session ending, say):
    # still stop training cleanly, so the run files end with a checkpoint.
    window.session.shutdown(CLOSE_TIMEOUT_MS)
    return status


# Qt warnings that say nothing to a user: the offscreen platform (the smoke test, CI, a server)
# prints this one for every dock and dialog it lays out.
KNOWN_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})


def install_fatal_message_handler(language: str) -> None:
    """A last net under :mod:`display_check`: if Qt still cannot start its
    platform (a fault this check does not know), say so in gantuner's words
    and exit 2 instead of Qt's abort (exit 134)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from .display_check import DisplayProblem

    previous = None

    def handler(kind, context, text) -> None:
        if kind == QtMsgType.QtFatalMsg:
            first = text.strip().splitlines()[0] if text.strip() else "Qt could not start"
            problem = DisplayProblem("qt_fatal", {"first": first}).message(language)
            sys.stderr.write(say("error", language, message=problem) + "\n")
            sys.stderr.flush()
            os._exit(2)
        if text in KNOWN_NOISE:
            return
        if previous is not None:
            previous(kind, context, text)
        else:
            sys.stderr.write(text + "\n")

    previous = qInstallMessageHandler(handler)


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
