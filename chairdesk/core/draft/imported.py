"""What an import reads from a file: sections, sub-headings and paragraphs with their shape, and the summary
of what was dropped or converted (shared by the importers and the recording of tracked changes)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .numbering import NUMBERED, PREAMBULAR


@dataclass
class ImportedSubHeading:
    """A sub-heading inside a section, e.g. "Recommended next steps"."""

    title: str
    key: int = field(default=0, compare=False)


@dataclass
class ImportedParagraph:
    """A paragraph with its sub-paragraphs, labels stripped: numbered (operative) or preambular."""

    text: str
    subparagraphs: list[str] = field(default_factory=list)
    sub_levels: list[int] = field(default_factory=list)  # 1: (a), 2: (i), one per sub-paragraph
    kind: str = NUMBERED
    italic: int = 0  # opening words in italics
    notes: list[str] = field(default_factory=list)
    explicit: bool = False  # numbered by a typed number or by Word, not by default
    key: int = 0
    sub_keys: list[int] = field(default_factory=list)
    authors: tuple[str, ...] = ()
    sub_authors: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class ImportedSection:
    """A section's title (without its letter) and its sub-headings and paragraphs in order."""

    title: str
    items: list[ImportedParagraph | ImportedSubHeading] = field(default_factory=list)
    key: int = 0

    def paragraphs(self) -> list[ImportedParagraph]:
        """The section's paragraphs, without sub-headings."""
        return [i for i in self.items if isinstance(i, ImportedParagraph)]


@dataclass
class ImportSummary:
    """What an import made of the file, and everything it dropped or converted, with its place."""

    dropped: list[str] = field(default_factory=list)
    converted: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    revisions: str = ""

    def lines(self, draft: ImportedDraft) -> list[str]:
        """The summary for the chair, a line each."""
        kinds = Counter(p.kind for s in draft.sections for p in s.paragraphs())
        levels = Counter(v for s in draft.sections for p in s.paragraphs() for v in p.sub_levels)
        headings = sum(isinstance(i, ImportedSubHeading) for s in draft.sections for i in s.items)
        notes = sum(len(p.notes) for s in draft.sections for p in s.paragraphs())
        out = [
            f"Imported {draft.path.name}: {len(draft.sections)} section(s), {headings} sub-heading(s); "
            f"{kinds[PREAMBULAR]} preambular and {kinds[NUMBERED]} numbered paragraph(s); "
            f"{levels[1]} sub-paragraph(s) (a) and {levels[2]} (i); {notes} note(s)."
        ]
        if self.revisions:
            out.append(self.revisions)
        out += [f"Converted: {item}" for item in self.converted]
        out += [f"Dropped: {item}" for item in self.dropped]
        out += [f"Comment for the chair (not imported into the text): {item}" for item in self.comments]
        return out


@dataclass
class ImportedDraft:
    """The parsed content of a draft file, ready to be recorded into a session."""

    path: Path
    title: str
    sections: list[ImportedSection]
    summary: ImportSummary = field(default_factory=ImportSummary)
    revised: ImportedDraft | None = None  # revisions "record": the text with every change accepted

    @property
    def paragraph_count(self) -> int:
        """Paragraphs (numbered and preambular) in the whole draft."""
        return sum(len(s.paragraphs()) for s in self.sections)

    def summary_lines(self) -> list[str]:
        """The import summary, a line each."""
        return self.summary.lines(self)
