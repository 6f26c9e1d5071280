"""Test support for the floor: a fake clock and a session with a small roster."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from chairdesk.core.floor.operations import set_roster
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.session import Session

START = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)

ROSTER = [
    Delegation("BLU", "Blue", "government", "WEOG", "#1f5fbf", False),
    Delegation("YEL", "Yellow", "government", "African Group", "#d8b400", False),
    Delegation("GRN", "Green", "civil society", "none", "#2e8b57", True),
    Delegation("PUR", "Purple", "academia", "GRULAC", "#7b3fa0", False),
    Delegation("ORA", "Orange", "private sector", "Asia-Pacific Group", "#e07b00", True),
    Delegation("RED", "Red", "government", "Eastern European Group", "#c0392b", False),
]


class FakeClock:
    """A clock the test moves by hand; returns aware UTC datetimes."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float) -> None:
        """Move the clock on."""
        self.now += timedelta(seconds=seconds)

    def at(self, seconds: float) -> None:
        """Set the clock to START + seconds."""
        self.now = START + timedelta(seconds=seconds)


def floor_session(tmp_path: Path, clock: FakeClock, roster: list[Delegation] | None = None) -> Session:
    """A new session with the test roster, the clock at START."""
    session = Session.create(tmp_path / "floor.chairdesk", "Working group", clock=clock)
    set_roster(session, roster if roster is not None else ROSTER)
    return session
