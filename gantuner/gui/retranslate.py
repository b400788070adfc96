"""One way for a widget to re-label itself when the interface language changes.

Installing or removing a translator makes Qt post a LanguageChange event to
every widget (gantuner.gui.i18n.set_language); a widget that mixes this in
answers it by calling its own ``retranslate()``.  Put the mixin first::

    class TransportBar(Retranslating, QWidget):
        def retranslate(self) -> None:
            self.start_button.setText(self.tr("Start"))
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Calls ``self.retranslate()`` on every LanguageChange event (then Qt's own handling)."""

    def retranslate(self) -> None:
        raise NotImplementedError(f"{type(self).__name__} mixes in Retranslating but has no retranslate()")

    def language_changed(self) -> None:
        """What a LanguageChange does; widgets that keep a language of their own override it."""
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changed()
        super().changeEvent(event)  # type: ignore[misc]  (the Qt class after the mixin)
