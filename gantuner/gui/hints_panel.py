"""The hints panel: the diagnosis' hints as cards, each with one-click actions.

Cards are kept by hint id and updated in place: a diagnosis that repeats the
same hints changes no widget (no flicker, no repaint), a changed hint only
re-labels what changed, and only a hint's actions changing rebuilds its
action rows.  A card shows the severity, title, step range, the evidence in
short and its actions; the explanation folds out under "Why?".

Apply sends the ticked actions' new values (``Action.apply_to`` on the
knob values in force, no-ops left out) with ``applyRequested``: live ones to
the running model, and actions on setup knobs, which cannot change a running
model, separately (they are staged for a restart).  Only what is ticked is
sent: the first live action is ticked at first, a restart action never (the
article's advice is to try the remedies one at a time, in order; the
follow-up hint can then tell whether that one change worked).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import knobs as knobs_mod
from .. import number_format
from ..diagnosis.evidence_labels import evidence_label
from ..diagnosis.hints import Action, DiagnosisError, Hint
from . import i18n
from .retranslate import Retranslating

translate = QCoreApplication.translate

SEVERITY_COLOURS = {"critical": "#C0392B", "warning": "#E69F00", "info": "#0072B2"}
SEVERITY_TINTS = {"critical": "#FCEDEB", "warning": "#FFF6E5", "info": "#EAF2FA"}
SEVERITY_ICONS = {"critical": QStyle.StandardPixmap.SP_MessageBoxCritical,
                  "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
                  "info": QStyle.StandardPixmap.SP_MessageBoxInformation}
EVIDENCE_SHOWN = 4          # evidence entries in the card; all of them in its tooltip
PENDING_TIMEOUT_MS = 3000   # Apply stays disabled until the change is in force, or this long

CARD_STYLE = "".join(
    f"QFrame#hintCard[severity=\"{s}\"] {{ background: {SEVERITY_TINTS[s]}; "
    f"border: 1px solid #d0d0d0; border-left: 4px solid {c}; border-radius: 3px; }}"
    for s, c in SEVERITY_COLOURS.items())


@dataclass
class PlannedAction:
    """One action as it would go out now: its new value and whether it can be sent."""
    action: Action
    new_value: Any = None
    state: str = "apply"  # "apply" | "restart" | "noop" | "invalid" | "advice" (no run to apply it to)


def plan(hint: Hint, knob_values: Mapping[str, Any] | None) -> list[PlannedAction]:
    planned = []
    for action in hint.actions:
        if not knob_values:
            planned.append(PlannedAction(action, state="advice"))
            continue
        try:
            new = action.apply_to(knob_values)
            noop = action.is_noop(knob_values)
        except (knobs_mod.KnobError, DiagnosisError):
            planned.append(PlannedAction(action, state="invalid"))
            continue
        state = "noop" if noop else ("restart" if action.needs_restart else "apply")
        planned.append(PlannedAction(action, new, state))
    return planned


def step_range_text(hint: Hint) -> str:
    first, last = hint.step_range
    return translate("HintsPanel", "steps {first}–{last}").format(first=number_format.count(first), last=number_format.count(last))


def evidence_text(hint: Hint, limit: int | None = EVIDENCE_SHOWN, language: str | None = None) -> str:
    """The evidence under readable names ("D loss, mean: 0.63 · ..."); its JSON keys stay as they are."""
    language = language or i18n.current_language()
    items = list(hint.evidence.items())
    shown = items if limit is None else items[:limit]
    text = " · ".join(f"{evidence_label(key, language)}: {_short(value, language)}" for key, value in shown)
    return text + (" …" if len(shown) < len(items) else "")


def action_text(planned: PlannedAction, language: str) -> str:
    a = planned.action
    op = a.op_text(language)
    knob = knobs_mod.KNOBS.get(a.knob)
    change = f"{knob.label(language) if knob else a.knob} {op}"  # the knob's label, as in the knob panel
    if planned.new_value is not None and planned.state in ("apply", "restart") and a.op != "set":
        change += f" → {knobs_mod.format_value(a.knob, planned.new_value)}"
    text = f"{html.escape(a.label(language))} <span style='color:#555'>({html.escape(change)})</span>"
    notes = {"restart": translate("HintsPanel", "needs a restart"),
             "noop": translate("HintsPanel", "already in force"),
             "invalid": translate("HintsPanel", "cannot be applied to the current value")}
    if planned.state in notes:
        text += f" <i style='color:#8a5a00'>{html.escape(notes[planned.state])}</i>"
    return text


def severity_name(severity: str) -> str:
    return {"critical": translate("HintsPanel", "Critical"), "warning": translate("HintsPanel", "Warning"),
            "info": translate("HintsPanel", "Information")}[severity]


class _ActionRow(QWidget):
    def __init__(self, planned: PlannedAction, parent: QWidget) -> None:
        super().__init__(parent)
        self.key = (planned.action.knob, planned.action.op, repr(planned.action.value))
        self.check = QCheckBox(self)
        self.check.setObjectName(f"check_{planned.action.knob}")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)


class HintCard(QFrame):
    """One hint.  ``show_hint`` returns False when nothing visible changed."""

    applyClicked = Signal(str)
    activated = Signal(str)

    def __init__(self, hint_id: str, parent: QWidget | None = None, preselect: str = "first") -> None:
        super().__init__(parent)
        self.setObjectName("hintCard")
        self.hint_id = hint_id
        self.preselect = preselect
        self.hint: Hint | None = None
        self.planned: list[PlannedAction] = []
        self._shown: tuple = ()
        self._actions_key: tuple = ()
        self._rows: list[_ActionRow] = []
        self._pending: dict[str, Any] | None = None
        self._applied_before = False

        self.icon = QLabel(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.steps = QLabel(self)
        self.steps.setStyleSheet("color: #555;")
        self.evidence = QLabel(self)
        self.evidence.setWordWrap(True)
        self.evidence.setStyleSheet("color: #555; font-size: 90%;")
        self.actions_box = QVBoxLayout()
        self.actions_box.setSpacing(2)
        self.why = QToolButton(self)
        self.why.setCheckable(True)
        self.why.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why.setArrowType(Qt.ArrowType.RightArrow)
        self.why.setAutoRaise(True)
        self.why.toggled.connect(self._toggle_explanation)
        self.apply = QPushButton(self)
        self.apply.setObjectName(f"apply_{hint_id}")
        self.apply.clicked.connect(lambda: self.applyClicked.emit(self.hint_id))
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.hide()

        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1)
        top.addWidget(self.steps, 0, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        bottom.addWidget(self.why)
        bottom.addStretch(1)
        bottom.addWidget(self.apply)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.evidence)
        layout.addLayout(self.actions_box)
        layout.addLayout(bottom)
        layout.addWidget(self.explanation)
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(PENDING_TIMEOUT_MS)
        self._pending_timer.timeout.connect(self._end_pending)

    # ---- content ------------------------------------------------------------
    def show_hint(self, hint: Hint, knob_values: Mapping[str, Any] | None, language: str) -> bool:
        self.hint = hint
        if self._pending is not None and knob_values and all(
                knob_values.get(k) == v for k, v in self._pending.items()):
            self._end_pending()
        self.planned = plan(hint, knob_values)
        actions_key = tuple((p.action.knob, p.action.op, repr(p.action.value), p.state) for p in self.planned)
        if actions_key != self._actions_key:
            self._rebuild_rows()
            self._actions_key = actions_key
            self._shown = ()  # new rows need their labels
        shown = (hint.severity, hint.title(language), step_range_text(hint), evidence_text(hint, language=language),
                 evidence_text(hint, None, language), hint.explanation(language),
                 tuple(action_text(p, language) for p in self.planned), self._pending is not None,
                 self._applied_before, translate("HintsPanel", "Why?"))
        if shown == self._shown:
            return False
        self._shown = shown
        self._relabel(hint, language)
        return True

    def changes(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(live changes, restart changes) that Apply would send now: the ticked actions
        only; no-ops and unusable actions left out."""
        live: dict[str, Any] = {}
        restart: dict[str, Any] = {}
        for planned, row in zip(self.planned, self._rows):
            if not row.check.isChecked():
                continue
            if planned.state == "apply":
                live.setdefault(planned.action.knob, planned.new_value)
            elif planned.state == "restart":
                restart.setdefault(planned.action.knob, planned.new_value)
        return live, restart

    def mark_pending(self, changes: Mapping[str, Any]) -> None:
        self._pending = dict(changes)
        self._pending_timer.start()
        self._update_apply()

    # ---- internals ------------------------------------------------------------
    def _rebuild_rows(self) -> None:
        ticked = {row.key: row.check.isChecked() for row in self._rows}
        for row in self._rows:
            self.actions_box.removeWidget(row)
            row.deleteLater()
        self._rows = []
        first_live = True
        for planned in self.planned:
            row = _ActionRow(planned, self)
            live = planned.state == "apply"
            can_tick = live or planned.state == "restart"
            default = live and (self.preselect == "all" or first_live)  # a restart is never ticked for you
            first_live = first_live and not live
            row.check.setEnabled(can_tick)
            row.check.setChecked(can_tick and ticked.get(row.key, default))
            # Actions that cannot be sent keep the box's room so texts line up.
            policy = row.check.sizePolicy()
            policy.setRetainSizeWhenHidden(planned.state != "advice")
            row.check.setSizePolicy(policy)
            row.check.setVisible(planned.state in ("apply", "noop", "restart"))
            row.check.toggled.connect(self._update_apply)
            self.actions_box.addWidget(row)
            self._rows.append(row)

    def _relabel(self, hint: Hint, language: str) -> None:
        style = self.style()
        size = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        if self.property("severity") != hint.severity:
            self.setProperty("severity", hint.severity)
            self.style().unpolish(self)
            self.style().polish(self)
            self.icon.setPixmap(style.standardIcon(SEVERITY_ICONS[hint.severity]).pixmap(size, size))
        self.icon.setToolTip(severity_name(hint.severity))
        _set_text(self.title, hint.title(language))
        self.title.setToolTip(hint.explanation(language))
        _set_text(self.steps, step_range_text(hint))
        _set_text(self.evidence, evidence_text(hint, language=language))
        self.evidence.setToolTip(evidence_text(hint, None, language))
        self.evidence.setVisible(bool(hint.evidence))
        _set_text(self.explanation, hint.explanation(language))
        _set_text(self.why, translate("HintsPanel", "Why?"))
        for planned, row in zip(self.planned, self._rows):
            _set_text(row.label, action_text(planned, language))
        self._update_apply()

    def _update_apply(self) -> None:
        live, restart = self.changes()
        if self._pending is not None:
            text = translate("HintsPanel", "Applying…")
            tip = translate("HintsPanel", "Waiting for the run to take the change")
        elif not self.planned or self.planned[0].state == "advice":
            text = translate("HintsPanel", "Apply")
            tip = translate("HintsPanel", "No run in progress to apply this to")
        else:
            text = translate("HintsPanel", "Apply again") if self._applied_before else translate("HintsPanel", "Apply")
            if live:
                tip = translate("HintsPanel", "Change now: {changes}").format(changes=_changes_text(live))
            elif not restart:
                tip = translate("HintsPanel", "Tick the actions to apply")
            else:
                tip = ""
            if restart:
                tip += ("\n" if tip else "") + translate(
                    "HintsPanel", "Staged for Restart with these settings: {changes}").format(
                    changes=_changes_text(restart))
        self.apply.setEnabled(bool(live or restart) and self._pending is None)
        self.apply.setVisible(bool(self.planned))  # a report (e.g. a follow-up) has nothing to apply
        _set_text(self.apply, text)
        self.apply.setToolTip(tip)

    def _end_pending(self) -> None:
        if self._pending is None:
            return
        self._pending = None
        self._applied_before = True
        self._pending_timer.stop()
        self._shown = ()
        self._update_apply()

    def _toggle_explanation(self, expanded: bool) -> None:
        self.why.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.explanation.setVisible(expanded)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        self.activated.emit(self.hint_id)
        super().mousePressEvent(event)


class HintsList(QScrollArea):
    """The scrolling list of cards (object name ``hintsList``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hintsList")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(self)
        content.setStyleSheet(CARD_STYLE)
        self.cards_layout = QVBoxLayout(content)
        self.cards_layout.setContentsMargins(4, 4, 4, 4)
        self.cards_layout.setSpacing(6)
        self.empty = QLabel(content)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #666; padding: 12px;")
        self.cards_layout.addWidget(self.empty)
        self.cards_layout.addStretch(1)
        self.setWidget(content)
        self.cards: dict[str, HintCard] = {}

    def count(self) -> int:
        return len(self.cards)

    def hint_ids(self) -> list[str]:
        """The ids in the order shown."""
        ids = []
        for i in range(self.cards_layout.count()):
            widget = self.cards_layout.itemAt(i).widget()
            if isinstance(widget, HintCard):
                ids.append(widget.hint_id)
        return ids


class HintsPanel(Retranslating, QWidget):
    """Signals: ``applyRequested(hint_id, changes, restart_changes)`` when Apply is clicked;
    ``hintActivated(hint_id)`` when a card is clicked (to highlight its steps on the curves)."""

    applyRequested = Signal(str, dict, dict)
    hintActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None, preselect: str = "first") -> None:
        super().__init__(parent)
        self.setObjectName("hintsPanel")
        self.preselect = preselect  # "first": tick the first live action; "all": tick every live one
        self.language = i18n.current_language()
        self.list = HintsList(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self._hints: list[Hint] = []
        self._knob_values: dict[str, Any] | None = None
        self.retranslate()

    @property
    def hints(self) -> list[Hint]:
        return list(self._hints)

    def card(self, hint_id: str) -> HintCard | None:
        return self.list.cards.get(hint_id)

    def set_hints(self, hints: list[Hint], knob_values: Mapping[str, Any] | None = None) -> int:
        """Show ``hints`` in this order; ``knob_values`` are those in force on the live
        run (None: no run, actions are advice).  Returns how many cards changed."""
        self._hints = list(hints)
        self._knob_values = dict(knob_values) if knob_values else None
        cards = self.list.cards
        wanted = [h.id for h in hints]
        changed = 0
        if wanted != self.list.hint_ids():
            self.list.setUpdatesEnabled(False)  # one repaint for the whole reshuffle
        for hint_id in [i for i in cards if i not in wanted]:
            card = cards.pop(hint_id)
            self.list.cards_layout.removeWidget(card)
            card.deleteLater()
            changed += 1
        for position, hint in enumerate(hints):
            card = cards.get(hint.id)
            if card is None:
                card = HintCard(hint.id, self.list.widget(), self.preselect)
                card.applyClicked.connect(self._apply)
                card.activated.connect(self.hintActivated)
                cards[hint.id] = card
            changed += card.show_hint(hint, self._knob_values, self.language)
            layout = self.list.cards_layout
            if layout.indexOf(card) != position + 1:  # the empty label is at 0
                layout.removeWidget(card)
                layout.insertWidget(position + 1, card)
        self.list.empty.setVisible(not hints)
        self.list.setUpdatesEnabled(True)
        return changed

    def set_language(self, language: str) -> None:
        """Show the hints' own texts in ``language`` ("en" or "ja"); the panel's fixed
        words follow the app's translators (gantuner.gui.i18n.set_language)."""
        if language not in i18n.LANGUAGES:
            raise ValueError(f"unknown language {language!r}: use one of {', '.join(i18n.LANGUAGES)}")
        self.language = language
        self.retranslate()

    def retranslate(self) -> None:
        _set_text(self.list.empty, translate(
            "HintsPanel", "No hints at the moment. Hints appear here while the run trains."))
        self.list.setToolTip(translate("HintsPanel", "What the diagnosis sees in the curves, and what to try"))
        for hint in self._hints:
            self.list.cards[hint.id].show_hint(hint, self._knob_values, self.language)

    def language_changed(self) -> None:
        self.language = i18n.current_language()
        self.retranslate()

    def _apply(self, hint_id: str) -> None:
        card = self.list.cards.get(hint_id)
        if card is None:
            return
        live, restart = card.changes()
        if not live and not restart:
            return
        if live:  # a staged restart change has nothing to wait for
            card.mark_pending(live)
        self.applyRequested.emit(hint_id, live, restart)


def _set_text(widget: Any, text: str) -> None:
    if widget.text() != text:  # an unchanged label is not repainted
        widget.setText(text)


def _changes_text(changes: Mapping[str, Any]) -> str:
    return ", ".join(f"{k} = {knobs_mod.format_value(k, v)}" for k, v in changes.items())


def _short(value: Any, language: str = "en") -> str:
    """An evidence value in a learner's words: yes/no, not True/False; a knob's label, not its key."""
    if isinstance(value, bool):
        text = translate("HintsPanel", "yes") if value else translate("HintsPanel", "no")
    elif isinstance(value, str) and value in knobs_mod.KNOBS:
        text = knobs_mod.KNOBS[value].label(language)
    elif isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        text = f"{number_format.count(value[0])}–{number_format.count(value[1])}"  # a step range
    else:
        text = value if isinstance(value, str) else (
            number_format.measured(value, digits=4) if isinstance(value, float) else str(value))
    return text if len(text) <= 24 else text[:23] + "…"
