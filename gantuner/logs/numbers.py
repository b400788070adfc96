"""Turn many whitespace-separated number tokens into floats, fast.

``float()`` per token, ``np.fromstring`` and ``np.loadtxt`` all cost about
0.2 us per number, which alone uses most of the 2-second budget for a
million-line log.  Plain decimals (``-12.345``: what ``%f``, ``%.2f`` and
``%d`` print) are parsed here with numpy on the token bytes: tokens are
grouped by (length, position of the dot) so each group is a few column-wise
multiply-adds.  The digits are accumulated as an exact integer (at most 15
digits, below 2**53) and divided once by a power of ten, which IEEE rounds
correctly, so the result equals ``float(token)`` bit for bit.  Everything
else (``nan``, ``inf``, ``1e-05``, garbage) goes through ``float()`` one by
one; those tokens are rare.
"""

from __future__ import annotations

import numpy as np

_MAX_DIGITS = 15  # 10**15 < 2**53: the digit sum stays an exact float64


def parse_numbers(buf: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Values of the whitespace-separated tokens in ``buf`` and whether each parsed.

    A token that ``float()`` rejects gets NaN and ``ok=False``.
    """
    b = np.frombuffer(buf, dtype=np.uint8)
    if b.size == 0:
        return np.empty(0), np.empty(0, dtype=bool)
    token_byte = b > 32  # spaces and control bytes separate tokens
    inside = np.zeros(b.size + 2, dtype=bool)
    inside[1:-1] = token_byte
    edges = np.flatnonzero(inside[1:] != inside[:-1])
    starts, ends = edges[0::2], edges[1::2]
    n = starts.size
    lengths = ends - starts
    # token index of every byte (separators get the preceding token's index; never looked up)
    token_of = np.cumsum(inside[1:-1] & ~inside[:-2], dtype=np.int32) - 1

    # Dots, signs and anything else that is not a digit: few per token, so work on positions.
    not_digit = np.flatnonzero(token_byte & ((b - np.uint8(48)) > 9))
    byte = b[not_digit]
    tok = token_of[not_digit]
    irregular = np.zeros(n, dtype=bool)
    is_dot = byte == ord(".")
    is_sign = (byte == ord("-")) | (byte == ord("+"))
    irregular[tok[~(is_dot | is_sign)]] = True  # letters: nan, inf, 1e-05, garbage
    leading = is_sign & (not_digit == starts[tok])
    irregular[tok[is_sign & ~leading]] = True
    signed = np.zeros(n, dtype=bool)
    signed[tok[leading]] = True
    dot_tok = tok[is_dot]
    irregular[dot_tok[1:][dot_tok[1:] == dot_tok[:-1]]] = True  # two dots
    dot_at = np.full(n, -1, dtype=np.int64)  # dot position after the sign, -1 when none
    dot_at[dot_tok] = not_digit[is_dot] - starts[dot_tok] - signed[dot_tok]
    body_len = lengths - signed
    n_digits = body_len - (dot_at >= 0)
    irregular |= (n_digits < 1) | (n_digits > _MAX_DIGITS)

    values = np.empty(n, dtype=np.float64)
    regular = np.flatnonzero(~irregular)
    if regular.size:
        # One group per (length, dot position): the same weights for every row.
        key = (body_len[regular] * 32 + (dot_at[regular] + 1)).astype(np.int16)  # 16 bits: radix sort
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
        bounds = np.flatnonzero(np.diff(sorted_key)) + 1
        for group in np.split(order, bounds):
            tok = regular[group]
            k = int(key[group[0]])
            length, dot = k // 32, k % 32 - 1
            first = starts[tok] + signed[tok]
            mant = np.zeros(tok.size, dtype=np.float64)
            for col in range(length):
                if col == dot:
                    continue
                mant *= 10.0
                mant += b[first + col]
                mant -= 48.0
            if dot >= 0 and length - 1 - dot > 0:
                mant /= 10.0 ** (length - 1 - dot)
            negative = b[starts[tok]] == ord("-")
            mant[negative] = -mant[negative]
            values[tok] = mant
    ok = np.ones(n, dtype=bool)
    for i in np.flatnonzero(irregular):
        try:
            values[i] = float(buf[starts[i]:ends[i]])
        except ValueError:
            values[i] = np.nan
            ok[i] = False
    return values, ok
