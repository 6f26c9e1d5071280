"""The session file: reopening, the hash chain, schema migration, WAL, copies and the writer's lock."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log import eventlog
from chairdesk.core.log.errors import (
    CorruptSessionError,
    NewerSchemaError,
    SessionFileError,
    SessionLockedError,
)
from chairdesk.core.log.session import Session

from ..conftest import file_digest, tamper

ROOT = Path(__file__).resolve().parents[2]


def test_reopen_gives_the_same_draft_and_meeting(small_session, session_path: Path) -> None:
    session, ids = small_session
    before = session.draft.fingerprint()
    text = session.draft.plain_text()
    events = len(session.events)
    session.close()
    with Session.open(session_path) as again:
        assert again.draft.fingerprint() == before
        assert again.draft.plain_text() == text
        assert again.state.meeting.title == "OEWG on ICT security"
        assert len(again.events) == events
        drafting.amend_paragraph(again, ids["p1"], "The working group met in four sessions.")
        after = again.draft.fingerprint()
    with Session.open(session_path) as third:
        assert third.draft.fingerprint() == after
        assert "four sessions" in third.draft.plain_text()


def test_metadata_table_mirrors_the_meeting(session_path: Path) -> None:
    Session.create(session_path, "Working group", venue="Geneva", dates="2-6 March").close()
    db = sqlite3.connect(session_path)
    meta = dict(db.execute("SELECT key, value FROM meta"))
    db.close()
    assert meta["title"] == "Working group"
    assert meta["venue"] == "Geneva"
    assert meta["schema_version"] == str(eventlog.SCHEMA_VERSION)
    assert meta["format"] == "chairdesk-session"


def test_events_carry_timestamps_from_the_clock(small_session) -> None:
    session, _ = small_session
    stamps = [e.ts for e in session.events]
    assert stamps[0] == "2026-03-02T10:00:01.000000+00:00"
    assert stamps == sorted(stamps)


def test_session_file_is_in_wal_mode(small_session, session_path: Path) -> None:
    session, _ = small_session
    assert session.log.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    session.close()
    db = sqlite3.connect(session_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_verify_passes_on_an_untouched_file(small_session, session_path: Path) -> None:
    session, _ = small_session
    result = session.verify()
    assert result.ok and result.events == len(session.events)
    assert "verified" in str(result)


def test_verify_names_the_first_event_whose_payload_was_edited(small_session, session_path: Path) -> None:
    session, ids = small_session
    seq = next(e.seq for e in session.events if e.kind == "draft.paragraph.insert")
    payload = dict(session.events[seq - 1].payload)
    session.close()
    payload["text"] = "The working group never met."
    tamper(session_path, "UPDATE events SET payload = ? WHERE seq = ?", json.dumps(payload), seq)
    with Session.open(session_path) as again:
        result = again.verify()
        assert not result.ok
        assert result.broken_at == seq
        assert f"broken at event {seq}" in str(result)
        assert "changed" in result.problem
        assert "never met" in again.draft.plain_text()  # the file still opens; the record says it lies


def test_verify_detects_an_edited_actor(small_session, session_path: Path) -> None:
    session, _ = small_session
    session.close()
    tamper(session_path, "UPDATE events SET actor = 'blue' WHERE seq = 3")
    with Session.open(session_path) as again:
        assert again.verify().broken_at == 3


def test_a_deleted_event_is_reported(small_session, session_path: Path) -> None:
    session, _ = small_session
    last = len(session.events)
    session.close()
    # Deleting the last row leaves a chain that verifies, but renumbering after a middle deletion cannot.
    tamper(session_path, "DELETE FROM events WHERE seq = 4")
    with pytest.raises(CorruptSessionError, match="event 4 is missing"):
        Session.open(session_path)
    tamper(session_path, "UPDATE events SET seq = seq - 1 WHERE seq > 4")
    log = eventlog.EventLog.open(session_path)
    try:
        result = log.verify()
        assert not result.ok and result.broken_at == 4
        assert len(log.events) == last - 1
    finally:
        log.close()


def test_events_cut_off_the_end_are_reported(small_session, session_path: Path) -> None:
    session, _ = small_session
    last = len(session.events)
    session.close()
    tamper(session_path, "DELETE FROM events WHERE seq >= ?", last - 1)
    with Session.open(session_path) as again:
        result = again.verify()
        assert not result.ok
        assert result.broken_at == last - 1
        assert f"written up to event {last}" in result.problem


def test_migration_runs_the_steps_from_an_older_schema(
    small_session, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _ = small_session
    fingerprint = session.draft.fingerprint()
    session.close()

    def add_notes_table(db) -> None:  # noqa: ANN001
        db["notes"].create({"seq": int, "text": str}, pk="seq")
        db["notes"].insert({"seq": 1, "text": "migrated"})

    monkeypatch.setattr(eventlog, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(eventlog, "MIGRATIONS", {1: add_notes_table})
    with Session.open(session_path) as again:
        assert again.draft.fingerprint() == fingerprint
        assert again.log.read_meta()["schema_version"] == "2"
    db = sqlite3.connect(session_path)
    assert db.execute("SELECT text FROM notes").fetchone() == ("migrated",)
    db.close()


def test_a_missing_migration_step_is_refused_without_change(
    small_session, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _ = small_session
    session.close()
    before = file_digest(session_path)
    monkeypatch.setattr(eventlog, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(eventlog, "MIGRATIONS", {1: lambda db: db["extra"].create({"x": int})})
    with pytest.raises(CorruptSessionError, match="upgrade schema 2"):
        Session.open(session_path)
    assert file_digest(session_path) == before  # the half-done migration was rolled back


def test_a_newer_schema_is_refused_and_left_alone(small_session, session_path: Path) -> None:
    session, _ = small_session
    session.close()
    tamper(session_path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = file_digest(session_path)
    with pytest.raises(NewerSchemaError) as caught:
        Session.open(session_path)
    assert str(session_path) in str(caught.value)
    assert "newer chairdesk" in str(caught.value)
    assert file_digest(session_path) == before


def test_save_copy_writes_a_consistent_session(small_session, tmp_path: Path) -> None:
    session, _ = small_session
    copy = session.save_copy(tmp_path / "copy")
    assert copy.name == "copy.chairdesk"
    with Session.open(copy) as other:
        assert other.draft.fingerprint() == session.draft.fingerprint()
        assert other.verify().ok
    with pytest.raises(SessionFileError, match="exists already"):
        session.save_copy(copy)


def test_create_refuses_to_overwrite(small_session, session_path: Path) -> None:
    with pytest.raises(SessionFileError, match="exists already"):
        Session.create(session_path, "Another")


def test_create_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError, match="folder does not exist"):
        Session.create(tmp_path / "nowhere" / "x.chairdesk", "Title")


# ------------------------------------------------------------------------------------- two processes

OPEN_IN_CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from chairdesk.core.log.session import Session
    from chairdesk.core.log.errors import SessionLockedError
    try:
        Session.open({path!r}).close()
    except SessionLockedError as error:
        print("LOCKED", error)
        sys.exit(3)
    print("OPENED")
    """
)


def _open_in_child(path: Path) -> subprocess.CompletedProcess:
    code = OPEN_IN_CHILD.format(root=str(ROOT), path=str(path))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_a_second_process_is_kept_out_until_the_first_closes(small_session, session_path: Path) -> None:
    session, ids = small_session
    before = session.draft.fingerprint()
    result = _open_in_child(session_path)
    assert result.returncode == 3, result.stdout + result.stderr
    assert str(session_path) in result.stdout
    assert "open in another chairdesk window or process" in result.stdout
    # The first process can still write after the refused attempt.
    drafting.amend_paragraph(session, ids["p5"], "The group will meet again in July.")
    assert session.draft.fingerprint() != before
    session.close()
    result = _open_in_child(session_path)
    assert result.returncode == 0 and "OPENED" in result.stdout, result.stdout + result.stderr


def test_a_second_open_in_the_same_process_is_refused(small_session, session_path: Path) -> None:
    with pytest.raises(SessionLockedError):
        Session.open(session_path)


# ------------------------------------------------------------------------------------------- killing

WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from chairdesk.core import drafting
    from chairdesk.core.log.session import Session
    session = Session.open({path!r})
    section = session.draft.order[0]
    n = 0
    while True:
        n += 1
        change = drafting.insert_paragraph(session, section, f"Paragraph written by the writer, number {{n}}.")
        print(change.event.seq, flush=True)
    """
)


def test_killing_the_writer_never_loses_a_returned_event(session_path: Path) -> None:
    import signal

    with Session.create(session_path, "Kill test") as session:
        drafting.add_section(session, "Overview")
    code = WRITER.format(root=str(ROOT), path=str(session_path))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    printed: list[int] = []
    assert child.stdout is not None
    while len(printed) < 25:
        line = child.stdout.readline()
        assert line, "the writer stopped before it was killed"
        printed.append(int(line))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    printed += [int(line) for line in child.stdout.read().split()]  # lines printed before the kill landed
    assert child.returncode == -signal.SIGKILL
    with Session.open(session_path) as again:
        seqs = {e.seq for e in again.events}
        assert set(printed) <= seqs
        assert again.verify().ok
        numbers = again.draft.numbering().paragraphs
        assert len(numbers) == max(seqs) - 2  # meeting.set and the section, then one paragraph per event
