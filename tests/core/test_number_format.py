"""One rule for each kind of number, wherever it is shown."""

from __future__ import annotations

from gantuner import knobs, number_format
from gantuner.cli import progress_line
from gantuner.diagnosis import diagnose
from gantuner.diagnosis import texts as T
from gantuner.diagnosis.hints import Action
from gantuner.quality.descriptions import format_value as quality_value
from gantuner.text import Text

from .diagnosis_tables import per_step, warmup_then


def test_a_setting_reads_the_same_in_a_marker_a_range_and_an_action():
    assert [number_format.setting(v) for v in (2e-4, 0.5, 1.0, 64, 1e-6, 150000.0)] == \
        ["2e-4", "0.5", "1", "64", "1e-6", "1.5e5"]
    # The bound of lr_d as the error message's range says it, as a marker says a value.
    assert knobs.KNOBS["lr_d"].range_text() == "1e-6 .. 1" == \
        f"{knobs.format_value('lr_d', 1e-6)} .. {knobs.format_value('lr_d', 1.0)}"
    action = Action("d_dropout", "add", 0.25, False, Text("x"), limit=0.5)
    assert action.op_text() == "+0.25 (at most 0.5)" and Action("lr_d", "mul", 0.5, False, Text("x")).op_text() == "x0.5"
    # A spin box keeps more digits, by the same rule, and reads back exactly.
    shown = number_format.setting(0.000123456, digits=6)
    assert shown == "1.23456e-4" and float(shown) == 0.000123456


def test_a_measured_number_reads_the_same_in_hints_and_in_the_quality_panel():
    assert [number_format.measured(x) for x in (0.000624, 1.23456, 591000.0, 1234.6, float("nan"))] == \
        ["6.24e-04", "1.23", "5.91e+05", "1,235", "n/a"]
    assert T.measured is number_format.measured
    assert quality_value("quality_fid", 1234.6) == "1,235 classifier feature units"
    assert quality_value("quality_reverse_kl", 0.000624) == "6.24e-04 nats"


def test_percentages_counts_and_sizes():
    assert number_format.percent(0.96, whole=True) == "96 %" and number_format.percent(0.96, "ja", whole=True) == "96%"
    assert quality_value("quality_high_quality", 0.96, None, "ja") == "96%"
    assert number_format.count(5350) == "5,350"
    assert [number_format.byte_size(n) for n in (512, 3 * 1024**2, 3 * 1024**3 // 2)] == \
        ["512 bytes", "3.0 MiB", "1.5 GiB"]


def test_fixed_decimals_speeds_clock_times_and_timings():
    assert [number_format.fixed(x) for x in (0.91234, 0.9, 0.5, float("nan"))] == ["0.912", "0.900", "0.500", "n/a"]
    assert number_format.fixed(0.00031, 4) == "0.0003" and number_format.fixed(0.876, 2) == "0.88"
    assert [number_format.rate(x) for x in (12.345, 0.04, 99.94, 184.4, 1234.6)] == \
        ["12.3", "0.0", "99.9", "184", "1,235"]
    assert [number_format.duration(s) for s in (0, 59.9, 3725.4, 36000)] == ["0:00:00", "0:00:59", "1:02:05", "10:00:00"]
    assert number_format.seconds(1.2345) == "1.2 s" and number_format.seconds(1.2345, 2) == "1.23 s"


def test_the_command_line_progress_says_losses_and_accuracy_by_the_rules():
    assert progress_line({"d_loss": 0.69314, "g_loss": 2.0812, "d_acc": 0.9734}) == "D 0.693 G 2.08 acc 97 %"
    # A log row without D's accuracy (or a loss) says so instead of "nan%".
    assert progress_line({"d_loss": 1.5e-05, "g_loss": 12345.0}) == "D 1.50e-05 G 1.23e+04 acc ?"


def test_diagnosis_sentences_say_d_outputs_and_ratios_by_the_rules():
    slow = diagnose(per_step(1500, acc=0.5, d_loss=0.6935, g_loss=0.70, d_x=0.5, d_g_z=0.5, noise=0.05),
                    knobs={"lr_d": 1e-6, "lr_g": 1e-6})[0]
    d_x, d_g_z = (number_format.fixed(slow.evidence[k]) for k in ("d_x_mean", "d_g_z_mean"))
    assert f"D(x) = {d_x}, D(G(z)) = {d_g_z}" in slow.explanation("en")
    assert f"D(x) = {d_x}、D(G(z)) = {d_g_z}" in slow.explanation("ja")
    weak = diagnose(per_step(3000, acc=warmup_then(0.5, 0.9), d_loss=0.70, g_loss=0.69),
                    knobs={"lr_d": 3e-5, "lr_g": 2e-4, "d_dropout": 0.0, "label_smoothing": 0.0,
                           "instance_noise": 0.0})[0]
    assert weak.id == "d_too_weak" and "is 1/6.67 of G's" in weak.explanation("en")
