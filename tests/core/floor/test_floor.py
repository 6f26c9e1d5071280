"""The speakers' list rules and the timer, without Qt, on a real session file with a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.floor.events import FloorComponent
from chairdesk.core.floor.model import format_duration
from chairdesk.core.floor.operations import (
    end_intervention,
    end_item,
    give_floor,
    move_request,
    next_speaker,
    pause_timer,
    remove_delegation,
    reorder_list,
    request_floor,
    resume_timer,
    set_speaking_time,
    withdraw_request,
)
from chairdesk.core.log.change import Change
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.eventlog import Event
from chairdesk.core.log.session import Session
from tests.floor_support import FakeClock, floor_session


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock) -> Session:
    s = floor_session(tmp_path, clock)
    yield s
    s.close()


def names(session: Session) -> list[str]:
    return [session.state.roster.name_of(r.delegation) for r in session.state.floor.queue]


def record_sentences(session: Session) -> list[str]:
    return [session.state_at(e.seq - 1).describe(e) for e in session.events]


def test_first_come_first_served(session: Session, clock: FakeClock) -> None:
    for who in ("Blue", "GRN", "yellow"):
        request_floor(session, who)
        clock.tick(3)
    assert names(session) == ["Blue", "Green", "Yellow"]
    first = session.state.floor.queue[0]
    assert first.ts == "2026-05-04T10:00:00.000000+00:00"
    assert session.state.floor.queue[1].online is True  # Green follows online


def test_a_delegation_already_waiting_is_not_added_twice(session: Session) -> None:
    request_floor(session, "BLU")
    request_floor(session, "RED")
    before = len(session.events)
    with pytest.raises(RefusedError, match=r"Blue is already on the list of speakers \(place 1\)"):
        request_floor(session, "Blue")
    assert len(session.events) == before
    # a point of order is another kind of request: allowed
    request_floor(session, "BLU", "point of order")
    assert names(session) == ["Blue", "Blue", "Red"]


def test_unknown_delegation_is_refused(session: Session) -> None:
    with pytest.raises(RefusedError, match="No delegation on the roster matches “Mauve”"):
        request_floor(session, "Mauve")


def test_withdraw_and_undo_puts_it_back_where_it_was(session: Session, clock: FakeClock) -> None:
    for who in ("BLU", "YEL", "RED"):
        request_floor(session, who)
        clock.tick(5)
    yellow = session.state.floor.queue[1]
    change = withdraw_request(session, yellow.id)
    assert names(session) == ["Blue", "Red"]
    session.undo(change)
    assert names(session) == ["Blue", "Yellow", "Red"]
    assert session.state.floor.queue[1].ts == yellow.ts  # the original time of the request
    with pytest.raises(RefusedError, match="no longer on the list"):
        withdraw_request(session, "r99")


def test_reorder_by_the_chair_is_recorded(session: Session) -> None:
    for who in ("BLU", "YEL", "RED"):
        request_floor(session, who)
    ids = [r.id for r in session.state.floor.queue]
    reorder_list(session, [ids[2], ids[0], ids[1]])
    assert names(session) == ["Red", "Blue", "Yellow"]
    move_request(session, ids[1], 0)
    assert names(session) == ["Yellow", "Red", "Blue"]
    sentences = record_sentences(session)
    assert "The Chair reordered the list of speakers: Red, Blue, Yellow." in sentences
    with pytest.raises(RefusedError, match="every waiting request once"):
        reorder_list(session, ids[:2])


def test_point_of_order_goes_to_the_top_at_once(session: Session) -> None:
    request_floor(session, "BLU")
    request_floor(session, "YEL")
    request_floor(session, "RED", "point of order")
    request_floor(session, "GRN", "point of order")
    assert names(session) == ["Red", "Green", "Blue", "Yellow"]
    next_speaker(session)
    current = session.state.floor.current
    assert current.delegation == "RED" and current.kind == "point of order"


def test_right_of_reply_waits_until_the_end_of_the_item(session: Session) -> None:
    request_floor(session, "BLU")
    request_floor(session, "RED", "right of reply")
    request_floor(session, "YEL")  # a later speaker goes before the held reply
    assert names(session) == ["Blue", "Yellow", "Red"]
    assert [r.held for r in session.state.floor.queue] == [False, False, True]
    next_speaker(session)
    next_speaker(session)
    assert session.state.floor.current.delegation == "YEL"
    with pytest.raises(RefusedError, match="Only rights of reply are waiting"):
        next_speaker(session)
    request_floor(session, "PUR")
    request_floor(session, "ORA", "point of order")
    change = end_item(session)
    assert change.notices == ["End of the item: the right of reply of Red can now be heard."]
    assert names(session) == ["Orange", "Red", "Purple"]
    next_speaker(session)  # Orange's point of order suspends Yellow
    next_speaker(session)  # no other point of order: it ends and Yellow has the floor again
    assert session.state.floor.current.delegation == "YEL"
    next_speaker(session)
    assert session.state.floor.current.delegation == "RED"
    assert session.state.floor.current.kind == "right of reply"
    assert session.state.floor.item == 2


def test_taking_up_a_section_ends_the_item(session: Session) -> None:
    request_floor(session, "RED", "right of reply")
    floor = session.state.floor
    event = Event(99, "2026-05-04T10:05:00+00:00", "chair", "adoption.take_up", {"section": "s1"})
    change = Change(event)
    FloorComponent().apply(session.state, event, change)
    assert floor.item == 2 and floor.item_section == "s1"
    assert floor.queue[0].held is False
    assert change.notices
    # taking up the same section again is not a new item
    FloorComponent().apply(session.state, event, Change(event))
    assert floor.item == 2


def test_next_speaker_and_end_intervention_time_from_events(session: Session, clock: FakeClock) -> None:
    request_floor(session, "BLU")
    clock.tick(12)
    next_speaker(session)
    floor = session.state.floor
    assert floor.queue == [] and floor.current.delegation == "BLU"
    assert floor.current.allotted_seconds == 180
    assert floor.current.wait_seconds == 12
    clock.tick(161)
    assert floor.current.elapsed_seconds(clock()) == 161
    assert floor.current.remaining_seconds(clock()) == 19
    end_intervention(session)
    done = floor.interventions[-1]
    assert floor.current is None
    assert done.duration_seconds == 161 and done.overrun_seconds == 0
    assert "Blue had the floor for 2 min 41 s (speaker)." in record_sentences(session)
    with pytest.raises(RefusedError, match="No delegation has the floor"):
        end_intervention(session)
    with pytest.raises(RefusedError, match="The list of speakers is empty"):
        next_speaker(session)


def test_overrun_is_counted_and_said(session: Session, clock: FakeClock) -> None:
    request_floor(session, "YEL")
    next_speaker(session)
    clock.tick(200)
    end_intervention(session)
    done = session.state.floor.interventions[-1]
    assert done.overrun_seconds == 20
    assert "Yellow had the floor for 3 min 20 s (speaker), 20 s over time." in record_sentences(session)


def test_next_speaker_ends_the_current_intervention_first(session: Session, clock: FakeClock) -> None:
    request_floor(session, "BLU")
    request_floor(session, "RED")
    next_speaker(session)
    clock.tick(30)
    next_speaker(session)
    floor = session.state.floor
    assert [i.delegation for i in floor.interventions] == ["BLU"]
    assert floor.interventions[0].duration_seconds == 30
    assert floor.current.delegation == "RED"
    assert [e.kind for e in session.events[-2:]] == ["floor.end", "floor.give"]


def test_give_floor_to_anyone_and_old_hands(session: Session, clock: FakeClock) -> None:
    request_floor(session, "GRN")  # Green raises its (online) hand
    request_floor(session, "BLU")
    clock.tick(5)
    give_floor(session, "Purple")  # not on the list
    assert session.state.floor.current.delegation == "PUR"
    assert session.state.floor.current.requested_ts is None
    clock.tick(40)
    give_floor(session, "Green")  # out of turn: Green's hand stays up and is now an old hand
    green = session.state.floor.waiting("GRN")
    assert green.old_hand is True and green.online is True
    assert session.state.floor.waiting("BLU").old_hand is False
    assert [i.delegation for i in session.state.floor.interventions] == ["PUR"]
    assert session.state.floor.next_request().delegation == "BLU"  # Next speaker passes over the old hand
    request_floor(session, "RED", "right of reply")
    next_speaker(session)
    with pytest.raises(RefusedError, match="Only rights of reply"):
        next_speaker(session)
    withdraw_request(session, session.state.floor.waiting("RED").id)
    with pytest.raises(RefusedError, match="Only old hands are waiting"):
        next_speaker(session)
    withdraw_request(session, green.id)  # the chair lowers the old hand
    assert names(session) == []


def test_pause_and_resume(session: Session, clock: FakeClock) -> None:
    give_floor(session, "BLU")
    clock.tick(50)
    pause_timer(session)
    current = session.state.floor.current
    clock.tick(100)
    assert current.paused and current.elapsed_seconds(clock()) == 50
    with pytest.raises(RefusedError, match="already paused"):
        pause_timer(session)
    resume_timer(session)
    clock.tick(10)
    assert current.elapsed_seconds(clock()) == 60
    pause_timer(session)
    clock.tick(7)
    end_intervention(session)  # ending while paused leaves the pause out
    done = session.state.floor.interventions[-1]
    assert done.paused_seconds == 107 and done.duration_seconds == 60
    with pytest.raises(RefusedError):
        resume_timer(session)


def test_speaking_time_default_and_per_kind(session: Session) -> None:
    assert session.state.floor.speaking_time() == 180
    set_speaking_time(session, 120)
    change = set_speaking_time(session, 60, "point of order")
    floor = session.state.floor
    assert floor.speaking_time("speaker") == 120 and floor.speaking_time("point of order") == 60
    request_floor(session, "RED", "point of order")
    next_speaker(session)
    assert floor.current.allotted_seconds == 60
    session.undo(change)
    assert floor.speaking_time("point of order") == 120
    with pytest.raises(RefusedError, match="whole number of seconds"):
        set_speaking_time(session, 5)
    with pytest.raises(RefusedError, match="Unknown kind"):
        set_speaking_time(session, 60, "filibuster")
    assert "The Chair set the speaking time for a point of order to 1 min." in record_sentences(session)


def test_request_is_tagged_with_the_place_under_discussion(session: Session) -> None:
    section = drafting.add_section(session, "Confidence-building measures").subject
    drafting.add_section(session, "Capacity building")
    paragraph = drafting.insert_paragraph(session, section, "States should share information.").subject
    request_floor(session, "BLU", section=section, paragraph=paragraph)
    request_floor(session, "RED", paragraph=paragraph)
    blue, red = session.state.floor.queue
    assert (blue.section, blue.paragraph) == (section, paragraph)
    assert red.section == section  # the paragraph's section
    assert "Blue asked for the floor (speaker) on section A, paragraph 1." in record_sentences(session)
    next_speaker(session)
    assert session.state.floor.current.paragraph == paragraph


def test_the_list_survives_a_restart_exactly(tmp_path: Path, clock: FakeClock) -> None:
    session = floor_session(tmp_path, clock)
    request_floor(session, "BLU")
    request_floor(session, "RED", "right of reply")
    request_floor(session, "GRN", "point of order")
    next_speaker(session)
    clock.tick(20)
    pause_timer(session)
    before = session.state.floor
    path = session.path
    session.close()
    with Session.open(path, clock=clock) as reopened:
        after = reopened.state.floor
        assert after.queue == before.queue
        assert after.current == before.current
        assert reopened.state.roster.delegations == session.state.roster.delegations
        # and a replay shows the list as it was at any moment
        assert [r.delegation for r in reopened.state_at(3).floor.queue] == ["BLU"]


def test_a_waiting_delegation_cannot_leave_the_roster(session: Session) -> None:
    request_floor(session, "BLU")
    with pytest.raises(RefusedError, match="withdraw the request first"):
        remove_delegation(session, "BLU")
    remove_delegation(session, "PUR")
    assert "PUR" not in session.state.roster


def test_format_duration() -> None:
    assert format_duration(0) == "0 s"
    assert format_duration(45) == "45 s"
    assert format_duration(180) == "3 min"
    assert format_duration(161) == "2 min 41 s"
    assert format_duration(3900.4) == "1 h 5 min"
