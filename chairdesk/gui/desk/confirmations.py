"""What the status bar says once a step of the chair succeeded: "Section C adopted as amended.",
"Paragraph 5 struck — credited to Team Purple."

The words come from the state after the change (the section's new status, the paragraph's new number), so they
say what the desk now shows; steps of the floor are confirmed by the floor panel and the band, not here.
"""

from __future__ import annotations

from ...core.adoption.model import and_list
from ...core.log.change import Change
from ...core.log.session import Session
from ...core.log.state import actor_name, credited_actor

_DRAFT_VERBS = {
    "draft.paragraph.amend": "amended",
    "draft.paragraph.insert": "inserted",
    "draft.paragraph.strike": "struck",
    "draft.paragraph.restore": "restored",
    "draft.paragraph.move": "moved",
    "draft.subparagraph.add": "given a new sub-paragraph",
    "draft.subparagraph.amend": "amended (sub-paragraph)",
    "draft.subparagraph.strike": "lost a sub-paragraph",
    "draft.subparagraph.restore": "has a sub-paragraph back",
    "draft.subparagraph.move": "has its sub-paragraphs reordered",
    "draft.proposal.add": "has a new proposal",
    "draft.proposal.accept": "takes the proposal's wording",
    "draft.proposal.set_aside": "has a proposal set aside",
}


def confirmation(session: Session, change: Change) -> str:
    """One line confirming what the change did, or "" for the steps that are confirmed elsewhere."""
    kind = change.kind
    if kind.startswith("adoption."):
        return _adoption(session, change)
    if kind not in _DRAFT_VERBS:
        return ""
    payload = change.event.payload
    pid = payload.get("paragraph") if kind.startswith("draft.subparagraph") else payload.get("id")
    if kind.startswith("draft.proposal"):
        proposal = session.draft.proposals.get(payload.get("id", ""))
        pid = proposal.paragraph if proposal is not None else payload.get("paragraph")
    draft = session.draft
    # A struck paragraph is named by the number the strike took from it (as the record names it).
    known = isinstance(pid, str) and draft.label_as_live(pid) is not None
    name = draft.paragraph_name(pid, as_live=True) if known else "the paragraph"
    what = name[:1].upper() + name[1:]
    who = actor_name(session.state, credited_actor(change.event))  # a redo: whoever made the step
    return f"{what} {_DRAFT_VERBS[kind]} — credited to {who}."


def _adoption(session: Session, change: Change) -> str:
    draft, adoption, payload = session.draft, session.state.adoption, change.event.payload
    section_id = payload.get("section")
    if section_id is None and payload.get("subject_kind") == "section":
        section_id = payload.get("subject")
    label = draft.numbering().label.get(section_id, "") if isinstance(section_id, str) else ""
    section = f"Section {label}" if label else "The section"
    kind = change.kind
    if kind == "adoption.report.adopt":
        return "The report is adopted and endorsed; its text is frozen."
    if kind == "adoption.report.reopen":
        return "The report is reopened; the text can change again."
    if kind == "adoption.vote":
        vote = adoption.votes[-1] if adoption.votes else None
        result = "carried" if vote is not None and vote.carried else "not carried"
        status = f"; {section} {adoption.section_status(section_id)}" if label else ""
        return f"Vote recorded: {result}{status}."
    if kind == "adoption.object":
        name = session.state.roster.name_of(payload.get("delegation", ""))
        return f"Objection by {name} to section {label} recorded; it stands until withdrawn."
    if kind.startswith("adoption.objection"):
        name = session.state.roster.name_of(payload.get("delegation", ""))
        return f"{name} withdrew its objection to section {label}."
    status = adoption.section_status(section_id) if isinstance(section_id, str) else ""
    text = f"{section} {status}"
    over = payload.get("objecting") or [] if payload.get("over_objection") else []
    if over:
        names = and_list([session.state.roster.name_of(code) for code in over])
        text += f", {names} objecting"
    lapsed = payload.get("lapsed") or []
    if lapsed:
        text += f"; {len(lapsed)} pending proposal{'s' if len(lapsed) != 1 else ''} lapsed"
    return text + "."
