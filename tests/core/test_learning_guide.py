"""The guide's way of working, in both languages."""

from gantuner.learning.guide import SECTIONS, guide_html


def test_guide_walks_hypothesis_change_one_knob_compare_in_both_languages():
    en, ja = guide_html("en"), guide_html("ja")
    for words in ("Form hypotheses", "Change one knob", "Compare", "remove D's batch norm", "Example 1"):
        assert words in en
    for words in ("仮説を立てる", "ノブを一つだけ変える", "比べる", "例題1"):
        assert words in ja
    assert en.count("<h3>") == ja.count("<h3>") == len(SECTIONS) == 5
