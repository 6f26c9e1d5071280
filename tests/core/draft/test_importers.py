"""Importing a draft from DOCX and from the text/Markdown convention, and the errors for bad files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from chairdesk.core.draft.importers import (
    ImportedSubHeading,
    create_session_from_draft,
    import_draft,
    read_draft,
)
from chairdesk.core.log.errors import DraftImportError, SessionFileError
from chairdesk.core.log.session import Session

from ..conftest import file_digest


def make_docx(path: Path) -> Path:
    """A small outcome document the way a secretariat types it in Word."""
    document = docx.Document()
    document.add_heading("Draft report of the open-ended working group", level=0)
    document.add_paragraph("Advance unedited version", style="Subtitle")
    document.add_heading("A. Overview", level=1)
    document.add_paragraph("1. The working group held its first session in New York.")
    document.add_paragraph("2) States [reaffirmed] the importance of an open, secure ICT environment.")
    document.add_paragraph("")
    document.add_heading("B.\tConfidence-building measures", level=1)
    document.add_paragraph("States are encouraged to:")
    document.add_paragraph("(a) designate national points of contact;")
    document.add_paragraph("(b) share information on national policies.")
    document.add_heading("Recommended next steps", level=2)
    document.add_paragraph("12. The group recommends a directory of points of contact.")
    listed = document.add_paragraph("establish a [global] directory.")
    _make_list_item(listed, level=1)
    document.save(path)
    return path


def _make_list_item(paragraph, level: int) -> None:  # noqa: ANN001
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    numid = OxmlElement("w:numId")
    numid.set(qn("w:val"), "1")
    numpr.append(ilvl)
    numpr.append(numid)
    ppr.append(numpr)


def test_read_docx(tmp_path: Path) -> None:
    draft = read_draft(make_docx(tmp_path / "draft.docx"))
    assert draft.title == "Draft report of the open-ended working group"
    assert [s.title for s in draft.sections] == ["Overview", "Confidence-building measures"]
    overview, cbms = draft.sections
    assert [p.text for p in overview.paragraphs()] == [
        "The working group held its first session in New York.",
        "States [reaffirmed] the importance of an open, secure ICT environment.",
    ]
    first = cbms.items[0]
    assert first.text == "States are encouraged to:"
    assert first.subparagraphs == [
        "designate national points of contact;",
        "share information on national policies.",
    ]
    assert cbms.items[1] == ImportedSubHeading("Recommended next steps")
    assert cbms.items[2].text == "The group recommends a directory of points of contact."
    assert cbms.items[2].subparagraphs == ["establish a [global] directory."]
    assert draft.paragraph_count == 4


def test_create_session_from_docx(tmp_path: Path) -> None:
    target = tmp_path / "oewg.chairdesk"
    session = create_session_from_draft(make_docx(tmp_path / "draft.docx"), target)
    with session:
        draft = session.draft
        assert session.state.meeting.title == "Draft report of the open-ended working group"
        assert draft.title == "Draft report of the open-ended working group"
        text = draft.plain_text()
        assert "A. Overview" in text and "B. Confidence-building measures" in text
        assert "3. States are encouraged to:\n(a) designate national points of contact;" in text
        assert "Recommended next steps\n4. The group recommends" in text
        assert draft.open_brackets() == 2
        assert [b.label for b in draft.baselines] == ["Tabled draft"]
        assert session.baseline().fingerprint()[1] == draft.fingerprint()[1]
        assert session.events[-1].kind == "draft.baseline"
    with Session.open(target) as again:
        assert again.draft.plain_text() == text
        assert again.verify().ok


def test_import_into_an_open_session(tmp_path: Path) -> None:
    with Session.create(tmp_path / "s.chairdesk", "Workshop") as session:
        imported = import_draft(session, make_docx(tmp_path / "draft.docx"))
        assert len(session.draft.order) == len(imported.sections) == 2
        assert session.state.meeting.title == "Workshop"


def test_meeting_title_can_be_given(tmp_path: Path) -> None:
    with create_session_from_draft(make_docx(tmp_path / "d.docx"), tmp_path / "x.chairdesk", "OEWG 3rd") as s:
        assert s.state.meeting.title == "OEWG 3rd"


MARKDOWN = """\
# Outcome document of the workshop

## A. Overview
1. The workshop brought together
   forty participants.

2. Participants [stressed] inclusion.

## B. Capacity building
### Recommended next steps
States should:
(a) fund training;
(b) share curricula.
3. Capacity building should be demand-driven.
"""


def test_read_markdown_convention(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    draft = read_draft(path)
    assert draft.title == "Outcome document of the workshop"
    assert [s.title for s in draft.sections] == ["Overview", "Capacity building"]
    assert [p.text for p in draft.sections[0].paragraphs()] == [
        "The workshop brought together forty participants.",
        "Participants [stressed] inclusion.",
    ]
    capacity = draft.sections[1]
    assert capacity.items[0] == ImportedSubHeading("Recommended next steps")
    assert capacity.items[1].text == "States should:"
    assert capacity.items[1].subparagraphs == ["fund training;", "share curricula."]
    assert capacity.items[2].text == "Capacity building should be demand-driven."


def test_plain_text_without_sections_goes_into_an_introduction(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("\ufeffFirst paragraph.\n\nSecond paragraph.\n", encoding="utf-8")
    draft = read_draft(path)
    assert draft.title == ""
    assert [s.title for s in draft.sections] == ["Introduction"]
    assert draft.paragraph_count == 2


def test_a_paragraph_opening_with_a_decimal_figure_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text("# A. Overview\n\n1.5 billion people are not yet online.\n\n2. 3.2 per cent more.\n")
    texts = [p.text for p in read_draft(path).sections[0].items]
    assert texts == ["1.5 billion people are not yet online.", "3.2 per cent more."]


# ----------------------------------------------------------------------------------------- bad drafts


def _refused(draft_path: Path, words: str, tmp_path: Path) -> str:
    target = tmp_path / "out.chairdesk"
    before = file_digest(draft_path) if draft_path.is_file() else None
    with pytest.raises(DraftImportError) as caught:
        create_session_from_draft(draft_path, target)
    message = str(caught.value)
    assert str(draft_path) in message
    assert words in message
    assert not target.exists()
    assert not list(tmp_path.glob("out.chairdesk*"))
    if before is not None:
        assert file_digest(draft_path) == before
    return message


def test_docx_that_is_a_renamed_text_file(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_text("1. This is really a text file.\n")
    _refused(path, "not a DOCX file", tmp_path)


def test_random_zip_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    _refused(path, "not a Word document", tmp_path)


def test_encrypted_docx(tmp_path: Path) -> None:
    # Word saves a password-protected DOCX as an OLE compound file holding an "EncryptedPackage" stream.
    path = tmp_path / "protected.docx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + bytes(1024))
    _refused(path, "encrypted (password-protected)", tmp_path)


def test_old_word_doc(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    _refused(path, "Word 97-2003", tmp_path)


def test_docx_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    document = docx.Document()
    document.add_paragraph("   ")
    document.save(path)
    _refused(path, "no text", tmp_path)


def test_empty_text_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("\n\n")
    _refused(path, "no text", tmp_path)


def test_nested_brackets_name_the_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "nested.docx"
    document = docx.Document()
    document.add_heading("Overview", level=1)
    document.add_paragraph("1. A clean paragraph.")
    document.add_paragraph("2. States [should [consider]] norms.")
    document.save(path)
    message = _refused(path, "Nested square brackets in paragraph 2", tmp_path)
    assert "[should [consider]]" in message


def test_nested_brackets_in_a_subparagraph(tmp_path: Path) -> None:
    path = tmp_path / "nested.md"
    path.write_text("## Overview\n1. States should:\n(a) fine;\n(b) [a [b]] c.\n")
    _refused(path, "paragraph 1 (b)", tmp_path)


def test_subparagraph_without_a_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "orphan.md"
    path.write_text("## Overview\n(a) no paragraph before me.\n")
    _refused(path, "line 2", tmp_path)


def test_binary_and_non_utf8_text(tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02garbage")
    _refused(binary, "not a text file", tmp_path)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("## Vue d'ensemble\n1. Les États réaffirment.\n".encode("latin-1"))
    _refused(latin, "not UTF-8", tmp_path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    _refused(tmp_path / "nothing.docx", "no such file", tmp_path)
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    _refused(folder, "is a folder", tmp_path)


def test_an_existing_session_file_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "keep.chairdesk"
    Session.create(target, "Keep me").close()
    before = file_digest(target)
    with pytest.raises(SessionFileError, match="exists already"):
        create_session_from_draft(make_docx(tmp_path / "d.docx"), target)
    assert file_digest(target) == before
