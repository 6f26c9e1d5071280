"""What chairdesk writes cannot be turned against its reader: CSV cells never run as formulas and are written
atomically, the Markdown record shows names and text literally, the terminal shows control characters
visibly, and titles of any length export."""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
from pathlib import Path
from urllib.parse import unquote

import docx
import pytest

from chairdesk.cli import main
from chairdesk.core import adoption, drafting, floor
from chairdesk.core.floor.csv_files import CsvWriteError
from chairdesk.core.floor.figures import speaker_figures, write_figures_csv
from chairdesk.core.floor.operations import set_roster
from chairdesk.core.floor.roster import Delegation, read_roster_csv, write_roster_csv
from chairdesk.core.log.session import Session
from chairdesk.export import export_record, export_redline, export_report

from ..floor_support import ROSTER, FakeClock, floor_session

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"]


def _hostile_roster() -> list[Delegation]:
    extra = [Delegation(f"F{n}", name) for n, name in enumerate(FORMULAS)]
    return [*ROSTER, *extra]


def test_roster_cells_that_look_like_formulas_are_escaped_and_read_back(tmp_path: Path) -> None:
    out = write_roster_csv(_hostile_roster(), tmp_path / "roster.csv")
    cells = [row[0] for row in csv.reader(out.read_text(encoding="utf-8").splitlines())]
    assert cells[-len(FORMULAS) :] == [f"'{formula}" for formula in FORMULAS]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    names = [d.name for d in read_roster_csv(out)]
    assert names[-len(FORMULAS) :] == FORMULAS


def test_figures_csv_escapes_formulas(tmp_path: Path) -> None:
    clock = FakeClock()
    session = floor_session(tmp_path, clock, _hostile_roster())
    try:
        floor.request_floor(session, "F0")
        floor.next_speaker(session)
        clock.tick(30)
        floor.end_intervention(session)
        out = write_figures_csv(speaker_figures(session.state), tmp_path / "figures.csv")
    finally:
        session.close()
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "\n=" not in text and ",=" not in text


def test_a_failed_csv_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "roster.csv"
    write_roster_csv(ROSTER, target)
    good = target.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(CsvWriteError, match="No space left on device") as caught:
        write_roster_csv(_hostile_roster(), target)
    assert str(target) in str(caught.value)
    assert target.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.csv"]


def _hostile_session(path: Path) -> Session:
    session = Session.create(path, "<script>alert(1)</script> meeting", clock=FakeClock())
    set_roster(session, [Delegation("BLU", "![x](http://attacker.example/beacon.png)"), *ROSTER[1:]])
    section = drafting.add_section(session, "Overview").subject
    drafting.insert_paragraph(session, section, "States met.")
    drafting.mark_baseline(session, "Tabled draft")
    adoption.take_up(session, section)
    adoption.record_objection(session, section, "BLU", "[click here](javascript:alert(1)) <img src=x>")
    return session


def test_the_markdown_record_shows_names_and_text_literally(tmp_path: Path) -> None:
    with _hostile_session(tmp_path / "h.chairdesk") as session:
        text = export_record(session, tmp_path / "record.md").read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text
    assert not re.search(r"(?<!\\)\]\(", text), "a link or image whose ] is not escaped"
    assert "!\\[x\\](http://attacker.example/beacon.png)" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; meeting" in text
    assert "\\[click here\\](javascript:alert(1))" in text


def test_the_chart_link_works_with_spaces_and_parentheses(tmp_path: Path) -> None:
    clock = FakeClock()
    session = floor_session(tmp_path, clock)
    try:
        floor.request_floor(session, "BLU")
        floor.next_speaker(session)
        clock.tick(60)
        floor.end_intervention(session)
        out = export_record(session, tmp_path / "my record (final).md")
    finally:
        session.close()
    link = out.read_text(encoding="utf-8").split("](", 1)[1].split(")", 1)[0]
    assert " " not in link and "(" not in link
    assert (tmp_path / unquote(link)).is_file()


def test_info_shows_control_characters_visibly(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "esc.chairdesk"
    Session.create(path, "Plain").close()
    db = sqlite3.connect(path)
    payload = json.loads(db.execute("SELECT payload FROM events WHERE seq = 1").fetchone()[0])
    payload["title"] = "\x1b]0;owned\x07\x1b[31mRED\x1b[0m"
    db.execute("UPDATE events SET payload = ? WHERE seq = 1", (json.dumps(payload),))
    db.commit()
    db.close()
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;owned\\x07\\x1b[31mRED\\x1b[0m" in out


def test_titles_of_any_length_export(tmp_path: Path) -> None:
    title = "Outcome document of the open-ended working group " * 8  # 400 characters
    with Session.create(tmp_path / "long.chairdesk", title.strip()) as session:
        drafting.set_title(session, title.strip())
        section = drafting.add_section(session, "Overview").subject
        drafting.insert_paragraph(session, section, "States met.")
        outs = [
            export_report(session, tmp_path / "report.docx"),
            export_redline(session, tmp_path / "redline.docx"),
            export_record(session, tmp_path / "record.docx"),
        ]
    for out in outs:
        document = docx.Document(str(out))
        assert len(document.core_properties.title) <= 255
        assert document.core_properties.title.endswith("\u2026")
    assert title.strip() in [p.text for p in docx.Document(str(outs[0])).paragraphs]
