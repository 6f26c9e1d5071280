"""What a session reads back about its own past: the state before anything happened, the draft at an event,
the tabled and the last baseline, its path; a step whose actor is not a name is refused; a create under way
in another process (of this user or another) is left alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log import session as session_module
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session


def test_the_state_before_anything_happened_has_no_meeting_and_no_draft(small_session) -> None:
    session, _ = small_session
    empty = session.state_at(0)
    assert empty.meeting.title == ""
    assert empty.draft.order == [] and empty.draft.paragraphs == {}
    assert session.state_at(1).meeting.title == "OEWG on ICT security"
    assert session.state_at(-5).meeting.title == ""


def test_the_draft_at_an_event_is_the_text_as_it_then_stood(small_session) -> None:
    session, ids = small_session
    before = len(session.events)
    drafting.amend_paragraph(session, ids["p1"], "The working group met in four sessions.")
    assert session.draft_at(before).paragraphs[ids["p1"]].text == "The working group met in three sessions."
    assert session.draft_at(before + 1).paragraphs[ids["p1"]].text == "The working group met in four sessions."
    # asked again (from the cache), and past the end (the draft as it stands)
    assert session.draft_at(before).paragraphs[ids["p1"]].text == "The working group met in three sessions."
    assert session.draft_at(10_000).paragraphs[ids["p1"]].text == "The working group met in four sessions."
    for seq in range(1, before + 2):  # more drafts than the cache keeps: each still the right one
        assert len(session.draft_at(seq).order) == len(session.state_at(seq).draft.order)


def test_the_tabled_and_the_last_baseline(small_session) -> None:
    session, ids = small_session
    assert session.baseline().order == []  # no baseline yet: changes are shown against the empty draft
    drafting.mark_baseline(session, "Tabled draft")
    drafting.amend_paragraph(session, ids["p1"], "The working group met in four sessions.")
    drafting.mark_baseline(session, "Second reading")
    drafting.amend_paragraph(session, ids["p1"], "The working group met in five sessions.")
    assert session.baseline("tabled").paragraphs[ids["p1"]].text == "The working group met in three sessions."
    assert session.baseline("last").paragraphs[ids["p1"]].text == "The working group met in four sessions."
    assert session.draft.paragraphs[ids["p1"]].text == "The working group met in five sessions."


def test_the_session_names_its_file(small_session, session_path: Path) -> None:
    session, _ = small_session
    assert session.path == session_path
    assert session.log.path == session_path


@pytest.mark.parametrize("actor", [5, None, ["Brazil"]])
def test_a_step_whose_actor_is_not_a_name_is_refused(small_session, actor: object) -> None:
    session, ids = small_session
    events = len(session.events)
    with pytest.raises(RefusedError, match="malformed"):
        session.record("draft.paragraph.amend", {"id": ids["p1"], "text": "Changed."}, actor)  # type: ignore[arg-type]
    assert len(session.events) == events
    assert session.draft.paragraphs[ids["p1"]].text == "The working group met in three sessions."


def test_a_create_under_way_in_another_users_process_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "meeting.chairdesk"
    theirs = tmp_path / f".meeting.chairdesk.4000001{session_module.CREATING}"
    gone = tmp_path / f".meeting.chairdesk.4000002{session_module.CREATING}"
    theirs.write_bytes(b"under way")
    gone.write_bytes(b"left by a killed create")
    real_kill = os.kill

    def kill(pid: int, signal: int) -> None:
        if pid == 4000001:  # a process of another user: signalling it is not permitted, but it runs
            raise PermissionError(1, "Operation not permitted")
        real_kill(pid, signal)

    monkeypatch.setattr(os, "kill", kill)
    Session.create(path, "Working group").close()
    assert theirs.read_bytes() == b"under way"
    assert not gone.exists()


def test_a_create_under_way_in_another_process_is_left_alone(tmp_path: Path) -> None:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        under_way = tmp_path / f".meeting.chairdesk.{other.pid}{session_module.CREATING}"
        under_way.write_bytes(b"under way")
        Session.create(tmp_path / "meeting.chairdesk", "Working group").close()
        assert under_way.read_bytes() == b"under way"
    finally:
        other.kill()
        other.wait()
