"""One Japanese word per term: a learner meets the window's ノブ dock, so the CLI, the guide and the
hints say ノブ too (つまみ had crept into four places)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# term: (the word gantuner uses, words that must not appear for it)
GLOSSARY = {"knob": ("ノブ", ("つまみ",))}


def test_each_term_has_one_japanese_word():
    shipped = [*ROOT.joinpath("gantuner").rglob("*.py"), *ROOT.joinpath("resources", "i18n").glob("*.ts")]
    found = []
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        for term, (word, others) in GLOSSARY.items():
            found += [f"{path.relative_to(ROOT)}: {other} (say {word} for {term})" for other in others if other in text]
    assert not found, found
