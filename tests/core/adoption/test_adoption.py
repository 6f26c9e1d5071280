"""Adoption in the core: every transition and refusal, reopening on edit, the frozen report, votes, replay."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.adoption.model import (
    ADOPTED,
    ADOPTED_AS_AMENDED,
    NOT_TAKEN_UP,
    REOPENED,
    SECTION_STATES,
    UNDER_CONSIDERATION,
    section_mark,
)
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
from chairdesk.core.adoption.readout import readout, vote_readout
from chairdesk.core.log.errors import DraftError, RefusedError
from chairdesk.core.log.session import Session

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def ticking_clock() -> Callable[[], datetime]:
    """A fake clock that moves on one minute at each event."""
    moments = (START + timedelta(minutes=i) for i in range(10_000))
    return lambda: next(moments)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """Four sections, brackets in section B, the tabled draft marked as the baseline."""
    s = Session.create(tmp_path / "wg.chairdesk", "Working group, third session", clock=ticking_clock())
    drafting.set_title(s, "Draft report of the working group")
    texts = {
        "Overview": ["The working group met three times.", "States welcomed the progress made."],
        "Rules, norms and principles": [
            "States reaffirmed the norms of responsible behaviour.",
            "States noted proposals for [additional binding obligations].",
        ],
        "Confidence-building measures": [
            "States welcomed the points of contact directory.",
            "States encouraged regular ping tests.",
        ],
        "Capacity-building": ["States stressed that capacity-building should be demand-driven."],
    }
    for title, paragraphs in texts.items():
        sid = drafting.add_section(s, title).subject
        for text in paragraphs:
            drafting.insert_paragraph(s, sid, text)
    drafting.mark_baseline(s, "Tabled draft")
    yield s
    s.close()


def sid(session: Session, label: str) -> str:
    return session.draft.section_by_label(label).id


def adopt_all(session: Session) -> None:
    b = sid(session, "B")
    para = session.draft.live_paragraphs(b)[1]
    drafting.unbracket_text(session, para.id, para.text.index("["))
    for label in "ABCD":
        if session.state.adoption.section_status(sid(session, label)) not in (ADOPTED, ADOPTED_AS_AMENDED):
            take_up(session, sid(session, label))
            adopt_section(session, sid(session, label))


def record_of(session: Session) -> list[str]:
    """The record's sentence for every event, read against the state before it."""
    return [session.state_at(e.seq - 1).describe(e) for e in session.events]


def test_a_section_is_taken_up_then_adopted(session: Session) -> None:
    a = sid(session, "A")
    adoption = session.state.adoption
    assert adoption.section_status(a) == NOT_TAKEN_UP
    assert adoption.status_text(a) == "not yet taken up"
    take_up(session, a)
    assert adoption.section_status(a) == UNDER_CONSIDERATION
    assert readout(session.state, a) == (
        "We now take up section A, overview. If there are no objections, may I take it that the section is adopted?"
    )
    change = adopt_section(session, a)
    assert change.event.payload == {"section": a, "amended": False}
    assert "adoption" in change.areas and a in change.sections
    assert adoption.section_status(a) == ADOPTED
    assert adoption.section(a).adopted_ts == change.event.ts
    assert readout(session.state, a) == "Section A, overview, is adopted."
    assert [(s.action, s.section, s.actor) for s in adoption.steps] == [
        ("taken up", a, "chair"),
        ("adopted", a, "chair"),
    ]
    assert record_of(session)[-2:] == [
        "The Chair took up section A, Overview.",
        "Section A, Overview, was adopted.",
    ]


def test_refusals_before_and_after_adoption(session: Session) -> None:
    a = sid(session, "A")
    before = len(session.events)
    with pytest.raises(RefusedError, match="Section A, Overview, has not been taken up yet"):
        adopt_section(session, a)
    with pytest.raises(RefusedError, match="Take it up first"):
        record_objection(session, a, "BLU", "Not ready.")
    with pytest.raises(RefusedError, match="not adopted; there is nothing to reopen"):
        reopen_section(session, a, "Because.")
    take_up(session, a)
    with pytest.raises(RefusedError, match="already under consideration"):
        take_up(session, a)
    adopt_section(session, a)
    with pytest.raises(RefusedError, match="is adopted already"):
        adopt_section(session, a)
    with pytest.raises(RefusedError, match="reopen it to take it up again"):
        take_up(session, a)
    with pytest.raises(RefusedError, match="Reopen it first"):
        record_objection(session, a, "BLU", "Too late.")
    with pytest.raises(DraftError, match="There is no section 'nope'"):
        take_up(session, "nope")
    assert len(session.events) == before + 2  # only the take-up and the adoption were written


def test_adoption_with_open_brackets_is_refused_with_their_places(session: Session) -> None:
    b = sid(session, "B")
    take_up(session, b)
    with pytest.raises(RefusedError) as refused:
        adopt_section(session, b)
    assert str(refused.value) == (
        "Section B, Rules, norms and principles, cannot be adopted: open square brackets remain in "
        "paragraph 4. Resolve them first."
    )
    assert "Square brackets remain open in paragraph 4" in readout(session.state, b)
    para = session.draft.live_paragraphs(b)[1]
    drafting.unbracket_text(session, para.id, para.text.index("["))
    adopt_section(session, b)
    assert session.state.adoption.section_status(b) == ADOPTED_AS_AMENDED  # the brackets went since tabling


@pytest.mark.parametrize(
    "edit",
    [
        lambda s, c: drafting.amend_paragraph(s, s.draft.live_paragraphs(c)[0].id, "States welcomed it."),
        lambda s, c: drafting.retitle_section(s, c, "Confidence building"),
        lambda s, c: drafting.add_subheading(s, c, "Recommended next steps"),
        lambda s, c: drafting.add_subparagraph(
            s, s.draft.live_paragraphs(c)[0].id, "by nominating contacts;"
        ),
        lambda s, c: drafting.strike_paragraph(s, s.draft.live_paragraphs(c)[1].id),
    ],
    ids=["paragraph", "title", "sub-heading", "sub-paragraph", "strike"],
)
def test_changed_since_the_baseline_is_adopted_as_amended(session: Session, edit: Callable) -> None:
    c = sid(session, "C")
    edit(session, c)
    take_up(session, c)
    change = adopt_section(session, c)
    assert change.event.payload["amended"] is True
    assert session.state.adoption.section_status(c) == ADOPTED_AS_AMENDED
    assert readout(session.state, c).endswith("is adopted as amended.")
    assert record_of(session)[-1].endswith("was adopted as amended.")


def test_an_edit_elsewhere_or_an_edit_undone_is_not_an_amendment(session: Session) -> None:
    c, d = sid(session, "C"), sid(session, "D")
    drafting.amend_paragraph(session, session.draft.live_paragraphs(d)[0].id, "States agreed.")
    para = session.draft.live_paragraphs(c)[0]
    original = para.text
    drafting.amend_paragraph(session, para.id, "Something else.")
    drafting.amend_paragraph(session, para.id, original)
    take_up(session, c)
    assert adopt_section(session, c).event.payload["amended"] is False


def test_an_objection_keeps_the_section_open(session: Session) -> None:
    c = sid(session, "C")
    take_up(session, c)
    change = record_objection(session, c, "BLU", "The directory must stay voluntary.")
    adoption = session.state.adoption
    assert change.event.payload == {
        "section": c,
        "delegation": "BLU",
        "reason": "The directory must stay voluntary.",
    }
    assert adoption.section_status(c) == UNDER_CONSIDERATION
    assert adoption.status_text(c) == "under consideration — objection by BLU"
    assert readout(session.state, c) == (
        "There is an objection by BLU. Section C, confidence-building measures, remains open."
    )
    assert record_of(session)[-1] == "Objection by BLU to section C: The directory must stay voluntary."
    assert adoption.steps[-1].detail == "by BLU: The directory must stay voluntary."
    with pytest.raises(RefusedError, match="Record the reason for the objection by RED"):
        record_objection(session, c, "RED", "  ")
    with pytest.raises(RefusedError, match="Say which delegation objects"):
        record_objection(session, c, "", "No.")
    # the objection stands: adoption is refused until Blue withdraws it; it stays in the history
    with pytest.raises(RefusedError, match="BLU objects and the objection stands"):
        adopt_section(session, c)
    withdraw_objection(session, c, "BLU")
    adopt_section(session, c)
    assert [o.delegation for o in adoption.objections(c)] == ["BLU"]
    assert adoption.standing_objections(c) == []
    assert [s.action for s in adoption.steps] == ["taken up", "objection", "objection withdrawn", "adopted"]


def test_editing_an_adopted_section_reopens_it_and_tells_the_chair(session: Session) -> None:
    c, d = sid(session, "C"), sid(session, "D")
    for section in (c, d):
        take_up(session, section)
        adopt_section(session, section)
    para = session.draft.live_paragraphs(c)[1]
    change = drafting.amend_paragraph(
        session, para.id, "States encouraged quarterly ping tests.", actor="BLU"
    )
    adoption = session.state.adoption
    assert change.notices == ["Section C reopened: paragraph 6 amended."]
    assert adoption.section_status(c) == REOPENED
    assert adoption.status_text(c) == "reopened (paragraph 6 amended)"
    assert adoption.section_status(d) == ADOPTED
    step = adoption.steps[-1]
    assert (step.action, step.section, step.actor, step.seq) == ("reopened", c, "BLU", change.event.seq)
    assert (
        readout(session.state, c)
        == "Section C, confidence-building measures, is reopened: paragraph 6 amended."
    )
    take_up(session, c)
    adopt_section(session, c)
    assert adoption.section_status(c) == ADOPTED_AS_AMENDED


def test_which_edits_reopen(session: Session) -> None:
    a, b, c, d = (sid(session, label) for label in "ABCD")
    adopt_all(session)
    adoption = session.state.adoption
    # a proposal does not change the text; adding a section only reletters the others
    proposal = drafting.propose(session, session.draft.live_paragraphs(d)[0].id, "States agreed.", "GRN")
    drafting.add_section(session, "Annex", index=0)
    drafting.mark_baseline(session, "Second reading")
    assert all(adoption.is_adopted(s) for s in (a, b, c, d))
    assert session.draft.label_of(d) == "E"
    # accepting it does; striking a paragraph says which number it had; a move reopens both sections
    change = drafting.accept_proposal(session, proposal.subject)
    assert change.notices == ["Section E reopened: proposal by GRN accepted for paragraph 7."]
    change = drafting.strike_paragraph(session, session.draft.live_paragraphs(c)[0].id)
    assert change.notices == ["Section D reopened: paragraph 5 struck."]
    change = drafting.move_paragraph(session, session.draft.live_paragraphs(b)[0].id, a)
    assert change.notices == [
        "Section B reopened: paragraph 3 moved into the section.",
        "Section C reopened: paragraph 3 moved to section B, Overview.",
    ]


def test_the_chair_reopens_a_section_deliberately(session: Session) -> None:
    a = sid(session, "A")
    take_up(session, a)
    adopt_section(session, a)
    with pytest.raises(RefusedError, match="Give the reason for reopening section A, Overview"):
        reopen_section(session, a, " ")
    change = reopen_section(session, a, "Orange asked to revisit paragraph 2.")
    assert change.notices == []
    assert session.state.adoption.section_status(a) == REOPENED
    assert (
        record_of(session)[-1]
        == "The Chair reopened section A, Overview: Orange asked to revisit paragraph 2."
    )
    assert (
        readout(session.state, a) == "Section A, overview, is reopened: Orange asked to revisit paragraph 2."
    )
    take_up(session, a)
    assert record_of(session)[-1] == "The Chair took up section A, Overview again."


def test_the_report_is_adopted_only_when_every_section_is(session: Session) -> None:
    a = sid(session, "A")
    take_up(session, a)
    adopt_section(session, a)
    with pytest.raises(RefusedError) as refused:
        adopt_report(session)
    assert str(refused.value) == (
        "The report can be moved for adoption only when every section is adopted; "
        "sections B, C and D are not adopted yet."
    )
    assert readout(session.state, None) == (
        "The report cannot yet be moved for adoption: sections B, C and D are not adopted."
    )
    adopt_all(session)
    assert readout(session.state, None) == "Can the full report be adopted as amended?"
    endorsed = session.draft.plain_text()
    change = adopt_report(session)
    adoption = session.state.adoption
    digest = hashlib.sha256(endorsed.encode("utf-8")).hexdigest()
    assert change.event.payload == {"hash": digest}
    assert adoption.report_adopted and adoption.report_hash == digest
    assert adoption.report_adopted_at == change.event.ts
    assert readout(session.state, None) == "There being no opposition, the report is adopted and endorsed."
    assert (
        record_of(session)[-1] == f"The report was adopted and endorsed (SHA-256 of the text {digest[:16]}…)."
    )


def test_the_adopted_report_freezes_the_text_until_it_is_reopened(session: Session) -> None:
    adopt_all(session)
    adopt_report(session)
    para = session.draft.live_paragraphs()[0]
    before = len(session.events)
    for edit in (
        lambda: drafting.amend_paragraph(session, para.id, "Changed after endorsement."),
        lambda: drafting.propose(session, para.id, "A late proposal.", "BLU"),
        lambda: drafting.mark_baseline(session, "After"),
        lambda: drafting.strike_paragraph(session, para.id),
    ):
        with pytest.raises(
            RefusedError, match="The report was adopted and endorsed at 2026-11-26 .* text is frozen"
        ):
            edit()
    with pytest.raises(RefusedError, match="reopen the report first"):
        reopen_section(session, sid(session, "A"), "Second thoughts.")
    with pytest.raises(RefusedError, match="reopen the report first"):
        adopt_report(session)
    assert len(session.events) == before
    with pytest.raises(RefusedError, match="Give the reason for reopening the report"):
        reopen_report(session, "")
    reopen_report(session, "Purple noted a typo in paragraph 1.")
    adoption = session.state.adoption
    assert not adoption.report_adopted and adoption.report_hash is None and adoption.report_adopted_at is None
    assert (
        record_of(session)[-1] == "The Chair reopened the adopted report: Purple noted a typo in paragraph 1."
    )
    change = drafting.amend_paragraph(session, para.id, "The working group met three times in New York.")
    assert change.notices == ["Section A reopened: paragraph 1 amended."]
    with pytest.raises(RefusedError, match="section A is not adopted yet"):
        adopt_report(session)
    with pytest.raises(RefusedError, match="has not been adopted; there is nothing to reopen"):
        reopen_report(session, "Again.")


def test_a_stale_report_hash_is_refused(session: Session) -> None:
    adopt_all(session)
    with pytest.raises(RefusedError, match="The text has changed"):
        session.record("adoption.report.adopt", {"hash": "0" * 64})


def test_a_carried_vote_adopts_the_section_and_lists_the_roll_call(session: Session) -> None:
    c = sid(session, "C")
    take_up(session, c)
    record_objection(session, c, "RED", "No consensus.")
    ballots = {"YEL": "yes", "BLU": "yes", "RED": "no", "GRN": "abstain"}
    change = record_vote(session, "section", c, "two-thirds of those voting", ballots=ballots)
    payload = change.event.payload
    assert payload["totals"] == {"yes": 2, "no": 1, "abstain": 1, "present": 4}
    assert payload["carried"] is True and payload["amended"] is False
    adoption = session.state.adoption
    assert adoption.section_status(c) == ADOPTED
    vote = adoption.votes[-1]
    assert (vote.subject_kind, vote.subject, vote.carried, vote.tally.yes) == ("section", c, True, 2)
    assert record_of(session)[-1] == (
        "Vote on section C, Confidence-building measures (two-thirds of those voting): 2 in favour, 1 against, "
        "1 abstention (4 present); carried. In favour: BLU, YEL. Against: RED. Abstaining: GRN. "
        "Section C, Confidence-building measures, was adopted."
    )
    assert [s.action for s in adoption.steps][-2:] == ["vote", "adopted"]
    assert vote_readout(session.state, vote) == (
        "Section C, confidence-building measures, is adopted by 2 votes to 1, with 1 abstention."
    )


def test_a_failed_vote_leaves_the_section_open(session: Session) -> None:
    c = sid(session, "C")
    take_up(session, c)
    change = record_vote(
        session, "section", c, "two-thirds of those present", totals={"yes": 6, "no": 1, "abstain": 3}
    )
    assert change.event.payload["carried"] is False
    assert session.state.adoption.section_status(c) == UNDER_CONSIDERATION
    assert record_of(session)[-1].endswith("6 in favour, 1 against, 3 abstentions (10 present); not carried.")
    tie = record_vote(session, "section", c, "simple majority", totals={"yes": 4, "no": 4, "abstain": 0})
    assert tie.event.payload["carried"] is False
    assert vote_readout(session.state, session.state.adoption.votes[-1]) == (
        "The motion to adopt section C, confidence-building measures, is not carried: 4 votes to 4, "
        "with no abstentions. The section remains open."
    )


def test_vote_refusals(session: Session) -> None:
    b, c = sid(session, "B"), sid(session, "C")
    take_up(session, b)
    with pytest.raises(RefusedError, match="open square brackets remain in paragraph 4"):
        record_vote(session, "section", b, "simple majority", totals={"yes": 5, "no": 1})
    with pytest.raises(RefusedError, match="has not been taken up yet"):
        record_vote(session, "section", c, "simple majority", totals={"yes": 5, "no": 1})
    take_up(session, c)
    with pytest.raises(RefusedError, match="Unknown majority rule 'acclamation'"):
        record_vote(session, "section", c, "acclamation", totals={"yes": 5, "no": 1})
    with pytest.raises(RefusedError, match="Enter the roll call or the totals"):
        record_vote(session, "section", c, "simple majority")
    with pytest.raises(RefusedError, match="The vote of RED is 'perhaps'"):
        record_vote(session, "section", c, "simple majority", ballots={"RED": "perhaps"})
    with pytest.raises(RefusedError, match="not on 'amendment'"):
        record_vote(session, "amendment", c, "simple majority", totals={"yes": 5, "no": 1})
    with pytest.raises(RefusedError, match="does not follow from the votes"):
        session.record(
            "adoption.vote",
            {
                "subject_kind": "section",
                "subject": c,
                "rule": "simple majority",
                "ballots": None,
                "totals": {"yes": 1, "no": 5, "abstain": 0, "present": 6},
                "carried": True,
                "amended": False,
            },
        )
    with pytest.raises(RefusedError, match="only when every section is adopted"):
        record_vote(session, "report", None, "simple majority", totals={"yes": 5, "no": 1})
    with pytest.raises(RefusedError, match="no proposal 'q9'"):
        record_vote(session, "proposal", "q9", "simple majority", totals={"yes": 5, "no": 1})


def test_votes_on_a_proposal_and_on_the_report(session: Session) -> None:
    d = sid(session, "D")
    proposal = drafting.propose(session, session.draft.live_paragraphs(d)[0].id, "States agreed.", "GRN")
    change = record_vote(session, "proposal", proposal.subject, "simple majority", totals={"yes": 3, "no": 2})
    assert change.event.payload["carried"] is True
    assert session.draft.proposals[proposal.subject].status == "pending"  # the chair then accepts it
    assert record_of(session)[-1].startswith("Vote on the proposal by GRN for paragraph 7 (simple majority)")
    drafting.accept_proposal(session, proposal.subject)
    adopt_all(session)
    change = record_vote(
        session,
        "report",
        None,
        "two-thirds of those present",
        totals={"yes": 6, "no": 1, "abstain": 3, "present": 10},
    )
    adoption = session.state.adoption
    assert change.event.payload["carried"] is False and not adoption.report_adopted
    change = record_vote(
        session, "report", None, "two-thirds of those present", totals={"yes": 9, "no": 1, "present": 10}
    )
    assert adoption.report_adopted and adoption.report_hash == change.event.payload["hash"]
    assert record_of(session)[-1].endswith("carried. The report was adopted and endorsed.")
    assert vote_readout(session.state, adoption.votes[-1]) == (
        "The report is adopted and endorsed by 9 votes to 1, with no abstentions."
    )


def test_replay_gives_the_same_adoption(session: Session, tmp_path: Path) -> None:
    c = sid(session, "C")
    take_up(session, c)
    record_objection(session, c, "BLU", "Voluntary only.")
    drafting.amend_paragraph(
        session, session.draft.live_paragraphs(c)[0].id, "States welcomed the directory."
    )
    adopt_section(session, c, over_objection=True)
    drafting.mark_baseline(session, "Second reading")  # a later baseline must not change what was recorded
    drafting.amend_paragraph(session, session.draft.live_paragraphs(c)[1].id, "States encouraged tests.")
    record_vote(session, "section", c, "simple majority", ballots={"BLU": "yes", "RED": "no", "YEL": "yes"})
    adopt_all(session)
    adopt_report(session)
    live = session.state.adoption
    path = session.path
    session.close()
    with Session.open(path) as again:
        replayed = again.state.adoption
        assert replayed.sections == live.sections
        assert replayed.steps == live.steps
        assert replayed.votes == live.votes
        assert (replayed.report_adopted, replayed.report_hash, replayed.report_adopted_at) == (
            live.report_adopted,
            live.report_hash,
            live.report_adopted_at,
        )
        assert replayed.section_status(c) == ADOPTED_AS_AMENDED
        assert again.verify().ok


def test_each_state_has_its_own_mark() -> None:
    marks = [section_mark(s) for s in SECTION_STATES]
    assert len(set(marks)) == len(SECTION_STATES) and all(marks)


def test_with_a_roster_names_are_used_and_strangers_refused(session: Session) -> None:
    from chairdesk.core.floor.operations import set_roster
    from chairdesk.core.floor.roster import Delegation

    set_roster(
        session,
        [
            Delegation("YEL", "Yellow", "government", "Asia-Pacific Group", "#d9a300", False),
            Delegation("BLU", "Blue", "government", "WEOG", "#1f6fd1", False),
            Delegation("RED", "Red", "government", "Eastern European Group", "#c62828", True),
        ],
    )
    c = sid(session, "C")
    take_up(session, c)
    with pytest.raises(RefusedError, match="PUR is not on the list of delegations"):
        record_objection(session, c, "PUR", "Not ours.")
    record_objection(session, c, "BLU", "Voluntary only")
    assert record_of(session)[-1] == "Objection by Blue to section C: Voluntary only."
    assert session.state.adoption.status_text(c) == "under consideration — objection by Blue"
    with pytest.raises(RefusedError, match="ZZZ is not on the list"):
        record_vote(session, "section", c, "simple majority", ballots={"BLU": "yes", "ZZZ": "no"})
    record_vote(session, "section", c, "simple majority", ballots={"RED": "no", "BLU": "yes", "YEL": "yes"})
    assert (
        "In favour: Yellow, Blue. Against: Red." in record_of(session)[-1]
    )  # roster order, not the alphabet


def test_a_report_carried_by_vote_lapses_the_pending_proposals(session: Session) -> None:
    adopt_all(session)
    para = session.draft.live_paragraphs(sid(session, "D"))[0]
    proposal = drafting.propose(session, para.id, "States stressed demand-driven capacity-building.", "RED").subject
    with pytest.raises(RefusedError):
        record_vote(session, "report", None, "simple majority", totals={"yes": 9, "no": 2})
    record_vote(session, "report", None, "simple majority", totals={"yes": 9, "no": 2}, lapse_proposals=True)
    adoption = session.state.adoption
    assert adoption.report_adopted and adoption.report_lapsed == [proposal]
    assert session.draft.proposals[proposal].status == "lapsed"
    assert session.draft.paragraphs[para.id].text == "States stressed that capacity-building should be demand-driven."
    assert record_of(session)[-1] == (
        "Vote on the report (simple majority): 9 in favour, 2 against, 0 abstentions (11 present); carried. "
        "The report was adopted and endorsed. The proposal of RED for paragraph 7 lapsed."
    )
