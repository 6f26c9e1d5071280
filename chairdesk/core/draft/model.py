"""The draft outcome document: sections, sub-headings, numbered paragraphs and lettered sub-paragraphs.

Nothing here is stored as a number: paragraph numbers, section letters and sub-paragraph letters are derived
from the order of things, so they are always right after a strike, an insertion or a move.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..log.errors import DraftError
from .brackets import count_brackets
from .numbering import (
    KEEP,
    LIVE,
    NUMBERED,
    PREAMBULAR,
    Run,
    Walked,
    fixed_numbers,
    join_runs,
    operative_numbers,
    paragraph_labels,
    section_run,
    sub_labels,
    sub_references,
)

CHAIR = "chair"


def section_label(index: int) -> str:
    """Letter label for the section at 0-based index: A, B, … Z, AA, AB, …"""
    label = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        label = chr(ord("A") + rem) + label
    return label


def subparagraph_label(index: int) -> str:
    """Letter of the sub-paragraph at 0-based index: a, b, … z, aa, ab, …"""
    return section_label(index).lower()


@dataclass
class SubParagraph:
    """A sub-paragraph: level 1 is lettered, e.g. 14 (b); level 2 sits under it, numbered (i), (ii)."""

    id: str
    text: str
    author: str = CHAIR
    struck: bool = False
    level: int = 1


@dataclass
class Paragraph:
    """A numbered (operative) or unnumbered (preambular) paragraph; struck ones stay in their section.

    italic is how many opening words are set in italics ("Recalling" 1, "Noting with concern" 3), 0 for none;
    counting words, not characters, keeps the italics on the opening words when the wording is amended.
    """

    id: str
    text: str
    section: str
    author: str = CHAIR
    struck: bool = False
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    kind: str = NUMBERED
    italic: int = 0
    notes: list[str] = field(default_factory=list)  # footnotes and endnotes, in order

    @property
    def preambular(self) -> bool:
        """Whether the paragraph is an unnumbered preambular one."""
        return self.kind == PREAMBULAR

    def sub_labels(self) -> dict[str, str]:
        """Labels of the live sub-paragraphs without brackets: "a", "b", "i", "ii", …"""
        return sub_labels(self.subparagraphs)

    def sub_references(self) -> dict[str, str]:
        """How the live sub-paragraphs are cited after the paragraph's number: "(b)", "(b) (ii)"."""
        return sub_references(self.subparagraphs)

    def italic_words(self) -> str:
        """The opening words set in italics."""
        return italic_span(self.text, self.italic)

    def live_subparagraphs(self) -> list[SubParagraph]:
        """The sub-paragraphs not struck, in order."""
        return [s for s in self.subparagraphs if not s.struck]

    def subparagraph(self, sub_id: str) -> SubParagraph:
        """The sub-paragraph with this id, struck or not."""
        for sub in self.subparagraphs:
            if sub.id == sub_id:
                return sub
        raise DraftError(f"Paragraph has no sub-paragraph {sub_id!r}.")

    def full_text(self) -> str:
        """The paragraph's text followed by its live lettered sub-paragraphs."""
        if not self.subparagraphs:  # most paragraphs (adoption compares every paragraph of a section)
            return self.text
        parts = [self.text]
        labels = self.sub_labels()
        for sub in self.live_subparagraphs():
            parts.append(f"({labels[sub.id]}) {sub.text}")
        return "\n".join(parts)

    def open_brackets(self) -> int:
        """Bracketed spans in the paragraph and its live sub-paragraphs."""
        if not self.subparagraphs:  # most paragraphs (the outline counts every one at the start)
            return count_brackets(self.text)
        return count_brackets(self.text) + sum(count_brackets(s.text) for s in self.live_subparagraphs())


@dataclass
class SubHeading:
    """A heading inside a section, e.g. "Recommended next steps"; the paragraphs after it sit under it."""

    id: str
    title: str
    section: str
    removed: bool = False


@dataclass
class Section:
    """A lettered section; items holds paragraph and sub-heading ids in document order."""

    id: str
    title: str
    items: list[str] = field(default_factory=list)
    removed: bool = False


@dataclass
class Proposal:
    """A delegation's proposed wording for a paragraph, pending until the chair accepts it or sets it aside."""

    id: str
    paragraph: str
    delegation: str
    text: str
    status: str = "pending"  # pending | accepted | set aside | lapsed (its section was adopted)
    seq: int = 0


@dataclass
class Baseline:
    """A point in the log that changes are shown against: the tabled draft, a second reading, …"""

    seq: int
    label: str
    ts: str


def italic_span(text: str, words: int) -> str:
    """The first `words` words of text (what is set in italics), without the space or comma after them."""
    if words <= 0 or not text:
        return ""
    found = list(re.finditer(r"\S+", text))
    if not found:
        return ""
    end = found[min(words, len(found)) - 1].end()
    return text[:end].rstrip(",;:")


class Numbering:
    """Derived numbering: live paragraphs in order, operative numbers, section letters, the labels shown.

    number holds the live number of each numbered (operative) paragraph, 1..N (its place among `numbered`);
    preambular paragraphs have none. It is made when first asked for (a change of a long draft makes the
    numbering again, and most changes never ask it): None may be given for it. shown holds every label the
    text shows: "12", "PP3", and in keep mode "7 bis" or a struck "9"; `counted` says each operative label
    shown is the paragraph's number (live mode), so that number_of reads the label.
    """

    __slots__ = ("paragraphs", "_number", "sections", "label", "shown", "numbered", "live_label", "counted")

    def __init__(
        self,
        paragraphs: list[str],
        number: dict[str, int] | None,
        sections: list[str],
        label: dict[str, str],
        shown: dict[str, str] | None = None,
        numbered: list[str] | None = None,
        live_label: dict[str, str] | None = None,
        counted: bool = False,
    ) -> None:
        self.paragraphs = paragraphs
        self._number = number
        self.sections = sections
        self.label = label
        self.shown = {} if shown is None else shown
        self.numbered = [] if numbered is None else numbered
        self.live_label = {} if live_label is None else live_label  # the label of each live paragraph
        self.counted = counted

    @property
    def number(self) -> dict[str, int]:
        """The live number of each operative paragraph."""
        if self._number is None:
            self._number = operative_numbers(self.numbered)
        return self._number

    def number_of(self, paragraph_id: str) -> int | None:
        """One paragraph's live operative number (None: struck or preambular)."""
        if self._number is None and self.counted:
            label = self.shown.get(paragraph_id)
            return int(label) if label is not None and label.isdigit() else None
        return self.number.get(paragraph_id)

    def _fields(self) -> tuple:
        return (
            self.paragraphs,
            self.number,
            self.sections,
            self.label,
            self.shown,
            self.numbered,
            self.live_label,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Numbering) and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  (mutable, as the dataclass it replaces)

    def __repr__(self) -> str:
        return f"Numbering({len(self.paragraphs)} live paragraphs, sections {self.sections})"


class Draft:
    """The outcome document as it stands; changed only by applying draft.* events (see draft_events)."""

    def __init__(self) -> None:
        self.title: str = ""
        self.sections: dict[str, Section] = {}
        self.order: list[str] = []
        self.paragraphs: dict[str, Paragraph] = {}
        self.subheadings: dict[str, SubHeading] = {}
        self.proposals: dict[str, Proposal] = {}
        self.baselines: list[Baseline] = []
        self.numbering_mode: str = LIVE
        self.kept: dict[str, str] = {}  # keep mode: labels ("7", "PP2") fixed at the last renumbering
        self._numbering: Numbering | None = None
        self._runs: dict[str, Run] = {}  # live numbering per section, kept until a change names the section

    # ----------------------------------------------------------------- lookups
    def section(self, section_id: str) -> Section:
        """The section with this id (removed ones included)."""
        try:
            return self.sections[section_id]
        except KeyError:
            raise DraftError(f"There is no section {section_id!r}.") from None

    def paragraph(self, paragraph_id: str) -> Paragraph:
        """The paragraph with this id (struck ones included)."""
        try:
            return self.paragraphs[paragraph_id]
        except KeyError:
            raise DraftError(f"There is no paragraph {paragraph_id!r}.") from None

    def live_sections(self) -> list[Section]:
        """Sections in document order."""
        return [self.sections[s] for s in self.order]

    def section_by_label(self, label: str) -> Section:
        """The section now labelled e.g. "C"."""
        numbering = self.numbering()
        for sid in numbering.sections:
            if numbering.label[sid] == label.strip().upper():
                return self.sections[sid]
        raise DraftError(
            f"There is no section {label!r}; the sections are {', '.join(numbering.label.values())}."
        )

    def live_paragraphs(self, section_id: str | None = None) -> list[Paragraph]:
        """Paragraphs not struck, in document order (of one section when given)."""
        if section_id is None:
            return [self.paragraphs[p] for p in self.numbering().paragraphs]
        section = self.section(section_id)
        return [
            self.paragraphs[i]
            for i in section.items
            if i in self.paragraphs and not self.paragraphs[i].struck
        ]

    def items(self, section_id: str) -> Iterator[Paragraph | SubHeading]:
        """The section's paragraphs and sub-headings in order, struck and removed ones included."""
        for item in self.section(section_id).items:
            yield self.paragraphs[item] if item in self.paragraphs else self.subheadings[item]

    # --------------------------------------------------------------- numbering
    def invalidate(self, sections: Iterable[str] | None = None) -> None:
        """Forget the cached numbering after a change of order: of these sections' paragraphs (their
        live or struck state, kind or place), or of anything (None)."""
        self._numbering = None
        if sections is None:
            self._runs.clear()
        else:
            for sid in sections:
                self._runs.pop(sid, None)

    def numbering(self) -> Numbering:
        """Paragraph numbers 1..N through the whole document and section letters, derived from order."""
        if self._numbering is None and (self.numbering_mode != KEEP or not self.kept):  # one pass (issue 15)
            runs = self._runs
            for sid in self.order:
                if sid not in runs:
                    runs[sid] = section_run(self.sections[sid].items, self.paragraphs)
            order, shown, numbered = join_runs([runs[sid] for sid in self.order])
            label = {sid: section_label(index) for index, sid in enumerate(self.order)}
            # live: the labels shown are those of the live paragraphs, and the operative ones are their numbers
            self._numbering = Numbering(
                order, None, list(self.order), label, shown, numbered, shown, counted=True
            )
        if self._numbering is None:
            order: list[str] = []
            label: dict[str, str] = {}
            for index, sid in enumerate(self.order):
                label[sid] = section_label(index)
                for item in self.sections[sid].items:
                    para = self.paragraphs.get(item)
                    if para is not None and not para.struck:
                        order.append(item)
            shown, number = paragraph_labels(self.walk(), self.numbering_mode, self.kept)
            self._numbering = Numbering(
                paragraphs=order,
                number=number,
                sections=list(self.order),
                label=label,
                shown=shown,
                numbered=[pid for pid in order if pid in number],
                live_label={pid: shown[pid] for pid in order},
            )
        return self._numbering

    def walk(self) -> list[Walked]:
        """Every paragraph of the sections in the document, struck ones included, in order."""
        return [
            Walked(item, self.paragraphs[item].kind, self.paragraphs[item].struck)
            for sid in self.order
            for item in self.sections[sid].items
            if item in self.paragraphs
        ]

    def fixed_numbers(self) -> dict[str, str]:
        """The numbers a technical renumbering would fix now (live paragraphs, 1..N per kind)."""
        return fixed_numbers(self.walk())

    def number_of(self, paragraph_id: str) -> int | None:
        """The paragraph's live operative number, or None if it is struck or preambular."""
        return self.numbering().number_of(paragraph_id)

    def label_of_paragraph(self, paragraph_id: str) -> str | None:
        """The paragraph's label as shown: "12", "PP3", in keep mode "7 bis"; None if struck and not kept."""
        return self.numbering().shown.get(paragraph_id)

    def label_as_live(self, paragraph_id: str) -> str | None:
        """The paragraph's label as shown, or for a struck one the label it would show if it were live: the
        number a strike took away, or a restore gives back. None if it is in no section of the document."""
        shown = self.label_of_paragraph(paragraph_id)
        if shown is not None or paragraph_id not in self.paragraphs:
            return shown
        if self.numbering_mode == KEEP and self.kept:  # ("7 bis" after the kept one before it: the whole walk)
            return self._label_if_live_walked(paragraph_id)
        # Live numbers: the one after the live paragraph of its kind before it, found going back from it (a
        # step or two), not by numbering the whole draft again (a strike's message asks it: 40 ms at 10,000).
        para = self.paragraphs[paragraph_id]
        if para.section not in self.sections or para.section not in self.order:
            return None
        labels, number = self.numbering().shown, 1
        for item in self._items_before(paragraph_id, para.section):
            other = self.paragraphs.get(item)
            if other is not None and other.kind == para.kind and not other.struck:
                number = int(labels[item].removeprefix("PP")) + 1
                break
        return f"PP{number}" if para.kind == PREAMBULAR else str(number)

    def _items_before(self, item_id: str, section_id: str) -> Iterator[str]:
        """The items of the document before item_id (in section_id), nearest first."""
        items = self.sections[section_id].items
        yield from reversed(items[: items.index(item_id)])
        for sid in reversed(self.order[: self.order.index(section_id)]):
            yield from reversed(self.sections[sid].items)

    def _label_if_live_walked(self, paragraph_id: str) -> str | None:
        """label_as_live for a struck paragraph, by numbering the whole draft with it live (any mode)."""
        walked = [w._replace(struck=False) if w.id == paragraph_id else w for w in self.walk()]
        return paragraph_labels(walked, self.numbering_mode, self.kept)[0].get(paragraph_id)

    def paragraph_name(self, paragraph_id: str, as_live: bool = False) -> str:
        """How the record and messages name a paragraph: "paragraph 12", "preambular paragraph 3"; as_live: a
        struck one by the label it would have if it were live (label_as_live)."""
        shown = self.label_as_live(paragraph_id) if as_live else self.label_of_paragraph(paragraph_id)
        if shown is None:
            return "a struck paragraph"
        if shown.startswith("PP"):
            return f"preambular paragraph {shown[2:]}"
        return f"paragraph {shown}"

    def paragraph_by_number(self, number: int) -> Paragraph:
        """The operative paragraph that is now number `number`."""
        order = self.numbering().numbered
        if not 1 <= number <= len(order):
            raise DraftError(f"There is no paragraph {number}; the draft has {len(order)} paragraphs.")
        return self.paragraphs[order[number - 1]]

    def paragraph_by_label(self, label: str) -> Paragraph:
        """The paragraph shown as `label` ("12", "PP3", "7 bis"; case and spaces ignored)."""
        wanted = " ".join(label.lower().replace("pp ", "pp").split())
        for pid, shown in self.numbering().shown.items():
            if shown.lower() == wanted:
                return self.paragraphs[pid]
        raise DraftError(f"There is no paragraph {label.strip()!r} in the draft.")

    def label_of(self, section_id: str) -> str:
        """The section's letter now, e.g. "C"."""
        try:
            return self.numbering().label[section_id]
        except KeyError:
            raise DraftError(f"Section {section_id!r} is not in the document.") from None

    def paragraph_range(self, section_id: str) -> tuple[int, int] | None:
        """First and last paragraph number in the section, or None if it has none."""
        numbers = [n for p in self.live_paragraphs(section_id) if (n := self.number_of(p.id)) is not None]
        return (numbers[0], numbers[-1]) if numbers else None

    def label_range(self, section_id: str) -> str | None:
        """The section's paragraphs as shown, e.g. "16–20", "PP1–PP4, 1–3", "7–7 bis"; None if it has none."""
        spans: list[list[str]] = []
        kind = ""
        for para in self.live_paragraphs(section_id):
            shown = self.label_of_paragraph(para.id) or "?"
            if para.kind != kind or not spans:
                spans.append([shown])
                kind = para.kind
            else:
                spans[-1].append(shown)
        return ", ".join(s[0] if len(s) == 1 else f"{s[0]}\u2013{s[-1]}" for s in spans) or None

    def subheading_of(self, paragraph_id: str) -> SubHeading | None:
        """The sub-heading a paragraph sits under, if any."""
        para = self.paragraph(paragraph_id)
        current: SubHeading | None = None
        for item in self.sections[para.section].items:
            if item == paragraph_id:
                return current
            heading = self.subheadings.get(item)
            if heading is not None and not heading.removed:
                current = heading
        return current

    # ---------------------------------------------------------------- brackets
    def open_brackets(self, section_id: str | None = None) -> int:
        """Open square-bracketed spans in one section or the whole document."""
        return sum(p.open_brackets() for p in self.live_paragraphs(section_id))

    def bracket_places(self, section_id: str | None = None) -> list[str]:
        """Human-readable places of open brackets, e.g. ["paragraph 12", "paragraph 14 (b)"]."""
        places = []
        for para in self.live_paragraphs(section_id):
            subs = [sub for sub in para.live_subparagraphs() if count_brackets(sub.text)] if para.subparagraphs else []
            if not subs and not count_brackets(para.text):
                continue  # most paragraphs: no name worked out (a section of 1,250 paragraphs is checked at adoption)
            name = self.paragraph_name(para.id)
            if count_brackets(para.text):
                places.append(name)
            cited = para.sub_references() if subs else {}
            places.extend(f"{name} {cited[sub.id]}" for sub in subs)
        return places

    # --------------------------------------------------------------- proposals
    def pending_proposals(self, paragraph_id: str | None = None) -> list[Proposal]:
        """Proposals neither accepted nor set aside (for one paragraph when given)."""
        return [
            p
            for p in self.proposals.values()
            if p.status == "pending" and (paragraph_id is None or p.paragraph == paragraph_id)
        ]

    # ------------------------------------------------------------------- text
    def plain_text(self) -> str:
        """The clean text: title, lettered sections, sub-headings and numbered paragraphs."""
        lines = [self.title] if self.title else []
        numbering = self.numbering()
        for sid in self.order:
            section = self.sections[sid]
            lines.append(f"{numbering.label[sid]}. {section.title}")
            for item in self.items(sid):
                if isinstance(item, SubHeading):
                    if not item.removed:
                        lines.append(item.title)
                elif not item.struck:
                    lead = "" if item.preambular else f"{numbering.shown[item.id]}. "
                    lines.append(f"{lead}{item.full_text()}")
        return "\n".join(lines)

    def fingerprint(self) -> tuple:
        """A comparable summary of everything visible in the draft (for tests and replay checks)."""
        sections = tuple(
            (
                sid,
                self.sections[sid].title,
                tuple(
                    (i.id, i.title, i.removed)
                    if isinstance(i, SubHeading)
                    else (
                        i.id,
                        i.text,
                        i.struck,
                        i.author,
                        tuple((s.id, s.text, s.struck, s.level) for s in i.subparagraphs),
                        i.kind,
                        i.italic,
                        tuple(i.notes),
                    )
                    for i in self.items(sid)
                ),
            )
            for sid in self.order
        )
        proposals = tuple(sorted((p.id, p.paragraph, p.text, p.status) for p in self.proposals.values()))
        baselines = tuple((b.seq, b.label) for b in self.baselines)
        return (
            self.title,
            sections,
            proposals,
            baselines,
            self.numbering_mode,
            tuple(sorted(self.kept.items())),
        )
