"""The shape of a UN document in DOCX: preambular and operative paragraphs, (a) and (i) sub-paragraphs with
their styles, italic opening words, the page (A4 or Letter), Times New Roman and the first-page block."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..core.draft.model import Draft, Paragraph, SubParagraph
from ..core.log.meeting import Meeting
from .base import (
    STYLE_PARAGRAPH,
    STYLE_PREAMBULAR,
    STYLE_SECTION,
    STYLE_SUBHEADING,
    STYLE_SUBPARAGRAPH,
    STYLE_SUBSUBPARAGRAPH,
    document_parts,
    section_heading,
)

PAPER = {"A4": (Cm(21.0), Cm(29.7)), "Letter": (Cm(21.59), Cm(27.94))}
BODY_FONT = "Times New Roman"


@dataclass(frozen=True)
class BodyLine:
    """One paragraph of the text as written: its style, lead ("12.\\t", "(a)\\t", none), words, italic words."""

    style: str
    lead: str
    text: str
    italic: str = ""  # the opening words set in italics: a prefix of text
    notes: tuple[str, ...] = ()  # footnotes, written as Word footnotes at the end of the paragraph

    @property
    def plain(self) -> str:
        """The line as plain text, lead included."""
        return self.lead + self.text


def paragraph_lead(draft: Draft, paragraph_id: str) -> str:
    """The number in front of a paragraph as the desk shows it ("12.", "7 bis."); none for a preambular one."""
    para = draft.paragraphs[paragraph_id]
    shown = draft.label_of_paragraph(paragraph_id)
    return "" if para.preambular or shown is None else f"{shown}."


def paragraph_style(para: Paragraph) -> str:
    """The style of a paragraph: preambular or numbered."""
    return STYLE_PREAMBULAR if para.preambular else STYLE_PARAGRAPH


def sub_style(sub: SubParagraph) -> str:
    """The style of a sub-paragraph: (a) or, one level down, (i)."""
    return STYLE_SUBSUBPARAGRAPH if sub.level >= 2 else STYLE_SUBPARAGRAPH


def paragraph_lines(draft: Draft, para: Paragraph) -> Iterator[BodyLine]:
    """A paragraph and its live sub-paragraphs as body lines."""
    lead = paragraph_lead(draft, para.id)
    lead = f"{lead}\t" if lead else ""
    yield BodyLine(paragraph_style(para), lead, para.text, para.italic_words(), tuple(para.notes))
    labels = para.sub_labels()
    for sub in para.live_subparagraphs():
        yield BodyLine(sub_style(sub), f"({labels[sub.id]})\t", sub.text)


def body_items(draft: Draft) -> Iterator[BodyLine]:
    """Every line of the text itself, in order: headings, paragraphs, sub-paragraphs."""
    for part in document_parts(draft, draft):
        if part.kind == "section":
            yield BodyLine(STYLE_SECTION, "", section_heading(draft, part.id))
        elif part.kind == "subheading":
            yield BodyLine(STYLE_SUBHEADING, "", draft.subheadings[part.id].title)
        else:
            yield from paragraph_lines(draft, draft.paragraphs[part.id])


def write_line(document: DocxDocument, line: BodyLine) -> Any:
    """Add a body line to the document: its lead, its italic opening words and the rest, as runs."""
    if not line.italic:
        return document.add_paragraph(line.plain, style=line.style)
    paragraph = document.add_paragraph(style=line.style)
    if line.lead:
        paragraph.add_run(line.lead)
    paragraph.add_run(line.italic).italic = True
    rest = line.text[len(line.italic) :]
    if rest:
        paragraph.add_run(rest)
    return paragraph


# ------------------------------------------------------------------ italics in the redline
def _run_text(run: Any) -> tuple[Any | None, str]:
    pieces = [c for c in run if c.tag in (qn("w:t"), qn("w:delText"))]
    return (pieces[0], pieces[0].text or "") if len(pieces) == 1 else (None, "")


def _italic(run: Any) -> None:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    if rpr.find(qn("w:i")) is not None:
        return
    before = [c for c in rpr if c.tag in {qn(t) for t in ("w:rStyle", "w:rFonts", "w:b", "w:bCs")}]
    rpr.insert(rpr.index(before[-1]) + 1 if before else 0, OxmlElement("w:i"))  # its schema position


def italicise_opening(paragraph: Any, old_chars: int, new_chars: int, after_tab: bool) -> None:
    """Set italics on the opening characters of a redline paragraph: the first old_chars characters of the
    deleted-or-kept text and the first new_chars of the inserted-or-kept text (after the lead's tab)."""
    if not old_chars and not new_chars:
        return
    started = not after_tab
    old_pos = new_pos = 0
    for run in list(paragraph.iter(qn("w:r"))):
        if not started:
            started = run.find(qn("w:tab")) is not None
            continue
        holder, text = _run_text(run)
        if holder is None or not text:
            continue
        parent = run.getparent().tag
        deleted, inserted = parent == qn("w:del"), parent == qn("w:ins")
        limit = old_chars - old_pos if deleted else new_chars - new_pos
        if not deleted and not inserted:
            limit = min(old_chars - old_pos, new_chars - new_pos)
        if deleted or not inserted:
            old_pos += len(text)
        if inserted or not deleted:
            new_pos += len(text)
        if limit <= 0:
            continue
        if limit < len(text):  # the italics end inside this run: split it in two
            tail = copy.deepcopy(run)
            holder.text = text[:limit]
            _run_text(tail)[0].text = text[limit:]
            run.addnext(tail)
        _italic(run)


# ------------------------------------------------------------------ the page
def set_page(document: DocxDocument, paper: str = "A4") -> None:
    """A4 (default) or Letter paper, portrait, 2.5 cm margins, in every section of the document."""
    if paper not in PAPER:
        raise ValueError(f"Unknown paper size {paper!r}; use A4 or Letter.")
    width, height = PAPER[paper]
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)


def set_body_font(document: DocxDocument, name: str = BODY_FONT) -> None:
    """The body font in the document defaults (every style inherits it unless it names its own)."""
    normal = document.styles["Normal"]
    normal.font.name = name
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    normal.font.size = Pt(12)


# ------------------------------------------------------------------ the first page
STYLE_SYMBOL_BLOCK = "Chairdesk Symbol Block"
SYMBOL_TAB = Cm(10.5)


def symbol_block_lines(meeting: Meeting) -> list[tuple[str, str]]:
    """(left, right) of each line of the first-page block: "United Nations" and the symbol, the body and the
    distribution, the date of issue, the original language; none when the meeting has none of them."""
    if not any((meeting.symbol, meeting.distribution, meeting.issued, meeting.original)):
        return []
    lines = [
        ("United Nations", meeting.symbol),
        (meeting.body, f"Distr.: {meeting.distribution}" if meeting.distribution else ""),
        ("", meeting.issued),
        ("", f"Original: {meeting.original}" if meeting.original else ""),
    ]
    return [(left, right) for left, right in lines if left or right]


def add_symbol_block(document: DocxDocument, meeting: Meeting) -> bool:
    """The first-page block of a UN document above the title (see symbol_block_lines); True if written."""
    lines = symbol_block_lines(meeting)
    if not lines:
        return False
    if STYLE_SYMBOL_BLOCK not in [s.name for s in document.styles]:
        style = document.styles.add_style(STYLE_SYMBOL_BLOCK, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.tab_stops.add_tab_stop(SYMBOL_TAB, WD_TAB_ALIGNMENT.LEFT)
    for index, (left, right) in enumerate(lines):
        paragraph = document.add_paragraph(style=STYLE_SYMBOL_BLOCK)
        first = paragraph.add_run(left)
        first.bold = index < 2
        if right:
            run = paragraph.add_run("\t" + right)
            run.bold = index == 0
            if index == 0:
                run.font.size = Pt(14)
    document.add_paragraph(style=STYLE_SYMBOL_BLOCK)  # a blank line under the block
    return True


# ------------------------------------------------------------------ footnotes
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_SEPARATORS = (
    f'<w:footnotes xmlns:w="{"http://schemas.openxmlformats.org/wordprocessingml/2006/main"}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


class Footnotes:
    """The document's footnotes part, made on the first note, and the notes added to it."""

    def __init__(self, document: DocxDocument) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml import parse_xml

        self.part = XmlPart(
            PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, parse_xml(_SEPARATORS), document.part.package
        )
        document.part.relate_to(self.part, RELATIONSHIP_TYPE.FOOTNOTES)
        self.count = 0

    def add(self, paragraph: Any, text: str) -> None:
        """A footnote with text, its reference mark at the end of the paragraph."""
        self.count += 1
        note_id = str(self.count)
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), note_id)
        body = OxmlElement("w:p")
        mark = OxmlElement("w:r")
        mark.append(_superscript())
        mark.append(OxmlElement("w:footnoteRef"))
        words = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = " " + text
        words.append(t)
        body.append(mark)
        body.append(words)
        note.append(body)
        self.part.element.append(note)
        reference = OxmlElement("w:r")
        reference.append(_superscript())
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), note_id)
        reference.append(ref)
        paragraph._p.append(reference)


def _superscript() -> Any:
    rpr = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    rpr.append(align)
    return rpr
