"""Session.record holds hand-made payloads to the rules the operations follow: derived facts are computed,
a vote's subject is its section, a restore into an adopted section reopens it, the endorsed report's title
block is frozen, and a malformed payload is refused with a message (never a traceback)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.adoption.model import ADOPTED, ADOPTED_AS_AMENDED, REOPENED
from chairdesk.core.adoption.operations import adopt_report, adopt_section, take_up
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """Section A clean, section B with brackets; tabled."""
    s = Session.create(tmp_path / "hand.chairdesk", "Working group")
    a = drafting.add_section(s, "Overview").subject
    drafting.insert_paragraph(s, a, "The working group met.")
    drafting.insert_paragraph(s, a, "States welcomed the progress.")
    b = drafting.add_section(s, "Norms").subject
    drafting.insert_paragraph(s, b, "States noted [binding obligations].")
    drafting.mark_baseline(s, "Tabled draft")
    yield s
    s.close()


def _sections(session: Session) -> tuple[str, str]:
    return session.draft.order[0], session.draft.order[1]


def test_amended_is_computed_not_taken_from_the_payload(session: Session) -> None:
    a, _ = _sections(session)
    para = session.draft.live_paragraphs(a)[0]
    drafting.amend_paragraph(session, para.id, "The working group met twice.")
    take_up(session, a)
    change = session.record("adoption.adopt", {"section": a, "amended": False})
    assert change.event.payload["amended"] is True
    assert session.state.adoption.section_status(a) == ADOPTED_AS_AMENDED


def test_a_vote_whose_subject_and_section_disagree_is_refused(session: Session) -> None:
    a, b = _sections(session)
    take_up(session, a)
    events = len(session.events)
    payload = {
        "subject_kind": "section",
        "subject": a,
        "section": b,  # never taken up, and with open brackets
        "rule": "simple majority",
        "ballots": None,
        "totals": {"yes": 3, "no": 0, "abstain": 0},
        "carried": True,
    }
    with pytest.raises(RefusedError, match="names that section as its subject"):
        session.record("adoption.vote", payload)
    assert len(session.events) == events
    assert session.state.adoption.section_status(b) != ADOPTED


def test_restoring_a_struck_paragraph_of_an_adopted_section_reopens_it(session: Session) -> None:
    a, _ = _sections(session)
    struck = session.draft.live_paragraphs(a)[1].id
    drafting.strike_paragraph(session, struck)
    c = drafting.add_section(session, "Annex").subject
    drafting.remove_section(session, c)
    take_up(session, a)
    adopt_section(session, a)
    # A section.restore of another section may not carry a paragraph of the adopted one.
    with pytest.raises(RefusedError, match="not a struck paragraph of that section"):
        session.record("draft.section.restore", {"id": c, "index": 2, "paragraphs": [struck]})
    assert session.state.adoption.section_status(a) == ADOPTED_AS_AMENDED
    assert session.draft.paragraphs[struck].struck
    # Restored directly, the paragraph reopens its adopted section.
    change = session.record("draft.paragraph.restore", {"id": struck})
    assert session.state.adoption.section_status(a) == REOPENED
    assert any("reopened" in notice for notice in change.notices)


def test_meeting_details_are_frozen_once_the_report_is_endorsed(session: Session) -> None:
    a, b = _sections(session)
    para = session.draft.live_paragraphs(b)[0]
    drafting.unbracket_text(session, para.id, para.text.index("["))
    for sid in (a, b):
        take_up(session, sid)
        adopt_section(session, sid)
    adopt_report(session)
    with pytest.raises(RefusedError, match="adopted and endorsed"):
        session.record("meeting.set", {"title": "Another meeting"})
    assert session.state.meeting.title == "Working group"


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        ("draft.paragraph.amend", {}),
        ("draft.paragraph.amend", {"id": 7, "text": None}),
        ("draft.section.move", {"id": "nope", "index": "first"}),
        ("adoption.vote", {"subject_kind": "section"}),
        ("floor.request", {"delegation": ["x"]}),
        ("meeting.set", {"title": 5}),
        ("roster.set", {"delegations": "everyone"}),
    ],
)
def test_malformed_payloads_are_refused_with_a_message(session: Session, kind: str, payload: dict) -> None:
    events = len(session.events)
    with pytest.raises(RefusedError):
        session.record(kind, payload)
    assert len(session.events) == events


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        ("draft.subparagraph.add", {"paragraph": "p1", "id": {"code": "BLU"}, "text": "States agreed.", "after": None}),
        ("draft.subparagraph.add", {"paragraph": "p1", "id": 7, "text": "States agreed.", "after": None}),
        ("draft.paragraph.insert", {"id": "p9", "section": "s1", "after": None, "text": "New.",
                                    "subparagraphs": [{"id": ["sp9"], "text": "a sub-paragraph;"}]}),
        ("draft.paragraph.insert", {"id": 9, "section": "s1", "after": None, "text": "New.", "subparagraphs": []}),
        ("draft.section.add", {"id": "", "title": "Annex", "index": 0}),
        ("draft.proposal.add", {"id": None, "paragraph": "p1", "text": "States agreed."}),
    ],
)
def test_a_new_piece_whose_id_is_not_a_text_is_refused(session: Session, kind: str, payload: dict) -> None:
    events = len(session.events)
    with pytest.raises(RefusedError, match="must be a text"):
        session.record(kind, payload)
    assert len(session.events) == events
    assert session.draft.plain_text()  # the text still reads (a dict as an id once broke every export)
