"""One editor widget per knob, chosen from the knob's type, range and scale.

Every editor gets the object name ``knob_<name>`` and reports user edits
through one callback with the new value, whatever its kind; programmatic
updates (the value in force arriving from training) never call it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QWidget,
)

from .. import knobs, number_format
from ..knobs import Knob

LOG_STEP = 2.0  # the arrows of a log-scale knob halve or double it


def short_float(value: float) -> str:
    """``0.0002`` -> ``2e-4``; ``0.5`` -> ``0.5``: a knob's value as everywhere, with the
    digits a spin box keeps (it round-trips through float())."""
    return number_format.setting(float(value), digits=6)


class CompactDoubleSpinBox(QDoubleSpinBox):
    """A float shown without trailing zeros (0.5, 2e-4) and typed in any notation."""

    def __init__(self, knob: Knob, decimals: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(decimals)
        self.setRange(knob.minimum, knob.maximum)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt API)
        return short_float(value)

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> QValidator.State:
        stripped = text.strip()
        try:
            number = float(stripped)
        except ValueError:
            # Partial input such as "1e-" or "0." may become a number.
            ok = all(c in "0123456789.eE+-" for c in stripped)
            return QValidator.State.Intermediate if ok else QValidator.State.Invalid
        if self.minimum() <= number <= self.maximum():
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate


class LogDoubleSpinBox(CompactDoubleSpinBox):
    """A float on a log scale (learning rates): arrows halve and double it."""

    def __init__(self, knob: Knob, parent: QWidget | None = None):
        super().__init__(knob, 12, parent)

    def stepBy(self, steps: int) -> None:  # noqa: N802
        value = self.value() * LOG_STEP ** steps
        self.setValue(min(self.maximum(), max(self.minimum(), value)))


class LogSpinBox(QSpinBox):
    """A whole number on a log scale (batch size, widths): arrows halve and double."""

    def stepBy(self, steps: int) -> None:  # noqa: N802
        value = int(round(self.value() * LOG_STEP ** steps))
        if value == self.value():
            value += 1 if steps > 0 else -1
        self.setValue(min(self.maximum(), max(self.minimum(), value)))


class KnobEditor:
    """Binds one knob to its widget: read and show values, report user edits."""

    def __init__(self, knob: Knob, on_edit: Callable[[str, Any], None], parent: QWidget | None = None):
        self.knob = knob
        self._on_edit = on_edit
        self._updating = False
        self.editor, self.container = self._build(knob, parent)
        self.editor.setObjectName(f"knob_{knob.name}")

    # ---- building ------------------------------------------------------
    def _build(self, knob: Knob, parent: QWidget | None) -> tuple[QWidget, QWidget]:
        if knob.name == "dataset":
            return self._dataset_editor(parent)
        if knob.type is bool:
            box = QCheckBox(parent)
            box.toggled.connect(lambda checked: self._edited(bool(checked)))
            return box, box
        if knob.choices is not None:
            combo = QComboBox(parent)
            for choice in knob.choices:
                combo.addItem(str(choice), choice)
            combo.currentIndexChanged.connect(lambda i: self._edited(combo.itemData(i)))
            return combo, combo
        if knob.type is float:
            if knob.log_scale:
                spin: QDoubleSpinBox = LogDoubleSpinBox(knob, parent)
            else:
                spin = CompactDoubleSpinBox(knob, 4, parent)
                spin.setSingleStep(10 ** math.floor(math.log10((knob.maximum - knob.minimum) / 10)))
            spin.setKeyboardTracking(False)  # one edit per Enter, not per keystroke
            spin.valueChanged.connect(lambda v: self._edited(float(v)))
            return spin, spin
        if knob.type is int:
            box = LogSpinBox(parent) if knob.log_scale else QSpinBox(parent)
            box.setRange(int(knob.minimum), int(knob.maximum))
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda v: self._edited(int(v)))
            return box, box
        line = QLineEdit(parent)
        line.editingFinished.connect(lambda: self._edited(line.text().strip()))
        return line, line

    def _dataset_editor(self, parent: QWidget | None) -> tuple[QWidget, QWidget]:
        container = QWidget(parent)
        layout = QHBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        line = QLineEdit(container)
        line.editingFinished.connect(self._dataset_typed)
        browse = QToolButton(container)
        browse.setObjectName("knob_dataset_browse")
        browse.setText("…")
        browse.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(browse)
        self._builtin_actions = []
        for name in knobs.BUILTIN_DATASETS:
            action = menu.addAction(name)
            action.triggered.connect(lambda _=False, n=name: self._pick_dataset(n))
            self._builtin_actions.append(action)
        menu.addSeparator()
        self._folder_action = menu.addAction("")
        self._folder_action.triggered.connect(self._browse_folder)
        self._file_action = menu.addAction("")
        self._file_action.triggered.connect(self._browse_file)
        browse.setMenu(menu)
        self.browse_button = browse
        layout.addWidget(line, 1)
        layout.addWidget(browse)
        return line, container

    def retranslate(self) -> None:
        if self.knob.name == "dataset":
            self._folder_action.setText(QCoreApplication.translate("KnobEditor", "Image folder…"))
            self._file_action.setText(
                QCoreApplication.translate("KnobEditor", "Data file (MNIST, CIFAR, .npy, .npz, .csv)…"))
            self.browse_button.setToolTip(QCoreApplication.translate(
                "KnobEditor", "Choose a built-in dataset, a folder of images or a data file"))

    # ---- values ----------------------------------------------------------
    def value(self) -> Any:
        w = self.editor
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, (QDoubleSpinBox, QSpinBox)):
            return self.knob.type(w.value())
        return w.text().strip()

    def set_value(self, value: Any) -> None:
        """Show ``value`` without reporting it as a user edit."""
        self._updating = True
        w = self.editor
        blocker = QSignalBlocker(w)
        try:
            if isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QComboBox):
                index = w.findData(value)
                if index < 0:
                    w.addItem(str(value), value)
                    index = w.count() - 1
                w.setCurrentIndex(index)
            elif isinstance(w, (QDoubleSpinBox, QSpinBox)):
                w.setValue(value)
            else:
                w.setText(str(value))
        finally:
            blocker.unblock()
            self._updating = False

    def _edited(self, value: Any) -> None:
        if not self._updating:
            self._on_edit(self.knob.name, value)

    def _dataset_typed(self) -> None:
        self._edited(self.editor.text().strip())

    def _pick_dataset(self, name: str) -> None:
        self.editor.setText(name)
        self._edited(name)

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self.container, self._folder_action.text().rstrip("…"))
        if path:
            self._pick_dataset(path)

    def _browse_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.container, self._file_action.text().rstrip("…"))
        if path:
            self._pick_dataset(path)


def equal_values(a: Any, b: Any) -> bool:
    """Knob values compare equal, floats up to what a spin box can show."""
    if isinstance(a, float) or isinstance(b, float):
        try:
            return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
        except (TypeError, ValueError):
            return False
    return a == b


