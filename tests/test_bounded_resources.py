"""Bounded resources and clear messages for hostile input: zip bombs, huge rosters, deep nesting, broken rows,
control characters; each refused with a message naming the file (and row or line), never a traceback."""

from __future__ import annotations

import sqlite3
import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest

from chairdesk.core import floor
from chairdesk.core.draft.importers import MAX_UNPACKED, MAX_XML_PART, read_draft
from chairdesk.core.floor.figures import speaker_figures
from chairdesk.core.floor.roster import MAX_ROSTER, Delegation, RosterError, read_roster_csv
from chairdesk.core.floor.transcript import TranscriptError, read_transcript
from chairdesk.core.log.errors import CorruptSessionError, DraftImportError, RefusedError
from chairdesk.core.log.session import Session
from chairdesk.export.record import CHART_DELEGATIONS, chart_rows, speaking_time_chart

from .floor_support import FakeClock, floor_session

HEADER = "name,code,stakeholder_group,regional_group\n"


# --------------------------------------------------------------------------------------------- zip bombs
def _real_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("A. Overview", level=1)
    document.add_paragraph("States met in Geneva.")
    document.save(str(path))
    return path


def _with_member(source: Path, target: Path, name: str, size: int) -> Path:
    """A copy of a DOCX with one member replaced or added: `size` bytes of spaces, highly compressed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != name:
                new.writestr(info, old.read(info))
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with new.open(info, "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return target


def test_a_docx_whose_document_unpacks_huge_is_refused(tmp_path: Path) -> None:
    bomb = _with_member(
        _real_docx(tmp_path / "real.docx"),
        tmp_path / "bomb.docx",
        "word/document.xml",
        MAX_XML_PART + (1 << 20),
    )
    assert bomb.stat().st_size < 1_000_000  # under 1 MB on disk
    start = time.perf_counter()
    with pytest.raises(DraftImportError, match="word/document.xml inside the DOCX is too large") as caught:
        read_draft(bomb)
    assert str(bomb) in str(caught.value)
    assert time.perf_counter() - start < 5


def test_a_docx_that_unpacks_beyond_the_limit_is_refused(tmp_path: Path) -> None:
    bomb = _with_member(
        _real_docx(tmp_path / "real.docx"),
        tmp_path / "bomb.docx",
        "word/media/image1.png",
        MAX_UNPACKED + (1 << 20),
    )
    with pytest.raises(DraftImportError, match="unpacks to .* MB, more than the 256 MB"):
        read_draft(bomb)


def test_a_docx_that_unpacks_to_more_than_it_declares_is_refused(tmp_path: Path) -> None:
    real = _real_docx(tmp_path / "real.docx")
    liar = tmp_path / "liar.docx"
    with zipfile.ZipFile(real) as old, zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(
                info, old.read(info) + (b" " * 200_000 if info.filename == "word/document.xml" else b"")
            )
    data = bytearray(liar.read_bytes())
    # Rewrite the declared uncompressed size of word/document.xml (local header and central directory) to 1 KB.
    name = b"word/document.xml"
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(signature, at)) != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[at + offset : at + offset + 4] = struct.pack("<I", 1024)
            at += 4
    liar.write_bytes(bytes(data))
    with pytest.raises(DraftImportError, match="damaged|more than it declares"):
        read_draft(liar)


# ----------------------------------------------------------------------------------------------- rosters
def test_a_roster_beyond_the_cap_is_refused_naming_the_row(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    rows = "".join(f"Delegation {n},D{n},government,none\n" for n in range(MAX_ROSTER + 5))
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(RosterError, match=f"at most {MAX_ROSTER:,}") as caught:
        read_roster_csv(path)
    assert str(path) in str(caught.value) and f"row {MAX_ROSTER + 2}" in str(caught.value)


def test_a_five_megabyte_csv_field_is_refused_naming_the_row(tmp_path: Path) -> None:
    path = tmp_path / "field.csv"
    path.write_text(HEADER + "Blue,BLU,government,WEOG\n" + '"' + "x" * 5_000_000 + '",R,government,none\n')
    with pytest.raises(RosterError, match="cannot be read as CSV") as caught:
        read_roster_csv(path)
    assert f"{path}, row 3" in str(caught.value)


def test_control_characters_in_a_roster_name_the_row_and_a_form_feed_is_whitespace(tmp_path: Path) -> None:
    path = tmp_path / "bell.csv"
    path.write_text(HEADER + "Blue,BLU,government,WEOG\nRe\x07d,RED,government,none\n", encoding="utf-8")
    with pytest.raises(RosterError, match="invisible control character \\(U\\+0007\\)") as caught:
        read_roster_csv(path)
    assert f"{path}, row 3" in str(caught.value)
    path.write_text(HEADER + "Blue,BLU,government,WEOG\n\fRed,RED,government,none\n", encoding="utf-8")
    assert [d.name for d in read_roster_csv(path)] == ["Blue", "Red"]


def test_control_characters_in_a_transcript_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "transcript.txt"
    path.write_text("Blue:\nWe agree.\n\fRed:\nWe do not\x1b[2J agree.\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="U\\+001B") as caught:
        read_transcript(path)
    assert f"{path}, line 5" in str(caught.value)
    path.write_text("Blue:\nWe agree.\n\fRed:\nWe do not.\n", encoding="utf-8")
    assert "We do not." in read_transcript(path)


# --------------------------------------------------------------------------------------------- the chart
def test_the_chart_is_readable_at_the_largest_roster(tmp_path: Path) -> None:
    clock = FakeClock()
    roster = [Delegation(f"D{n}", f"Delegation {n} $x^2$") for n in range(MAX_ROSTER)]
    session = floor_session(tmp_path, clock, roster)
    try:
        for n in range(0, MAX_ROSTER, 40):
            floor.request_floor(session, f"D{n}")
            floor.next_speaker(session)
            clock.tick(30 + n % 97)
            floor.end_intervention(session)
        figures = speaker_figures(session.state)
    finally:
        session.close()
    rows = chart_rows(figures)
    assert len(rows) == CHART_DELEGATIONS and rows[-1][0] == f"{MAX_ROSTER - CHART_DELEGATIONS + 1:,} others"
    start = time.perf_counter()
    png = speaking_time_chart(figures)
    assert time.perf_counter() - start < 30
    width, height = struct.unpack(">II", png[16:24])
    assert height < 3000 and width < 2000


# --------------------------------------------------------------------------------------------- event rows
def _session_with_row(path: Path, sql: str, *params: object) -> Path:
    Session.create(path, "Rows").close()
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO events SELECT 2, ts, actor, 'meeting.set', payload, hash, hash FROM events WHERE seq = 1"
    )
    db.execute(sql, params)
    db.commit()
    db.close()
    return path


@pytest.mark.parametrize(
    ("sql", "params", "words"),
    [
        (
            "UPDATE events SET payload = ? WHERE seq = 2",
            ("[" * 100_000 + "]" * 100_000,),
            "event 2 is unreadable",
        ),
        ("UPDATE events SET payload = 'null' WHERE seq = 2", (), "event 2 is unreadable"),
        (
            "UPDATE events SET ts = 'the day after' WHERE seq = 2",
            (),
            "event 2 has a timestamp that is not a time",
        ),
        ("UPDATE events SET actor = X'00ff' WHERE seq = 2", (), "event 2 is unreadable"),
    ],
)
def test_hostile_rows_are_refused_naming_the_event(
    tmp_path: Path, sql: str, params: tuple, words: str
) -> None:
    path = _session_with_row(tmp_path / "rows.chairdesk", sql, *params)
    with pytest.raises(CorruptSessionError, match=words) as caught:
        Session.open(path)
    assert str(path) in str(caught.value)


def test_a_deeply_nested_payload_is_refused_by_record(tmp_path: Path) -> None:
    nested: object = "x"
    for _ in range(100_000):
        nested = [nested]
    with Session.create(tmp_path / "deep.chairdesk", "Deep") as session:
        with pytest.raises(RefusedError, match="nested too deeply"):
            session.record("meeting.set", {"title": nested})
        assert len(session.events) == 1
