"""Opening the desk as the GUI tests do: shown, active, with the keyboard in the draft."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from chairdesk.gui.desk.draft_view import DraftView
from chairdesk.gui.desk.side_docks import DockSpec
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QApplication, QPoint
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


def laid_out(view: DraftView) -> bool:
    """Every row of the draft view has its place: a view laying its rows out in batches gives the last row none
    until its batch is done, and none at the top of the screen between its call to lay out and the first batch."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return True
    last = view.visualRect(model.index(model.rowCount() - 1, 0))
    return last.isValid() and view.indexAt(QPoint(1, 1)).isValid()


def wait_laid_out(qtbot, win: MainWindow, timeout: int = 10_000) -> None:  # noqa: ANN001
    """Wait until the draft's rows are laid out again after a change of rows, width or text size: what was
    posted meanwhile (the window's layout, its resizes) is delivered, the layout Qt scheduled is done now,
    and its other batches, and the scroll to the current row kept for them, come from the event loop."""
    QApplication.processEvents()  # one turn: what was posted or queued before now is delivered
    view = win.draft_view
    view.executeDelayedItemsLayout()
    qtbot.waitUntil(lambda: laid_out(view), timeout=timeout)


def rows_on_screen(win: MainWindow, every: int = 20) -> list[int]:
    """The rows under a column of points down the draft view (one every `every` pixels)."""
    view = win.draft_view
    found = (view.indexAt(QPoint(40, y)) for y in range(2, view.viewport().height(), every))
    return sorted({index.row() for index in found if index.isValid()})
