"""The main window: knobs at the side, curves in the centre, samples, status bar.

The window is the view and the glue.  Training lives in
:class:`TrainingSession` (a worker thread); the window turns the session's
signals into curves, samples, markers and status, and the panel's edits
into knob changes.  Integration points for other panels:

* ``rowsArrived(list)`` / ``rowsCleared()`` / ``eventArrived(dict)`` /
  ``sampleArrived(step, sample)`` / ``statusArrived(dict)``: everything the
  run reports, in the GUI thread.  An opened or resumed run replays its past
  as ``rowsCleared`` then one ``rowsArrived`` and its events.
* ``driver``: the current :class:`Driver` or None; ``driverChanged(driver)``.
* ``add_dock(widget, title)`` for side panels (hints) and
  ``add_curve_panel(widget)`` for plots that share the step axis (quality).
* ``curves.add_marker(step, label)``; ``open_run(path)``; ``menus`` (actions
  and menus), ``status`` (the status bar), ``knob_panel``, ``samples``.

The row and event signals are declared ``Signal(object)``: ``Signal(list)``
would convert every row into a QVariant on the way (measured 0.48 s per
100,000 rows); the object passed is the list itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMenu, QMessageBox, QToolBar, QWidget

from .. import __version__
from .. import knobs as knob_table
from ..metrics import ENGINE_FIELDS
from ..paths import default_runs_dir
from ..run_model import RunModel
from ..run_model.loader import LoadedRun, load_run
from ..run_model.sample_history import save_png
from ..training import threads as thread_choice
from ..training.control import RunState
from ..training.options import RunOptions
from . import i18n
from . import settings as keys
from .background import BackgroundCall
from .confirm_stop import confirm_stopping_training
from .curves import CurvesView
from .data_notes import install_data_notes
from .diagnosis_dock import DiagnosisDock
from .disk_trouble import install_disk_trouble
from .engine_loader import EngineLoader
from .knob_panel import KnobPanel
from .learning_docks import LearningDocks
from .log_opener import LogOpener
from .menus import WindowMenus
from .plain_words import plain_event_text
from .preferences import PreferencesDialog
from .sample_view import SampleView
from .scroll_when_short import ScrollWhenShort
from .session import TrainingSession
from .status_bar import RunStatusBar
from .transport import TransportBar
from .welcome import Welcome

if TYPE_CHECKING:  # torch loads in the background once the window is up (engine_loader.py)
    from ..training import Driver

STATUS_MS = 250           # the status bar's labels change at most this often
CLOSE_TIMEOUT_MS = 15000   # closing waits this long for the current step and the final checkpoint
LAYOUT_VERSION = 1


class MainWindow(QMainWindow):
    rowsArrived = Signal(object)      # list[dict]: a batch of metric rows
    rowsCleared = Signal()
    eventArrived = Signal(object)     # dict, as in events.jsonl
    sampleArrived = Signal(object, object)
    statusArrived = Signal(object)
    driverChanged = Signal(object)
    runOpened = Signal(str)
    languageChanged = Signal(str)

    def __init__(self, config: Mapping[str, Any] | None = None, *, runs_dir: Path | None = None,
                 run_options: RunOptions | None = None, settings=None, language: str | None = None,
                 threads: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else keys.open_settings()
        self.run_options = run_options or RunOptions()
        saved_runs = keys.read_str(self.settings, keys.KEY_RUNS_DIR)
        self.runs_dir = Path(runs_dir) if runs_dir else (Path(saved_runs) if saved_runs else default_runs_dir())
        self.shown_run: Path | None = None
        self._background: set[BackgroundCall] = set()
        self._close_when_stopped = False
        self._run_failed = False  # the current run ended in an error (its message stays shown)
        self._dock_titles: dict[QDockWidget, Callable[[], str]] = {}

        # The run as shown (rows, events, knobs in force and pending), without Qt.
        self.model = RunModel(ENGINE_FIELDS)
        self.buffer = self.model.rows
        self.session = TrainingSession(self)
        self._threads_asked = threads
        self._choose_threads()
        # torch and the engine load in the background once the window has painted.
        self.engine_loader = EngineLoader(self)
        self.engine_loader.loaded.connect(self._engine_loaded)
        self.engine_loader.failed.connect(self._engine_failed)
        self.curves = CurvesView(self.buffer, self)
        self.setCentralWidget(ScrollWhenShort(self.curves, "curvesScroll", floor=self.curves.legible_height))
        self.knob_panel = KnobPanel(self._initial_values(config), self)
        self.samples = SampleView(self)
        self.transport = TransportBar(self)
        self.knob_dock = self._make_dock(self.knob_panel, "knobDock", Qt.DockWidgetArea.LeftDockWidgetArea,
                                         lambda: self.tr("Knobs"))
        self.samples_dock = self._make_dock(self.samples, "samplesDock", Qt.DockWidgetArea.RightDockWidgetArea,
                                            lambda: self.tr("Samples"))
        self.transport_bar = QToolBar(self)
        self.transport_bar.setObjectName("transportToolBar")
        self.transport_bar.addWidget(self.transport)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.transport_bar)
        self.status = RunStatusBar(self)
        self.setStatusBar(self.status)
        self.menus = WindowMenus(self, self._action_slots(), [
            self.knob_dock.toggleViewAction(), self.samples_dock.toggleViewAction(),
            self.transport_bar.toggleViewAction()], self._fill_recent_menu)
        self._connect()
        # Hints dock, hint bands, Quality panel; File > Open log…, drops, Help lessons.
        self.diagnosis = DiagnosisDock(self.model, self.curves, self.session, self.knob_panel, self.show_message,
                                       self.add_dock, self)
        self.log_opener = LogOpener(self, self, self.menus, self.diagnosis, self.session)
        self.setAcceptDrops(True)  # drops are passed to the log opener
        self.driverChanged.connect(self.diagnosis.driver_changed)
        self.driverChanged.connect(lambda _driver: self.log_opener.stop_following())
        self.runOpened.connect(lambda _path: self.log_opener.stop_following())
        self.languageChanged.connect(self.diagnosis.language_changed)
        # First-run welcome above the curves, Help > Welcome.
        self.welcome = Welcome(self.curves, self.menus, self.settings, self.log_opener.lesson_actions["lesson1"])
        # Above the curves: images the data loader skipped, and why; run files that cannot be written.
        self.data_notes = install_data_notes(self.curves, self.session)
        self.disk_trouble = install_disk_trouble(self.curves, self.session)
        # Learn docks: 2D playground, compare runs, practice, guide.
        self.learning = LearningDocks(self.session, self.knob_panel.values, self.curves, lambda: self.shown_run,
                                      self.show_message, self.add_dock, self)

        self.resize(1400, 900)
        self.resizeDocks([self.knob_dock, self.samples_dock], [300, 380], Qt.Orientation.Horizontal)
        self._default_state = self.saveState(LAYOUT_VERSION)
        self._default_docks = [dock for dock in self._dock_titles if not dock.isHidden()]  # not the Learn docks
        self._restore_layout()
        # The driver reports ten times a second; the labels change at most four
        # times a second (each change relays out and repaints the status bar).
        self._latest_status: dict[str, Any] | None = None
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_MS)
        self._status_timer.timeout.connect(self._show_status)
        self._status_timer.start()
        wanted = language or keys.read_str(self.settings, keys.KEY_LANGUAGE) or i18n.system_language()
        if wanted in i18n.LANGUAGES and wanted != i18n.current_language():
            i18n.set_language(wanted)
        self.retranslate()
        self._update_actions()

    # ---- building --------------------------------------------------------------
    def _initial_values(self, config: Mapping[str, Any] | None) -> dict[str, Any]:
        config = dict(config or {})
        values = knob_table.defaults(config.get("dataset"))
        device = keys.read_str(self.settings, keys.KEY_DEVICE)
        if device in knob_table.DEVICES:
            values["device"] = device
        values.update(knob_table.validate_many(config))
        return values

    def _make_dock(self, widget: QWidget, name: str, area: Qt.DockWidgetArea,
                   title: Callable[[], str]) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self._dock_titles[dock] = title
        dock.setWindowTitle(title())
        return dock

    def add_dock(self, widget: QWidget, title: str | Callable[[], str], name: str | None = None,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        """Add a side panel (e.g. hints); ``title`` may be a callable re-read on a language change.

        Its place is remembered with the rest of the layout (give it a stable ``name``).
        """
        title_of = title if callable(title) else (lambda: title)
        dock = self._make_dock(widget, name or f"{widget.objectName() or type(widget).__name__}Dock", area,
                               title_of)
        self.restoreDockWidget(dock)
        self.menus.add_view_action(dock.toggleViewAction())
        return dock

    def add_curve_panel(self, widget: QWidget) -> None:
        """Add a plot under the curves, sharing their step axis (e.g. quality metrics)."""
        self.curves.add_panel(widget)

    def _action_slots(self) -> dict[str, Callable[[], None]]:
        return {
            "open_run": self._ask_open_run, "save_checkpoint": self.save_checkpoint,
            "load_checkpoint": self._ask_load_checkpoint, "save_sample": self.samples.ask_save,
            "quit": self.close, "undo": self.undo, "preferences": self.show_preferences,
            "start": self.start, "pause": self.toggle_pause, "step": self.step_once, "stop": self.stop,
            "reset": self.reset, "restart": self.restart_with_settings, "reset_layout": self.reset_layout,
            "about": self._about,
        }

    def _connect(self) -> None:
        t = self.transport
        t.startClicked.connect(self.start)
        t.pauseClicked.connect(self.toggle_pause)
        t.stepClicked.connect(self.step_once)
        t.stopClicked.connect(self.stop)
        t.resetClicked.connect(self.reset)
        p = self.knob_panel
        p.liveEdited.connect(self._live_edited)
        p.setupEdited.connect(self._setup_edited)
        p.restartRequested.connect(self.restart_with_settings)
        p.knobRefused.connect(lambda _name, message: self.show_message(message, error=True))
        p.stateChanged.connect(self._update_actions)
        s = self.session
        s.runStarting.connect(self._run_starting)
        s.driverReady.connect(self._driver_ready)
        s.historyReady.connect(lambda loaded: self._show_run(loaded, opened=False))
        s.rowsArrived.connect(self._rows)
        s.sampleArrived.connect(self._sample)
        s.eventArrived.connect(self._event)
        s.statusArrived.connect(self._status_update)
        s.stateChanged.connect(self._state_changed)
        s.failed.connect(self._failed)
        s.checkpointSaved.connect(lambda path: self.show_message(self.tr("Checkpoint saved: {0}").format(path)))
        s.checkpointFailed.connect(
            lambda message: self.show_message(self.tr("Could not save the checkpoint: {0}").format(message), True))
        self.samples.saveRequested.connect(self._save_sample_png)

    # ---- the run -------------------------------------------------------------
    @property
    def events(self) -> list[dict[str, Any]]:
        """The shown run's events (the run model's list)."""
        return self.model.events

    @property
    def driver(self) -> Driver | None:
        """The current run's Driver (None before the first run or while showing an opened run)."""
        return self.session.driver

    def start(self) -> None:
        """Start: a new run with the panel's settings, or resume a paused one.

        Pressed while torch is still loading, it starts as soon as the engine is there."""
        if self.session.state is RunState.PAUSED:
            self.session.resume()
            return
        if self.session.is_active():
            return
        problem = self.knob_panel.blocking_error()
        if problem:  # e.g. a mistyped dataset: say so, never train on another one
            self.show_message(problem, error=True)
            return
        self._with_engine(lambda: self.session.start_new(self.knob_panel.values(), self.runs_dir,
                                                         self.run_options))

    def _with_engine(self, action: Callable[[], None]) -> None:
        """Run ``action`` once torch and the engine have loaded (at once when they have)."""
        if not self.engine_loader.when_ready(action):
            self.show_message(self.tr("Loading PyTorch… training starts as soon as it is ready"))
            self.transport.set_loading(True, waiting=True)
            self._update_actions()

    def _engine_loaded(self) -> None:
        self.transport.set_loading(False)
        self._update_actions()

    def _engine_failed(self, message: str) -> None:
        self.transport.set_loading(False)
        self.show_message(self.tr("PyTorch could not be loaded: {0}. Headless commands and log reading "
                                  "still work; reinstall torch to train.").format(message), error=True)

    def _choose_threads(self) -> None:
        asked = self._threads_asked or keys.read_int(self.settings, keys.KEY_THREADS) or None
        self.thread_policy = thread_choice.choose(beside_window=True, requested=asked)
        self.session.thread_policy = self.thread_policy

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.engine_loader.ready:
            # After this turn of the event loop, so the window paints first.
            QTimer.singleShot(0, self._start_loading)

    def _start_loading(self) -> None:
        if not self.engine_loader.ready:
            self.transport.set_loading(True, waiting=self.transport.waiting_to_start)
            self.engine_loader.start()

    def toggle_pause(self) -> None:
        self.session.toggle_pause()

    def step_once(self, part: str = "both") -> None:
        """While paused: one training step, or one update of D only ("d") or G only ("g")."""
        self.session.step_once(part)

    def stop(self) -> None:
        self.session.stop()

    def reset(self) -> None:
        """A fresh model with the settings in force (staged setup knobs are not used)."""
        driver = self.driver
        if driver is None:
            self.start()
            return
        values = self.knob_panel.values()
        values.update(driver.engine.config)
        values.update(knob_table.live_part(self.knob_panel.values()))
        self.session.start_new(values, self.runs_dir, self.run_options)

    def restart_with_settings(self) -> None:
        """A fresh model with every knob as the panel shows it, staged setup knobs included."""
        self._with_engine(lambda: self.session.start_new(self.knob_panel.values(), self.runs_dir,
                                                         self.run_options))

    def undo(self) -> None:
        if not self.knob_panel.undo():
            self.show_message(self.tr("Nothing to undo"))

    def _live_edited(self, name: str, value: Any) -> None:
        try:
            sent = self.session.submit({name: value})
        except knob_table.KnobError as exc:  # never reaches training; shown where it was typed
            self.knob_panel.show_error(name, exc.message(i18n.current_language()))
            self.show_message(exc.message(i18n.current_language()), error=True)
            return
        if sent:
            self.model.ask_knobs({name: value})
            self.knob_panel.mark_pending(name, value)

    def _setup_edited(self, name: str, value: Any) -> None:
        if self.session.driver is not None and self.knob_panel.staged():
            self.show_message(self.tr("{0} is staged: use Restart with these settings to build a new model")
                              .format(name))

    def save_checkpoint(self, directory: Path | None = None) -> bool:
        """Save the model now (into the run's checkpoints folder unless ``directory`` is given)."""
        driver = self.driver
        if driver is None:
            self.show_message(self.tr("There is no model to save: start training first"), True)
            return False
        if directory is None:
            if driver.run_dir is not None:
                directory = driver.run_dir / "checkpoints"
            else:
                chosen = QFileDialog.getExistingDirectory(self, self.tr("Save checkpoint in folder"))
                if not chosen:
                    return False
                directory = Path(chosen)
        if not self.session.save_checkpoint(Path(directory)):
            self.show_message(self.tr("The model is not ready yet; try again in a moment"), True)
            return False
        return True

    def load_checkpoint(self, path: Path) -> None:
        """Resume training from a checkpoint file (its run's curves come back too)."""
        self.show_message(self.tr("Loading checkpoint {0}…").format(Path(path).name))
        self._with_engine(lambda: self.session.resume_from(Path(path), self.runs_dir, self.run_options))

    def _ask_load_checkpoint(self) -> None:
        run_dir = self.driver.run_dir if self.driver else None
        start = str(run_dir / "checkpoints") if run_dir else str(self.runs_dir)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load checkpoint"), start,
                                              self.tr("Checkpoints (*.safetensors)"))
        if path:
            self.load_checkpoint(Path(path))

    # ---- opening a run -----------------------------------------------------------
    def open_run(self, path: Path | str) -> None:
        """Show a run directory's curves, markers and samples (stops a current run first).

        Loading happens off the GUI thread; ``runOpened(path)`` says when it is shown.
        """
        path = Path(path)
        self.show_message(self.tr("Opening {0}…").format(path))

        def load() -> None:
            call = BackgroundCall("open-run", lambda: load_run(path), self)
            call.done.connect(lambda loaded: self._opened(call, loaded))
            call.failed.connect(lambda message: self._open_failed(call, message))
            self._background.add(call)
            call.start()

        self.session.when_stopped(load)

    def _opened(self, call: BackgroundCall, loaded: LoadedRun) -> None:
        self._background.discard(call)
        self.session.forget_run()
        self.knob_panel.set_run_setup(None)
        self._clear_views()
        self._show_run(loaded, opened=True)

    def _open_failed(self, call: BackgroundCall, message: str) -> None:
        self._background.discard(call)
        self.show_message(self.tr("Could not open the run: {0}").format(message), True)

    def open_log(self, path: Path | str) -> None:
        """Show any supported training log's curves and hints, and follow it while it grows."""
        self.log_opener.open(path)

    def show_log_rows(self, rows: list[dict[str, Any]], path: Path,
                      knob_changes: list[dict[str, Any]] | tuple = ()) -> None:
        """Replace what is shown with an opened log's rows (no run, no knobs in force) and
        the markers of its knob changes."""
        self.session.forget_run()
        self.knob_panel.set_run_setup(None)
        self._clear_views()
        self.shown_run = Path(path)
        self.rowsCleared.emit()
        self.append_rows(rows)
        for event in knob_changes:
            self.curves.add_knob_change(event)
        self._update_title()

    def append_rows(self, rows: list[dict[str, Any]]) -> None:
        """More rows for the curves (a followed log that grew)."""
        self._rows(rows)

    def _ask_open_run(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open run folder"), str(self.runs_dir))
        if path and self.confirm_replacing_run(Path(path).name):
            self.open_run(path)

    def _show_run(self, loaded: LoadedRun | None, opened: bool) -> None:
        if loaded is None:
            return
        self.model.clear()
        self.curves.clear_markers()
        self.samples.clear()
        self.model.add_columns(loaded.steps, loaded.columns, loaded.rows)
        for event in loaded.knob_changes:
            self.curves.add_knob_change(event)
        for step, png in loaded.samples:
            self.samples.add_sample(step, path=png)
        self.model.add_events(loaded.events)
        self.shown_run = loaded.path
        if opened:
            self.knob_panel.set_values(loaded.last_knobs())
        self._remember_run(loaded.path)
        self.rowsCleared.emit()
        if loaded.rows:
            self.rowsArrived.emit(loaded.rows)
        for event in loaded.events:
            self.eventArrived.emit(event)
        text = self.tr("{0}: {1} steps, {2} knob changes, {3} sample grids").format(
            loaded.path.name, len(loaded.rows), len(loaded.knob_changes), len(loaded.samples))
        if loaded.bad_lines:
            name, line = loaded.bad_lines[0]
            text += " " + self.tr("({0} unreadable lines skipped, first: {1} line {2})").format(
                loaded.skipped_lines, name, line)
        self.show_message(text)
        self._update_title()
        if opened:
            self.runOpened.emit(str(loaded.path))

    def _remember_run(self, path: Path) -> None:
        keys.add_recent_run(self.settings, path)

    def _fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        runs = keys.recent_runs(self.settings)
        if not runs:
            action = menu.addAction(self.tr("(none yet)"))
            action.setEnabled(False)
        for run in runs:
            action = menu.addAction(run)
            action.triggered.connect(
                lambda _=False, r=run: self.confirm_replacing_run(Path(r).name) and self.open_run(r))

    def confirm_replacing_run(self, what: str) -> bool:
        """Whether ``what`` may replace the view of a running training (the user is asked)."""
        return confirm_stopping_training(self, self.session, self.status, what)

    # ---- session signals -----------------------------------------------------------
    def _run_starting(self) -> None:
        self._run_failed = False
        self._clear_views()
        self.shown_run = None
        self.show_message(lambda: self.tr("Building the model…"))
        self.rowsCleared.emit()

    def _clear_views(self) -> None:
        self.model.clear()
        self.curves.clear()
        self.samples.clear()
        self._latest_status = None
        self.status.clear_run()

    def _driver_ready(self, driver: Driver) -> None:
        engine = driver.engine
        self.knob_panel.set_values(knob_table.setup_part(engine.config))
        self.knob_panel.set_run_setup(engine.config)
        self.knob_panel.show_in_force(engine.live)
        self.status.show_run({}, device=lambda: self._describe_device(engine.device), step=engine.step_count)
        if driver.run_dir is not None:
            self.shown_run = driver.run_dir
            self._remember_run(driver.run_dir)
            self.show_message(lambda: self.tr("Training; run files in {0}").format(driver.run_dir))
        self._update_title()
        self.driverChanged.emit(driver)

    def _describe_device(self, device) -> str:
        if device.type != "cpu":
            from ..training.device import describe

            return describe(device)
        return self.thread_policy.describe(i18n.current_language())  # worded once, in the core

    def _rows(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self.model.add_rows(rows)
        last = rows[-1]
        self.knob_panel.show_in_force({n: last[n] for n in knob_table.LIVE_KNOBS if n in last})
        self.rowsArrived.emit(rows)

    def _sample(self, step: int, sample: Any) -> None:
        driver = self.driver
        path = driver.run_dir / "samples" / f"step_{int(step):06d}.png" if driver and driver.run_dir else None
        self.samples.add_sample(int(step), sample, path)
        self.sampleArrived.emit(step, sample)

    def _event(self, event: dict[str, Any]) -> None:
        self.model.add_events([event])
        kind = event.get("type")
        if kind == "knob":
            self.curves.add_knob_change(event)
        elif kind in ("error", "info", "divergence", "run_moved", "saving_stopped"):
            # The core may give a Japanese text beside the English one; shown in the language of the moment.
            self.show_message(lambda: plain_event_text(event, i18n.current_language()),
                              error=kind in ("error", "divergence"))
        if kind == "run_moved":  # disk trouble answered: the run's files are elsewhere now
            self.shown_run = Path(event["to"])
            self._remember_run(self.shown_run)
            self._update_title()
        self.eventArrived.emit(event)

    def _status_update(self, status: dict[str, Any]) -> None:
        self._latest_status = status
        self.statusArrived.emit(status)

    def _show_status(self) -> None:
        status, self._latest_status = self._latest_status, None
        if status is not None:
            self.status.show_run(status)
        self.status.show_elapsed(self.session.elapsed_seconds())

    def _state_changed(self, value: str) -> None:
        state = RunState(value)
        self.model.set_state(state)
        self.transport.set_state(state)
        self.status.show_state(state)
        self._update_actions()
        # A failed run keeps its "Training failed" message in the status bar.
        if state is RunState.STOPPED and self.driver is not None and not self._run_failed:
            where, step = self.driver.run_dir, self.driver.engine.step_count
            self.show_message(lambda: self.tr("Stopped at step {0}").format(step)
                              + (" — " + self.tr("files kept in {0}").format(where) if where else ""))
        if state in (RunState.STOPPED, RunState.IDLE) and self._close_when_stopped:
            self.close()

    def _failed(self, message: str) -> None:
        self._run_failed = True
        self.show_message(self.tr("Training failed: {0}").format(message), error=True)
        # Shown beside the knob the message is about, when it names one (or the data's path).
        dataset = str(self.knob_panel.values()["dataset"])
        for name in knob_table.KNOBS:
            about_data = name == "dataset" and bool(dataset) and message.startswith(dataset)
            if message.startswith((name + " ", name + ":")) or about_data:
                self.knob_panel.show_error(name, message)
                break

    def _save_sample_png(self, sample: Any, path: str) -> None:
        call = BackgroundCall("save-png", lambda: save_png(sample, Path(path)), self)

        def done(saved: Path) -> None:
            self._background.discard(call)
            self.show_message(self.tr("Sample grid saved: {0}").format(saved))

        def failed(message: str) -> None:
            self._background.discard(call)
            self.show_message(self.tr("Could not save the sample grid: {0}").format(message), True)

        call.done.connect(done)
        call.failed.connect(failed)
        self._background.add(call)
        call.start()

    # ---- status bar ------------------------------------------------------------------
    def show_message(self, text: str | Callable[[], str], error: bool = False) -> None:
        """Show ``text`` in the status bar; a callable (e.g. ``lambda: self.tr(...)``) is
        called again when the language changes."""
        self.status.show_message(text, error)

    @property
    def message_label(self):
        return self.status.message_label

    def _update_title(self) -> None:
        run = self.shown_run
        self.setWindowTitle(f"gantuner — {run.name}" if run else "gantuner")

    def _update_actions(self) -> None:
        t = self.transport
        state = self.session.state
        self.menus.set_enabled({
            "start": t.start_button.isEnabled(), "pause": t.pause_button.isEnabled(),
            "step": t.step_button.isEnabled(), "stop": t.stop_button.isEnabled(),
            "reset": t.reset_button.isEnabled(),
            "restart": bool(self.knob_panel.staged()) or state in (RunState.RUNNING, RunState.PAUSED),
            "undo": self.knob_panel.can_undo(), "save_checkpoint": self.driver is not None,
        })
        self.menus.retranslate(state)

    # ---- preferences and language ------------------------------------------------
    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.knob_panel.values()["device"], i18n.current_language(),
                                   self.runs_dir, self, threads=keys.read_int(self.settings, keys.KEY_THREADS))
        dialog.accepted.connect(
            lambda: self.apply_preferences(dialog.device(), dialog.language(), dialog.runs_dir(),
                                           dialog.threads()))
        dialog.open()
        return dialog

    def apply_preferences(self, device: str, language: str, runs_dir: Path, threads: int | None = None) -> None:
        if threads is not None:
            self.settings.setValue(keys.KEY_THREADS, int(threads))
            self._threads_asked = None  # the preference now says
            self._choose_threads()
        self.settings.setValue(keys.KEY_DEVICE, device)
        self.settings.setValue(keys.KEY_LANGUAGE, language)
        self.settings.setValue(keys.KEY_RUNS_DIR, str(runs_dir))
        self.runs_dir = Path(runs_dir)
        if device != self.knob_panel.values()["device"]:
            self.knob_panel.set_value("device", device)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        """Switch the interface language at once (no restart)."""
        i18n.set_language(language)
        self.languageChanged.emit(language)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if hasattr(self, "log_opener"):  # a LanguageChange can come while the window is built
                self.log_opener.retranslate()
        super().changeEvent(event)

    # A log file dropped anywhere on the window opens it.
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if not self.log_opener.drag_entered(event):
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if not self.log_opener.drag_entered(event):
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        if not self.log_opener.dropped(event):
            super().dropEvent(event)

    def retranslate(self) -> None:
        for dock, title in self._dock_titles.items():
            dock.setWindowTitle(title())
        self.transport_bar.setWindowTitle(self.tr("Transport"))
        self._update_actions()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About gantuner"),
                          self.tr("gantuner {0}: tune GANs by hand, with live curves, live knobs "
                                  "and hints.").format(__version__))

    # ---- layout and closing ------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value(keys.KEY_GEOMETRY)
        state = self.settings.value(keys.KEY_STATE)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state, LAYOUT_VERSION)

    def save_layout(self) -> None:
        self.settings.setValue(keys.KEY_GEOMETRY, self.saveGeometry())
        self.settings.setValue(keys.KEY_STATE, self.saveState(LAYOUT_VERSION))
        self.settings.sync()

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, LAYOUT_VERSION)
        for dock in self._dock_titles:
            dock.setVisible(dock in self._default_docks)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Stop training cleanly (the run files stay) and remember the layout."""
        self.save_layout()
        if not self.session.shutdown(CLOSE_TIMEOUT_MS):
            # A very slow step is still running: close as soon as it ends.
            self._close_when_stopped = True
            self.show_message(self.tr("Waiting for the current training step to finish…"))
            event.ignore()
            return
        for call in list(self._background):
            call.thread.join(timeout=5.0)
        self.engine_loader.cancel_waiting()
        self.engine_loader.join(timeout=30.0)  # an import cut short at exit can crash the interpreter
        # Every timer of the window and its panels (redraws, status, diagnosis):
        # a closed window must not keep waking the event loop.
        for timer in self.findChildren(QTimer):
            timer.stop()
        super().closeEvent(event)
