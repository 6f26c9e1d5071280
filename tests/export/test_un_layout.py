"""A resolution in the report and the redline: unnumbered preambular paragraphs, (a) and (i) levels, italic
opening words, A4 paper; Accept All and Reject All give the two texts."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from chairdesk.export import export_redline, export_report, report_text

from .docx_text import NS, body_xml, revision_view
from .resolution import build_resolution


def test_report_has_the_resolution_shape(tmp_path: Path) -> None:
    session = build_resolution(tmp_path / "res.chairdesk")
    try:
        out = export_report(session, tmp_path / "report.docx")
    finally:
        session.close()
    document = docx.Document(str(out))
    body = [(p.style.name, p.text) for p in document.paragraphs][3:]
    assert body == [
        ("Chairdesk Section", "A. Draft resolution"),
        ("Chairdesk Preambular", "Recalling its earlier work on shared waters,"),
        ("Chairdesk Preambular", "Welcoming the offer of the host city,"),
        ("Chairdesk Preambular", "Noting with concern the loss of tidal wetlands,"),
        ("Chairdesk Paragraph", "1.\tUrges the secretariat:"),
        ("Chairdesk Subparagraph", "(a)\tto gather the data;"),
        ("Chairdesk Subsubparagraph", "(i)\tfrom river members;"),
        ("Chairdesk Subsubparagraph", "(ii)\tfrom island members;"),
        ("Chairdesk Subparagraph", "(b)\tto report."),
        ("Chairdesk Paragraph", "2.\tAlso decides to meet again next year."),
    ]
    italics = [r.text for p in document.paragraphs for r in p.runs if r.italic]
    assert italics == ["Recalling", "Welcoming", "Noting with concern", "Urges", "Also decides"]
    section = document.sections[0]
    assert (round(section.page_width / Cm(1), 1), round(section.page_height / Cm(1), 1)) == (21.0, 29.7)


def test_redline_of_a_resolution_accepts_and_rejects_to_the_two_texts(tmp_path: Path) -> None:
    session = build_resolution(tmp_path / "res.chairdesk")
    try:
        out = export_redline(session, tmp_path / "redline.docx")
        now = report_text(session.state).split("\n")
        tabled = report_text(session.state, session.baseline("tabled")).split("\n")
    finally:
        session.close()
    assert revision_view(out, "accept") == now
    assert revision_view(out, "reject") == tabled
    assert "2.\tRequests the secretariat:" in tabled and "(ii)\tfrom river members;" in tabled
    # the opening word is in italics on both sides of the change: "Requests" deleted, "Urges" inserted
    italic = []
    for run in body_xml(out).iter(f"{{{NS['w']}}}r"):
        if run.find("w:rPr/w:i", NS) is not None:
            italic.append("".join(run.xpath("w:t/text()|w:delText/text()", namespaces=NS)))
    assert "Requests" in italic and "Urges" in italic and "Noting with concern" in "|".join(italic)
    assert not any("secretariat" in text for text in italic)


def _leads(path: Path) -> list[str]:
    return [
        p.text.split("\t")[0]
        for p in docx.Document(str(path)).paragraphs
        if p.style.name == "Chairdesk Paragraph"
    ]


def test_keep_mode_exports_the_kept_numbers_and_the_redline_shows_no_renumbering(tmp_path: Path) -> None:
    from chairdesk.core.draft import operations as ops

    from .docx_text import revisions

    session = build_resolution(tmp_path / "keep.chairdesk", numbering="keep")
    try:
        report = export_report(session, tmp_path / "report.docx")
        assert _leads(report) == ["2.", "3."]  # operative 1 struck keeps its number: 2 and 3 stay 2 and 3
        redline = export_redline(session, tmp_path / "redline.docx")
        texts = [text for _, _, _, text in revisions(redline)]
        assert "2." not in texts and "1." not in texts  # no number changed
        ops.renumber(session)
        after = export_redline(session, tmp_path / "renumbered.docx")
        numbers = [text for kind, _, _, text in revisions(after) if text in ("1.", "2.", "3.")]
        assert numbers == ["2.", "1.", "3.", "2."]  # the renumbering shows as number changes, by the Chair
        assert _leads(export_report(session, tmp_path / "report2.docx")) == ["1.", "2."]
    finally:
        session.close()


def test_first_page_block_paper_and_font_follow_the_meeting_details(tmp_path: Path) -> None:
    from chairdesk.core.log.errors import RefusedError
    from chairdesk.core.log.meeting_operations import set_meeting_details

    session = build_resolution(tmp_path / "res.chairdesk")
    try:
        set_meeting_details(
            session,
            symbol="MA/TC/2026/L.3",
            distribution="Limited",
            issued="3 December 2026",
            original="English",
        )
        set_meeting_details(session, paper="Letter")
        with pytest.raises(RefusedError, match="A4 or Letter"):
            set_meeting_details(session, paper="A3")
        out = export_report(session, tmp_path / "report.docx")
        text_lines = report_text(session.state).split("\n")
    finally:
        session.close()
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert texts[:5] == [
        "United Nations\tMA/TC/2026/L.3",
        "Model Assembly\tDistr.: Limited",
        "\t3 December 2026",
        "\tOriginal: English",
        "",
    ]
    assert texts[5] == "Committee on Tidal Commons" and "Model Assembly" not in texts[5:]
    assert text_lines[0] == "Model Assembly"  # the plain text of the report is unchanged by the block
    section = document.sections[0]
    assert (round(section.page_width / Cm(1), 2), round(section.page_height / Cm(1), 2)) == (21.59, 27.94)
    assert document.styles["Normal"].font.name == "Times New Roman"
