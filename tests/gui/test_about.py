"""Help ▸ About chairdesk shows the version from pyproject.toml and the Qt and PySide6 versions."""

from __future__ import annotations

import tomllib
from pathlib import Path

import PySide6

from chairdesk.gui.app import make_application, open_window
from chairdesk.gui.qt import QMessageBox, QtCore
from chairdesk.gui.settings import DeskSettings
from tests.launch_support import ROOT


def test_help_about_shows_the_versions(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    make_application()
    window = open_window(sample_path, DeskSettings.load(), docks=[])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    about = next(a for a in window.menus["&Help"].actions() if a.objectName() == "about")
    assert about.text().replace("&", "") == "About chairdesk"
    about.trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None and box.isVisible()
    text = box.text()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert f"chairdesk {version}" in text
    assert f"<td>Qt&nbsp;&nbsp;</td><td>{QtCore.qVersion()}</td>" in text
    assert f"<td>PySide6&nbsp;&nbsp;</td><td>{PySide6.__version__}</td>" in text
    assert not window.windowIcon().isNull() and not box.iconPixmap().isNull()  # the app's icon
    box.close()
    window.close()
