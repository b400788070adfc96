"""Render the application icon's PNG, ICO and ICNS files from resources/icons/gantuner.svg.

Run after editing the SVG (the rendered files are committed, so building
needs neither this script nor an SVG renderer):

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

Qt's SVG renderer draws each size (small sizes drawn at their size, not
scaled down from a big bitmap); Pillow writes the Windows .ico and the
macOS .icns from those PNGs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    """Where the icon of one size lies (the packaging scripts use the same names)."""
    return ICONS / f"gantuner_{size}.png"


def render(renderer: QSvgRenderer, size: int) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png_path(size))):
        raise SystemExit(f"make_icons: could not write {png_path(size)}")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage text/painting needs one
    renderer = QSvgRenderer(str(ICONS / "gantuner.svg"))
    if not renderer.isValid():
        print(f"make_icons: {ICONS / 'gantuner.svg'} is not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        render(renderer, size)
    largest = Image.open(png_path(max(SIZES)))
    largest.save(ICONS / "gantuner.ico", sizes=[(s, s) for s in ICO_SIZES])
    largest.save(ICONS / "gantuner.icns")
    del app
    print(f"wrote {len(SIZES)} PNGs, gantuner.ico and gantuner.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
