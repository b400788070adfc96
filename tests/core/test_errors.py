"""One base for gantuner's user-facing errors, whose messages never carry terminal escapes."""

from __future__ import annotations

import pytest

from gantuner.data.errors import DataError, data_error
from gantuner.errors import GantunerError, printable
from gantuner.knobs import KnobError
from gantuner.logs.errors import LogError
from gantuner.quality.errors import QualityError
from gantuner.text import Text
from gantuner.training.checkpoint import CheckpointError, CheckpointWriteError
from gantuner.training.device import DeviceError


@pytest.mark.parametrize("kind, old_base", [
    (DataError, Exception), (LogError, Exception), (KnobError, ValueError), (QualityError, ValueError),
    (DeviceError, RuntimeError), (CheckpointError, RuntimeError), (CheckpointWriteError, OSError),
])
def test_every_user_facing_error_has_the_one_base_and_keeps_its_old_one(kind, old_base):
    assert issubclass(kind, GantunerError) and issubclass(kind, old_base)


def test_messages_in_both_languages_come_through_the_base():
    error = data_error("missing", "/tmp/x")
    assert isinstance(error, GantunerError)
    assert "no such file" in str(error) and "見つかりません" in error.message("ja")
    assert KnobError("lr_g is out of range").message("ja") == "lr_g is out of range"  # no Japanese: English
    assert LogError(Text("a", "あ")).message("ja") == "あ"


def test_escape_sequences_in_any_message_are_made_visible():
    hostile = "run\x1b]0;title\x07\x1b[2J\u202eevil\rend"
    for error in (LogError(Text(hostile, hostile)), data_error("missing", hostile), CheckpointError(hostile),
                  KnobError(hostile)):
        for text in (str(error), error.message("ja"), error.message("en")):
            assert not any(ch in text for ch in "\x1b\x07\u202e\r"), text
            assert "\\x1b" in text and "\\u202e" in text


def test_printable_leaves_ordinary_text_alone():
    text = "学習データ: /tmp/ラン 1\tx = 0.5"
    assert printable(text) == text


def test_a_write_error_is_an_oserror_with_its_errno():
    error = CheckpointWriteError("could not save", 28)
    assert isinstance(error, OSError) and error.errno == 28 and str(error) == "could not save"
