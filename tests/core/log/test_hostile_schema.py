"""Hostile session files: SQLite objects chairdesk never writes are refused by name, and never copied."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.errors import SessionFileError
from chairdesk.core.log.session import Session

from ..conftest import file_digest


def _session_with(path: Path, *statements: str) -> None:
    with Session.create(path, "Hostile") as session:
        section = drafting.add_section(session, "Overview").subject
        drafting.insert_paragraph(session, section, "The working group met.")
    db = sqlite3.connect(path)
    for sql in statements:
        db.execute(sql)
    db.commit()
    db.close()


def _refused(path: Path, *words: str) -> str:
    before = file_digest(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(SessionFileError) as caught:
        Session.open(path)
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message
    assert file_digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings
    return message


def test_a_trigger_that_silently_drops_events_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "drop.chairdesk"
    _session_with(path, "CREATE TRIGGER swallow BEFORE INSERT ON events BEGIN SELECT RAISE(IGNORE); END")
    _refused(path, "trigger 'swallow' on 'events'", "never writes")


def test_a_trigger_deleting_the_head_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "head.chairdesk"
    _session_with(
        path, "CREATE TRIGGER forget AFTER INSERT ON events BEGIN DELETE FROM meta WHERE key = 'head'; END"
    )
    _refused(path, "trigger 'forget'")


def test_a_view_in_place_of_the_events_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "view.chairdesk"
    _session_with(
        path,
        "ALTER TABLE events RENAME TO real_events",
        "CREATE VIEW events AS SELECT * FROM real_events WHERE seq < 3",
    )
    message = _refused(path, "view 'events'")
    assert "table 'real_events'" in message


def test_an_extra_table_and_index_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "extra.chairdesk"
    _session_with(path, "CREATE TABLE notes (text TEXT)", "CREATE INDEX events_by_actor ON events (actor)")
    _refused(path, "table 'notes'", "index 'events_by_actor' on 'events'")


def test_a_changed_events_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "changed.chairdesk"
    _session_with(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA writable_schema = ON")
    db.execute(
        "UPDATE sqlite_master SET sql = replace(sql, '\"hash\" TEXT NOT NULL', "
        "'\"hash\" TEXT NOT NULL DEFAULT ''x''') WHERE name = 'events'"
    )
    db.commit()
    db.close()
    _refused(path, "table 'events' (not as chairdesk writes it)")


def test_an_untouched_session_opens(tmp_path: Path) -> None:
    path = tmp_path / "plain.chairdesk"
    _session_with(path)
    with Session.open(path) as session:
        assert session.verify().ok


def test_save_a_copy_never_carries_a_trigger(tmp_path: Path) -> None:
    path = tmp_path / "live.chairdesk"
    _session_with(path)
    with Session.open(path) as session:
        # Something slipped a trigger into the open file (the lock keeps other processes out; this one can).
        session.log.conn.execute("CREATE TRIGGER sneak AFTER INSERT ON meta BEGIN SELECT 1; END")
        with pytest.raises(SessionFileError, match="trigger 'sneak'"):
            session.save_copy(tmp_path / "copy.chairdesk")
        assert not (tmp_path / "copy.chairdesk").exists()
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        session.log.conn.execute("DROP TRIGGER sneak")
        copy = session.save_copy(tmp_path / "copy.chairdesk")
    with Session.open(copy) as again:
        assert again.verify().ok
