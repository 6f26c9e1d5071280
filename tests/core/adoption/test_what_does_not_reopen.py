"""What must not reopen an adopted section: being relettered by another section's move, a proposal set aside."""

from __future__ import annotations

from chairdesk.core import adoption, drafting
from chairdesk.core.adoption.model import ADOPTED_STATES
from chairdesk.core.log.session import Session


def adopt(session: Session, section_id: str) -> None:
    for para in session.draft.live_paragraphs(section_id):
        if "[" in para.text:
            drafting.unbracket_text(session, para.id, para.text.index("["))
    adoption.take_up(session, section_id)
    adoption.adopt_section(session, section_id)


def test_moving_a_section_does_not_reopen_the_sections_it_reletters(small_session) -> None:
    session, ids = small_session
    c = drafting.add_section(session, "Capacity-building").subject
    drafting.insert_paragraph(session, c, "States will build capacity.")
    drafting.mark_baseline(session, "Tabled draft")
    adopt(session, ids["A"])
    adopt(session, ids["B"])
    before = {sid: session.state.adoption.section(sid).status for sid in (ids["A"], ids["B"])}
    drafting.move_section(session, c, 0)  # C becomes A; Overview and CBMs are relettered B and C
    assert session.draft.numbering().label[ids["A"]] == "B"
    after = {sid: session.state.adoption.section(sid).status for sid in (ids["A"], ids["B"])}
    assert after == before and set(after.values()) <= set(ADOPTED_STATES)


def test_setting_a_proposal_aside_does_not_reopen_an_adopted_section(small_session) -> None:
    session, ids = small_session
    drafting.mark_baseline(session, "Tabled draft")
    adopt(session, ids["A"])
    proposal = drafting.propose(session, ids["p1"], "The group met in four sessions.", "yellow").subject
    drafting.set_aside_proposal(session, proposal)
    assert session.state.adoption.section(ids["A"]).status in ADOPTED_STATES
    assert session.draft.paragraphs[ids["p1"]].text == "The working group met in three sessions."
