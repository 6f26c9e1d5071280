"""Votes recorded from hand-made payloads (a script, an older chairdesk): the report's hash and a section's
"amended" are computed from the text, and a section vote may name its section as well as its subject."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.adoption.model import ADOPTED_AS_AMENDED, text_hash
from chairdesk.core.adoption.operations import adopt_section, take_up
from chairdesk.core.log.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """One section of two paragraphs, tabled, then amended."""
    s = Session.create(tmp_path / "votes.chairdesk", "Working group")
    a = drafting.add_section(s, "Overview").subject
    drafting.insert_paragraph(s, a, "The working group met.")
    first = drafting.insert_paragraph(s, a, "States welcomed the progress.").subject
    drafting.mark_baseline(s, "Tabled draft")
    drafting.amend_paragraph(s, first, "States warmly welcomed the progress.")
    yield s
    s.close()


def _vote(subject_kind: str, subject: str | None, **extra: object) -> dict:
    return {
        "subject_kind": subject_kind,
        "subject": subject,
        "rule": "simple majority",
        "ballots": None,
        "totals": {"yes": 7, "no": 1, "abstain": 0, "present": 8},
        "carried": True,
        **extra,
    }


def test_a_report_vote_without_its_hash_gets_the_texts(session: Session) -> None:
    section = session.draft.order[0]
    take_up(session, section)
    adopt_section(session, section)
    change = session.record("adoption.vote", _vote("report", None))
    assert change.event.payload["hash"] == text_hash(session.draft)
    adoption = session.state.adoption
    assert adoption.report_adopted and adoption.report_hash == text_hash(session.draft)


def test_a_section_vote_naming_its_section_is_taken(session: Session) -> None:
    section = session.draft.order[0]
    take_up(session, section)
    change = session.record("adoption.vote", _vote("section", section, section=section, amended=False))
    assert change.event.payload["amended"] is True  # computed: the text changed since it was tabled
    assert session.state.adoption.section_status(section) == ADOPTED_AS_AMENDED
