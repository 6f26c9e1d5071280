"""The draft's events: how each draft.* event is checked, undone and applied to the Draft.

Payloads (ids are chosen by the operation that records the event; positions are "after this item id",
None meaning "at the start", so replay never depends on counting):

    draft.title.set          {title}
    draft.section.add        {id, title, index}
    draft.section.retitle    {id, title}
    draft.section.move       {id, index}
    draft.section.remove     {id}                       strikes the section's paragraphs with it
    draft.section.restore    {id, index, paragraphs}
    draft.subheading.add     {id, section, title, after}
    draft.subheading.retitle {id, title}
    draft.subheading.remove  {id}      draft.subheading.restore {id}
    draft.paragraph.insert   {id, section, after, text, subparagraphs: [{id, text}]}
    draft.paragraph.amend    {id, text, author?}
    draft.paragraph.strike   {id}      draft.paragraph.restore {id}
    draft.paragraph.move     {id, section, after}
    draft.subparagraph.add   {paragraph, id, text, after}
    draft.subparagraph.amend {paragraph, id, text, author?}
    draft.subparagraph.strike {paragraph, id}   draft.subparagraph.restore {paragraph, id}
    draft.subparagraph.move  {paragraph, id, after}
    draft.proposal.add       {id, paragraph, text}      the actor is the proposing delegation
    draft.proposal.accept    {id}
    draft.proposal.set_aside {id}
    draft.proposal.reopen    {id, text?, author?}       undoes an accept (text) or a set-aside
    draft.baseline           {label}

Any payload may also carry "undo_of": the sequence number of the event it undoes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..log.errors import DraftError
from .brackets import bracket_spans
from .model import Draft, Paragraph, Proposal, Section, SubHeading, SubParagraph
from .record import describe_draft_event

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.eventlog import Event
    from ..log.state import SessionState

Payload = dict[str, Any]


def _text(payload: Payload, where: str) -> str:
    text = payload.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DraftError(f"The new text of {where} is empty; strike it instead.")
    bracket_spans(text, where)
    return text


def _where(draft: Draft, paragraph_id: str) -> str:
    number = draft.number_of(paragraph_id)
    return f"paragraph {number}" if number else "the paragraph"


def _predecessor(items: list[str], item_id: str) -> str | None:
    index = items.index(item_id)
    return items[index - 1] if index else None


def _gone(d: Draft, item: str) -> bool:
    """A struck paragraph or a removed sub-heading: still in the section's items, but not in the text."""
    para = d.paragraphs.get(item)
    return para.struck if para is not None else d.subheadings[item].removed


def _still_after(items: list[str], item_id: str, after: str | None, gone: set[str]) -> bool:
    """Whether an item placed after `after` still comes after it (None: no item still there comes first)."""
    index = items.index(item_id)
    if after is None:
        return all(item in gone for item in items[:index])
    return after in items and items.index(after) < index


def _insert_after(items: list[str], item_id: str, after: str | None) -> None:
    items.insert(items.index(after) + 1 if after is not None else 0, item_id)


class DraftComponent:
    """Owns every draft.* event."""

    name = "draft"
    prefixes = ("draft.",)

    # ------------------------------------------------------------------ check
    def check(self, state: SessionState, kind: str, payload: Payload, actor: str) -> None:
        if not kind.startswith("draft."):
            return
        handler = getattr(self, "_check_" + kind[len("draft.") :].replace(".", "_"), None)
        if handler is None:
            raise DraftError(f"Unknown draft event {kind!r}.")
        handler(state.draft, payload)

    def _check_title_set(self, d: Draft, p: Payload) -> None:
        if not isinstance(p.get("title"), str):
            raise DraftError("The document title must be text.")

    def _check_section_add(self, d: Draft, p: Payload) -> None:
        if p["id"] in d.sections:
            raise DraftError(f"Section id {p['id']!r} is already used.")
        if not str(p.get("title", "")).strip():
            raise DraftError("A section needs a title.")
        if not 0 <= p["index"] <= len(d.order):
            raise DraftError(f"There is no place {p['index'] + 1} among {len(d.order)} sections.")

    def _live_section(self, d: Draft, section_id: str) -> Section:
        section = d.section(section_id)
        if section.removed:
            raise DraftError(f"Section {section.title!r} has been removed.")
        return section

    def _check_section_retitle(self, d: Draft, p: Payload) -> None:
        self._live_section(d, p["id"])
        if not str(p.get("title", "")).strip():
            raise DraftError("A section needs a title.")

    def _check_section_move(self, d: Draft, p: Payload) -> None:
        self._live_section(d, p["id"])
        if not 0 <= p["index"] < len(d.order):
            raise DraftError(f"There is no place {p['index'] + 1} among {len(d.order)} sections.")

    def _check_section_remove(self, d: Draft, p: Payload) -> None:
        self._live_section(d, p["id"])

    def _check_section_restore(self, d: Draft, p: Payload) -> None:
        if not d.section(p["id"]).removed:
            raise DraftError("That section is in the document already.")
        if not 0 <= p["index"] <= len(d.order):
            raise DraftError("There is no such place among the sections.")

    def _check_anchor(self, d: Draft, section: Section, after: str | None, moving: str | None = None) -> None:
        if after is not None and (after not in section.items or after == moving):
            raise DraftError(f"Cannot place it after {after!r}: not an item of section {section.title!r}.")

    def _check_subheading_add(self, d: Draft, p: Payload) -> None:
        if p["id"] in d.subheadings:
            raise DraftError(f"Sub-heading id {p['id']!r} is already used.")
        if not str(p.get("title", "")).strip():
            raise DraftError("A sub-heading needs a title.")
        self._check_anchor(d, self._live_section(d, p["section"]), p.get("after"))

    def _subheading(self, d: Draft, heading_id: str) -> SubHeading:
        try:
            return d.subheadings[heading_id]
        except KeyError:
            raise DraftError(f"There is no sub-heading {heading_id!r}.") from None

    def _check_subheading_retitle(self, d: Draft, p: Payload) -> None:
        if self._subheading(d, p["id"]).removed or not str(p.get("title", "")).strip():
            raise DraftError("That sub-heading cannot be retitled (removed, or the title is empty).")

    def _check_subheading_remove(self, d: Draft, p: Payload) -> None:
        if self._subheading(d, p["id"]).removed:
            raise DraftError("That sub-heading has been removed already.")

    def _check_subheading_restore(self, d: Draft, p: Payload) -> None:
        if not self._subheading(d, p["id"]).removed:
            raise DraftError("That sub-heading is in the document already.")

    def _check_paragraph_insert(self, d: Draft, p: Payload) -> None:
        if p["id"] in d.paragraphs:
            raise DraftError(f"Paragraph id {p['id']!r} is already used.")
        self._check_anchor(d, self._live_section(d, p["section"]), p.get("after"))
        _text(p, "the new paragraph")
        for sub in p.get("subparagraphs", []):
            _text(sub, "a sub-paragraph of the new paragraph")

    def _live_paragraph(self, d: Draft, paragraph_id: str) -> Paragraph:
        para = d.paragraph(paragraph_id)
        if para.struck:
            raise DraftError("That paragraph has been struck; restore it first.")
        return para

    def _check_paragraph_amend(self, d: Draft, p: Payload) -> None:
        self._live_paragraph(d, p["id"])
        _text(p, _where(d, p["id"]))

    def _check_paragraph_strike(self, d: Draft, p: Payload) -> None:
        self._live_paragraph(d, p["id"])

    def _check_paragraph_restore(self, d: Draft, p: Payload) -> None:
        para = d.paragraph(p["id"])
        if not para.struck:
            raise DraftError("That paragraph is not struck.")
        self._live_section(d, para.section)

    def _check_paragraph_move(self, d: Draft, p: Payload) -> None:
        self._live_paragraph(d, p["id"])
        self._check_anchor(d, self._live_section(d, p["section"]), p.get("after"), moving=p["id"])

    def _check_subparagraph_add(self, d: Draft, p: Payload) -> None:
        para = self._live_paragraph(d, p["paragraph"])
        if any(s.id == p["id"] for q in d.paragraphs.values() for s in q.subparagraphs):
            raise DraftError(f"Sub-paragraph id {p['id']!r} is already used.")
        after = p.get("after")
        if after is not None:
            para.subparagraph(after)
        _text(p, f"a sub-paragraph of {_where(d, para.id)}")

    def _check_subparagraph_amend(self, d: Draft, p: Payload) -> None:
        para = self._live_paragraph(d, p["paragraph"])
        if para.subparagraph(p["id"]).struck:
            raise DraftError("That sub-paragraph has been struck; restore it first.")
        _text(p, f"a sub-paragraph of {_where(d, para.id)}")

    def _check_subparagraph_strike(self, d: Draft, p: Payload) -> None:
        if self._live_paragraph(d, p["paragraph"]).subparagraph(p["id"]).struck:
            raise DraftError("That sub-paragraph has been struck already.")

    def _check_subparagraph_restore(self, d: Draft, p: Payload) -> None:
        if not self._live_paragraph(d, p["paragraph"]).subparagraph(p["id"]).struck:
            raise DraftError("That sub-paragraph is not struck.")

    def _check_subparagraph_move(self, d: Draft, p: Payload) -> None:
        para = self._live_paragraph(d, p["paragraph"])
        para.subparagraph(p["id"])
        if p.get("after") is not None and (p["after"] == p["id"] or para.subparagraph(p["after"]) is None):
            raise DraftError("Cannot place a sub-paragraph after itself.")

    def _proposal(self, d: Draft, proposal_id: str) -> Proposal:
        try:
            return d.proposals[proposal_id]
        except KeyError:
            raise DraftError(f"There is no proposal {proposal_id!r}.") from None

    def _check_proposal_add(self, d: Draft, p: Payload) -> None:
        if p["id"] in d.proposals:
            raise DraftError(f"Proposal id {p['id']!r} is already used.")
        self._live_paragraph(d, p["paragraph"])
        _text(p, f"the proposal for {_where(d, p['paragraph'])}")

    def _check_proposal_accept(self, d: Draft, p: Payload) -> None:
        proposal = self._proposal(d, p["id"])
        if proposal.status != "pending":
            raise DraftError(f"That proposal has been {proposal.status} already.")
        self._live_paragraph(d, proposal.paragraph)

    def _check_proposal_set_aside(self, d: Draft, p: Payload) -> None:
        proposal = self._proposal(d, p["id"])
        if proposal.status != "pending":
            raise DraftError(f"That proposal has been {proposal.status} already.")

    def _check_proposal_reopen(self, d: Draft, p: Payload) -> None:
        if self._proposal(d, p["id"]).status == "pending":
            raise DraftError("That proposal is still pending.")

    def _check_baseline(self, d: Draft, p: Payload) -> None:
        if not str(p.get("label", "")).strip():
            raise DraftError("A baseline needs a name, e.g. 'Start of the second reading'.")

    # ---------------------------------------------------------------- inverse
    def inverse(self, state: SessionState, kind: str, p: Payload) -> tuple[str, Payload] | None:
        d = state.draft
        match kind:
            case "draft.title.set":
                return kind, {"title": d.title}
            case "draft.section.add":
                return "draft.section.remove", {"id": p["id"]}
            case "draft.section.retitle":
                return kind, {"id": p["id"], "title": d.sections[p["id"]].title}
            case "draft.section.move":
                return kind, {"id": p["id"], "index": d.order.index(p["id"])}
            case "draft.section.remove":
                live = [q.id for q in d.live_paragraphs(p["id"])]
                return "draft.section.restore", {
                    "id": p["id"],
                    "index": d.order.index(p["id"]),
                    "paragraphs": live,
                }
            case "draft.section.restore":
                return "draft.section.remove", {"id": p["id"]}
            case "draft.subheading.add" | "draft.subheading.restore":
                return "draft.subheading.remove", {"id": p["id"]}
            case "draft.subheading.remove":
                return "draft.subheading.restore", {"id": p["id"]}
            case "draft.subheading.retitle":
                return kind, {"id": p["id"], "title": d.subheadings[p["id"]].title}
            case "draft.paragraph.insert" | "draft.paragraph.restore":
                return "draft.paragraph.strike", {"id": p["id"]}
            case "draft.paragraph.strike":
                return "draft.paragraph.restore", {"id": p["id"]}
            case "draft.paragraph.amend":
                para = d.paragraphs[p["id"]]
                return kind, {"id": para.id, "text": para.text, "author": para.author}
            case "draft.paragraph.move":
                para = d.paragraphs[p["id"]]
                items = d.sections[para.section].items
                return kind, {"id": para.id, "section": para.section, "after": _predecessor(items, para.id)}
            case "draft.subparagraph.add" | "draft.subparagraph.restore":
                return "draft.subparagraph.strike", {"paragraph": p["paragraph"], "id": p["id"]}
            case "draft.subparagraph.strike":
                return "draft.subparagraph.restore", {"paragraph": p["paragraph"], "id": p["id"]}
            case "draft.subparagraph.amend":
                sub = d.paragraphs[p["paragraph"]].subparagraph(p["id"])
                return kind, {
                    "paragraph": p["paragraph"],
                    "id": sub.id,
                    "text": sub.text,
                    "author": sub.author,
                }
            case "draft.subparagraph.move":
                subs = [s.id for s in d.paragraphs[p["paragraph"]].subparagraphs]
                return kind, {
                    "paragraph": p["paragraph"],
                    "id": p["id"],
                    "after": _predecessor(subs, p["id"]),
                }
            case "draft.proposal.add":
                return "draft.proposal.set_aside", {"id": p["id"]}
            case "draft.proposal.reopen":
                undoes_accept = "text" in p
                return ("draft.proposal.accept" if undoes_accept else "draft.proposal.set_aside"), {
                    "id": p["id"]
                }
            case "draft.proposal.accept":
                para = d.paragraphs[d.proposals[p["id"]].paragraph]
                return "draft.proposal.reopen", {"id": p["id"], "text": para.text, "author": para.author}
            case "draft.proposal.set_aside":
                return "draft.proposal.reopen", {"id": p["id"]}
        return None  # baselines are marks in the record, not changes to undo

    # ------------------------------------------------------------ still stands
    def still_stands(self, state: SessionState, event: Event) -> bool:
        """Whether what the event set is still in place, so that undoing it undoes no later change."""
        d, p = state.draft, event.payload
        match event.kind:
            case "draft.title.set":
                return d.title == p["title"]
            case "draft.section.retitle":
                return d.sections[p["id"]].title == p["title"]
            case "draft.subheading.retitle":
                return d.subheadings[p["id"]].title == p["title"]
            case "draft.section.move":
                return p["id"] in d.order and d.order.index(p["id"]) == p["index"]
            case "draft.paragraph.amend":
                return d.paragraphs[p["id"]].text == p["text"]
            case "draft.subparagraph.amend":
                return d.paragraphs[p["paragraph"]].subparagraph(p["id"]).text == p["text"]
            case "draft.proposal.accept":
                proposal = d.proposals[p["id"]]
                return (
                    proposal.status == "accepted" and d.paragraphs[proposal.paragraph].text == proposal.text
                )
            case "draft.paragraph.move":
                para = d.paragraphs[p["id"]]
                items = d.sections[para.section].items
                gone = {i for i in items if _gone(d, i)}
                return para.section == p["section"] and _still_after(items, p["id"], p.get("after"), gone)
            case "draft.subparagraph.move":
                subparagraphs = d.paragraphs[p["paragraph"]].subparagraphs
                gone = {s.id for s in subparagraphs if s.struck}
                return _still_after([s.id for s in subparagraphs], p["id"], p.get("after"), gone)
        return True

    # --------------------------------------------------------------- describe
    def describe(self, state: SessionState, event: Event) -> str:
        return describe_draft_event(state, event)

    # ------------------------------------------------------------------ apply
    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        if not event.kind.startswith("draft."):
            return
        change.areas.add("draft")
        handler = getattr(self, "_apply_" + event.kind[len("draft.") :].replace(".", "_"))
        handler(state.draft, event, event.payload, change)

    def _structure(self, d: Draft, change: Change, *sections: str) -> None:
        d.invalidate()
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
        subs = [SubParagraph(s["id"], s["text"], e.actor) for s in p.get("subparagraphs", [])]
        d.paragraphs[p["id"]] = Paragraph(p["id"], p["text"], p["section"], e.actor, subparagraphs=subs)
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

    def _sub_change(self, d: Draft, p: Payload, c: Change) -> Paragraph:
        para = d.paragraphs[p["paragraph"]]
        c.paragraphs.add(para.id)
        c.sections.add(para.section)
        return para

    def _apply_subparagraph_add(self, d: Draft, e: Event, p: Payload, c: Change) -> None:
        para = self._sub_change(d, p, c)
        ids = [s.id for s in para.subparagraphs]
        index = ids.index(p["after"]) + 1 if p.get("after") is not None else 0
        para.subparagraphs.insert(index, SubParagraph(p["id"], p["text"], e.actor))

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
        from .model import Baseline

        d.baselines.append(Baseline(e.seq, p["label"], e.ts))
        c.areas.add("baseline")
