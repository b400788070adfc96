"""Format detection from content, errors with a clear message, and a Qt-free core."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gantuner.logs import FORMATS, FORMATS_JA, LogError, detect_format, read_log, read_text

LINES = {
    "keras-gan": "50 [D loss: 0.000624, acc.: 100.00%] [G loss: 0.007994]",
    "keras-gan-acgan": "200 [D loss: 1.102, acc.: 71.88%, op_acc: 43.75%] [G loss: 1.984]",
    "keras-gan-wgan": "300 [D loss: 0.999912] [G loss: 1.000121]",
    "pytorch-gan": "[Epoch 3/200] [Batch 512/938] [D loss: 0.412230] [G loss: 1.203311]",
    "pytorch-gan-acgan": "[Epoch 0/200] [Batch 10/938] [D loss: 1.50, acc: 37%] [G loss: 1.43]",
    "pytorch-examples-dcgan": "[3/25][120/469] Loss_D: 0.8312 Loss_G: 2.1047 D(x): 0.6824 D(G(z)): 0.2635 / 0.1520",
    "brownlee": ">312, d1=0.601, d2=0.640 g=0.887, a1=76, a2=69",
    "csv": "step,d_loss,g_loss\n0,0.5,0.7",
    "gantuner": '{"step": 0, "d_loss": 0.5}',
}


@pytest.mark.parametrize("fmt", sorted(LINES))
def test_each_format_is_detected_after_a_preamble(tmp_path, fmt):
    preamble = "" if fmt in ("csv", "gantuner") else "Using TensorFlow backend.\nModel summary\n\n"
    path = tmp_path / "train.log"
    path.write_text(preamble + LINES[fmt] + "\n")
    assert detect_format(path) == fmt
    assert read_log(path).format == fmt


def test_metric_lines_after_a_long_preamble_are_found(tmp_path):
    path = tmp_path / "train.log"
    path.write_text("".join(f"layer {i} (Dense) params {i * 10}\n" for i in range(500)) + LINES["keras-gan"] + "\n")
    assert detect_format(path) == "keras-gan"


def test_every_format_has_english_and_japanese_descriptions():
    assert set(FORMATS) == set(FORMATS_JA)
    assert {"keras-gan", "keras-gan-acgan", "keras-gan-wgan", "pytorch-gan", "pytorch-gan-acgan",
            "pytorch-examples-dcgan", "brownlee", "pairs", "json", "csv", "tensorboard", "gantuner"} == set(FORMATS)
    assert all(FORMATS[k] and FORMATS_JA[k] and FORMATS[k] != FORMATS_JA[k] for k in FORMATS)


@pytest.mark.parametrize("content", ["", "\n\n  \n", "hello world\nthis is not a log\n", "\x00\x01\x02" * 50])
def test_unknown_content_raises_a_one_line_log_error(tmp_path, content):
    path = tmp_path / "notes.txt"
    path.write_text(content)
    with pytest.raises(LogError) as info:
        read_log(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message
    assert info.value.message("ja") and info.value.message("ja") != message


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(LogError, match="no such file"):
        read_log(tmp_path / "nope.log")
    with pytest.raises(LogError, match="neither metrics.jsonl nor TensorBoard"):
        detect_format(tmp_path)


def test_console_format_on_a_folder_is_an_error(tmp_path):
    with pytest.raises(LogError, match="folder"):
        read_log(tmp_path, format="keras-gan")


def test_read_text_refuses_tensorboard():
    with pytest.raises(LogError, match="read_log"):
        read_text("x", format="tensorboard")


def test_logs_package_does_not_import_qt():
    code = ("import sys, gantuner.logs as logs; logs.read_text('1 [D loss: 0.5] [G loss: 0.5]');"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')];"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
