"""The base of every error gantuner raises for the user to read.

A :class:`GantunerError` carries a one-line message in English and, where the
raising module has one, Japanese: ``str(error)`` is the English text and
``error.message("ja")`` the Japanese.  Callers that show errors (the command
line, the window) can then print any gantuner error as it is, without sniffing
module names.

Messages often quote a file's name or a piece of its content; both come from
the user's files and may hold terminal escape sequences.  Every message passes
through :func:`printable`, so such bytes are shown as ``\\x1b``, never acted on
by the terminal.
"""

from __future__ import annotations

import unicodedata


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

    Subclasses keep their own constructors; whatever they assign to
    ``message_en`` / ``message_ja`` is made printable here.
    """

    def __init__(self, message: str = "", message_ja: str = "", *args: object) -> None:
        super().__init__(printable(message), *args)
        self.message_en = message
        self.message_ja = message_ja or message

    @property
    def message_en(self) -> str:
        return self.__dict__.get("_message_en", printable(super().__str__()))

    @message_en.setter
    def message_en(self, value: str) -> None:
        self.__dict__["_message_en"] = printable(value)

    @property
    def message_ja(self) -> str:
        return self.__dict__.get("_message_ja", self.message_en)

    @message_ja.setter
    def message_ja(self, value: str) -> None:
        self.__dict__["_message_ja"] = printable(value)

    def __str__(self) -> str:
        return self.message_en

    def message(self, language: str = "en") -> str:
        return self.message_ja if language == "ja" else self.message_en
