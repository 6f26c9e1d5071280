"""Every export carries the record's seal; a file is verified against an export; a broken record is not
exported (or, forced, is marked on every page)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import docx
import pytest

from chairdesk.cli import main
from chairdesk.core.adoption.model import text_hash
from chairdesk.core.log.session import Session
from chairdesk.export import ExportError, export_record, export_redline, export_report
from chairdesk.export.seal import FAILED_MARK

from .conftest import build_small_session


def _footer(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).sections[0].footer.paragraphs)


def _header(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).sections[0].header.paragraphs)


def test_the_report_shows_the_record_and_the_endorsed_hash(full_session: Session, tmp_path: Path) -> None:
    out = export_report(full_session, tmp_path / "report.docx")
    footer = _footer(out)
    events = full_session.events
    assert f"Record: {len(events)} events; hash of event {len(events)}: {events[-1].hash}" in footer
    assert f"SHA-256 of the text kept at endorsement: {text_hash(full_session.draft)}" in footer
    assert full_session.state.adoption.report_hash == text_hash(full_session.draft)


def test_the_record_carries_its_seal_in_full(full_session: Session, tmp_path: Path) -> None:
    text = export_record(full_session, tmp_path / "record.md").read_text(encoding="utf-8")
    seal = text.split("## The record's seal", 1)[1]
    assert "hash chain verified" in seal
    assert f"Hash of event 1: {full_session.events[0].hash}" in seal
    assert f"hash of event {len(full_session.events)}: {full_session.events[-1].hash}" in seal
    assert "SHA-256 of the text kept at endorsement" in seal


def _verify(session_path: Path, export: Path, capsys) -> tuple[int, str]:  # noqa: ANN001
    code = main(["verify", str(session_path), "--against", str(export)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_verify_against_report_and_record(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "s.chairdesk"
    with build_small_session(path, full=True) as session:
        report = export_report(session, tmp_path / "report.docx")
        record = export_record(session, tmp_path / "record.md")
        record_docx = export_record(session, tmp_path / "record.docx")
        count = len(session.events)
    for export in (report, record, record_docx):
        code, out = _verify(path, export, capsys)
        assert code == 0, out
        assert f"matches event {count} of this file" in out
    code, out = _verify(path, report, capsys)
    assert "recomputed from the replayed text; it matches" in out

    # The same file after a rewrite whose own checks pass: cut to 10 events with the head row.
    db = sqlite3.connect(path)
    db.execute("DELETE FROM events WHERE seq > 10")
    db.execute("UPDATE meta SET value = (SELECT '10:' || hash FROM events WHERE seq = 10) WHERE key = 'head'")
    db.commit()
    db.close()
    code, out = _verify(path, report, capsys)
    assert code == 1
    assert f"made from a record of {count} events; this file has only 10" in out


def test_verify_against_a_report_whose_endorsed_hash_was_edited(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "s.chairdesk"
    with build_small_session(path, full=True) as session:
        record = export_record(session, tmp_path / "record.md")
        real = text_hash(session.draft)
    record.write_text(record.read_text(encoding="utf-8").replace(real, "0" * 64), encoding="utf-8")
    code, out = _verify(path, record, capsys)
    assert code == 1
    assert "does not match the text replayed from this file" in out


def test_verify_against_a_file_that_is_no_export(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "s.chairdesk"
    build_small_session(path).close()
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n", encoding="utf-8")
    code, out = _verify(path, notes, capsys)
    assert code == 2 and "carries no record seal" in out


def _break_one_payload(path: Path) -> None:
    db = sqlite3.connect(path)
    seq, payload = db.execute(
        "SELECT seq, payload FROM events WHERE kind = 'draft.paragraph.insert' ORDER BY seq LIMIT 1"
    ).fetchone()
    data = json.loads(payload)
    data["text"] = "States agreed to everything."
    db.execute("UPDATE events SET payload = ? WHERE seq = ?", (json.dumps(data), seq))
    db.commit()
    db.close()


def test_a_broken_record_is_not_exported(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "s.chairdesk"
    build_small_session(path, full=True).close()
    _break_one_payload(path)
    with Session.open(path) as session:
        for export in (export_report, export_redline, export_record):
            target = tmp_path / f"{export.__name__}.docx"
            with pytest.raises(ExportError, match="failed verification") as caught:
                export(session, target)
            assert str(target) in str(caught.value)
            assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.chairdesk"]
    code = main(["export", str(path), "--report", str(tmp_path / "r.docx")])
    assert code == 2 and "--force" in capsys.readouterr().err
    assert not (tmp_path / "r.docx").exists()


def test_forced_exports_of_a_broken_record_are_marked_on_every_page(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "s.chairdesk"
    build_small_session(path, full=True).close()
    _break_one_payload(path)
    args = ["export", str(path), "--force", "--report", str(tmp_path / "r.docx")]
    args += ["--redline", str(tmp_path / "l.docx"), "--record", str(tmp_path / "x.md")]
    assert main(args) == 0
    assert FAILED_MARK in _header(tmp_path / "r.docx")
    assert FAILED_MARK in _header(tmp_path / "l.docx")
    assert (tmp_path / "x.md").read_text(encoding="utf-8").startswith(f"**{FAILED_MARK}**")
    with Session.open(path) as session:
        out = export_record(session, tmp_path / "x.docx", force=True)
    assert FAILED_MARK in _header(out)
