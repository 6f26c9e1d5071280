"""Shared fixtures for the core tests: small real session files built through the drafting operations."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.session import Session


class FakeClock:
    """A clock that moves one second per call, so timestamps are predictable."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (to prove a failed open changed nothing)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tamper(path: Path, sql: str, *params: object) -> None:
    """Change a session file behind chairdesk's back: one SQL statement, committed."""
    db = sqlite3.connect(path)
    db.execute(sql, params)
    db.commit()
    db.close()


def build_small_draft(session: Session) -> dict[str, str]:
    """Two sections, a sub-heading, five paragraphs (one with sub-paragraphs); returns ids by name."""
    drafting.set_title(session, "Outcome document of the working group")
    a = drafting.add_section(session, "Overview").subject
    b = drafting.add_section(session, "Confidence-building measures").subject
    p1 = drafting.insert_paragraph(session, a, "The working group met in three sessions.").subject
    p2 = drafting.insert_paragraph(session, a, "States [invited] each other to share views.").subject
    p3 = drafting.insert_paragraph(session, b, "States may share national points of contact.").subject
    h = drafting.add_subheading(session, b, "Recommended next steps").subject
    p4 = drafting.insert_paragraph(
        session, b, "States are encouraged to:", subparagraphs=["share information;", "hold exercises."]
    ).subject
    p5 = drafting.insert_paragraph(session, b, "The group will meet again.").subject
    return {"A": a, "B": b, "p1": p1, "p2": p2, "p3": p3, "h": h, "p4": p4, "p5": p5}


@pytest.fixture
def clock() -> FakeClock:
    """A fresh fake clock."""
    return FakeClock()


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    """Where a test's session file goes."""
    return tmp_path / "meeting.chairdesk"


@pytest.fixture
def small_session(session_path: Path, clock: FakeClock):
    """An open session with the small draft; closed after the test."""
    session = Session.create(session_path, "OEWG on ICT security", clock=clock)
    ids = build_small_draft(session)
    yield session, ids
    try:
        session.close()
    except Exception:
        pass
