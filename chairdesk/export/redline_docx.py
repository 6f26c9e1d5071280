"""The redline: the report with every change since a baseline as a native Word revision (w:ins / w:del).

Numbers and letters are literal text, so a renumbered paragraph carries its number change as a revision
too; whole paragraphs inserted or deleted have their paragraph mark tracked. Accepting every revision gives
the text as it stands (the endorsed report); rejecting every revision gives the baseline (the tabled text).
A paragraph's wording has one revision per run of words, credited to who typed it and when
(core/draft/authorship.py); words deleted from another author's insertion are a w:del nested in that w:ins.
Titles, headings and moved paragraphs are credited to the last event that changed them (Attribution).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..core.draft.authorship import Piece, authored_pieces, baseline_text, current_text
from ..core.draft.compare import word_diff
from ..core.draft.model import CHAIR, Draft
from ..core.log.errors import RefusedError
from ..core.log.session import Session
from ..core.log.state import actor_name, credited_actor
from .base import (
    DRAFT_MARK,
    STYLE_CLOSING,
    STYLE_DOCUMENT,
    STYLE_SECTION,
    STYLE_SUBHEADING,
    Part,
    TitleBlock,
    add_child,
    add_header,
    add_page_numbers,
    adoption_of,
    closing_line,
    document_parts,
    long_date,
    new_document,
    save_docx,
    set_hanging_indents,
    set_properties,
    subparagraph_parts,
)
from .seal import checked_record, seal_docx, seal_of
from .un_layout import italicise_opening, paragraph_lines, paragraph_style, set_body_font, set_page, sub_style
from .un_layout import paragraph_lead as un_paragraph_lead

BASELINES = ("tabled", "last")
LEAD_WIDTHS = (1.75, 1.4)  # cm for "113.112." and "(aa)(z)": an old and a new lead side by side


@dataclass(frozen=True)
class Revision:
    """Who made a change and when, as Word shows it."""

    author: str
    date: str  # xsd:dateTime in UTC, e.g. 2026-11-26T09:14:00Z


def word_date(ts: str) -> str:
    """An event timestamp as Word wants a revision date (UTC, whole seconds)."""
    return datetime.fromisoformat(ts).strftime("%Y-%m-%dT%H:%M:%SZ")


class Attribution:
    """The last event since the baseline that changed each item's text or its place, and who made it."""

    def __init__(self, session: Session, since: int) -> None:
        state = session.state
        self._names = lambda actor: actor_name(state, actor, chair="Chair")  # as Word shows a reviewer
        self.text: dict[str, tuple[str, str]] = {}
        self.place: dict[str, tuple[str, str]] = {}
        proposals: dict[str, tuple[str, str]] = {}
        latest = ""
        for event in session.events:
            p = event.payload
            if event.kind == "draft.proposal.add":
                proposals[p["id"]] = (p["paragraph"], event.actor)
            if event.seq <= since or not event.kind.startswith("draft."):
                continue
            latest = event.ts
            kind, actor = event.kind, credited_actor(event)  # a redo: whoever made the step it redoes
            if kind == "draft.title.set":
                self.text["title"] = (actor, event.ts)
            elif kind in ("draft.section.retitle", "draft.subheading.retitle"):
                self.text[p["id"]] = (actor, event.ts)
            elif kind.startswith(("draft.section.", "draft.subheading.")):
                self.place[p["id"]] = (actor, event.ts)
            elif kind in ("draft.paragraph.amend", "draft.subparagraph.amend"):
                self.text[p["id"]] = (p.get("author", actor), event.ts)
            elif kind == "draft.paragraph.insert":
                self.place[p["id"]] = self.text[p["id"]] = (actor, event.ts)
                for sub in p.get("subparagraphs", []):
                    self.place[sub["id"]] = (actor, event.ts)
            elif kind.startswith(("draft.paragraph.", "draft.subparagraph.")):
                self.place[p["id"]] = (actor, event.ts)
            elif kind == "draft.proposal.accept":
                paragraph, delegation = proposals[p["id"]]
                self.text[paragraph] = (delegation, event.ts)
            elif kind == "draft.proposal.reopen" and "text" in p:
                paragraph, _ = proposals[p["id"]]
                self.text[paragraph] = (p.get("author", actor), event.ts)
        self.latest = latest or (session.events[-1].ts if session.events else "1970-01-01T00:00:00+00:00")

    def _revision(self, found: tuple[str, str] | None) -> Revision:
        actor, ts = found if found else (CHAIR, self.latest)
        return Revision(self._names(actor), word_date(ts))

    def of_text(self, *keys: str) -> Revision:
        """Who last changed the wording of the first of keys that has a change (else the Chair)."""
        return self._revision(next((self.text[k] for k in keys if k in self.text), None))

    def of_place(self, *keys: str) -> Revision:
        """Who last inserted, struck or moved the first of keys that has such a change (else the Chair)."""
        found = next((self.place[k] for k in keys if k in self.place), None)
        return self._revision(found or next((self.text[k] for k in keys if k in self.text), None))

    def numbering(self) -> Revision:
        """Renumbering follows from the Chair's moves: the Chair, at the latest change."""
        return self._revision(None)


# (equal | insert | delete, text, revision) or, for words deleted inside another author's insertion,
# ("delete", text, the deletion's revision, the insertion's revision): Word nests the w:del in the w:ins.
Segment = tuple[str, str, Revision | None] | tuple[str, str, Revision, Revision]


def _joined(segments: list[Segment]) -> list[Segment]:
    """Neighbouring segments of the same change by the same author at the same time, as one."""
    out: list[Segment] = []
    for segment in segments:
        if out and out[-1][0] == segment[0] and out[-1][2:] == segment[2:]:
            out[-1] = (segment[0], out[-1][1] + segment[1], *segment[2:])  # type: ignore[assignment]
        else:
            out.append(segment)
    return out


class RedlineWriter:
    """Builds the redline document paragraph by paragraph from the comparison's walk."""

    def __init__(self, session: Session, baseline: str = "tabled") -> None:
        if baseline not in BASELINES:
            raise RefusedError(f"Unknown baseline {baseline!r}; use 'tabled' or 'last'.")
        self.state = session.state
        self.old: Draft = session.baseline(baseline)
        self.new: Draft = session.draft
        baselines = self.new.baselines
        mark = (baselines[0] if baseline == "tabled" else baselines[-1]) if baselines else None
        self.baseline_label = f"{mark.label} ({long_date(mark.ts)})" if mark else "the empty draft"
        self.attribution = Attribution(session, mark.seq if mark else 0)
        self.session, self.baseline_seq = session, mark.seq if mark else 0
        self.document: DocxDocument = new_document()
        set_hanging_indents(self.document, *LEAD_WIDTHS)
        self._ids = itertools.count(1)

    # -------------------------------------------------------------- OOXML
    def _run(self, text: str, deleted: bool) -> OxmlElement:
        run = OxmlElement("w:r")
        for index, piece in enumerate(text.split("\t")):
            if index:
                add_child(run, OxmlElement("w:tab"))
            if piece:
                element = OxmlElement("w:delText" if deleted else "w:t")
                element.set(qn("xml:space"), "preserve")
                element.text = piece
                add_child(run, element)
        return run

    def _tracked(self, tag: str, revision: Revision) -> OxmlElement:
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(self._ids)))
        element.set(qn("w:author"), revision.author)
        element.set(qn("w:date"), revision.date)
        return element

    def paragraph(
        self, style: str, segments: list[Segment], mark: tuple[str, Revision] | None = None
    ) -> OxmlElement:
        """One Word paragraph of segments; mark tracks the paragraph mark itself ("insert" or "delete")."""
        para = self.document.add_paragraph(style=style)._p
        if mark is not None:
            rpr = OxmlElement("w:rPr")
            add_child(rpr, self._tracked("w:ins" if mark[0] == "insert" else "w:del", mark[1]))
            add_child(para.get_or_add_pPr(), rpr)
        for op, text, revision, *inserted in _joined(segments):
            if not text:
                continue
            if op == "equal" or revision is None:
                add_child(para, self._run(text, deleted=False))
            else:
                wrapper = self._tracked("w:ins" if op == "insert" else "w:del", revision)
                add_child(wrapper, self._run(text, deleted=op == "delete"))
                if inserted:  # deleted inside another author's insertion, as Word writes it
                    outer = self._tracked("w:ins", inserted[0])
                    add_child(outer, wrapper)
                    wrapper = outer
                add_child(para, wrapper)
        return para

    # ---------------------------------------------------------- authorship
    def _revision(self, actor: str, ts: str) -> Revision:
        return Revision(actor_name(self.state, actor, chair="Chair"), word_date(ts))

    def _piece(self, piece: Piece, default: Revision) -> Segment:
        """A piece of authored text as a segment: its own author and time (kept text: `default`'s)."""
        if piece.inserted_by is not None:
            return (
                "delete",
                piece.text,
                self._revision(piece.actor, piece.ts),
                self._revision(*piece.inserted_by),
            )
        if piece.op == "equal":
            return ("equal", piece.text, None)
        return (piece.op, piece.text, self._revision(piece.actor, piece.ts))

    def authored(
        self, old: str, new: str, fallback: Revision, paragraph: str, sub: str | None = None
    ) -> list[Segment]:
        """The change from old to new, one revision per author run (the word diff under one revision if
        the log's replay does not give these two texts)."""
        pieces = authored_pieces(self.session, paragraph, self.baseline_seq, sub)
        if baseline_text(pieces) == old and current_text(pieces) == new:
            return [self._piece(piece, fallback) for piece in pieces]
        return [(op, text, fallback) for op, text in word_diff(old, new)]

    def inserted_whole(
        self, text: str, place: Revision, paragraph: str, sub: str | None = None
    ) -> list[Segment]:
        """A text inserted with its paragraph: who typed which words (words kept since the baseline, of a
        paragraph struck then, are the insertion of whoever put the paragraph back)."""
        pieces = authored_pieces(self.session, paragraph, self.baseline_seq, sub)
        if current_text(pieces) != text:
            return [("insert", text, place)]
        segments: list[Segment] = []
        for piece in pieces:
            if piece.op == "equal":
                segments.append(("insert", piece.text, place))
            elif piece.op == "insert" or piece.inserted_by is not None:
                segments.append(self._piece(piece, place))
        return segments

    def whole(self, style: str, text: str, op: str, revision: Revision) -> OxmlElement:
        """A paragraph inserted or deleted as a whole, its mark included."""
        return self.paragraph(style, [(op, text, revision)], (op, revision))

    def diffed(self, style: str, old: str, new: str, revision: Revision) -> OxmlElement | None:
        """A paragraph whose wording went from old to new (inserted or deleted whole if one side is empty)."""
        if not old and not new:
            return None
        if not old:
            return self.whole(style, new, "insert", revision)
        if not new:
            return self.whole(style, old, "delete", revision)
        return self.paragraph(style, [(op, text, revision) for op, text in word_diff(old, new)])

    def comment(self, para: OxmlElement, text: str, op: str, revision: Revision) -> None:
        """A comment on a whole paragraph inserted or deleted (a moved one); it goes with the revision."""
        comment = self.document.comments.add_comment(text=text, author="Chair", initials="CH")
        cid = str(comment.comment_id)
        start, end = OxmlElement("w:commentRangeStart"), OxmlElement("w:commentRangeEnd")
        start.set(qn("w:id"), cid)
        end.set(qn("w:id"), cid)
        ppr = para.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)  # the range opens before the paragraph's first run, right after its w:pPr
        else:
            para.insert(0, start)
        add_child(para, end)
        reference = OxmlElement("w:r")
        ref = OxmlElement("w:commentReference")
        ref.set(qn("w:id"), cid)
        add_child(reference, ref)
        wrapper = self._tracked("w:ins" if op == "insert" else "w:del", revision)
        add_child(wrapper, reference)
        add_child(para, wrapper)

    # -------------------------------------------------------------- parts
    def _heading(self, draft: Draft, section_id: str) -> str:
        return f"{draft.label_of(section_id)}. {draft.sections[section_id].title}"

    def section(self, part: Part) -> None:
        """A section heading: its letter and title (either may have changed), or the whole heading."""
        if part.op == "keep":
            old, new = self._heading(self.old, part.id), self._heading(self.new, part.id)
            self.diffed(STYLE_SECTION, old, new, self.attribution.of_text(part.id))
        else:
            draft = self.new if part.op == "insert" else self.old
            revision = self.attribution.of_place(part.id)
            self.whole(STYLE_SECTION, self._heading(draft, part.id), part.op, revision)

    def subheading(self, part: Part) -> None:
        """A sub-heading, with its title diffed or inserted/removed whole."""
        if part.op == "keep":
            old, new = self.old.subheadings[part.id].title, self.new.subheadings[part.id].title
            self.diffed(STYLE_SUBHEADING, old, new, self.attribution.of_text(part.id))
        else:
            draft = self.new if part.op == "insert" else self.old
            heading = draft.subheadings[part.id]
            revision = self.attribution.of_place(part.id, heading.section)
            self.whole(STYLE_SUBHEADING, heading.title, part.op, revision)

    def whole_paragraph(self, part: Part) -> None:
        """A paragraph and its sub-paragraphs inserted (new side) or deleted (old side) as a whole."""
        draft = self.new if part.op == "insert" else self.old
        para = draft.paragraphs[part.id]
        revision = self.attribution.of_place(part.id, para.section)
        lines = list(paragraph_lines(draft, para))
        fresh = part.op == "insert" and not part.moved  # new words: credited run by run to their authors
        if fresh:
            segments = [("insert", lines[0].lead, revision)] if lines[0].lead else []
            segments += self.inserted_whole(para.text, revision, para.id)
            first = self.paragraph(lines[0].style, segments, ("insert", revision))
        else:
            first = self.whole(lines[0].style, lines[0].plain, part.op, revision)
        italicise_opening(first, len(lines[0].italic), len(lines[0].italic), bool(lines[0].lead))
        for line, sub in zip(lines[1:], para.live_subparagraphs(), strict=True):
            if fresh:
                segments = [("insert", line.lead, revision), *self.inserted_whole(sub.text, revision, para.id, sub.id)]
                self.paragraph(line.style, segments, ("insert", revision))
            else:
                self.whole(line.style, line.plain, part.op, revision)
        if part.moved:
            old_name, new_name = self.old.paragraph_name(part.id), self.new.paragraph_name(part.id)
            if part.op == "insert":
                self.comment(first, f"Former {old_name}, moved here.", part.op, revision)
            else:
                note = f"{old_name[0].upper()}{old_name[1:]} was moved; it is now {new_name}."
                self.comment(first, note, part.op, revision)

    def kept_paragraph(self, part: Part) -> None:
        """A paragraph in both drafts at the same place: number change, word diff, sub-paragraphs."""
        old, new = self.old.paragraphs[part.id], self.new.paragraphs[part.id]
        old_lead, new_lead = un_paragraph_lead(self.old, part.id), un_paragraph_lead(self.new, part.id)
        segments: list[Segment] = []
        if old_lead and new_lead:
            segments = self._lead(old_lead, new_lead)
        elif old_lead or new_lead:  # made preambular or operative: its number and tab come or go whole
            op = "insert" if new_lead else "delete"
            segments = [(op, (new_lead or old_lead) + "\t", self.attribution.numbering())]
        text_rev = self.attribution.of_text(part.id)
        segments += self.authored(old.text, new.text, text_rev, part.id)
        first = self.paragraph(paragraph_style(new), segments)
        has_lead = bool(old_lead or new_lead)
        italicise_opening(first, len(old.italic_words()), len(new.italic_words()), has_lead)
        old_letters, new_letters = old.sub_labels(), new.sub_labels()
        for op, sub_id in subparagraph_parts(old, new):
            if op == "keep":
                lead = self._lead(f"({old_letters[sub_id]})", f"({new_letters[sub_id]})")
                revision = self.attribution.of_text(sub_id, part.id)
                old_text, new_text = old.subparagraph(sub_id).text, new.subparagraph(sub_id).text
                style = sub_style(new.subparagraph(sub_id))
                self.paragraph(style, lead + self.authored(old_text, new_text, revision, part.id, sub_id))
            elif op == "insert":
                revision = self.attribution.of_place(sub_id, part.id)
                sub = new.subparagraph(sub_id)
                segments = [("insert", f"({new_letters[sub_id]})\t", revision)]
                segments += self.inserted_whole(sub.text, revision, part.id, sub_id)
                self.paragraph(sub_style(sub), segments, ("insert", revision))
            else:
                sub = old.subparagraph(sub_id)
                text = f"({old_letters[sub_id]})\t{sub.text}"
                self.whole(sub_style(sub), text, op, self.attribution.of_place(sub_id, part.id))

    def _lead(self, old: str, new: str) -> list[Segment]:
        """A number or letter and the tab after it; a change of number is the Chair's renumbering."""
        if old == new:
            return [("equal", old + "\t", None)]
        revision = self.attribution.numbering()
        return [("delete", old, revision), ("insert", new, revision), ("equal", "\t", None)]

    def body(self, part: Part) -> None:
        """Render one part of the document."""
        if part.kind == "section":
            self.section(part)
        elif part.kind == "subheading":
            self.subheading(part)
        elif part.op == "keep":
            self.kept_paragraph(part)
        else:
            self.whole_paragraph(part)

    # -------------------------------------------------------------- whole
    def build(self) -> DocxDocument:
        """The whole redline document."""
        block = TitleBlock.of(self.state)
        for style, text in block.lines():
            if style != STYLE_DOCUMENT:
                self.paragraph(style, [("equal", text, None)])
        self.diffed(STYLE_DOCUMENT, self.old.title, self.new.title, self.attribution.of_text("title"))
        for part in document_parts(self.old, self.new):
            self.body(part)
        adopted, adopted_at = adoption_of(self.state)
        if adopted and adopted_at:
            self.whole(
                STYLE_CLOSING, closing_line(adopted_at), "insert", Revision("Chair", word_date(adopted_at))
            )
        header = f"Changes since {self.baseline_label}"
        add_header(self.document, header if adopted else f"{DRAFT_MARK} \u2014 {header}")
        add_page_numbers(self.document)
        set_page(self.document, self.state.meeting.paper or "A4")
        set_body_font(self.document)
        title = self.new.title or self.state.meeting.title
        set_properties(self.document, title, header, adopted_at or self.state.last_ts)
        return self.document


def build_redline(session: Session, baseline: str = "tabled") -> DocxDocument:
    """The redline as a python-docx document."""
    return RedlineWriter(session, baseline).build()


def export_redline(session: Session, path: str | Path, baseline: str = "tabled", force: bool = False) -> Path:
    """Write the redline against the tabled draft (or the last baseline) to a DOCX file (record verified first)."""
    mark = checked_record(session, path, force)
    document = build_redline(session, baseline)
    seal_docx(document, seal_of(session), mark)
    return save_docx(document, path)
