"""The status bar: a message on the left; device, step, iterations/s and training time on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

ERROR_STYLE = "color: #c02020;"


class RunStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("runStatusBar")
        self.message_label = self._label("statusMessage")
        self.device_label = self._label("deviceLabel")
        self.step_label = self._label("stepLabel")
        self.speed_label = self._label("speedLabel")
        self.elapsed_label = self._label("elapsedLabel")
        self.addWidget(self.message_label, 1)
        for label in (self.device_label, self.step_label, self.speed_label, self.elapsed_label):
            self.addPermanentWidget(label)
        self._device = ""
        self._step: int | None = None
        self._speed: float | None = None
        self._elapsed = 0
        self.retranslate()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        return label

    def show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else "")
        self.message_label.setToolTip(text)

    def show_run(self, status: dict[str, Any], device: str | None = None, step: int | None = None) -> None:
        """Show a status dict from the driver (step, it_per_s, device)."""
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
        s = self._elapsed
        self.elapsed_label.setText(self.tr("Elapsed {0}").format(f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.device_label.setText(self.tr("Device: {0}").format(self._device or "–"))
        self.step_label.setText(self.tr("Step {0}").format("–" if self._step is None else f"{int(self._step):,}"))
        speed = "–" if self._speed is None else f"{self._speed:.1f}"
        self.speed_label.setText(self.tr("{0} it/s").format(speed))
        self.show_elapsed(self._elapsed)
