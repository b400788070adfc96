"""The desktop app's command-line options, shared by ``gantuner --help`` and the app.

Kept apart from the app itself so that building the parser imports nothing
heavy: ``gantuner --help`` lists these beside the headless commands without
loading Qt or torch.  Their destinations start with ``app_`` so that a
command's own ``--dataset`` or ``--lang`` never mixes with them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli_help import helps

# destination -> the flag a user types
APP_ONLY_OPTIONS = {"app_start": "--start", "app_dataset": "--dataset", "app_assignments": "--set",
                    "app_open_run": "--open", "app_lang": "--lang", "app_threads": "--threads",
                    "app_smoke_test": "--smoke-test"}


def add_app_arguments(group: argparse._ActionsContainer, language: str = "en") -> None:
    """The app's options, their help in ``language``."""
    say = helps(language)
    group.add_argument("--start", dest="app_start", action="store_true", help=say["app_start"])
    group.add_argument("--dataset", dest="app_dataset", metavar="NAME|PATH", help=say["app_dataset"])
    group.add_argument("--set", dest="app_assignments", action="append", default=[], metavar="KNOB=VALUE",
                       help=say["app_set"])
    group.add_argument("--open", dest="app_open_run", type=Path, metavar="RUN_DIR", help=say["app_open"])
    group.add_argument("--lang", dest="app_lang", choices=("en", "ja"), help=say["app_lang"])
    group.add_argument("--threads", dest="app_threads", type=int, metavar="N", help=say["app_threads"])
    group.add_argument("--smoke-test", dest="app_smoke_test", action="store_true", help=say["app_smoke_test"])


def build_app_parser(language: str = "en") -> argparse.ArgumentParser:
    """The app's options alone (``python -m gantuner.gui.app``-style callers and tests); build and
    parse it inside :func:`gantuner.argparse_words.argparse_speaking` for argparse's own words."""
    parser = argparse.ArgumentParser(prog="gantuner", description=helps(language)["app_description"])
    add_app_arguments(parser, language)
    return parser
