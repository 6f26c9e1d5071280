"""The streamed record export (issue 15) writes the same document as the record built whole in memory: same
paragraphs and styles, same table cells, same word/document.xml byte for byte, same Markdown; read from the
log in chunks; still verified first and sealed, so `chairdesk verify --against` passes on it."""

from __future__ import annotations

import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest

from chairdesk.core import drafting as ops
from chairdesk.core import floor
from chairdesk.core.log.errors import CorruptSessionError
from chairdesk.core.log.session import Session
from chairdesk.core.log.stream import first_seq_of_kind, iter_events
from chairdesk.core.replay.operations import Replay
from chairdesk.export import export_record
from chairdesk.export.base import STYLE_SECTION, STYLE_TEXT, ExportError, save_docx
from chairdesk.export.record import KINDS, build_record, export_moment
from chairdesk.export.record_docx import build_record_docx
from chairdesk.export.record_docx_stream import ChronologyXml, xml_text
from chairdesk.export.record_md import record_markdown
from chairdesk.export.seal import seal_of, verify_against
from tests.floor_support import FakeClock
from tests.workshop_support import play_workshop, workshop_session

from .test_record_procedure import mun_session
from .test_schema import _every_kind_of_change, _sample_after_a_sitting


def _with_awkward_text(folder: Path) -> Session:
    """The sample after a sitting (the next day), then text XML and Markdown must escape, a right of reply."""
    session = _sample_after_a_sitting(folder)
    section = session.draft.order[0]
    ops.insert_paragraph(session, section, "Fish & chips <b>bold</b> \"q\" 'a'\r\nline\ttab | * _ # [x](y)")
    floor.request_floor(session, "BLU", kind="right of reply")
    floor.end_item(session)  # a right of reply is heard at the end of the item
    floor.next_speaker(session)
    floor.end_intervention(session)
    return session


def _workshop(folder: Path) -> Session:
    clock = FakeClock()
    session = workshop_session(folder, clock)
    play_workshop(session, clock)
    return session


def _found_damaged(folder: Path) -> Session:
    """A session whose last event was deleted by hand, reopened: the next step records the finding first."""
    path = folder / "cut.chairdesk"
    with Session.create(path, "Cut short") as session:
        section = ops.add_section(session, "Overview").subject
        for n in range(3):
            ops.insert_paragraph(session, section, f"States recalled point {n}.")
        count = session.log.count
    db = sqlite3.connect(path)
    db.execute("DELETE FROM events WHERE seq = ?", (count,))
    db.commit()
    db.close()
    session = Session.open(path)
    ops.insert_paragraph(session, section, "Recorded after the finding.")
    return session


BUILDERS: dict[str, Callable[[Path], Session]] = {
    "every-change": _every_kind_of_change,  # draft, floor (point of order), adoption, vote, final adoption
    "sample-sitting": _with_awkward_text,  # the bundled sample, a sitting the next day, a right of reply
    "model-un": mun_session,  # procedure
    "workshop": _workshop,  # written interventions, running order
    "found-damaged": _found_damaged,  # the file found cut short on open: the finding in the record
}


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Session]:
    """Each session built once, its clock stopped (the export's moment is the same for both ways)."""
    opened = {}
    for name, build in BUILDERS.items():
        session = build(tmp_path_factory.mktemp(name))
        moment = datetime.fromisoformat(session.events[-1].ts) + timedelta(minutes=5)
        session.clock = lambda moment=moment: moment.astimezone(UTC)
        opened[name] = session
    yield opened
    for session in opened.values():
        session.close()


def _whole_docx(session: Session, path: Path) -> Path:
    """The record as the export wrote it before it was streamed: every entry in a python-docx tree."""
    document = build_record_docx(build_record(session))
    document.add_paragraph("The record's seal", style=STYLE_SECTION)
    for line in seal_of(session).full_lines():
        document.add_paragraph(line, style=STYLE_TEXT)
    return save_docx(document, path)


def _whole_markdown(session: Session) -> str:
    record = build_record(session)
    chart = "record-speaking-time.png" if record.spoke else None
    seal = "\n\n".join(seal_of(session).full_lines())
    return record_markdown(record, chart) + f"\n## The record's seal\n\n{seal}\n"


def _read_back(path: Path) -> tuple[list[tuple[str, str]], list[list[list[str]]]]:
    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return paragraphs, tables


def test_the_sessions_hold_every_kind_of_entry(sessions: dict[str, Session]) -> None:
    kinds = {e.kind for s in sessions.values() for e in build_record(s).entries}
    assert kinds == set(KINDS) - {"other"}  # every event kind chairdesk records falls in a named kind


@pytest.mark.parametrize("name", BUILDERS)
def test_the_streamed_docx_is_the_document_built_whole(
    name: str, sessions: dict[str, Session], tmp_path: Path
) -> None:
    session = sessions[name]
    whole = _whole_docx(session, tmp_path / "whole.docx")
    streamed = export_record(session, tmp_path / "streamed.docx")
    paragraphs, tables = _read_back(streamed)
    assert (paragraphs, tables) == _read_back(whole)
    chronology = [table for table in tables if table[0] == ["Time", "Kind", "What happened"]]
    assert sum(len(table) - 1 for table in chronology) == len(build_record(session).entries)
    with zipfile.ZipFile(whole) as a, zipfile.ZipFile(streamed) as b:
        assert a.namelist() == b.namelist()
        for part in a.namelist():
            assert a.read(part) == b.read(part), part  # document.xml included, byte for byte
    ok, lines = verify_against(session, streamed)
    assert ok, lines


def test_the_sample_sitting_spans_two_days(sessions: dict[str, Session], tmp_path: Path) -> None:
    """More than one day: a heading and a table per day, as the whole build has them."""
    paragraphs, tables = _read_back(export_record(sessions["sample-sitting"], tmp_path / "r.docx"))
    days = [text for style, text in paragraphs if style == "Chairdesk Subheading" and text.endswith("2026")]
    assert len(days) >= 2 and len(set(days)) == len(days)
    assert all(table[0] == ["Time", "Kind", "What happened"] for table in tables[: len(days)])


@pytest.mark.parametrize("name", BUILDERS)
def test_the_streamed_markdown_is_the_text_built_whole(
    name: str, sessions: dict[str, Session], tmp_path: Path
) -> None:
    session = sessions[name]
    out = export_record(session, tmp_path / "record.md")
    assert out.read_text(encoding="utf-8") == _whole_markdown(session)
    ok, lines = verify_against(session, out)
    assert ok, lines


def test_awkward_text_reaches_the_cells_unchanged(sessions: dict[str, Session], tmp_path: Path) -> None:
    _, tables = _read_back(export_record(sessions["sample-sitting"], tmp_path / "r.docx"))
    cells = [row[2] for table in tables for row in table]
    assert any("Fish & chips <b>bold</b> \"q\" 'a'\r\nline\ttab | * _ # [x](y)" in cell for cell in cells)
    assert xml_text("a & <b>\r") == b"a &amp; &lt;b&gt;&#13;"


def test_a_replayed_moment_is_exported_streamed_too(sessions: dict[str, Session], tmp_path: Path) -> None:
    """`chairdesk export --event N` exports a view of the session (no log file of its own) the same way."""
    session = sessions["every-change"]
    replay = Replay(session)
    view = replay.session_at(len(replay) // 2)
    view.clock = session.clock  # type: ignore[attr-defined]
    out = export_record(view, tmp_path / "half.md")  # type: ignore[arg-type]
    text = out.read_text(encoding="utf-8")
    assert f"Record: {len(replay) // 2} events;" in text
    assert text.count("\n| ") > 10
    assert export_moment(view) >= view.events[-1].ts  # type: ignore[arg-type]


def test_events_are_read_from_the_file_in_chunks(sessions: dict[str, Session]) -> None:
    session = sessions["model-un"]
    assert list(iter_events(session, chunk=7)) == session.events
    assert first_seq_of_kind(session, "procedure.rules") == next(
        e.seq for e in session.events if e.kind == "procedure.rules"
    )
    assert first_seq_of_kind(session, "draft.baseline") is None


def test_a_file_changed_after_it_was_read_is_not_streamed(tmp_path: Path) -> None:
    """The record streamed is the history that was verified: a row rewritten in the file meanwhile is refused."""
    session = _workshop(tmp_path)
    path = session.path
    session.close()
    reader = Session.open(path, read_only=True)
    assert len(reader.events) > 5  # read (an open from a snapshot reads the events on first use only)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE events SET hash = ? WHERE seq = 5", ("0" * 64,))
    with pytest.raises(CorruptSessionError, match="event 5 in the file is not the one read"):
        list(iter_events(reader, chunk=3))
    reader.close()


def test_the_chronology_template_is_found_once_or_refused() -> None:
    with pytest.raises(ValueError, match="exactly once"):
        ChronologyXml.cut(b"<w:body><w:p><w:r><w:t>m:start</w:t></w:r></w:p></w:body>", "m")


@pytest.mark.parametrize("name", ["record.docx", "record.md"])
def test_no_room_for_the_spool_is_refused_naming_the_file(
    name: str, sessions: dict[str, Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no such folder"))
    with pytest.raises(ExportError, match=rf"{name}: not written: the temporary file of its entries failed"):
        export_record(sessions["model-un"], tmp_path / name)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
