"""The record's seal on every export (event count, head hash, the text's SHA-256 kept at endorsement), the
check that refuses to export a record that fails verification, and `verify --against` an export.

An export carries the count of events and the hash of the last one, so whoever holds a report or a record
can check a session file against it, even when the file's whole chain was rewritten since.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Pt

from ..core.adoption.model import text_hash
from ..core.log.session import Session
from .base import STYLE_FOOTER, STYLE_MARK, ExportError

FAILED_MARK = "RECORD FAILED VERIFICATION"
_RECORD = re.compile(r"Record: (\d+) events?; hash of event (\d+): ([0-9a-f]{64})")
_ENDORSED = re.compile(r"SHA-256 of the text kept at endorsement: ([0-9a-f]{64})")
MAX_EXPORT_BYTES = 200 * 1024 * 1024  # an export being checked is read whole; none of ours comes near


@dataclass(frozen=True)
class Seal:
    """What an export says about the record it was made from."""

    events: int
    head: str
    endorsed: str | None = None  # the SHA-256 of the text kept with the report's adoption
    first: str = ""
    check: str = ""

    def record_line(self) -> str:
        """The event count and the hash of the last event, in the words verify reads back."""
        noun = "event" if self.events == 1 else "events"
        return f"Record: {self.events} {noun}; hash of event {self.events}: {self.head}"

    def endorsed_line(self) -> str | None:
        """The SHA-256 kept at endorsement, when the report is adopted."""
        return f"SHA-256 of the text kept at endorsement: {self.endorsed}" if self.endorsed else None

    def short_lines(self) -> list[str]:
        """The small print at the foot of a report or redline."""
        return [line for line in (self.endorsed_line(), self.record_line()) if line]

    def full_lines(self) -> list[str]:
        """Everything the record of the session says about its own record."""
        lines = [f"Check of the hash chain when this was written: {self.check}.", self.record_line()]
        if self.first:
            lines.append(f"Hash of event 1: {self.first}")
        endorsed = self.endorsed_line()
        if endorsed:
            lines.append(endorsed)
        lines.append("Check a session file against this document: chairdesk verify SESSION --against THIS-FILE")
        return lines


def seal_of(session: Session) -> Seal:
    """The seal of the session as it stands."""
    events = session.events
    adoption = session.state.adoption
    endorsed = adoption.report_hash if adoption.report_adopted else None
    return Seal(
        len(events),
        events[-1].hash if events else "0" * 64,
        endorsed,
        events[0].hash if events else "",
        str(session.verify()),
    )


def checked_record(session: Session, path: str | Path, force: bool = False) -> str | None:
    """Verify the chain before an export: refuse when it fails, or (force) give the mark for every page."""
    result = session.verify()
    if result.ok:
        return None
    if not force:
        raise ExportError(
            path,
            f"not written: the session's record failed verification ({result}). An export would present "
            "an altered record as the session's; export with --force to write it marked "
            f'"{FAILED_MARK}" on every page',
        )
    return FAILED_MARK


def seal_docx(document: DocxDocument, seal: Seal, mark: str | None) -> None:
    """The seal in small print at the foot of every page; the failure mark at the head of every page."""
    footer = document.sections[0].footer
    for line in seal.short_lines():
        paragraph = footer.add_paragraph(line, style=document.styles[STYLE_FOOTER])
        for run in paragraph.runs:
            run.font.size = Pt(6.5)
    if mark:
        mark_pages(document, mark)


def mark_pages(document: DocxDocument, mark: str) -> None:
    """Put a mark in the header of every page, before what the header says already."""
    paragraph = document.sections[0].header.paragraphs[0]
    existing = paragraph.text
    paragraph.style = document.styles[STYLE_MARK]
    paragraph.text = f"{mark} \u2014 {existing}" if existing else mark


# ----------------------------------------------------------------------- reading an export back
def _docx_text(path: Path) -> str:
    from docx import Document

    try:
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_EXPORT_BYTES:
                raise ExportError(path, "is far larger than any chairdesk export; not read")
        document = Document(str(path))
    except ExportError:
        raise
    except Exception as error:  # python-docx raises many kinds for a file that is not a DOCX
        raise ExportError(path, f"cannot be read as a DOCX file ({type(error).__name__})") from error
    lines = [p.text for p in document.paragraphs]
    for section in document.sections:
        lines += [p.text for p in section.footer.paragraphs]
    return "\n".join(lines)


def export_text(path: str | Path) -> str:
    """The text of an export (DOCX: body and footers; Markdown or text: the file)."""
    path = Path(path)
    if not path.is_file():
        raise ExportError(path, "no such file")
    if path.suffix.lower() == ".docx":
        return _docx_text(path)
    if path.stat().st_size > MAX_EXPORT_BYTES:
        raise ExportError(path, "is far larger than any chairdesk export; not read")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ExportError(path, f"cannot be read ({error})") from error


def read_seal(path: str | Path) -> Seal:
    """The seal an export carries (refuses an export that carries none)."""
    text = export_text(path)
    found = _RECORD.search(text.replace("\\", ""))
    if found is None or found.group(1) != found.group(2):
        raise ExportError(path, "carries no record seal (event count and hash); it was not written by chairdesk")
    endorsed = _ENDORSED.search(text)
    return Seal(int(found.group(1)), found.group(3), endorsed.group(1) if endorsed else None)


def verify_against(session: Session, export: str | Path) -> tuple[bool, list[str]]:
    """Check a session file against an export: same history up to the export's event, same endorsed text."""
    seal = read_seal(export)
    events = session.events
    lines: list[str] = []
    chain = session.verify()
    ok = chain.ok
    lines.append(f"{session.path}: {chain}")
    if seal.events > len(events):
        lines.append(
            f"{export} was made from a record of {seal.events} events; this file has only {len(events)}: "
            "events were removed from it"
        )
        return False, lines
    if seal.events < 1 or events[seal.events - 1].hash != seal.head:
        lines.append(
            f"{export} was made from another history: event {seal.events} of this file is not the one it "
            "was made from (the file was rewritten, or it is another session)"
        )
        return False, lines
    later = len(events) - seal.events
    lines.append(
        f"{export} matches event {seal.events} of this file"
        + (f"; {later} events were recorded after it" if later else "")
    )
    if seal.endorsed:
        state = session.state_at(seal.events)
        recomputed = text_hash(state.draft)
        kept = state.adoption.report_hash if state.adoption.report_adopted else None
        if recomputed != seal.endorsed or kept != seal.endorsed:
            lines.append(
                f"the SHA-256 of the endorsed text in {export} ({seal.endorsed[:16]}…) does not match the text "
                f"replayed from this file ({recomputed[:16]}…) or the hash kept at endorsement"
            )
            return False, lines
        lines.append(f"endorsed text: SHA-256 {recomputed} recomputed from the replayed text; it matches")
    return ok, lines
