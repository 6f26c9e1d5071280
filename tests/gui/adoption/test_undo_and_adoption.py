"""Undo and redo against adoption: a refused step leaves the undo stack and the session file in step.

An adoption step (take up, adopt, objection, reopen, the report) is not undone by Ctrl+Z; undo does not reach
back past one either, since undoing an earlier edit would quietly reopen what the room has just adopted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core import adoption, drafting
from chairdesk.core.log.session import Session
from chairdesk.gui.adoption.dock import AdoptionDock
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import Qt
from tests.gui.desk_support import show_desk

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, sample_path: Path) -> MainWindow:  # noqa: ANN001
    """The desk with the sample and the adoption dock, shown and active so the keys reach it."""
    return show_desk(qtbot, sample_path, docks=[AdoptionDock])


def on_disk(session: Session) -> list[tuple[int, str]]:
    """The events in the session file itself (seq and kind)."""
    return list(session.log.conn.execute("SELECT seq, kind FROM events ORDER BY seq"))


def press(qtbot, win: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    """Press a key in the draft, as the chair does."""
    win.draft_view.setFocus()
    qtbot.keyClick(win.draft_view, key, modifiers)


def agree_brackets(win: MainWindow, section_id: str) -> None:
    """Remove every square bracket of a section, one at a time, through the controller."""
    draft = win.session.draft
    for para in draft.live_paragraphs(section_id):
        while "[" in draft.paragraph(para.id).text:
            text = draft.paragraph(para.id).text
            assert win.controller.run(drafting.unbracket_text, para.id, text.index("[")) is not None
        for sub in draft.paragraph(para.id).live_subparagraphs():
            while "[" in draft.paragraph(para.id).subparagraph(sub.id).text:
                text = draft.paragraph(para.id).subparagraph(sub.id).text
                change = win.controller.run(drafting.unbracket_text, para.id, text.index("["), sub_id=sub.id)
                assert change is not None


def amend(win: MainWindow, number: int, words: str) -> str:
    """Amend paragraph `number` in the editor pane and commit it with Ctrl+Enter; returns its id."""
    win.commands.go_to_paragraph(number)
    pid = win.session.draft.paragraph_by_number(number).id
    win.editor.text.setFocus()
    win.editor.text.setPlainText(win.session.draft.paragraphs[pid].text + words)
    win.commands.commit_editor()
    assert win.session.draft.paragraphs[pid].text.endswith(words)
    return pid


def test_undo_after_adopting_a_section_is_refused_and_changes_nothing(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    session, stack = window.session, window.controller.undo_stack
    section_a = session.draft.order[0]
    agree_brackets(window, section_a)
    pid = amend(window, 2, " Agreed.")
    press(qtbot, window, Qt.Key.Key_F9)  # take up section A
    press(qtbot, window, Qt.Key.Key_F10)  # adopt it
    assert session.state.adoption.section_status(section_a) == adoption.ADOPTED_AS_AMENDED
    before, index = on_disk(session), stack.index()

    press(qtbot, window, Qt.Key.Key_Z, CTRL)

    assert on_disk(session) == before  # nothing written
    assert stack.index() == index  # and the stack did not move: Undo still names the amendment
    assert session.state.adoption.section_status(section_a) == adoption.ADOPTED_AS_AMENDED
    assert session.draft.paragraphs[pid].text.endswith(" Agreed.")
    message = window.statusBar().currentMessage()
    assert message.startswith("Not done:") and "adopted" in message and "reopen" in message.casefold()
    assert window.draft_view.hasFocus()

    # an edit after the adoption is undone as usual; undo stops again at the adoption
    later = amend(window, 9, " Later.")
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert not session.draft.paragraphs[later].text.endswith(" Later.")
    assert session.events[-1].payload.get("undo_of") is not None
    written = on_disk(session)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert on_disk(session) == written
    assert session.state.adoption.section_status(section_a) == adoption.ADOPTED_AS_AMENDED
    # redo of the later edit still works
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert session.draft.paragraphs[later].text.endswith(" Later.")


def lapse_when_asked(qtbot) -> None:  # noqa: ANN001
    """Answer the Adoption panel's question about pending proposals: lapse them."""
    from chairdesk.gui.qt import QApplication, QMessageBox, QTimer

    def respond() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, respond)
            return
        button = next(b for b in box.buttons() if b.text().replace("&", "") == "Lapse them and adopt")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, respond)


def test_undo_refused_while_the_report_is_adopted_keeps_the_stack_in_step(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    session, stack = window.session, window.controller.undo_stack
    for section_id in session.draft.order:
        agree_brackets(window, section_id)
    pid = amend(window, 5, " Final words.")
    for section_id in session.draft.order:
        assert window.controller.run(adoption.take_up, section_id) is not None
        assert window.controller.run(adoption.adopt_section, section_id, lapse_proposals=True) is not None
    press(qtbot, window, Qt.Key.Key_F10, CTRL)  # adopt the report
    assert session.state.adoption.report_adopted
    assert not session.draft.pending_proposals()
    window.activateWindow()  # the desk is active again once the question is gone
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    before, index = on_disk(session), stack.index()

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert on_disk(session) == before and stack.index() == index
    assert window.statusBar().currentMessage().startswith("Not done:")
    assert not stack.canRedo()  # the screen must not offer to redo a step that never happened

    # once the report is reopened, Redo has nothing to do, and the amendment stays in the text
    assert window.controller.run(adoption.reopen_report, "A late correction") is not None
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert session.draft.paragraphs[pid].text.endswith(" Final words.")
    assert [kind for _, kind in on_disk(session)][-1] == "adoption.report.reopen"


def test_a_step_that_can_no_longer_be_undone_leaves_the_list(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # noqa: ANN001
    """A floor request already heard cannot be withdrawn: undo says so once, then reaches the edit before it
    (the first Undo says that the speaker's turn, ended since, cannot be undone: see the test below)."""
    from chairdesk.core.floor.operations import end_intervention, next_speaker, request_floor

    session, stack = window.session, window.controller.undo_stack
    pid = amend(window, 4, " Amended.")
    assert window.controller.run(request_floor, "YEL", text="Request: Team Yellow") is not None
    assert window.controller.run(next_speaker) is not None
    assert window.controller.run(end_intervention) is not None
    assert window.undo_action.text() == "&Undo Request: Team Yellow"
    before = on_disk(session)

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert on_disk(session) == before and "cannot be undone" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert on_disk(session) == before
    message = window.statusBar().currentMessage()
    assert message.startswith("Not done:") and "taken off the undo list" in message
    assert window.undo_action.text() != "&Undo Request: Team Yellow" and not stack.canRedo()

    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the amendment before it is undone as usual
    assert not session.draft.paragraphs[pid].text.endswith(" Amended.")
    assert on_disk(session)[-1][1] == "draft.paragraph.amend" and len(on_disk(session)) == len(before) + 1


def test_taking_a_section_up_or_an_objection_does_not_stop_undo(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """Only an adoption is a barrier: taking up a section or recording an objection adopts nothing. But the
    first Undo after them says that the objection cannot be undone, and names the step Undo would take back
    instead, recorded before it (the chair pressing Ctrl+Z then means the objection, not an amendment made
    minutes before, perhaps out of sight); Undo again takes that step back."""
    session = window.session
    pid = amend(window, 2, " Amended.")
    section_b = session.draft.order[1]
    assert window.controller.run(adoption.take_up, section_b) is not None
    assert window.controller.run(adoption.record_objection, section_b, "RED", "Not ready") is not None
    before = on_disk(session)

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert on_disk(session) == before and session.draft.paragraphs[pid].text.endswith(" Amended.")
    message = window.statusBar().currentMessage()
    assert "The last step cannot be undone: " in message and "objection by team red" in message.casefold(), message
    assert "Undo again to undo ‘" in message
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert not session.draft.paragraphs[pid].text.endswith(" Amended.")
    assert session.events[-1].payload.get("undo_of") is not None
    assert session.state.adoption.section_status(section_b) == adoption.UNDER_CONSIDERATION
