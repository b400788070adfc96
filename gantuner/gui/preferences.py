"""The preferences dialog: training device, interface language, run folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import knobs
from ..training.threads import MAX_THREADS, usable_cores
from .i18n import LANGUAGES, language_name
from .retranslate import Retranslating


class PreferencesDialog(Retranslating, QDialog):
    def __init__(self, device: str, language: str, runs_dir: Path, parent: QWidget | None = None,
                 threads: int = 0):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.device_combo = QComboBox(self)
        self.device_combo.setObjectName("preferencesDevice")
        for name in knobs.DEVICES:
            self.device_combo.addItem(name, name)
        self.device_combo.setCurrentIndex(max(0, self.device_combo.findData(device)))
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("preferencesLanguage")
        for code in LANGUAGES:
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.runs_edit = QLineEdit(str(runs_dir), self)
        self.runs_edit.setObjectName("preferencesRunsDir")
        browse = QToolButton(self)
        browse.setText("…")
        browse.clicked.connect(self._browse)
        runs_row = QHBoxLayout()
        runs_row.addWidget(self.runs_edit, 1)
        runs_row.addWidget(browse)
        self.threads_spin = QSpinBox(self)
        self.threads_spin.setObjectName("preferencesThreads")
        self.threads_spin.setRange(0, max(usable_cores(), MAX_THREADS))
        self.threads_spin.setValue(max(0, threads))
        self.threads_label = QLabel(self)
        self.device_label = QLabel(self)
        self.language_label = QLabel(self)
        self.runs_label = QLabel(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.device_label, self.device_combo)
        form.addRow(self.threads_label, self.threads_spin)
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.runs_label, runs_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.retranslate()

    def device(self) -> str:
        return self.device_combo.currentData()

    def threads(self) -> int:
        """CPU threads for training; 0 means chosen for this machine."""
        return self.threads_spin.value()

    def language(self) -> str:
        return self.language_combo.currentData()

    def runs_dir(self) -> Path:
        return Path(self.runs_edit.text().strip()).expanduser()

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for new runs"), self.runs_edit.text())
        if path:
            self.runs_edit.setText(path)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.device_label.setText(self.tr("Training device"))
        self.threads_label.setText(self.tr("CPU threads for training"))
        self.threads_spin.setSpecialValueText(self.tr("Automatic"))
        self.threads_spin.setToolTip(self.tr(
            "Automatic: all cores but one, which is left for the window, at most {0}. Fewer threads keep "
            "training steady when other programs are busy.").format(MAX_THREADS))
        self.language_label.setText(self.tr("Language"))
        self.runs_label.setText(self.tr("Folder for new runs"))
        self.note.setText(self.tr("The device and the CPU threads apply to the next run (Start, or Restart with these "
                                  "settings); the language changes at once."))
