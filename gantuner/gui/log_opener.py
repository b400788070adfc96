"""File > Open log…, drag and drop, the Help menu's lessons, and following a growing log.

Any log gantuner reads (Keras-GAN, PyTorch-GAN, CSV, TensorBoard, a run
folder…) is read with :func:`gantuner.logs.read_log` in a background thread,
drawn in the same curve panels as a run, and diagnosed as a finished run by
the hints dock.  A read error shows its message in the UI language in a
message box.  A log that is still being written is followed: a
:class:`LogFollower` is polled every second (also off the GUI thread) and
its new rows extend the curves and the diagnosis.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from ..logs import LogError, LogFollower, read_log
from ..metrics import MetricTable
from ..paths import resource
from . import i18n
from .background import BackgroundCall
from .diagnosis_dock import DiagnosisDock
from .menus import WindowMenus

if TYPE_CHECKING:
    from .session import TrainingSession

translate = QCoreApplication.translate

FOLLOW_MS = 1000          # a followed log is polled this often
SKIPPED_LINES_SHOWN = 3   # line numbers of the first skipped lines in the summary
LESSONS = {"lesson1": "seed_example1.log", "lesson2": "seed_example2.log"}
# File > Loss of opened logs: what `gantuner diagnose --loss` chooses (None: from the log).
LOG_LOSSES = (None, "bce", "bce_sum", "lsgan", "hinge", "relhinge", "wgan")


@dataclass
class OpenedLog:
    path: Path
    table: MetricTable | None = None
    rows: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    follower: LogFollower | None = None
    error: LogError | None = None


def table_rows(table: MetricTable) -> list[dict[str, Any]]:
    """One dict per row, ``{"step": s, column: value}``; NaN (not measured) left out."""
    names = list(table.columns)
    columns = [table.columns[n].tolist() for n in names]
    rows = []
    for i, step in enumerate(table.step.tolist()):
        row: dict[str, Any] = {"step": int(step)}
        for name, column in zip(names, columns):
            value = column[i]
            if not math.isnan(value):
                row[name] = value
        rows.append(row)
    return rows


def joined(first: MetricTable, more: MetricTable) -> MetricTable:
    """``first`` followed by ``more`` (a followed log's new rows); a column missing on one side is NaN."""
    n1, n2 = len(first), len(more)
    columns = {}
    for name in list(first.columns) + [n for n in more.columns if n not in first.columns]:
        a = first.columns.get(name, np.full(n1, np.nan))
        b = more.columns.get(name, np.full(n2, np.nan))
        columns[name] = np.concatenate([a, b])
    return dataclasses.replace(
        first, step=np.concatenate([first.step, more.step]), columns=columns,
        skipped_lines=first.skipped_lines + more.skipped_lines,
        skipped_examples=list(first.skipped_examples) + list(more.skipped_examples),
        events=list(first.events) + list(more.events), knobs={})


def load_log(path: Path) -> OpenedLog:
    """Read ``path`` and get a follower positioned after what was read (runs in a background thread)."""
    try:
        table = read_log(path)
    except LogError as error:
        return OpenedLog(path, error=error)
    follower: LogFollower | None = LogFollower(path, format=table.format)
    try:
        seen = follower.poll()  # reads what read_log read, so the next poll gives only new rows
    except (LogError, OSError):
        follower, seen = None, None
    if seen is not None and len(seen) > len(table):  # written between the two reads
        table = joined(table, seen.slice(len(table)))
    return OpenedLog(path, table, table_rows(table), follower)


def summary_of(path: Path, table: MetricTable) -> tuple:
    first = [s.line_number for s in table.skipped_examples[:SKIPPED_LINES_SHOWN]]
    return (path.name, table.format, len(table), table.skipped_lines, first)


class LogViewer(Protocol):
    """What the log opener asks of the window that shows the log."""

    runs_dir: Path  # where File > Open log starts

    def show_message(self, text: str | Callable[[], str], error: bool = False) -> None: ...

    def confirm_replacing_run(self, what: str) -> bool:
        """Whether ``what`` may replace the view of a running training (the user is asked)."""
        ...

    def show_log_rows(self, rows: list[dict[str, Any]], path: Path,
                      knob_changes: list[dict[str, Any]] | tuple = ()) -> None: ...

    def append_rows(self, rows: list[dict[str, Any]]) -> None: ...


class LogOpener(QObject):
    """Its collaborators: the window as a :class:`LogViewer` (also the dialogs' parent), the
    window's menus (its entries go there), the hints dock (diagnoses the log) and the
    training session (a run is stopped before a log shows; a run starting ends following)."""

    def __init__(self, viewer: LogViewer, parent: QWidget, menus: WindowMenus, dock: DiagnosisDock,
                 session: TrainingSession) -> None:
        super().__init__(parent)
        self.viewer = viewer
        self.parent_widget = parent
        self.session = session
        self.dock = dock
        self.path: Path | None = None
        self.table: MetricTable | None = None
        self.follower: LogFollower | None = None
        self._generation = 0          # bumped by every open and stop: late results are dropped
        self._calls: set[BackgroundCall] = set()
        self._polling = False
        self.timer = QTimer(self)
        self.timer.setInterval(FOLLOW_MS)
        self.timer.timeout.connect(self._poll)

        self.open_action = QAction(parent)
        self.open_action.setObjectName("actionOpenLog")
        self.open_action.triggered.connect(lambda _=False: self.ask_open())
        menus.file_menu.insertAction(menus.recent_menu.menuAction(), self.open_action)
        # The loss an opened log's numbers are (each loss has its own scale): as
        # `gantuner diagnose --loss`; the hints of the log are judged again on a change.
        self.loss_menu = QMenu(parent)
        self.loss_menu.setObjectName("menuLogLoss")
        self.loss_group = QActionGroup(self.loss_menu)
        self.loss_actions: dict[str | None, QAction] = {}
        for loss in LOG_LOSSES:
            action = QAction(self.loss_menu)
            action.setObjectName(f"actionLogLoss_{loss or 'detect'}")
            action.setCheckable(True)
            action.setChecked(loss is None)
            action.triggered.connect(lambda _=False, value=loss: dock.set_log_loss(value))
            self.loss_group.addAction(action)
            self.loss_menu.addAction(action)
            self.loss_actions[loss] = action
        menus.file_menu.insertMenu(menus.recent_menu.menuAction(), self.loss_menu)
        self.lesson_actions: dict[str, QAction] = {}
        about = menus.actions["about"]
        for name, file_name in LESSONS.items():
            action = QAction(parent)
            action.setObjectName("action" + name.title())
            action.triggered.connect(lambda _=False, n=name, f=file_name: self.open_asking(
                resource("sample_logs", f), self.lesson_actions[n].text()))
            menus.help_menu.insertAction(about, action)
            self.lesson_actions[name] = action
        menus.help_menu.insertSeparator(about)

        # The window passes its drag and drop events here (an event filter would run
        # Python for every event the window gets, each a GIL hand-over from training);
        # it calls stop_following when another run is shown.
        session.runStarting.connect(self.stop_following)
        self.retranslate()

    # ---- opening ----------------------------------------------------------------
    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, translate("LogOpener", "Open log"),
                                              str(self.viewer.runs_dir),
                                              translate("LogOpener", "Logs (*.log *.txt *.csv *.out);;All files (*)"))
        if path:
            self.open_asking(path)

    def open_asking(self, path: Path | str, what: str | None = None) -> bool:
        """Open ``path`` as the user asked to (menu, lesson, drop): a running training is
        stopped only if the user agrees.  True when the log is being opened."""
        if not self.viewer.confirm_replacing_run(what or Path(path).name):
            return False
        self.open(path)
        return True

    def open(self, path: Path | str) -> None:
        """Read ``path`` off the GUI thread, then show it (a current run is stopped first)."""
        path = Path(path)
        self.stop_following()
        generation = self._generation
        self.viewer.show_message(translate("LogOpener", "Opening {0}…").format(path))

        def load() -> None:
            call = BackgroundCall("open-log", lambda: load_log(path), self)
            call.done.connect(lambda opened: self._loaded(call, generation, opened))
            call.failed.connect(lambda message: self._failed(call, path, message))
            self._calls.add(call)
            call.start()

        self.session.when_stopped(load)

    def _loaded(self, call: BackgroundCall, generation: int, opened: OpenedLog) -> None:
        self._calls.discard(call)
        if generation != self._generation:
            return  # another log or a run was opened meanwhile
        if opened.error is not None:
            self._show_error(opened.error.message(i18n.current_language()))
            return
        table = opened.table
        self.path, self.table, self.follower = opened.path, table, opened.follower
        self.dock.loading_log = True  # the rows below are a log's: not for the live diagnosis
        self.viewer.show_log_rows(opened.rows, opened.path,
                                  [event for event in table.events if event.get("type") == "knob"])
        summary = summary_of(opened.path, table)
        self.dock.show_log(table, summary)
        self.viewer.show_message(self.dock.summary_text())
        if self.follower is not None:
            self.timer.start()

    def _failed(self, call: BackgroundCall, path: Path, message: str) -> None:
        self._calls.discard(call)
        self._show_error(translate("LogOpener", "{0}: {1}").format(path, message))

    def _show_error(self, message: str) -> None:
        self.viewer.show_message(message, error=True)
        QMessageBox.warning(self.parent_widget, translate("LogOpener", "Could not open the log"), message)

    # ---- following ------------------------------------------------------------------
    def following(self) -> bool:
        return self.timer.isActive()

    def stop_following(self) -> None:
        self._generation += 1
        self.timer.stop()
        self.follower = None

    def _poll(self) -> None:
        follower = self.follower
        if follower is None or self._polling:
            return
        self._polling = True
        generation = self._generation
        call = BackgroundCall("follow-log", follower.poll, self)

        def done(table: MetricTable | None) -> None:
            self._calls.discard(call)
            self._polling = False
            if generation == self._generation and table is not None and len(table):
                self._grew(table)

        def failed(_message: str) -> None:  # e.g. the file went away: keep what is shown, try again
            self._calls.discard(call)
            self._polling = False

        call.done.connect(done)
        call.failed.connect(failed)
        self._calls.add(call)
        call.start()

    def _grew(self, more: MetricTable) -> None:
        self.table = joined(self.table, more) if self.table is not None else more
        self.viewer.append_rows(table_rows(more))
        self.dock.extend_log(self.table, summary_of(self.path, self.table))

    # ---- drag and drop (the window forwards its events) ---------------------------
    def drag_entered(self, event: QEvent) -> bool:
        """Accept a drag that carries a local file; True if accepted."""
        if _dropped_path(event) is None:
            return False
        event.acceptProposedAction()
        return True

    def dropped(self, event: QEvent) -> bool:
        """Open a dropped file; True if there was one."""
        path = _dropped_path(event)
        if path is None:
            return False
        event.acceptProposedAction()
        # Asked after the drop has ended: a question inside the drop handler would hold the drag.
        QTimer.singleShot(0, lambda: self.open_asking(path))
        return True

    def retranslate(self) -> None:
        self.open_action.setText(translate("LogOpener", "Open log…"))
        self.open_action.setToolTip(translate(
            "LogOpener", "Show a training log's curves and hints (Keras-GAN, PyTorch-GAN, CSV, TensorBoard…)"))
        self.loss_menu.setTitle(translate("LogOpener", "Loss of opened logs"))
        self.loss_menu.setToolTip(translate(
            "LogOpener", "Which loss an opened log's numbers are: each is judged on its own scale"))
        texts = {
            None: translate("LogOpener", "Detect from the log"),
            "bce": translate("LogOpener", "BCE, mean of the real and fake terms (Keras-GAN, PyTorch-GAN)"),
            "bce_sum": translate("LogOpener", "BCE, sum of the two terms (pytorch/examples, Chainer)"),
            "lsgan": translate("LogOpener", "Least squares (LSGAN, CycleGAN)"),
            "hinge": translate("LogOpener", "Hinge"),
            "relhinge": translate("LogOpener", "Relativistic hinge"),
            "wgan": translate("LogOpener", "Wasserstein (WGAN, WGAN-GP)"),
        }
        for loss, action in self.loss_actions.items():
            action.setText(texts[loss])
        self.lesson_actions["lesson1"].setText(
            translate("LogOpener", "Lesson 1: D too strong (example 1 of the article)"))
        self.lesson_actions["lesson2"].setText(
            translate("LogOpener", "Lesson 2: a healthy run (example 2 of the article)"))


def _dropped_path(event: Any) -> Path | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None
