"""A resolution in the report and the redline: unnumbered preambular paragraphs, (a) and (i) levels, italic
opening words, A4 paper; Accept All and Reject All give the two texts."""

from __future__ import annotations

from pathlib import Path

import docx
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
