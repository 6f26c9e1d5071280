"""Model UN rules of procedure through the API: rules, roll call, quorum, motions, caucuses, yields, votes."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core.adoption.operations import record_vote, take_up
from chairdesk.core.adoption.votes import SIMPLE_MAJORITY_PRESENT, TWO_THIRDS_PRESENT, TWO_THIRDS_VOTING
from chairdesk.core.drafting import add_section, insert_paragraph
from chairdesk.core.floor.figures import speaker_figures
from chairdesk.core.floor.operations import end_intervention, give_floor, next_speaker, request_floor
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session
from chairdesk.core.procedure import (
    ABSENT,
    ADJOURN,
    CLOSE_DEBATE,
    MODERATED,
    PRESENT,
    PRESENT_AND_VOTING,
    SPEAKING_TIME,
    SUSPEND,
    UNMODERATED,
    end_caucus,
    move_motion,
    next_caucus_speaker,
    put_motion_to_vote,
    request_caucus_floor,
    resume_meeting,
    roll_call,
    set_rules,
    withdraw_motion,
    yield_time,
)
from tests.floor_support import FakeClock, floor_session


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock) -> Session:
    s = floor_session(tmp_path, clock)
    set_rules(s, "mun")
    yield s
    s.close()


def call_all(session: Session, statuses: dict[str, str]) -> None:
    for code, status in statuses.items():
        roll_call(session, code, status)


def test_procedure_is_refused_under_un_working_group_rules(tmp_path: Path, clock: FakeClock) -> None:
    with floor_session(tmp_path, clock) as s:
        assert not s.state.procedure.mun
        with pytest.raises(RefusedError, match="Model UN rules of procedure"):
            roll_call(s, "BLU", PRESENT)
        with pytest.raises(RefusedError, match="Unknown rules"):
            set_rules(s, "parliament")
        change = set_rules(s, "Model UN")
        assert s.state.procedure.mun
        s.undo(change)
        assert not s.state.procedure.mun
        assert len(s.events) == 4  # meeting, roster, the choice and its undo: nothing for the refusals


def test_roll_call_quorum_and_undo(session: Session) -> None:
    procedure = session.state.procedure
    codes = session.state.roster.codes()
    roll_call(session, "Blue", PRESENT)
    roll_call(session, "YEL", PRESENT_AND_VOTING)
    change = roll_call(session, "GRN", ABSENT)
    assert procedure.present_codes(codes) == ["BLU", "YEL"]
    assert procedure.quorum_line(codes) == "2 of 6 present, 1 present and voting (4 needed): no quorum"
    session.undo(change)
    assert procedure.status("GRN") is None
    with pytest.raises(RefusedError, match="not 'here'"):
        roll_call(session, "PUR", "here")
    with pytest.raises(RefusedError, match="No delegation on the roster matches"):
        roll_call(session, "Mauve", PRESENT)


def test_motions_go_to_the_vote_most_disruptive_first(session: Session) -> None:
    call_all(session, {"BLU": PRESENT, "YEL": PRESENT, "GRN": PRESENT, "PUR": PRESENT, "ORA": PRESENT})
    mod = move_motion(session, MODERATED, "BLU", topic="Capacity", total_seconds=600, speaking_seconds=45)
    long_unmod = move_motion(session, UNMODERATED, "YEL", seconds=900).subject
    short_unmod = move_motion(session, UNMODERATED, "GRN", seconds=300).subject
    susp = move_motion(session, SUSPEND, "PUR").subject
    procedure = session.state.procedure
    assert [m.id for m in procedure.ordered_motions()] == [susp, long_unmod, short_unmod, mod.subject]
    with pytest.raises(RefusedError, match="to suspend the meeting is more disruptive"):
        put_motion_to_vote(session, long_unmod, 3, 1)
    put_motion_to_vote(session, susp, 2, 2)  # a tie fails: off the list
    assert procedure.suspended_at is None and susp not in [m.id for m in procedure.motions]
    put_motion_to_vote(session, None, 1, 3)  # the chair's next: the longer unmoderated caucus
    assert long_unmod not in [m.id for m in procedure.motions]
    put_motion_to_vote(session, None, 4, 1)  # the 5-minute caucus carries: it starts, the rest lapse
    assert procedure.motions == [] and procedure.caucus is not None
    assert procedure.caucus.kind == UNMODERATED and procedure.caucus.total_seconds == 300
    with pytest.raises(RefusedError, match="6 votes, but only 5"):
        move_motion(session, ADJOURN, "BLU")
        put_motion_to_vote(session, None, 4, 2)


def test_motion_checks_and_withdraw_undo(session: Session) -> None:
    with pytest.raises(RefusedError, match="needs a topic"):
        move_motion(session, MODERATED, "BLU", total_seconds=600, speaking_seconds=45)
    with pytest.raises(RefusedError, match="longer than the whole caucus"):
        move_motion(session, MODERATED, "BLU", topic="x", total_seconds=60, speaking_seconds=90)
    with pytest.raises(RefusedError, match="Unknown motion"):
        move_motion(session, "recess", "BLU")
    roll_call(session, "RED", ABSENT)
    with pytest.raises(RefusedError, match="Blue is not present"):  # not called yet
        move_motion(session, SUSPEND, "BLU")
    roll_call(session, "BLU", PRESENT)
    with pytest.raises(RefusedError, match="Red is not present"):
        move_motion(session, SUSPEND, "RED")
    m = move_motion(session, SPEAKING_TIME, "BLU", seconds=60)
    w = withdraw_motion(session, m.subject)
    assert session.state.procedure.motions == []
    session.undo(w)
    assert [x.id for x in session.state.procedure.motions] == [m.subject]


def test_quorum_is_needed_for_a_vote_and_speaking_time_motion_sets_the_floor(session: Session) -> None:
    call_all(session, {"BLU": PRESENT, "YEL": PRESENT, "GRN": ABSENT})
    move_motion(session, SPEAKING_TIME, "BLU", seconds=60)
    with pytest.raises(RefusedError, match="No quorum: 2 present at the roll call, 4 needed"):
        put_motion_to_vote(session, None, 2, 0)
    call_all(session, {"PUR": PRESENT, "ORA": PRESENT_AND_VOTING})
    put_motion_to_vote(session, None, 3, 1)
    assert session.state.floor.default_seconds == 60


def test_close_debate_needs_two_thirds_and_then_only_suspend_or_adjourn(session: Session) -> None:
    move_motion(session, CLOSE_DEBATE, "BLU")
    vote = put_motion_to_vote(session, None, 5, 3)  # 5 of 8 is less than two-thirds
    assert vote.event.payload["carried"] is False
    move_motion(session, CLOSE_DEBATE, "BLU")
    put_motion_to_vote(session, None, 6, 3)
    assert session.state.procedure.debate_closed
    with pytest.raises(RefusedError, match="Debate is closed"):
        move_motion(session, UNMODERATED, "YEL", seconds=300)
    move_motion(session, ADJOURN, "YEL")
    put_motion_to_vote(session, None, 4, 0)
    assert session.state.procedure.adjourned_at is not None
    with pytest.raises(RefusedError, match="adjourned"):
        move_motion(session, SUSPEND, "YEL")
    resume_meeting(session)
    assert session.state.procedure.adjourned_at is None


def test_moderated_caucus_has_its_own_list_and_counts_separately(session: Session, clock: FakeClock) -> None:
    request_floor(session, "PUR")  # the general list waits during the caucus
    move_motion(session, MODERATED, "BLU", topic="Capacity-building", total_seconds=600, speaking_seconds=45)
    put_motion_to_vote(session, None, 4, 1)
    caucus = session.state.procedure.caucus
    assert caucus is not None and caucus.moderated
    request_caucus_floor(session, "YEL")
    request_caucus_floor(session, "BLU")
    with pytest.raises(RefusedError, match="already on the caucus's list"):
        request_caucus_floor(session, "Yellow")
    with pytest.raises(RefusedError, match="moderated caucus is under way"):
        next_speaker(session)
    clock.tick(5)
    next_caucus_speaker(session)
    assert session.state.floor.current.delegation == "YEL"
    assert session.state.floor.current.allotted_seconds == 45
    clock.tick(40)
    next_caucus_speaker(session)  # Yellow ends, Blue speaks
    clock.tick(50)
    with pytest.raises(RefusedError, match="not yielded in a moderated caucus"):
        yield_time(session, "chair")
    clock.tick(10)
    end_caucus(session)
    assert session.state.procedure.caucus is None and caucus.speeches == 2
    assert caucus.elapsed_seconds(clock()) == pytest.approx(105)
    assert [r.delegation for r in caucus.queue] == []
    assert session.state.floor.queue[0].delegation == "PUR" and not session.state.floor.queue[0].old_hand
    clock.tick(1)
    next_speaker(session)
    clock.tick(100)
    end_intervention(session)
    figures = {d.code: d for d in speaker_figures(session.state).delegations}
    assert figures["YEL"].caucus_seconds == pytest.approx(40)
    assert figures["BLU"].caucus_seconds == pytest.approx(60)
    assert figures["PUR"].caucus_seconds == 0 and figures["PUR"].speaking_seconds == pytest.approx(100)


def test_yields_to_a_delegation_questions_and_the_chair(session: Session, clock: FakeClock) -> None:
    give_floor(session, "BLU")
    clock.tick(100)
    with pytest.raises(RefusedError, match="to itself"):
        yield_time(session, "delegation", "BLU")
    yield_time(session, "delegation", "Yellow")
    current = session.state.floor.current
    assert current.delegation == "YEL" and current.allotted_seconds == 80
    assert session.state.floor.interventions[-1].delegation == "BLU"
    clock.tick(20)
    with pytest.raises(RefusedError, match="yielded time"):
        yield_time(session, "questions")
    end_intervention(session)
    give_floor(session, "GRN")
    clock.tick(30)
    yield_time(session, "questions")
    assert session.state.procedure.questions == "GRN" and session.state.floor.current.delegation == "GRN"
    with pytest.raises(RefusedError, match="already yielded to questions"):
        yield_time(session, "chair")
    clock.tick(60)
    end_intervention(session)
    assert session.state.procedure.questions is None
    give_floor(session, "PUR")
    clock.tick(175)
    with pytest.raises(RefusedError, match="too little to yield"):
        yield_time(session, "delegation", "RED")
    yield_time(session, "chair")
    assert session.state.floor.current is None
    described = [
        session.state_at(y.seq - 1).describe(session.events[y.seq - 1])
        for y in session.state.procedure.yields
    ]
    assert described == [
        "Blue yielded its remaining 1 min 20 s to Yellow.",
        "Green yielded its remaining 2 min 30 s to questions.",
        "Purple yielded its remaining 5 s to the Chair.",
    ]


def test_votes_of_those_present_use_the_roll_call(session: Session) -> None:
    section = add_section(session, "Operative paragraphs").subject
    insert_paragraph(session, section, "Decides to remain seized of the matter.")
    call_all(
        session, {"BLU": PRESENT, "YEL": PRESENT_AND_VOTING, "GRN": PRESENT, "PUR": PRESENT, "ORA": ABSENT}
    )
    take_up(session, section)
    vote = record_vote(
        session, "section", section, TWO_THIRDS_PRESENT, totals={"yes": 2, "no": 0, "abstain": 1}
    )
    assert (
        vote.event.payload["totals"]["present"] == 4 and not vote.event.payload["carried"]
    )  # 2 of 4 present
    vote = record_vote(
        session, "section", section, SIMPLE_MAJORITY_PRESENT, ballots={"BLU": "yes", "YEL": "yes"}
    )
    assert vote.event.payload["totals"]["present"] == 4 and not vote.event.payload["carried"]  # 2 is not > 2
    with pytest.raises(RefusedError, match="Orange is not present"):
        record_vote(session, "section", section, TWO_THIRDS_VOTING, ballots={"ORA": "yes", "BLU": "yes"})
    with pytest.raises(RefusedError, match="Yellow is present and voting"):
        record_vote(session, "section", section, TWO_THIRDS_VOTING, ballots={"YEL": "abstain", "BLU": "yes"})
    with pytest.raises(RefusedError, match="5 votes were cast, but the roll call counts only 4"):
        record_vote(session, "section", section, TWO_THIRDS_VOTING, totals={"yes": 5})
    totals = {"yes": 3, "no": 1, "abstain": 0, "present": 6}
    payload = {"subject_kind": "section", "subject": section, "rule": TWO_THIRDS_VOTING, "ballots": None}
    with pytest.raises(RefusedError, match="roll call counts 4 delegations present; the vote says 6"):
        session.record("adoption.vote", {**payload, "totals": totals, "carried": True, "amended": False})
    # 3 yes, 1 no: two-thirds of those (present and) voting carries it
    vote = record_vote(session, "section", section, TWO_THIRDS_VOTING, totals={"yes": 3, "no": 1})
    assert vote.event.payload["totals"]["present"] == 4 and vote.event.payload["carried"]


def test_state_is_the_same_after_reopening(tmp_path: Path, session: Session, clock: FakeClock) -> None:
    call_all(session, {"BLU": PRESENT, "YEL": PRESENT, "GRN": PRESENT, "PUR": PRESENT})
    move_motion(session, MODERATED, "BLU", topic="Norms", total_seconds=300, speaking_seconds=30)
    put_motion_to_vote(session, None, 3, 1)
    request_caucus_floor(session, "YEL")
    path = session.path
    before = session.state.procedure
    session.close()
    with Session.open(path) as again:
        after = again.state.procedure
        assert after.roll_call == before.roll_call
        assert after.caucus.motion.topic == "Norms" and [r.delegation for r in after.caucus.queue] == ["YEL"]
        assert len(after.votes) == 1 and after.votes[0].carried


def test_info_says_the_rules_and_the_quorum(session: Session, capsys: pytest.CaptureFixture[str]) -> None:
    from chairdesk.cli import main

    call_all(session, {"BLU": PRESENT, "YEL": PRESENT_AND_VOTING, "GRN": PRESENT, "PUR": PRESENT})
    move_motion(session, SUSPEND, "BLU")
    path = session.path
    session.close()
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        "Rules:     Model UN; 4 of 6 present, 1 present and voting (4 needed): quorum; 1 motion(s) waiting"
        in out
    )


def test_a_carried_caucus_follows_the_one_under_way_and_waits_for_a_point_of_order(session: Session) -> None:
    from chairdesk.core.floor.operations import hear_point_of_order
    from chairdesk.core.procedure import start_caucus

    move_motion(session, UNMODERATED, "BLU", seconds=600)
    put_motion_to_vote(session, None, 4, 1)
    first = session.state.procedure.caucus
    move_motion(session, MODERATED, "YEL", topic="Next steps", total_seconds=300, speaking_seconds=30)
    give_floor(session, "GRN")  # someone speaks during the unmoderated caucus
    request_floor(session, "PUR", "point of order")
    hear_point_of_order(session)
    before = len(session.events)
    with pytest.raises(RefusedError, match="point of order is being heard"):
        put_motion_to_vote(session, None, 4, 1)
    assert len(session.events) == before
    end_intervention(session)  # the point of order ends; Green resumes
    put_motion_to_vote(session, None, 4, 1)
    kinds = [e.kind for e in session.events[before:]]
    assert kinds == [
        "floor.end",
        "procedure.motion.vote",
        "floor.end",
        "procedure.caucus.end",
        "procedure.caucus.start",
    ]
    procedure = session.state.procedure
    assert procedure.caucuses == [first] and procedure.caucus.motion.topic == "Next steps"
    with pytest.raises(RefusedError, match="No carried motion for a caucus"):
        start_caucus(session)
