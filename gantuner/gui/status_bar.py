"""The status bar: a message on the left; run state, device, step, iterations/s and time on the right.

The message is elided to the room it has (the full text is its tooltip): a
long error must never widen the window past the screen.  The run state
("Paused at step 340") is its own label, so a message never hides it.  A
note (e.g. "the training was stopped and kept in …") can ride along with the
messages until the next run starts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from .. import number_format
from ..training.control import RunState
from .retranslate import Retranslating

ERROR_STYLE = "color: #c02020;"
PAUSED_STYLE = "color: #a06000; font-weight: bold;"


class ElidedLabel(QLabel):
    """A one-line label that shows as much of its text as fits, ending in "…".

    ``text()`` gives the whole text; the label asks for no width of its own.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def text(self) -> str:  # the whole text, as given
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = " ".join(str(text).split())  # one line: a traceback's newlines would grow the bar
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width())
        elided = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        if super().text() != elided:
            super().setText(elided)


class RunStatusBar(Retranslating, QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("runStatusBar")
        self.message_label = ElidedLabel(self)
        self.message_label.setObjectName("statusMessage")
        self.state_label = self._label("runStateLabel")
        self.device_label = self._label("deviceLabel")
        self.step_label = self._label("stepLabel")
        self.speed_label = self._label("speedLabel")
        self.elapsed_label = self._label("elapsedLabel")
        self.addWidget(self.message_label, 1)
        for label in (self.state_label, self.device_label, self.step_label, self.speed_label,
                      self.elapsed_label):
            self.addPermanentWidget(label)
        self._device = ""
        self._step: int | None = None
        self._speed: float | None = None
        self._elapsed = 0
        self._state = RunState.IDLE
        self._message: tuple[Any, bool] = ("", False)
        self._note: Any = None
        self.retranslate()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        return label

    def show_message(self, text: Any, error: bool = False) -> None:
        """Show ``text``; a callable is called again after a language change (texts made with tr())."""
        self._message = (text, error)
        self._show_message()

    def set_note(self, note: Any) -> None:
        """A sentence shown after every message until cleared (None); a callable is re-read like a message's."""
        self._note = note
        self._show_message()

    def note(self) -> str:
        return _text_of(self._note)

    def _show_message(self) -> None:
        text, error = self._message
        shown = _text_of(text)
        note = _text_of(self._note)
        if note and note not in shown:
            shown = f"{shown}  —  {note}" if shown else note
        self.message_label.setText(shown)
        style = ERROR_STYLE if error else ""
        if self.message_label.styleSheet() != style:  # a new style sheet re-polishes the label
            self.message_label.setStyleSheet(style)
        self.message_label.setToolTip(shown)

    def show_state(self, state: RunState | str) -> None:
        """The run's state as the transport has it."""
        self._state = state
        self._show_state()

    def _show_state(self) -> None:
        step = "–" if self._step is None else number_format.count(self._step)
        texts = {RunState.PAUSED: self.tr("Paused at step {0}").format(step),
                 RunState.STARTING: self.tr("Starting…"), RunState.RUNNING: self.tr("Training"),
                 RunState.STOPPING: self.tr("Stopping…"), RunState.STOPPED: self.tr("Stopped")}
        if self.state_label.text() != texts.get(self._state, ""):
            self.state_label.setText(texts.get(self._state, ""))
        style = PAUSED_STYLE if self._state == RunState.PAUSED else ""
        if self.state_label.styleSheet() != style:
            self.state_label.setStyleSheet(style)
        self.state_label.setVisible(self._state in texts)

    def show_run(self, status: dict[str, Any], device: Any = None, step: int | None = None) -> None:
        """Show a status dict from the driver (step, it_per_s, device); ``device`` may be a
        callable that names it in the language of the moment."""
        if device is not None:
            self._device = device
        elif status.get("device"):
            self._device = self._device or str(status["device"])
        self._step = status.get("step", step)
        self._speed = status.get("it_per_s")
        self.retranslate()

    def clear_run(self) -> None:
        self._step = None
        self._speed = None
        self._elapsed = 0
        self.retranslate()

    def show_elapsed(self, seconds: float) -> None:
        self._elapsed = int(seconds)
        self.elapsed_label.setText(self.tr("Elapsed {0}").format(number_format.duration(self._elapsed)))

    def retranslate(self) -> None:
        self.device_label.setText(self.tr("Device: {0}").format(_text_of(self._device) or "–"))
        step = "–" if self._step is None else number_format.count(self._step)
        self.step_label.setText(self.tr("Step {0}").format(step))
        speed = "–" if self._speed is None else number_format.rate(self._speed)
        self.speed_label.setText(self.tr("{0} it/s").format(speed))
        self.show_elapsed(self._elapsed)
        self._show_state()
        self._show_message()


def _text_of(text: Any) -> str:
    if text is None:
        return ""
    return str(text() if callable(text) else text)
