"""The desk as the GUI tests open it: a fresh copy of the sample, shown and active so the keys reach it."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.gui.desk.window import MainWindow
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import show_desk


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A fresh copy of the bundled sample session."""
    return build_sample_session(tmp_path / "sample.chairdesk")


@pytest.fixture
def window(qtbot, sample_path: Path) -> MainWindow:  # noqa: ANN001
    """The desk with the sample open (no side docks)."""
    return show_desk(qtbot, sample_path)


@pytest.fixture(autouse=True, scope="session")
def desk_font(qapp) -> None:  # noqa: ANN001
    """The application as `chairdesk` makes it: the desk's 11-point font or larger (pytest-qt's is smaller, and a
    panel that cut its buttons off at the desk's size passed at that one)."""
    from chairdesk.gui.app import make_application

    make_application()
