"""The "On behalf of" rule: every change to the text is credited to what the picker shows, which goes back to
the Chair after each commit unless the chair pins a delegation."""

from __future__ import annotations

from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import Qt

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def pick(qtbot, win: MainWindow, typed: str) -> None:  # noqa: ANN001
    """Alt+B, then type a few letters of a delegation in "On behalf of"."""
    qtbot.keyClick(win, Qt.Key.Key_B, ALT)
    picker = win.editor.actor
    assert picker.hasFocus()
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), typed)


def type_and_commit(qtbot, win: MainWindow, words: str) -> None:  # noqa: ANN001
    """Ctrl+E to the editor pane, add words at the end, Ctrl+Enter."""
    qtbot.keyClick(win.draft_view, Qt.Key.Key_E, CTRL)
    text = win.editor.text
    assert text.hasFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClicks(text, words)
    qtbot.keyClick(text, Qt.Key.Key_Return, CTRL)


def last_actor(win: MainWindow) -> str:
    return win.session.events[-1].actor


def test_the_picker_goes_back_to_the_chair_after_a_commit(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    win = window
    win.commands.go_to_paragraph(3)
    pick(qtbot, win, "Yellow")
    type_and_commit(qtbot, win, " Yellow's words.")
    assert last_actor(win) == "YEL"
    assert win.editor.actor.currentText() == "Chair"  # the picker shows whom the next edit goes to
    win.commands.go_to_paragraph(4)
    win.draft_view.setFocus()
    type_and_commit(qtbot, win, " The Chair's words.")
    assert last_actor(win) == "chair"  # not carried over from Yellow's commit


def test_strike_move_bracket_and_restore_follow_the_picker(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    win = window
    draft = win.session.draft
    win.commands.go_to_paragraph(2)
    pid = win.controller.current_paragraph
    pick(qtbot, win, "Purple")
    win.draft_view.setFocus()
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Down, ALT | SHIFT)  # move down
    assert last_actor(win) == "PUR" and draft.number_of(pid) == 3
    assert win.editor.actor.currentText() == "Chair"
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Delete, CTRL)  # strike, now on behalf of the Chair
    assert last_actor(win) == "chair" and draft.paragraphs[pid].struck
    pick(qtbot, win, "Red")
    win.draft_view.setFocus()
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Delete, CTRL | SHIFT)  # restore
    assert last_actor(win) == "RED" and not draft.paragraphs[pid].struck
    # bracket the first word in the editor pane, on behalf of Team Blue
    pick(qtbot, win, "Blue")
    qtbot.keyClick(win.draft_view, Qt.Key.Key_E, CTRL)
    cursor = win.editor.text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)
    win.editor.text.setTextCursor(cursor)
    qtbot.keyClick(win.editor.text, Qt.Key.Key_B, CTRL)
    assert draft.paragraphs[pid].text.startswith("[")
    assert last_actor(win) == "BLU"
    # and remove the brackets, for the Chair
    cursor = win.editor.text.textCursor()
    cursor.setPosition(2)
    win.editor.text.setTextCursor(cursor)
    qtbot.keyClick(win.editor.text, Qt.Key.Key_B, CTRL | SHIFT)
    assert not draft.paragraphs[pid].text.startswith("[")
    assert last_actor(win) == "chair"


def test_a_pinned_delegation_stays_until_unpinned(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    win = window
    win.commands.go_to_paragraph(3)
    pick(qtbot, win, "Orange")
    win.draft_view.setFocus()
    qtbot.keyClick(win.draft_view, Qt.Key.Key_P, CTRL | SHIFT)  # pin
    assert win.editor.pin.isChecked() and win.editor.pin.isVisible()
    type_and_commit(qtbot, win, " First.")
    type_and_commit(qtbot, win, " Second.")
    assert [e.actor for e in win.session.events[-2:]] == ["ORA", "ORA"]
    assert "Orange" in win.editor.actor.currentText()
    win.draft_view.setFocus()
    qtbot.keyClick(win.draft_view, Qt.Key.Key_P, CTRL | SHIFT)  # unpin
    type_and_commit(qtbot, win, " Third.")
    assert last_actor(win) == "ORA"  # the picker still showed Orange for this one
    assert win.editor.actor.currentText() == "Chair"
    type_and_commit(qtbot, win, " Fourth.")
    assert last_actor(win) == "chair"


def test_an_unknown_delegation_in_the_picker_refuses_a_strike(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    win = window
    win.commands.go_to_paragraph(3)
    pid = win.controller.current_paragraph
    count = len(win.session.events)
    pick(qtbot, win, "Nobody")
    win.draft_view.setFocus()
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Delete, CTRL)
    assert len(win.session.events) == count and not win.session.draft.paragraphs[pid].struck
    assert "Nobody" in win.statusBar().currentMessage()
