"""What the status bar says once a step of the chair succeeded: "Section C adopted as amended.",
"Paragraph 5 struck — credited to Team Purple."

The words come from the state after the change (the section's new status, the paragraph's new number), so they
say what the desk now shows; steps of the floor are confirmed by the floor panel and the band, not here.
"""

from __future__ import annotations

from ...core.adoption.model import and_list
from ...core.draft.model import Draft
from ...core.draft.record import draft_credit, proposal_made_again
from ...core.log.change import Change
from ...core.log.eventlog import Event
from ...core.log.session import Session
from ...core.log.state import actor_name

_PARAGRAPH_VERBS = {
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
    "draft.proposal.reopen": "has a proposal reopened",
}
_HEADING_VERBS = {"add": "added", "retitle": "retitled", "remove": "removed", "restore": "restored"}
LONGEST_QUOTE = 60  # characters of a title quoted in a confirmation (the bar wraps it: a long one took 3 lines)


def confirmation(session: Session, change: Change) -> str:
    """One line confirming what the change did, or "" for the steps that are confirmed elsewhere."""
    kind = change.kind
    if kind.startswith("adoption."):
        return _adoption(session, change)
    if not kind.startswith("draft."):
        return ""
    what = _draft_step(session, change.event)
    if not what:
        return ""
    # Credited as the record credits it: a redo names whoever made the step it redoes.
    who = actor_name(session.state, draft_credit(session.state, change.event))
    return f"{what} — credited to {who}."


def _draft_step(session: Session, event: Event) -> str:
    """What a draft step did, as the desk now shows it: "Paragraph 5 struck", "Section B retitled '…'"."""
    kind, payload = event.kind, event.payload
    if kind in _PARAGRAPH_VERBS:
        verb = _PARAGRAPH_VERBS[kind]
        if proposal_made_again(session.state, event):
            verb = _PARAGRAPH_VERBS["draft.proposal.add"]  # a proposal undone and redone: made again (the record)
        return f"{_capital(_paragraph_named(session, kind, payload))} {verb}"
    return _heading_step(session.draft, kind, payload) or _other_step(session.draft, kind, payload)


def _paragraph_named(session: Session, kind: str, payload: dict) -> str:
    """The paragraph a step changed, named by its number now (a struck one by the number the strike took,
    as the record names it)."""
    pid = payload.get("paragraph") if kind.startswith("draft.subparagraph") else payload.get("id")
    if kind.startswith("draft.proposal"):
        proposal = session.draft.proposals.get(payload.get("id", ""))
        pid = proposal.paragraph if proposal is not None else payload.get("paragraph")
    draft = session.draft
    known = isinstance(pid, str) and draft.label_as_live(pid) is not None
    return draft.paragraph_name(pid, as_live=True) if known else "the paragraph"


def _heading_step(draft: Draft, kind: str, payload: dict) -> str:
    """A step on the document title, a section or a sub-heading ("" for another step)."""
    action = kind.rsplit(".", 1)[1]
    if kind == "draft.title.set":
        return f"Document title set to {_quoted(draft.title)}"
    if kind.startswith("draft.section.") and action in (*_HEADING_VERBS, "move"):
        section = draft.sections.get(payload.get("id", ""))
        title = section.title if section is not None else ""
        label = draft.numbering().label.get(payload.get("id", ""))
        named = f"Section {label}" if label else "The section"
        if action == "retitle":
            return f"{named} retitled {_quoted(title)}"
        if action == "move":
            return f"{_quoted(title)} moved, now section {label}" if label else f"{_quoted(title)} moved"
        return f"{named} {_quoted(title)} {_HEADING_VERBS[action]}"
    if kind.startswith("draft.subheading.") and action in _HEADING_VERBS:
        heading = draft.subheadings.get(payload.get("id", ""))
        title = heading.title if heading is not None else ""
        return f"Sub-heading {_quoted(title)} {_HEADING_VERBS[action]}"
    return ""


def _other_step(draft: Draft, kind: str, payload: dict) -> str:
    """A step on a paragraph's kind, a sub-paragraph's level or the numbering ("" for another step)."""
    if kind == "draft.paragraph.kind":
        pid = payload.get("id", "")
        shape = "preambular" if payload.get("kind") == "preambular" else "operative"
        return f"{_capital(draft.paragraph_name(pid, as_live=True))} made {shape}" if pid in draft.paragraphs else ""
    if kind == "draft.subparagraph.level":
        para = draft.paragraphs.get(payload.get("paragraph", ""))
        if para is None:
            return ""
        cited = para.sub_references().get(payload.get("id", ""), "")
        name = f"{draft.paragraph_name(para.id, as_live=True)} {cited}".strip()
        return f"{_capital(name)} {'indented' if payload.get('level') == 2 else 'outdented'}"
    if kind == "draft.numbering.mode":
        kept = payload.get("mode") == "keep"
        return "Numbering: the tabled numbers are kept" if kept else "Numbering: renumbered after each change"
    if kind == "draft.numbering.renumber":
        return "Paragraphs renumbered (technical renumbering)"
    if kind == "draft.baseline":
        return f"Text as it stands marked as {_quoted(payload.get('label', ''))}"
    return ""


def _quoted(title: str) -> str:
    """A title in quotes, its end elided past LONGEST_QUOTE characters (the record quotes it whole)."""
    short = title if len(title) <= LONGEST_QUOTE else title[: LONGEST_QUOTE - 1].rstrip() + "…"
    return f"'{short}'"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


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
