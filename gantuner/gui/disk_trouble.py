"""The notice for disk trouble: the run's files cannot be written, training goes on.

A band above the curves (never a modal dialog: training does not wait for an
answer) says what failed and offers two ways on:

* "Choose another folder…": the run is copied into a folder the user picks and
  goes on there (the ``MoveRun`` command); the old folder is left as it is;
* "Continue without saving": nothing more is written (``StopSaving``); the
  curves and samples go on in the window.

It appears once per trouble: further reports while it is shown, and reports
about the folder just left, do not bring it back; a failed move or trouble in
the new folder does.  After "Continue without saving" it stays away until the
next run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from . import i18n
from .plain_words import plain_event_text
from .retranslate import Retranslating

if TYPE_CHECKING:
    from .curves import CurvesView
    from .session import TrainingSession

STYLE = ("QFrame#diskTroubleBar { background: #FDF1E6; border: 1px solid #E0A870; border-radius: 4px; }"
         "QFrame#diskTroubleBar QLabel { color: #4a2a08; }")


def destination_for(chosen: Path, run_name: str) -> Path:
    """Where the run goes in the folder the user chose: the folder itself when it is empty,
    else a new folder in it named after the run (``-2``, ``-3``… when that name is taken)."""
    chosen = Path(chosen)
    try:
        if chosen.is_dir() and not any(chosen.iterdir()):
            return chosen
    except OSError:
        pass  # an unreadable folder: the move itself will say what is wrong
    candidate = chosen / run_name
    suffix = 1
    while candidate.exists():
        suffix += 1
        candidate = chosen / f"{run_name}-{suffix}"
    return candidate


class DiskTroubleBar(Retranslating, QFrame):
    moveRequested = Signal(str)     # the run's new folder
    stopSavingRequested = Signal()

    def __init__(self, run_dir: Callable[[], Path | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("diskTroubleBar")
        self.setStyleSheet(STYLE)
        self._run_dir = run_dir
        self._event: dict[str, Any] | None = None
        self._open = False
        self._settled = False               # "Continue without saving" chosen: nothing more to ask
        self._left: list[Path] = []          # folders the run has been moved away from
        # The folder picker; a test (or another front end) may put its own here.
        self.choose_folder: Callable[[], str] = lambda: QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for this run"))
        self.message = QLabel(self)
        self.message.setObjectName("diskTroubleMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # file names are never markup
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("diskTroubleChoose")
        self.choose_button.clicked.connect(self._choose)
        self.continue_button = QPushButton(self)
        self.continue_button.setObjectName("diskTroubleContinue")
        self.continue_button.clicked.connect(self._continue_without_saving)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.continue_button)
        self.hide()
        self.retranslate()

    @property
    def is_open(self) -> bool:
        return self._open

    def show_trouble(self, event: dict[str, Any]) -> None:
        """A disk-trouble event from the run: show the notice unless it is already answered or shown."""
        if self._open or self._settled or self._about_a_folder_left(event):
            return
        self._event = event
        self._open = True
        self._left.clear()  # reports about those came before this one (a failed move keeps the old folder)
        self.retranslate()
        self.show()

    def reset(self) -> None:
        """A new run: no trouble yet."""
        self._close()
        self._event = None
        self._settled = False
        self._left.clear()

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("Choose another folder…"))
        self.continue_button.setText(self.tr("Continue without saving"))
        if self._event is None:
            self.message.setText("")
            return
        reason = self._event.get("reason")
        if reason:  # the short form; the whole message is in the run's events and the status bar
            headline = self.tr("This run's files cannot be saved in {0}: {1}.").format(self._event["disk"], reason)
        else:
            headline = self.tr("Disk trouble: {0}").format(plain_event_text(self._event, i18n.current_language()))
        self.message.setText(headline + "\n" + self.tr(
            "Training goes on. Choose another folder to keep saving this run there (what it has written so far "
            "is copied along), or continue without saving."))

    def _about_a_folder_left(self, event: dict[str, Any]) -> bool:
        folder = Path(str(event.get("disk", "")))
        return any(folder == left or left in folder.parents for left in self._left)

    def _choose(self) -> None:
        chosen = self.choose_folder()
        run_dir = self._run_dir()
        if not chosen or run_dir is None:
            return  # cancelled: the notice stays
        self._left.append(Path(run_dir))
        self._close()
        self.moveRequested.emit(str(destination_for(Path(chosen), Path(run_dir).name)))

    def _continue_without_saving(self) -> None:
        self._settled = True
        self._close()
        self.stopSavingRequested.emit()

    def _close(self) -> None:
        self._open = False
        self.hide()


def install_disk_trouble(curves: CurvesView, session: TrainingSession) -> DiskTroubleBar:
    """The notice above the curves, wired to the training session (its run folder, its disk
    trouble, and where the answers go)."""
    bar = DiskTroubleBar(lambda: session.run_dir, curves)
    curves.add_banner(bar)
    session.diskTrouble.connect(bar.show_trouble)
    session.runStarting.connect(bar.reset)
    bar.moveRequested.connect(session.move_run)
    bar.stopSavingRequested.connect(session.stop_saving)
    return bar
