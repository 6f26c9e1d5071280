"""Standing objections and pending proposals, through the real window: F10 is refused while an objection
stands, the ruled adoption over it is its own confirmed step, and pending proposals lapse only when the chair
says so — and the record says all of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from chairdesk.core.adoption.model import ADOPTED_AS_AMENDED, UNDER_CONSIDERATION
from chairdesk.core.draft import operations as drafting
from chairdesk.export.record import build_record
from chairdesk.export.record_md import record_markdown as markdown_of
from chairdesk.gui.adoption.dock import AdoptionDock
from chairdesk.gui.app import default_docks
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QApplication, QDialog, QMessageBox, Qt, QTimer
from tests.gui.desk_support import show_desk

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def desk(qtbot, sample_path: Path) -> MainWindow:  # noqa: ANN001
    return show_desk(qtbot, sample_path, docks=default_docks(), size=(1280, 800))


def dock_of(win: MainWindow) -> AdoptionDock:
    return next(d for d in win.side_docks.docks if isinstance(d, AdoptionDock))


def when_modal(qtbot, act: Callable[[QDialog], None]) -> dict:  # noqa: ANN001
    """When a modal dialog or question opens, let `act` answer it; returns what was seen."""
    seen: dict = {}

    def respond() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, respond)
            return
        seen["text"] = box.text() if isinstance(box, QMessageBox) else box.windowTitle()
        seen["name"] = box.objectName()
        act(box)

    QTimer.singleShot(0, respond)
    return seen


def back(qtbot, win: MainWindow) -> None:  # noqa: ANN001
    """The desk is the active window again once a dialog is gone (offscreen does not give it back)."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    win.draft_view.setFocus()


def press_button(qtbot, text: str) -> Callable[[QDialog], None]:  # noqa: ANN001
    def act(box: QDialog) -> None:
        button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    return act


def record_markdown(win: MainWindow) -> str:
    """The record of the session as the Markdown export writes it."""
    return markdown_of(build_record(win.session))


def clear_brackets(win: MainWindow, section_id: str) -> None:
    session = win.session
    for para in session.draft.live_paragraphs(section_id):
        while "[" in session.draft.paragraph(para.id).text:
            text = session.draft.paragraph(para.id).text
            win.controller.run(drafting.unbracket_text, para.id, text.index("["))
        for sub in para.live_subparagraphs():
            while "[" in session.draft.paragraph(para.id).subparagraph(sub.id).text:
                text = session.draft.paragraph(para.id).subparagraph(sub.id).text
                win.controller.run(drafting.unbracket_text, para.id, text.index("["), sub.id)
    assert not session.draft.bracket_places(section_id)


def test_an_objection_stands_until_the_chair_rules_over_it(desk: MainWindow, qtbot) -> None:  # noqa: ANN001
    win, dock = desk, dock_of(desk)
    session = win.session
    win.commands.go_to_paragraph(12)  # section C: no pending proposal
    sid = win.controller.current_section
    clear_brackets(win, sid)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F9)  # take it up

    def object_(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.delegation.lineEdit(), "Purple")
        qtbot.keyClicks(dialog.reason, "The measures go beyond the mandate.")
        dialog.accept()

    when_modal(qtbot, object_)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F11)
    back(qtbot, win)
    assert session.events[-1].kind == "adoption.object"
    panel = dock.objection_steps.panel
    assert panel.list.count() == 1 and panel.list.item(0).text().startswith("Team Purple: The measures go beyond")

    events = len(session.events)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F10)  # refused while the objection stands
    assert len(session.events) == events
    assert session.state.adoption.section_status(sid) == UNDER_CONSIDERATION
    assert "objection by Team Purple stands" in win.statusBar().currentMessage()
    assert "Ctrl+Shift+F10" in dock.message.text()

    seen = when_modal(qtbot, lambda box: box.reject())  # the chair thinks again: cancelled
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F10, CTRL | SHIFT)
    back(qtbot, win)
    assert "Team Purple objecting" in seen["text"] and len(session.events) == events

    when_modal(qtbot, press_button(qtbot, "Adopt over the objection"))
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F10, CTRL | SHIFT)
    back(qtbot, win)
    assert session.state.adoption.section_status(sid) == ADOPTED_AS_AMENDED
    assert session.events[-1].payload["over_objection"] is True
    assert session.events[-1].payload["objecting"] == ["PUR"]
    assert dock.readout.text() == "Section C, confidence-building measures, is adopted as amended, Team Purple objecting."
    assert win.statusBar().currentMessage() == "Section C adopted as amended, Team Purple objecting."
    assert panel.list.count() == 0 and panel.none.isVisible()
    record = record_markdown(win)
    assert "was adopted as amended, Team Purple objecting." in record


def test_a_withdrawn_objection_lets_the_section_be_adopted(desk: MainWindow, qtbot) -> None:  # noqa: ANN001
    win, dock = desk, dock_of(desk)
    session = win.session
    win.commands.go_to_paragraph(12)
    sid = win.controller.current_section
    clear_brackets(win, sid)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F9)

    def object_(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.delegation.lineEdit(), "Red")
        qtbot.keyClicks(dialog.reason, "Not yet consulted capital.")
        dialog.accept()

    when_modal(qtbot, object_)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F11)
    back(qtbot, win)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F11, CTRL)  # Red withdraws it
    back(qtbot, win)
    assert session.events[-1].kind == "adoption.objection.withdraw"
    assert not session.state.adoption.standing_objections(sid)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F10)
    assert session.state.adoption.section_status(sid) == ADOPTED_AS_AMENDED
    assert "over_objection" not in session.events[-1].payload
    assert "Team Red withdrew its objection to section C, Confidence-building measures." in record_markdown(win)
    assert dock.readout.text() == "Section C, confidence-building measures, is adopted as amended."


def test_pending_proposals_lapse_only_when_the_chair_says_so(desk: MainWindow, qtbot) -> None:  # noqa: ANN001
    win = desk
    session = win.session
    proposal = next(q for q in session.draft.proposals.values() if q.delegation == "YEL")
    win.commands.go_to_paragraph(session.draft.number_of(proposal.paragraph))
    sid = win.controller.current_section
    clear_brackets(win, sid)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F9)
    events = len(session.events)

    seen = when_modal(qtbot, lambda box: box.reject())  # Cancel: nothing happens
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F10)
    back(qtbot, win)
    assert "1 proposal is still pending on section B" in seen["text"] and "Team Yellow" in seen["text"]
    assert len(session.events) == events and proposal.status == "pending"

    when_modal(qtbot, press_button(qtbot, "Lapse them and adopt"))
    qtbot.keyClick(win.draft_view, Qt.Key.Key_F10)
    back(qtbot, win)
    assert session.state.adoption.section_status(sid) == ADOPTED_AS_AMENDED
    assert session.draft.proposals[proposal.id].status == "lapsed"
    assert session.events[-1].payload["lapsed"] == [proposal.id]
    assert win.statusBar().currentMessage() == "Section B adopted as amended; 1 pending proposal lapsed."
    number = session.draft.number_of(proposal.paragraph)
    assert f"The proposal of Team Yellow for paragraph {number} lapsed." in record_markdown(win)
    row = win.draft_model.row_of("paragraph", proposal.paragraph)
    assert "Proposal by" not in win.draft_model.rows.html(row)  # no longer shown as pending
