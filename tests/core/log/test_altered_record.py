"""A session file whose hash chain is broken (edited outside chairdesk) is told on open, naming the file and the
first event that fails; the session goes on, and the exports are refused."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from chairdesk.cli import main
from chairdesk.core import drafting
from chairdesk.core.log.eventlog import verify_file
from chairdesk.core.log.session import Session
from chairdesk.export import export_record
from chairdesk.export.base import ExportError

from ..conftest import file_digest, tamper


def _session(path: Path, paragraphs: int = 6) -> None:
    with Session.create(path, "Checked") as session:
        section = drafting.add_section(session, "Overview").subject
        for n in range(paragraphs):
            drafting.insert_paragraph(session, section, f"States recalled point {n}.")


def _edit_in_place(path: Path, seq: int, words: str = "Nations recalled") -> None:
    """What the tester did: an event's text changed with sqlite, its hash left as it was."""
    db = sqlite3.connect(path)
    db.execute("UPDATE events SET payload = replace(payload, 'States recalled', ?) WHERE seq = ?", (words, seq))
    db.commit()
    db.close()


def test_a_clean_session_opens_with_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "clean.chairdesk"
    _session(path)
    with Session.open(path) as session:
        assert session.warnings == []
    with Session.open(path, read_only=True) as session:
        assert session.warnings == []
    assert verify_file(path).ok


def test_an_event_edited_in_place_is_told_on_open_naming_the_file_and_the_event(tmp_path: Path) -> None:
    path = tmp_path / "edited.chairdesk"
    _session(path)
    _edit_in_place(path, 6)
    with Session.open(path) as session:
        (warning,) = session.warnings
        kind = session.events[5].kind
    assert warning.startswith(f"{path}: this file's record was altered outside chairdesk")
    assert f"event 6 ({kind}) is the first that fails the check" in warning
    assert "The session can go on" in warning and "cannot be exported" in warning


def test_opening_a_tampered_file_read_only_changes_nothing_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "edited.chairdesk"
    _session(path)
    _edit_in_place(path, 4)
    before = file_digest(path)
    with Session.open(path, read_only=True) as session:
        assert "event 4" in session.warnings[0]
    assert file_digest(path) == before


def test_the_session_goes_on_and_the_record_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "edited.chairdesk"
    _session(path)
    _edit_in_place(path, 5)
    with Session.open(path) as session:
        assert session.warnings
        drafting.insert_paragraph(session, session.draft.order[0], "Recorded after the warning.")
        assert session.verify().broken_at == 5
        with pytest.raises(ExportError, match="failed verification"):
            export_record(session, tmp_path / "record.md")
    with Session.open(path) as again:
        assert "Recorded after the warning." in again.draft.plain_text()


def test_events_cut_off_with_the_head_left_are_told(tmp_path: Path) -> None:
    path = tmp_path / "cut.chairdesk"
    _session(path)
    with Session.open(path) as session:
        count = session.log.count
    tamper(path, "DELETE FROM events WHERE seq > ?", count - 2)
    with Session.open(path) as session:
        altered = [w for w in session.warnings if "altered outside chairdesk" in w]
    assert len(altered) == 1 and f"event {count - 1} is the first" in altered[0]
    assert f"written up to event {count}" in altered[0]


def test_the_check_can_be_left_for_later_and_taken_from_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "later.chairdesk"
    _session(path)
    _edit_in_place(path, 6)
    with Session.open(path, check_chain=False) as session:
        assert session.warnings == []
        result = verify_file(path)  # as the window does, in a thread of its own
        warning = session.chain_checked(result)
        assert warning is not None and session.warnings == [warning]
        assert session.chain_checked(result) == warning and len(session.warnings) == 1  # told once


def test_the_file_check_runs_in_another_thread_beside_the_writer(tmp_path: Path) -> None:
    path = tmp_path / "beside.chairdesk"
    _session(path)
    with Session.open(path) as session:
        drafting.insert_paragraph(session, session.draft.order[0], "Written while open.")
        results = []
        thread = threading.Thread(target=lambda: results.append(verify_file(path)))
        thread.start()
        thread.join(30)
        assert results[0].ok and results[0].events == session.log.count
        assert results[0] == session.verify()


def test_a_payload_spelled_otherwise_but_the_same_still_verifies(tmp_path: Path) -> None:
    path = tmp_path / "spelled.chairdesk"
    _session(path)
    db = sqlite3.connect(path)
    payload = db.execute("SELECT payload FROM events WHERE seq = 3").fetchone()[0]
    db.execute("UPDATE events SET payload = ? WHERE seq = 3", (json.dumps(json.loads(payload), indent=2),))
    db.commit()
    db.close()
    assert verify_file(path).ok
    with Session.open(path) as session:
        assert session.warnings == []


def test_the_command_line_warns_once_and_names_the_event(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "cli.chairdesk"
    _session(path)
    _edit_in_place(path, 6)
    assert main(["verify", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("WARNING") == 1 and "event 6 (" in captured.err
    assert "hash chain broken at event 6" in captured.out and "see the warning above" not in captured.out
