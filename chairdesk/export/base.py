"""What every export shares: atomic writes, the walk over the document's parts, and the DOCX house styles."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..core.draft.model import Draft, Paragraph, subparagraph_label
from ..core.log.errors import ChairdeskError
from ..core.log.state import SessionState

DRAFT_MARK = "DRAFT \u2014 not adopted"


class ExportError(ChairdeskError):
    """An export could not be written; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


# ------------------------------------------------------------------ atomic writes
def atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Let write() fill a temporary file beside path, then move it into place: never a half file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(path, "is a folder; choose a file name")
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise ExportError(path, f"cannot be written: {folder} {problem}")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ExportError(path, f"cannot be written ({error.strerror or error})") from error
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        os.chmod(temp, _file_mode(path))
        os.replace(temp, path)
    except OSError as error:
        raise ExportError(path, f"cannot be written ({error.strerror or error})") from error
    finally:
        if temp.exists():
            temp.unlink()
    return path


def _file_mode(path: Path) -> int:
    """The mode the file is given: the old file's, or what a new file gets under the umask."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# ------------------------------------------------------------------- the walk
@dataclass(frozen=True)
class Part:
    """One part of the document on its way from an old draft to a new one."""

    kind: str  # section | subheading | paragraph
    id: str
    op: str  # keep (in both, in place) | insert (only in the new draft here) | delete (only in the old here)
    moved: bool = False  # also in the other draft, somewhere else: deleted there, inserted here (or back)


def _live_items(draft: Draft, section_id: str) -> list[str]:
    """The section's paragraphs and sub-headings that are in the document (not struck or removed)."""
    out = []
    for item in draft.sections[section_id].items:
        para = draft.paragraphs.get(item)
        if para is not None:
            if not para.struck:
                out.append(item)
        elif not draft.subheadings[item].removed:
            out.append(item)
    return out


def _kind(draft: Draft, item: str) -> str:
    return "paragraph" if item in draft.paragraphs else "subheading"


def _is_live(draft: Draft, item: str) -> bool:
    if item in draft.paragraphs:
        para = draft.paragraphs[item]
        return not para.struck and para.section in draft.order
    heading = draft.subheadings.get(item)
    return heading is not None and not heading.removed and heading.section in draft.order


def _merge(old: list[str], new: list[str]) -> Iterator[tuple[str, str]]:
    """(op, id) for two sequences of ids: kept ones in place, the rest deleted before inserted."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            yield from (("keep", item) for item in new[j1:j2])
        else:
            yield from (("delete", item) for item in old[i1:i2])
            yield from (("insert", item) for item in new[j1:j2])


def document_parts(old: Draft, new: Draft) -> Iterator[Part]:
    """Every section, sub-heading and paragraph of both drafts, once each side, in an order where
    dropping the insertions gives the old document and dropping the deletions gives the new one."""
    for op, sid in _merge(list(old.order), list(new.order)):
        if op == "keep":
            yield Part("section", sid, "keep")
            for item_op, item in _merge(_live_items(old, sid), _live_items(new, sid)):
                other = new if item_op == "delete" else old
                moved = item_op != "keep" and _is_live(other, item)
                yield Part(_kind(new if item_op != "delete" else old, item), item, item_op, moved)
        else:
            draft, other = (old, new) if op == "delete" else (new, old)
            yield Part("section", sid, op, sid in other.order)
            for item in _live_items(draft, sid):
                yield Part(_kind(draft, item), item, op, _is_live(other, item))


def subparagraph_parts(old: Paragraph | None, new: Paragraph | None) -> Iterator[tuple[str, str]]:
    """(keep|insert|delete, id) of a paragraph's live sub-paragraphs, old draft to new."""
    old_ids = [s.id for s in old.live_subparagraphs()] if old else []
    new_ids = [s.id for s in new.live_subparagraphs()] if new else []
    return _merge(old_ids, new_ids)


def section_heading(draft: Draft, section_id: str) -> str:
    """A section's heading as printed: "C. Confidence-building measures"."""
    return f"{draft.label_of(section_id)}. {draft.sections[section_id].title}"


def paragraph_lead(number: int | None) -> str:
    """The number in front of a paragraph: "12.\\t"."""
    return f"{number}.\t" if number is not None else ""


def subparagraph_lead(index: int) -> str:
    """The letter in front of a sub-paragraph: "(b)\\t"."""
    return f"({subparagraph_label(index)})\t"


@dataclass
class TitleBlock:
    """The lines above the text: meeting title, document title, body, venue and dates."""

    meeting: str
    document: str
    body: str
    venue: str
    dates: str

    @classmethod
    def of(cls, state: SessionState, draft: Draft | None = None) -> TitleBlock:
        """The title block of a session's state (the document title from draft, default the state's)."""
        meeting = state.meeting
        document = (draft or state.draft).title
        return cls(meeting.title, document, meeting.body, meeting.venue, meeting.dates)

    def lines(self) -> Iterator[tuple[str, str]]:
        """(style, text) for each line that is not empty."""
        yield from (
            (style, text)
            for style, text in (
                (STYLE_BODY, self.body),
                (STYLE_TITLE, self.meeting),
                (STYLE_MEETING, self.venue_and_dates()),
                (STYLE_DOCUMENT, self.document),
            )
            if text
        )

    def venue_and_dates(self) -> str:
        """ "Geneva, 24–28 November 2026"."""
        return ", ".join(part for part in (self.venue, self.dates) if part)


def adoption_of(state: SessionState) -> tuple[bool, str | None]:
    """Whether the report is adopted and the ISO time of its adoption."""
    adoption = state.adoption
    if not adoption.report_adopted:
        return False, None
    return True, adoption.report_adopted_at


def long_date(ts: str) -> str:
    """An ISO timestamp as a date in words: "26 November 2026"."""
    moment = datetime.fromisoformat(ts)
    return f"{moment.day} {moment:%B %Y}"


def closing_line(ts: str) -> str:
    """The line recording the adoption."""
    return f"Adopted and endorsed on {long_date(ts)}"


# ------------------------------------------------------------------ DOCX styles
STYLE_TITLE = "Chairdesk Title"
STYLE_DOCUMENT = "Chairdesk Document Title"
STYLE_BODY = "Chairdesk Body"
STYLE_TEXT = "Chairdesk Text"
STYLE_MEETING = "Chairdesk Meeting"
STYLE_SECTION = "Chairdesk Section"
STYLE_SUBHEADING = "Chairdesk Subheading"
STYLE_PARAGRAPH = "Chairdesk Paragraph"
STYLE_SUBPARAGRAPH = "Chairdesk Subparagraph"
STYLE_SUBSUBPARAGRAPH = "Chairdesk Subsubparagraph"  # (i), (ii) under a lettered sub-paragraph
STYLE_PREAMBULAR = "Chairdesk Preambular"  # an unnumbered preambular paragraph, first line indented
STYLE_CLOSING = "Chairdesk Closing"
STYLE_MARK = "Chairdesk Draft Mark"
STYLE_FOOTER = "Chairdesk Footer"
STYLE_TABLE_TEXT = "Chairdesk Table Text"
STYLE_TABLE_HEADING = "Chairdesk Table Heading"

# name: (based on, size pt, bold, italic, left cm, first-line cm, space before pt, space after pt, centred)
_STYLES: dict[str, tuple[str, float, bool, bool, float, float, float, float, bool]] = {
    STYLE_BODY: ("Normal", 11, False, False, 0, 0, 0, 6, True),
    STYLE_TEXT: ("Normal", 11, False, False, 0, 0, 0, 6, False),
    STYLE_TITLE: ("Title", 18, True, False, 0, 0, 0, 6, True),
    STYLE_MEETING: ("Normal", 11, False, True, 0, 0, 0, 6, True),
    STYLE_DOCUMENT: ("Subtitle", 14, True, False, 0, 0, 12, 18, True),
    STYLE_SECTION: ("Heading 1", 13, True, False, 0, 0, 18, 6, False),
    STYLE_SUBHEADING: ("Heading 2", 11.5, False, True, 0, 0, 12, 6, False),
    STYLE_PARAGRAPH: ("Normal", 11, False, False, 1.0, -1.0, 0, 8, False),
    STYLE_SUBPARAGRAPH: ("Normal", 11, False, False, 2.0, -1.0, 0, 6, False),
    STYLE_SUBSUBPARAGRAPH: ("Normal", 11, False, False, 3.0, -1.0, 0, 6, False),
    STYLE_PREAMBULAR: ("Normal", 11, False, False, 0, 1.0, 0, 8, False),
    STYLE_CLOSING: ("Normal", 11, False, True, 0, 0, 24, 0, False),
    STYLE_MARK: ("Header", 10, True, False, 0, 0, 0, 0, True),
    STYLE_FOOTER: ("Footer", 9, False, False, 0, 0, 0, 0, True),
    STYLE_TABLE_TEXT: ("Normal", 9, False, False, 0, 0, 1, 1, False),
    STYLE_TABLE_HEADING: ("Normal", 9, True, False, 0, 0, 1, 1, False),
}


def new_document() -> DocxDocument:
    """A python-docx document with chairdesk's named styles (restyle them in Word, not each paragraph)."""
    document = Document()
    styles = document.styles
    for name, (base, size, bold, italic, left, first, before, after, centred) in _STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        font = style.font
        font.size = Pt(size)
        font.bold = bold
        font.italic = italic
        if name in (STYLE_TITLE, STYLE_SECTION, STYLE_SUBHEADING, STYLE_DOCUMENT):
            font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
        fmt = style.paragraph_format
        fmt.left_indent = Cm(left)
        fmt.first_line_indent = Cm(first)
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        if left:
            fmt.tab_stops.add_tab_stop(Cm(left))
        if centred:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if name == STYLE_SECTION:
            fmt.keep_with_next = True
    _clear_title_border(styles[STYLE_TITLE])
    fix_zoom(document)
    for name in (STYLE_TITLE, STYLE_DOCUMENT):
        _plain_letter_spacing(styles[name])
    return document


def set_hanging_indents(document: DocxDocument, number_cm: float, letter_cm: float) -> None:
    """Widen the hanging indents of numbered paragraphs and lettered sub-paragraphs (in the styles): the
    redline's leads hold an old and a new number ("13.12."), which would push the text off its column."""
    for name, left, hang in (
        (STYLE_PARAGRAPH, number_cm, number_cm),
        (STYLE_SUBPARAGRAPH, number_cm + letter_cm, letter_cm),
        (STYLE_SUBSUBPARAGRAPH, number_cm + 2 * letter_cm, letter_cm),
    ):
        fmt = document.styles[name].paragraph_format
        fmt.left_indent = Cm(left)
        fmt.first_line_indent = Cm(-hang)
        fmt.tab_stops.clear_all()
        fmt.tab_stops.add_tab_stop(Cm(left))


# ------------------------------------------------------- OOXML at schema positions
# Where an element chairdesk adds to python-docx's XML goes: (parent, child) -> the child's successors in
# the parent's sequence in ISO/IEC 29500-4 wml.xsd. The child goes before the first successor present,
# else last (python-docx's insert_element_before), so the part stays schema-valid whatever python-docx or
# a template already put there. An empty tuple: the child belongs at the end (repeating content).
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PPR_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct")
_PPR_AFTER_PBDR += ("w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd")
_PPR_AFTER_PBDR += ("w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents")
_PPR_AFTER_PBDR += ("w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap")
_PPR_AFTER_PBDR += ("w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_RPR = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline")
_RPR += ("shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing")
_RPR += ("w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText")
_RPR += ("vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange")
_RPR_AFTER_SPACING = tuple(f"w:{name}" for name in _RPR[_RPR.index("spacing") + 1 :])
_MARK_RPR_AFTER_INS = ("w:del", "w:moveFrom", "w:moveTo") + tuple(f"w:{name}" for name in _RPR)
_TCPR_AFTER_TCW = ("w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar")
_TCPR_AFTER_TCW += ("w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns")
_TCPR_AFTER_TCW += ("w:cellDel", "w:cellMerge", "w:tcPrChange")
_CELL_CONTENT = ("w:p", "w:tbl", "w:customXml", "w:sdt")
_RUN_CONTENT = ("t", "delText", "instrText", "fldChar", "tab", "commentReference")
SUCCESSORS: dict[tuple[str, str], tuple[str, ...]] = {
    ("w:pPr", "w:pBdr"): _PPR_AFTER_PBDR,
    ("w:pPr", "w:pStyle"): ("w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr") + _PPR_AFTER_PBDR,
    ("w:pPr", "w:rPr"): ("w:sectPr", "w:pPrChange"),  # the paragraph mark's properties
    ("w:pBdr", "w:bottom"): ("w:right", "w:between", "w:bar"),
    ("w:rPr", "w:spacing"): _RPR_AFTER_SPACING,
    ("w:rPr", "w:ins"): _MARK_RPR_AFTER_INS,  # a paragraph mark's revision (CT_ParaRPr)
    ("w:rPr", "w:del"): _MARK_RPR_AFTER_INS[1:],
    ("w:tbl", "w:tr"): (),
    ("w:tr", "w:trPr"): ("w:tc",) + _CELL_CONTENT[2:],
    ("w:tr", "w:tc"): (),
    ("w:trPr", "w:tblHeader"): ("w:ins", "w:del", "w:trPrChange"),
    ("w:tc", "w:tcPr"): _CELL_CONTENT,
    ("w:tc", "w:p"): (),
    ("w:tcPr", "w:tcW"): _TCPR_AFTER_TCW,
    ("w:p", "w:pPr"): ("w:r", "w:ins", "w:del", "w:commentRangeStart", "w:commentRangeEnd", "w:hyperlink"),
    ("w:p", "w:r"): (),
    ("w:p", "w:ins"): (),
    ("w:p", "w:del"): (),
    ("w:p", "w:commentRangeEnd"): (),
    ("w:ins", "w:r"): (),
    ("w:ins", "w:del"): (),  # another author deleted words inside this insertion (as Word nests it)
    ("w:del", "w:r"): (),
    **{("w:r", f"w:{child}"): () for child in _RUN_CONTENT},  # run content follows w:rPr, in order
}


def add_child(parent: Any, child: Any) -> Any:
    """Put child into parent at its schema position (see SUCCESSORS, which must list the pair); return it."""
    key = (_prefixed(parent.tag), _prefixed(child.tag))
    if key not in SUCCESSORS:
        raise KeyError(f"no schema position known for {key[1]} in {key[0]}; add it to SUCCESSORS")
    successors = {qn(tag) for tag in SUCCESSORS[key]}
    # python-docx's insert_element_before, which elements it has no class for (w:pBdr, w:ins) lack.
    following = next((existing for existing in parent if existing.tag in successors), None)
    if following is not None:
        following.addprevious(child)
    else:
        parent.append(child)
    return child


def _prefixed(tag: str) -> str:
    return "w:" + tag.rsplit("}", 1)[1] if tag.startswith(W_NS) else tag


def fix_zoom(document: DocxDocument) -> None:
    """python-docx's template has <w:zoom w:val="bestFit"/>; the schema requires w:percent as well."""
    zoom = document.settings.element.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


def _plain_letter_spacing(style: Any) -> None:
    """The template's Title and Subtitle space their letters out (0.25 and 0.75 pt); the title block's
    lines are set like the rest of the text."""
    rpr = style.element.get_or_add_rPr()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), "0")
    add_child(rpr, spacing)


def _clear_title_border(style: Any) -> None:
    """The template's Title style draws a rule under it; the title block looks cleaner without."""
    ppr = style.element.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "nil")
    add_child(border, bottom)
    add_child(ppr, border)


def add_page_numbers(document: DocxDocument) -> None:
    """A centred PAGE field in the footer of every page."""
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.style = document.styles[STYLE_FOOTER]
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        add_child(run._r, element)


def add_header(document: DocxDocument, text: str) -> None:
    """A line in the header of every page (the draft mark, or what a redline compares)."""
    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    paragraph.style = document.styles[STYLE_MARK]
    paragraph.text = text


def set_properties(document: DocxDocument, title: str, subject: str, ts: str | None) -> None:
    """Core properties: title, subject, author and a creation time taken from the session (not the clock)."""
    props = document.core_properties
    # Word's core properties hold at most 255 characters (python-docx refuses more); the full title is in
    # the document's text.
    props.title = _property(title)
    props.subject = _property(subject)
    props.author = "chairdesk"
    props.last_modified_by = "chairdesk"
    props.revision = 1
    if ts:
        moment = datetime.fromisoformat(ts).replace(tzinfo=None, microsecond=0)
        props.created = moment
        props.modified = moment


def _property(text: str, limit: int = 255) -> str:
    """A core property's text: one line, cut to the limit with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def save_docx(document: DocxDocument, path: str | Path) -> Path:
    """Save a document atomically."""
    return atomic_write(path, lambda temp: document.save(str(temp)))
