"""The 2D playground of the Learn dock: the data-space view and its transport.

Play/pause, one D update, one G update, one whole step, and slow motion (each
click walks one phase of a step, highlighted in the view and explained in a
caption).  Training runs in the playground's own thread (Qt-free,
gantuner/learning/playground.py); this widget only sends it commands and
polls the snapshot it leaves, a few times a second.  While the view is
hidden, the playground computes no snapshots while it plays.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import knobs as knob_table
from ..learning.playground import Playground  # torch-free: its thread imports the engine
from .data_space_view import DataSpaceView

POLL_MS = 100
STOP_SECONDS = 5.0


class LearningLab(QWidget):
    def __init__(self, parent: QWidget | None = None, config: Mapping[str, Any] | None = None,
                 window_knobs: Callable[[], Mapping[str, Any]] | None = None):
        super().__init__(parent)
        self.setObjectName("learningLab")
        self.base_config: dict[str, Any] = dict(config or {})
        # The main window's knobs as shown: the playground trains with them when they are for the
        # same 2D data (tune a knob there, press Reset here and watch what it does to the game).
        self._window_knobs = window_knobs or dict
        self.playground: Playground | None = None
        self._shown: Any = None
        self._shown_phase: Any = None

        self.dataset = QComboBox(self)
        self.dataset.setObjectName("labDataset")
        for name in knob_table.TWO_D_DATASETS:
            self.dataset.addItem(name, name)
        self.dataset.currentIndexChanged.connect(lambda _i: self.restart())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.dataset_label = QLabel(self)
        row.addWidget(self.dataset_label)
        row.addWidget(self.dataset)
        for command in ("play", "step_d", "step_g", "step", "phase", "reset"):
            button = QPushButton(self)
            button.setObjectName(f"lab_{command}")
            button.clicked.connect(lambda _c=False, command=command: self.command(command))
            self.buttons[command] = button
            row.addWidget(button)
        row.addStretch(1)
        # The window's own run, while paused: one D-only or G-only update of its real models.
        self.main_label = QLabel(self)
        row.addWidget(self.main_label)
        self.main_buttons: dict[str, QPushButton] = {}
        for part in ("d", "g"):
            button = QPushButton(self)
            button.setObjectName(f"main_step_{part}")
            button.setEnabled(False)
            button.clicked.connect(lambda _c=False, part=part: self._main_step(part))
            self.main_buttons[part] = button
            row.addWidget(button)
        self.main_run_step: Callable[[str], None] | None = None
        self.status = QLabel(self)
        self.status.setObjectName("labStatus")
        self.view = DataSpaceView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.retranslate()

    # ---- control -----------------------------------------------------------------
    def ensure_started(self) -> Playground:
        if self.playground is None:
            config = self.playground_config()
            self.playground = Playground(config)
            self.playground.start()
            self.timer.start()
        return self.playground

    def playground_config(self) -> dict[str, Any]:
        dataset = self.dataset.currentData()
        shown = dict(self._window_knobs())
        if shown.get("dataset") != dataset:
            shown = {}  # knobs tuned for other data (digits' image models) would not fit
        # A 2D GAN this small is bound by launches, not arithmetic: the CPU serves it
        # best and leaves the GPU to the main run.
        shown["device"] = "cpu"
        return {**shown, **self.base_config, "dataset": dataset}

    def command(self, command: str) -> None:
        if command == "reset":
            self.restart()
            return
        playground = self.ensure_started()
        if command == "play":
            command = "pause" if playground.playing else "play"
            playground.playing = command == "play"  # the button flips now; the thread agrees at its next turn
        playground.send(command)
        self._label_play()

    def set_main_run_paused(self, paused: bool) -> None:
        for button in self.main_buttons.values():
            button.setEnabled(paused and self.main_run_step is not None)

    def _main_step(self, part: str) -> None:
        if self.main_run_step is not None:
            self.main_run_step(part)

    def restart(self) -> None:
        was = self.playground
        if was is not None:
            was.stop(STOP_SECONDS)
            self.playground = None
        self._shown = self._shown_phase = None
        self.ensure_started()
        self._label_play()

    def shutdown(self) -> None:
        self.timer.stop()
        if self.playground is not None:
            self.playground.stop(STOP_SECONDS)
            self.playground = None

    def watch_run(self, probe) -> None:
        """Show the window's own run (a :class:`RunProbe` its training thread feeds) when the playground
        is not playing."""
        self.run_probe = probe
        self.timer.start()

    def _poll_run(self) -> None:
        probe = getattr(self, "run_probe", None)
        if probe is None:
            return
        playing = self.playground is not None and self.playground.playing
        probe.wanted = self.view.isVisible() and not playing
        snapshot = probe.latest
        if probe.wanted and snapshot is not None and snapshot is not self._shown:
            self._shown = snapshot
            self.view.show_snapshot(snapshot)
            self.status.setText(self.tr("This window's run, live"))

    def poll(self) -> None:
        self._poll_run()
        playground = self.playground
        if playground is None:
            return
        playground.wanted = self.view.isVisible()
        snapshot, phase = playground.latest, playground.phase
        if snapshot is not None and snapshot is not self._shown:
            self._shown = snapshot
            self.view.show_snapshot(snapshot)
        if phase is not self._shown_phase:
            self._shown_phase = phase
            self.view.show_phase(phase)
        if playground.error:
            self.status.setText(self.tr("The playground stopped: {0}").format(playground.error))
        else:
            self.status.setText(self.tr("Step {0}").format(playground.step))

    # ---- language ----------------------------------------------------------------
    def _label_play(self) -> None:
        playing = self.playground is not None and self.playground.playing
        self.buttons["play"].setText(self.tr("Pause") if playing else self.tr("Play"))

    def retranslate(self) -> None:
        self.dataset_label.setText(self.tr("2D data:"))
        texts = {"step_d": (self.tr("Step D"), self.tr("One discriminator update; G stays as it is")),
                 "step_g": (self.tr("Step G"), self.tr("One generator update against the current D")),
                 "step": (self.tr("Step"), self.tr("One whole training step: D, then G")),
                 "phase": (self.tr("Slow motion"),
                           self.tr("Walk through one step phase by phase: each click shows the next")),
                 "reset": (self.tr("Reset"), self.tr("Start the playground again with fresh models "
                                                      "(and the Knobs panel's values, when it is set to this data)"))}
        for name, (text, tip) in texts.items():
            self.buttons[name].setText(text)
            self.buttons[name].setToolTip(tip)
        self.buttons["play"].setToolTip(self.tr("Train continuously, or pause"))
        self.main_label.setText(self.tr("This window's run:"))
        self.main_buttons["d"].setText(self.tr("Step D"))
        self.main_buttons["d"].setToolTip(self.tr("While the window's run is paused: one update of its D only"))
        self.main_buttons["g"].setText(self.tr("Step G"))
        self.main_buttons["g"].setToolTip(self.tr("While the window's run is paused: one update of its G only"))
        self._label_play()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
