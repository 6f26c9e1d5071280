"""Anchors outside the file: a session shortened or rewritten since this computer closed it is reported."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

from chairdesk.cli import main
from chairdesk.core import drafting
from chairdesk.core.log.anchors import anchors_path
from chairdesk.core.log.eventlog import GENESIS, event_hash
from chairdesk.core.log.session import Session


def _session(path: Path, paragraphs: int = 28) -> int:
    with Session.create(path, "Anchored") as session:
        section = drafting.add_section(session, "Overview").subject
        for n in range(paragraphs):
            drafting.insert_paragraph(session, section, f"Paragraph {n} of the draft.")
        return len(session.events)


def _rows(path: Path) -> list[list]:
    db = sqlite3.connect(path)
    rows = [list(r) for r in db.execute("SELECT seq, ts, actor, kind, payload FROM events ORDER BY seq")]
    db.close()
    return rows


def _rewrite(path: Path, rows: list[list]) -> None:
    """Write a fully rehashed chain with a matching head row: a file whose own checks all pass."""
    db = sqlite3.connect(path)
    db.execute("DELETE FROM events")
    prev = GENESIS
    for seq, ts, actor, kind, payload in rows:
        digest = event_hash(prev, seq, ts, actor, kind, payload)
        db.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", (seq, ts, actor, kind, payload, prev, digest)
        )
        prev = digest
    db.execute("UPDATE meta SET value = ? WHERE key = 'head'", (f"{len(rows)}:{prev}",))
    db.commit()
    db.close()


def test_closing_keeps_the_anchor_in_the_data_folder(tmp_path: Path) -> None:
    path = tmp_path / "a.chairdesk"
    events = _session(path)
    assert anchors_path().parent == Path(os.environ["CHAIRDESK_DATA_DIR"])
    data = json.loads(anchors_path().read_text(encoding="utf-8"))
    (anchor,) = data["files"].values()
    assert anchor["events"] == events and anchor["path"] == str(path.resolve())
    with Session.open(path) as session:
        assert session.warnings == []
        assert session.verify().ok


def test_a_shortened_log_whose_own_checks_pass_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "short.chairdesk"
    events = _session(path)
    _rewrite(path, _rows(path)[:16])  # the last events and the head row cut together
    with Session.open(path) as session:
        assert session.verify().ok  # the file alone cannot tell
        (warning,) = session.warnings
    assert f"this session had {events} events when last closed on this computer; it now has 16" in warning
    assert str(path) in warning


def test_a_rehashed_history_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "rehashed.chairdesk"
    _session(path)
    rows = _rows(path)
    payload = json.loads(rows[5][4])
    payload["text"] = "A paragraph the chair never wrote."
    rows[5][4] = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    _rewrite(path, rows)
    with Session.open(path) as session:
        assert session.verify().ok
        (warning,) = session.warnings
    assert "history differs from the one last closed on this computer" in warning


def test_a_whole_chain_rewritten_from_its_first_event_is_reported_by_path(tmp_path: Path) -> None:
    path = tmp_path / "replaced.chairdesk"
    _session(path)
    rows = _rows(path)
    rows[0][1] = "2020-01-01T00:00:00.000000+00:00"  # a first event of its own: another session's identity
    _rewrite(path, rows)
    with Session.open(path) as session:
        (warning,) = session.warnings
    assert "the file now holds another history" in warning


def test_more_events_written_elsewhere_are_not_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "grown.chairdesk"
    _session(path, 3)
    anchors_path().unlink()  # as if written on another computer
    with Session.open(path) as session:
        drafting.insert_paragraph(session, session.draft.order[0], "One more.")
    with Session.open(path) as session:
        assert session.warnings == []


def test_the_command_line_prints_the_warning(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "cli.chairdesk"
    events = _session(path)
    _rewrite(path, _rows(path)[:16])
    assert main(["info", str(path)]) == 0
    captured = capsys.readouterr()
    assert f"WARNING: {path}: this session had {events} events" in captured.err
    assert "hash chain verified (16 events)" in captured.out
    assert main(["verify", str(path)]) == 1  # the chain alone verifies; the anchor says otherwise
    assert "see the warning above" in capsys.readouterr().out


def _more(path: Path, n: int = 2) -> int:
    """The session goes on in its file: n more paragraphs; returns its event count."""
    with Session.open(path) as session:
        for k in range(n):
            drafting.insert_paragraph(session, session.draft.order[0], f"Later paragraph {k}.")
        return len(session.events)


def test_a_saved_copy_opened_after_the_original_went_on_is_no_alarm(tmp_path: Path) -> None:
    original, copy = tmp_path / "original.chairdesk", tmp_path / "break-copy.chairdesk"
    events = _session(original)
    with Session.open(original) as session:
        session.save_copy(copy)
        drafting.insert_paragraph(session, session.draft.order[0], "After the break.")
        drafting.insert_paragraph(session, session.draft.order[0], "And one more.")
    with Session.open(copy) as session:
        assert len(session.events) == events
        assert session.warnings == [] and session.notes == []
    with Session.open(original) as session:
        assert len(session.events) == events + 2 and session.warnings == []


def test_an_earlier_copy_made_elsewhere_gets_a_note_not_a_warning(tmp_path: Path) -> None:
    original, copy = tmp_path / "original.chairdesk", tmp_path / "by-hand.chairdesk"
    events = _session(original)
    shutil.copy(original, copy)  # a copy made outside chairdesk: no anchor of its own
    total = _more(original)
    with Session.open(copy, read_only=True) as session:
        assert session.warnings == []
        (note,) = session.notes
    assert note.startswith(f"{copy}: an earlier copy of a session last closed on this computer with {total} events")
    assert str(original.resolve()) in note and f"this copy has {events}" in note


def test_a_saved_copy_cut_short_afterwards_is_still_reported(tmp_path: Path) -> None:
    original, copy = tmp_path / "original.chairdesk", tmp_path / "copy.chairdesk"
    events = _session(original)
    with Session.open(original) as session:
        session.save_copy(copy)
    _rewrite(copy, _rows(copy)[:10])
    with Session.open(copy) as session:
        (warning,) = session.warnings
    assert f"this session had {events} events when last closed on this computer; it now has 10" in warning


def test_the_original_cut_short_is_reported_though_a_shorter_copy_exists(tmp_path: Path) -> None:
    original, copy = tmp_path / "original.chairdesk", tmp_path / "copy.chairdesk"
    _session(original)
    with Session.open(original) as session:
        session.save_copy(copy)
    total = _more(original)
    _rewrite(original, _rows(original)[: total - 1])
    with Session.open(original) as session:
        (warning,) = session.warnings
    assert f"this session had {total} events when last closed on this computer; it now has {total - 1}" in warning


def test_a_moved_file_is_the_same_file_untouched_or_cut_short(tmp_path: Path) -> None:
    before, after = tmp_path / "before.chairdesk", tmp_path / "renamed.chairdesk"
    events = _session(before)
    os.rename(before, after)
    with Session.open(after) as session:
        assert session.warnings == [] and session.notes == []
    _rewrite(after, _rows(after)[:12])  # in place: the same file (device and inode)
    with Session.open(after) as session:
        (warning,) = session.warnings
    assert f"this session had {events} events when last closed on this computer; it now has 12" in warning
    assert f"as {before.resolve()}" in warning


def test_two_files_of_one_session_written_in_turn_each_open_clean(tmp_path: Path) -> None:
    original, copy = tmp_path / "original.chairdesk", tmp_path / "copy.chairdesk"
    _session(original)
    with Session.open(original) as first:
        first.save_copy(copy)
        drafting.insert_paragraph(first, first.draft.order[0], "In the original.")
        with Session.open(copy) as second:  # the copy open while the original is
            assert second.warnings == [] and second.notes == []
            drafting.insert_paragraph(second, second.draft.order[0], "In the copy.")
    for path in (copy, original, copy):
        with Session.open(path) as session:
            assert session.warnings == [], path


def test_anchors_kept_by_session_before_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "older.chairdesk"
    events = _session(path)
    (anchor,) = json.loads(anchors_path().read_text(encoding="utf-8"))["files"].values()
    del anchor["file"]
    anchors_path().write_text(json.dumps({"sessions": {anchor["session"]: anchor}, "paths": {}}), encoding="utf-8")
    _rewrite(path, _rows(path)[:16])
    with Session.open(path) as session:
        (warning,) = session.warnings
    assert f"this session had {events} events" in warning


def test_the_command_line_prints_the_note(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    original, copy = tmp_path / "original.chairdesk", tmp_path / "by-hand.chairdesk"
    _session(original)
    shutil.copy(original, copy)
    _more(original)
    assert main(["verify", str(copy)]) == 0
    captured = capsys.readouterr()
    assert "chairdesk: note: " in captured.err and "WARNING" not in captured.err
    assert "hash chain verified" in captured.out
