"""Where the app keeps its preferences, window layout and recent runs (QSettings).

Always an INI file in the user scope, so tests can point the whole scope at a
temporary folder with ``QSettings.setPath`` and never touch the user's file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "gantuner"
APPLICATION = "gantuner"
MAX_RECENT = 10

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_LANGUAGE = "preferences/language"
KEY_DEVICE = "preferences/device"
KEY_RUNS_DIR = "preferences/runs_dir"
KEY_THREADS = "preferences/threads"   # CPU threads for training; 0 or absent: chosen for the machine
KEY_RECENT = "recent_runs"


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def read_str(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return value if isinstance(value, str) else default


def read_int(settings: QSettings, key: str, default: int = 0) -> int:
    value = settings.value(key, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def recent_runs(settings: QSettings) -> list[str]:
    value = settings.value(KEY_RECENT, [])
    if isinstance(value, str):  # QSettings gives a bare string for a one-item list
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent_run(settings: QSettings, path: Path | str) -> list[str]:
    text = str(Path(path))
    runs = [text] + [r for r in recent_runs(settings) if r != text]
    runs = runs[:MAX_RECENT]
    settings.setValue(KEY_RECENT, runs)
    return runs
