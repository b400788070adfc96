"""The base of every error gantuner raises for the user to read.

A :class:`GantunerError` carries a one-line message as a
:class:`~gantuner.text.Text` (English and, where the raising module has one,
Japanese): ``str(error)`` is the English text, ``error.message("ja")`` the
Japanese and ``error.text`` both.  Callers that show errors (the command
line, the window) can then print any gantuner error as it is, without sniffing
module names.

Messages often quote a file's name or a piece of its content; both come from
the user's files and may hold terminal escape sequences.  Every message passes
through :func:`printable`, so such bytes are shown as ``\\x1b``, never acted on
by the terminal.
"""

from __future__ import annotations

import unicodedata

from .text import Text


def printable(text: object) -> str:
    """``text`` with control and formatting characters (ESC, CR, bidi overrides...) escaped.

    Tabs stay; every other character of Unicode category C (Cc, Cf, Cs, Co, Cn)
    becomes a visible ``\\xNN`` / ``\\uNNNN`` escape.
    """
    text = str(text)
    if text.isprintable():  # the common case, and fast
        return text
    out = []
    for ch in text:
        if ch == "\t" or not unicodedata.category(ch).startswith("C"):
            out.append(ch)
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
    return "".join(out)


class GantunerError(Exception):
    """An error the user can act on: the message names the problem and the fix.

    ``message``: a :class:`Text`, or a string (the same in both languages).
    Subclasses keep their own constructors and pass their message here, where it
    is made printable.
    """

    def __init__(self, message: Text | str = "") -> None:
        self.text = Text.of(message).map(printable)
        super().__init__(self.text.en)

    def __str__(self) -> str:
        return self.text.en

    def message(self, language: str = "en") -> str:
        return self.text.get(language)
