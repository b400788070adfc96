"""Text: the core's one way to hold English and Japanese."""

from __future__ import annotations

import pytest

from gantuner.text import Text


def test_get_picks_the_language_and_falls_back_to_english():
    assert Text("Hints", "ヒント").get("ja") == "ヒント" and Text("Hints", "ヒント").get("en") == "Hints"
    assert Text("lr_d").get("ja") == "lr_d" and str(Text("Hints", "ヒント")) == "Hints"


def test_format_fills_both_templates_and_a_text_value_per_language():
    template = Text("{knob} was halved at step {step}", "ステップ {step} で {knob} を半分にし")
    knob = Text("D learning rate", "D の学習率")
    filled = template.format(knob=knob, step="4,000")
    assert filled == Text("D learning rate was halved at step 4,000", "ステップ 4,000 で D の学習率 を半分にし")
    with pytest.raises(KeyError):
        template.format(step=1)


def test_json_fields_round_trip_and_old_files_read_the_same():
    text = Text("Checkpoint saved", "チェックポイントを保存しました")
    event = {"type": "info", **text.fields("message")}
    assert event == {"type": "info", "message": "Checkpoint saved", "message_ja": "チェックポイントを保存しました"}
    assert Text.from_fields(event, "message") == text
    assert Text.from_fields({"message": "only English"}, "message").get("ja") == "only English"
    assert Text.from_fields({}, "message") is None


def test_join_and_map_work_per_language():
    joined = Text.join(Text("D is strong.", "識別器が強い。"), Text("", ""), Text("Lower lr_d.", "lr_d を下げる。"))
    assert joined == Text("D is strong. Lower lr_d.", "識別器が強い。lr_d を下げる。")
    assert Text("a\x1b", "あ\x1b").map(lambda s: s.replace("\x1b", "?")) == Text("a?", "あ?")
    assert Text.of("plain") == Text("plain") and Text.of(joined) is joined


def test_a_list_joins_with_each_languages_separator():
    parts = (Text("D dropout 0.3", "D のドロップアウト 0.3"), Text("D batch norm off", "D のバッチ正規化 オフ"))
    joined = Text.join(*parts, english_separator=", ", japanese_separator="、")
    assert joined == Text("D dropout 0.3, D batch norm off", "D のドロップアウト 0.3、D のバッチ正規化 オフ")


def test_the_environment_locale_picks_the_language():
    from gantuner.text import environment_language

    assert environment_language({"LANG": "ja_JP.UTF-8"}) == "ja"
    assert environment_language({"LC_ALL": "C.UTF-8", "LANG": "ja_JP.UTF-8"}) == "en"  # LC_ALL wins
    assert environment_language({"LC_MESSAGES": "ja_JP", "LANG": "en_GB.UTF-8"}) == "ja"
    assert environment_language({}) == "en"
