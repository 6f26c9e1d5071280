"""A session file found damaged on open (a broken chain, fewer or other events than this computer's anchor) keeps
that finding: the chair's next step records it first in the file's own log (session.damage_found), so the
record tells it even once a step has made the chain whole again; opening alone writes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import docx
import pytest

from chairdesk.core import drafting
from chairdesk.core.log.anchors import anchors_path
from chairdesk.core.log.damage import this_computer
from chairdesk.core.log.damage_events import DAMAGE_FOUND
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.eventlog import verify_file
from chairdesk.core.log.session import Session
from chairdesk.core.replay.operations import Replay
from chairdesk.export import export_record
from chairdesk.export.base import ExportError
from chairdesk.export.seal import export_text

from ..conftest import file_digest, tamper


def _session(path: Path, paragraphs: int = 6) -> int:
    """A session closed here (so this computer keeps its anchor); returns its event count."""
    with Session.create(path, "Checked") as session:
        section = drafting.add_section(session, "Overview").subject
        for n in range(paragraphs):
            drafting.insert_paragraph(session, section, f"States recalled point {n}.")
        return session.log.count


def _forget_anchor(path: Path) -> None:
    """As for a file this computer never wrote: its anchor here is dropped."""
    data = json.loads(anchors_path().read_text(encoding="utf-8"))
    del data["files"][str(path.resolve())]
    anchors_path().write_text(json.dumps(data), encoding="utf-8")


def _strike_one(session: Session) -> None:
    """The chair's next step: strike the first live paragraph."""
    drafting.strike_paragraph(session, session.draft.numbering().paragraphs[0])


def _notes(path: Path) -> list[dict]:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT seq, payload FROM events WHERE kind = ? ORDER BY seq", (DAMAGE_FOUND,)).fetchall()
    db.close()
    return [{"seq": seq, **json.loads(payload)} for seq, payload in rows]


def _kinds(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    kinds = [kind for (kind,) in db.execute("SELECT kind FROM events ORDER BY seq")]
    db.close()
    return kinds


def _docx_lines(path: Path) -> list[str]:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def _record_lines(session: Session, tmp_path: Path) -> list[str]:
    """The record exported as Markdown and as DOCX, read back: the lines that tell the finding (both)."""
    markdown = export_text(export_record(session, tmp_path / "record.md")).splitlines()
    document = _docx_lines(export_record(session, tmp_path / "record.docx"))
    found = [[line for line in lines if "found altered by chairdesk" in line] for lines in (markdown, document)]
    assert len(found[0]) == len(found[1]) >= 1
    return found[0] + found[1]


def test_events_cut_off_the_end_are_in_the_record_after_the_next_step(tmp_path: Path) -> None:
    path = tmp_path / "cut.chairdesk"
    count = _session(path)
    tamper(path, "DELETE FROM events WHERE seq > ?", count - 2)  # the head row is left as it was
    with Session.open(path) as session:
        assert len(session.warnings) == 2  # fewer events than anchored here; the chain ends early
        assert all("your next step first records this finding" in w for w in session.warnings)
        with pytest.raises(ExportError, match="failed verification"):
            export_record(session, tmp_path / "refused.md")
        _strike_one(session)
    assert _kinds(path)[count - 2 :] == [DAMAGE_FOUND, "draft.paragraph.strike"]  # the note, then the step
    (note,) = _notes(path)
    assert note["events"] == count - 2 and note["anchored"] == count and note["change"] == "removed"
    assert note["broken_at"] == count - 1 and note["computer"] == this_computer()
    assert verify_file(path).ok  # the chain is whole again, and the record says why it had to be
    with Session.open(path) as session:
        assert session.warnings == []
        lines = _record_lines(session, tmp_path)
    assert len(lines) == 2
    for line in lines:
        assert f"events {count - 1}\u2013{count}, recorded when it was last closed on that computer" in line
        assert f"on {this_computer()}, as it was opened there" in line and "were missing" in line


def test_a_chain_broken_in_the_middle_is_noted_and_the_exports_stay_refused(tmp_path: Path) -> None:
    path = tmp_path / "edited.chairdesk"
    _session(path)
    tamper(path, "UPDATE events SET payload = replace(payload, 'States recalled', 'Nations recalled') WHERE seq = 5")
    with Session.open(path) as session:
        (warning,) = session.warnings
        assert "your next step first records this finding" in warning and "Even then the report" in warning
        _strike_one(session)
        assert session.warnings == [warning]
        with pytest.raises(ExportError, match="failed verification"):
            export_record(session, tmp_path / "record.md")
        with pytest.raises(ExportError, match="failed verification"):
            export_record(session, tmp_path / "record.docx")
    (note,) = _notes(path)
    assert note["broken_at"] == 5 and note["broken_kind"] == "draft.paragraph.insert" and "anchored" not in note
    assert verify_file(path).broken_at == 5
    with Session.open(path) as session:
        text = export_text(export_record(session, tmp_path / "forced.md", force=True))
    assert "event 5 (draft.paragraph.insert) failed the check of its hash chain" in text


def test_a_clean_session_writes_no_note_ever(tmp_path: Path) -> None:
    path = tmp_path / "clean.chairdesk"
    _session(path)
    for check_chain in (True, False):
        with Session.open(path, check_chain=check_chain) as session:
            assert session.damage is None
            _strike_one(session)
            session.checkpoint()
    assert _notes(path) == [] and verify_file(path).ok


def test_opening_a_damaged_file_and_closing_it_without_a_step_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cut.chairdesk"
    count = _session(path)
    tamper(path, "DELETE FROM events WHERE seq > ?", count - 2)
    before, anchors = file_digest(path), anchors_path().read_bytes()
    for _ in range(2):
        with Session.open(path) as session:
            assert session.damage is not None
            session.checkpoint()
    assert file_digest(path) == before and anchors_path().read_bytes() == anchors  # nor the anchor forgets it
    with Session.open(path) as session:
        assert len(session.warnings) == 2


def test_a_refused_step_writes_no_note(tmp_path: Path) -> None:
    path = tmp_path / "cut.chairdesk"
    count = _session(path)
    tamper(path, "DELETE FROM events WHERE seq > ?", count - 1)
    before = file_digest(path)
    with Session.open(path) as session:
        with pytest.raises(RefusedError):
            drafting.strike_paragraph(session, "no-such-paragraph")
        assert session.damage is not None
    assert file_digest(path) == before


def test_a_check_that_ends_after_steps_sees_the_file_as_opened_and_the_note_follows_them(tmp_path: Path) -> None:
    """The window's background check of a large file: the chair struck a paragraph before it read the file."""
    path = tmp_path / "cut.chairdesk"
    count = _session(path)
    _forget_anchor(path)  # a file from another computer: only its chain can tell
    tamper(path, "DELETE FROM events WHERE seq > ?", count - 2)
    with Session.open(path, check_chain=False) as session:
        assert session.warnings == [] and session.damage is None
        _strike_one(session)  # continues the chain and moves the head: the file alone now verifies
        assert verify_file(path).ok
        result = verify_file(path, session.log.as_opened)  # as the window's thread checks it
        assert result.broken_at == count - 1
        (warning,) = [session.chain_checked(result)]
        assert "recorded in the session's record now" in warning and "after the steps you recorded" in warning
        session.note_damage()
        lines = _record_lines(session, tmp_path)
    assert _kinds(path)[count - 2 :] == ["draft.paragraph.strike", DAMAGE_FOUND]
    assert all(f"The check ended after event {count - 1} had been recorded in it" in line for line in lines)


def test_a_close_before_the_check_ended_checks_and_notes_first(tmp_path: Path) -> None:
    path = tmp_path / "cut.chairdesk"
    count = _session(path)
    _forget_anchor(path)
    tamper(path, "DELETE FROM events WHERE seq > ?", count - 2)
    session = Session.open(path, check_chain=False)
    _strike_one(session)
    session.close()
    assert _kinds(path)[-2:] == ["draft.paragraph.strike", DAMAGE_FOUND]
    with Session.open(path) as reopened:
        assert reopened.warnings == []


def test_the_note_changes_no_state_cannot_be_undone_and_replays(tmp_path: Path) -> None:
    path = tmp_path / "cut.chairdesk"
    count = _session(path)
    tamper(path, "DELETE FROM events WHERE seq > ?", count - 1)
    with Session.open(path) as session:
        draft_before = session.draft.plain_text()
        note = session.note_damage()
        assert note is not None and note.inverse is None and session.draft.plain_text() == draft_before
        assert note.areas == {"record"} and session.note_damage() is None  # recorded once
        section = session.draft.order[0]
        change = drafting.insert_paragraph(session, section, "Recorded after the note.")
        session.undo(change)
        assert session.draft.plain_text() == draft_before
    with Session.open(path) as session:  # from the snapshot the close left
        assert session.restored and session.draft.plain_text() == draft_before
    replay = Replay.open(path)
    try:
        step = replay.changed_in_step(count)  # the note: told, and the draft stands as before it
        assert step is not None and step.kind == DAMAGE_FOUND and "found altered by chairdesk" in step.description
        assert replay.state.draft.plain_text() == replay.state_at(count - 1).draft.plain_text()
        assert replay.state_at(len(replay)).draft.plain_text() == draft_before
    finally:
        replay.session.close()


def test_a_note_by_hand_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "clean.chairdesk"
    _session(path)
    with Session.open(path) as session:
        with pytest.raises(RefusedError):
            session.record(DAMAGE_FOUND, {"found": "now", "computer": "x", "events": "many"})
        with pytest.raises(RefusedError):
            session.record(DAMAGE_FOUND, {"found": "now", "computer": "x", "events": 3}, actor="BLUE")
        with pytest.raises(RefusedError):
            session.record("session.forgotten", {})
    assert _notes(path) == []
