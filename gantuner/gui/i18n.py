"""The interface language, switchable while the app runs.

Every user-facing string goes through Qt's ``tr()``; Japanese comes from the
one compiled ``resources/i18n/gantuner_ja.qm`` plus Qt's own ``qtbase_ja`` for
standard dialogs.  Installing or removing a translator makes Qt post a
LanguageChange event to every widget, and each widget's ``changeEvent``
re-labels itself, so no restart is needed.  Words from the core (knob labels
and help, diagnosis hints, run events) are :class:`gantuner.text.Text`,
chosen by :func:`current_language`.

After adding or changing strings in gantuner/gui, update the one Japanese file
(existing translations are kept, strings gone from the sources are dropped)::

    pyside6-lupdate gantuner/gui/*.py -no-obsolete -ts resources/i18n/gantuner_ja.ts
    # translate the new (type="unfinished") entries in Qt Linguist or the XML, then
    pyside6-lrelease resources/i18n/gantuner_ja.ts -qm resources/i18n/gantuner_ja.qm

tests/gui/test_translations_complete.py fails while a string lacks Japanese,
while the .ts holds a string the sources no longer have, or while the .qm
does not say what the .ts says.  When two branches both add strings, a merge conflict in
the .ts is settled by keeping both sides' ``<message>`` entries and running
the two commands above again (lupdate puts them back in order); the .qm is
never merged, only regenerated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resource
from ..text import LANGUAGES

# Labels of Qt's own file dialog that qtbase_ja leaves in English; named here so that
# lupdate keeps their Japanese in gantuner_ja.ts (Qt looks them up under its own contexts).
QT_LABELS_QTBASE_LACKS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
)

_current = "en"
_installed: list[QTranslator] = []  # kept referenced: Qt does not own them


def current_language() -> str:
    return _current


def system_language() -> str:
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def set_language(language: str) -> list[str]:
    """Switch the whole app to ``language``; return the translation files loaded."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    if language == _current and (language == "en" or _installed):
        return []
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = language
    loaded: list[str] = []
    if language == "en":
        return loaded
    path = resource("i18n") / f"gantuner_{language}.qm"
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(path.name)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(f"qtbase_{language}.qm")
    return loaded


def language_name(language: str) -> str:
    """A language's own name, the same in every UI language (so users find theirs)."""
    return {"en": "English", "ja": "日本語"}[language]
