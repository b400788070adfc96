"""The interface language, switchable while the app runs.

Every user-facing string goes through Qt's ``tr()``; Japanese comes from the
compiled ``resources/i18n/*_ja.qm`` files (this app's and any another part of
gantuner ships) plus Qt's own ``qtbase_ja`` for standard dialogs.  Installing
or removing a translator makes Qt post a LanguageChange event to every
widget, and each widget's ``changeEvent`` re-labels itself, so no restart is
needed.  Knob labels and help come from ``gantuner.knobs`` (each a
:class:`gantuner.text.Text`), chosen by :func:`current_language`.

Updating the Japanese file after changing strings (existing translations are kept)::

    pyside6-lupdate gantuner/gui/{app,main_window,menus,status_bar,knob_panel,knob_widgets,curves,\
sample_view,transport,preferences}.py -no-obsolete -ts resources/i18n/gantuner_ja.ts
    # translate the new entries (Qt Linguist, or edit the XML), then
    pyside6-lrelease resources/i18n/gantuner_ja.ts -qm resources/i18n/gantuner_ja.qm
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resource

LANGUAGES = ("en", "ja")

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
    folder = resource("i18n")
    for path in sorted(folder.glob(f"*_{language}.qm")):
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
