"""Read CIFAR-style pickles without ever running code from them.

A pickle can call any importable function while it loads (``os.system`` via
``__reduce__`` is the classic).  Every such call goes through
``Unpickler.find_class``, so an unpickler whose ``find_class`` hands out only a
fixed table of harmless constructors cannot run anything else.  The table holds
exactly what numpy arrays inside plain dicts/lists need, for pickles written by
Python 2 (the original CIFAR-10 files) and by Python 3 with numpy 1 or 2.
"""

from __future__ import annotations

import codecs
import io
import math
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from .errors import data_error

try:  # numpy >= 2 moved the pickling helpers to numpy._core
    from numpy._core import multiarray as _multiarray
    from numpy._core import numeric as _numeric
except ImportError:  # pragma: no cover - numpy 1.x
    from numpy.core import multiarray as _multiarray  # type: ignore[no-redef]
    from numpy.core import numeric as _numeric  # type: ignore[no-redef]


def _latin1_encode(text: str, encoding: str = "latin1", errors: str = "strict") -> bytes:
    """``_codecs.encode`` as protocol-2 pickles of bytes use it, limited to latin-1.

    Python 3 writes bytes in protocol 0-2 pickles as ``_codecs.encode(text, 'latin1')``;
    allowing only that one codec keeps the call a plain conversion.
    """
    if codecs.lookup(encoding).name != "iso8859-1" or not isinstance(text, str):
        raise pickle.UnpicklingError(f"_codecs.encode with {encoding!r} is not allowed")
    return text.encode("latin1", errors)


_ALLOWED: dict[tuple[str, str], Callable[..., Any]] = {}
for _package in ("numpy.core", "numpy._core"):  # numpy 1 writes the first, numpy 2 the second
    _ALLOWED[(_package + ".multiarray", "_reconstruct")] = _multiarray._reconstruct
    _ALLOWED[(_package + ".multiarray", "scalar")] = _multiarray.scalar
    _ALLOWED[(_package + ".numeric", "_frombuffer")] = _numeric._frombuffer
_ALLOWED[("numpy", "ndarray")] = np.ndarray
_ALLOWED[("numpy", "dtype")] = np.dtype
_ALLOWED[("_codecs", "encode")] = _latin1_encode
for _builtins in ("builtins", "__builtin__"):  # Python 2 pickles name the module __builtin__
    for _name, _obj in (("set", set), ("frozenset", frozenset), ("bytearray", bytearray),
                        ("complex", complex)):
        _ALLOWED[(_builtins, _name)] = _obj
del _package, _builtins, _name, _obj


# Constructors that allocate from a size argument rather than from bytes in the
# pickle: a 54-byte pickle calling bytearray(2**31) or ndarray((2**31,)) must
# not allocate gigabytes.  Each is wrapped to refuse sizes beyond the pickle's own.
def _nbytes(shape: Any, dtype: Any) -> int:
    dims = (shape,) if isinstance(shape, int) else tuple(shape)
    if not all(isinstance(d, int) and d >= 0 for d in dims):
        raise pickle.UnpicklingError(f"bad array shape {shape!r}")
    return math.prod(dims) * np.dtype(dtype).itemsize


def _sized(build: Callable[..., Any], size_of: Callable[..., int], budget: int, name: str) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        size = size_of(*args, **kwargs)
        if size > budget:
            raise pickle.UnpicklingError(f"{name} asks for {size:,} bytes from a {budget:,}-byte pickle")
        return build(*args, **kwargs)
    return guarded


def _bytearray_size(source: Any = b"", *args: Any) -> int:
    return source if isinstance(source, int) else 0


def _ndarray_size(shape: Any, dtype: Any = float, buffer: Any = None, *args: Any, **kwargs: Any) -> int:
    return 0 if buffer is not None or kwargs.get("buffer") is not None else _nbytes(shape, dtype)


def _reconstruct_size(subtype: Any, shape: Any, dtype: Any, *args: Any) -> int:
    return _nbytes(shape, dtype)


def _guarded(allowed: Callable[..., Any], budget: int) -> Callable[..., Any]:
    if allowed is bytearray:
        return _sized(bytearray, _bytearray_size, budget, "bytearray")
    if allowed is np.ndarray:
        guarded = _sized(np.ndarray, _ndarray_size, budget, "numpy.ndarray")
        guarded.array_type = np.ndarray  # type: ignore[attr-defined]
        return guarded
    if allowed is _multiarray._reconstruct:
        def reconstruct(subtype: Any, *args: Any) -> Any:
            # numpy's own pickles pass the ndarray class here: give the real one back.
            return allowed(getattr(subtype, "array_type", subtype), *args)
        return _sized(reconstruct, _reconstruct_size, budget, "numpy array")
    return allowed


class _RestrictedUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, path: Path):
        # encoding="bytes" keeps Python 2 str (the CIFAR keys and array buffers) as bytes
        super().__init__(file, encoding="bytes")
        self._path = path
        self._budget = len(file.getbuffer())

    def find_class(self, module: str, name: str) -> Any:
        allowed = _ALLOWED.get((module, name))
        if allowed is None:
            raise data_error("pickle_refused", self._path, target=f"{module}.{name}")
        return _guarded(allowed, self._budget)

    def persistent_load(self, pid: Any) -> Any:
        raise pickle.UnpicklingError("persistent ids are not supported")


def restricted_loads(data: bytes, path: Path) -> Any:
    """The object pickled in ``data`` (read from ``path``), refusing anything but plain data.

    Raises DataError "pickle_refused" when the pickle names any callable outside
    the table above, and "pickle_damaged" when it is not a complete pickle.
    """
    try:
        return _RestrictedUnpickler(io.BytesIO(data), path).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, IndexError, KeyError,
            AttributeError, OverflowError, UnicodeDecodeError, MemoryError) as error:
        # DataError (from find_class) is not in this list, so a refusal passes through.
        raise data_error("pickle_damaged", path, reason=f"{type(error).__name__}: {error}") from None
