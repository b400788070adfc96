"""MNIST / Fashion-MNIST IDX files: find the images file in a folder, read it strictly.

IDX layout: two zero bytes, a type byte (0x08 = unsigned byte), the number of
dimensions, one big-endian uint32 per dimension, then the values row-major.
Images files are 0x00000803 (N x rows x cols), labels files 0x00000801.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

import numpy as np

from ..text import Text
from .errors import data_error
from .limits import check_declared, expansion_limit
from .raw_bytes import GZIP_MAGIC, read_all, read_head, read_head_unzipped

IMAGES_MAGIC = b"\x00\x00\x08\x03"
LABELS_MAGIC = b"\x00\x00\x08\x01"
_TYPE_NAMES = {0x08: "unsigned bytes", 0x09: "signed bytes", 0x0B: "16-bit integers",
               0x0C: "32-bit integers", 0x0D: "32-bit floats", 0x0E: "64-bit floats"}
# train-images-idx3-ubyte, its .gz, and "train-images.idx3-ubyte" as some unzippers on Windows name it.
_IMAGES_NAME = re.compile(r"^(train|t10k)-images[-.]idx3-ubyte(\.gz)?$", re.IGNORECASE)
# How deep below the chosen folder to look (torchvision keeps them in MNIST/raw/).
_SEARCH_DEPTH = 3


def looks_like_idx(head: bytes) -> bool:
    """True when ``head`` (decompressed) starts like any IDX file."""
    return len(head) >= 4 and head[:2] == b"\x00\x00" and head[2] in _TYPE_NAMES and 1 <= head[3] <= 4


def find_images_file(folder: Path) -> Path | None:
    """The IDX images file in ``folder`` or a few levels below, or None.

    Training images win over test images (t10k), and the plain file over its .gz,
    so a folder holding the whole download gives the 60,000 training digits.
    """
    found = [path for path in _walk(folder, _SEARCH_DEPTH) if _IMAGES_NAME.match(path.name)]
    if not found:
        return None
    found.sort(key=lambda p: (not p.name.lower().startswith("train"), p.suffix.lower() == ".gz",
                              len(p.parts), str(p)))
    return found[0]


def _walk(folder: Path, depth: int):
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_file():
            yield entry
        elif entry.is_dir() and depth > 0:
            yield from _walk(entry, depth - 1)


def read_idx_images(path: Path) -> np.ndarray:
    """uint8 [N, 1, rows, cols] from an IDX images file (plain or gzipped).

    Raises DataError for a labels file, another IDX type, and a file whose
    length does not match its header (truncated or padded downloads).  The
    header's size is checked before the data is read: against the file's
    size for a plain file, against the limits for a gzipped one.
    """
    head = read_head_unzipped(path, 16)
    magic = head[:4]
    if magic == LABELS_MAGIC:
        raise data_error("labels_file", path)
    if not looks_like_idx(head):
        raise data_error("unknown_file", path, what="no IDX header")
    if magic != IMAGES_MAGIC:
        detail = f"{magic[3]} dimension(s) of {_TYPE_NAMES[magic[2]]} (magic 0x{magic.hex()})"
        raise data_error("idx_unsupported", path, detail=detail)
    if len(head) < 16:
        raise data_error("truncated", path, detail=f"{len(head)} bytes, less than the 16-byte IDX header")
    count, rows, cols = struct.unpack(">3I", head[4:16])
    expected = count * rows * cols
    stored = path.stat().st_size
    gzipped = read_head(path, 2).startswith(GZIP_MAGIC)
    if not gzipped and stored - 16 != expected:
        raise data_error("idx_size", path, count=count, rows=rows, cols=cols,
                         expected=expected, actual=stored - 16)
    what = Text(f"the IDX header ({count} images of {rows}x{cols})", f"IDX ヘッダ（{rows}x{cols} の画像 {count} 枚）")
    check_declared(path, expected, what)
    if gzipped:
        check_declared(path, expected, what, expansion_limit(path, stored))
    raw = read_all(path, at_most=16 + expected + 1)  # one more: a padded file shows
    if len(raw) - 16 != expected:
        raise data_error("idx_size", path, count=count, rows=rows, cols=cols,
                         expected=expected, actual=len(raw) - 16)
    return np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(count, 1, rows, cols)
