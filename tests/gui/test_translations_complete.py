"""Japanese is first-class: every string the GUI passes to tr()/translate() has a Japanese
translation in the one resources/i18n/gantuner_ja.ts, which holds nothing else, and its
compiled .qm (the file the app loads) says the same."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS_FILE = I18N / "gantuner_ja.ts"
UPDATE = ("pyside6-lupdate gantuner/gui/*.py -no-obsolete -ts resources/i18n/gantuner_ja.ts, translate, then "
          "pyside6-lrelease resources/i18n/gantuner_ja.ts -qm resources/i18n/gantuner_ja.qm")


def _lupdate() -> str | None:
    beside_python = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside_python) if beside_python.exists() else shutil.which("pyside6-lupdate")


def _messages(ts_file: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation text, its type: None when finished)."""
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                found[(name, message.findtext("source"))] = ("", "unfinished")
            else:
                found[(name, message.findtext("source"))] = (translation.text or "", translation.get("type"))
    return found


def _extracted(tmp_path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    tool = _lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    sources = sorted(str(p) for p in (ROOT / "gantuner" / "gui").glob("*.py"))
    extracted = tmp_path / "extracted_ja.ts"
    subprocess.run([tool, *sources, "-ts", str(extracted)], check=True, capture_output=True, timeout=120)
    wanted = _messages(extracted)
    assert len(wanted) > 100  # the extraction itself worked
    return wanted


def test_one_translation_file_is_shipped():
    assert sorted(p.name for p in I18N.iterdir() if p.suffix in (".ts", ".qm")) == ["gantuner_ja.qm", "gantuner_ja.ts"]


def test_every_gui_string_has_a_japanese_translation(tmp_path):
    wanted = _extracted(tmp_path)
    shipped = _messages(TS_FILE)
    missing = sorted(key for key in wanted
                     if key not in shipped or shipped[key][1] is not None or not shipped[key][0])
    assert not missing, f"strings without Japanese in gantuner_ja.ts ({UPDATE}): {missing}"


def test_the_translation_file_holds_no_string_the_sources_lost(tmp_path):
    wanted = _extracted(tmp_path)
    shipped = _messages(TS_FILE)
    gone = sorted(key for key in shipped if key not in wanted)
    marked = sorted(key for key, (_text, kind) in shipped.items() if kind in ("obsolete", "vanished"))
    assert not gone and not marked, f"gantuner_ja.ts holds strings no source has ({UPDATE}): {gone + marked}"


def test_the_compiled_file_says_what_the_ts_says():
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(TS_FILE.with_suffix(".qm")))
    stale = [key for key, (text, kind) in _messages(TS_FILE).items()
             if kind is None and text and translator.translate(key[0], key[1]) != text]
    assert not stale, f"run pyside6-lrelease on gantuner_ja.ts: its .qm lacks {stale[:5]}"
