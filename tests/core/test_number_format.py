"""One rule for each kind of number, wherever it is shown."""

from __future__ import annotations

from gantuner import knobs, number_format
from gantuner.diagnosis import texts as T
from gantuner.diagnosis.hints import Action
from gantuner.quality.descriptions import format_value as quality_value
from gantuner.text import Text


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
