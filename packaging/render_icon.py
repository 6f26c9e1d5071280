"""Render resources/icons/chairdesk.svg to the PNG (256 px) Linux menus use, and the .ico Windows uses.

    python packaging/render_icon.py      # writes resources/icons/chairdesk.png and chairdesk.ico

Drawn with Qt's own SVG renderer (QtSvg, part of PySide6-Essentials); run again after changing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402 - after the platform is chosen
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square image of size×size pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    """Write chairdesk.png (256 px) and chairdesk.ico (256 px, for the Windows bundle)."""
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "chairdesk.svg"
    for name, size, fmt in (("chairdesk.png", 256, "PNG"), ("chairdesk.ico", 256, "ICO")):
        out = ICONS / name
        if not render(svg, size).save(str(out), fmt):
            raise SystemExit(f"{out}: Qt could not write {fmt}")
        print(f"{out} ({size} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
