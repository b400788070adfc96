"""The Guide pane: the article's way of tuning (read, hypothesise, change one knob, compare)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ..learning.guide import guide_html
from . import i18n


class GuidePane(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guidePane")
        self.text = QTextBrowser(self)
        self.text.setObjectName("guideText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.text)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setHtml(guide_html(i18n.current_language()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
