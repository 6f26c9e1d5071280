"""The record of a workshop (issue 21): running order as planned and as held, written interventions with their
text, written ones counted apart in the figures, diversity planned and achieved; Markdown and DOCX."""

from __future__ import annotations

from pathlib import Path

import docx

from chairdesk.export import export_record
from chairdesk.export.record import build_record
from tests.floor_support import FakeClock
from tests.workshop_support import COMMENTS, play_workshop, workshop_session


def _played(tmp_path: Path):
    clock = FakeClock()
    session = workshop_session(tmp_path, clock)
    play_workshop(session, clock)
    return session


def test_record_tables(tmp_path: Path) -> None:
    session = _played(tmp_path)
    record = build_record(session)
    header, rows = record.workshop.running_order
    assert len(rows) == 10
    assert rows[2][1] == "Mei Tanaka (3:00)" and rows[2][2].startswith("Jonas Berg, 10:")
    assert rows[3][1] == "Jonas Berg (3:00)" and rows[3][2].startswith("Mei Tanaka, 10:")
    assert rows[9][2].endswith("3:04")
    header, rows = record.workshop.written
    assert [r[2].removesuffix(" [asked to speak]") for r in rows] == [text for _, text, _ in COMMENTS]
    assert rows[1][2].endswith("[asked to speak]") and rows[1][4] == "not read out"
    assert rows[0][1] == "Nadia Haddad (SMEX)" and rows[0][3] == "Ines (online moderator)"
    assert rows[0][4].startswith("Ines (online moderator), ") and rows[0][4].endswith("0:25")
    assert rows[3][3] == "the Chair"
    counts = dict(record.counts())
    assert counts["Written intervention"] == 4 + 3 * 2  # logged, then read out (begin and end)
    assert "Nadia Haddad" in " ".join(e.text for e in record.entries if e.kind == "written")
    session.close()


def test_markdown_and_docx_show_each(tmp_path: Path) -> None:
    session = _played(tmp_path)
    text = export_record(session, tmp_path / "record.md").read_text(encoding="utf-8")
    for heading in ("## Running order", "## Written interventions", "## Diversity planned and achieved"):
        assert heading in text
    assert "| Delegation | Group | Interventions | Written |" in text
    assert "| Grace Wanjiru | private sector | 0 | 1 |" in text
    assert "How do the panelists see the role of the IGF in the WSIS+20 review?" in text
    document = docx.Document(str(export_record(session, tmp_path / "record.docx")))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Running order" in paragraphs and "Written interventions" in paragraphs
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for _, comment, _ in COMMENTS:
        assert any(c.startswith(comment) for c in cells)
    assert "Written" in cells and "Only wrote" in cells
    session.close()
