"""Limits on what a log may make the readers do.

Only regular files are read as logs: a FIFO would block the reader forever
and ``/dev/zero`` would fill the memory.  A JSON-lines row is refused (skipped
and counted like a cut-off line) when its line or its number of keys is far
beyond any real log's, so one hostile line cannot keep ``diagnose`` busy for
minutes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from gantuner.text import Text

from .errors import LogError

# A gantuner metrics row is ~1 kB with ~30 keys; other programs' JSON logs stay
# within a few hundred metrics.  These caps are a hundred times beyond that.
MAX_LINE_BYTES = 256 * 1024
MAX_KEYS_PER_ROW = 2_000


def require_regular_file(path: Path) -> None:
    """Refuse a pipe, device or socket given as a log file (folders are checked by the caller)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing or unreadable: the reader's own messages say so
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return
    raise LogError(Text(f"{path}: not a regular file (a pipe, device or socket); open a log file saved on disk",
                        f"{path}: 通常のファイルではありません(パイプ、デバイス、ソケット)。"
                        "ディスクに保存されたログファイルを開いてください"))


def line_too_long(line: bytes) -> str:
    """A reason to skip ``line``, or "" when its length is fine."""
    if len(line) > MAX_LINE_BYTES:
        return f"line of {len(line):,} bytes, over the {MAX_LINE_BYTES:,}-byte limit"
    return ""


def too_many_keys(row: dict) -> str:
    """A reason to skip ``row``, or "" when its number of keys is fine."""
    if len(row) > MAX_KEYS_PER_ROW:
        return f"{len(row):,} keys in one row, over the limit of {MAX_KEYS_PER_ROW:,}"
    return ""
