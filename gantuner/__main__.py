"""Entry point: ``gantuner`` opens the app; ``gantuner COMMAND`` runs headless.

One parser (:func:`gantuner.cli.build_parser`) knows both, so ``gantuner
--help`` shows the app's options and every command, without importing Qt
or torch.  This module is the one place that may reach both the headless
commands and the Qt app.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from . import cli

    args = cli.parse(sys.argv[1:] if argv is None else list(argv))
    if isinstance(args, int):
        return args
    if args.command is None:
        from .gui.app import run_app

        return run_app(args)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
