"""The desk under a chair's keys: zoom, view modes and the current row stay where the chair is reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.session import Session
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import Qt
from chairdesk.gui.settings import DeskSettings
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import show_desk, wait_laid_out

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def long_window(qtbot, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    """The desk with a 120-paragraph draft: longer than one batch of rows the view lays out at a time."""
    path = tmp_path / "long.chairdesk"
    with Session.create(path, "A long session") as session:
        sections = [drafting.add_section(session, f"Section {i + 1}").subject for i in range(4)]
        for i in range(120):
            words = f"Paragraph {i + 1} of the long draft, with words enough to wrap onto a second line " * 2
            drafting.insert_paragraph(session, sections[i // 30], words.strip())
        drafting.mark_baseline(session, "Tabled draft")
    return show_desk(qtbot, path)


def current_in_sight(win: MainWindow) -> bool:
    """True when the current row of the draft is (at least partly) inside the visible part of the view."""
    view = win.draft_view
    return view.viewport().rect().intersects(view.visualRect(view.currentIndex()))


@pytest.mark.parametrize("key", [Qt.Key.Key_Plus, Qt.Key.Key_Minus])
def test_zoom_keeps_the_current_paragraph_in_sight(window: MainWindow, qtbot, key: Qt.Key) -> None:  # noqa: ANN001
    window.commands.go_to_paragraph(18)
    wait_laid_out(qtbot, window)
    assert current_in_sight(window)
    start = window.settings.point_size
    for _ in range(4):
        qtbot.keyClick(window.draft_view, key, CTRL)
    wait_laid_out(qtbot, window)  # the rows are laid out again at the new size
    assert window.settings.point_size != start
    assert window.controller.current_paragraph == window.session.draft.paragraph_by_number(18).id
    assert current_in_sight(window)


def test_a_long_draft_keeps_the_current_paragraph_in_sight(long_window: MainWindow, qtbot) -> None:  # noqa: ANN001
    win = long_window
    view = win.draft_view
    win.commands.go_to_paragraph(100)  # at once after opening, while the rows are still being laid out
    qtbot.waitUntil(lambda: current_in_sight(win), timeout=3000)
    target = win.session.draft.paragraph_by_number(100).id
    for keys in ((Qt.Key.Key_3, CTRL), (Qt.Key.Key_2, CTRL), (Qt.Key.Key_1, CTRL), (Qt.Key.Key_Plus, CTRL)):
        qtbot.keyClick(view, *keys)
        wait_laid_out(qtbot, win)
        assert win.controller.current_paragraph == target
        assert current_in_sight(win), f"paragraph 100 out of sight after {keys}"
    # a strike, its undo and a move lay the rows out anew: the paragraph must not jump out of sight
    for keys in ((Qt.Key.Key_Delete, CTRL), (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Down, ALT | SHIFT)):
        before = len(win.session.events)
        qtbot.keyClick(view, *keys)
        assert len(win.session.events) == before + 1
        wait_laid_out(qtbot, win)
        assert win.controller.current_paragraph == target
        assert current_in_sight(win), f"paragraph out of sight after {keys}"
    win.commands.go_to_paragraph(3)
    wait_laid_out(qtbot, win)
    assert current_in_sight(win)
    win.commands.go_to_paragraph(110)
    wait_laid_out(qtbot, win)
    assert current_in_sight(win)


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Delete, CTRL),  # strike it again
        (Qt.Key.Key_Up, ALT | SHIFT),  # move it up
        (Qt.Key.Key_Down, ALT | SHIFT),  # move it down
        (Qt.Key.Key_M, CTRL),  # Move to…
        (Qt.Key.Key_P, CTRL),  # record a proposal for it
        (Qt.Key.Key_E, CTRL),  # amend it in the editor pane
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),  # amend it in place
        (Qt.Key.Key_L, CTRL | SHIFT),  # give it a lettered sub-paragraph
    ],
)
def test_keys_on_a_struck_paragraph_say_why_they_do_nothing(
    window: MainWindow,
    qtbot,  # noqa: ANN001
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
) -> None:
    window.commands.go_to_paragraph(2)
    pid = window.controller.current_paragraph
    qtbot.keyClick(window.draft_view, Qt.Key.Key_Delete, CTRL)
    assert window.session.draft.paragraphs[pid].struck
    events = len(window.session.events)
    window.statusBar().clearMessage()

    qtbot.keyClick(window.draft_view, key, modifiers)

    assert len(window.session.events) == events
    assert "struck" in window.statusBar().currentMessage()
    assert window.draft_view.row_delegate.active_editor is None  # no editor opened on the struck words
    assert window.draft_view.hasFocus()
    assert window.controller.current_paragraph == pid


def test_the_recent_sessions_keys_open_the_other_session(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    first = build_sample_session(tmp_path / "first.chairdesk")
    second = build_sample_session(tmp_path / "second.chairdesk")
    win = MainWindow(None, DeskSettings.load(), docks=[])
    qtbot.addWidget(win)
    assert win.open_session(second) and win.open_session(first)  # Open recent: 1 first, 2 second
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.draft_view.setFocus()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)  # shortcuts reach only an active window
    assert [a.shortcut().toString() for a in win.menus["recent"].actions()] == ["Alt+Shift+1", "Alt+Shift+2"]

    qtbot.keyClick(win.draft_view, Qt.Key.Key_2, ALT | SHIFT)  # the key the File menu shows for "second"
    assert win.session.path.name == "second.chairdesk"
    assert win.draft_view.hasFocus()
    with Session.open(first) as again:  # the first session's file was let go
        assert again.draft.title
    qtbot.keyClick(win.draft_view, Qt.Key.Key_2, ALT | SHIFT)  # now "first" is second in the list
    assert win.session.path.name == "first.chairdesk"


def test_switching_the_view_keeps_a_section_heading_current(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    draft = window.session.draft
    section_c = draft.order[2]
    window.select_row(window.draft_model.row_of("section", section_c))
    for key in (Qt.Key.Key_3, Qt.Key.Key_1, Qt.Key.Key_2):
        qtbot.keyClick(window.draft_view, key, CTRL)
        row = window.draft_model.row_at(window.draft_view.currentIndex().row())
        assert row is not None and (row.kind, row.id) == ("section", section_c)
        assert current_in_sight(window)
        assert window.controller.current_section == section_c
    qtbot.keyClick(window.draft_view, Qt.Key.Key_Down)  # reading on: the first paragraph of section C
    assert window.controller.current_paragraph == draft.live_paragraphs(section_c)[0].id


def test_ctrl_z_in_the_editor_pane_undoes_the_commit_once_nothing_is_typed(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    session = window.session
    window.commands.go_to_paragraph(5)
    pid = window.controller.current_paragraph
    old = session.draft.paragraphs[pid].text
    qtbot.keyClick(window.draft_view, Qt.Key.Key_E, CTRL)
    window.editor.text.setPlainText(old + " Amended.")
    qtbot.keyClick(window.editor.text, Qt.Key.Key_Return, CTRL)
    assert session.draft.paragraphs[pid].text == old + " Amended."
    assert window.editor.text.hasFocus()  # the chair is still in the pane after the commit
    events = len(session.events)

    qtbot.keyClick(window.editor.text, Qt.Key.Key_Z, CTRL)  # nothing typed since: undo the commit
    assert len(session.events) == events + 1 and session.events[-1].payload.get("undo_of")
    assert session.draft.paragraphs[pid].text == old
    assert window.editor.text.toPlainText() == old and window.editor.text.hasFocus()

    qtbot.keyClicks(window.editor.text, " typed")  # words being typed: Ctrl+Z takes back the typing only
    qtbot.keyClick(window.editor.text, Qt.Key.Key_Z, CTRL)
    assert len(session.events) == events + 1
    assert window.editor.text.toPlainText() != old + " typed"

    window.editor.text.setPlainText(old)  # back to the text as it stands (no history of its own)
    qtbot.keyClick(window.editor.text, Qt.Key.Key_Z, CTRL | SHIFT)  # redo the commit
    assert session.draft.paragraphs[pid].text == old + " Amended."


def test_words_typed_and_committed_are_taken_back_whole_by_ctrl_z(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """Typed key by key (the box's own history), committed: Ctrl+Z then takes back the commit, not the typing
    (the box, holding the committed words already, is not filled again, but its history goes)."""
    session = window.session
    window.commands.go_to_paragraph(5)
    pid = window.controller.current_paragraph
    old = session.draft.paragraphs[pid].text
    qtbot.keyClick(window.draft_view, Qt.Key.Key_E, CTRL)
    qtbot.keyClick(window.editor.text, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(window.editor.text, " Typed.")
    qtbot.keyClick(window.editor.text, Qt.Key.Key_Return, CTRL)
    assert session.draft.paragraphs[pid].text == old + " Typed."
    events = len(session.events)
    qtbot.keyClick(window.editor.text, Qt.Key.Key_Z, CTRL)
    assert len(session.events) == events + 1 and session.events[-1].payload.get("undo_of")
    assert session.draft.paragraphs[pid].text == old == window.editor.text.toPlainText()


def test_a_change_elsewhere_leaves_the_editor_cursor_where_it_was(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """The paragraph in the editor is shown again after a strike elsewhere (its number may change): its words
    are the same, so the chair's cursor and selection in them stay."""
    session = window.session
    window.commands.go_to_paragraph(5)
    pid = window.controller.current_paragraph
    qtbot.keyClick(window.draft_view, Qt.Key.Key_E, CTRL)
    cursor = window.editor.text.textCursor()
    cursor.setPosition(7)
    cursor.setPosition(12, cursor.MoveMode.KeepAnchor)
    window.editor.text.setTextCursor(cursor)
    other = session.draft.live_paragraphs(session.draft.paragraphs[pid].section)[0].id
    assert other != pid
    window.controller.run(drafting.strike_paragraph, other)
    assert window.controller.current_paragraph == pid
    assert window.editor.heading.text().startswith("<b>Paragraph 4</b>")  # renumbered
    kept = window.editor.text.textCursor()
    assert (kept.anchor(), kept.position()) == (7, 12)


def test_a_delegation_typed_on_behalf_of_must_be_on_the_roster(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    session = window.session
    window.commands.go_to_paragraph(3)
    pid = window.controller.current_paragraph
    qtbot.keyClick(window.draft_view, Qt.Key.Key_E, CTRL)
    window.editor.text.setPlainText("Words proposed by Yellow.")
    qtbot.keyClick(window.editor.text, Qt.Key.Key_B, ALT)  # On behalf of
    picker = window.editor.actor
    assert picker.lineEdit().hasFocus()
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), "Yelow")  # a typo under pressure
    events = len(session.events)

    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return, CTRL)

    assert len(session.events) == events  # not credited to a delegation that does not exist
    assert "Yelow" in window.statusBar().currentMessage() and "roster" in window.statusBar().currentMessage()
    assert window.editor.text.toPlainText() == "Words proposed by Yellow."
    assert picker.lineEdit().hasFocus()

    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), "yell")  # a few letters that name one delegation
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return, CTRL)
    assert session.events[-1].kind == "draft.paragraph.amend" and session.events[-1].actor == "YEL"
    assert session.draft.paragraphs[pid].text == "Words proposed by Yellow."

    # a proposal, too, comes from a delegation on the roster
    window.commands.record_proposal_for(pid, "Nobody", "Other words.")
    assert session.events[-1].kind == "draft.paragraph.amend"
    assert "Nobody" in window.statusBar().currentMessage()
    window.commands.record_proposal_for(pid, "purp", "Other words.")
    assert session.events[-1].kind == "draft.proposal.add" and session.events[-1].actor == "PUR"


def test_the_outline_keeps_its_place_after_a_strike(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    from chairdesk.gui.desk.outline import ID_ROLE

    draft, outline, model = window.session.draft, window.outline_view, window.outline_model
    section_c = draft.order[2]
    qtbot.keyClick(window.draft_view, Qt.Key.Key_1, ALT)  # to the outline
    assert outline.hasFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Down):
        qtbot.keyClick(outline, key)
    twelve = draft.paragraph_by_number(12).id
    assert outline.currentIndex().data(ID_ROLE) == twelve
    qtbot.keyClick(outline, Qt.Key.Key_Return)
    assert window.controller.current_paragraph == twelve

    qtbot.keyClick(outline, Qt.Key.Key_Delete, CTRL)  # strike paragraph 12 from the outline
    assert draft.paragraphs[twelve].struck
    assert outline.hasFocus()
    assert outline.isExpanded(model.index_of("section", section_c))  # the tree did not fold up
    assert outline.currentIndex().data(ID_ROLE) in (section_c, draft.paragraph_by_number(11).id)
    qtbot.keyClick(outline, Qt.Key.Key_Down)  # reading on within section C, not back at section A
    assert outline.currentIndex().data(ID_ROLE) in (
        draft.paragraph_by_number(11).id,
        draft.paragraph_by_number(12).id,
    )

    # a paragraph moved (Alt+Shift+Down) stays the outline's current item under its new number
    qtbot.keyClick(outline, Qt.Key.Key_Return)
    moving = window.controller.current_paragraph
    qtbot.keyClick(outline, Qt.Key.Key_Down, ALT | SHIFT)
    assert window.session.events[-1].kind == "draft.paragraph.move"
    assert outline.currentIndex().data(ID_ROLE) == moving


def test_the_proposal_dialog_is_recorded_with_ctrl_enter(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    from chairdesk.gui.desk.dialogs import ProposalDialog
    from chairdesk.gui.qt import QApplication, QTimer

    window.commands.go_to_paragraph(9)
    pid = window.controller.current_paragraph
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProposalDialog):  # not shown yet
            QTimer.singleShot(10, fill)
            return
        qtbot.keyClicks(dialog.delegation.lineEdit(), "purp")
        dialog.text.setFocus()  # Tab, in a real window: to the wording
        dialog.text.selectAll()
        qtbot.keyClicks(dialog.text, "States noted the proposals of Purple.")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)  # as in the editor pane
        seen.append("open" if dialog.isVisible() else "closed")
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, fill)
    window.commands.record_proposal()
    assert seen == ["closed"]
    event = window.session.events[-1]
    assert event.kind == "draft.proposal.add" and event.actor == "PUR"
    assert (
        event.payload["text"] == "States noted the proposals of Purple." and event.payload["paragraph"] == pid
    )
