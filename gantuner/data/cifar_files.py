"""CIFAR-10 "python version" batches: a folder, one batch file, or the downloaded .tar.gz.

Each batch is a pickled dict whose ``data`` (key b"data" in the original
Python 2 files, "data" when re-saved from Python 3) is uint8 [N, 3072]: each
row is the red, green and blue 32x32 planes one after another.  The pickles are
read with :mod:`gantuner.data.safe_pickle`, which never runs code from them.
CIFAR-100's train/test files have the same layout and load the same way.
"""

from __future__ import annotations

import io
import re
import tarfile
from pathlib import Path

import numpy as np

from .errors import data_error
from .raw_bytes import read_all
from .safe_pickle import restricted_loads

_TRAIN_NAME = re.compile(r"^data_batch_(\d+)$")
_TEST_NAME = "test_batch"
_SEARCH_DEPTH = 2


def is_batch_name(name: str) -> bool:
    return bool(_TRAIN_NAME.match(name)) or name == _TEST_NAME


def looks_like_pickle(head: bytes) -> bool:
    """True for a binary pickle (protocol 2 and up; every CIFAR-10 download is protocol 2)."""
    return len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5


def looks_like_tar(head: bytes) -> bool:
    return len(head) >= 262 and head[257:262] == b"ustar"


def find_batches(folder: Path) -> list[Path]:
    """The batch files to use from ``folder`` (or its cifar-10-batches-py below).

    All training batches (data_batch_1..5, in number order) when there are any,
    otherwise test_batch; [] when there is no batch.
    """
    for directory in _directories(folder, _SEARCH_DEPTH):
        try:
            names = {entry.name: entry for entry in directory.iterdir() if entry.is_file()}
        except OSError:
            continue
        train = sorted((int(m.group(1)), path) for name, path in names.items()
                       if (m := _TRAIN_NAME.match(name)))
        if train:
            return [path for _, path in train]
        if _TEST_NAME in names:
            return [names[_TEST_NAME]]
    return []


def _directories(folder: Path, depth: int):
    yield folder
    if depth == 0:
        return
    try:
        children = sorted(entry for entry in folder.iterdir()
                          if entry.is_dir() and not entry.name.startswith("."))
    except OSError:
        return
    for child in children:
        yield from _directories(child, depth - 1)


def read_cifar(path: Path) -> tuple[np.ndarray, list[str]]:
    """uint8 [N, 3, 32, 32] from a CIFAR folder, batch file or archive, and the batches used."""
    if path.is_dir():
        batches = find_batches(path)
        if not batches:
            raise data_error("cifar_folder", path)
        arrays = [_batch_images(read_all(batch), batch) for batch in batches]
        return np.concatenate(arrays) if len(arrays) > 1 else arrays[0], [str(b) for b in batches]
    raw = read_all(path)
    if looks_like_tar(raw[:512]):
        return _read_archive(raw, path)
    return _batch_images(raw, path), [str(path)]


def _read_archive(raw: bytes, path: Path) -> tuple[np.ndarray, list[str]]:
    """The training batches (else test_batch) inside a tar archive, unpacked in memory only."""
    try:
        with tarfile.open(fileobj=io.BytesIO(raw), mode="r:") as archive:
            members = {Path(m.name).name: m for m in archive.getmembers() if m.isfile()}
            train = sorted((int(m.group(1)), name) for name in members
                           if (m := _TRAIN_NAME.match(name)))
            chosen = [name for _, name in train] or ([_TEST_NAME] if _TEST_NAME in members else [])
            if not chosen:
                raise data_error("cifar_folder", path)
            arrays = []
            for name in chosen:
                file = archive.extractfile(members[name])
                assert file is not None  # members holds regular files only
                arrays.append(_batch_images(file.read(), path / name))
    except (tarfile.TarError, EOFError, OSError) as error:
        raise data_error("truncated", path, detail=f"tar archive: {error}") from None
    return np.concatenate(arrays) if len(arrays) > 1 else arrays[0], [f"{path}:{n}" for n in chosen]


def _batch_images(raw: bytes, path: Path) -> np.ndarray:
    batch = restricted_loads(raw, path)
    if not isinstance(batch, dict):
        raise data_error("cifar_no_data", path, found=f"it holds a {type(batch).__name__}")
    data = batch.get(b"data", batch.get("data"))
    if data is None:
        keys = ", ".join(_key_text(k) for k in list(batch)[:8]) or "no keys"
        raise data_error("cifar_no_data", path, found=f"keys: {keys}")
    if not isinstance(data, np.ndarray):
        raise data_error("cifar_shape", path, dtype=type(data).__name__, shape="")
    if data.dtype != np.uint8 or not (
            (data.ndim == 2 and data.shape[1] == 3072) or (data.ndim == 4 and data.shape[1:] == (3, 32, 32))):
        raise data_error("cifar_shape", path, dtype=str(data.dtype), shape=list(data.shape))
    if data.shape[0] == 0:
        raise data_error("no_items", path, shape=list(data.shape))
    return data.reshape(-1, 3, 32, 32)


def _key_text(key: object) -> str:
    return key.decode("latin1") if isinstance(key, bytes) else str(key)
