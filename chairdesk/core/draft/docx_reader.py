"""Read a Word document's body from its XML: every paragraph's text with its revisions, italics, notes and
comments, its style (resolved through basedOn) and its Word list level and number format.

python-docx's paragraph.text misses text inside smart tags, content controls, hyperlinks and tracked
insertions, and it shows deleted text as live; this reader walks the XML itself so that nothing is lost or
half-applied, and reports what it cannot import (tables, text boxes, hidden text) with its place.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..log.errors import DraftImportError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_CONTAINERS = {"hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple", "dir", "bdo"}
_OFF = {"0", "false", "off", "none"}


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element."""
    return f"{{{W_NS}}}{tag}"


def _val(element: etree._Element | None, default: str | None = None) -> str | None:
    return default if element is None else element.get(w("val"), default)


def _on(element: etree._Element | None) -> bool:
    """A toggle property (w:i, w:strike) that is present and not switched off."""
    return element is not None and (_val(element) or "true").lower() not in _OFF


@dataclass(frozen=True)
class Revision:
    """A tracked change: inserted or deleted (a move counts as both), by whom."""

    op: str  # ins | del
    author: str


@dataclass
class Piece:
    """A stretch of text with one set of properties."""

    text: str
    italic: bool = False
    struck: bool = False
    revision: Revision | None = None


@dataclass
class SourceParagraph:
    """One w:p of the body as written, revisions unresolved."""

    index: int  # 1-based place among the body's paragraphs
    style: str  # the style's name, lower case ("" for the default)
    chain: tuple[str, ...]  # the style's name and those it is based on, lower case
    outline: int | None  # outline level (0 = Heading 1) from its style, or on a paragraph with its own style
    list_level: int | None  # Word list level (w:ilvl) when the paragraph is numbered by Word
    num_format: str | None  # the list level's w:numFmt: decimal, lowerLetter, lowerRoman, bullet, …
    pieces: list[Piece] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # comment ids anchored here
    mark: Revision | None = None  # the paragraph mark inserted or deleted

    def text(self, view: str) -> str:
        """The text with every revision accepted ("accept") or rejected ("reject")."""
        return "".join(p.text for p in self.pieces if _shown(p.revision, view))


def _shown(revision: Revision | None, view: str) -> bool:
    if revision is None:
        return True
    return (revision.op == "ins") == (view == "accept")


@dataclass
class WordFile:
    """What the reader found: paragraphs, notes, comments and what it could not import, with places."""

    paragraphs: list[SourceParagraph]
    comments: dict[str, tuple[str, str]]  # id -> (author, text)
    dropped: list[str]
    converted: list[str]

    @property
    def revisions(self) -> list[Revision]:
        """Every tracked change in the body (pieces and paragraph marks)."""
        found = [p.revision for para in self.paragraphs for p in para.pieces if p.revision]
        return found + [para.mark for para in self.paragraphs if para.mark]


def _read(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        return etree.fromstring(archive.read(name), _PARSER)
    except KeyError:
        return None


def _main_part(path: Path, archive: zipfile.ZipFile) -> str:
    """The main document part's name, from the package relationships (not always word/document.xml)."""
    rels = _read(archive, "_rels/.rels")
    for rel in rels.iter(f"{{{REL_NS}}}Relationship") if rels is not None else ():
        if rel.get("Type") == STRICT_DOCUMENT:
            raise DraftImportError(
                path,
                "a Strict Open XML document, which chairdesk cannot read; open it in Word and save it as "
                '"Word Document (.docx)"',
            )
        if rel.get("Type") == OFFICE_DOCUMENT:
            return rel.get("Target", "").lstrip("/")
    if "word/document.xml" in archive.namelist():
        return "word/document.xml"
    raise DraftImportError(path, "a ZIP archive, but not a Word document (no main document part)")


def _part_rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """The part's relationship types mapped to target part names (styles, numbering, footnotes, …)."""
    folder, name = posixpath.split(part)
    rels = _read(archive, posixpath.join(folder, "_rels", name + ".rels"))
    out: dict[str, str] = {}
    for rel in rels.iter(f"{{{REL_NS}}}Relationship") if rels is not None else ():
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if rel.get("TargetMode") != "External":
            out.setdefault(kind, posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))))
    return out


class _Styles:
    """Paragraph styles: names, basedOn chains, outline levels and list numbering."""

    def __init__(self, root: etree._Element | None) -> None:
        self.name: dict[str, str] = {}
        self.based: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        self.num: dict[str, tuple[str, int]] = {}
        self.italic_chars: set[str] = set()
        self.default = ""
        for style in root.iter(w("style")) if root is not None else ():
            sid = style.get(w("styleId"), "")
            name = (_val(style.find(w("name"))) or sid).lower()
            self.name[sid] = name
            if style.get(w("type")) == "character" and _on(style.find(f"{w('rPr')}/{w('i')}")):
                self.italic_chars.add(sid)
            based = _val(style.find(w("basedOn")))
            if based:
                self.based[sid] = based
            ppr = style.find(w("pPr"))
            if ppr is not None:
                level = _val(ppr.find(w("outlineLvl")))
                if level is not None and level.isdigit() and int(level) < 9:
                    self.outline[sid] = int(level)
                numpr = ppr.find(w("numPr"))
                if numpr is not None:
                    num_id = _val(numpr.find(w("numId")))
                    ilvl = _val(numpr.find(w("ilvl")), "0") or "0"
                    if num_id:
                        self.num[sid] = (num_id, int(ilvl) if ilvl.isdigit() else 0)
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                self.default = sid

    def chain(self, sid: str) -> list[str]:
        """The style and those it is based on, ids, nearest first."""
        out: list[str] = []
        while sid and sid not in out:
            out.append(sid)
            sid = self.based.get(sid, "")
        return out


class _Numbering:
    """w:num to its abstract list's levels: each level's number format (overrides applied)."""

    def __init__(self, root: etree._Element | None) -> None:
        abstract: dict[str, dict[int, str]] = {}
        self.formats: dict[str, dict[int, str]] = {}
        if root is None:
            return
        for item in root.iter(w("abstractNum")):
            abstract[item.get(w("abstractNumId"), "")] = self._levels(item)
        for num in root.iter(w("num")):
            levels = dict(abstract.get(_val(num.find(w("abstractNumId"))) or "", {}))
            for override in num.iter(w("lvlOverride")):
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    levels.update(self._levels(override))
            self.formats[num.get(w("numId"), "")] = levels

    @staticmethod
    def _levels(parent: etree._Element) -> dict[int, str]:
        out = {}
        for lvl in parent.iter(w("lvl")):
            ilvl = lvl.get(w("ilvl"), "0")
            out[int(ilvl) if ilvl.isdigit() else 0] = _val(lvl.find(w("numFmt")), "decimal") or "decimal"
        return out

    def format(self, num_id: str, level: int) -> str | None:
        """The number format of a list level, or None if the list is unknown (or numId 0: no list)."""
        levels = self.formats.get(num_id)
        if num_id in ("", "0") or levels is None:
            return None
        return levels.get(level, "decimal")


def _note_texts(root: etree._Element | None, tag: str) -> dict[str, str]:
    out = {}
    for note in root.iter(w(tag)) if root is not None else ():
        if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = ["".join(t.text or "" for t in p.iter(w("t"))).strip() for p in note.iter(w("p"))]
        out[note.get(w("id"), "")] = " ".join(p for p in paragraphs if p)
    return out


class _Walker:
    """Walks the body in reading order, collecting SourceParagraphs and what is dropped or converted."""

    def __init__(self, styles: _Styles, numbering: _Numbering, notes: dict[str, str]) -> None:
        self.styles, self.numbering, self.notes = styles, numbering, notes
        self.paragraphs: list[SourceParagraph] = []
        self.dropped: list[str] = []
        self.converted: list[str] = []

    def place(self) -> str:
        """Where the walk is: "after paragraph 12 of the file" or "at the start of the file"."""
        return f"after paragraph {len(self.paragraphs)} of the file" if self.paragraphs else "at the start"

    def block(self, parent: etree._Element) -> None:
        """Body-level content: paragraphs, tables, block content controls."""
        for child in parent:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if child.tag == w("p"):
                self.paragraph(child)
            elif child.tag == w("tbl"):
                rows = child.findall(w("tr"))
                columns = max((len(r.findall(w("tc"))) for r in rows), default=0)
                self.dropped.append(
                    f"a table ({len(rows)} rows \u00d7 {columns} columns) {self.place()}: tables are not "
                    "imported; add its content by hand if it belongs to the text"
                )
            elif tag in ("sdt", "sdtContent", "customXml") and child.tag.startswith(f"{{{W_NS}}}"):
                self.block(child)
            elif child.tag == f"{{{MC_NS}}}AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                if choice is not None:
                    self.block(choice)

    def paragraph(self, p: etree._Element) -> None:
        ppr = p.find(w("pPr"))
        sid = _val(ppr.find(w("pStyle")) if ppr is not None else None) or self.styles.default
        chain = tuple(self.styles.name.get(s, s.lower()) for s in self.styles.chain(sid))
        outline = next(
            (self.styles.outline[s] for s in self.styles.chain(sid) if s in self.styles.outline), None
        )
        num = next((self.styles.num[s] for s in self.styles.chain(sid) if s in self.styles.num), None)
        mark = None
        if ppr is not None:
            level = _val(ppr.find(w("outlineLvl")))
            # An outline level on a paragraph of its own named style is a heading (LibreOffice writes custom
            # heading styles so); on a plain paragraph it is formatting, not a heading.
            if level is not None and level.isdigit() and sid and sid != self.styles.default:
                outline = int(level) if int(level) < 9 else None
            numpr = ppr.find(w("numPr"))
            if numpr is not None:
                num_id = _val(numpr.find(w("numId")))
                ilvl = _val(numpr.find(w("ilvl")))
                base_level = num[1] if num else 0
                num = (
                    num_id or (num[0] if num else ""),
                    int(ilvl) if ilvl and ilvl.isdigit() else base_level,
                )
            rpr = ppr.find(w("rPr"))
            if rpr is not None:
                for tag, op in (("ins", "ins"), ("del", "del"), ("moveTo", "ins"), ("moveFrom", "del")):
                    found = rpr.find(w(tag))
                    if found is not None:
                        mark = Revision(op, found.get(w("author"), "") or "Unknown author")
        fmt = self.numbering.format(num[0], num[1]) if num else None
        para = SourceParagraph(
            len(self.paragraphs) + 1,
            chain[0] if chain else "",
            chain,
            outline,
            num[1] if fmt is not None and num else None,
            fmt,
            mark=mark,
        )
        self.paragraphs.append(para)
        boxes: list[etree._Element] = []
        self.inline(p, para, None, boxes)
        for box in boxes:
            before = len(self.paragraphs)
            self.block(box)
            if len(self.paragraphs) > before:
                self.converted.append(
                    f"a text box in paragraph {para.index} of the file: its text follows that paragraph as "
                    f"{len(self.paragraphs) - before} paragraph(s)"
                )

    def inline(
        self, parent: etree._Element, para: SourceParagraph, revision: Revision | None, boxes: list
    ) -> None:
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child)
            if name.namespace == MC_NS and name.localname == "AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                if choice is not None:
                    self.inline(choice, para, revision, boxes)
                continue
            if name.namespace != W_NS:
                boxes.extend(child.iter(w("txbxContent")))
                continue
            tag = name.localname
            if tag == "r":
                self.run(child, para, revision, boxes)
            elif tag in ("ins", "moveTo", "del", "moveFrom"):
                op = "ins" if tag in ("ins", "moveTo") else "del"
                self.inline(child, para, Revision(op, child.get(w("author"), "") or "Unknown author"), boxes)
            elif tag in _CONTAINERS:
                self.inline(child, para, revision, boxes)
            elif tag in ("commentRangeStart",):
                para.comments.append(child.get(w("id"), ""))

    def run(self, r: etree._Element, para: SourceParagraph, revision: Revision | None, boxes: list) -> None:
        rpr = r.find(w("rPr"))
        italic = struck = hidden = False
        if rpr is not None:
            italic = _on(rpr.find(w("i"))) or _val(rpr.find(w("rStyle"))) in self.styles.italic_chars
            struck = _on(rpr.find(w("strike"))) or _on(rpr.find(w("dstrike")))
            hidden = _on(rpr.find(w("vanish")))
        text: list[str] = []
        for child in r:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag in ("t", "delText"):
                text.append(child.text or "")
            elif tag in ("tab", "br", "cr"):
                text.append(" ")
            elif tag == "noBreakHyphen":
                text.append("-")
            elif tag in ("footnoteReference", "endnoteReference"):
                note = self.notes.get(f"{tag[:-9]}:{child.get(w('id'), '')}")
                if note:
                    para.notes.append(note)
            elif tag == "commentReference":
                if child.get(w("id"), "") not in para.comments:
                    para.comments.append(child.get(w("id"), ""))
            elif tag in ("drawing", "pict", "object"):
                boxes.extend(child.iter(w("txbxContent")))
            elif tag == "AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                boxes.extend((choice if choice is not None else child).iter(w("txbxContent")))
        joined = "".join(text)
        if not joined:
            return
        if hidden:
            self.dropped.append(f'hidden text "{_excerpt(joined)}" in paragraph {para.index} of the file')
            return
        para.pieces.append(Piece(joined, italic, struck, revision))


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def read_word_file(path: Path) -> WordFile:
    """Read a DOCX file's body, notes and comments (raises DraftImportError naming the problem)."""
    try:
        with zipfile.ZipFile(path) as archive:
            main = _main_part(path, archive)
            root = _read(archive, main)
            if root is None:
                raise DraftImportError(path, f"the Word document's main part {main} is missing")
            if root.tag.startswith(f"{{{STRICT_NS}}}"):
                raise DraftImportError(
                    path,
                    "a Strict Open XML document, which chairdesk cannot read; open it in Word and save it as "
                    '"Word Document (.docx)"',
                )
            rels = _part_rels(archive, main)
            styles = _Styles(_read(archive, rels["styles"]) if "styles" in rels else None)
            numbering = _Numbering(_read(archive, rels["numbering"]) if "numbering" in rels else None)
            notes = {
                f"{kind}:{nid}": text
                for kind, part in (("footnote", "footnotes"), ("endnote", "endnotes"))
                if part in rels
                for nid, text in _note_texts(_read(archive, rels[part]), kind).items()
            }
            comments: dict[str, tuple[str, str]] = {}
            comment_root = _read(archive, rels["comments"]) if "comments" in rels else None
            for comment in comment_root.iter(w("comment")) if comment_root is not None else ():
                paragraphs = ["".join(t.text or "" for t in p.iter(w("t"))) for p in comment.iter(w("p"))]
                comments[comment.get(w("id"), "")] = (comment.get(w("author"), ""), " / ".join(paragraphs))
    except (zipfile.BadZipFile, OSError) as error:
        raise DraftImportError(path, f"the DOCX file is damaged ({error})") from None
    except etree.XMLSyntaxError as error:
        raise DraftImportError(path, f"the Word document is damaged (its XML: {error})") from None
    body = root.find(w("body"))
    walker = _Walker(styles, numbering, notes)
    if body is not None:
        walker.block(body)
    return WordFile(walker.paragraphs, comments, walker.dropped, walker.converted)
