"""The one exception the log readers raise."""

from __future__ import annotations

from gantuner.errors import GantunerError


class LogError(GantunerError):
    """A log that cannot be read: the message names the file and what to do.

    ``str(error)`` is the English message; ``error.message("ja")`` gives the
    Japanese one, so the GUI can show the user's language without parsing text.
    """

    def __init__(self, message_en: str, message_ja: str = "") -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_ja = message_ja or message_en

    def message(self, language: str = "en") -> str:
        return self.message_ja if language == "ja" else self.message_en


def missing(path: object) -> LogError:
    return LogError(f"{path}: no such file or folder; check the path",
                    f"{path}: ファイルもフォルダもありません。パスを確認してください")


def unreadable(path: object, error: OSError) -> LogError:
    return LogError(f"{path}: cannot be read ({error.strerror}); check the path and permissions",
                    f"{path}: 読めません({error.strerror})。パスとアクセス権を確認してください")
