"""Practice mode: read a training curve, say what is wrong and what to change, see the diagnosis.

The scenarios, the checking and the score live in gantuner/learning/practice.py
(Qt-free); this pane shows a scenario's curves, takes the two answers as
radio buttons, then reveals the diagnosis' finding with its evidence and
explanation, the scenario's origin, and the running score.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..learning.practice import CHANGES, HYPOTHESES, PracticeSession, Verdict
from . import i18n, plot_style
from .hints_panel import evidence_text
from .native_paint import PlotView

CURVES = ("d_loss", "g_loss", "d_acc")


class PracticePane(QWidget):
    def __init__(self, parent: QWidget | None = None, session: PracticeSession | None = None):
        super().__init__(parent)
        plot_style.configure()
        self.setObjectName("practicePane")
        self._session = session
        self.title = QLabel(self)
        self.title.setObjectName("practiceTitle")
        self.plot = PlotView(self)
        self.plot.setObjectName("practicePlot")
        self.plot.getPlotItem().showGrid(x=True, y=True, alpha=0.15)
        self.legend = self.plot.getPlotItem().addLegend(offset=(-10, 10))
        self.curves: dict[str, pg.PlotDataItem] = {}
        for name in CURVES:
            curve = pg.PlotDataItem(pen=plot_style.pen(plot_style.COLOURS[name], width=1.5), connect="finite",
                                    symbol="o", symbolSize=3, symbolPen=None,
                                    symbolBrush=plot_style.COLOURS[name])
            self.plot.getPlotItem().addItem(curve)
            self.legend.addItem(curve, name)   # relabelled in retranslate
            self.curves[name] = curve

        self.hypothesis_box = QGroupBox(self)
        self.change_box = QGroupBox(self)
        self.hypotheses = self._choices(self.hypothesis_box, HYPOTHESES, "hypothesis")
        self.changes = self._choices(self.change_box, CHANGES, "change")
        self.check_button = QPushButton(self)
        self.check_button.setObjectName("practiceCheck")
        self.check_button.clicked.connect(self.check)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("practiceNext")
        self.next_button.clicked.connect(self.next)
        self.score_label = QLabel(self)
        self.score_label.setObjectName("practiceScore")
        self.result = QLabel(self)
        self.result.setObjectName("practiceResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.result_scroll = QScrollArea(self)
        self.result_scroll.setWidgetResizable(True)
        self.result_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.result_scroll.setWidget(self.result)

        answers = QVBoxLayout()
        answers.addWidget(self.hypothesis_box)
        answers.addWidget(self.change_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.score_label)
        answers.addLayout(buttons)
        answers.addWidget(self.result_scroll, 1)
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.plot, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(left, 3)
        layout.addLayout(answers, 2)
        self.retranslate()

    @property
    def session(self) -> PracticeSession:
        """The scenarios are read the first time the pane needs them, not when the window opens."""
        if self._session is None:
            self._session = PracticeSession()
            self._show_scenario()
        return self._session

    def showEvent(self, event) -> None:  # noqa: N802
        self.session  # noqa: B018  (loads the scenarios once the pane is first seen)
        super().showEvent(event)

    def _choices(self, box: QGroupBox, options: dict, kind: str) -> QButtonGroup:
        group = QButtonGroup(box)
        layout = QVBoxLayout(box)
        for index, key in enumerate(options):
            button = QRadioButton(box)
            button.setObjectName(f"{kind}_{key}")
            button.setProperty("key", key)
            group.addButton(button, index)
            layout.addWidget(button)
        return group

    # ---- actions -----------------------------------------------------------------
    def choose(self, hypothesis: str, change: str) -> None:
        self.findChild(QRadioButton, f"hypothesis_{hypothesis}").setChecked(True)
        self.findChild(QRadioButton, f"change_{change}").setChecked(True)

    def check(self) -> Verdict | None:
        hypothesis, change = self.hypotheses.checkedButton(), self.changes.checkedButton()
        if hypothesis is None or change is None:
            self.result.setText(_text(self.tr("Pick a hypothesis and a change first.")))
            return None
        verdict = self.session.answer(hypothesis.property("key"), change.property("key"))
        self._show_verdict(verdict)
        return verdict

    def next(self) -> None:
        self.session.next()
        self._show_scenario()

    # ---- showing -----------------------------------------------------------------
    def _show_scenario(self) -> None:
        scenario = self.session.current
        self._show_scenario_title()
        table = scenario.table
        steps = table.step.astype(np.float64)
        for name, curve in self.curves.items():
            values = table.get(name)
            curve.setData(steps, values if values is not None else np.full(len(steps), np.nan))
            curve.setVisible(values is not None)
        self.plot.getPlotItem().enableAutoRange()
        for group in (self.hypotheses, self.changes):
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
                button.setEnabled(True)
            group.setExclusive(True)
        self.check_button.setEnabled(True)
        self.result.setText("")
        self._show_score()

    def _show_verdict(self, verdict: Verdict) -> None:
        language = i18n.current_language()
        lines = []
        if verdict.hypothesis_right:
            lines.append("✔ " + _text(self.tr("Right hypothesis.")))
        else:
            lines.append("✘ " + _text(self.tr("Not this time: the diagnosis says: {0}").format(
                HYPOTHESES[verdict.expected].get(language))))
        if verdict.change_right:
            lines.append("✔ " + _text(self.tr("Right change.")))
        else:
            lines.append("✘ " + _text(self.tr("A better change: {0}").format(
                CHANGES[verdict.right_change].get(language))))
        for hint in verdict.hints[:2]:
            lines.append(f"<b>{_text(hint.title(language))}</b><br>{_text(hint.explanation(language))}")
            evidence = evidence_text(hint, limit=None, language=language)
            if evidence:
                lines.append(_text(self.tr("Evidence:")) + " " + _text(evidence))
        lines.append("<i>" + _text(verdict.scenario.reveal(language)) + "</i>")
        self.result.setText("<br>".join(lines))
        for group in (self.hypotheses, self.changes):
            for button in group.buttons():
                button.setEnabled(False)
        self.check_button.setEnabled(False)
        self._show_score()

    def _show_score(self) -> None:
        session = self._session
        if session is None:
            return
        self.score_label.setText(self.tr("Score: {0} / {1}").format(session.score, session.possible))

    # ---- language ----------------------------------------------------------------
    def retranslate(self) -> None:
        language = i18n.current_language()
        names = {"d_loss": self.tr("D loss"), "g_loss": self.tr("G loss"), "d_acc": self.tr("D accuracy")}
        for (_sample, label), name in zip(self.legend.items, CURVES):
            label.setText(names[name])
        self.hypothesis_box.setTitle(self.tr("Your hypothesis"))
        self.change_box.setTitle(self.tr("What would you change?"))
        for group, texts in ((self.hypotheses, HYPOTHESES), (self.changes, CHANGES)):
            for button in group.buttons():
                button.setText(texts[button.property("key")].get(language))
        self.check_button.setText(self.tr("Check my answer"))
        self.next_button.setText(self.tr("Next scenario"))
        if self._session is not None:
            self._show_score()
            self._show_scenario_title()
            if self._session.verdict is not None:
                self._show_verdict(self._session.verdict)

    def _show_scenario_title(self) -> None:
        scenario = self.session.current
        self.title.setText(f"<b>{_text(scenario.title(i18n.current_language()))}</b> — "
                           + _text(self.tr("Which hypothesis fits these curves, and what would you change?")))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _text(text: str) -> str:
    """Plain text made safe inside the rich-text labels (apostrophes kept as they are)."""
    return html.escape(text, quote=False)
