"""The draft's events: the component that checks, undoes, describes and applies each draft.* event.

Its rules are in checks.py (DraftChecks), its changes to the Draft in apply.py (DraftApplier); undo and
"does it still stand" are here, the record's sentence in record.py.

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
    draft.paragraph.insert   {id, section, after, text, kind?, italic?, notes?, subparagraphs: [{id, text, level?}]}
    draft.paragraph.kind     {id, kind, italic}         kind: numbered | preambular; italic: opening words
    draft.paragraph.amend    {id, text, author?}
    draft.paragraph.strike   {id}      draft.paragraph.restore {id}
    draft.paragraph.move     {id, section, after}
    draft.subparagraph.add   {paragraph, id, text, after, level?}   level 1: (a), level 2: (i)
    draft.subparagraph.level {paragraph, id, level}
    draft.subparagraph.amend {paragraph, id, text, author?}
    draft.subparagraph.strike {paragraph, id}   draft.subparagraph.restore {paragraph, id}
    draft.subparagraph.move  {paragraph, id, after}
    draft.proposal.add       {id, paragraph, text}      the actor is the proposing delegation
    draft.proposal.accept    {id}
    draft.proposal.set_aside {id}
    draft.proposal.reopen    {id, text?, author?}       undoes an accept (text) or a set-aside
    draft.baseline           {label}
    draft.numbering.mode     {mode, kept}               mode: live | keep; kept: {paragraph id: number}
    draft.numbering.renumber {kept}                     the technical renumbering (keep mode)

Any payload may also carry "undo_of": the sequence number of the event it undoes; a redo (an undo of an undo)
also "redo_of" and "credited_to": the sequence number and the actor of the step it redoes (log/state.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .apply import DraftApplier
from .checks import DraftChecks
from .record import describe_draft_event

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.eventlog import Event
    from ..log.state import SessionState
    from .model import Draft

Payload = dict[str, Any]


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


class DraftComponent:
    """Owns every draft.* event: its rules are in checks.py, its changes to the Draft in apply.py."""

    name = "draft"
    prefixes = ("draft.",)

    def __init__(self) -> None:
        self._checks = DraftChecks()
        self._applier = DraftApplier()

    # ------------------------------------------------------------------ check
    def check(self, state: SessionState, kind: str, payload: Payload, actor: str) -> None:
        if not kind.startswith("draft."):
            return
        self._checks.check(state.draft, kind, payload)

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
            case "draft.paragraph.kind":
                para = d.paragraphs[p["id"]]
                return kind, {"id": para.id, "kind": para.kind, "italic": para.italic}
            case "draft.subparagraph.level":
                sub = d.paragraphs[p["paragraph"]].subparagraph(p["id"])
                return kind, {"paragraph": p["paragraph"], "id": sub.id, "level": sub.level}
            case "draft.numbering.mode":
                return kind, {"mode": d.numbering_mode, "kept": dict(d.kept)}
            case "draft.numbering.renumber":
                return kind, {"kept": dict(d.kept)}
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
            case "draft.paragraph.kind":
                para = d.paragraphs[p["id"]]
                return (para.kind, para.italic) == (p["kind"], p.get("italic", para.italic))
            case "draft.subparagraph.level":
                return d.paragraphs[p["paragraph"]].subparagraph(p["id"]).level == p["level"]
            case "draft.numbering.mode":
                return d.numbering_mode == p["mode"]
            case "draft.numbering.renumber":
                return d.kept == p["kept"]
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
        self._applier.apply(state.draft, event, change)
