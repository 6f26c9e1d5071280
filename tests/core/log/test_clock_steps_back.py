"""The computer's clock set back during a session (a network time sync): the record stays in order."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core.floor.figures import speaker_figures
from chairdesk.core.floor.operations import end_intervention, next_speaker, request_floor
from chairdesk.core.log.session import Session
from tests.floor_support import FakeClock, floor_session


def test_events_never_go_back_in_time(tmp_path: Path) -> None:
    clock = FakeClock()
    session: Session = floor_session(tmp_path, clock)
    codes = session.state.roster.codes()
    request_floor(session, codes[0])
    clock.tick(40)
    request_floor(session, codes[1])
    clock.tick(-300)  # the clock is synchronised and steps back five minutes
    next_speaker(session)
    clock.tick(60)
    end_intervention(session)
    stamps = [e.time for e in session.events]
    assert stamps == sorted(stamps)
    figures = speaker_figures(session.state)
    waits = [d.mean_wait_seconds for d in figures.delegations if d.mean_wait_seconds is not None]
    assert waits and min(waits) >= 0
    session.close()
