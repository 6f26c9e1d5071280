"""Read-only open: no write lock, readers alongside a writer (here or in another process), never a write."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.errors import SessionFileError, SessionLockedError
from chairdesk.core.log.session import Session
from tests.core.conftest import file_digest

ROOT = Path(__file__).resolve().parents[3]

WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from chairdesk.core import drafting
    from chairdesk.core.log.session import Session
    session = Session.open({path!r})
    section = session.draft.order[0]
    print("OPEN", len(session.events), flush=True)
    for line in sys.stdin:
        if line.strip() == "write":
            change = drafting.insert_paragraph(session, section, "Written by the other process.")
            print(change.event.seq, flush=True)
        elif line.strip() == "hang":
            print("HANGING", flush=True)
            import time
            time.sleep(600)
    session.close()
    print("CLOSED", flush=True)
    """
)


def _writer(path: Path) -> subprocess.Popen:
    code = WRITER.format(root=str(ROOT), path=str(path))
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().startswith("OPEN")
    return child


def _ask(child: subprocess.Popen, line: str) -> str:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(line + "\n")
    child.stdin.flush()
    return child.stdout.readline().strip()


def test_a_reader_opens_beside_a_writer_in_this_process(small_session, session_path: Path) -> None:
    session, ids = small_session
    with Session.open(session_path, read_only=True) as reader:
        assert reader.read_only and not session.read_only
        assert reader.draft.fingerprint() == session.draft.fingerprint()
        drafting.amend_paragraph(session, ids["p1"], "The working group met in four sessions.")
        assert reader.draft.paragraph(ids["p1"]).text == "The working group met in three sessions."
        changes = reader.refresh()
        assert [c.event.seq for c in changes] == [session.events[-1].seq]
        assert reader.draft.fingerprint() == session.draft.fingerprint()
    # The writer keeps writing after the reader has gone.
    drafting.amend_paragraph(session, ids["p1"], "The working group met in five sessions.")


def test_the_single_writer_rule_stays_with_a_reader_open(small_session, session_path: Path) -> None:
    with Session.open(session_path, read_only=True):
        with pytest.raises(SessionLockedError, match="open in another chairdesk"):
            Session.open(session_path)


def test_a_read_only_session_records_nothing(small_session, session_path: Path) -> None:
    session, ids = small_session
    session.close()
    before = file_digest(session_path)
    with Session.open(session_path, read_only=True) as reader:
        events = len(reader.events)
        with pytest.raises(SessionFileError, match="opened read-only") as refused:
            drafting.amend_paragraph(reader, ids["p1"], "Changed by a reader.")
        assert str(session_path) in str(refused.value)
        with pytest.raises(SessionFileError, match="opened read-only"):
            reader.log.append("draft.title.set", {"title": "x"}, "chair", "2026-03-02T10:00:00+00:00")
        assert len(reader.events) == events
    assert file_digest(session_path) == before
    wal = Path(str(session_path) + "-wal")  # SQLite may leave an empty write-ahead log beside it
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_reader_follows_a_writer_in_another_process(small_session, session_path: Path) -> None:
    session, _ = small_session
    session.close()
    child = _writer(session_path)
    try:
        with Session.open(session_path, read_only=True) as reader:
            start = len(reader.events)
            seqs = [int(_ask(child, "write")) for _ in range(3)]
            assert len(reader.events) == start
            reader.refresh()
            assert [e.seq for e in reader.events[start:]] == seqs
            assert reader.verify().ok
            with pytest.raises(SessionLockedError):
                Session.open(session_path)
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=30)
    with Session.open(session_path) as again:  # the lock went with the writer
        assert len(again.events) == start + 3


def test_a_reader_after_a_killed_writer_sees_every_event_and_writes_nothing(
    small_session, session_path: Path
) -> None:
    session, _ = small_session
    session.close()
    child = _writer(session_path)
    seqs = [int(_ask(child, "write")) for _ in range(4)]
    assert _ask(child, "hang") == "HANGING"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    wal = Path(str(session_path) + "-wal")
    assert wal.exists()  # the killed writer's commits are still in the write-ahead log
    before = file_digest(session_path), file_digest(wal)
    with Session.open(session_path, read_only=True) as reader:
        assert reader.events[-1].seq == seqs[-1] and reader.verify().ok
    assert (file_digest(session_path), file_digest(wal)) == before
    with Session.open(session_path) as writer:  # no stale lock
        assert writer.events[-1].seq == seqs[-1]
