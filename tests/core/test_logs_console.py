"""Console formats: values, mapping to columns, and the robustness rules."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from gantuner.logs import FORMATS, LogError, console, read_log, read_text
from gantuner.logs.console import ConsoleParser
from gantuner.paths import resource

SEED1_ACC = [1.0, 0.9969, 1.0, 0.9920, 1.0, 1.0]


def test_seed_example1_values():
    table = read_log(resource("sample_logs", "seed_example1.log"))
    assert table.format == "keras-gan"
    assert table.step.tolist() == [50, 1000, 2150, 3200, 4300, 5350]
    assert table.step.dtype == np.int64
    assert table.columns["d_loss"].tolist() == [0.000624, 0.004652, 0.002862, 0.006426, 0.000406, 0.000592]
    assert table.columns["g_loss"].tolist() == [0.007994, 0.008186, 0.000937, 0.005835, 0.007646, 0.000230]
    # percent -> share, exactly as float(text) / 100
    assert table.columns["d_acc"].tolist() == [float(x) / 100 for x in
                                               ("100.00", "99.69", "100.00", "99.20", "100.00", "100.00")]
    assert table.skipped_lines == 0 and table.events == []


def test_seed_example2_keeps_all_rows_across_blank_lines():
    text = resource("sample_logs", "seed_example2.log").read_text()
    assert "\n\n" in text  # the blank lines of the article are kept in the sample
    table = read_log(resource("sample_logs", "seed_example2.log"))
    assert len(table) == 18
    assert table.step[[0, 6, 15, 17]].tolist() == [50, 700, 14000, 19000]
    assert table.columns["d_acc"][14] == pytest.approx(0.7422)
    assert table.skipped_lines == 0


def test_keras_acgan_and_wgan_variants():
    acgan = read_text("200 [D loss: 1.102, acc.: 71.88%, op_acc: 43.75%] [G loss: 1.984]\n")
    assert acgan.format == "keras-gan-acgan"
    assert acgan.columns["op_acc"].tolist() == [0.4375]
    assert acgan.columns["d_acc"].tolist() == [0.7188]
    wgan = read_text("300 [D loss: 0.999912] [G loss: 1.000121]\n301 [D loss: -0.5] [G loss: 1e-3]\n")
    assert wgan.format == "keras-gan-wgan"
    assert "d_acc" not in wgan.columns
    assert wgan.columns["d_loss"].tolist() == [0.999912, -0.5]
    assert wgan.columns["g_loss"].tolist() == [1.000121, 0.001]


def test_pytorch_gan_step_is_epoch_times_batches_plus_batch():
    text = ("[Epoch 0/200] [Batch 0/938] [D loss: 0.693147] [G loss: 0.700000]\n"
            "[Epoch 0/200] [Batch 937/938] [D loss: 0.600000] [G loss: 0.800000]\n"
            "[Epoch 3/200] [Batch 512/938] [D loss: 0.412230] [G loss: 1.203311]\n")
    table = read_text(text)
    assert table.format == "pytorch-gan"
    assert table.step.tolist() == [0, 937, 3 * 938 + 512]
    assert table.columns["epoch"].tolist() == [0, 0, 3]
    assert table.columns["g_loss"][2] == 1.203311


def test_pytorch_gan_acgan_integer_percent_and_began_extras():
    acgan = read_text("[Epoch 0/200] [Batch 10/938] [D loss: 1.50, acc: 37%] [G loss: 1.43]\n")
    assert acgan.format == "pytorch-gan-acgan"
    assert acgan.columns["d_acc"].tolist() == [0.37]
    began = read_text("[Epoch 1/200] [Batch 10/938] [D loss: 1.50] [G loss: 0.3] -- M: 0.41, k: 0.002\n")
    assert began.columns["m"].tolist() == [0.41] and began.columns["k"].tolist() == [0.002]
    assert began.step.tolist() == [948]


def test_pytorch_examples_dcgan_mapping():
    text = "[3/25][120/469] Loss_D: 0.8312 Loss_G: 2.1047 D(x): 0.6824 D(G(z)): 0.2635 / 0.1520\n"
    table = read_text(text)
    assert table.format == "pytorch-examples-dcgan"
    assert table.step.tolist() == [3 * 469 + 120]
    assert table.columns["d_loss"].tolist() == [0.8312]  # the printed sum, not halved
    assert table.columns["d_x"].tolist() == [0.6824]
    assert table.columns["d_g_z"].tolist() == [0.2635]  # before the D step
    assert table.columns["d_g_z_after"].tolist() == [0.1520]


def test_brownlee_real_fake_halves_and_means():
    table = read_text(">312, d1=0.601, d2=0.640 g=0.887, a1=76, a2=69\n")
    assert table.format == "brownlee"
    assert table.step.tolist() == [312]
    assert table.columns["d_loss_real"].tolist() == [0.601]
    assert table.columns["d_loss_fake"].tolist() == [0.640]
    assert table.columns["d_acc_real"].tolist() == [0.76]
    assert table.columns["d_acc_fake"].tolist() == [0.69]
    assert table.columns["d_loss"][0] == pytest.approx((0.601 + 0.640) / 2)
    assert table.columns["d_acc"][0] == pytest.approx((0.76 + 0.69) / 2)


def test_brownlee_epoch_batch_variant_counts_from_one():
    table = read_text(">1, 1/234, d1=0.6, d2=0.7 g=0.8\n>2, 3/234, d1=0.5, d2=0.6 g=0.9\n")
    assert table.step.tolist() == [1, 234 + 3]
    assert table.columns["epoch"].tolist() == [1, 2]


def test_other_output_is_ignored_silently():
    text = "\n".join([
        "Using TensorFlow backend.",
        "Model: \"sequential_1\"",
        "_________________________________________________________________",
        "dense_1 (Dense)              (None, 256)               25856",
        "WARNING:tensorflow:From train.py:12: The name tf.Session is deprecated.",
        "",
        " 45%|████▌     | 45/100 [00:01<00:02, 30.0it/s]",
        "1/1 [==============================] - 0s 15ms/step",
        "0 [D loss: 0.700000, acc.: 50.00%] [G loss: 0.690000]",
        "   ",
        "1 [D loss: 0.650000, acc.: 60.00%] [G loss: 0.720000]",
    ]) + "\n"
    table = read_text(text)
    assert table.step.tolist() == [0, 1]
    assert table.skipped_lines == 0 and table.skipped_examples == []


def test_truncated_last_line_is_skipped_with_its_line_number():
    text = ("0 [D loss: 0.7, acc.: 50.00%] [G loss: 0.69]\n"
            "noise\n"
            "1 [D loss: 0.6, acc.: 60.00%] [G loss: 0.7]\n"
            "2 [D loss: 0.5, acc.: 6")
    table = read_text(text)
    assert table.step.tolist() == [0, 1]
    assert table.skipped_lines == 1
    example = table.skipped_examples[0]
    assert example.line_number == 4
    assert example.text == "2 [D loss: 0.5, acc.: 6"
    assert "layout" in example.reason


def test_garbage_numbers_are_skipped_and_counted_first_five_kept():
    good = "{} [D loss: 0.5, acc.: 50.00%] [G loss: 0.7]"
    bad = "{} [D loss: 0.5x, acc.: 50.00%] [G loss: 0.7]"
    lines = []
    for i in range(20):
        lines.append((bad if i % 3 == 1 else good).format(i))
    table = read_text("\n".join(lines) + "\n")
    bad_rows = [i for i in range(20) if i % 3 == 1]
    assert table.skipped_lines == len(bad_rows)
    assert len(table.skipped_examples) == 5
    assert [e.line_number for e in table.skipped_examples] == [i + 1 for i in bad_rows[:5]]
    assert "0.5x" in table.skipped_examples[0].reason
    assert table.step.tolist() == [i for i in range(20) if i % 3 != 1]


def test_carriage_return_progress_lines_are_split():
    records = [f"[Epoch 0/200] [Batch {b}/1000] [D loss: 0.{b}00000] [G loss: 1.000000, adv: 0.5, "
               f"cycle: 0.3, identity: 0.2] ETA: 1:23:{b:02d}.123456" for b in range(1, 6)]
    text = "Loading data\n" + "".join("\r" + r for r in records) + "\n" + "\r" + records[0].replace("0.1", "x.1")
    table = read_text(text)
    assert table.step.tolist() == [1, 2, 3, 4, 5]
    assert table.columns["g_adv"].tolist() == [0.5] * 5
    assert table.columns["d_loss"].tolist() == [0.1, 0.2, 0.3, 0.4, 0.5]
    # the damaged record sits on the third physical line (newlines count, carriage returns do not)
    assert table.skipped_lines == 1 and table.skipped_examples[0].line_number == 3


@pytest.mark.parametrize("word,expected", [("nan", math.nan), ("NaN", math.nan), ("inf", math.inf),
                                           ("-inf", -math.inf), ("Infinity", math.inf),
                                           ("-Infinity", -math.inf)])
def test_non_finite_values(word, expected):
    table = read_text(f"5 [D loss: {word}, acc.: 50.00%] [G loss: {word}]\n"
                      "6 [D loss: 0.1, acc.: nan%] [G loss: 0.2]\n")
    for column in ("d_loss", "g_loss"):
        value = table.columns[column][0]
        assert (math.isnan(value) if math.isnan(expected) else value == expected)
    assert math.isnan(table.columns["d_acc"][1])
    assert table.skipped_lines == 0


def test_restarted_step_counter_keeps_rows_and_marks_segments():
    run = "".join(f"{s} [D loss: 0.5, acc.: 50.00%] [G loss: 0.7]\n" for s in (0, 50, 100))
    table = read_text(run + "Epoch restarted\n" + run + run[:-1])
    assert table.step.tolist() == [0, 50, 100] * 3  # as printed, in file order
    restarts = [e for e in table.events if e["type"] == "restart"]
    assert [(e["row"], e["step"], e["previous_step"]) for e in restarts] == [(3, 0, 100), (6, 0, 100)]


def test_second_layout_of_the_same_family_is_read_cut_short_line_is_not():
    text = ("0 [D loss: 0.7, acc.: 50.00%] [G loss: 0.69]\n"
            "1 [D loss: 0.6, acc.: 60.00%] [G loss: 0.7]\n"
            "2 [D loss: 0.9] [G loss: 1.1]\n"          # a wgan run appended
            "3 [D loss: 0.6, acc.: 60.00%]\n")          # cut short after D's bracket
    table = read_text(text)
    assert table.step.tolist() == [0, 1, 2]
    assert np.isnan(table.columns["d_acc"][2])
    assert table.columns["d_loss"][2] == 0.9
    assert table.skipped_lines == 1 and table.skipped_examples[0].line_number == 4


def test_forced_format_and_unknown_format():
    text = "300 [D loss: 0.9] [G loss: 1.1]\n"
    assert read_text(text, format="keras-gan").format == "keras-gan"
    with pytest.raises(LogError) as info:
        read_text(text, format="keras")
    assert "keras-gan-acgan" in str(info.value) and all(f in str(info.value) for f in FORMATS)
    with pytest.raises(LogError, match="no brownlee metric lines"):
        read_text(text, format="brownlee", source="train.log")


def test_utf16_log_from_windows_powershell(tmp_path):
    path = tmp_path / "train.log"
    path.write_bytes("50 [D loss: 0.5, acc.: 50.00%] [G loss: 0.7]\r\n".encode("utf-16"))
    table = read_log(path)
    assert table.step.tolist() == [50] and table.columns["d_acc"].tolist() == [0.5]


def _keras_lines(n: int, seed: int = 0) -> tuple[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    values = np.column_stack([rng.random(n), rng.random(n) * 100, rng.random(n) * 3])
    lines = []
    for i, (d, a, g) in enumerate(values):
        if i % 97 == 5:
            lines.append("WARNING: noise line")
        lines.append(f"{i} [D loss: {d:f}, acc.: {a:.2f}%] [G loss: {g:f}]")
    return "\n".join(lines) + "\n", values


def test_fast_path_agrees_with_per_line_parsing_over_many_chunks(monkeypatch):
    monkeypatch.setattr(console, "CHUNK_BYTES", 1 << 16)
    text, _ = _keras_lines(20_000)
    assert len(text) > 10 * console.CHUNK_BYTES
    rx = re.compile(r"(\d+) \[D loss: (\S+), acc\.: (\S+)%\] \[G loss: (\S+)\]")
    naive = np.array([[float(x) for x in m.groups()] for m in map(rx.fullmatch, text.splitlines()) if m])

    def no_slow_path(*args, **kwargs):
        raise AssertionError("a clean log must not need the line-by-line path")

    monkeypatch.setattr(ConsoleParser, "_slow", no_slow_path)
    table = read_text(text)
    assert np.array_equal(table.step, naive[:, 0])
    assert np.array_equal(table.columns["d_loss"], naive[:, 1])
    assert np.array_equal(table.columns["d_acc"], naive[:, 2] / 100)
    assert np.array_equal(table.columns["g_loss"], naive[:, 3])


def test_damage_in_one_chunk_does_not_change_other_rows(monkeypatch):
    monkeypatch.setattr(console, "CHUNK_BYTES", 1 << 16)
    text, _ = _keras_lines(20_000, seed=3)
    clean = read_text(text)
    lines = text.splitlines()
    lines[15_000] = lines[15_000].replace("[G loss: ", "[G loss: #")
    damaged = read_text("\n".join(lines) + "\n")
    assert damaged.skipped_lines == 1
    assert damaged.skipped_examples[0].line_number == 15_001
    lost = int(lines[15_000].split()[0])
    keep = clean.step != lost
    assert np.array_equal(damaged.step, clean.step[keep])
    for name, column in clean.columns.items():
        assert np.array_equal(damaged.columns[name], column[keep])


def test_progress_tail_variants_are_read_cut_short_lines_are_not():
    head = "[Epoch 0/200] [Batch {}/1000] [D loss: 0.3] [G loss: 1.2, adv: 0.5]"
    text = "\n".join([head.format(1) + " ETA: 1:23:45.1",
                      head.format(2) + " ETA: 1 day, 1:23:45.1",   # another tail: another layout
                      head.format(3),
                      head.format(4)[:-12]]) + "\n"                  # cut inside G's bracket
    table = read_text(text)
    assert table.step.tolist() == [1, 2, 3]
    assert table.skipped_lines == 1 and table.skipped_examples[0].line_number == 4


_LINE_MAKERS = {
    "keras-gan": lambda i, x: f"{i} [D loss: {x:f}, acc.: {100 * x:.2f}%] [G loss: {2 * x:f}]",
    "keras-gan-acgan": lambda i, x: f"{i} [D loss: {x:f}, acc.: {100 * x:.2f}%, op_acc: {50 * x:.2f}%] "
                                    f"[G loss: {x:f}]",
    "keras-gan-wgan": lambda i, x: f"{i} [D loss: {-x:f}] [G loss: {x:f}]",
    "pytorch-gan": lambda i, x: f"[Epoch {i // 938}/200] [Batch {i % 938}/938] [D loss: {x:f}] [G loss: {x:f}]",
    "pytorch-gan-acgan": lambda i, x: f"[Epoch {i // 938}/200] [Batch {i % 938}/938] "
                                      f"[D loss: {x:f}, acc: {int(100 * x)}%] [G loss: {x:f}]",
    "pytorch-examples-dcgan": lambda i, x: f"[{i // 469}/25][{i % 469}/469] Loss_D: {x:.4f} Loss_G: {x:.4f} "
                                           f"D(x): {x:.4f} D(G(z)): {x:.4f} / {x / 2:.4f}",
    "brownlee": lambda i, x: f">{i + 1}, d1={x:.3f}, d2={x:.3f} g={x:.3f}, a1={int(100 * x)}, a2={int(50 * x)}",
}


@pytest.mark.parametrize("fmt", sorted(_LINE_MAKERS))
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_clean_logs_of_every_console_format_take_the_fast_path(monkeypatch, fmt, newline):
    values = np.random.default_rng(1).random(3000)
    lines = [_LINE_MAKERS[fmt](i, x) for i, x in enumerate(values)]
    text = newline.join(lines[:1500] + ["Epoch done", "", " 10%|#  | 1/10 [00:01<00:09]"] + lines[1500:]) + newline
    with monkeypatch.context() as patch:
        patch.setattr(ConsoleParser, "_fast", lambda self, chunk: None)
        line_by_line = read_text(text)

    def no_slow_path(*args, **kwargs):
        raise AssertionError("a clean log must not need the line-by-line path")

    monkeypatch.setattr(ConsoleParser, "_slow", no_slow_path)
    fast = read_text(text)
    assert fast.format == fmt and len(fast) == 3000
    assert np.array_equal(fast.step, line_by_line.step)
    for name, column in line_by_line.columns.items():
        assert np.array_equal(fast.columns[name], column, equal_nan=True), name
