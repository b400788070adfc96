"""The hints dock and the Quality panel.

Owns the live diagnosis (rows in, hints out on a 250 ms timer), the hints
panel, the hint bands on the curves and the quality curves.  Two modes:

* ``"live"``: a run trains; hints come from :class:`LiveDiagnosis` and their
  live actions can be applied (Apply -> ``session.submit(..., source="hint:<id>")``,
  restart actions are staged in the knob panel).
* ``"log"``: an opened log; the whole table is diagnosed as a finished run
  (``live=False``) and the actions are shown as advice.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from .. import knobs as knob_table
from .. import number_format
from ..diagnosis import diagnose
from ..diagnosis.live import LiveDiagnosis
from ..metrics import MetricTable
from ..run_model import RunModel
from ..training.control import RunState
from . import i18n
from .curves import PLOTS, CurvesView
from .hint_regions import HintRegions
from .hints_panel import HintsPanel
from .quality_plot import QualityPlot

if TYPE_CHECKING:
    from .knob_panel import KnobPanel
    from .session import TrainingSession

translate = QCoreApplication.translate

TICK_MS = 500  # how often the timer asks the live diagnosis for fresh hints (GIL time is training time)


class DiagnosisDock(QObject):
    """Its collaborators, given by the window: the run model (rows, events; its column
    store is read in place), the curves (the hint bands, the Quality panel below them),
    the training session (the run, and where a hint's changes are sent), the knob panel
    (pending and staged values), ``show_message`` (the status bar) and ``add_dock``
    (the window's side panels)."""

    def __init__(self, model: RunModel, curves: CurvesView, session: TrainingSession, knob_panel: KnobPanel,
                 show_message: Callable[..., None], add_dock: Callable[..., QDockWidget], parent: QWidget,
                 live: LiveDiagnosis | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.curves = curves
        self.session = session
        self.knob_panel = knob_panel
        self.show_message = show_message
        self.live = live or LiveDiagnosis(rows=model.rows)
        self.mode = "live"
        self.loading_log = False  # set by the log opener while a log's rows arrive
        self.log_table: MetricTable | None = None
        self.log_loss: str | None = None  # File > Loss of opened logs (None: from the log)
        self._log_dirty = False
        self._summary: tuple | None = None

        self.widget = QWidget(parent)
        self.widget.setObjectName("hintsDockContent")
        self.panel = HintsPanel(self.widget)
        self.summary = QLabel(self.widget)
        self.summary.setObjectName("logSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #444; padding: 2px 4px;")
        self.summary.hide()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.panel, 1)

        self.quality = QualityPlot(model.rows, parent)
        # The dataset of the model that trains, else the panel's (an opened run sets it): N in "k of N".
        self.quality.set_dataset_source(lambda: str(
            session.driver.engine.config.get("dataset") if session.driver is not None
            else knob_panel.values().get("dataset")))
        curves.add_panel(self.quality)
        # The quality panel is sparse (a point every few hundred steps): a bit less room than a plot.
        splitter = curves.splitter
        splitter.setSizes([300] * (splitter.count() - 1) + [280])
        self.regions = HintRegions([curves.plot_item(n) for n in PLOTS] + [self.quality.getPlotItem()])
        self.dock = add_dock(self.widget, lambda: translate("DiagnosisDock", "Hints"), name="hintsDock")

        model.subscribe(self)  # rows_added, cleared, event_added
        self.panel.applyRequested.connect(self.apply)
        self.panel.hintActivated.connect(self.regions.highlight)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    # ---- input: the run model's observer -------------------------------------------
    def rows_added(self, rows: Sequence[Mapping[str, Any]]) -> None:
        if self.mode == "live" and not self.loading_log:
            self.live.rows_added(rows)
        self.quality.rows_added(rows)

    def event_added(self, event: Mapping[str, Any]) -> None:
        if self.mode == "live":
            self.live.add_event(event)

    def cleared(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.live.clear()
        self.quality.clear()
        self._show_bands([])
        self.panel.set_hints([])
        self.log_table = None
        self._log_dirty = False
        self.mode = "live"
        self._summary = None
        self.summary.hide()
        driver = self.session.driver
        if driver is not None:
            self.live.set_knob_values(self._driver_knobs(driver))

    def driver_changed(self, driver: Any) -> None:
        """A run's driver is ready (or gone: None)."""
        self.mode = "live"
        self.loading_log = False
        if driver is not None:
            self.live.set_knob_values(self._driver_knobs(driver))

    @staticmethod
    def _driver_knobs(driver: Any) -> dict[str, Any]:
        return {**driver.engine.config, **driver.engine.live}

    def run_is_live(self) -> bool:
        return self.session.driver is not None and self.session.state in (RunState.RUNNING, RunState.PAUSED)

    # ---- opened logs -------------------------------------------------------------
    def show_log(self, table: MetricTable, summary: tuple) -> None:
        """Diagnose an opened log as a finished run; ``summary`` is (name, format, rows, skipped, first lines)."""
        self.mode = "log"
        self.loading_log = False
        self.log_table = table
        self._summary = summary
        self._show_summary()
        self._diagnose_log()

    def set_log_loss(self, loss: str | None) -> None:
        """The loss an opened log's numbers are (see gantuner.diagnosis.conventions); judged again."""
        self.log_loss = loss
        if self.mode == "log" and self.log_table is not None:
            self._diagnose_log()

    def extend_log(self, table: MetricTable, summary: tuple) -> None:
        """A followed log grew: the hints are renewed at the next tick."""
        self.log_table = table
        self._summary = summary
        self._show_summary()
        self._log_dirty = True

    def _diagnose_log(self) -> None:
        self._log_dirty = False
        if self.log_table is None:
            return
        hints = diagnose(self.log_table, live=False, knobs=None, loss=self.log_loss)
        self.panel.set_hints(hints, None)
        self._show_bands(hints)

    def _show_summary(self) -> None:
        if self._summary is None:
            self.summary.hide()
            return
        name, fmt, rows, skipped, first_lines = self._summary
        text = translate("DiagnosisDock", "{name}: {format} log, {rows} rows").format(
            name=name, format=fmt, rows=number_format.count(rows))
        if skipped:
            text += ", " + translate("DiagnosisDock", "{count} lines skipped (first: line {lines})").format(
                count=number_format.count(skipped), lines=", ".join(str(n) for n in first_lines))
        self.summary.setText(text)
        self.summary.show()

    def summary_text(self) -> str:
        return self.summary.text() if self._summary else ""

    # ---- the timer ---------------------------------------------------------------
    def tick(self) -> None:
        if self.mode == "log":
            if self._log_dirty:
                self._diagnose_log()
            return
        hints = self.live.maybe_update(time.monotonic())
        if hints is None:
            return
        self.panel.set_hints(hints, self.live.knob_values if self.run_is_live() else None)
        self._show_bands(hints)

    def _show_bands(self, hints: list) -> None:
        self.regions.set_hints(hints)
        self.curves.set_band_key(self.regions.key_entries())

    # ---- Apply --------------------------------------------------------------------
    def apply(self, hint_id: str, changes: dict, restart_changes: dict) -> None:
        try:
            sent = self.session.submit(changes, source=f"hint:{hint_id}") if changes else True
        except knob_table.KnobError as exc:
            self.show_message(exc.message(i18n.current_language()), error=True)
            return
        if sent:
            for name, value in changes.items():
                self.knob_panel.mark_pending(name, value)
        else:
            self.show_message(translate("DiagnosisDock", "No run in progress: start training to apply a hint"),
                              error=True)
        if restart_changes:
            for name, value in restart_changes.items():
                self.knob_panel.set_value(name, value)  # staged: used by Restart with these settings
            self.show_message(translate(
                "DiagnosisDock", "Staged {changes}: use Restart with these settings to build a new model").format(
                changes=", ".join(f"{k} = {knob_table.format_value(k, v)}" for k, v in restart_changes.items())))

    # ---- language -----------------------------------------------------------------
    def language_changed(self, language: str) -> None:
        self.regions.set_language(None)
        self.curves.set_band_key(self.regions.key_entries())
        self.quality.set_language(language)
        self._show_summary()
