"""The undo stack when an undo is refused: Redo must never record an undo, nor the stack skip a change."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core import adoption, drafting
from chairdesk.core.log.session import Session
from chairdesk.gui.controller import SessionController


def test_a_refused_undo_leaves_no_redo_that_reverts_the_text(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    session = Session.create(tmp_path / "s.chairdesk", "Working group")
    section = drafting.add_section(session, "Overview").subject
    paragraph = drafting.insert_paragraph(session, section, "The group met.").subject
    controller = SessionController(session)
    refusals: list[str] = []
    controller.refused.connect(refusals.append)
    controller.run(drafting.amend_paragraph, paragraph, "The group met twice.")
    controller.run(adoption.take_up, section)
    controller.run(adoption.adopt_section, section)
    controller.run(adoption.adopt_report)
    assert not controller.undo()  # the text is frozen: refused
    assert refusals and ("frozen" in refusals[-1] or "adoption" in refusals[-1])
    assert session.draft.paragraph(paragraph).text == "The group met twice."
    assert not controller.undo_stack.canRedo()  # nothing was undone, so there is nothing to redo
    controller.run(adoption.reopen_report, "A late correction")
    events = len(session.events)
    assert not controller.redo()
    assert len(session.events) == events
    assert session.draft.paragraph(paragraph).text == "The group met twice."
    controller.detach()
    session.close()
