"""The record's sentences for the timer and the speaking time while a delegation has the floor, and for the
close of an item, and for a request on a section since removed; an unknown kind of intervention is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.floor.operations import (
    end_intervention,
    end_item,
    give_floor,
    pause_timer,
    request_floor,
    resume_timer,
    set_speaking_time,
)
from chairdesk.core.log.errors import RefusedError
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


def sentences_from(session: Session, first: int) -> list[str]:
    """The record's sentence of each event from seq `first` on."""
    return [session.state_at(e.seq - 1).describe(e) for e in session.events[first - 1 :]]


def test_what_the_record_says_while_blue_has_the_floor(session: Session, clock: FakeClock) -> None:
    give_floor(session, "BLU")
    first = len(session.events) + 1
    clock.tick(20)
    pause_timer(session)
    clock.tick(5)
    resume_timer(session)
    set_speaking_time(session, 120)
    set_speaking_time(session, 60, "right of reply")
    set_speaking_time(session, None, "right of reply")
    request_floor(session, "RED", "right of reply")
    clock.tick(20)
    end_item(session)
    end_intervention(session)
    assert sentences_from(session, first) == [
        "The Chair paused the time of Blue.",
        "The Chair resumed the time of Blue.",
        "The Chair set the speaking time to 2 min.",
        "The Chair set the speaking time for a right of reply to 1 min.",
        "The speaking time for a right of reply is the default again.",
        "Red asked for the floor (right of reply).",
        "The Chair closed the item; rights of reply now due: Red.",
        "Blue had the floor for 40 s (speaker).",
    ]


def test_an_unknown_kind_of_intervention_is_refused(session: Session) -> None:
    events = len(session.events)
    with pytest.raises(RefusedError, match="Unknown kind of intervention 'motion'; one of: speaker, point of order"):
        set_speaking_time(session, 60, "motion")
    with pytest.raises(RefusedError, match="The default speaking time cannot be cleared"):
        set_speaking_time(session, None)
    assert len(session.events) == events


def test_a_request_on_a_section_since_removed_names_no_place(session: Session) -> None:
    overview = drafting.add_section(session, "Overview").subject
    drafting.insert_paragraph(session, overview, "The group met.")
    drafting.add_section(session, "Norms")
    request_floor(session, "BLU", section=overview)
    drafting.remove_section(session, overview)
    request_floor(session, "RED", section=overview)  # the list still takes it; the section is gone
    assert sentences_from(session, len(session.events) - 2) == [
        "Blue asked for the floor (speaker) on section A.",
        "The Chair removed section A, Overview.",
        "Red asked for the floor (speaker).",
    ]
