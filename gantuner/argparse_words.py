"""argparse's own words ("usage:", "options:", "error:", ...) in Japanese.

argparse builds those words with ``gettext`` at run time: its module does
``from gettext import gettext as _, ngettext`` and calls ``_()`` and
``ngettext()`` both while a parser is built (section titles, the help
option's help) and while it parses and prints (usage, errors).  Python has no
per-parser hook for them, and the alternative, a compiled catalogue bound as
gettext's global domain, would be picked by the environment's variables and
change every other user of gettext.  So :func:`argparse_speaking` swaps
those two names in the argparse module for a translation's, only for the
``with`` block, and puts the originals back after it.  It is the least
fragile way found: when argparse no longer has them (a future Python), it
changes nothing and the words stay English; a message this table does not
know (a new Python's new wording) stays English too.
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterator
from contextlib import contextmanager

# Python 3.11's argparse messages a user can meet (the ones a programmer's
# mistake raises, like a conflicting option string, are left in English).
JAPANESE: dict[str, str] = {
    "usage: ": "使い方: ",
    "positional arguments": "位置引数",
    "options": "オプション",
    "show this help message and exit": "このヘルプを表示して終了します",
    "show program's version number and exit": "バージョンを表示して終了します",
    "%(prog)s: error: %(message)s\n": "%(prog)s: エラー: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "次の引数が必要です: %s",
    "one of the arguments %s is required": "引数 %s のどれか1つが必要です",
    "unrecognized arguments: %s": "認識できない引数です: %s",
    "not allowed with argument %s": "引数 %s と一緒には使えません",
    "ignored explicit argument %r": "指定された値 %r は使われません",
    "expected one argument": "値を1つ指定してください",
    "expected at most one argument": "値は多くても1つです",
    "expected at least one argument": "値を1つ以上指定してください",
    "expected %s argument": "値を %s 個指定してください",
    "expected %s arguments": "値を %s 個指定してください",
    "ambiguous option: %(option)s could match %(matches)s":
        "あいまいなオプションです: %(option)s は %(matches)s のどれにも当てはまります",
    "unexpected option string: %s": "予期しないオプションです: %s",
    "invalid %(type)s value: %(value)r": "%(type)s として正しくない値です: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "選べない値です: %(value)r (%(choices)s から選んでください)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "不明なコマンドです: %(parser_name)r (選べるのは %(choices)s)",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' を開けません: %(error)s",
}


class _Words(gettext.NullTranslations):
    """A translation held in a dict; a message it does not hold stays as argparse wrote it."""

    def __init__(self, words: dict[str, str]):
        super().__init__()
        self.words = words

    def gettext(self, message: str) -> str:
        return self.words.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        english = singular if n == 1 else plural
        return self.words.get(english, english)


@contextmanager
def argparse_speaking(language: str) -> Iterator[None]:
    """Inside the block, parsers built, run and printed say argparse's words in ``language``."""
    if language != "ja" or not (callable(getattr(argparse, "_", None))
                                and callable(getattr(argparse, "ngettext", None))):
        yield
        return
    words = _Words(JAPANESE)
    originals = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = words.gettext, words.ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = originals
