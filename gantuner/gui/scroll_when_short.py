"""The window's central area, scrolled when the window is shorter than it needs.

The curves keep every plot legible (a minimum plot height) and the bands above
them (welcome, data notes, disk trouble) their whole wrapped text; as the
central widget all those minimums became the window's, 874 px with the welcome
showing: more than a 768 px laptop screen.  Inside this scroll area the bands
and the panels under the curves scroll when space is short, while ``floor``
(the main plots' legible height) stays a minimum: a tall dock below still
cannot squeeze the curves.  When the window has room nothing scrolls.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class ScrollWhenShort(QScrollArea):
    def __init__(self, widget: QWidget, name: str, floor: Callable[[], int]):
        super().__init__()
        self.setObjectName(name)
        self.setWidgetResizable(True)  # the widget fills the area whenever the area is big enough
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(widget)
        self._floor = floor

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._floor()))
