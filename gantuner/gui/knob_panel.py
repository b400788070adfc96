"""The knob panel: every knob, grouped, showing what is in force.

Live knobs go to the running model at the next step; the panel marks them
pending until a metrics row shows the new value in force.  Setup knobs are
staged (marked) until "Restart with these settings" builds a new model.
A bad value shows its message beside the widget and changes nothing; a
dataset that does not exist stays typed in its field, marked, and Start
refuses it (going back to the old dataset silently made learners train on
digits while thinking they trained on their data).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .. import knobs
from .i18n import current_language
from .knob_widgets import KnobEditor, equal_values, short_float
from .retranslate import Retranslating

PENDING_COLOUR = "#d08000"
STAGED_COLOUR = "#2060c0"
ERROR_COLOUR = "#c02020"


class _WrappingLabel(QLabel):
    """A word-wrapped label that is always as tall as its lines at its width.

    Inside a scroll area Qt sizes a wrapped label from a guessed width, so a
    long message (a path, Japanese without spaces) was cut off at the bottom.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class _KnobRow:
    """The widgets of one knob: label, editor, state mark and error line."""

    def __init__(self, knob: knobs.Knob, editor: KnobEditor, parent: QWidget):
        self.knob = knob
        self.editor = editor
        self.label = QLabel(parent)
        self.label.setObjectName(f"label_{knob.name}")
        self.mark = QLabel(parent)
        self.mark.setObjectName(f"mark_{knob.name}")
        self.mark.setFixedWidth(14)
        self.error = _WrappingLabel(parent)
        self.error.setObjectName(f"error_{knob.name}")
        self.error.setWordWrap(True)
        # Wraps inside the panel's width, at any character: a long path has no spaces to break at.
        self.error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        self.field = QWidget(parent)
        column = QVBoxLayout(self.field)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(editor.container, 1)
        line.addWidget(self.mark)
        column.addLayout(line)
        column.addWidget(self.error)


class KnobPanel(Retranslating, QWidget):
    liveEdited = Signal(str, object)    # the user changed a live knob
    setupEdited = Signal(str, object)   # the user changed a setup knob (staged)
    restartRequested = Signal()
    knobRefused = Signal(str, str)      # knob, message: a value the user typed was not accepted
    stateChanged = Signal()             # staged / undo availability changed

    def __init__(self, values: Mapping[str, Any] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("knobPanel")
        self._values: dict[str, Any] = knobs.defaults()
        self._values.update(values or {})
        self._in_force_setup: dict[str, Any] | None = None  # setup of the model that exists
        self._pending: dict[str, Any] = {}
        self._errors: dict[str, str] = {}
        self._undo: list[list[tuple[str, Any, Any]]] = []
        self._rows: dict[str, _KnobRow] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._typed_dataset: str | None = None  # a refused dataset, left in its field to be corrected

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(scroll)
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 4, 4, 4)
        for group, members in knobs.by_group().items():
            box = QGroupBox(inner)
            box.setObjectName(f"group_{group}")
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            # Live knobs first: they are the ones turned during a run.
            for knob in sorted(members, key=lambda k: not k.live):
                editor = KnobEditor(knob, self._user_edit, box)
                row = _KnobRow(knob, editor, box)
                form.addRow(row.label, row.field)
                self._rows[knob.name] = row
            self._groups[group] = box
            column.addWidget(box)
        column.addStretch(1)
        scroll.setWidget(inner)

        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo)
        self.restart_button = QPushButton(self)
        self.restart_button.setObjectName("restartButton")
        self.restart_button.clicked.connect(self.restartRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.restart_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        for name, row in self._rows.items():
            row.editor.set_value(self._values[name])
        self.retranslate()
        self._refresh_marks()

    # ---- reading ---------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Every knob as shown: what the next Start or Restart uses."""
        return dict(self._values)

    def editor(self, name: str) -> QWidget:
        return self._rows[name].editor.editor

    def staged(self) -> dict[str, Any]:
        """Setup knobs changed since the current model was built."""
        if self._in_force_setup is None:
            return {}
        return {n: self._values[n] for n in knobs.SETUP_KNOBS
                if n in self._in_force_setup and not equal_values(self._values[n], self._in_force_setup[n])}

    def pending(self) -> dict[str, Any]:
        return dict(self._pending)

    def error(self, name: str) -> str | None:
        return self._errors.get(name)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def blocking_error(self) -> str | None:
        """Why Start must not use the panel's values now (a dataset that does not exist), else None."""
        return self._errors.get("dataset") if self._typed_dataset is not None else None

    # ---- updates from the model -----------------------------------------
    def set_values(self, values: Mapping[str, Any]) -> None:
        """Show ``values`` (a new run, an opened run); not an edit, not undoable."""
        for name, value in values.items():
            if name in self._rows:
                self._values[name] = value
                self._rows[name].editor.set_value(value)
                if name == "dataset" and self._typed_dataset is not None:
                    self._typed_dataset = None
                    self._errors.pop(name, None)
        self._refresh_marks()

    def set_run_setup(self, config: Mapping[str, Any] | None) -> None:
        """The setup knobs of the model that now exists (None: no model yet)."""
        self._in_force_setup = None if config is None else knobs.setup_part(config)
        self._pending.clear()
        self._refresh_marks()

    def show_in_force(self, live: Mapping[str, Any]) -> None:
        """Live values from the latest metrics row: what training uses now."""
        changed = False
        for name, value in live.items():
            if name not in self._rows:
                continue
            if name in self._pending:
                if equal_values(self._pending[name], value):
                    del self._pending[name]
                    changed = True
                continue  # still on its way: keep showing what the user asked for
            if not equal_values(self._values[name], value):
                self._values[name] = value  # changed elsewhere (a hint, the CLI)
                self._rows[name].editor.set_value(value)
                changed = True
        if changed:
            self._refresh_marks()

    def mark_pending(self, name: str, value: Any) -> None:
        self._pending[name] = value
        self._refresh_marks()

    def show_error(self, name: str, message: str) -> None:
        self._errors[name] = message
        self._refresh_marks()

    def clear_error(self, name: str) -> None:
        if self._errors.pop(name, None) is not None:
            self._refresh_marks()

    # ---- edits -------------------------------------------------------------
    def set_value(self, name: str, value: Any) -> None:
        """Change a knob as if the user had (preferences, tests): validated, undoable."""
        self._rows[name].editor.set_value(value)
        self._user_edit(name, value)

    def undo(self) -> bool:
        """Put back the values before the last edit; False when there is nothing to undo."""
        if not self._undo:
            return False
        changes = self._undo.pop()
        for name, old, _new in reversed(changes):
            self._rows[name].editor.set_value(old)
            self._apply(name, old)
        self._refresh_marks()
        return True

    def _user_edit(self, name: str, value: Any) -> None:
        old = self._values[name]
        try:
            value = knobs.validate(name, value)
            if name == "dataset":
                self._check_dataset(value)
        except knobs.KnobError as exc:
            if name == "dataset":  # left as typed, to be corrected; Start refuses it meanwhile
                self._typed_dataset = str(value)
            else:
                self._rows[name].editor.set_value(old)
            self.show_error(name, exc.message(current_language()))
            self.knobRefused.emit(name, str(exc))
            return
        if name == "dataset":
            self._typed_dataset = None
        self._errors.pop(name, None)
        if equal_values(old, value):
            self._refresh_marks()
            return
        changes = [(name, old, value)]
        if name == "dataset":
            changes += self._preset_changes(old, value)
        for changed, _old, new in changes:
            if changed != name:
                self._rows[changed].editor.set_value(new)
            self._apply(changed, new)
        self._undo.append(changes)
        self._refresh_marks()

    def _check_dataset(self, value: str) -> None:
        if value in knobs.BUILTIN_DATASETS:
            return
        if not value or not Path(value).expanduser().exists():
            raise knobs.KnobError(self.tr("dataset {0!r}: no such file or folder; use digits, ring, grid, "
                                          "spiral or the path of your data").format(value))

    def _preset_changes(self, old_dataset: str, new_dataset: str) -> list[tuple[str, Any, Any]]:
        """Knobs still at the old dataset's defaults follow the new dataset's presets."""
        before = knobs.defaults(old_dataset)
        after = knobs.defaults(new_dataset)
        return [(n, self._values[n], after[n]) for n in knobs.KNOBS
                if n != "dataset" and equal_values(self._values[n], before[n])
                and not equal_values(before[n], after[n])]

    def _apply(self, name: str, value: Any) -> None:
        self._values[name] = value
        self._errors.pop(name, None)
        if knobs.KNOBS[name].live:
            self.liveEdited.emit(name, value)
        else:
            self.setupEdited.emit(name, value)

    # ---- looks -------------------------------------------------------------
    def _refresh_marks(self) -> None:
        staged = self.staged()
        for name, row in self._rows.items():
            italic = False
            if name in self._errors:
                row.mark.setText("!")
                row.mark.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
                row.mark.setToolTip(self._errors[name])
                row.error.setText(self._errors[name])
                row.error.show()
            else:
                row.error.hide()
                if name in self._pending:
                    row.mark.setText("●")
                    row.mark.setStyleSheet(f"color: {PENDING_COLOUR};")
                    row.mark.setToolTip(self.tr("Pending: takes effect at the next step"))
                    italic = True
                elif name in staged:
                    row.mark.setText("◆")
                    row.mark.setStyleSheet(f"color: {STAGED_COLOUR};")
                    row.mark.setToolTip(self.tr("Staged: needs Restart with these settings"))
                    italic = True
                else:
                    row.mark.setText("")
                    row.mark.setToolTip("")
            font = row.label.font()
            font.setItalic(italic)
            row.label.setFont(font)
        self.undo_button.setEnabled(bool(self._undo))
        self.restart_button.setEnabled(bool(staged))
        self.stateChanged.emit()

    def retranslate(self) -> None:
        language = current_language()
        titles = {
            "optimiser": self.tr("Optimiser"),
            "batch": self.tr("Batch"),
            "discriminator": self.tr("Discriminator"),
            "generator": self.tr("Generator"),
            "loss": self.tr("Loss and tricks"),
            "data": self.tr("Data"),
        }
        for group, box in self._groups.items():
            box.setTitle(titles.get(group, group))
        for _name, row in self._rows.items():
            knob = row.knob
            row.label.setText(knob.label(language))
            tip = self._tooltip(knob, language)
            row.label.setToolTip(tip)
            row.editor.editor.setToolTip(tip)
            row.editor.retranslate()
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Put back the value before the last change (Ctrl+Z)"))
        self.restart_button.setText(self.tr("Restart with these settings"))
        self.restart_button.setToolTip(self.tr("Build a new model with the staged setup knobs and train it"))
        self._refresh_marks()

    def _tooltip(self, knob: knobs.Knob, language: str) -> str:
        if knob.choices is not None:
            allowed = self.tr("one of {0}").format(", ".join(str(c) for c in knob.choices))
        elif knob.type is bool:
            allowed = self.tr("on or off")
        else:
            low = "" if knob.minimum is None else _number(knob.minimum)
            high = "" if knob.maximum is None else _number(knob.maximum)
            allowed = f"{low} … {high}" + (f" {knob.unit}" if knob.unit else "")
        when = (self.tr("Live: takes effect at the next step") if knob.live
                else self.tr("Setup: needs a restart with a new model"))
        range_label = self.tr("Range")
        return (f"<b>{knob.label(language)}</b> <code>{knob.name}</code><br>{knob.help(language)}"
                f"{self._effects(knob, language)}<br>{range_label}: {allowed}<br><i>{when}</i>")

    def _effects(self, knob: knobs.Knob, language: str) -> str:
        """The article's trade-offs: what raising and lowering the knob does (gantuner/knob_effects.py)."""
        up, down = knob.raise_effect(language), knob.lower_effect(language)
        if not (up and down):
            return ""
        if knob.type is bool:
            up_label, down_label = self.tr("On"), self.tr("Off")
        elif knob.choices is not None:
            up_label, down_label = self.tr("Other choices"), self.tr("Default")
        else:
            up_label, down_label = self.tr("Raise"), self.tr("Lower")
        return f"<br>▲ <b>{up_label}:</b> {up}<br>▼ <b>{down_label}:</b> {down}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e9 else short_float(float(value))
