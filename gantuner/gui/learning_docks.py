"""The Learn docks, added to the main window by one call: :func:`install_learning`.

A tab set of docks at the bottom: the 2D playground (data-space view and
stepping), run comparison, practice and the guide.  They are hidden until
asked for (View menu); the playground trains only once a button of it is
pressed, and stops when the window closes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

from ..learning.run_probe import RunProbe
from ..training.control import RunState
from .guide_pane import GuidePane
from .learning_lab import LearningLab
from .overlaid_runs import OverlaidRuns
from .practice_pane import PracticePane

translate = QCoreApplication.translate


class LearningDocks(QObject):
    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.lab = LearningLab(window, window_knobs=window.knob_panel.values)
        self.compare = OverlaidRuns(window, current_run=lambda: window.shown_run or _run_dir(window))
        self.compare.message.connect(window.show_message)
        self.practice = PracticePane(window)
        self.guide = GuidePane(window)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks = [
            window.add_dock(self.lab, lambda: translate("LearningDocks", "Learn: data space"),
                            name="learnDataSpaceDock", area=bottom),
            window.add_dock(self.compare, lambda: translate("LearningDocks", "Learn: compare runs"),
                            name="learnCompareDock", area=bottom),
            window.add_dock(self.practice, lambda: translate("LearningDocks", "Learn: practice"),
                            name="learnPracticeDock", area=bottom),
            window.add_dock(self.guide, lambda: translate("LearningDocks", "Learn: guide"),
                            name="learnGuideDock", area=bottom),
        ]
        for dock in self.docks[1:]:
            window.tabifyDockWidget(self.docks[0], dock)
        for dock in self.docks:
            dock.hide()  # until asked for; the window's saved layout, restored after this, may show them
        window.installEventFilter(self)
        # The run-control commands of the window's own run: D-only and G-only steps while paused.
        self.lab.main_run_step = window.step_once
        # The view also shows the window's own run, live, when it trains 2D data.
        self.run_probe = RunProbe()
        window.session.between_steps = self.run_probe
        self.lab.watch_run(self.run_probe)
        window.session.stateChanged.connect(lambda value: self.lab.set_main_run_paused(value == RunState.PAUSED.value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.lab.shutdown()
        return False


def _run_dir(window: Any):
    driver = getattr(window, "driver", None)
    return driver.run_dir if driver is not None else None


def install_learning(window: Any) -> LearningDocks:
    return LearningDocks(window)
