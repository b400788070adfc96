"""Entry point: ``gantuner`` opens the app; ``gantuner COMMAND`` runs headless."""

from __future__ import annotations

import sys

HEADLESS_COMMANDS = {"train", "diagnose", "quality", "knobs", "-h", "--help", "--version"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in HEADLESS_COMMANDS:
        from .cli import main as cli_main

        return cli_main(argv)
    from .gui.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
