"""The status bar confirms each step of the draft from the keyboard, undone and redone too, saying what the step
did and crediting it as the record does; the editor pane's heading names the section as it now stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.export.record import build_record
from chairdesk.gui.app import default_docks
from chairdesk.gui.desk.window import MainWindow
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import show_desk
from tests.gui.test_chaired_session import CTRL, SHIFT, Chair, K


@pytest.fixture
def desk(qtbot, tmp_path: Path) -> tuple[MainWindow, Chair]:  # noqa: ANN001
    """The oewg sample in the window at 1280×800, the keyboard in the draft."""
    path = build_sample_session(tmp_path / "oewg.chairdesk", "oewg")
    win = show_desk(qtbot, path, docks=default_docks(), size=(1280, 800))
    return win, Chair(qtbot, win)


def _status(win: MainWindow) -> str:
    return win.statusBar().currentMessage()


def _record_says(win: MainWindow) -> str:
    """The record's sentence for the last event."""
    last = win.session.events[-1].seq
    return next(entry.text for entry in build_record(win.session).entries if entry.seq == last)


def _confirmed(win: MainWindow, expected: str) -> None:
    """The status bar says `expected`, credited to whom the record's sentence for the step names."""
    assert _status(win) == expected
    who = expected.rsplit(" — credited to ", 1)[1].rstrip(".")
    assert _record_says(win).lower().startswith(who.lower()), (_record_says(win), who)


def _undo(chair: Chair) -> None:
    chair.key(K.Key_Z, CTRL)


def _redo(chair: Chair) -> None:
    chair.key(K.Key_Z, CTRL | SHIFT)


def test_a_proposal_undone_and_redone_is_confirmed_as_made_again_by_purple(desk, qtbot) -> None:  # noqa: ANN001
    win, chair = desk
    chair.go_to(9)

    def propose(dialog) -> None:  # noqa: ANN001
        qtbot.keyClicks(dialog.delegation.lineEdit(), "Purple")
        dialog.text.setPlainText(dialog.text.toPlainText().replace("the", "the Purple", 1))
        qtbot.keyClick(dialog.text, K.Key_Return, CTRL)

    chair.in_dialog(propose)
    chair.key(K.Key_P, CTRL)
    chair.back()
    win.draft_view.setFocus()
    made = "Paragraph 9 has a new proposal — credited to Team Purple."
    _confirmed(win, made)
    _undo(chair)
    _confirmed(win, "Paragraph 9 has a proposal set aside — credited to the Chair.")
    _redo(chair)
    assert win.session.events[-1].kind == "draft.proposal.reopen"
    _confirmed(win, made)  # the record: "Team Purple proposed for paragraph 9 … (redoing an undone step)"

    chair.key(K.Key_X, CTRL | SHIFT)
    set_aside = "Paragraph 9 has a proposal set aside — credited to the Chair."
    _confirmed(win, set_aside)
    _undo(chair)
    _confirmed(win, "Paragraph 9 has a proposal reopened — credited to the Chair.")
    _redo(chair)
    _confirmed(win, set_aside)
    _undo(chair)

    chair.key(K.Key_A, CTRL | SHIFT)
    taken = "Paragraph 9 takes the proposal's wording — credited to the Chair."
    _confirmed(win, taken)
    _undo(chair)
    _confirmed(win, "Paragraph 9 has a proposal reopened — credited to the Chair.")
    _redo(chair)
    _confirmed(win, taken)


def test_a_retitled_section_is_confirmed_and_named_anew_in_the_editor_pane(desk, qtbot) -> None:  # noqa: ANN001
    win, chair = desk
    chair.go_to(17)
    heading = win.editor.heading
    assert heading.plain_text() == "Paragraph 17 — section D, Capacity-building"
    chair.key(K.Key_Z, CTRL | SHIFT)  # nothing to redo: the status bar says so, or nothing
    chair.on_behalf_of("Green")

    def retitle(dialog) -> None:  # noqa: ANN001
        field = dialog.focusWidget()
        qtbot.keyClick(field, K.Key_A, CTRL)
        qtbot.keyClicks(field, "Recommended next steps")
        qtbot.keyClick(field, K.Key_Return)

    chair.in_dialog(retitle)
    chair.key(K.Key_T, CTRL | SHIFT)
    chair.back()
    win.draft_view.setFocus()
    retitled = "Section D retitled 'Recommended next steps' — credited to Team Green."
    _confirmed(win, retitled)
    assert heading.plain_text() == "Paragraph 17 — section D, Recommended next steps"
    _undo(chair)
    _confirmed(win, "Section D retitled 'Capacity-building' — credited to the Chair.")
    assert heading.plain_text() == "Paragraph 17 — section D, Capacity-building"
    _redo(chair)
    _confirmed(win, retitled)
    assert heading.plain_text() == "Paragraph 17 — section D, Recommended next steps"


def test_the_document_title_and_a_sub_heading_are_confirmed(desk, qtbot) -> None:  # noqa: ANN001
    win, chair = desk
    chair.go_to(17)

    def answer(words: str):  # noqa: ANN202
        def steps(dialog) -> None:  # noqa: ANN001
            field = dialog.focusWidget()
            qtbot.keyClick(field, K.Key_A, CTRL)
            qtbot.keyClicks(field, words)
            qtbot.keyClick(field, K.Key_Return)

        return steps

    chair.in_dialog(answer("Final progress report"))
    chair.key(K.Key_D, CTRL | SHIFT)
    chair.back()
    win.draft_view.setFocus()
    _confirmed(win, "Document title set to 'Final progress report' — credited to the Chair.")
    assert win.title_label.title() == "Final progress report"
    _undo(chair)
    assert _status(win).startswith("Document title set to 'Draft annual progress report")
    assert win.title_label.title() == win.session.draft.title

    chair.on_behalf_of("Blue")
    chair.in_dialog(answer("Next steps"))
    chair.key(K.Key_H, CTRL | SHIFT)
    chair.back()
    win.draft_view.setFocus()
    _confirmed(win, "Sub-heading 'Next steps' added — credited to Team Blue.")
    _undo(chair)
    _confirmed(win, "Sub-heading 'Next steps' removed — credited to the Chair.")
    _redo(chair)
    _confirmed(win, "Sub-heading 'Next steps' restored — credited to Team Blue.")


def test_a_section_moved_while_words_are_typed_is_named_by_its_new_letter(desk, qtbot) -> None:  # noqa: ANN001
    win, chair = desk
    chair.go_to(17)
    chair.key(K.Key_E, CTRL)
    chair.type(" Typed, not committed.")
    assert win.editor.is_dirty()
    try:
        section = win.session.draft.paragraphs[win.controller.current_paragraph].section
        win.outline_view.section_dropped.emit(section, 2)  # (dragged in the outline, before section C)
        _confirmed(win, "'Capacity-building' moved, now section C — credited to the Chair.")
        number = win.session.draft.number_of(win.controller.current_paragraph)
        assert win.editor.heading.plain_text() == f"Paragraph {number} — section C, Capacity-building"
        assert " Typed, not committed." in win.editor.text.toPlainText()  # (kept, not reloaded)
        win.draft_view.setFocus()
        _undo(chair)
        _confirmed(win, "'Capacity-building' moved, now section D — credited to the Chair.")
        assert win.editor.heading.plain_text() == "Paragraph 17 — section D, Capacity-building"
    finally:  # (the words typed put back: closing the window asks nothing)
        qtbot.keyClick(win.editor.text, K.Key_Escape)
