"""The report DOCX read back with python-docx: text, numbers, headings, styles, draft mark, page numbers."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from chairdesk.core import drafting as ops
from chairdesk.core.log.session import Session
from chairdesk.export import DRAFT_MARK, ExportError, export_report
from chairdesk.export.base import atomic_write

from .docx_text import body_xml


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def test_report_has_title_block_sections_numbers_and_subparagraphs(
    small_session: Session, tmp_path: Path
) -> None:
    out = export_report(small_session, tmp_path / "report.docx")
    paragraphs = _paragraphs(out)
    assert paragraphs[:4] == [
        ("Chairdesk Body", "United Nations General Assembly"),
        ("Chairdesk Title", "Open-ended working group on ICT security"),
        ("Chairdesk Meeting", "Geneva, 24\u201328 November 2026"),
        ("Chairdesk Document Title", "Draft outcome document"),
    ]
    headings = [text for style, text in paragraphs if style == "Chairdesk Section"]
    assert headings == [
        "A. Overview",
        "B. Confidence-building measures and cooperation",
        "C. Capacity building",
    ]
    assert ("Chairdesk Subheading", "Recommended next steps") in paragraphs
    numbered = [text for style, text in paragraphs if style == "Chairdesk Paragraph"]
    draft = small_session.draft
    assert numbered == [f"{n}.\t{p.text}" for n, p in enumerate(draft.live_paragraphs(), start=1)]
    assert (
        numbered[-1] == "6.\tStates met in Geneva to continue the dialogue."
    )  # the moved paragraph, renumbered
    subs = [text for style, text in paragraphs if style == "Chairdesk Subparagraph"]
    assert subs == ["(a)\tpoints of contact;", "(b)\tregular exchanges of information;"]
    # The struck paragraph and sub-paragraph are gone.
    assert not any("directory" in text or "joint exercises" in text for _, text in paragraphs)


def test_report_uses_named_styles_not_direct_formatting(small_session: Session, tmp_path: Path) -> None:
    out = export_report(small_session, tmp_path / "report.docx")
    document = docx.Document(str(out))
    style = document.styles["Chairdesk Paragraph"]
    assert style.base_style.name == "Normal"
    assert style.paragraph_format.first_line_indent < 0  # a hanging number
    assert document.styles["Chairdesk Section"].base_style.name == "Heading 1"
    xml = body_xml(out)
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    assert not xml.findall(".//w:r/w:rPr", ns), "runs must not carry direct formatting"
    assert not xml.findall(".//w:pPr/w:ind", ns)


def test_unadopted_report_is_marked_draft_with_page_numbers(small_session: Session, tmp_path: Path) -> None:
    out = export_report(small_session, tmp_path / "report.docx")
    section = docx.Document(str(out)).sections[0]
    assert section.header.paragraphs[0].text == DRAFT_MARK
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and 'w:fldCharType="begin"' in footer_xml
    assert not any(text.startswith("Adopted and endorsed") for _, text in _paragraphs(out))


def test_export_of_an_empty_session(tmp_path: Path) -> None:
    with Session.create(tmp_path / "empty.chairdesk", "Working group") as session:
        out = export_report(session, tmp_path / "empty.docx")
    assert _paragraphs(out) == [("Chairdesk Title", "Working group")]


def test_unwritable_path_names_it_and_leaves_nothing(small_session: Session, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "report.docx"
    with pytest.raises(ExportError, match="no such folder.*does not exist"):
        export_report(small_session, missing)
    with pytest.raises(ExportError, match="is a folder"):
        export_report(small_session, tmp_path)
    inside_a_file = tmp_path / "small.chairdesk" / "report.docx"
    with pytest.raises(ExportError, match="is not a folder"):
        export_report(small_session, inside_a_file)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"the previous export")

    def half_then_fail(temp: Path) -> None:
        temp.write_bytes(b"half a fi")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="report.docx.*No space left on device"):
        atomic_write(target, half_then_fail)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


def test_export_replaces_an_existing_file_keeping_its_mode(small_session: Session, tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"old")
    target.chmod(0o644)
    export_report(small_session, target)
    assert target.stat().st_mode & 0o777 == 0o644
    assert docx.Document(str(target)).paragraphs[0].text == "United Nations General Assembly"


def test_report_follows_further_changes(small_session: Session, tmp_path: Path) -> None:
    draft = small_session.draft
    ops.amend_paragraph(small_session, draft.paragraph_by_number(3).id, "States will meet again in [2027].")
    out = export_report(small_session, tmp_path / "report.docx")
    assert "3.\tStates will meet again in [2027]." in [text for _, text in _paragraphs(out)]


def test_adopted_report_is_endorsed_without_draft_mark(full_session: Session, tmp_path: Path) -> None:
    out = export_report(full_session, tmp_path / "report.docx")
    document = docx.Document(str(out))
    last = document.paragraphs[-1]
    assert (last.style.name, last.text) == ("Chairdesk Closing", "Adopted and endorsed on 26 November 2026")
    assert document.sections[0].header.paragraphs[0].text == ""
    assert document.core_properties.subject == "Report"


def _letter_spacing(style: docx.styles.style.BaseStyle) -> int:
    """The character spacing (twentieths of a point) the style ends up with, following its base styles."""
    while style is not None:
        found = style.element.find("w:rPr/w:spacing", style.element.nsmap)
        if found is not None:
            return int(found.get(docx.oxml.ns.qn("w:val")))
        style = style.base_style
    return 0


def test_title_block_is_not_letter_spaced(small_session: Session, tmp_path: Path) -> None:
    # The template's Title and Subtitle, which the title block's styles are based on, space letters out.
    styles = docx.Document(str(export_report(small_session, tmp_path / "report.docx"))).styles
    for name in ("Chairdesk Title", "Chairdesk Document Title", "Chairdesk Section", "Chairdesk Paragraph"):
        assert _letter_spacing(styles[name]) == 0, name
    assert _letter_spacing(styles["Subtitle"]) == 15  # still there for whoever uses the template's own
