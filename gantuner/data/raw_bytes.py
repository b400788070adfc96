"""Read a file's bytes, opening gzip transparently, with errors that name the file."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from .errors import data_error

GZIP_MAGIC = b"\x1f\x8b"


def read_head(path: Path, count: int = 1024) -> bytes:
    """The first ``count`` bytes of ``path`` as stored (no decompression)."""
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


def read_all(path: Path) -> bytes:
    """All of ``path``'s content, decompressed when it is gzipped."""
    head = read_head(path, 2)
    try:
        if head.startswith(GZIP_MAGIC):
            with gzip.open(path, "rb") as file:
                return file.read()
        with open(path, "rb") as file:
            return file.read()
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise data_error("gzip_damaged", path, reason=str(error) or type(error).__name__) from None
    except OSError as error:
        raise data_error("read_failed", path, reason=error.strerror or str(error)) from None
