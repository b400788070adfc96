"""The desktop app's command-line options, shared by ``gantuner --help`` and the app.

Kept apart from the app itself so that building the parser imports nothing
heavy: ``gantuner --help`` lists these beside the headless commands without
loading Qt or torch.  Their destinations start with ``app_`` so that a
command's own ``--dataset`` or ``--lang`` never mixes with them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

# destination -> the flag a user types
APP_ONLY_OPTIONS = {"app_start": "--start", "app_dataset": "--dataset", "app_assignments": "--set",
                    "app_open_run": "--open", "app_lang": "--lang", "app_threads": "--threads",
                    "app_smoke_test": "--smoke-test"}


def add_app_arguments(group: argparse._ActionsContainer) -> None:
    group.add_argument("--start", dest="app_start", action="store_true",
                       help="start training as soon as the window opens")
    group.add_argument("--dataset", dest="app_dataset", metavar="NAME|PATH",
                       help="digits (default), ring, grid, spiral, or a path to your data")
    group.add_argument("--set", dest="app_assignments", action="append", default=[], metavar="KNOB=VALUE",
                       help="set a knob; repeatable (see `gantuner knobs`)")
    group.add_argument("--open", dest="app_open_run", type=Path, metavar="RUN_DIR",
                       help="show a finished run's curves and samples")
    group.add_argument("--lang", dest="app_lang", choices=("en", "ja"),
                       help="interface language (default: the preferences, else the system's)")
    group.add_argument("--threads", dest="app_threads", type=int, metavar="N",
                       help="CPU threads for training (default: chosen for this machine; "
                            "the preferences can set it too)")
    group.add_argument("--smoke-test", dest="app_smoke_test", action="store_true",
                       help="check this install: open the window, train 20 steps, diagnose, close; "
                            "exit status 0 when all of it worked")


def build_app_parser() -> argparse.ArgumentParser:
    """The app's options alone (``python -m gantuner.gui.app``-style callers and tests)."""
    parser = argparse.ArgumentParser(prog="gantuner", description="Tune GANs by hand: the desktop app.")
    add_app_arguments(parser)
    return parser
