"""Read a file's bytes, opening gzip transparently, with errors that name the file."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from ..text import Text
from .errors import data_error
from .limits import check_declared, expansion_limit, require_regular_file

GZIP_MAGIC = b"\x1f\x8b"


def read_head(path: Path, count: int = 1024) -> bytes:
    """The first ``count`` bytes of ``path`` as stored (no decompression)."""
    require_regular_file(path)
    try:
        with open(path, "rb") as file:
            return file.read(count)
    except OSError as error:
        raise data_error("read_failed", path, reason=error.strerror or str(error)) from None


def read_head_unzipped(path: Path, count: int = 1024) -> bytes:
    """The first ``count`` bytes of ``path``'s content, through gzip when it is gzipped."""
    head = read_head(path, count)
    if not head.startswith(GZIP_MAGIC):
        return head
    try:
        with gzip.open(path, "rb") as file:
            return file.read(count)
    except (OSError, EOFError, zlib.error) as error:
        raise data_error("gzip_damaged", path, reason=str(error) or type(error).__name__) from None


def read_all(path: Path, at_most: int | None = None) -> bytes:
    """All of ``path``'s content (or its first ``at_most`` bytes), decompressed when it is gzipped.

    Gzipped content is read in pieces and refused once it grows past
    :func:`~gantuner.data.limits.expansion_limit`, so a small file can never
    fill the memory.
    """
    head = read_head(path, 2)
    try:
        if head.startswith(GZIP_MAGIC):
            limit = expansion_limit(path, path.stat().st_size)
            wanted = limit + 1 if at_most is None else min(at_most, limit + 1)
            content = bytearray()
            with gzip.open(path, "rb") as file:
                while len(content) < wanted and (piece := file.read(min(_PIECE, wanted - len(content)))):
                    content += piece
            if len(content) > limit:
                check_declared(path, len(content), Text("the gzip content", "gzip の中身"), limit)
            return bytes(content)
        with open(path, "rb") as file:
            return file.read() if at_most is None else file.read(at_most)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise data_error("gzip_damaged", path, reason=str(error) or type(error).__name__) from None
    except OSError as error:
        raise data_error("read_failed", path, reason=error.strerror or str(error)) from None


_PIECE = 1 << 20
