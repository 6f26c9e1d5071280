"""Bad session files: each gets the right error naming the file, and the file is left byte-identical."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.errors import ChairdeskError, CorruptSessionError, NotASessionError, SessionFileError
from chairdesk.core.log.session import Session

from ..conftest import file_digest


def _assert_refused(path: Path, error_type: type[ChairdeskError], words: str) -> None:
    before = file_digest(path) if path.is_file() else None
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error_type) as caught:
        Session.open(path)
    message = str(caught.value)
    assert str(path) in message
    assert words in message
    if before is not None:
        assert file_digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings  # no -wal/-journal left behind


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.chairdesk"
    path.write_bytes(os.urandom(8192))
    _assert_refused(path, NotASessionError, "not an SQLite database")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.chairdesk"
    path.write_bytes(b"")
    _assert_refused(path, NotASessionError, "empty")


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.chairdesk"
    path.write_text("Agenda item 5: draft outcome document\n")
    _assert_refused(path, NotASessionError, "not a chairdesk session")


def _multi_page_session(path: Path) -> None:
    with Session.create(path, "Truncation test") as session:
        section = drafting.add_section(session, "Overview").subject
        for n in range(120):
            drafting.insert_paragraph(session, section, f"Paragraph {n} " + "words of the draft " * 20)


def test_truncated_session(tmp_path: Path) -> None:
    path = tmp_path / "cut.chairdesk"
    _multi_page_session(path)
    data = path.read_bytes()
    assert len(data) > 16 * 4096
    path.write_bytes(data[: len(data) // 2])
    _assert_refused(path, CorruptSessionError, "damaged or truncated")


def test_header_only(tmp_path: Path) -> None:
    path = tmp_path / "short.chairdesk"
    _multi_page_session(path)
    path.write_bytes(path.read_bytes()[:60])
    _assert_refused(path, CorruptSessionError, "truncated")


def test_another_programs_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "contacts.chairdesk"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT, email TEXT)")
    db.execute("INSERT INTO contacts VALUES ('Blue', 'blue@example.org')")
    db.commit()
    db.close()
    _assert_refused(path, NotASessionError, "not a chairdesk session")


def test_sqlite_with_the_right_tables_but_another_format(tmp_path: Path) -> None:
    path = tmp_path / "lookalike.chairdesk"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY)")
    db.execute("INSERT INTO meta VALUES ('format', 'something-else')")
    db.commit()
    db.close()
    _assert_refused(path, NotASessionError, "not a chairdesk session")


def test_unreadable_event_payload(tmp_path: Path) -> None:
    path = tmp_path / "broken.chairdesk"
    Session.create(path, "Payload").close()
    db = sqlite3.connect(path)
    db.execute("UPDATE events SET payload = '{not json' WHERE seq = 1")
    db.commit()
    db.close()
    _assert_refused(path, CorruptSessionError, "event 1 is unreadable")


def test_event_that_cannot_be_applied(tmp_path: Path) -> None:
    path = tmp_path / "unapplicable.chairdesk"
    with Session.create(path, "Apply") as session:
        drafting.add_section(session, "Overview")
    db = sqlite3.connect(path)
    db.execute("UPDATE events SET kind = 'draft.paragraph.strike' WHERE seq = 2")
    db.commit()
    db.close()
    _assert_refused(path, CorruptSessionError, "cannot be applied")


def test_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "folder.chairdesk"
    path.mkdir()
    _assert_refused(path, NotASessionError, "is a folder")


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.chairdesk"
    _assert_refused(path, SessionFileError, "no such file")
    assert not path.exists()


def test_a_damaged_events_table_whose_count_still_reads(tmp_path: Path) -> None:
    # The events are counted through their kind index, which stays sound; the table's own first page is
    # damaged. The pages are checked only when no snapshot vouches for the file, and the snapshot is looked
    # up by the first event's hash: that read names the damage too (it once escaped as a raw SQLite error).
    path = tmp_path / "damaged.chairdesk"
    _multi_page_session(path)
    db = sqlite3.connect(path)
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    page = db.execute("PRAGMA page_size").fetchone()[0]
    plan = db.execute("EXPLAIN QUERY PLAN SELECT count(*), min(seq), max(seq) FROM events").fetchall()
    db.close()
    assert any("events_kind" in str(step) for step in plan)
    data = bytearray(path.read_bytes())
    data[(root - 1) * page : (root - 1) * page + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    _assert_refused(path, CorruptSessionError, "damaged")
