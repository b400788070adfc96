"""The one exception the log readers raise."""

from __future__ import annotations

from gantuner.errors import GantunerError
from gantuner.text import Text


class LogError(GantunerError):
    """A log that cannot be read: the message names the file and what to do.

    ``str(error)`` is the English message; ``error.message("ja")`` gives the
    Japanese one, so the GUI can show the user's language without parsing text.
    """


def missing(path: object) -> LogError:
    return LogError(Text(f"{path}: no such file or folder; check the path",
                         f"{path}: ファイルもフォルダもありません。パスを確認してください"))


def unreadable(path: object, error: OSError) -> LogError:
    return LogError(Text(f"{path}: cannot be read ({error.strerror}); check the path and permissions",
                         f"{path}: 読めません({error.strerror})。パスとアクセス権を確認してください"))
