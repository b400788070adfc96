"""One Japanese word per term: a learner meets the window's ノブ dock, so the CLI, the guide and the
hints say ノブ too (つまみ had crept into four places); a run is 実行 and a folder フォルダ everywhere
(ラン and フォルダー had crept into the disk-trouble messages)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# term: (the word gantuner uses, patterns of words that must not appear for it)
GLOSSARY = {
    "knob": ("ノブ", (r"つまみ",)),
    "run": ("実行", (r"ラン(?=[をはのがにで])",)),   # not ランダム
    "folder": ("フォルダ", (r"フォルダー",)),
}


def test_each_term_has_one_japanese_word():
    shipped = [*ROOT.joinpath("gantuner").rglob("*.py"), *ROOT.joinpath("resources", "i18n").glob("*.ts")]
    found = []
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        for term, (word, others) in GLOSSARY.items():
            found += [f"{path.relative_to(ROOT)}: {match.group()} (say {word} for {term})"
                      for other in others for match in re.finditer(other, text)]
    assert not found, found
