"""Help ▸ About chairdesk: the version (from pyproject.toml), and the Qt and PySide6 it runs on."""

from __future__ import annotations

import sys

from ..resources import resources_dir
from ..version import app_version
from .qt import QAction, QIcon, QMainWindow, QMessageBox, Qt, QtCore, pyside_version

ABOUT_NAME = "about"


def about_facts() -> dict[str, str]:
    """What About shows: chairdesk's version, the Qt and PySide6 versions, Python and the system."""
    import platform  # (asked only here: its import is 5 ms of the start)

    return {
        "chairdesk": app_version(),
        "Qt": QtCore.qVersion(),
        "PySide6": pyside_version,
        "Python": platform.python_version(),
        "System": f"{platform.system()} {platform.machine()}"
        + (" (bundle)" if getattr(sys, "frozen", False) else ""),
    }


def about_text() -> str:
    """The About box's text (rich text)."""
    facts = about_facts()
    rows = "".join(f"<tr><td>{name}&nbsp;&nbsp;</td><td>{value}</td></tr>" for name, value in facts.items())
    return (
        f"<h3>chairdesk {facts['chairdesk']}</h3>"
        "<p>The chair's desk for a drafting session: single-pen draft, speakers' list, adoption, exports.</p>"
        f"<table>{rows}</table>"
    )


def show_about(window: QMainWindow) -> QMessageBox:
    """Open the About box over the window (window-modal, never blocking the event loop)."""
    box = QMessageBox(window)
    box.setObjectName("aboutBox")
    box.setWindowTitle("About chairdesk")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    icon = window.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def install_about(window: QMainWindow, help_menu: object) -> QAction:
    """Add Help ▸ About chairdesk to the window's Help menu."""
    action = QAction(QIcon(), "&About chairdesk", window)
    action.setObjectName(ABOUT_NAME)
    action.setMenuRole(QAction.MenuRole.AboutRole)  # macOS moves it to the application menu
    action.triggered.connect(lambda _checked=False: show_about(window))
    help_menu.addSeparator()  # type: ignore[attr-defined]
    help_menu.addAction(action)  # type: ignore[attr-defined]
    return action


def app_icon() -> QIcon:
    """chairdesk's icon: the SVG where Qt can draw it, and its PNG rendering (an empty icon if both are gone)."""
    icon = QIcon()
    for name in ("chairdesk.svg", "chairdesk.png"):
        path = resources_dir() / "icons" / name
        if path.exists():
            icon.addFile(str(path))
    return icon
