"""A point of order interrupts: the speaker is suspended, the point is timed on its own, the speaker resumes."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core.floor.operations import (
    end_intervention,
    end_item,
    give_floor,
    hear_point_of_order,
    move_request,
    next_speaker,
    pause_timer,
    remove_delegation,
    request_floor,
)
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session
from tests.floor_support import FakeClock, floor_session

POO = "point of order"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock) -> Session:
    s = floor_session(tmp_path, clock)
    yield s
    s.close()


def record_sentences(session: Session) -> list[str]:
    return [session.state_at(e.seq - 1).describe(e) for e in session.events]


def blue_speaks_then_green_raises_a_point_of_order(session: Session, clock: FakeClock) -> None:
    """Blue has the floor from 0 s; Green asks at 60 s; the chair hears it at 65 s."""
    request_floor(session, "BLU")
    next_speaker(session)
    clock.at(60)
    request_floor(session, "GRN", POO)
    clock.at(65)
    next_speaker(session)


def test_the_speaker_is_suspended_and_resumes_where_it_stopped(session: Session, clock: FakeClock) -> None:
    blue_speaks_then_green_raises_a_point_of_order(session, clock)
    floor = session.state.floor
    blue, green = floor.suspended, floor.current
    assert (blue.delegation, green.delegation, green.kind) == ("BLU", "GRN", POO)
    give = session.events[-1]
    assert give.kind == "floor.give" and give.payload["suspends"] == "BLU"  # one event, no floor.end
    assert floor.interventions == []
    clock.at(100)
    assert blue.suspended and blue.elapsed_seconds(clock()) == 65  # frozen at the suspension
    assert green.elapsed_seconds(clock()) == 35 and floor.busy_codes() == {"BLU", "GRN"}
    clock.at(105)
    change = end_intervention(session)  # the point of order ends: Blue has the floor again at once
    assert change.event.kind == "floor.end"
    assert floor.current is blue and floor.suspended is None and not blue.suspended
    assert blue.remaining_seconds(clock()) == 180 - 65
    clock.at(125)
    assert blue.elapsed_seconds(clock()) == 85
    clock.at(200)
    end_intervention(session)
    assert floor.current is None
    assert [(i.delegation, i.kind) for i in floor.interventions] == [("BLU", "speaker"), ("GRN", POO)]
    done = floor.interventions[0]
    assert (done.duration_seconds, done.suspended_seconds, done.suspensions) == (160, 40, 1)
    assert floor.interventions[1].duration_seconds == 40
    sentences = record_sentences(session)
    assert (
        "The Chair gave the floor to Green from the list (point of order, 3 min), "
        "suspending the intervention of Blue."
    ) in sentences
    assert "Green raised a point of order while Blue had the floor; Blue resumed after 40 s." in sentences
    assert sentences[-1] == "Blue had the floor for 2 min 40 s (speaker)."


def test_next_speaker_during_a_suspension_gives_the_floor_back_first(
    session: Session, clock: FakeClock
) -> None:
    request_floor(session, "BLU")
    request_floor(session, "YEL")  # waiting behind Blue
    next_speaker(session)
    request_floor(session, "GRN", POO)
    clock.at(65)
    next_speaker(session)
    floor = session.state.floor
    assert floor.current.delegation == "GRN"
    clock.at(80)
    next_speaker(session)  # Yellow heads the list, but the floor goes back to Blue first
    assert floor.current.delegation == "BLU" and [r.delegation for r in floor.queue] == ["YEL"]
    clock.at(100)
    next_speaker(session)  # now Blue ends and Yellow speaks
    assert floor.current.delegation == "YEL"
    assert floor.interventions[0].delegation == "BLU" and floor.interventions[0].duration_seconds == 85


def test_a_point_of_order_when_nobody_speaks_suspends_nothing(session: Session, clock: FakeClock) -> None:
    request_floor(session, "RED", POO)
    next_speaker(session)
    floor = session.state.floor
    assert floor.current.kind == POO and floor.suspended is None
    assert session.events[-1].payload["suspends"] is None
    clock.tick(20)
    end_intervention(session)
    assert floor.current is None and floor.interventions[0].duration_seconds == 20
    assert record_sentences(session)[-1] == "Red had the floor for 20 s (point of order)."
    # a point of order raised while a point of order (that suspended nobody) is heard ends it first
    give_floor(session, "RED", POO)
    clock.tick(5)
    give_floor(session, "ORA", POO)
    assert floor.current.delegation == "ORA" and floor.suspended is None
    assert [e.kind for e in session.events[-2:]] == ["floor.end", "floor.give"]


def test_two_points_of_order_in_a_row_keep_the_speaker_suspended(session: Session, clock: FakeClock) -> None:
    blue_speaks_then_green_raises_a_point_of_order(session, clock)
    clock.at(70)
    request_floor(session, "RED", POO)
    clock.at(90)
    next_speaker(session)  # Red's point of order replaces Green's in one event; Blue stays suspended
    floor = session.state.floor
    assert floor.current.delegation == "RED" and floor.suspended.delegation == "BLU"
    assert session.events[-1].kind == "floor.give" and session.events[-1].payload["suspends"] == "BLU"
    assert [(i.delegation, i.duration_seconds) for i in floor.interventions] == [("GRN", 25)]
    clock.at(120)
    end_intervention(session)
    assert floor.current.delegation == "BLU"
    clock.at(130)
    end_intervention(session)
    assert [i.delegation for i in floor.interventions] == ["BLU", "GRN", "RED"]  # in order of start
    blue = floor.interventions[0]
    assert (blue.duration_seconds, blue.suspended_seconds, blue.suspensions) == (75, 55, 1)
    sentences = record_sentences(session)
    assert (
        "The Chair gave the floor to Red from the list (point of order, 3 min) after the point of order "
        "of Green (25 s); Blue is still suspended."
    ) in sentences
    assert "Red raised a point of order while Blue had the floor; Blue resumed after 55 s." in sentences


def test_ending_the_item_during_a_suspension_leaves_the_floor_alone(
    session: Session, clock: FakeClock
) -> None:
    """Decision: the end of the item releases rights of reply; the suspended speaker still resumes."""
    request_floor(session, "PUR", "right of reply")
    blue_speaks_then_green_raises_a_point_of_order(session, clock)
    floor = session.state.floor
    change = end_item(session)
    assert change.notices == ["End of the item: the right of reply of Purple can now be heard."]
    assert floor.item == 2 and floor.suspended.delegation == "BLU" and floor.current.delegation == "GRN"
    clock.at(95)
    next_speaker(session)  # Purple's reply is due, but Blue gets the floor back first
    assert floor.current.delegation == "BLU" and floor.current.item == 1
    assert floor.current.remaining_seconds(clock()) == 115
    clock.at(100)
    next_speaker(session)
    assert floor.current.delegation == "PUR" and floor.current.item == 2


def test_hear_the_point_of_order_wherever_it_is_on_the_list(session: Session, clock: FakeClock) -> None:
    with pytest.raises(RefusedError, match="No point of order is waiting"):
        hear_point_of_order(session)
    request_floor(session, "BLU")
    request_floor(session, "YEL")
    next_speaker(session)
    request_floor(session, "GRN", POO)
    move_request(session, session.state.floor.waiting("GRN").id, 1)  # the chair put it second
    clock.tick(30)
    hear_point_of_order(session)
    floor = session.state.floor
    assert floor.current.delegation == "GRN" and floor.suspended.delegation == "BLU"
    assert [r.delegation for r in floor.queue] == ["YEL"]


def test_give_floor_with_a_point_of_order_suspends_and_other_kinds_end_both(
    session: Session, clock: FakeClock
) -> None:
    give_floor(session, "BLU")
    clock.tick(30)
    pause_timer(session)  # Blue was paused when the point came: the pause ends in the suspension
    clock.tick(10)
    give_floor(session, "RED", POO)  # raised aloud, not from the list
    floor = session.state.floor
    blue = floor.suspended
    assert blue.delegation == "BLU" and not blue.paused and blue.paused_seconds == 10
    clock.tick(20)
    give_floor(session, "ORA")  # the chair moves on: the point ends, Blue resumes and is ended
    assert floor.current.delegation == "ORA" and floor.suspended is None
    assert [e.kind for e in session.events[-3:]] == ["floor.end", "floor.end", "floor.give"]
    assert [(i.delegation, i.duration_seconds) for i in floor.interventions] == [("BLU", 30), ("RED", 20)]


def test_refusals_change_nothing(session: Session, clock: FakeClock) -> None:
    blue_speaks_then_green_raises_a_point_of_order(session, clock)
    before = len(session.events)
    base = {"request": None, "allotted": 60, "section": None, "paragraph": None}
    with pytest.raises(RefusedError, match="would suspend Blue, not Yellow"):
        session.record("floor.give", {**base, "delegation": "RED", "kind": POO, "suspends": "YEL"})
    with pytest.raises(RefusedError, match="Only a point of order suspends"):
        session.record("floor.give", {**base, "delegation": "RED", "kind": "speaker", "suspends": "BLU"})
    with pytest.raises(RefusedError, match="Green has the floor; end the intervention first"):
        session.record("floor.give", {**base, "delegation": "RED", "kind": POO, "suspends": None})
    with pytest.raises(RefusedError, match="withdraw the request first|holding the floor"):
        remove_delegation(session, "BLU")  # suspended, still holding the floor
    assert len(session.events) == before


def test_a_suspension_survives_a_restart_and_a_replay(tmp_path: Path, clock: FakeClock) -> None:
    session = floor_session(tmp_path, clock)
    blue_speaks_then_green_raises_a_point_of_order(session, clock)
    before = session.state.floor
    path = session.path
    session.close()
    with Session.open(path, clock=clock) as reopened:
        after = reopened.state.floor
        assert after.current == before.current and after.suspended == before.suspended
        clock.at(100)
        end_intervention(reopened)
        assert after.current.delegation == "BLU" and after.current.suspended_seconds == 35
        give = next(e for e in reopened.events if e.payload.get("suspends"))
        at_give = reopened.state_at(give.seq).floor
        assert at_give.suspended.delegation == "BLU" and at_give.current.delegation == "GRN"
