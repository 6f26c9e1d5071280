"""Anchors outside the file: a session shortened or rewritten since this computer closed it is reported."""

from __future__ import annotations

import json
import os
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
    (anchor,) = data["sessions"].values()
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
