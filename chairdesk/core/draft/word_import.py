"""From a Word file's paragraphs to the importer's lines: tracked changes all accepted or all rejected (never
half-applied), paragraphs joined where a paragraph mark is removed, each line's role from its style."""

from __future__ import annotations

from dataclasses import dataclass, field

from .docx_reader import Revision, SourceParagraph, WordFile

VIEWS = ("accept", "reject")
TITLE_BLOCK = ("chairdesk title", "chairdesk body", "chairdesk meeting")  # chairdesk's own report
SKIPPED = ("subtitle", "caption", "chairdesk closing", "chairdesk draft mark", "header", "footer")


@dataclass
class Line:
    """One paragraph of the text to import, as the builder reads it."""

    text: str
    where: str
    role: str = "body"  # title | section | subheading | body | skip
    italic: tuple[int, int] | None = None  # the first italic stretch of text
    list_kind: str | None = None  # number | letter | roman | bullet, when Word numbers the paragraph
    list_level: int = 0
    preambular_style: bool = False
    notes: list[str] = field(default_factory=list)
    key: int = 0  # the file's paragraph it starts at (to match the accepted and rejected texts)
    authors: tuple[str, ...] = ()  # who made the tracked changes in it
    struck: str = ""  # manually struck-through words in it


def _list_kind(fmt: str | None) -> str | None:
    if fmt is None:
        return None
    lowered = fmt.lower()
    if "letter" in lowered:
        return "letter"
    if "roman" in lowered:
        return "roman"
    if lowered in ("bullet", "none"):
        return "bullet"
    return "number"


def _role(para: SourceParagraph) -> tuple[str, int]:
    """The paragraph's role and, for a heading, its level (1 = section)."""
    chain = para.chain
    if chain[:1] == ("chairdesk document title",):
        return "title", 0
    if any(name in TITLE_BLOCK or name in SKIPPED or name.startswith("toc") for name in chain[:1]):
        return "skip", 0
    if "title" in chain:
        return "title", 0
    for name in chain:
        if name.startswith("heading") and name[7:].strip().isdigit():
            return ("section" if name[7:].strip() == "1" else "subheading"), int(name[7:].strip())
        if name in ("subtitle", "caption") or name.startswith("toc"):
            return "skip", 0
    if para.outline is not None:
        return ("section" if para.outline == 0 else "subheading"), para.outline + 1
    return "body", 0


def _style_level(para: SourceParagraph) -> int:
    """A list style's own level: "List Number 2" is the second level, "List Bullet 3" the third."""
    for name in para.chain:
        words = name.split()
        if words and words[0] == "list" and words[-1].isdigit():
            return min(int(words[-1]) - 1, 2)
    return 0


def _merge(group: list[SourceParagraph], view: str) -> tuple[str, tuple[int, int] | None, str]:
    """The joined text of paragraphs whose marks the view removes, its first italic stretch, struck words."""
    text, span, struck = "", None, []
    for para in group:
        for piece in para.pieces:
            if piece.revision is not None and (piece.revision.op == "ins") != (view == "accept"):
                continue
            if piece.italic and span is None and piece.text.strip():
                span = (len(text), len(text) + len(piece.text))
            elif piece.italic and span is not None and span[1] == len(text):
                span = (span[0], span[1] + len(piece.text))
            if piece.struck and piece.text.strip():
                struck.append(piece.text.strip())
            text += piece.text
    return text, span, " ".join(struck)


def _mark_goes(para: SourceParagraph, view: str) -> bool:
    mark = para.mark
    return mark is not None and (mark.op == "del") == (view == "accept")


def lines_of(word: WordFile, view: str) -> list[Line]:
    """The file's paragraphs as lines, with every tracked change accepted ("accept") or rejected ("reject")."""
    lines: list[Line] = []
    group: list[SourceParagraph] = []
    for para in word.paragraphs:
        group.append(para)
        if _mark_goes(para, view) and para is not word.paragraphs[-1]:
            continue  # this paragraph's mark goes: its text runs on into the next paragraph
        text, span, struck = _merge(group, view)
        first = next((p for p in group if p.text(view).strip()), group[-1])
        role, _ = _role(first)
        kind = _list_kind(first.num_format)
        authors = tuple(
            dict.fromkeys(
                r.author
                for p in group
                for r in [*(piece.revision for piece in p.pieces), p.mark]
                if isinstance(r, Revision)
            )
        )
        level = first.list_level or 0
        if kind is not None and _style_level(first) and level == 0:
            level = _style_level(first)
        lines.append(
            Line(
                text,
                f"paragraph {group[0].index} of the file",
                role,
                span,
                kind,
                level,
                any("preamb" in name for name in first.chain),
                [note for p in group for note in p.notes],
                first.index,  # the paragraph whose words these are, when a removed mark joined others to it
                authors,
                struck,
            )
        )
        group = []
    return lines


def has_revisions(word: WordFile) -> bool:
    """Whether the file holds tracked changes."""
    return bool(word.revisions)


def revision_summary(word: WordFile) -> str:
    """ "5 tracked changes by Ana Ruiz and J. Smith"."""
    found = word.revisions
    authors = list(dict.fromkeys(r.author for r in found))
    return f"{len(found)} tracked change{'s' if len(found) != 1 else ''} by {' and '.join(authors)}"
