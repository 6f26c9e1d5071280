"""The record of the session in Markdown and DOCX: every event, in order, with its time and kind."""

from __future__ import annotations

from pathlib import Path

import docx

from chairdesk.core import drafting as ops
from chairdesk.core.floor.operations import set_roster
from chairdesk.core.log.components import new_state
from chairdesk.core.log.session import Session
from chairdesk.export import export_record
from chairdesk.export.record import build_record, kind_of, minutes_seconds
from chairdesk.export.record_md import chart_path

from .conftest import ROSTER, fixed_clock


def _described(session: Session) -> list[str]:
    state = new_state()
    out = []
    for event in session.events:
        out.append(state.describe(event))
        state.apply(event)
    return out


def test_markdown_record_lists_every_event_after_the_tabling_in_order(
    small_session: Session, tmp_path: Path
) -> None:
    out = export_record(small_session, tmp_path / "record.md")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Record of the session\n\n**Open-ended working group on ICT security**\n")
    assert "### Thursday 26 November 2026" in text
    rows = [line for line in text.splitlines() if line.startswith("| 09:")]
    tabled = small_session.draft.baselines[0].seq  # the 12 draft events up to it are one entry
    assert len(rows) == len(small_session.events) - tabled + 2
    assert rows[0].startswith("| 09:00:00 | Meeting | Meeting details set:")
    assert (
        rows[1]
        == "| 09:12:00 | Tabling | The draft was tabled as 'Tabled draft': 3 sections, 6 paragraphs. |"
    )
    assert rows[3] == (
        "| 09:14:00 | Proposal | Blue proposed for paragraph 6: "
        "\u201cSupport developing countries and small island States.\u201d |"
    )
    assert "| 09:19:00 | Text change | Yellow inserted a new paragraph" in text
    assert "inserted a new paragraph at the start" not in text  # the building of the tabled draft
    assert "11 entries (Meeting: 1; Tabling: 1; Proposal: 2; Text change: 7)." in text
    assert "The tabling entry stands for the 12 events that built the tabled draft." in text
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
    tabled = small_session.draft.baselines[0].seq
    assert body[1] == [
        "09:12:00",
        "Tabling",
        "The draft was tabled as 'Tabled draft': 3 sections, 6 paragraphs.",
    ]
    assert [body[0][2]] + [row[2] for row in body[2:]] == [
        text for seq, text in enumerate(_described(small_session), 1) if seq == 1 or seq > tabled
    ]
    assert body[-1][:2] == ["09:21:00", "Text change"]


def test_record_entries_are_sorted_into_kinds(small_session: Session) -> None:
    record = build_record(small_session)
    assert dict(record.counts()) == {"Meeting": 1, "Tabling": 1, "Proposal": 2, "Text change": 7}
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
    assert sections == ["Chronology", "Adoption", "Interventions", "Speaker figures", "The record's seal"]
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


def test_tabling_keeps_meeting_and_roster_events_in_place(tmp_path: Path) -> None:
    with Session.create(tmp_path / "t.chairdesk", "Working group", clock=fixed_clock()) as session:
        a = ops.add_section(session, "Overview").subject
        set_roster(session, ROSTER[:2])  # between two draft events: keeps its own entry
        ops.insert_paragraph(session, a, "States met.")
        ops.add_subheading(session, a, "Next steps")
        ops.insert_paragraph(session, a, "States will meet again.", subparagraphs=["in 2027;", "online."])
        ops.mark_baseline(session, "Tabled draft")
        ops.amend_paragraph(session, session.draft.live_paragraphs()[0].id, "States met in Geneva.")
        ops.mark_baseline(session, "Second reading")
        record = build_record(session)
    assert [(e.time, e.label, e.text) for e in record.entries] == [
        ("09:00:00", "Meeting", "Meeting details set: title 'Working group'."),
        ("09:02:00", "Roster", "The roster was set: 2 delegations."),
        ("09:06:00", "Tabling", "The draft was tabled as 'Tabled draft': 1 section, 2 paragraphs."),
        ("09:07:00", "Text change", "The Chair inserted 'in Geneva' in paragraph 1."),
        ("09:08:00", "Baseline", "The Chair marked the text as it stands as 'Second reading'."),
    ]
    assert record.tabling_events == 5


def test_without_a_baseline_the_record_lists_every_draft_event(tmp_path: Path) -> None:
    with Session.create(tmp_path / "n.chairdesk", "Working group", clock=fixed_clock()) as session:
        a = ops.add_section(session, "Overview").subject
        ops.insert_paragraph(session, a, "States met.")
        record = build_record(session)
        described = _described(session)
    assert [e.text for e in record.entries] == described
    assert [e.label for e in record.entries] == ["Meeting", "Text change", "Text change"]
    assert record.tabling_events == 0
    assert record.summary() == "3 entries (Meeting: 1; Text change: 2). Times are UTC."


def test_markdown_title_block_lines_are_separate_paragraphs(small_session: Session, tmp_path: Path) -> None:
    # Adjacent lines are one paragraph to a Markdown viewer: the title block would read as one run-on line.
    text = export_record(small_session, tmp_path / "record.md").read_text(encoding="utf-8")
    head = text.split("## Chronology")[0]
    assert [block.strip() for block in head.split("\n\n") if block.strip()][:5] == [
        "# Record of the session",
        "**Open-ended working group on ICT security**",
        "United Nations General Assembly",
        "Geneva, 24\u201328 November 2026",
        "Document: Draft outcome document",
    ]


def test_the_record_says_adopted_over_an_objection_and_what_lapsed(full_session: Session) -> None:
    record = build_record(full_session)
    texts = [e.text for e in record.entries]
    assert (
        "Section B, Confidence-building measures and cooperation, was adopted as amended, Red objecting."
        in texts
    )
    assert any(what.endswith("(Red objecting)") for _, what in record.adoption)
