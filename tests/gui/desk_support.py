"""Opening the desk as the GUI tests do: shown, active, with the keyboard in the draft."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from chairdesk.gui.desk.side_docks import DockSpec
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.settings import DeskSettings


def show_desk(
    qtbot, path: Path, docks: Sequence[DockSpec] = (), size: tuple[int, int] = (1400, 900)
) -> MainWindow:  # noqa: ANN001
    """The window with a session open, shown, active and with the keyboard in the draft."""
    win = MainWindow(None, DeskSettings.load(), docks=list(docks))
    qtbot.addWidget(win)
    assert win.open_session(path)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.draft_view.setFocus()
    return win


def settle_start(win: MainWindow) -> None:
    """Finish at once what the desk does after its first paint: the near rows measured, the credits of the rows
    drawn at the start read ("changed by …" until then: gui/desk/credits_later.py)."""
    while win.draft_view.near.filling:
        win.draft_view.near.fill_step()
