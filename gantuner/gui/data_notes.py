"""What loading the data left out, told in the window.

An image folder may hold files that cannot be read (not an image, cut short,
too many pixels); the data loader skips them and says which and why
(``dataset.load_notes``: each a :class:`~gantuner.text.Text`).  The command line
prints it; here it is a band above the curves, in the language of the moment,
until "Dismiss" or the next run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..text import Text
from . import i18n
from .retranslate import Retranslating

if TYPE_CHECKING:
    from .curves import CurvesView
    from .session import TrainingSession

STYLE = ("QFrame#dataNotesBar { background: #FFF8DC; border: 1px solid #D9C27A; border-radius: 4px; }"
         "QFrame#dataNotesBar QLabel { color: #3a3000; }")


class DataNotesBar(Retranslating, QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dataNotesBar")
        self.setStyleSheet(STYLE)
        self._notes: Sequence[Text] = ()
        self.message = QLabel(self)
        self.message.setObjectName("dataNotesMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # file names are never markup
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("dataNotesDismiss")
        self.dismiss_button.clicked.connect(self.reset)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.dismiss_button)
        self.hide()
        self.retranslate()

    def show_notes(self, notes: Sequence[Text]) -> None:
        """``notes``: the dataset's, each in both languages; nothing to say when empty."""
        self._notes = tuple(notes)
        self.retranslate()
        self.setVisible(bool(self._notes))

    def reset(self) -> None:
        self._notes = ()
        self.hide()

    def retranslate(self) -> None:
        self.dismiss_button.setText(self.tr("Dismiss"))
        if not self._notes:
            self.message.setText("")
            return
        language = i18n.current_language()
        note = " ".join(note.get(language) for note in self._notes)
        self.message.setText(self.tr("Training data: {0}").format(note))


def install_data_notes(curves: CurvesView, session: TrainingSession) -> DataNotesBar:
    """The band above the curves, filled when a run's data has loaded; gone when the next run starts."""
    bar = DataNotesBar(curves)
    curves.add_banner(bar)
    session.runStarting.connect(bar.reset)
    session.driverReady.connect(lambda driver: bar.show_notes(driver.engine.dataset.load_notes))
    return bar
