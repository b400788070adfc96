"""A user's own 2D points: .csv/.txt text or .npy/.npz arrays -> float32 [N, 2].

Text rules: one point per line; numbers separated by commas, tabs, spaces or
semicolons (with semicolons, a comma inside a number is a decimal comma, as
spreadsheets in many locales write it); blank lines and lines starting with
"#" are ignored; the first line may be a header.  A header that names columns
"x" and "y" picks those two out of a wider table (x, y, label); without such a
header every line must hold exactly two numbers.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np

from ..text import Text
from .errors import data_error
from .numpy_files import NPY_MAGIC, POINT_KEYS, ZIP_MAGICS, load_npy, load_npz_member
from .raw_bytes import read_head

_SEPARATORS = re.compile(r"[,\t ]+")


def load_points(path: Path) -> np.ndarray:
    """float32 [N, 2] points from ``path``; DataError naming the file (and line) otherwise."""
    if not path.exists():
        raise data_error("missing", path)
    if path.is_dir():
        raise data_error("points_format", path, what="a folder")
    head = read_head(path, 1024)
    if head.startswith(NPY_MAGIC):
        return _checked(load_npy(path), path)
    if head.startswith(ZIP_MAGICS):
        array, _ = load_npz_member(path, POINT_KEYS, lambda shape: len(shape) == 2 and shape[1] == 2,
                                   "points_none")
        return _checked(array, path)
    if b"\x00" in head:
        raise data_error("points_format", path, what="binary content, not text")
    return _read_text(path)


def _checked(array: np.ndarray, path: Path) -> np.ndarray:
    shape = list(array.shape)
    if array.ndim != 2 or array.shape[1] != 2:
        found = Text(f"an array of shape {shape}", f"配列の形が {shape} です")
        fix = Text("Save xy[:, :2] or reshape to [N, 2].", "xy[:, :2] を保存するか [N, 2] に整形してください。")
        if array.ndim >= 3:
            fix = Text("For images, choose it as an image data set instead.", "画像なら画像データセットとして選んでください。")
        raise data_error("points_shape", path, found=found, fix=fix)
    if array.dtype.kind not in "biuf":
        raise data_error("bad_dtype", path, dtype=str(array.dtype))
    if array.shape[0] == 0:
        raise data_error("csv_empty", path)
    points = array.astype(np.float32)
    if not np.isfinite(points).all():
        raise data_error("not_finite", path)
    return points


def _read_text(path: Path) -> np.ndarray:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise data_error("read_failed", path, reason=error.strerror or str(error)) from None
    try:
        text = raw.decode("utf-8-sig")  # -sig drops the byte-order mark Excel writes
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    columns: tuple[int, int] | None = None
    points: list[tuple[float, float]] = []
    first = True
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        fields = _split(stripped)
        values = _numbers(fields)
        if first:
            first = False
            if values is None:  # a header line
                columns = _header_columns(fields, path, number)
                continue
        if values is None:
            bad = next(f for f in fields if _number(f) is None)
            raise data_error("csv_line", path, line=number, reason=Text(f"{bad!r} is not a number",
                                                                   f"{bad!r} は数ではありません"))
        if columns is not None:
            if len(values) <= max(columns):
                raise data_error("csv_line", path, line=number,
                                 reason=Text(f"found {len(values)} values, fewer than the header's columns",
                                             f"値が {len(values)} 個で、ヘッダの列より少ないです"))
            x, y = values[columns[0]], values[columns[1]]
        elif len(values) != 2:
            raise data_error("csv_line", path, line=number,
                             reason=Text(f"found {len(values)} values, expected 2 (x, y); to keep x and y from "
                                         "more columns, add a header line naming them x and y",
                                         f"値が {len(values)} 個あります（x, y の 2 個のはず）。列が多い場合は "
                                         "x と y を名付けたヘッダ行を加えてください"))
        else:
            x, y = values
        if not (math.isfinite(x) and math.isfinite(y)):
            raise data_error("csv_line", path, line=number, reason=Text("not a finite number", "有限の数ではありません"))
        points.append((x, y))
    if not points:
        raise data_error("csv_empty", path)
    return np.asarray(points, dtype=np.float32)


def _split(line: str) -> list[str]:
    if ";" in line:
        fields = [field.strip().replace(",", ".") for field in line.split(";")]
    else:
        fields = [field for field in _SEPARATORS.split(line) if field]
    return [field.strip("\"'") for field in fields]  # spreadsheets may quote numbers


def _number(field: str) -> float | None:
    try:
        return float(field)
    except ValueError:
        return None


def _numbers(fields: list[str]) -> list[float] | None:
    values = [_number(field) for field in fields]
    return None if any(v is None for v in values) else values  # type: ignore[return-value]


def _header_columns(fields: list[str], path: Path, line: int) -> tuple[int, int] | None:
    """Which columns hold x and y according to a header; None for a plain two-column header."""
    names = [field.strip().lower() for field in fields]
    if "x" in names and "y" in names:
        return names.index("x"), names.index("y")
    if len(names) == 2:
        return None
    raise data_error("csv_line", path, line=line,
                     reason=Text(f"a header of {len(names)} columns without columns named x and y",
                                 f"{len(names)} 列のヘッダに x と y という列がありません"))
