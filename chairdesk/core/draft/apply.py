"""The draft's changes: how each draft.* event, once checked and recorded, changes the Draft."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..log.errors import UnknownKindError
from .model import Baseline, Draft, Paragraph, Proposal, Section, SubHeading, SubParagraph
from .numbering import NUMBERED

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.eventlog import Event

Payload = dict[str, Any]


def _insert_after(items: list[str], item_id: str, after: str | None) -> None:
    if after is not None and items and items[-1] == after:  # a draft read or typed in order: no scan
        items.append(item_id)
        return
    items.insert(items.index(after) + 1 if after is not None else 0, item_id)


class DraftApplier:
    """Applies draft.* events to the Draft and notes in the Change what they touched."""

    def apply(self, d: Draft, event: Event, change: Change) -> None:
        """Apply one draft.* event to `d`, marking the sections and paragraphs it changed."""
        handler = getattr(self, "_apply_" + event.kind[len("draft.") :].replace(".", "_"), None)
        if handler is None:
            raise UnknownKindError(event.kind)
        handler(d, event, event.payload, change)

    def _structure(self, d: Draft, change: Change, *sections: str) -> None:
        d.invalidate(sections)  # every change of a paragraph's place, kind or state names its sections
        change.structure = True
        change.sections.update(sections)

    def _apply_title_set(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        d.title = p["title"]

    def _apply_section_add(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        d.sections[p["id"]] = Section(p["id"], p["title"])
        d.order.insert(p["index"], p["id"])
        self._structure(d, c, *d.order)

    def _apply_section_retitle(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        d.sections[p["id"]].title = p["title"]
        c.sections.add(p["id"])

    def _apply_section_move(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        d.order.remove(p["id"])
        d.order.insert(p["index"], p["id"])
        self._structure(d, c, *d.order)

    def _apply_section_remove(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        section = d.sections[p["id"]]
        for para in d.live_paragraphs(section.id):
            para.struck = True
            c.paragraphs.add(para.id)
        section.removed = True
        d.order.remove(section.id)
        self._structure(d, c, section.id, *d.order)

    def _apply_section_restore(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        section = d.sections[p["id"]]
        section.removed = False
        d.order.insert(p["index"], section.id)
        for pid in p.get("paragraphs", []):
            d.paragraphs[pid].struck = False
            c.paragraphs.add(pid)
        self._structure(d, c, *d.order)

    def _apply_subheading_add(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        d.subheadings[p["id"]] = SubHeading(p["id"], p["title"], p["section"])
        _insert_after(d.sections[p["section"]].items, p["id"], p.get("after"))
        self._structure(d, c, p["section"])

    def _apply_subheading_retitle(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        heading = d.subheadings[p["id"]]
        heading.title = p["title"]
        c.sections.add(heading.section)

    def _apply_subheading_remove(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        heading = d.subheadings[p["id"]]
        heading.removed = True
        self._structure(d, c, heading.section)

    def _apply_subheading_restore(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        heading = d.subheadings[p["id"]]
        heading.removed = False
        self._structure(d, c, heading.section)

    def _apply_paragraph_insert(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        subs = [
            SubParagraph(s["id"], s["text"], e.actor, level=s.get("level", 1))
            for s in p.get("subparagraphs", [])
        ]
        d.paragraphs[p["id"]] = Paragraph(
            p["id"],
            p["text"],
            p["section"],
            e.actor,
            subparagraphs=subs,
            kind=p.get("kind", NUMBERED),
            italic=p.get("italic", 0),
            notes=list(p.get("notes", [])),
        )
        _insert_after(d.sections[p["section"]].items, p["id"], p.get("after"))
        c.paragraphs.add(p["id"])
        self._structure(d, c, p["section"])

    def _apply_paragraph_amend(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        para = d.paragraphs[p["id"]]
        para.text = p["text"]
        para.author = p.get("author", e.actor)
        c.paragraphs.add(para.id)
        c.sections.add(para.section)

    def _apply_paragraph_strike(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        para = d.paragraphs[p["id"]]
        para.struck = True
        c.paragraphs.add(para.id)
        self._structure(d, c, para.section)

    def _apply_paragraph_restore(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        para = d.paragraphs[p["id"]]
        para.struck = False
        c.paragraphs.add(para.id)
        self._structure(d, c, para.section)

    def _apply_paragraph_move(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        para = d.paragraphs[p["id"]]
        old_section = para.section
        d.sections[old_section].items.remove(para.id)
        para.section = p["section"]
        _insert_after(d.sections[para.section].items, para.id, p.get("after"))
        c.paragraphs.add(para.id)
        self._structure(d, c, old_section, para.section)

    def _apply_paragraph_kind(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        para = d.paragraphs[p["id"]]
        para.kind = p["kind"]
        para.italic = p.get("italic", para.italic)
        c.paragraphs.add(para.id)
        self._structure(d, c, para.section)

    def _apply_subparagraph_level(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        self._sub_change(d, p, c).subparagraph(p["id"]).level = p["level"]

    def _apply_numbering_mode(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        d.numbering_mode = p["mode"]
        d.kept = dict(p.get("kept", {}))
        self._structure(d, c, *d.order)

    def _apply_numbering_renumber(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        d.kept = dict(p["kept"])
        self._structure(d, c, *d.order)

    def _sub_change(self, d: Draft, p: Payload, c: Change) -> Paragraph:
        para = d.paragraphs[p["paragraph"]]
        c.paragraphs.add(para.id)
        c.sections.add(para.section)
        return para

    def _apply_subparagraph_add(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        para = self._sub_change(d, p, c)
        ids = [s.id for s in para.subparagraphs]
        index = ids.index(p["after"]) + 1 if p.get("after") is not None else 0
        para.subparagraphs.insert(index, SubParagraph(p["id"], p["text"], e.actor, level=p.get("level", 1)))

    def _apply_subparagraph_amend(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        sub = self._sub_change(d, p, c).subparagraph(p["id"])
        sub.text = p["text"]
        sub.author = p.get("author", e.actor)

    def _apply_subparagraph_strike(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        self._sub_change(d, p, c).subparagraph(p["id"]).struck = True

    def _apply_subparagraph_restore(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        self._sub_change(d, p, c).subparagraph(p["id"]).struck = False

    def _apply_subparagraph_move(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        para = self._sub_change(d, p, c)
        sub = para.subparagraph(p["id"])
        para.subparagraphs.remove(sub)
        ids = [s.id for s in para.subparagraphs]
        index = ids.index(p["after"]) + 1 if p.get("after") is not None else 0
        para.subparagraphs.insert(index, sub)

    def _apply_proposal_add(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        d.proposals[p["id"]] = Proposal(p["id"], p["paragraph"], e.actor, p["text"], seq=e.seq)
        c.areas.add("proposals")
        self._sub_change(d, {"paragraph": p["paragraph"]}, c)

    def _apply_proposal_accept(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        proposal = d.proposals[p["id"]]
        proposal.status = "accepted"
        para = self._sub_change(d, {"paragraph": proposal.paragraph}, c)
        para.text = proposal.text
        para.author = proposal.delegation
        c.areas.add("proposals")

    def _apply_proposal_set_aside(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        proposal = d.proposals[p["id"]]
        proposal.status = "set aside"
        self._sub_change(d, {"paragraph": proposal.paragraph}, c)
        c.areas.add("proposals")

    def _apply_proposal_reopen(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        proposal = d.proposals[p["id"]]
        proposal.status = "pending"
        para = self._sub_change(d, {"paragraph": proposal.paragraph}, c)
        if "text" in p:
            para.text = p["text"]
            para.author = p.get("author", e.actor)
        c.areas.add("proposals")

    def _apply_baseline(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        d.baselines.append(Baseline(e.seq, p["label"], e.ts))
        c.areas.add("baseline")
