"""The application's icon, from the PNGs shipped in resources/icons (one per size).

PNGs rather than the SVG: Qt reads them with its built-in PNG support, so the
packaged app needs no SVG plugin.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ..paths import resource


def app_icon() -> QIcon:
    icon = QIcon()
    for path in sorted(resource("icons").glob("gantuner_*.png")):
        icon.addFile(str(path))
    return icon
