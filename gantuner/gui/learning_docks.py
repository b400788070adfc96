"""The Learn docks: one :class:`LearningDocks` adds them to the main window.

A tab set of docks at the bottom: the 2D playground (data-space view and
stepping), run comparison, practice and the guide.  They are hidden until
asked for (View menu); each pane is built the first time its dock is shown
(:class:`~gantuner.gui.lazy_pane.LazyPane`), so they cost the window's start
nothing.  A pane scrolls in its dock when the dock is shorter than the pane:
the curves above keep their minimum height whatever the dock asks.  The playground trains only once a button of it is pressed, and
stops when the window closes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget

from ..learning.run_probe import RunProbe
from ..training.control import RunState
from .lazy_pane import LazyPane

if TYPE_CHECKING:
    from .curves import CurvesView
    from .session import TrainingSession

translate = QCoreApplication.translate

FIRST_SHOW_SHARE = 0.4  # the first Learn dock shown takes at most this share of the window's height


class LearningDocks(QObject):
    """Its collaborators, given by the window: the training session (the window's run: its
    state, its D-only and G-only steps while paused, and the probe called between its steps),
    ``knob_values`` (the knob panel's values: the playground starts from them), the curves
    (their smoothing, followed by the overlaid runs), ``shown_run`` (the run folder on show,
    which Compare runs calls "this run"), ``show_message`` (the status bar), ``add_dock`` (the
    window's panels) and ``host``, the main window as a plain :class:`QMainWindow` (the docks
    are tabbed together in it; its closing stops the playground)."""

    def __init__(self, session: TrainingSession, knob_values: Callable[[], Mapping[str, Any]], curves: CurvesView,
                 shown_run: Callable[[], Path | None], show_message: Callable[..., None],
                 add_dock: Callable[..., QDockWidget], host: QMainWindow) -> None:
        super().__init__(host)
        self.session = session
        self.knob_values = knob_values
        self.curves = curves
        self.shown_run = shown_run
        self.show_message = show_message
        self.host = host
        # The view also shows the window's own run, live, when it trains 2D data.
        self.run_probe = RunProbe()
        session.between_steps = self.run_probe
        self.panes = {
            "lab": LazyPane(self._build_lab, "learnDataSpacePane"),
            "compare": LazyPane(self._build_compare, "learnComparePane"),
            "practice": LazyPane(self._build_practice, "learnPracticePane"),
            "guide": LazyPane(self._build_guide, "learnGuidePane"),
        }
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks = [
            add_dock(_scrolling(self.panes["lab"]), lambda: translate("LearningDocks", "Learn: data space"),
                     name="learnDataSpaceDock", area=bottom),
            add_dock(_scrolling(self.panes["compare"]), lambda: translate("LearningDocks", "Learn: compare runs"),
                     name="learnCompareDock", area=bottom),
            add_dock(_scrolling(self.panes["practice"]), lambda: translate("LearningDocks", "Learn: practice"),
                     name="learnPracticeDock", area=bottom),
            add_dock(_scrolling(self.panes["guide"]), lambda: translate("LearningDocks", "Learn: guide"),
                     name="learnGuideDock", area=bottom),
        ]
        for dock in self.docks[1:]:
            host.tabifyDockWidget(self.docks[0], dock)
        for dock in self.docks:
            dock.hide()  # until asked for; the window's saved layout, restored after this, may show them
        self._first_shown = False
        for dock, pane in zip(self.docks, self.panes.values()):
            dock.visibilityChanged.connect(lambda visible, dock=dock, pane=pane: visible and self._size_once(dock, pane))
        host.installEventFilter(self)
        session.stateChanged.connect(self._state_changed)

    # The panes, built on first use.
    @property
    def lab(self):
        return self.panes["lab"].content()

    @property
    def compare(self):
        return self.panes["compare"].content()

    @property
    def practice(self):
        return self.panes["practice"].content()

    @property
    def guide(self):
        return self.panes["guide"].content()

    def _build_lab(self, parent: QWidget):
        from .learning_lab import LearningLab

        lab = LearningLab(parent, window_knobs=self.knob_values)
        # The run-control commands of the window's own run: D-only and G-only steps while paused.
        lab.main_run_step = self.session.step_once
        lab.watch_run(self.run_probe)
        lab.set_main_run_paused(self.session.state == RunState.PAUSED)
        return lab

    def _build_compare(self, parent: QWidget):
        from .overlaid_runs import OverlaidRuns

        compare = OverlaidRuns(parent, current_run=lambda: self.shown_run() or self.session.run_dir)
        compare.message.connect(self.show_message)
        compare.set_smoothing(self.curves.smoothing())   # overlaid curves smoothed as the main ones
        self.curves.smoothingChanged.connect(compare.set_smoothing)
        return compare

    def _build_practice(self, parent: QWidget):
        from .practice_pane import PracticePane

        return PracticePane(parent)

    def _build_guide(self, parent: QWidget):
        from .guide_pane import GuidePane

        return GuidePane(parent)

    def _size_once(self, dock: QDockWidget, pane: LazyPane) -> None:
        """The first Learn dock shown gets the height its pane asks for, up to a share of the window
        (in a scroll area it would otherwise open a few lines high); the curves keep their minimum
        whatever is asked, and the user may resize it from there."""
        if self._first_shown:
            return
        self._first_shown = True
        content = pane.content()
        asked = max(content.sizeHint().height(), content.minimumSizeHint().height())
        title_bar = dock.height() - dock.widget().height()
        wanted = min(asked + title_bar, int(self.host.height() * FIRST_SHOW_SHARE))
        if dock.height() < wanted:
            self.host.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)

    def _state_changed(self, value: str) -> None:
        if self.panes["lab"].is_built:
            self.lab.set_main_run_paused(value == RunState.PAUSED.value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.host and event.type() == QEvent.Type.Close and self.panes["lab"].is_built:
            self.lab.shutdown()
        return False


def _scrolling(pane: QWidget) -> QScrollArea:
    """``pane`` in a scroll area: a dock shorter (or narrower) than the pane needs scrolls it, so
    the Learn docks never squeeze the curves below their minimum nor push the window past the screen."""
    area = QScrollArea()
    area.setObjectName(f"{pane.objectName()}Scroll")
    area.setWidget(pane)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
