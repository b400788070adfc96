"""Entry point: ``gantuner`` opens the app; ``gantuner COMMAND`` runs headless.

One parser (:func:`gantuner.cli.build_parser`) knows both, so ``gantuner
--help`` shows the app's options and every command, without importing Qt
or torch.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from .cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else list(argv))


if __name__ == "__main__":
    sys.exit(main())
