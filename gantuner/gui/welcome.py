"""The first-run welcome: what to press, what each curve means, where the lessons are.

A band above the curves on the first launch (and after Help > Welcome),
until "Got it" closes it; that is remembered in the settings, so it does not
come back by itself.  "Open Lesson 1" opens the article's first example
straight away.  Its words are translated like the rest of the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .retranslate import Retranslating

if TYPE_CHECKING:
    from .curves import CurvesView
    from .menus import WindowMenus

KEY_DISMISSED = "welcome/dismissed"
STYLE = ("QFrame#welcomePanel { background: #EEF5FB; border: 1px solid #B8D4EA; border-radius: 4px; }"
         "QFrame#welcomePanel QLabel { color: #1d2b36; }")


class WelcomePanel(Retranslating, QFrame):
    dismissed = Signal()
    lessonRequested = Signal()
    retranslated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setStyleSheet(STYLE)
        self.heading = QLabel(self)
        self.heading.setObjectName("welcomeHeading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 110%;")
        self.columns = [QLabel(self) for _ in range(3)]
        for index, label in enumerate(self.columns):
            label.setObjectName(f"welcomeColumn{index + 1}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.lesson_button = QPushButton(self)
        self.lesson_button.setObjectName("welcomeLesson")
        self.lesson_button.clicked.connect(self.lessonRequested)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("welcomeDismiss")
        self.close_button.clicked.connect(self.dismissed)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.lesson_button)
        head.addWidget(self.close_button)
        body = QHBoxLayout()
        body.setSpacing(16)
        for label in self.columns:
            body.addWidget(label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addLayout(body)
        self.retranslate()

    def texts(self) -> list[str]:
        """The heading and the three columns as shown (rich text)."""
        return [self.heading.text()] + [label.text() for label in self.columns]

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Welcome to gantuner: train a GAN and watch it learn"))
        self.columns[0].setText(self.tr(
            "<b>1. Press Start</b> (top left). A small GAN learns to imitate the data chosen under Data "
            "(handwritten digits at first); its samples appear on the right, digits after a few hundred steps.<br>"
            "<b>2. Turn the knobs</b> on the left while it trains: live knobs act at the next step, "
            "and each change is marked on the curves."))
        self.columns[1].setText(self.tr(
            "<b>What the curves mean</b><br>"
            "<b>Loss</b>: how wrong D and G are; in a good game both stay level (about 0.69).<br>"
            "<b>D accuracy</b>: how often D tells real from fake; near 50 % (chance) is balanced, "
            "near 100 % means D is too strong.<br>"
            "<b>D output</b>: D(x) on real and D(G(z)) on generated samples; they meet near 0.5 "
            "when G fools D half the time.<br>"
            "<b>Quality</b>: how close the samples are to the data."))
        self.columns[2].setText(self.tr(
            "<b>Hints</b> on the right say what the curves show and what to try; Apply changes the ticked "
            "knobs.<br><b>Lessons</b>: Help &gt; Lesson 1 and Lesson 2 replay the two examples of the "
            "article (D too strong, a healthy run).<br>This welcome comes back with Help &gt; Welcome."))
        self.lesson_button.setText(self.tr("Open Lesson 1"))
        self.lesson_button.setToolTip(self.tr("Show the article's first example: D too strong"))
        self.close_button.setText(self.tr("Got it"))
        self.close_button.setToolTip(self.tr("Hide this welcome; it does not come back by itself"))
        self.retranslated.emit()


class Welcome:
    """Shows the panel above the curves on a first launch and adds Help > Welcome.

    Its collaborators: the curves (the panel is their banner), the window's menus,
    the settings (whether it was dismissed) and the action that opens Lesson 1."""

    def __init__(self, curves: CurvesView, menus: WindowMenus, settings: QSettings, lesson: QAction) -> None:
        self.curves = curves
        self.settings = settings
        self.lesson = lesson
        self.panel = WelcomePanel(curves)
        curves.add_banner(self.panel)
        self.panel.dismissed.connect(self.dismiss)
        self.panel.lessonRequested.connect(self._open_lesson)
        self.panel.retranslated.connect(self.retranslate)
        self.action = QAction(menus)
        self.action.setObjectName("actionWelcome")
        self.action.triggered.connect(lambda _=False: self.show())
        menus.help_menu.insertAction(menus.actions["about"], self.action)
        self.panel.setVisible(not _is_true(settings.value(KEY_DISMISSED, False)))
        self.retranslate()

    def visible(self) -> bool:
        return self.panel.isVisibleTo(self.curves.window())

    def show(self) -> None:
        self.panel.show()

    def dismiss(self) -> None:
        self.panel.hide()
        self.settings.setValue(KEY_DISMISSED, True)
        self.settings.sync()

    def _open_lesson(self) -> None:
        self.lesson.trigger()

    def retranslate(self) -> None:
        self.action.setText(QCoreApplication.translate("Welcome", "Welcome"))
        self.action.setToolTip(QCoreApplication.translate("Welcome", "Show the first steps again"))


def _is_true(value: Any) -> bool:
    return value is True or str(value).lower() in ("true", "1")
