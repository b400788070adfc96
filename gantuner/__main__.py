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
    try:
        return cli.run(args)
    except BrokenPipeError:
        return _reader_went_away()


def _reader_went_away() -> int:
    """The output's reader closed it (``gantuner knobs | head``): stop quietly, as Unix tools do.

    Python's own advice: point standard output at devnull, so that the flush at
    exit does not raise again.
    """
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


if __name__ == "__main__":
    sys.exit(main())
