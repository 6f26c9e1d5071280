"""A session written before the log kept its head (the last event's number and hash in meta, commit adc3245;
same schema version) still opens, verifies and takes new events; from then on its head is kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from chairdesk.core import drafting
from chairdesk.core.log.session import Session


def _forget_head(path: Path) -> None:
    """Make the file as the first chairdesk wrote it: the same tables, no head row in meta."""
    db = sqlite3.connect(path)
    db.execute("DELETE FROM meta WHERE key = 'head'")
    db.commit()
    db.close()


def test_a_file_from_before_the_head_was_kept_opens_and_verifies(small_session, session_path: Path) -> None:
    session, ids = small_session
    events = len(session.events)
    text = session.draft.plain_text()
    session.close()
    _forget_head(session_path)
    with Session.open(session_path) as again:
        result = again.verify()
        assert result.ok and result.events == events
        assert str(result) == f"hash chain verified ({events} events)"
        assert again.draft.plain_text() == text
        drafting.amend_paragraph(again, ids["p1"], "The working group met in four sessions.")
        assert again.log.read_meta()["head"] == f"{events + 1}:{again.events[-1].hash}"
    with Session.open(session_path) as third:
        assert third.verify().ok and len(third.events) == events + 1
