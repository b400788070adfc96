"""Practice scenarios: the shipped recordings show what they were recorded to show, and answers score."""

import json

import pytest

from gantuner.learning.practice import CHANGES, HYPOTHESES, RIGHT_CHANGE, PracticeSession, check, load_scenarios
from gantuner.paths import resource


@pytest.fixture(scope="module")
def scenarios():
    return {s.id: s for s in load_scenarios()}


def test_every_scenario_is_shipped_small_and_diagnosed_as_recorded(scenarios):
    catalogue = json.loads(resource("practice", "scenarios.json").read_text(encoding="utf-8"))
    assert set(catalogue) == {"d_too_strong", "d_too_weak", "mode_collapse", "divergence", "healthy"}
    for name, entry in catalogue.items():
        scenario = scenarios[name]
        assert 20 <= len(scenario.table) <= 400, name
        assert resource("practice", entry["file"]).stat().st_size < 60_000
        expected = "healthy" if name == "healthy" else name
        verdict = check(scenario, expected, RIGHT_CHANGE[expected])
        assert verdict.expected == expected, (name, [(h.id, h.severity) for h in verdict.hints])
        assert verdict.points == 2


def test_the_articles_examples_read_as_the_article_reads_them(scenarios):
    assert check(scenarios["article_example_1"], "d_too_strong", "weaken_d").points == 2
    verdict = check(scenarios["article_example_2"], "d_too_strong", "weaken_d")
    assert verdict.expected == "healthy" and verdict.points == 0 and verdict.right_change == "keep"


def test_session_scores_first_answers_only_and_moves_on(scenarios):
    session = PracticeSession([scenarios["article_example_1"], scenarios["divergence"]])
    first = session.answer("d_too_strong", "keep")         # right hypothesis, wrong change
    assert (first.hypothesis_right, first.change_right, session.score, session.possible) == (True, False, 1, 2)
    assert session.answer("d_too_strong", "weaken_d") is first and session.score == 1
    assert session.next().id == "divergence"
    session.answer("divergence", "lower_lr")
    assert (session.score, session.possible) == (3, 4)
    assert session.next().id == "article_example_1"


def test_unknown_answers_are_refused_by_name(scenarios):
    with pytest.raises(ValueError, match="unknown hypothesis 'bored'"):
        check(scenarios["healthy"], "bored", "keep")
    with pytest.raises(ValueError, match="unknown change"):
        check(scenarios["healthy"], "healthy", "pray")


def test_every_answer_has_both_languages():
    for texts in (HYPOTHESES, CHANGES):
        for text in texts.values():
            assert text.en and text.ja and text.en != text.ja


@pytest.mark.slow
def test_the_recording_script_regenerates_a_scenario(tmp_path):
    import csv

    from gantuner.learning.record_scenarios import MAX_ROWS, main

    assert main(["--only", "divergence", "--out", str(tmp_path)]) == 0
    entry = json.loads((tmp_path / "scenarios.json").read_text(encoding="utf-8"))["divergence"]
    assert entry["diagnosis"][0] == "divergence" and entry["knobs"]["lr_d"] == 0.5
    with (tmp_path / "divergence.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["step", "d_loss", "g_loss", "d_acc"] and 20 < len(rows) - 1 <= MAX_ROWS + 1
