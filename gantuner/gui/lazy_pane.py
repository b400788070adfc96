"""A pane whose content is built the first time it is shown (or asked for).

The Learn docks start hidden; building their plots, practice data and
playground at start-up cost about a tenth of a second before the window could
appear (and imported their modules).  A :class:`LazyPane` stands in the dock
from the start, so the saved layout and the View menu find the dock, and
builds the real widget into itself when the dock is first shown, or earlier
when code asks for :meth:`LazyPane.content`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPane(QWidget):
    def __init__(self, build: Callable[[QWidget], QWidget], name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self._build: Callable[[QWidget], QWidget] | None = build
        self._content: QWidget | None = None
        self.built: list[Callable[[QWidget], None]] = []   # called once with the content, when built
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        """The real widget, built now if it was not yet."""
        if self._content is None:
            assert self._build is not None
            build, self._build = self._build, None
            self._content = build(self)
            self.layout().addWidget(self._content)
            for call in self.built:
                call(self._content)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.content()
        super().showEvent(event)
