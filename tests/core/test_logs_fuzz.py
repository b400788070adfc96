"""Fuzzing: whatever the input, the readers return a table or raise LogError, nothing else."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gantuner.logs import FORMATS, LogError, read_log, read_text
from gantuner.metrics import MetricTable

VALID_LINES = [
    "50 [D loss: 0.000624, acc.: 100.00%] [G loss: 0.007994]",
    "200 [D loss: 1.102, acc.: 71.88%, op_acc: 43.75%] [G loss: 1.984]",
    "300 [D loss: 0.999912] [G loss: 1.000121]",
    "[Epoch 3/200] [Batch 512/938] [D loss: 0.412230] [G loss: 1.203311]",
    "[Epoch 0/200] [Batch 10/938] [D loss: 1.50, acc: 37%] [G loss: 1.43]",
    "[Epoch 0/200] [Batch 10/938] [D loss: 1.50] [G loss: 0.3] -- M: 0.41, k: 0.002",
    "[Epoch 0/200] [Batch 1/1000] [D loss: 0.3] [G loss: 1.2, adv: 0.5, cycle: 0.3] ETA: 1:23:45.1",
    "[3/25][120/469] Loss_D: 0.8312 Loss_G: 2.1047 D(x): 0.6824 D(G(z)): 0.2635 / 0.1520",
    ">312, d1=0.601, d2=0.640 g=0.887, a1=76, a2=69",
    "step,d_loss,g_loss,acc",
    "0,0.5,0.7,50",
    '{"step": 1, "d_loss": NaN, "lr_d": 0.0002}',
    "5 [D loss: nan, acc.: inf%] [G loss: -Infinity]",
]
FORMAT_CHOICES = [None, *FORMATS]

_junk = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


def _mutate(line: str, where: int, what: str) -> str:
    at = where % (len(line) + 1)
    return line[:at] + what + line[at:]


_number = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr), st.integers().map(str),
                    st.sampled_from(["1e-05", "-0.0", "NaN", "Infinity", "-inf", "5.", ".5", "1_0", "0x1"]))
_mutated = st.one_of(
    st.builds(_mutate, st.sampled_from(VALID_LINES), st.integers(0, 200),
              st.sampled_from([" ", "\t", "  ", "x", "-", ".", "e", "%", "]", "[", ",", ":", "="])),
    st.builds(lambda line, number: re.sub(r"\d+\.\d+", number, line, count=1), st.sampled_from(VALID_LINES),
              _number),
)
_piece = st.one_of(
    st.sampled_from(VALID_LINES),
    _mutated,
    st.sampled_from(VALID_LINES).flatmap(lambda line: st.integers(0, len(line)).map(lambda k: line[:k])),
    st.sampled_from(VALID_LINES).map(lambda line: line.replace("0.", "0.x", 1)),
    _junk,
    st.sampled_from(["\r", "\x00", "\ufeff", "%", "[", "]", "nan", "-", " " * 7]),
    st.integers(1000, 60_000).map(lambda n: "x" * n),                  # very long line
    st.integers(1, 50).map(lambda n: VALID_LINES[0] * n),               # records glued together
)
_mixture = st.lists(st.tuples(_piece, st.sampled_from(["\n", "\r", "\r\n", "", " "])), max_size=30).map(
    lambda parts: "".join(p + sep for p, sep in parts))
_text = st.one_of(st.text(max_size=300), _mixture)


def _check(table: MetricTable) -> None:
    n = len(table)
    assert table.step.dtype == np.int64
    assert all(column.shape == (n,) for column in table.columns.values())
    assert len(table.skipped_examples) <= min(5, table.skipped_lines)
    assert all(example.line_number >= 1 for example in table.skipped_examples)
    assert all(len(values) == n for values in table.knobs.values())


@settings(max_examples=200, deadline=None)
@given(text=_text, fmt=st.sampled_from(FORMAT_CHOICES))
def test_read_text_raises_only_log_error(text, fmt):
    try:
        table = read_text(text, format=fmt)
    except LogError as error:
        assert str(error) and "\n" not in str(error).strip()
        return
    _check(table)


def _corrupt(text: str, noise: bytes, at: int) -> bytes:
    data = text.encode("utf-8")
    at = at % (len(data) + 1)
    return data[:at] + noise + data[at:]


_bytes = st.one_of(
    st.binary(max_size=300),
    st.builds(_corrupt, _mixture, st.sampled_from([b"\xff", b"\xc3", b"\x00\x00", b"\xed\xa0\x80", b"\xfe\xff"]),
              st.integers(0, 10_000)),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_bytes, fmt=st.sampled_from(FORMAT_CHOICES))
def test_read_log_raises_only_log_error(tmp_path, data, fmt):
    path = tmp_path / "fuzz.log"
    path.write_bytes(data)
    try:
        table = read_log(path, format=fmt)
    except LogError as error:
        assert str(error) and "\n" not in str(error).strip()
        return
    _check(table)


@settings(max_examples=200, deadline=None)
@given(text=_mixture, fmt=st.sampled_from([None, "keras-gan", "pytorch-gan", "pytorch-examples-dcgan", "brownlee"]))
def test_fast_path_and_line_by_line_path_agree(text, fmt):
    """The whole-chunk fast path is an optimisation: it must give what line-by-line reading gives."""
    from unittest import mock

    from gantuner.logs.console import ConsoleParser

    try:
        fast = read_text(text, format=fmt)
    except LogError:
        fast = None
    with mock.patch.object(ConsoleParser, "_fast", lambda self, chunk: None):
        try:
            slow = read_text(text, format=fmt)
        except LogError:
            slow = None
    assert (fast is None) == (slow is None)
    if fast is None:
        return
    assert np.array_equal(fast.step, slow.step)
    assert fast.columns.keys() == slow.columns.keys()
    for name in fast.columns:
        assert np.array_equal(fast.columns[name], slow.columns[name], equal_nan=True), name
    assert fast.skipped_lines == slow.skipped_lines
    assert fast.skipped_examples == slow.skipped_examples
