"""Hints and actions as data: applying an action, JSON, the texts' two languages."""

from __future__ import annotations

import json
import math
import string

import numpy as np
import pytest

from gantuner import knobs
from gantuner.diagnosis import Action, DiagnosisError, Hint
from gantuner.diagnosis import texts as T
from gantuner.diagnosis.actions import WEAKEN_D, make_actions
from gantuner.diagnosis.hints import json_number
from gantuner.text import Text


def action(knob, op, value, limit=None):
    return Action(knob=knob, op=op, value=value, needs_restart=not knobs.KNOBS[knob].live,
                  label_text=Text("x", "x"), limit=limit)


def test_apply_multiplies_adds_and_sets():
    assert action("lr_d", "mul", 0.5).apply_to({"lr_d": 2e-4}) == 1e-4
    assert action("g_depth", "add", 1).apply_to({"g_depth": 2}) == 3
    assert action("d_batchnorm", "set", False).apply_to({"d_batchnorm": True}) is False
    assert action("loss", "set", "lsgan").apply_to({}) == "lsgan"


def test_apply_uses_the_default_when_the_knob_is_unknown():
    assert action("lr_d", "mul", 0.5).apply_to({}) == knobs.KNOBS["lr_d"].default / 2
    assert action("g_width", "mul", 2).apply_to(None) == 2 * knobs.KNOBS["g_width"].default


def test_apply_clamps_to_the_range_and_the_limit():
    assert action("lr_d", "mul", 0.5).apply_to({"lr_d": 1e-6}) == 1e-6  # the knob's minimum
    assert action("g_depth", "add", 1).apply_to({"g_depth": 8}) == 8
    up = action("d_dropout", "add", 0.2, limit=0.5)
    assert up.apply_to({"d_dropout": 0.0}) == pytest.approx(0.2)
    assert up.apply_to({"d_dropout": 0.4}) == pytest.approx(0.5)
    assert up.apply_to({"d_dropout": 0.7}) == pytest.approx(0.7)  # never pulled back down
    down = action("d_dropout", "add", -0.2, limit=0.0)
    assert down.apply_to({"d_dropout": 0.1}) == 0.0


def test_apply_rounds_integers_away_from_a_no_op():
    assert action("batch_size", "mul", 0.5).apply_to({"batch_size": 3}) == 2
    assert action("batch_size", "mul", 2).apply_to({"batch_size": 4096}) == 4096
    assert isinstance(action("g_width", "mul", 2).apply_to({"g_width": 33}), int)


def test_apply_validates():
    with pytest.raises(knobs.KnobError):
        action("lr_d", "mul", 0.5).apply_to({"lr_d": "fast"})
    with pytest.raises(knobs.KnobError):
        Action(knob="lr_q", op="mul", value=2, needs_restart=False, label_text=Text(""))
    with pytest.raises(DiagnosisError):
        Action(knob="lr_d", op="pow", value=2, needs_restart=False, label_text=Text(""))
    with pytest.raises(DiagnosisError):
        action("loss", "mul", 2).apply_to({"loss": "bce"})


def test_no_op_detection():
    assert action("d_batchnorm", "set", False).is_noop({"d_batchnorm": False})
    assert not action("d_batchnorm", "set", False).is_noop({"d_batchnorm": True})
    assert action("d_dropout", "add", 0.2, limit=0.5).is_noop({"d_dropout": 0.5})


def test_op_text_for_the_report():
    assert action("lr_d", "mul", 0.5).op_text() == "x0.5"
    assert action("d_dropout", "add", 0.2, limit=0.5).op_text() == "+0.2 (at most 0.5)"
    assert action("d_dropout", "add", 0.2, limit=0.5).op_text("ja") == "+0.2 (上限 0.5)"
    assert action("d_batchnorm", "set", False).op_text() == "= off"


def test_make_actions_without_knobs_gives_all_advice_in_order():
    acts = make_actions(WEAKEN_D, None)
    assert [a.knob for a in acts] == ["d_batchnorm", "d_dropout", "lr_d", "lr_g", "g_width",
                                      "g_depth", "label_smoothing", "instance_noise"]
    assert all(a.new_value is None for a in acts)
    assert all(a.label_text.en and a.label_text.ja for a in acts)


def test_make_actions_keeps_an_unusable_knob_value_as_general_advice():
    acts = make_actions(WEAKEN_D, {"lr_d": "oops"})
    lr = next(a for a in acts if a.knob == "lr_d")
    assert lr.new_value is None


def test_hint_json():
    h = Hint(id="x", severity="warning", title_text=Text("T", "題"), explanation_text=Text("E", "説明"),
             step_range=(np.int64(5), np.int64(9)),
             evidence={"a": np.float64(0.123456789), "b": float("nan"), "c": np.int64(3),
                       "d": [np.float32(1.5)], "e": "text"},
             actions=[action("lr_d", "mul", 0.5)])
    data = h.to_json()
    json.dumps(data, allow_nan=False)
    assert data["step_range"] == [5, 9]
    assert data["evidence"] == {"a": 0.1235, "b": "nan", "c": 3, "d": [1.5], "e": "text"}
    assert data["actions"][0] == {"knob": "lr_d", "op": "mul", "value": 0.5,
                                  "needs_restart": False, "limit": None, "new_value": None,
                                  "label": "x", "label_ja": "x"}
    assert (data["title"], data["title_ja"], data["explanation"]) == ("T", "題", "E")
    with pytest.raises(DiagnosisError):
        Hint(id="x", severity="fatal", title_text=Text(""), explanation_text=Text(""),
             step_range=(0, 0))


def test_json_number():
    assert json_number(math.inf) == "inf" and json_number(-math.inf) == "-inf"
    assert json_number(True) is True and json_number(None) is None
    assert json_number(np.bool_(False)) is False


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("table", [T.PARTS, T.TITLES, T.REPORT_WORDS, T.CHANGES, T.MOVED,
                                   T.WEAK_REASONS])
def test_both_languages_have_the_same_fields(table):
    for key, text in table.items():
        en, ja = text.en, text.ja
        assert en and ja, key
        assert _fields(en) == _fields(ja), key


def test_japanese_uses_the_seed_vocabulary():
    ja = " ".join(p.ja for p in T.PARTS.values())
    for word in ("識別器", "生成器", "正解率", "学習率", "ドロップアウト", "バッチ正規化", "損失", "勾配"):
        assert word in ja, word
    labels = " ".join(p.ja for p in T.ACTION_LABELS.values())
    assert "識別器のバッチ正規化を外す" in labels


def test_percent_formatting():
    assert T.percent(0.997) == "99.7 %" and T.percent(0.997, "ja") == "99.7%"
    assert T.percent(1.0) == "100 %" and T.percent(float("nan")) == "?"
    assert T.count(5350) == "5,350"
    assert T.measured(0.000624) == "6.24e-04" and T.measured(1.23456) == "1.23" and T.measured(591000) == "5.91e+05"
