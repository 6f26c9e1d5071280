"""A speaker suspended twice by points of order is charged both suspensions, not only the last one."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core.floor.operations import end_intervention, next_speaker, request_floor
from tests.floor_support import FakeClock, floor_session

POO = "point of order"


def test_two_separate_suspensions_add_up(tmp_path: Path) -> None:
    clock = FakeClock()
    session = floor_session(tmp_path, clock)
    request_floor(session, "BLU")
    next_speaker(session)  # Blue from 0 s
    request_floor(session, "GRN", POO)
    clock.at(65)
    next_speaker(session)  # suspended at 65 s
    clock.at(105)
    end_intervention(session)  # resumes after 40 s
    request_floor(session, "RED", POO)
    clock.at(130)
    next_speaker(session)  # suspended again at 130 s
    clock.at(150)
    end_intervention(session)  # resumes after 20 s
    clock.at(200)
    end_intervention(session)
    blue = session.state.floor.interventions[0]
    assert blue.delegation == "BLU"
    assert (blue.suspended_seconds, blue.suspensions, blue.duration_seconds) == (60, 2, 140)
    session.close()
