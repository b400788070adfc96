"""The Learn docks, added to the main window by one call: :func:`install_learning`.

A tab set of docks at the bottom: the 2D playground (data-space view and
stepping), run comparison, practice and the guide.  They are hidden until
asked for (View menu); each pane is built the first time its dock is shown
(:class:`~gantuner.gui.lazy_pane.LazyPane`), so they cost the window's start
nothing.  The playground trains only once a button of it is pressed, and
stops when the window closes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from ..learning.run_probe import RunProbe
from ..training.control import RunState
from .lazy_pane import LazyPane

translate = QCoreApplication.translate


class LearningDocks(QObject):
    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        # The view also shows the window's own run, live, when it trains 2D data.
        self.run_probe = RunProbe()
        window.session.between_steps = self.run_probe
        self.panes = {
            "lab": LazyPane(self._build_lab, "learnDataSpacePane"),
            "compare": LazyPane(self._build_compare, "learnComparePane"),
            "practice": LazyPane(self._build_practice, "learnPracticePane"),
            "guide": LazyPane(self._build_guide, "learnGuidePane"),
        }
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks = [
            window.add_dock(self.panes["lab"], lambda: translate("LearningDocks", "Learn: data space"),
                            name="learnDataSpaceDock", area=bottom),
            window.add_dock(self.panes["compare"], lambda: translate("LearningDocks", "Learn: compare runs"),
                            name="learnCompareDock", area=bottom),
            window.add_dock(self.panes["practice"], lambda: translate("LearningDocks", "Learn: practice"),
                            name="learnPracticeDock", area=bottom),
            window.add_dock(self.panes["guide"], lambda: translate("LearningDocks", "Learn: guide"),
                            name="learnGuideDock", area=bottom),
        ]
        for dock in self.docks[1:]:
            window.tabifyDockWidget(self.docks[0], dock)
        for dock in self.docks:
            dock.hide()  # until asked for; the window's saved layout, restored after this, may show them
        window.installEventFilter(self)
        window.session.stateChanged.connect(self._state_changed)

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

        window = self.window
        lab = LearningLab(parent, window_knobs=window.knob_panel.values)
        # The run-control commands of the window's own run: D-only and G-only steps while paused.
        lab.main_run_step = window.step_once
        lab.watch_run(self.run_probe)
        lab.set_main_run_paused(window.session.state == RunState.PAUSED)
        return lab

    def _build_compare(self, parent: QWidget):
        from .overlaid_runs import OverlaidRuns

        window = self.window
        compare = OverlaidRuns(parent, current_run=lambda: window.shown_run or _run_dir(window))
        compare.message.connect(window.show_message)
        compare.set_smoothing(window.curves.smoothing())   # overlaid curves smoothed as the main ones
        window.curves.smoothingChanged.connect(compare.set_smoothing)
        return compare

    def _build_practice(self, parent: QWidget):
        from .practice_pane import PracticePane

        return PracticePane(parent)

    def _build_guide(self, parent: QWidget):
        from .guide_pane import GuidePane

        return GuidePane(parent)

    def _state_changed(self, value: str) -> None:
        if self.panes["lab"].is_built:
            self.lab.set_main_run_paused(value == RunState.PAUSED.value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close and self.panes["lab"].is_built:
            self.lab.shutdown()
        return False


def _run_dir(window: Any):
    driver = getattr(window, "driver", None)
    return driver.run_dir if driver is not None else None


def install_learning(window: Any) -> LearningDocks:
    return LearningDocks(window)
