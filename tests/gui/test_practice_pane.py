"""The practice pane: answers clicked give the right verdict, the diagnosis is revealed, the score counts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gantuner.learning.practice import PracticeSession, load_scenarios


def make_pane(qtbot):
    from gantuner.gui.practice_pane import PracticePane

    chosen = {s.id: s for s in load_scenarios()}
    session = PracticeSession([chosen["article_example_1"], chosen["mode_collapse"]])
    pane = PracticePane(session=session)
    qtbot.addWidget(pane)
    pane.resize(1000, 600)
    pane.show()
    pane.next()
    pane.next()  # back at the first, shown
    return pane


def test_right_answer_scores_two_and_reveals_the_diagnosis(qtbot):
    pane = make_pane(qtbot)
    x, y = pane.curves["d_acc"].getData()
    assert list(x) == [50, 1000, 2150, 3200, 4300, 5350] and y[0] == 1.0
    pane.choose("d_too_strong", "weaken_d")
    qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    text = pane.result.text()
    assert "Right hypothesis." in text and "Right change." in text
    assert "D is too strong" in text or "too strong" in text.lower()
    assert "Evidence:" in text and "Keras-GAN log quoted in the article" in text
    assert pane.score_label.text() == "Score: 2 / 2"
    assert not pane.check_button.isEnabled()


def test_wrong_answer_says_what_the_diagnosis_found_and_the_better_change(qtbot):
    pane = make_pane(qtbot)
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)   # the recorded collapse
    assert pane.title.text().startswith("<b>Recorded run")
    pane.choose("healthy", "keep")
    qtbot.mouseClick(pane.check_button, Qt.MouseButton.LeftButton)
    text = pane.result.text()
    assert "Not this time: the diagnosis says: Mode collapse" in text
    assert "A better change: Fight collapse" in text
    assert pane.score_label.text() == "Score: 0 / 2"
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert pane.check_button.isEnabled() and pane.hypotheses.checkedButton() is None


def test_checking_without_choices_asks_for_them(qtbot):
    pane = make_pane(qtbot)
    assert pane.check() is None
    assert pane.result.text() == "Pick a hypothesis and a change first."
    assert pane.score_label.text() == "Score: 0 / 0"
