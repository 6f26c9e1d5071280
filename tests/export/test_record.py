"""The record of the session in Markdown and DOCX: every event, in order, with its time and kind."""

from __future__ import annotations

from pathlib import Path

import docx

from chairdesk.core.session import Session
from chairdesk.core.state import SessionState
from chairdesk.export.record import build_record, export_record, kind_of, minutes_seconds
from chairdesk.export.record_md import chart_path


def _described(session: Session) -> list[str]:
    state = SessionState()
    out = []
    for event in session.events:
        out.append(state.describe(event))
        state.apply(event)
    return out


def test_markdown_record_lists_every_event_in_order(small_session: Session, tmp_path: Path) -> None:
    out = export_record(small_session, tmp_path / "record.md")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Record of the session\n\n**Open-ended working group on ICT security**\n")
    assert "### Thursday 26 November 2026" in text
    rows = [line for line in text.splitlines() if line.startswith("| 09:")]
    assert len(rows) == len(small_session.events)
    assert rows[0].startswith("| 09:00:00 | Meeting | Meeting details set:")
    assert rows[14] == (
        "| 09:14:00 | Proposal | Blue proposed for paragraph 6: "
        "\u201cSupport developing countries and small island States.\u201d. |"
    )
    assert "| 09:19:00 | Text change | Yellow inserted a new paragraph" in text
    assert "| 09:12:00 | Baseline | The Chair marked the text as it stands as 'Tabled draft'. |" in text
    times = [row.split(" | ")[0] for row in rows]
    assert times == sorted(times)
    assert not chart_path(out).exists()  # no floor figures in this session, so no chart


def test_docx_record_has_the_same_chronology(small_session: Session, tmp_path: Path) -> None:
    out = export_record(small_session, tmp_path / "record.docx")
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "Record of the session"
    assert "Chronology" in [p.text for p in document.paragraphs if p.style.name == "Chairdesk Section"]
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Time", "Kind", "What happened"]
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [row[2] for row in body] == _described(small_session)
    assert body[-1][:2] == ["09:21:00", "Text change"]


def test_record_entries_are_sorted_into_kinds(small_session: Session) -> None:
    record = build_record(small_session)
    assert dict(record.counts()) == {"Meeting": 1, "Proposal": 2, "Text change": 18, "Baseline": 1}
    assert kind_of("adoption.object", {}) == "objection"
    assert kind_of("adoption.report.adopt", {}) == "final"
    assert kind_of("floor.start", {"kind": "point of order"}) == "point of order"
    assert minutes_seconds(185) == "3:05" and minutes_seconds(3725) == "1:02:05"


def test_markdown_escapes_table_cells(tmp_path: Path) -> None:
    with Session.create(tmp_path / "pipes.chairdesk", "Group A | Group B") as session:
        text = export_record(session, tmp_path / "record.md").read_text(encoding="utf-8")
    assert "title 'Group A \\| Group B'" in text


def test_record_with_floor_and_adoption_has_interventions_figures_and_chart(
    full_session: Session, tmp_path: Path
) -> None:
    out = export_record(full_session, tmp_path / "record.docx")
    document = docx.Document(str(out))
    sections = [p.text for p in document.paragraphs if p.style.name == "Chairdesk Section"]
    assert sections == ["Chronology", "Adoption", "Interventions", "Speaker figures"]
    tables = {t.rows[0].cells[0].text + "/" + t.rows[0].cells[1].text: t for t in document.tables}
    interventions = [[c.text for c in row.cells] for row in tables["Start/Delegation"].rows[1:]]
    assert interventions == [
        ["09:26:00", "Blue", "speaker", "1:00", "section B"],
        ["09:28:00", "Cyber Peace Network", "speaker", "2:00", "section B"],
        ["09:29:00", "Red", "point of order", "1:00", ""],
        ["09:32:00", "Yellow", "speaker", "1:00", "section B"],
    ]
    figures = {row.cells[0].text: [c.text for c in row.cells] for row in tables["Delegation/Group"].rows[1:]}
    assert figures["Blue"][2:4] == ["1", "1:00"] and figures["Green"][2:4] == ["0", "0:00"]
    groups = {
        row.cells[0].text: row.cells[4].text for row in tables["Stakeholder group/On the roster"].rows[1:]
    }
    assert groups == {"government": "60%", "civil society": "40%", "technical community": "0%"}
    chronology = [[c.text for c in row.cells] for row in document.tables[0].rows[1:]]
    kinds = {row[1] for row in chronology}
    assert {"Floor", "Point of order", "Objection", "Adoption step", "Final adoption"} <= kinds
    assert ["09:37:00", "Objection"] == [r[:2] for r in chronology if r[1] == "Objection"][0]
    images = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert len(images) == 1 and images[0].target_part.blob.startswith(b"\x89PNG")


def test_markdown_record_links_its_chart(full_session: Session, tmp_path: Path) -> None:
    out = export_record(full_session, tmp_path / "record.md")
    text = out.read_text(encoding="utf-8")
    assert "![Speaking time per delegation and stakeholder group](record-speaking-time.png)" in text
    assert (tmp_path / "record-speaking-time.png").read_bytes().startswith(b"\x89PNG")
    assert "| 09:29:00 | Red | point of order | 1:00 |  |" in text
    assert "The report was adopted and endorsed on 26 November 2026." in text
