"""Undoing an old change that a later change has overtaken is refused: it would silently undo that one too."""

from __future__ import annotations

import pytest

from chairdesk.core import drafting
from chairdesk.core.floor.operations import add_delegation, update_delegation
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.change import Change
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session


def _refused(session: Session, change: Change) -> None:
    before = len(session.events)
    fingerprint = session.draft.fingerprint()
    with pytest.raises(RefusedError, match="later change"):
        session.undo(change)
    assert len(session.events) == before
    assert session.draft.fingerprint() == fingerprint


def test_an_amendment_overtaken_by_a_later_one_is_not_undone(small_session) -> None:
    session, ids = small_session
    first = drafting.amend_paragraph(session, ids["p1"], "The group met twice.")
    second = drafting.amend_paragraph(session, ids["p1"], "The group met three times.")
    _refused(session, first)
    assert session.draft.paragraph(ids["p1"]).text == "The group met three times."
    session.undo(second)  # in order, both come undone
    session.undo(first)
    assert session.draft.paragraph(ids["p1"]).text == "The working group met in three sessions."


def test_an_accepted_proposal_then_amended_is_not_undone(small_session) -> None:
    session, ids = small_session
    proposal = drafting.propose(session, ids["p2"], "States shared views.", "blue").subject
    accepted = drafting.accept_proposal(session, proposal)
    drafting.amend_paragraph(session, ids["p2"], "States shared their views.")
    _refused(session, accepted)
    assert session.draft.paragraph(ids["p2"]).text == "States shared their views."


def test_sub_paragraph_titles_and_moves_overtaken_are_not_undone(small_session) -> None:
    session, ids = small_session
    sub = session.draft.paragraph(ids["p4"]).subparagraphs[0].id
    amended = drafting.amend_subparagraph(session, ids["p4"], sub, "share data;")
    drafting.amend_subparagraph(session, ids["p4"], sub, "share information and data;")
    _refused(session, amended)
    retitled = drafting.retitle_section(session, ids["B"], "Confidence building")
    drafting.retitle_section(session, ids["B"], "Confidence-building measures (CBMs)")
    _refused(session, retitled)
    titled = drafting.set_title(session, "Final report")
    drafting.set_title(session, "Final report of the group")
    _refused(session, titled)
    moved = drafting.move_paragraph(session, ids["p1"], ids["B"])
    drafting.move_paragraph(session, ids["p1"], ids["B"], 0)
    _refused(session, moved)
    placed = drafting.move_section(session, ids["B"], 0)
    drafting.move_section(session, ids["B"], 1)
    _refused(session, placed)


def test_a_roster_entry_changed_again_is_not_undone(small_session) -> None:
    session, _ids = small_session
    add_delegation(session, Delegation("blue", "Blue"))
    first = update_delegation(session, Delegation("blue", "Blue", regional_group="WEOG"))
    update_delegation(session, Delegation("blue", "Blue", regional_group="WEOG", online=True))
    with pytest.raises(RefusedError, match="later change"):
        session.undo(first)
    assert session.state.roster.get("blue").online


def test_undoing_in_order_still_works_after_an_insert_at_the_start(small_session) -> None:
    # An insertion undone leaves a struck paragraph in front of the moved one: the move still stands.
    session, ids = small_session
    moved = drafting.move_paragraph(session, ids["p5"], ids["B"], 0)
    inserted = drafting.insert_paragraph(session, ids["B"], "A new first paragraph.", index=0)
    session.undo(inserted)
    session.undo(moved)
    assert [p.id for p in session.draft.live_paragraphs(ids["B"])] == [ids["p3"], ids["p4"], ids["p5"]]
    sub_ids = [s.id for s in session.draft.paragraph(ids["p4"]).subparagraphs]
    sub_moved = drafting.move_subparagraph(session, ids["p4"], sub_ids[1], 0)
    added = drafting.add_subparagraph(session, ids["p4"], "train staff;", 0)
    session.undo(added)
    session.undo(sub_moved)
    assert [s.id for s in session.draft.paragraph(ids["p4"]).live_subparagraphs()] == sub_ids
