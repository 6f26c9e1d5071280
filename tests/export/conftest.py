"""A small fixed session (fixed clock) that the export tests write out and read back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from chairdesk.core import adoption, floor
from chairdesk.core import drafting as ops
from chairdesk.core.floor.operations import set_roster
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.session import Session


def fixed_clock(start: datetime = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)) -> Callable[[], datetime]:
    """A clock that moves one minute per call, so every run gives the same timestamps."""
    moments = iter(start + timedelta(minutes=n) for n in range(100_000))
    return lambda: next(moments)


ROSTER = [
    Delegation("blue", "Blue", "government", "WEOG", "#1f77b4"),
    Delegation("yellow", "Yellow", "government", "African Group", "#e6c200"),
    Delegation("green", "Green", "government", "GRULAC", "#2ca02c"),
    Delegation("red", "Red", "government", "Asia-Pacific Group", "#d62728", online=True),
    Delegation("cs", "Cyber Peace Network", "civil society", "none", "purple"),
    Delegation("tech", "Internet Registry Forum", "technical community", "none", "grey"),
]


def build_small_session(path: Path, full: bool = False) -> Session:
    """Three sections, a sub-heading, sub-paragraphs; tabled, then amended, struck, inserted and moved.

    full adds a roster (first), then after the text changes a debate on the floor and the adoption of
    every section and of the report."""
    session = Session.create(
        path,
        "Open-ended working group on ICT security",
        body="United Nations General Assembly",
        venue="Geneva",
        dates="24\u201328 November 2026",
        clock=fixed_clock(),
    )
    if full:
        set_roster(session, ROSTER)
    ops.set_title(session, "Draft outcome document")
    a = ops.add_section(session, "Overview").subject
    c = ops.add_section(session, "Confidence-building measures").subject
    d = ops.add_section(session, "Capacity building").subject
    p1 = ops.insert_paragraph(session, a, "States met in Geneva to continue the dialogue.").subject
    p2 = ops.insert_paragraph(session, a, "The group invited all States to share views.").subject
    p3 = ops.insert_paragraph(
        session,
        c,
        "States agreed on the following measures:",
        subparagraphs=["points of contact;", "[regular] exchanges of information;", "joint exercises."],
    ).subject
    p4 = ops.insert_paragraph(session, c, "A directory of points of contact will be kept.").subject
    ops.add_subheading(session, d, "Recommended next steps")
    p5 = ops.insert_paragraph(session, d, "Capacity building should be demand-driven.").subject
    p6 = ops.insert_paragraph(session, d, "Support [small and] developing countries.").subject
    ops.mark_baseline(session, "Tabled draft")
    # The first reading.
    ops.amend_paragraph(session, p2, "The group stressed that all States should share views.")
    q = ops.propose(session, p6, "Support developing countries and small island States.", "blue").subject
    ops.accept_proposal(session, q)
    ops.strike_paragraph(session, p4)
    p3_subs = session.draft.paragraph(p3).subparagraphs
    ops.amend_subparagraph(session, p3, p3_subs[1].id, "regular exchanges of information;")
    ops.strike_subparagraph(session, p3, p3_subs[2].id)
    ops.insert_paragraph(session, c, "States will meet again in 2027.", actor="yellow")
    ops.move_paragraph(session, p1, d)
    ops.retitle_section(session, c, "Confidence-building measures and cooperation")
    del p5
    if full:
        _debate_and_adopt(session)
    return session


def _debate_and_adopt(session: Session) -> None:
    b = session.draft.order[1]
    floor.request_floor(session, "blue", section=b)
    floor.request_floor(session, "cs", section=b)
    floor.request_floor(session, "yellow", section=b)
    floor.next_speaker(session)  # Blue
    floor.next_speaker(session)  # Cyber Peace Network
    floor.give_floor(session, "red", kind="point of order")  # suspends Cyber Peace Network
    floor.end_intervention(session)  # Cyber Peace Network has the floor again
    floor.next_speaker(session)  # Yellow
    floor.end_intervention(session)
    for sid in session.draft.order:
        adoption.take_up(session, sid)
        if sid == b:
            adoption.record_objection(session, sid, "red", "The measures go too far.")
        adoption.adopt_section(session, sid, over_objection=True)
    adoption.adopt_report(session)


@pytest.fixture()
def small_session(tmp_path: Path) -> Session:
    """The small fixed session, open."""
    session = build_small_session(tmp_path / "small.chairdesk")
    yield session
    session.close()


@pytest.fixture()
def full_session(tmp_path: Path) -> Session:
    """The small session with a roster, a debate and the adoption of the report, open."""
    session = build_small_session(tmp_path / "full.chairdesk", full=True)
    yield session
    session.close()
