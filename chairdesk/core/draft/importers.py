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
from pathlib import Path
from types import SimpleNamespace

from ..log.errors import BracketError, ChairdeskError, DraftImportError, SessionFileError
from ..log.session import UNWRITABLE, Session
from .brackets import bracket_spans
from .docx_reader import WordFile, read_word_file
from .import_record import Places, record_revisions
from .import_rules import (
    LINK_DEFINITION,
    NOTE_DEFINITION,
    NUMBER,
    RULE,
    LabelReader,
    italic_after_label,
    italic_word_count,
    markdown_inline,
    opening_words,
    opens_preambular,
)
from .imported import ImportedDraft, ImportedParagraph, ImportedSection, ImportedSubHeading, ImportSummary
from .numbering import NUMBERED, PREAMBULAR, sub_references
from .operations import (
    add_section,
    add_subheading,
    mark_baseline,
    renumber,
    set_numbering_mode,
    set_title,
)
from .word_import import Line, has_revisions, lines_of, revision_summary

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
FIRST_SECTION = "Introduction"
BASELINE_LABEL = "Tabled draft"
REVISIONS = ("accept", "reject", "record")

_SECTION_LABEL = re.compile(r"^\s*(?:[A-Z]{1,2}|[IVX]{1,6})[.)]\s+(?=\S)")
_WS = re.compile(r"\s+")


class _Builder:
    """Collects headings and paragraphs in reading order into an ImportedDraft."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.title = ""
        self.sections: list[ImportedSection] = []
        self.labels = LabelReader()
        self.summary = ImportSummary()

    def _section(self) -> ImportedSection:
        if not self.sections:
            self.sections.append(ImportedSection(FIRST_SECTION))
        return self.sections[-1]

    def set_title(self, text: str) -> None:
        self.title = _clean(text) if not self.title else f"{self.title} {_clean(text)}"

    def section(self, text: str, key: int = 0) -> None:
        self.sections.append(ImportedSection(_SECTION_LABEL.sub("", _clean(text), count=1), key=key))
        self.labels.paragraph_started()

    def subheading(self, text: str, key: int = 0) -> None:
        self._section().items.append(ImportedSubHeading(_clean(text), key))

    def paragraph(self, text: str, where: str, sub_level: bool = False) -> None:
        """Add a paragraph; a letter label (or sub_level) makes it a sub-paragraph of the one before."""
        self.line(
            Line(text, where, list_kind="letter" if sub_level else None, list_level=1 if sub_level else 0)
        )

    def line(self, line: Line) -> None:
        """Add a body line: a typed label or Word's list level says whether it is a paragraph or a part of one."""
        raw = line.text.replace("\u00a0", " ")
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        span = (line.italic[0] - lead, line.italic[1] - lead) if line.italic else None
        label = self.labels.read(text)
        level = label.level if label else None
        cut = label.length if label else 0
        if label is None and line.list_kind is not None:
            level = {"letter": 1, "roman": 2}.get(line.list_kind, min(line.list_level, 2))
            self.labels.level_seen(level)
        elif label is not None and line.list_kind is not None and label.level == 0 and line.list_level:
            level = min(line.list_level, 2)  # "1." typed inside Word's own second level
        italic = italic_after_label(text, span, cut)
        body = _clean(text[cut:])
        if level in (1, 2):
            items = self.sections[-1].items if self.sections else []
            if not items or not isinstance(items[-1], ImportedParagraph):
                raise DraftImportError(
                    self.path,
                    f'{line.where}: the sub-paragraph "{_excerpt(text)}" does not follow a numbered paragraph',
                )
            para = items[-1]
            para.subparagraphs.append(body)
            para.sub_levels.append(level)
            para.sub_keys.append(line.key)
            para.sub_authors.append(line.authors)
            para.notes.extend(line.notes)
        else:
            if level == 0:
                self.labels.paragraph_started()
            words = italic_word_count(body, italic)
            para = ImportedParagraph(
                body, italic=words, notes=list(line.notes), explicit=level == 0, key=line.key
            )
            para.authors = line.authors
            if level is None and (line.preambular_style or words or opens_preambular(body)):
                para.kind = PREAMBULAR
                para.italic = words or opening_words(body)
            self._section().items.append(para)
        if line.struck:
            self.summary.converted.append(
                f'{line.where}: the words "{_excerpt(line.struck)}" are struck through by hand in the file and '
                "were imported as live text; strike them in chairdesk if they are meant to go"
            )

    def finish(self) -> ImportedDraft:
        if not self.sections:
            found = f" ({'; '.join(self.summary.dropped)})" if self.summary.dropped else ""
            raise DraftImportError(
                self.path, f"the file has no text to import (no headings or paragraphs){found}"
            )
        _resolution_shape(self.sections)
        draft = ImportedDraft(self.path, self.title, self.sections, self.summary)
        _check_brackets(draft)
        return draft


def _resolution_shape(sections: list[ImportedSection]) -> None:
    """In a resolution-shaped file (preambular paragraphs and numbered ones), only the paragraphs the file
    numbers are numbered: the front matter, the chapeau ("The General Assembly,") and the closing lines
    stay unnumbered, as they are in the file."""
    every = [p for s in sections for p in s.paragraphs()]
    if not any(p.kind == PREAMBULAR for p in every) or not any(p.explicit for p in every):
        return
    for para in every:
        if not para.explicit:
            para.kind = PREAMBULAR


def _clean(text: str) -> str:
    return _WS.sub(" ", UNWRITABLE.sub("", text.replace("\u00a0", " "))).strip()


def _excerpt(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_brackets(draft: ImportedDraft) -> None:
    number = preambular = 0
    for section in draft.sections:
        for para in section.paragraphs():
            if para.kind == PREAMBULAR:
                preambular += 1
                name = f"preambular paragraph {preambular}"
            else:
                number += 1
                name = f"paragraph {number}"
            try:
                bracket_spans(para.text, name)
                levels = para.sub_levels or [1] * len(para.subparagraphs)
                shapes = [SimpleNamespace(id=str(i), level=v, struck=False) for i, v in enumerate(levels)]
                cited = sub_references(shapes)
                for i, sub in enumerate(para.subparagraphs):
                    bracket_spans(sub, f"{name} {cited[str(i)]}")
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


def _check_package(path: Path) -> None:
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
    if "[Content_Types].xml" not in names or not any(n.endswith(".xml") and "word/" in n for n in names):
        if not any(n.startswith("word/") for n in names):
            raise DraftImportError(path, "a ZIP archive, but not a Word document (no word/document.xml)")


def _build_docx(path: Path, word: WordFile, view: str) -> ImportedDraft:
    builder = _Builder(path)
    for line in lines_of(word, view):
        if not line.text.strip():
            continue
        if line.role == "title":
            builder.set_title(line.text)
        elif line.role == "section":
            builder.section(line.text, line.key)
        elif line.role == "subheading":
            builder.subheading(line.text, line.key)
        elif line.role == "skip":
            builder.summary.dropped.append(
                f'{line.where}: "{_excerpt(_clean(line.text))}" (not part of the text)'
            )
        else:
            builder.line(line)
    builder.summary.dropped += word.dropped
    builder.summary.converted += word.converted
    listed: set[str] = set()
    for para in word.paragraphs:
        for cid in para.comments:
            if cid in word.comments and cid not in listed:
                listed.add(cid)
                author, text = word.comments[cid]
                builder.summary.comments.append(
                    f'{author or "someone"} on paragraph {para.index} of the file: "{text}"'
                )
    return builder.finish()


def _read_docx(path: Path, revisions: str | None = None) -> ImportedDraft:
    _check_package(path)
    word = read_word_file(path)
    if has_revisions(word):
        if revisions not in REVISIONS:
            raise DraftImportError(
                path,
                f"the document holds {revision_summary(word)}; choose how to import them: all accepted, "
                "all rejected, or recorded as changes to the tabled text (--revisions accept|reject|record)",
            )
        view = "accept" if revisions == "accept" else "reject"
        draft = _build_docx(path, word, view)
        done = {"accept": "all accepted", "reject": "all rejected"}.get(
            revisions,
            "recorded: the tabled text is the text with all of them rejected, each change credited to its author",
        )
        draft.summary.revisions = f"The file holds {revision_summary(word)}: {done}."
        if revisions == "record":
            draft.revised = _build_docx(path, word, "accept")
        return draft
    return _build_docx(path, word, "accept")


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
    raw_lines = text.splitlines()
    notes: dict[str, str] = {}
    for raw in raw_lines:
        found = NOTE_DEFINITION.match(raw.strip())
        if found:
            notes[found.group(1)] = markdown_inline(found.group(2)).text.strip()
    block: list[str] = []
    block_line = 0

    def flush() -> None:
        if block:
            inline = markdown_inline(" ".join(block))
            texts = [notes[n] for n in inline.notes if n in notes]
            builder.line(Line(inline.text, f"line {block_line}", italic=inline.italic, notes=texts))
            block.clear()

    start = 0
    if raw_lines and raw_lines[0].strip() == "---":  # YAML front matter is not part of the text
        closing = next((i for i in range(1, len(raw_lines)) if raw_lines[i].strip() in ("---", "...")), None)
        if closing is not None:
            builder.summary.dropped.append(
                f"lines 1\u2013{closing + 1}: the front matter (not part of the text)"
            )
            start = closing + 1
    for number, raw in enumerate(raw_lines[start:], start=start + 1):
        line = raw.strip()
        if not line or RULE.match(line) or NOTE_DEFINITION.match(line) or LINK_DEFINITION.match(line):
            flush()
            continue
        heading = re.match(r"^(#{1,6})\s*(.*)$", line)
        if heading:
            flush()
            level, title = len(heading.group(1)), heading.group(2).strip().rstrip("#").strip()
            title = markdown_inline(title).text
            if not title:
                continue
            if level == 1:
                builder.set_title(title)
            elif level == 2:
                builder.section(title)
            else:
                builder.subheading(title)
            continue
        if NUMBER.match(line) or re.match(r"^\s*(?:\([a-z]{1,4}\)|[a-z]{1,2}\))\s*\S", line):
            flush()
        if not block:
            block_line = number
        block.append(line)
    flush()
    return builder.finish()


# -------------------------------------------------------------------------------------------- public
def tracked_changes(path: Path) -> str | None:
    """ "5 tracked changes by Ana Ruiz" when the file is a DOCX holding tracked changes, else None."""
    if path.suffix.lower() in TEXT_SUFFIXES or not path.is_file() or not zipfile.is_zipfile(path):
        return None
    word = read_word_file(path)
    return revision_summary(word) if has_revisions(word) else None


def read_draft(path: str | Path, revisions: str | None = None) -> ImportedDraft:
    """Parse a DOCX or text/Markdown draft without touching any session (raises DraftImportError).

    revisions says what to do with a DOCX's tracked changes: "accept" all, "reject" all, or "record" them
    (the tabled text is the rejected one; ImportedDraft.revised holds the accepted one). A file with tracked
    changes and no choice is refused, naming them."""
    path = Path(path)
    if not path.exists():
        raise DraftImportError(path, "no such file")
    if path.is_dir():
        raise DraftImportError(path, "is a folder, not a draft document")
    try:
        if path.suffix.lower() in TEXT_SUFFIXES:
            return _read_text(path)
        if path.suffix.lower() == ".docx":
            return _read_docx(path, revisions)
        with path.open("rb") as handle:
            head = handle.read(8)
        if head.startswith(b"PK") or head.startswith(OLE_MAGIC):
            return _read_docx(path, revisions)
        return _read_text(path)
    except OSError as error:
        raise DraftImportError(path, f"the file cannot be read ({error.strerror or error})") from None


def record_draft(
    session: Session, draft: ImportedDraft, baseline: str = BASELINE_LABEL, numbering: str | None = None
) -> None:
    """Record an already parsed draft into a session, then mark it as the baseline; with tracked changes
    recorded, each then becomes a change credited to its Word author. numbering "keep" fixes the tabled
    numbers (see set_numbering_mode)."""
    if numbering is not None and numbering != session.draft.numbering_mode:
        set_numbering_mode(session, numbering)
    places = _record_text(session, draft)
    if session.draft.numbering_mode == "keep":
        renumber(session)
    mark_baseline(session, baseline)
    if draft.revised is not None:
        record_revisions(session, draft.revised, places)


def _record_text(session: Session, draft: ImportedDraft) -> Places:
    """Record the title, sections and paragraphs; returns where each part of the file went."""
    places = Places()
    ids = _IdCounter(session)
    if draft.title:
        set_title(session, draft.title)
    for section in draft.sections:
        section_id = add_section(session, section.title).subject
        assert section_id is not None
        places.sections[section.key] = section_id
        last: str | None = None
        for item in section.items:
            if isinstance(item, ImportedSubHeading):
                last = add_subheading(session, section_id, item.title).subject
                continue
            # One pass, as insert_paragraph would record it but with ids counted on instead of searched for
            # each paragraph (20,000 paragraphs import in seconds, not minutes).
            levels = item.sub_levels or [1] * len(item.subparagraphs)
            subs: list[dict] = []
            for text, level in zip(item.subparagraphs, levels, strict=True):
                subs.append(
                    {"id": ids.next("sp"), "text": _typed(text)} | ({"level": level} if level != 1 else {})
                )
            payload: dict = {
                "id": ids.next("p"),
                "section": section_id,
                "after": last,
                "text": _typed(item.text),
                "subparagraphs": subs,
            }
            if item.kind != NUMBERED:
                payload["kind"] = item.kind
            if item.italic:
                payload["italic"] = item.italic
            if item.notes:
                payload["notes"] = [_typed(n) for n in item.notes]
            pid = session.record("draft.paragraph.insert", payload).subject
            assert pid is not None
            last = pid
            places.note(session, section_id, pid, item)
    return places


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


def import_draft(session: Session, path: str | Path, revisions: str | None = None) -> ImportedDraft:
    """Read a draft file and record it into the session, followed by a "Tabled draft" baseline."""
    draft = read_draft(path, revisions)
    record_draft(session, draft)
    return draft


def create_session_from_draft(
    draft_path: str | Path,
    session_path: str | Path,
    title: str | None = None,
    revisions: str | None = None,
    numbering: str = "live",
) -> Session:
    """Create a new session holding the imported draft; a failed import leaves no session file behind.

    revisions: what to do with tracked changes (see read_draft); numbering: "live" renumbers after each
    change, "keep" keeps the tabled numbers until a technical renumbering."""
    return new_session_from(read_draft(draft_path, revisions), session_path, title, numbering)


def new_session_from(
    draft: ImportedDraft, session_path: str | Path, title: str | None = None, numbering: str = "live"
) -> Session:
    """Create a new session holding an already read draft (see create_session_from_draft)."""
    draft_path = draft.path
    session_path = Path(session_path)
    meeting = title or draft.title or Path(draft_path).stem
    try:
        # Built under a temporary name and moved into place complete: never a session without its baseline.
        return Session.create(
            session_path, meeting, build=lambda session: record_draft(session, draft, numbering=numbering)
        )
    except SessionFileError:
        raise  # about the session file (exists already, read-only folder): it names that file
    except ChairdeskError as error:
        if isinstance(error, DraftImportError):
            raise
        raise DraftImportError(Path(draft_path), str(error)) from error
