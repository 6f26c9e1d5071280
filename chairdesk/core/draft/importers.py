"""Import a draft outcome document from DOCX or from plain text/Markdown into a session.

DOCX: the Title style gives the document title; Heading 1 starts a section (a leading label such as "A." or
"IV." is dropped, since letters are derived); Heading 2 and lower headings are sub-headings; every other
non-empty paragraph is a numbered paragraph, with a typed leading number ("12.", "12)") dropped. A paragraph
that starts with a letter label ("(a)", "(b)", "a)") — or sits at the second level of a Word list — is a
lettered sub-paragraph of the paragraph before it. Subtitles, captions, tables of contents, tables, images
and comments are not imported.

Plain text / Markdown (``.txt``, ``.md``; UTF-8), one item per line or block::

    # Outcome document of the working group        the document title
    ## A. Overview                                  a section (the "A." is optional and dropped)
    ### Recommended next steps                      a sub-heading inside the section
    1. The working group met in three sessions.     a numbered paragraph ("1." optional and dropped)
    (a) share information;                          a lettered sub-paragraph of the paragraph above

Blank lines separate paragraphs; a line that is not a heading and does not start with a label continues the
paragraph above it. In both formats, paragraphs before the first section go into a section "Introduction".
Square brackets must not nest; an error names the paragraph.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..log.errors import BracketError, ChairdeskError, DraftImportError, SessionFileError
from ..log.session import UNWRITABLE, Session
from .brackets import bracket_spans
from .model import subparagraph_label
from .operations import add_section, add_subheading, mark_baseline, set_title

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
FIRST_SECTION = "Introduction"
BASELINE_LABEL = "Tabled draft"

_NUMBER = re.compile(r"^\s*\d{1,4}\s*[.)](?!\d)\s*(?=\S)")  # "1.5 billion" is a figure, not a number
_LETTER = re.compile(r"^\s*(?:\(([a-z]{1,2}|[ivx]{1,5})\)|([a-z]{1,2})\))\s*(?=\S)")
_SECTION_LABEL = re.compile(r"^\s*(?:[A-Z]{1,2}|[IVX]{1,6})[.)]\s+(?=\S)")
_WS = re.compile(r"\s+")


@dataclass
class ImportedSubHeading:
    """A sub-heading inside a section, e.g. "Recommended next steps"."""

    title: str


@dataclass
class ImportedParagraph:
    """A numbered paragraph with its lettered sub-paragraphs, labels stripped."""

    text: str
    subparagraphs: list[str] = field(default_factory=list)


@dataclass
class ImportedSection:
    """A section's title (without its letter) and its sub-headings and paragraphs in order."""

    title: str
    items: list[ImportedParagraph | ImportedSubHeading] = field(default_factory=list)

    def paragraphs(self) -> list[ImportedParagraph]:
        """The section's paragraphs, without sub-headings."""
        return [i for i in self.items if isinstance(i, ImportedParagraph)]


@dataclass
class ImportedDraft:
    """The parsed content of a draft file, ready to be recorded into a session."""

    path: Path
    title: str
    sections: list[ImportedSection]

    @property
    def paragraph_count(self) -> int:
        """Numbered paragraphs in the whole draft."""
        return sum(len(s.paragraphs()) for s in self.sections)


class _Builder:
    """Collects headings and paragraphs in reading order into an ImportedDraft."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.title = ""
        self.sections: list[ImportedSection] = []

    def _section(self) -> ImportedSection:
        if not self.sections:
            self.sections.append(ImportedSection(FIRST_SECTION))
        return self.sections[-1]

    def set_title(self, text: str) -> None:
        self.title = _clean(text) if not self.title else f"{self.title} {_clean(text)}"

    def section(self, text: str) -> None:
        self.sections.append(ImportedSection(_SECTION_LABEL.sub("", _clean(text), count=1)))

    def subheading(self, text: str) -> None:
        self._section().items.append(ImportedSubHeading(_clean(text)))

    def paragraph(self, text: str, where: str, sub_level: bool = False) -> None:
        """Add a paragraph; a letter label (or sub_level) makes it a sub-paragraph of the one before."""
        text = _clean(text)
        letter = _LETTER.match(text)
        if letter or sub_level:
            body = _LETTER.sub("", text, count=1) if letter else _NUMBER.sub("", text, count=1)
            items = self.sections[-1].items if self.sections else []
            if not items or not isinstance(items[-1], ImportedParagraph):
                raise DraftImportError(
                    self.path,
                    f'{where}: the lettered sub-paragraph "{_excerpt(text)}" does not follow a numbered '
                    "paragraph",
                )
            items[-1].subparagraphs.append(body)
            return
        self._section().items.append(ImportedParagraph(_NUMBER.sub("", text, count=1)))

    def finish(self) -> ImportedDraft:
        if not self.sections:
            raise DraftImportError(self.path, "the file has no text to import (no headings or paragraphs)")
        draft = ImportedDraft(self.path, self.title, self.sections)
        _check_brackets(draft)
        return draft


def _clean(text: str) -> str:
    return _WS.sub(" ", UNWRITABLE.sub("", text.replace("\u00a0", " "))).strip()


def _excerpt(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_brackets(draft: ImportedDraft) -> None:
    number = 0
    for section in draft.sections:
        for para in section.paragraphs():
            number += 1
            try:
                bracket_spans(para.text, f"paragraph {number}")
                for i, sub in enumerate(para.subparagraphs):
                    bracket_spans(sub, f"paragraph {number} ({subparagraph_label(i)})")
            except BracketError as error:
                raise DraftImportError(draft.path, str(error)) from None


# ------------------------------------------------------------------------------------------------ DOCX
MAX_DOCX_PARTS = 5_000  # files inside the DOCX
MAX_XML_PART = 64 * 1024 * 1024  # unpacked bytes of one XML part (document.xml of 20,000 paragraphs: ~10 MB)
MAX_UNPACKED = 256 * 1024 * 1024  # unpacked bytes of the whole DOCX, images included


def _check_unpacked_size(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a DOCX that unpacks to more than a draft can hold (a zip bomb), before anything parses it.

    The sizes the archive declares are checked first; then the XML parts, which are what gets parsed, are
    unpacked in chunks and counted, since a declared size can lie.
    """
    infos = archive.infolist()
    limit = f"{MAX_UNPACKED // 1024 // 1024} MB"
    if len(infos) > MAX_DOCX_PARTS:
        raise DraftImportError(path, f"the DOCX holds {len(infos):,} files; a Word document has far fewer")
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNPACKED:
        raise DraftImportError(
            path, f"the DOCX unpacks to {declared / 1e6:,.0f} MB, more than the {limit} a draft may take"
        )
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        if info.file_size > MAX_XML_PART:
            raise DraftImportError(
                path, f"{info.filename} inside the DOCX is too large ({info.file_size / 1e6:,.0f} MB)"
            )
        actual = 0
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                actual += len(chunk)
                if actual > MAX_XML_PART or actual > info.file_size:
                    raise DraftImportError(
                        path, f"{info.filename} inside the DOCX unpacks to more than it declares (a zip bomb)"
                    )


def _read_docx(path: Path) -> ImportedDraft:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.exceptions import PackageNotFoundError

    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in path.read_bytes():
            raise DraftImportError(
                path,
                "the document is encrypted (password-protected); save an unprotected copy and import that",
            )
        raise DraftImportError(
            path, "an old Word 97-2003 (.doc) file, not a DOCX; save it as .docx in Word and import that"
        )
    if not zipfile.is_zipfile(path):
        raise DraftImportError(path, "not a DOCX file (not a Word document; perhaps a renamed text file)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            _check_unpacked_size(path, archive)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as error:
        raise DraftImportError(path, f"the DOCX file is damaged ({error})") from None
    if "word/document.xml" not in names:
        raise DraftImportError(path, "a ZIP archive, but not a Word document (no word/document.xml)")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise DraftImportError(path, f"the Word document cannot be read ({error})") from None
    except Exception as error:  # lxml's XMLSyntaxError and friends: a damaged document
        raise DraftImportError(path, f"the Word document is damaged ({error})") from None
    builder = _Builder(path)
    # para.style searches every style for each paragraph (seconds for a long draft); look names up once.
    names = {style.style_id: (style.name or "") for style in document.styles}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = default.name if default is not None else ""
    for index, para in enumerate(document.paragraphs, start=1):
        text = para.text
        if not text.strip():
            continue
        style_id = getattr(para, "_p").style  # noqa: B009 - python-docx keeps the XML element private
        lowered = (names.get(style_id, default_name) if style_id else default_name).lower()
        if lowered == "title":
            builder.set_title(text)
        elif lowered in ("subtitle", "caption") or lowered.startswith("toc"):
            continue  # a subtitle, a caption or a table of contents is not part of the text under discussion
        elif lowered in ("heading 1", "heading1"):
            builder.section(text)
        elif lowered.startswith("heading"):
            builder.subheading(text)
        else:
            builder.paragraph(text, f"paragraph {index} of the file", sub_level=_list_level(para) >= 1)
    return builder.finish()


def _list_level(para: object) -> int:
    """The Word list level of a paragraph (0 for top level or no list)."""
    ppr = getattr(para, "_p").pPr  # noqa: B009 - python-docx keeps the XML element private
    if ppr is None or ppr.numPr is None or ppr.numPr.ilvl is None:
        return 0
    return int(ppr.numPr.ilvl.val)


# ------------------------------------------------------------------------------------------------ text
def _read_text(path: Path) -> ImportedDraft:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise DraftImportError(path, "not a text file (it contains binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DraftImportError(path, f"not UTF-8 text (byte {error.start + 1}); save it as UTF-8") from None
    builder = _Builder(path)
    block: list[str] = []
    block_line = 0

    def flush() -> None:
        if block:
            builder.paragraph(" ".join(block), f"line {block_line}")
            block.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = re.match(r"^(#{1,6})\s*(.*)$", line)
        if heading:
            flush()
            level, title = len(heading.group(1)), heading.group(2).strip().rstrip("#").strip()
            if not title:
                continue
            if level == 1:
                builder.set_title(title)
            elif level == 2:
                builder.section(title)
            else:
                builder.subheading(title)
            continue
        if _NUMBER.match(line) or _LETTER.match(line):
            flush()
        if not block:
            block_line = number
        block.append(line)
    flush()
    return builder.finish()


# -------------------------------------------------------------------------------------------- public
def read_draft(path: str | Path) -> ImportedDraft:
    """Parse a DOCX or text/Markdown draft without touching any session (raises DraftImportError)."""
    path = Path(path)
    if not path.exists():
        raise DraftImportError(path, "no such file")
    if path.is_dir():
        raise DraftImportError(path, "is a folder, not a draft document")
    try:
        if path.suffix.lower() in TEXT_SUFFIXES:
            return _read_text(path)
        if path.suffix.lower() == ".docx":
            return _read_docx(path)
        with path.open("rb") as handle:
            head = handle.read(8)
        if head.startswith(b"PK") or head.startswith(OLE_MAGIC):
            return _read_docx(path)
        return _read_text(path)
    except OSError as error:
        raise DraftImportError(path, f"the file cannot be read ({error.strerror or error})") from None


def record_draft(session: Session, draft: ImportedDraft, baseline: str = BASELINE_LABEL) -> None:
    """Record an already parsed draft into a session, then mark it as the baseline.

    One pass: each section's items go in at its end, with ids counted on from the highest in the draft, so
    nothing is searched again for each paragraph (20,000 paragraphs import in seconds, not minutes).
    """
    if draft.title:
        set_title(session, draft.title)
    ids = _IdCounter(session)
    for section in draft.sections:
        section_id = add_section(session, section.title).subject
        assert section_id is not None
        last: str | None = None
        for item in section.items:
            if isinstance(item, ImportedSubHeading):
                last = add_subheading(session, section_id, item.title).subject
                continue
            subs = [{"id": ids.next("sp"), "text": _typed(text)} for text in item.subparagraphs]
            payload = {
                "id": ids.next("p"),
                "section": section_id,
                "after": last,
                "text": _typed(item.text),
                "subparagraphs": subs,
            }
            last = session.record("draft.paragraph.insert", payload).subject
    mark_baseline(session, baseline)


class _IdCounter:
    """The next free paragraph and sub-paragraph ids ("p12", "sp40"), counted on without searching again."""

    def __init__(self, session: Session) -> None:
        draft = session.draft
        subs = [s.id for p in draft.paragraphs.values() for s in p.subparagraphs]
        self.high = {"p": _highest(draft.paragraphs, "p"), "sp": _highest(subs, "sp")}

    def next(self, prefix: str) -> str:
        self.high[prefix] += 1
        return f"{prefix}{self.high[prefix]}"


def _highest(ids: Iterable[str], prefix: str) -> int:
    cut = len(prefix)
    return max((int(i[cut:]) for i in ids if i.startswith(prefix) and i[cut:].isdigit()), default=0)


def _typed(text: str) -> str:
    return text.replace("\x0b", " ").replace("\x0c", " ")


def import_draft(session: Session, path: str | Path) -> ImportedDraft:
    """Read a draft file and record it into the session, followed by a "Tabled draft" baseline."""
    draft = read_draft(path)
    record_draft(session, draft)
    return draft


def create_session_from_draft(
    draft_path: str | Path, session_path: str | Path, title: str | None = None
) -> Session:
    """Create a new session holding the imported draft; a failed import leaves no session file behind."""
    draft = read_draft(draft_path)
    session_path = Path(session_path)
    meeting = title or draft.title or Path(draft_path).stem
    try:
        # Built under a temporary name and moved into place complete: never a session without its baseline.
        return Session.create(session_path, meeting, build=lambda session: record_draft(session, draft))
    except SessionFileError:
        raise  # about the session file (exists already, read-only folder): it names that file
    except ChairdeskError as error:
        if isinstance(error, DraftImportError):
            raise
        raise DraftImportError(Path(draft_path), str(error)) from error
