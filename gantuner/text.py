"""Text in English and Japanese: the core's one way to hold words for the user.

A :class:`Text` is a pair of strings; ``text.get(language)`` picks one (an
empty Japanese falls back to the English).  Templates fill both languages at
once with :meth:`Text.format`, where a value that is itself a :class:`Text`
gives each language its own wording.  Files and JSON keep their keys
(``"message"`` / ``"message_ja"``): :meth:`Text.fields` and
:meth:`Text.from_fields` convert at that edge.  The window's own labels use
Qt's translations (``tr()`` and the .ts files), not this type.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("en", "ja")


@dataclass(frozen=True)
class Text:
    en: str
    ja: str = ""  # empty: the English is shown

    def get(self, language: str = "en") -> str:
        return self.ja if language == "ja" and self.ja else self.en

    def __str__(self) -> str:
        return self.en

    def format(self, **values: Any) -> Text:
        """Both templates filled in; a :class:`Text` value gives each language its wording."""
        return Text(self.en.format(**_picked(values, "en")), self.get("ja").format(**_picked(values, "ja")))

    def map(self, change: Callable[[str], str]) -> Text:
        """``change`` applied to each language (e.g. escaping control characters)."""
        return Text(change(self.en), change(self.ja) if self.ja else "")

    def fields(self, key: str) -> dict[str, str]:
        """The JSON form: ``{key: English, key + "_ja": Japanese}``."""
        return {key: self.en, key + "_ja": self.get("ja")}

    @classmethod
    def from_fields(cls, mapping: Mapping[str, Any], key: str) -> Text | None:
        """The text a JSON object holds under ``key`` (and ``key + "_ja"``); None when absent."""
        english = mapping.get(key)
        if english is None:
            return None
        japanese = mapping.get(key + "_ja")
        return cls(str(english), str(japanese) if japanese else "")

    @classmethod
    def of(cls, value: Text | str) -> Text:
        """``value`` as a Text (a plain string is the same in both languages)."""
        return value if isinstance(value, Text) else cls(str(value))

    @staticmethod
    def join(*parts: Text, english_separator: str = " ", japanese_separator: str = "") -> Text:
        """Sentences joined per language (by default a space in English, nothing in Japanese;
        a list is ``english_separator=", ", japanese_separator="、"``)."""
        return Text(english_separator.join(p.en for p in parts if p.en),
                    japanese_separator.join(p.get("ja") for p in parts if p.get("ja")))


def environment_language(env: Mapping[str, str] | None = None) -> str:
    """The language the environment's locale asks for ("ja" for ja_JP.UTF-8, else "en"):
    what the command line speaks without ``--lang``, and the window before Qt is up."""
    env = os.environ if env is None else env
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def _picked(values: Mapping[str, Any], language: str) -> dict[str, Any]:
    return {k: (v.get(language) if isinstance(v, Text) else v) for k, v in values.items()}
