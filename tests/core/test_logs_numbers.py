"""The numpy number parser gives float() results bit for bit, and flags what float() rejects."""

from __future__ import annotations

import math
import random

import numpy as np

from gantuner.logs.numbers import parse_numbers


def _float_or_none(token: bytes) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


def _same(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and math.copysign(1, a) == math.copysign(1, b)


def test_random_decimals_match_float_exactly():
    rng = random.Random(7)
    tokens = []
    for _ in range(5000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 17)))
        dot = rng.randint(-1, len(digits))
        if dot >= 0:
            digits = digits[:dot] + "." + digits[dot:]
        tokens.append(rng.choice(["", "-", "+"]) + digits)
    buf = " ".join(tokens).encode()
    values, ok = parse_numbers(buf)
    assert values.size == len(tokens)
    for token, value, parsed in zip(tokens, values, ok):
        expected = _float_or_none(token.encode())
        assert parsed == (expected is not None), token
        if expected is not None:
            assert _same(value, expected), (token, value, expected)


def test_special_and_bad_tokens():
    tokens = [b"nan", b"NaN", b"-inf", b"Infinity", b"1e-05", b"-0.0", b"5.", b".5", b"0012",
              b"abc", b"-", b".", b"1.2.3", b"--1", b"1-2", b"0.5x", b"\xff\xfe"]
    values, ok = parse_numbers(b"  ".join(tokens) + b"\n")
    for token, value, parsed in zip(tokens, values, ok):
        expected = _float_or_none(token)
        assert parsed == (expected is not None), token
        if expected is not None:
            assert _same(value, expected), token
        else:
            assert math.isnan(value)


def test_separators_and_empty_input():
    values, ok = parse_numbers(b"\n1\t2 \x00 3\n\n")
    assert values.tolist() == [1.0, 2.0, 3.0] and ok.all()
    values, ok = parse_numbers(b"")
    assert values.size == 0 and ok.size == 0
    values, ok = parse_numbers(b"   \n ")
    assert values.size == 0


def test_long_digit_strings_fall_back_to_float():
    token = b"1234567890.1234567890"
    values, ok = parse_numbers(token)
    assert ok[0] and values[0] == float(token)
    assert np.isfinite(values).all()
