"""The recorded sample: the working group's first morning, played through the real operations with a clock,
so a facilitator has a session to replay and debrief (`chairdesk --sample recorded`, or File ▸ Open for replay).

The morning, 24 November 2026 (UTC): the chair opens the item, six teams speak in turn, three of them amend
the same paragraph of section A, a team brackets words it cannot yet accept, section A is adopted as amended;
on section B a team objects, a point of order interrupts a speaker during adoption, the objection is withdrawn
and B is adopted; on section C a vote is taken; Team Green's proposal on section D is accepted and D is
adopted; the report itself is left for the afternoon."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .core.adoption import operations as adoption
from .core.adoption.votes import SIMPLE_MAJORITY
from .core.draft import operations as drafting
from .core.draft.model import CHAIR, Proposal
from .core.floor import operations as floor
from .core.floor.model import POINT_OF_ORDER
from .core.log.session import Session

START = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


class ScriptClock:
    """A clock the script moves forward: minutes and seconds pass between the chair's actions."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def wait(self, minutes: float = 0, seconds: float = 0) -> None:
        """Let time pass before the next action."""
        self.moment += timedelta(minutes=minutes, seconds=seconds)


def play_morning(session: Session, clock: ScriptClock) -> None:
    """The morning's meeting on the tabled draft, from the opening of the item to the adoption of section D."""
    sections = list(session.draft.order)
    a, b, c, d = sections[:4]
    speak = _speaker(session, clock)
    clock.moment = START.replace(hour=10, minute=0)
    for code in ("BLU", "YEL", "ORA", "RED", "GRN", "PUR"):
        floor.request_floor(session, code, section=a)
        clock.wait(seconds=20)

    # Section A, paragraph 3: three teams amend the same paragraph.
    adoption.take_up(session, a)
    p3 = session.draft.live_paragraphs(a)[2].id
    speak(2.5)
    _amend(session, p3, "health-care facilities", "hospitals and other health-care facilities", "BLU")
    clock.wait(minutes=1)
    speak(3)
    _amend(session, p3, "energy grids", "energy and water supply", "YEL")
    clock.wait(minutes=1)
    speak(2)
    _amend(session, p3, "growing number", "growing number and sophistication", "ORA")
    clock.wait(minutes=1)
    speak(2.5)  # RED: cannot accept "financial institutions" yet; the brackets already say so
    speak(1.5)  # GRN, online
    text = session.draft.paragraph(p3).text
    drafting.unbracket_text(session, p3, text.index("[financial") + 1, actor="GRN")
    clock.wait(minutes=1)
    speak(2)  # PUR: "small and" can go; every developing country is meant
    p4 = session.draft.live_paragraphs(a)[3].id
    _amend(session, p4, "[small and] ", "", "PUR")
    clock.wait(minutes=2)
    floor.end_intervention(session)
    adoption.adopt_section(session, a)
    clock.wait(minutes=3)

    # Section B: an objection, a point of order during adoption, the objection withdrawn.
    _take_up(session, clock, b, "RED", "BLU")
    speak(3)  # RED
    adoption.record_objection(
        session, b, "RED", "Paragraph 9 prejudges the discussion on further legally binding obligations."
    )
    clock.wait(minutes=1)
    speak(1)  # BLU begins...
    floor.request_floor(session, "ORA", kind=POINT_OF_ORDER, section=b)
    clock.wait(seconds=20)
    floor.hear_point_of_order(session)  # ORA: the objection must be settled before anything is adopted
    clock.wait(minutes=1)
    floor.next_speaker(session)  # the point of order is heard; BLU has the floor again
    clock.wait(minutes=2)
    floor.end_intervention(session)
    p9 = session.draft.live_paragraphs(b)[3].id
    _amend(
        session,
        p9,
        "[additional legally binding obligations] [further guidance on the implementation of existing norms]",
        "further guidance on the implementation of existing norms and, where appropriate, additional obligations",
    )
    clock.wait(minutes=4)
    adoption.withdraw_objection(session, b, "RED")
    clock.wait(minutes=1)
    for proposal in _pending(session, b):  # Team Yellow's wording: the amended paragraph 9 covers it
        drafting.set_aside_proposal(session, proposal.id)
        clock.wait(seconds=30)
    adoption.adopt_section(session, b)
    clock.wait(minutes=3)

    # Section C: no consensus, a vote.
    _take_up(session, clock, c, "YEL", "PUR")
    speak(3)  # YEL: keep "transboundary"
    speak(2.5)  # PUR: delete it; no consensus, PUR asks for a vote
    floor.end_intervention(session)
    for paragraph in session.draft.live_paragraphs(c):
        for sub in paragraph.subparagraphs:
            if "[transboundary]" in sub.text:
                where = sub.text.index("[transboundary]") + 1
                drafting.unbracket_text(session, paragraph.id, where, sub.id, actor="YEL")
    clock.wait(minutes=2)
    adoption.record_vote(session, "section", c, SIMPLE_MAJORITY, totals={"yes": 4, "no": 1, "abstain": 1})
    clock.wait(minutes=4)

    # Section D: Team Green's proposal accepted.
    _take_up(session, clock, d, "GRN", "BLU")
    speak(2)  # GRN presents its proposal
    for proposal in _pending(session, d):
        drafting.accept_proposal(session, proposal.id)
        clock.wait(seconds=40)
    speak(1.5)  # BLU: the funding clause can stay, unbracketed
    for paragraph in session.draft.live_paragraphs(d):
        if "[subject to" in paragraph.text:
            drafting.unbracket_text(
                session, paragraph.id, paragraph.text.index("[subject to") + 1, actor="BLU"
            )
    clock.wait(seconds=30)
    floor.end_intervention(session)
    adoption.adopt_section(session, d)
    clock.wait(minutes=1)
    floor.end_item(session)


def _speaker(session: Session, clock: ScriptClock) -> Callable[[float], None]:
    """Call the next speaker and let them speak for the minutes given."""

    def speak(minutes: float) -> None:
        floor.next_speaker(session)
        clock.wait(minutes=minutes)

    return speak


def _take_up(session: Session, clock: ScriptClock, section_id: str, *speakers: str) -> None:
    """Take a section up; the delegations given ask for the floor on it, and half a minute passes."""
    adoption.take_up(session, section_id)
    for code in speakers:
        floor.request_floor(session, code, section=section_id)
    clock.wait(seconds=30)


def _pending(session: Session, section_id: str) -> list[Proposal]:
    """The proposals still pending on the section's paragraphs."""
    return [
        p
        for p in session.draft.proposals.values()
        if p.status == "pending" and session.draft.paragraphs[p.paragraph].section == section_id
    ]


def _amend(session: Session, paragraph_id: str, old: str, new: str, actor: str = CHAIR) -> None:
    """Replace words of a paragraph, on behalf of the delegation given (the chair's own pen by default)."""
    text = session.draft.paragraph(paragraph_id).text
    if old not in text:
        raise ValueError(f"the recorded sample expects {old!r} in paragraph {paragraph_id}")
    drafting.amend_paragraph(session, paragraph_id, text.replace(old, new, 1), actor)


def build_recorded_session(path: str | Path, build_tabled: Callable[[Path, ScriptClock], Path]) -> Path:
    """Create the recorded sample at path: the working group's tabled draft (built by build_tabled with the
    script's clock), then its first morning."""
    clock = ScriptClock(START)
    path = build_tabled(Path(path), clock)
    with Session.open(path, clock) as session:
        play_morning(session, clock)
    return path
