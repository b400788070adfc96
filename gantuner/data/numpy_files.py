"""Arrays from .npy / .npz files, never unpickling (allow_pickle=False), with the array picked by name or shape."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..text import Text
from .errors import data_error
from .limits import MAX_ARRAY_BYTES, check_declared, npy_header, require_regular_file

NPY_MAGIC = b"\x93NUMPY"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

# Names tried first, in this order, before looking at shapes.
IMAGE_KEYS = ("images", "x", "x_train", "data")
POINT_KEYS = ("points", "xy", "x", "data", "x_train")


def load_npy(path: Path) -> np.ndarray:
    """The array in a .npy file, its header checked against the file's size before reading."""
    require_regular_file(path)
    try:
        with open(path, "rb") as file:
            shape, dtype, declared = npy_header(file, path)
            actual = os.fstat(file.fileno()).st_size - file.tell()
    except OSError as error:
        raise data_error("read_failed", path, reason=error.strerror or str(error)) from None
    _check_npy_size(path, shape, dtype, declared, actual)
    try:
        array = np.load(path, allow_pickle=False)
    except ValueError as error:
        raise _numpy_error(error, path) from None
    except (OSError, EOFError) as error:
        raise data_error("npy_damaged", path, reason=str(error)) from None
    if not isinstance(array, np.ndarray):  # np.load gives an NpzFile for zip content
        raise data_error("npy_damaged", path, reason="not a single array")
    return array


def load_npz_member(path: Path, preferred: tuple[str, ...],
                    fits: Callable[[tuple[int, ...]], bool], none_code: str) -> tuple[np.ndarray, str]:
    """One array from a .npz and its name: a ``preferred`` name if present, else the first that ``fits``.

    ``fits`` gets the array's shape.  Members that are not .npy arrays are
    ignored; when nothing is chosen, raises DataError ``none_code`` listing the arrays.
    """
    try:
        with np.load(path, allow_pickle=False) as archive:
            return _choose(archive, path, preferred, fits, none_code)
    except ValueError as error:
        raise _numpy_error(error, path) from None
    except (OSError, EOFError, zipfile.BadZipFile, KeyError) as error:
        raise data_error("npy_damaged", path, reason=str(error) or type(error).__name__) from None


def _choose(archive, path: Path, preferred: tuple[str, ...],
            fits: Callable[[tuple[int, ...]], bool], none_code: str) -> tuple[np.ndarray, str]:
    # Members are read one at a time, so a big .npz with x_train, y_train, x_test, ...
    # never has more than the chosen array and one candidate in memory.
    lowered = {name.lower(): name for name in archive.files}
    for key in preferred:
        if key in lowered:
            value = _member(archive, lowered[key], path)
            if isinstance(value, np.ndarray):  # a zip's non-.npy members come back as bytes
                return value, lowered[key]
    shapes = []
    for name in archive.files:
        value = _member(archive, name, path)
        if not isinstance(value, np.ndarray):
            continue
        if fits(tuple(value.shape)):
            return value, name
        shapes.append(f"{name} {list(value.shape)}")
    if not shapes:
        raise data_error("zip_of_images", path)
    raise data_error(none_code, path, arrays=", ".join(shapes[:8]))


def member_shape(archive, name: str, path: Path) -> tuple[int, ...] | None:
    """The shape of a .npz member from its header alone (None for a member that is not .npy)."""
    info = _member_info(archive, name)
    if info is None:
        return None
    with archive.zip.open(info) as file:
        if file.read(6) != NPY_MAGIC:
            return None
    with archive.zip.open(info) as file:
        shape, _, _ = npy_header(file, path)
    return shape


def _member(archive, name: str, path: Path):
    """archive[name], its .npy header checked against the member's size and the limits first."""
    info = _member_info(archive, name)
    if info is not None:
        with archive.zip.open(info) as file:
            is_npy = file.read(6) == NPY_MAGIC
        if is_npy:
            check_declared(path, info.file_size, Text(f"the member {name}", f"メンバー {name} "),
                           min(MAX_ARRAY_BYTES, max(info.compress_size, 1) * 1100))  # deflate's own maximum
            with archive.zip.open(info) as file:
                shape, dtype, declared = npy_header(file, path)
                actual = info.file_size - file.tell()
            _check_npy_size(path, shape, dtype, declared, actual, member=name)
    return archive[name]


def _member_info(archive, name: str):
    for candidate in (name, name + ".npy"):
        try:
            return archive.zip.getinfo(candidate)
        except KeyError:
            continue
    return None


def _check_npy_size(path: Path, shape, dtype, declared: int, actual: int, member: str = "") -> None:
    if declared != actual:
        where = f"{path}:{member}" if member else path
        raise data_error("npy_size", where, shape=list(shape), dtype=str(dtype), declared=declared, actual=actual)
    check_declared(path, declared, Text(f"the array {list(shape)} of {dtype}", f"配列 {list(shape)}（{dtype}）"))


def _numpy_error(error: ValueError, path: Path):
    if "allow_pickle" in str(error):
        return data_error("npy_objects", path)
    return data_error("npy_damaged", path, reason=str(error))
