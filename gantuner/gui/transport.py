"""Start, Pause/Resume, Step, Stop and Reset: the buttons that drive a run.

The bar only shows the run's state and reports clicks; the window decides
what they do.  Its state is the run's :class:`~gantuner.training.RunState`.  While
paused, Resume is the one way on (Start is off: two buttons doing the same thing
confused learners) and a "Paused" badge sits beside the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ..training.control import RunState
from .retranslate import Retranslating

PAUSED_STYLE = "color: white; background: #d08000; border-radius: 3px; padding: 1px 6px; font-weight: bold;"


class TransportBar(Retranslating, QWidget):
    startClicked = Signal()
    pauseClicked = Signal()   # pause or resume, depending on the state
    stepClicked = Signal()
    stopClicked = Signal()
    resetClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("transportBar")
        self.state = RunState.IDLE
        self.loading = False          # torch still loading: Start says so
        self.waiting_to_start = False  # ... and was pressed: it starts by itself
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        self.start_button = self._button("startButton", self.startClicked, layout)
        self.pause_button = self._button("pauseButton", self.pauseClicked, layout)
        self.step_button = self._button("stepButton", self.stepClicked, layout)
        self.stop_button = self._button("stopButton", self.stopClicked, layout)
        self.reset_button = self._button("resetButton", self.resetClicked, layout)
        self.paused_badge = QLabel(self)
        self.paused_badge.setObjectName("pausedBadge")
        self.paused_badge.setStyleSheet(PAUSED_STYLE)
        self.paused_badge.hide()
        layout.addWidget(self.paused_badge)
        self.retranslate()
        self.set_state(RunState.IDLE)

    def _button(self, name: str, signal: Signal, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(signal)
        layout.addWidget(button)
        return button

    def set_state(self, state: RunState | str) -> None:
        self.state = state = RunState(state)
        trains = state in (RunState.RUNNING, RunState.PAUSED)
        self.start_button.setEnabled(state in (RunState.IDLE, RunState.STOPPED))
        self.pause_button.setEnabled(trains)
        self.step_button.setEnabled(state is RunState.PAUSED)
        self.stop_button.setEnabled(state.active)
        self.reset_button.setEnabled(trains or state is RunState.STOPPED)
        self.paused_badge.setVisible(state is RunState.PAUSED)
        self.retranslate()

    def set_loading(self, loading: bool, waiting: bool = False) -> None:
        self.loading = loading
        self.waiting_to_start = loading and waiting
        self.retranslate()

    def retranslate(self) -> None:
        if self.waiting_to_start:
            self.start_button.setText(self.tr("Loading… (starts by itself)"))
        elif self.loading:
            self.start_button.setText(self.tr("Start (loading…)"))
        else:
            self.start_button.setText(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Train with the settings in the knob panel"))
        self.pause_button.setText(self.tr("Resume") if self.state is RunState.PAUSED else self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Pause or resume training (Space)"))
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("Run exactly one training step while paused"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("End the run; its files stay in the run folder"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Start again from a fresh model with the same settings"))
        self.paused_badge.setText(self.tr("Paused"))
        self.paused_badge.setToolTip(self.tr("Training is paused: Resume (Space) goes on, Step runs one step"))
