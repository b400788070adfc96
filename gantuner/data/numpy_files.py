"""Arrays from .npy / .npz files, never unpickling (allow_pickle=False), with the array picked by name or shape."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable

import numpy as np

from .errors import data_error

NPY_MAGIC = b"\x93NUMPY"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

# Names tried first, in this order, before looking at shapes.
IMAGE_KEYS = ("images", "x", "x_train", "data")
POINT_KEYS = ("points", "xy", "x", "data", "x_train")


def load_npy(path: Path) -> np.ndarray:
    """The array in a .npy file."""
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
            value = archive[lowered[key]]
            if isinstance(value, np.ndarray):  # a zip's non-.npy members come back as bytes
                return value, lowered[key]
    shapes = []
    for name in archive.files:
        value = archive[name]
        if not isinstance(value, np.ndarray):
            continue
        if fits(tuple(value.shape)):
            return value, name
        shapes.append(f"{name} {list(value.shape)}")
    if not shapes:
        raise data_error("zip_of_images", path)
    raise data_error(none_code, path, arrays=", ".join(shapes[:8]))


def _numpy_error(error: ValueError, path: Path):
    if "allow_pickle" in str(error):
        return data_error("npy_objects", path)
    return data_error("npy_damaged", path, reason=str(error))
