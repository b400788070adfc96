"""The window's actions and menus: File, Edit, Training, View, Help.

Actions carry the shortcuts (Space pauses, Ctrl+Z undoes) and live on the
window, so they work even with the menu bar hidden.  The window says what
each action does; this file only builds, labels and enables them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..training.control import RunState

STD = QKeySequence.StandardKey
# action name -> shortcut
SHORTCUTS = {
    "open_run": STD.Open, "save_checkpoint": STD.Save, "load_checkpoint": None, "save_sample": None,
    "quit": STD.Quit, "undo": STD.Undo, "preferences": STD.Preferences, "start": None,
    "pause": Qt.Key.Key_Space, "step": None, "stop": None, "reset": None, "restart": None,
    "reset_layout": None, "about": None,
}


class WindowMenus(QObject):
    def __init__(self, window: QMainWindow, slots: Mapping[str, Callable[[], None]],
                 view_actions: list[QAction], fill_recent: Callable[[QMenu], None]):
        super().__init__(window)
        self.actions: dict[str, QAction] = {}
        for name, shortcut in SHORTCUTS.items():
            action = QAction(window)
            action.setObjectName("action" + "".join(part.title() for part in name.split("_")))
            slot = slots[name]
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            window.addAction(action)
            self.actions[name] = action
        a = self.actions
        bar = window.menuBar()
        self.file_menu = self._menu(bar, "menuFile")
        self.file_menu.addAction(a["open_run"])
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("menuRecent")
        self.recent_menu.aboutToShow.connect(lambda: fill_recent(self.recent_menu))
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        for name in ("save_checkpoint", "load_checkpoint", "save_sample"):
            self.file_menu.addAction(a[name])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a["quit"])
        self.edit_menu = self._menu(bar, "menuEdit")
        self.edit_menu.addAction(a["undo"])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(a["preferences"])
        self.training_menu = self._menu(bar, "menuTraining")
        for name in ("start", "pause", "step", "stop", "reset", "restart"):
            self.training_menu.addAction(a[name])
        self.view_menu = self._menu(bar, "menuView")
        for action in view_actions:
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(a["reset_layout"])
        self.help_menu = self._menu(bar, "menuHelp")
        self.help_menu.addAction(a["about"])
        self.retranslate(RunState.IDLE)

    @staticmethod
    def _menu(bar, name: str) -> QMenu:
        menu = bar.addMenu("")
        menu.setObjectName(name)
        return menu

    def add_view_action(self, action: QAction) -> None:
        """A toggle for a dock added later, above "Reset layout"."""
        self.view_menu.insertAction(self.actions["reset_layout"], action)

    def retranslate(self, state: str) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Recent runs"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.training_menu.setTitle(self.tr("&Training"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        texts = {
            "open_run": self.tr("Open run…"),
            "save_checkpoint": self.tr("Save checkpoint"),
            "load_checkpoint": self.tr("Load checkpoint and resume…"),
            "save_sample": self.tr("Save sample grid as PNG…"),
            "quit": self.tr("Quit"),
            "undo": self.tr("Undo knob change"),
            "preferences": self.tr("Preferences…"),
            "start": self.tr("Start"),
            "pause": self.tr("Resume") if state == RunState.PAUSED else self.tr("Pause"),
            "step": self.tr("Step"),
            "stop": self.tr("Stop"),
            "reset": self.tr("Reset (fresh model, same settings)"),
            "restart": self.tr("Restart with these settings"),
            "reset_layout": self.tr("Reset layout"),
            "about": self.tr("About gantuner"),
        }
        for name, text in texts.items():
            self.actions[name].setText(text)

    def set_enabled(self, enabled: Mapping[str, bool]) -> None:
        for name, on in enabled.items():
            self.actions[name].setEnabled(on)
