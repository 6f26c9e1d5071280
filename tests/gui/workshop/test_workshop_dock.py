"""The Workshop dock from the keyboard in the desk window (issue 21): ten panelists × 3 min in a planned order
with one swap, then a Q&A mixing three room requests, two online hands and four chat comments (one asked to
speak); the figures and the record show each, with the written ones counted apart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from chairdesk.core.floor.figures import speaker_figures
from chairdesk.export.record import build_record
from chairdesk.gui.app import default_docks
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.floor.dock import FloorDock
from chairdesk.gui.qt import QApplication, QDialog, QInputDialog, QLineEdit, Qt, QTimer
from chairdesk.gui.workshop.dock import WorkshopDock
from tests.floor_support import FakeClock
from tests.gui.desk_support import show_desk
from tests.workshop_support import COMMENTS, HELD, workshop_session

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
CTRL_ALT_SHIFT = CTRL_ALT | Qt.KeyboardModifier.ShiftModifier  # the Workshop panel's own keys


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    """The desk on a new session with the workshop roster and nothing else, with the usual docks."""
    session = workshop_session(tmp_path, FakeClock())
    path = session.path
    session.close()
    return show_desk(qtbot, path, default_docks(), (1600, 1000))


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus if focus is not None and focus.isVisible() else window, key, modifiers)
    qtbot.wait(10)


def when_dialog(qtbot, fill: Callable[[QDialog], None]) -> None:  # noqa: ANN001
    """When an input dialog opens, let fill() type into it (fill ends by pressing Enter)."""

    def respond() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, respond)
            return
        fill(dialogs[-1])

    QTimer.singleShot(0, respond)


def test_workshop_from_the_keyboard(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    dock = window.findChild(WorkshopDock)
    floor = window.findChild(FloorDock)
    assert not dock.isVisible()  # no running order yet: the desk stays as it was
    names = "; ".join(
        ["Amina", "Lucas", "Mei", "Jonas", "Olena", "Kwame", "Priya", "Sofia", "Henrik", "Fatima"]
    )

    def panelists(dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit)
        qtbot.keyClicks(edit, names)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        when_dialog(qtbot, minutes)

    def minutes(dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit)  # the spin box's line: 3 minutes is offered
        assert edit.text() == "3"
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    when_dialog(qtbot, panelists)
    press(qtbot, window, Qt.Key.Key_J, CTRL_ALT_SHIFT)  # Set running order…
    qtbot.waitUntil(lambda: len(window.session.state.workshop.order) == 10)
    assert dock.isVisible()
    press(qtbot, window, Qt.Key.Key_G, CTRL_ALT_SHIFT)  # to the running order
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_X, CTRL_ALT_SHIFT)  # swap Mei Tanaka with Jonas Berg
    assert dock.order_list.item(2).text().startswith("Jonas Berg")
    for _ in range(10):
        press(qtbot, window, Qt.Key.Key_F6)  # Next speaker follows the running order
        press(qtbot, window, Qt.Key.Key_F7)
    state = window.session.state
    assert [s.delegation for s in state.workshop.held()] == HELD
    assert all(i.allotted_seconds == 180 for i in state.floor.interventions)
    press(qtbot, window, Qt.Key.Key_F6)
    assert "Q&A list" in floor.message.text()
    press(qtbot, window, Qt.Key.Key_T, CTRL_ALT_SHIFT)  # to the Q&A list
    assert not state.workshop.running_order

    def ask(name: str) -> None:
        floor.request_edit.clear()
        qtbot.keyClicks(floor.request_edit, name)
        floor.completer.popup().hide()
        qtbot.keyClick(floor.request_edit, Qt.Key.Key_Return)
        qtbot.wait(20)

    def chat(author: str, text: str, asked: bool) -> None:
        press(qtbot, window, Qt.Key.Key_H, CTRL_ALT_SHIFT)
        qtbot.keyClicks(dock.author_edit, author)
        dock.completer.popup().hide()
        press(qtbot, window, Qt.Key.Key_Tab)
        qtbot.keyClicks(dock.text_edit, text)
        if asked:
            press(qtbot, window, Qt.Key.Key_A, CTRL_ALT_SHIFT)
        qtbot.keyClick(dock.text_edit, Qt.Key.Key_Return)
        qtbot.wait(10)

    qtbot.keyClicks(dock.moderator_edit, "Ines")
    for name in ("Daniel Okafor", "Rahul Mehta", "Claire Martin"):  # room, online, room
        ask(name)
    for author, text, asked in COMMENTS[:2]:
        chat(window.session.state.roster.name_of(author), text, asked)
    ask("Irina Popescu")  # online
    ask("Ana Lopes")  # room
    for author, text, asked in COMMENTS[2:]:
        chat(window.session.state.roster.name_of(author), text, asked)
    assert [r.delegation for r in state.floor.queue] == ["R1", "O1", "R2", "C2", "O2", "R3"]
    assert [r.online for r in state.floor.queue] == [False, True, False, True, True, False]
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_F6)
        press(qtbot, window, Qt.Key.Key_F7)
    for _ in range(3):  # read out w1, then w2 is asked to speak and read too, then w3
        press(qtbot, window, Qt.Key.Key_O, CTRL_ALT_SHIFT)
        assert dock.read_action.text() == "Finish reading"
        press(qtbot, window, Qt.Key.Key_O, CTRL_ALT_SHIFT)
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_F6)
        press(qtbot, window, Qt.Key.Key_F7)
    assert [i.delegation for i in state.floor.interventions] == HELD + ["R1", "O1", "R2", "C2", "O2", "R3"]
    written = state.workshop.written
    assert [w.author for w in written] == ["C1", "C2", "C3", "C4"]
    assert [w.read_by for w in written] == ["moderator:Ines"] * 3 + [None]
    assert [w.logged_by for w in written] == ["moderator:Ines"] * 4
    assert [w.asked_to_speak for w in written] == [False, True, False, False]
    figures = speaker_figures(state)
    assert (figures.total_interventions, figures.total_written) == (16, 4)
    press(
        qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    shown = next(
        w for w in QApplication.topLevelWidgets() if type(w).__name__ == "FiguresDialog" and w.isVisible()
    )
    model = shown.delegation_model
    written_column = model.columnCount() - 1
    assert model.headerData(written_column, Qt.Orientation.Horizontal) == "Written"
    by_name = {
        model.data(model.index(r, 0)): model.data(model.index(r, written_column))
        for r in range(model.rowCount())
    }
    assert by_name["Grace Wanjiru"] == "1" and by_name["Amina Diallo"] == ""
    shown.close()
    record = build_record(window.session)
    assert len(record.workshop.running_order[1]) == 10
    assert [row[2].removesuffix(" [asked to speak]") for row in record.workshop.written[1]] == [
        text for _, text, _ in COMMENTS
    ]
    assert "Written" in record.workshop.diversity[0][1][0][5]


def test_every_workshop_action_has_its_own_key_in_the_window(window: MainWindow) -> None:
    keys = [
        a.shortcut().toString() for a in window.findChildren(type(window.findChild(WorkshopDock).read_action))
    ]
    dock_keys = [a.shortcut().toString() for a in window.findChild(WorkshopDock).actions()]
    assert all(dock_keys)
    for key in dock_keys:
        assert keys.count(key) == 1, key


def test_move_skip_undo_and_show_from_the_keyboard(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    from chairdesk.core.workshop.operations import set_running_order

    dock = window.findChild(WorkshopDock)
    press(qtbot, window, Qt.Key.Key_4, CTRL_ALT)  # Show the Workshop panel
    assert dock.isVisible()
    window.controller.run(set_running_order, ["P01", "P02", "P03"], 120)
    press(qtbot, window, Qt.Key.Key_G, CTRL_ALT_SHIFT)
    assert QApplication.focusWidget() is dock.order_list
    press(
        qtbot,
        window,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    order = lambda: [s.delegation for s in window.session.state.workshop.order]  # noqa: E731
    assert order() == ["P02", "P01", "P03"] and dock.order_list.currentRow() == 1
    press(qtbot, window, Qt.Key.Key_K, CTRL_ALT_SHIFT)  # skip Amina Diallo
    assert dock.order_list.item(1).text().endswith("skipped")
    assert dock.order_list.item(0).text().startswith("\u25b6 Lucas Pereira")
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the skip
    assert not window.session.state.workshop.order[1].skipped
    window.draft_view.setFocus()
    press(qtbot, window, Qt.Key.Key_F6)
    assert window.session.state.floor.current.delegation == "P02"
    assert window.session.state.floor.current.allotted_seconds == 120
    press(qtbot, window, Qt.Key.Key_O, CTRL_ALT_SHIFT)  # nothing written: a clear refusal, nothing recorded
    assert dock.message.text() == "No written intervention is waiting to be read out."
