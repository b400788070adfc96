"""Size limits: what a data file declares is checked against its size before anything is allocated.

A small file must never make gantuner allocate gigabytes: a gzipped IDX file
of zeros, a pickle that asks for ``bytearray(2**31)``, a .npy whose header
claims a huge shape.  Every loader asks here first.
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path
from typing import BinaryIO

import numpy as np
from numpy.lib import format as npy_format

from .. import number_format
from ..text import Text
from .errors import data_error

# The most bytes of raw array data gantuner loads from one source (CIFAR-10 is
# 150 MB, MNIST 47 MB): beyond it the user is asked for a smaller subset.
MAX_ARRAY_BYTES = 2 * 1024**3
# How many times its stored size compressed content may grow (real image data:
# 1-10x; zeros, the stuff of decompression bombs: up to 1000x).
MAX_EXPANSION = 100


def require_regular_file(path: Path) -> os.stat_result:
    """stat(path), refusing pipes, devices and sockets (reading /dev/zero or a FIFO never ends)."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise data_error("read_failed", path, reason=error.strerror or str(error)) from None
    if not stat.S_ISREG(info.st_mode):
        raise data_error("read_failed", path, reason="not a regular file (a pipe, device or socket)")
    return info


def expansion_limit(path: Path, stored: int) -> int:
    """The most bytes the compressed content of a ``stored``-byte file may decompress to."""
    return min(MAX_ARRAY_BYTES, max(stored, 1) * MAX_EXPANSION)


def check_declared(path: Path, declared: int, what: Text | str, limit: int | None = None) -> None:
    """Refuse a file whose header declares more bytes than ``limit`` (default: the size cap)
    before allocating them."""
    limit = MAX_ARRAY_BYTES if limit is None else limit
    if declared > limit:
        if limit >= MAX_ARRAY_BYTES:
            raise data_error("too_large", path, what=what, size=number_format.byte_size(declared),
                             limit=number_format.byte_size(MAX_ARRAY_BYTES))
        raise data_error("expands_too_much", path, what=what, size=number_format.byte_size(declared),
                         times=MAX_EXPANSION)


def npy_header(file: BinaryIO, path: Path) -> tuple[tuple[int, ...], np.dtype, int]:
    """(shape, dtype, data bytes) from a .npy header read with numpy's own reader; nothing else is read."""
    try:
        version = npy_format.read_magic(file)
        if version == (1, 0):
            shape, _, dtype = npy_format.read_array_header_1_0(file)
        elif version in ((2, 0), (3, 0)):
            shape, _, dtype = npy_format.read_array_header_2_0(file)
        else:
            raise ValueError(f"unknown .npy version {version}")
    except (ValueError, OSError, EOFError, SyntaxError, TypeError) as error:
        raise data_error("npy_damaged", path, reason=str(error) or type(error).__name__) from None
    if dtype.hasobject:
        raise data_error("npy_objects", path)
    count = math.prod(shape)
    return tuple(shape), dtype, count * dtype.itemsize
