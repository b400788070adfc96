"""Ask before something replaces the view of a running training (a lesson, a log, a run folder).

Opening stops the training (its files stay in its run folder), so the user
is asked first, in words that say so; afterwards the status bar says what
happened to it until the next run starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import number_format

if TYPE_CHECKING:
    from .session import TrainingSession
    from .status_bar import RunStatusBar

translate = QCoreApplication.translate


def confirm_stopping_training(parent: QWidget, session: TrainingSession, status: RunStatusBar, what: str) -> bool:
    """True when ``what`` (e.g. "Lesson 1: D too strong") may be opened now.

    With nothing training (or paused) there is no question.  Otherwise the
    user chooses "Stop training and open" or "Cancel"; either way the status
    bar says what happened.
    """
    if not session.is_active():
        return True
    driver = session.driver
    step = driver.engine.step_count if driver is not None else 0
    run_dir = driver.run_dir if driver is not None else None
    box = QMessageBox(parent)
    box.setObjectName("confirmStopTraining")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("ConfirmStop", "Stop the training?"))
    box.setText(translate("ConfirmStop", "Opening “{0}” stops the training that is running now (step {1}).")
                .format(what, number_format.count(step)))
    kept = (translate("ConfirmStop", "The training is kept: its curves, samples and checkpoints stay in {0}, "
                                     "and Load checkpoint and resume goes on from there.").format(run_dir)
            if run_dir is not None else
            translate("ConfirmStop", "This training has no run folder: what it learnt is lost."))
    box.setInformativeText(kept)
    stop = box.addButton(translate("ConfirmStop", "Stop training and open"), QMessageBox.ButtonRole.AcceptRole)
    stop.setObjectName("stopAndOpen")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setText(translate("ConfirmStop", "Cancel (keep training)"))
    box.setDefaultButton(cancel)
    box.exec()
    if box.clickedButton() is not stop:
        status.show_message(lambda: translate("ConfirmStop", "Kept training; “{0}” was not opened").format(what))
        return False
    if run_dir is not None:
        status.set_note(lambda: translate("ConfirmStop", "the training was stopped at step {0} and kept in {1}")
                        .format(number_format.count(step), run_dir))
    else:
        status.set_note(lambda: translate("ConfirmStop", "the training was stopped at step {0}").format(
            number_format.count(step)))

    def forget_note() -> None:
        status.set_note(None)
        session.runStarting.disconnect(forget_note)

    session.runStarting.connect(forget_note)
    return True
