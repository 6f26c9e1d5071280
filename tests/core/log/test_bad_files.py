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


def _sample_event(path: Path, kind: str) -> int:
    """A session with a section and a paragraph; the seq of its first event of kind."""
    with Session.create(path, "Damaged") as session:
        section = drafting.add_section(session, "Overview").subject
        drafting.insert_paragraph(session, section, "The working group met.")
        return next(e.seq for e in session.events if e.kind == kind)


def _set_event(path: Path, seq: int, column: str, value: str) -> None:
    db = sqlite3.connect(path)
    db.execute(f"UPDATE events SET {column} = ? WHERE seq = ?", (value, seq))
    db.commit()
    db.close()


def test_an_event_of_an_unknown_kind_is_named_in_words(tmp_path: Path) -> None:
    path = tmp_path / "unknown.chairdesk"
    seq = _sample_event(path, "draft.paragraph.insert")
    _set_event(path, seq, "kind", "draft.nonsense")
    _assert_refused(path, CorruptSessionError, f"event {seq} has an unknown kind 'draft.nonsense'")
    _assert_refused(path, CorruptSessionError, "cannot be opened")


def test_an_event_lacking_a_field_is_named_with_its_kind(tmp_path: Path) -> None:
    path = tmp_path / "lacking.chairdesk"
    seq = _sample_event(path, "draft.paragraph.insert")
    _set_event(path, seq, "payload", '{"id": "p1", "after": null, "text": "No section."}')
    _assert_refused(path, CorruptSessionError, f"event {seq} (draft.paragraph.insert) lacks its 'section'")


def test_an_event_naming_what_is_not_there_says_so(tmp_path: Path) -> None:
    path = tmp_path / "naming.chairdesk"
    seq = _sample_event(path, "draft.paragraph.insert")
    _set_event(path, seq, "payload", '{"id": "p1", "section": "s404", "after": null, "text": "Lost."}')
    _assert_refused(
        path, CorruptSessionError, f"event {seq} (draft.paragraph.insert) names 's404', which the session does not hold"
    )


@pytest.mark.parametrize("kind", ["draft.nonsense", "draft.paragraph.insert"])
def test_no_python_internals_in_the_message(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "internals.chairdesk"
    seq = _sample_event(path, "draft.paragraph.insert")
    _set_event(path, seq, "kind", kind)
    _set_event(path, seq, "payload", '{"id": "p1"}')
    with pytest.raises(CorruptSessionError) as caught:
        Session.open(path)
    message = str(caught.value)
    assert f"event {seq}" in message
    for internal in ("object has no attribute", "Applier", "_apply_", "KeyError", "('"):
        assert internal not in message
