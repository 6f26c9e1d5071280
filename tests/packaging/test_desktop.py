"""The Linux desktop integration: launcher, menu entry, icon and the .chairdesk file type, for one user."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.launch_support import ROOT

SCRIPT = ROOT / "packaging" / "linux" / "install_desktop.sh"


def _program(tmp_path: Path) -> Path:
    """An executable `chairdesk` that runs this checkout with the test's interpreter."""
    program = tmp_path / "app" / "chairdesk"
    program.parent.mkdir()
    program.write_text(
        f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m chairdesk "$@"\n', encoding="utf-8"
    )
    program.chmod(0o755)
    return program


def _install(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "share")}
    return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60)


def test_install_desktop_puts_chairdesk_in_the_menus_and_claims_the_file_type(tmp_path: Path) -> None:
    home, program = tmp_path / "home", _program(tmp_path)
    result = _install(home, str(program))
    assert result.returncode == 0, result.stderr
    assert "Installed chairdesk for this user" in result.stdout
    launcher = home / ".local" / "bin" / "chairdesk"
    assert launcher.is_symlink() and launcher.resolve() == program.resolve()
    version = subprocess.run([str(launcher), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("chairdesk ")

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(home / "share" / "applications" / "chairdesk.desktop", encoding="utf-8")
    desk = entry["Desktop Entry"]
    assert desk["Type"] == "Application" and desk["Name"] == "chairdesk" and desk["Icon"] == "chairdesk"
    assert desk["Exec"] == f'"{launcher}" %f'
    assert desk["MimeType"] == "application/x-chairdesk;"
    icons = home / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "chairdesk.svg").read_bytes() == (
        ROOT / "resources" / "icons" / "chairdesk.svg"
    ).read_bytes()
    assert QImage(str(icons / "256x256" / "apps" / "chairdesk.png")).size().width() == 256

    if shutil.which("update-mime-database"):
        globs = (home / "share" / "mime" / "globs2").read_text(encoding="utf-8")
        assert "application/x-chairdesk:*.chairdesk" in globs
        found = subprocess.run(  # what a Qt file dialog or file manager would call the file
            [
                sys.executable,
                "-c",
                "from PySide6.QtCore import QMimeDatabase; "
                "print(QMimeDatabase().mimeTypeForFile('session.chairdesk', QMimeDatabase.MatchMode.MatchExtension).name())",
            ],
            env={**os.environ, "XDG_DATA_HOME": str(home / "share")},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert found.stdout.strip() == "application/x-chairdesk", found.stderr

    again = _install(home, "--quiet", str(program))
    assert again.returncode == 0 and "Installed" not in again.stdout  # a later start changes nothing
    gone = _install(home, "--uninstall")
    assert gone.returncode == 0 and not launcher.exists()
    assert not (home / "share" / "applications" / "chairdesk.desktop").exists()


def test_install_desktop_refuses_a_program_that_is_not_there(tmp_path: Path) -> None:
    result = _install(tmp_path / "home", str(tmp_path / "nowhere" / "chairdesk"))
    assert result.returncode == 2 and "is not an executable chairdesk" in result.stderr
    assert not (tmp_path / "home" / ".local" / "bin" / "chairdesk").exists()


@pytest.mark.parametrize("name", ["chairdesk.png", "chairdesk.ico"])
def test_the_bitmap_icons_are_renderings_of_the_svg(qtbot, name: str) -> None:  # noqa: ANN001
    spec = importlib.util.spec_from_file_location("render_icon", ROOT / "packaging" / "render_icon.py")
    render_icon = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icon)
    drawn = render_icon.render(ROOT / "resources" / "icons" / "chairdesk.svg", 256)
    stored = QImage(str(ROOT / "resources" / "icons" / name))
    assert stored.size() == drawn.size()
    fmt = QImage.Format.Format_ARGB32
    a, b = stored.convertToFormat(fmt), drawn.convertToFormat(fmt)
    differing = sum(a.pixel(x, y) != b.pixel(x, y) for x in range(0, 256, 4) for y in range(0, 256, 4))
    assert differing < 40, f"{name} is not the SVG as drawn now: run python packaging/render_icon.py"
