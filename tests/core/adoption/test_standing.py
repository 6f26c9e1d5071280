"""A standing objection blocks adoption; pending proposals lapse at adoption, never left hanging."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.adoption.model import ADOPTED, pending_proposals
from chairdesk.core.adoption.operations import (
    adopt_report,
    adopt_section,
    record_objection,
    record_vote,
    reopen_report,
    reopen_section,
    take_up,
    withdraw_objection,
)
from chairdesk.core.adoption.readout import readout
from chairdesk.core.floor.operations import set_roster
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def ticking_clock() -> Callable[[], datetime]:
    moments = (START + timedelta(minutes=i) for i in range(10_000))
    return lambda: next(moments)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """Two sections of two paragraphs, a roster of three teams, the tabled draft marked."""
    s = Session.create(tmp_path / "wg.chairdesk", "Working group", clock=ticking_clock())
    set_roster(
        s,
        [
            Delegation("PUR", "Team Purple"),
            Delegation("BLU", "Team Blue"),
            Delegation("YEL", "Team Yellow"),
        ],
    )
    for title in ("Overview", "Capacity-building"):
        section = drafting.add_section(s, title).subject
        drafting.insert_paragraph(s, section, f"{title}: the first paragraph.")
        drafting.insert_paragraph(s, section, f"{title}: the second paragraph.")
    drafting.mark_baseline(s, "Tabled draft")
    yield s
    s.close()


def section(session: Session, label: str) -> str:
    return session.draft.section_by_label(label).id


def describe_last(session: Session) -> str:
    event = session.events[-1]
    return session.state_at(event.seq - 1).describe(event)


# ---------------------------------------------------------------------------------------- objections
def test_a_standing_objection_refuses_adoption_naming_the_delegations(session: Session) -> None:
    a = section(session, "A")
    take_up(session, a)
    record_objection(session, a, "PUR", "The text goes too far.")
    record_objection(session, a, "BLU", "Not agreed.")
    events = len(session.events)
    with pytest.raises(RefusedError, match="Team Purple and Team Blue object and the objection stands"):
        adopt_section(session, a)
    assert len(session.events) == events  # nothing recorded
    # Session.record is the one path: a hand-made payload is held to the same rule
    with pytest.raises(RefusedError, match="Team Purple and Team Blue object"):
        session.record("adoption.adopt", {"section": a, "amended": False})
    with pytest.raises(RefusedError, match="objections .* have changed"):
        session.record(
            "adoption.adopt", {"section": a, "amended": False, "over_objection": True, "objecting": ["PUR"]}
        )
    assert [o.delegation for o in session.state.adoption.standing_objections(a)] == ["PUR", "BLU"]
    assert "objection by Team Purple and Team Blue" in session.state.adoption.status_text(a)


def test_withdrawing_the_objection_lets_the_section_be_adopted(session: Session) -> None:
    a = section(session, "A")
    take_up(session, a)
    record_objection(session, a, "PUR", "The text goes too far.")
    change = withdraw_objection(session, a, "PUR")
    assert change.kind == "adoption.objection.withdraw"
    assert describe_last(session) == "Team Purple withdrew its objection to section A, Overview."
    with pytest.raises(RefusedError, match="Team Purple has no standing objection"):
        withdraw_objection(session, a, "PUR")
    adopt_section(session, a)
    assert session.state.adoption.section_status(a) == ADOPTED
    assert [o.delegation for o in session.state.adoption.objections(a)] == ["PUR"]  # history kept


def test_the_chair_may_adopt_with_the_objection_noted(session: Session) -> None:
    a = section(session, "A")
    take_up(session, a)
    record_objection(session, a, "PUR", "The text goes too far.")
    change = adopt_section(session, a, over_objection=True)
    assert change.event.payload == {
        "section": a,
        "amended": False,
        "over_objection": True,
        "objecting": ["PUR"],
    }
    adoption = session.state.adoption
    assert adoption.section_status(a) == ADOPTED
    assert adoption.standing_objections(a) == []
    assert adoption.section(a).adopted_over == ["Team Purple"]
    assert readout(session.state, a) == "Section A, overview, is adopted, Team Purple objecting."
    assert adoption.status_text(a) == "adopted, Team Purple objecting"
    assert describe_last(session) == "Section A, Overview, was adopted, Team Purple objecting."
    assert adoption.steps[-1].detail == "Team Purple objecting"


def test_a_vote_settles_the_objections(session: Session) -> None:
    a = section(session, "A")
    take_up(session, a)
    record_objection(session, a, "PUR", "The text goes too far.")
    record_vote(session, "section", a, "simple majority", ballots={"PUR": "no", "BLU": "no", "YEL": "yes"})
    assert session.state.adoption.standing_objections(a) == []  # not carried, but put to the vote
    assert session.state.adoption.section_status(a) != ADOPTED
    adopt_section(session, a)  # the chair may now move adoption again
    assert session.state.adoption.section_status(a) == ADOPTED


def test_standing_objections_survive_reopening_the_file(session: Session) -> None:
    a = section(session, "A")
    take_up(session, a)
    record_objection(session, a, "PUR", "The text goes too far.")
    path = session.path
    session.close()
    with Session.open(path) as again:
        assert [o.name for o in again.state.adoption.standing_objections(a)] == ["Team Purple"]
        with pytest.raises(RefusedError, match="Team Purple objects"):
            adopt_section(again, a)


# ------------------------------------------------------------------------------------------- lapsed
def test_pending_proposals_refuse_adoption_until_they_lapse(session: Session) -> None:
    a, b = section(session, "A"), section(session, "B")
    p2 = session.draft.live_paragraphs(a)[1].id
    q = drafting.propose(session, p2, "Overview: a better second paragraph.", "BLU").subject
    other = drafting.propose(session, session.draft.live_paragraphs(b)[0].id, "Else.", "YEL").subject
    assert [p.id for p in pending_proposals(session.state, a)] == [q]
    assert [p.id for p in pending_proposals(session.state, None)] == [q, other]
    take_up(session, a)
    with pytest.raises(
        RefusedError, match="proposals are pending: the proposal of Team Blue for paragraph 2"
    ):
        adopt_section(session, a)
    with pytest.raises(RefusedError, match="not pending on section A"):
        session.record("adoption.adopt", {"section": a, "amended": False, "lapsed": [q, other]})
    change = adopt_section(session, a, lapse_proposals=True)
    assert change.event.payload["lapsed"] == [q]
    assert describe_last(session) == (
        "Section A, Overview, was adopted. The proposal of Team Blue for paragraph 2 lapsed."
    )
    assert session.state.adoption.steps[-1].detail == "The proposal of Team Blue for paragraph 2 lapsed"
    draft = session.draft
    assert draft.proposals[q].status == "lapsed"
    assert draft.proposals[other].status == "pending"  # another section's proposal is left alone
    assert q not in {p.id for p in draft.pending_proposals()}
    # reopening the section (adoption is undone by reopening) brings the lapsed proposal back
    reopen_section(session, a, "Team Blue asked to discuss its proposal.")
    assert draft.proposals[q].status == "pending"
    drafting.accept_proposal(session, q)
    assert draft.paragraph(p2).text == "Overview: a better second paragraph."


def test_a_proposal_is_pending_on_the_section_its_paragraph_stands_in_now(session: Session) -> None:
    a, b = section(session, "A"), section(session, "B")
    moved = session.draft.live_paragraphs(a)[0].id
    q = drafting.propose(session, moved, "Overview: moved words.", "BLU").subject
    drafting.move_paragraph(session, moved, b, 0)
    assert [p.id for p in pending_proposals(session.state, a)] == []
    assert [p.id for p in pending_proposals(session.state, b)] == [q]
    drafting.strike_paragraph(session, moved)  # struck, it still stands in section B
    assert [p.id for p in pending_proposals(session.state, b)] == [q]
    take_up(session, a)
    adopt_section(session, a)  # nothing pending on A: adopted without lapsing the moved paragraph's proposal
    assert session.draft.proposals[q].status == "pending"


def test_the_report_lapses_the_last_pending_proposals(session: Session) -> None:
    a, b = section(session, "A"), section(session, "B")
    for sid in (a, b):
        take_up(session, sid)
        adopt_section(session, sid)
    q = drafting.propose(session, session.draft.live_paragraphs(b)[0].id, "Else.", "YEL").subject
    with pytest.raises(RefusedError, match="The report cannot be adopted while proposals are pending"):
        adopt_report(session)
    change = adopt_report(session, lapse_proposals=True)
    assert change.event.payload["lapsed"] == [q]
    assert describe_last(session).endswith("The proposal of Team Yellow for paragraph 3 lapsed.")
    assert session.draft.proposals[q].status == "lapsed"
    path = session.path
    session.close()
    with Session.open(path) as again:  # replay gives the same
        assert again.draft.proposals[q].status == "lapsed"
        reopen_report(again, "A proposal was left.")
        assert again.draft.proposals[q].status == "pending"


def test_a_carried_vote_adopts_and_lapses_like_the_chair_adopting(session: Session) -> None:
    a = section(session, "A")
    q = drafting.propose(session, session.draft.live_paragraphs(a)[0].id, "Better.", "BLU").subject
    take_up(session, a)
    ballots = {"PUR": "yes", "BLU": "no", "YEL": "yes"}
    with pytest.raises(
        RefusedError, match="proposals are pending: the proposal of Team Blue for paragraph 1"
    ):
        record_vote(session, "section", a, "simple majority", ballots=ballots)
    # a vote that fails adopts nothing: the proposal stays pending, nothing lapses
    record_vote(session, "section", a, "simple majority", ballots={"PUR": "no", "BLU": "no", "YEL": "yes"})
    assert session.draft.proposals[q].status == "pending"
    change = record_vote(session, "section", a, "simple majority", ballots=ballots, lapse_proposals=True)
    assert change.event.payload["lapsed"] == [q]
    assert session.state.adoption.section_status(a) == ADOPTED
    assert session.draft.proposals[q].status == "lapsed"
    assert describe_last(session).endswith("The proposal of Team Blue for paragraph 1 lapsed.")
