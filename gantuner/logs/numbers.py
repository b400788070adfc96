"""Turn many number tokens into floats, fast.

``float()`` per token, ``np.fromstring`` and ``np.loadtxt`` all cost about
0.2 us per number on the development machine, most of the 2-second budget
for a million-line log.  Plain decimals (``-12.345``: what ``%f``, ``%.2f``
and ``%d`` print) are parsed here with numpy on the bytes: tokens are grouped
by (length, position of the dot) so each group is a few column-wise
multiply-adds.  The digits are accumulated as an exact integer (at most 15
digits, below 2**53) and divided once by a power of ten, which IEEE rounds
correctly, so the result equals ``float(token)`` bit for bit.  Everything
else (``nan``, ``inf``, ``1e-05``, garbage) goes through ``float()`` one by
one; those tokens are rare.

A token is a run of bytes above the space character; spaces, newlines and
control bytes separate tokens.
"""

from __future__ import annotations

import numpy as np

_MAX_DIGITS = 15  # 10**15 < 2**53: the digit sum stays an exact float64
_DOT, _MINUS, _PLUS, _NEWLINE = ord("."), ord("-"), ord("+"), ord("\n")


def _spans(b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token starts, ends, and the token index of every byte."""
    inside = np.zeros(b.size + 2, dtype=bool)
    inside[1:-1] = b > 32
    edges = np.flatnonzero(inside[1:] != inside[:-1])
    starts, ends = edges[0::2], edges[1::2]
    token_of = np.cumsum(inside[1:-1] & ~inside[:-2], dtype=np.int32) - 1
    return starts, ends, token_of


def parse_numbers(buf: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Values of all tokens in ``buf`` and whether each parsed (NaN where not)."""
    b = np.frombuffer(buf, dtype=np.uint8)
    if b.size == 0:
        return np.empty(0), np.empty(0, dtype=bool)
    starts, ends, token_of = _spans(b)
    return _values(buf, b, starts, ends, token_of, np.arange(starts.size))


def parse_rows(buf: bytes, n_rows: int, row_tokens: int,
               keep: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray] | None:
    """Values of the tokens at positions ``keep`` of every line, as (n_rows, len(keep)).

    ``buf`` holds ``n_rows`` lines of ``row_tokens`` tokens each; None when a
    line has another number of tokens (the caller then reads line by line).
    """
    b = np.frombuffer(buf, dtype=np.uint8)
    starts, ends, token_of = _spans(b)
    if n_rows == 0 or starts.size != n_rows * row_tokens:
        return None
    # The last token before the r-th newline must be token (r + 1) * row_tokens - 1:
    # with the total above, every line has exactly row_tokens tokens.
    newlines = np.flatnonzero(b == _NEWLINE)
    rows = np.arange(n_rows)
    if newlines.size != n_rows - 1 or not np.array_equal(token_of[newlines], rows[1:] * row_tokens - 1):
        return None
    which = (rows[:, None] * row_tokens + np.asarray(keep)[None, :]).ravel()
    values, ok = _values(buf, b, starts, ends, token_of, which)
    return values.reshape(n_rows, len(keep)), ok.reshape(n_rows, len(keep))


def _values(buf: bytes, b: np.ndarray, starts: np.ndarray, ends: np.ndarray, token_of: np.ndarray,
            which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Parse the tokens with indices ``which`` (ascending)."""
    n = which.size
    first = starts[which]
    end = ends[which]
    lead = b[first]
    signed = (lead == _MINUS) | (lead == _PLUS)
    first = first + signed
    length = end - first

    irregular = np.zeros(n, dtype=bool)
    dot_at = np.full(n, -1, dtype=np.int64)  # after the sign; -1: no dot
    position = np.full(starts.size, -1, dtype=np.int64)  # token index -> index in which
    position[which] = np.arange(n)
    dots = np.flatnonzero(b == _DOT)
    dot_tok = position[token_of[dots]] if dots.size else dots
    mine = dot_tok >= 0
    dots, dot_tok = dots[mine], dot_tok[mine]
    if dots.size:
        dot_at[dot_tok] = dots - first[dot_tok]
        irregular[dot_tok[1:][dot_tok[1:] == dot_tok[:-1]]] = True  # two dots
    n_digits = length - (dot_at >= 0)
    irregular |= (n_digits < 1) | (n_digits > _MAX_DIGITS)

    values = np.full(n, np.nan)
    regular = np.flatnonzero(~irregular)
    if regular.size:
        # One group per (length, dot position): the same digit weights for every token in it.
        key = (length[regular] * 32 + (dot_at[regular] + 1)).astype(np.int16)  # 16 bits: radix sort
        order = np.argsort(key, kind="stable")
        bounds = np.flatnonzero(np.diff(key[order])) + 1
        for group in np.split(order, bounds):
            tok = regular[group]
            k = int(key[group[0]])
            size, dot = k // 32, k % 32 - 1
            start = first[tok]
            mant = np.zeros(tok.size)
            bad = np.zeros(tok.size, dtype=bool)
            for col in range(size):
                if col == dot:
                    continue
                digit = b[start + col] - np.uint8(48)  # wraps above 9 for anything but a digit
                bad |= digit > 9
                mant *= 10.0
                mant += digit
            if dot >= 0 and size - 1 - dot > 0:
                mant /= 10.0 ** (size - 1 - dot)
            negative = lead[tok] == _MINUS
            mant[negative] = -mant[negative]
            values[tok] = mant
            irregular[tok[bad]] = True  # letters, signs inside: let float() decide
    ok = np.ones(n, dtype=bool)
    for i in np.flatnonzero(irregular):
        token = buf[starts[which[i]]:ends[which[i]]]
        try:
            values[i] = float(token)
        except ValueError:
            values[i] = np.nan
            ok[i] = False
    return values, ok
