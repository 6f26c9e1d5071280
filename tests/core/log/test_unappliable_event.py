"""An event that passes the checks but cannot be applied is never left in the file (it would not open)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session

from ..conftest import FakeClock, build_small_draft


@pytest.mark.parametrize(
    ("kind", "payload", "message"),
    [
        # a sub-paragraph without an id once passed the checks and failed to apply; the checks now refuse it
        ("draft.paragraph.insert", {"id": "p99", "section": "s1", "after": None, "text": "New.",
                                    "subparagraphs": [{"text": "a sub-paragraph without an id;"}]},
         "id of a new sub-paragraph must be a text"),
        ("roster.add", {"delegation": Delegation("blue", "Blue").as_payload(), "index": "first"},
         "nothing was recorded"),
    ],
)  # fmt: skip
def test_a_script_payload_that_cannot_be_applied_is_refused_and_not_kept(
    session_path: Path, kind: str, payload: dict, message: str
) -> None:
    with Session.create(session_path, "Working group", clock=FakeClock()) as session:
        build_small_draft(session)
        events, fingerprint = len(session.events), session.draft.fingerprint()
        with pytest.raises(RefusedError, match=message):
            session.record(kind, payload)
        assert len(session.events) == events
        assert session.draft.fingerprint() == fingerprint
        assert session.verify().ok
        drafting.set_title(session, "Still working")  # the session goes on
    with Session.open(session_path) as session:
        assert len(session.events) == events + 1
        assert session.verify().ok
        assert session.draft.title == "Still working"


def test_a_section_restored_with_a_bad_paragraph_list_is_refused(session_path: Path) -> None:
    with Session.create(session_path, "Working group", clock=FakeClock()) as session:
        ids = build_small_draft(session)
        drafting.remove_section(session, ids["A"])
        with pytest.raises(RefusedError):
            session.record("draft.section.restore", {"id": ids["A"], "index": 0, "paragraphs": "p1"})
        events = len(session.events)
    with Session.open(session_path) as session:
        assert len(session.events) == events


def test_an_unappliable_step_is_taken_back_from_a_log_not_read_yet(session_path: Path) -> None:
    with Session.create(session_path, "Working group", clock=FakeClock()) as session:
        build_small_draft(session)
    with Session.open(session_path) as session:
        log = session.log
        count, last = log.count, log.last_event
        assert not log.loaded and last is not None  # only counted, and its last event read alone
        payload = {"delegation": Delegation("blue", "Blue").as_payload(), "index": "first"}
        with pytest.raises(RefusedError, match="nothing was recorded"):
            session.record("roster.add", payload)
        assert log.count == count and log.last_event == last and log.last_hash == last.hash
        drafting.set_title(session, "Still working")  # chained to the event before the one taken back
        assert log.count == count + 1
    with Session.open(session_path) as session:
        assert session.log.count == count + 1 and session.verify().ok
        assert session.draft.title == "Still working"
