"""The record's sentences for draft events, read against the state just before each event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..log.state import REDO, actor_name, credited_actor, step_note
from .compare import Diff, word_diff

MOST_CHANGES = 3  # past this many changes in one step, the record says how many and quotes the new wording

if TYPE_CHECKING:
    from ..log.eventlog import Event
    from ..log.state import SessionState


def _quote(text: str) -> str:
    stripped = text.strip()
    return f"'{stripped}'" if stripped else "a space"


def changes(old: str, new: str) -> list[str]:
    """What a change of wording did, in words: "replaced 'they' with 'delegations'", "inserted '…'",
    "deleted '…'", "removed the square brackets around '…'", "bracketed '…'"."""
    diff: Diff = word_diff(old, new)
    out: list[str] = []
    index = 0
    while index < len(diff):
        op, text = diff[index]
        triple = diff[index : index + 3]
        if (
            len(triple) == 3
            and op != "equal"
            and [t for _, t in triple[::2]] == ["[", "]"]
            and triple[2][0] == op
            and triple[1][0] == "equal"
        ):
            verb = "removed the square brackets around" if op == "delete" else "bracketed"
            out.append(f"{verb} {_quote(triple[1][1])}")
            index += 3
            continue
        if op == "equal":
            index += 1
            continue
        deleted = inserted = ""
        while index < len(diff) and diff[index][0] != "equal":
            if diff[index][0] == "delete":
                deleted += diff[index][1]
            else:
                inserted += diff[index][1]
            index += 1
        if deleted and inserted:
            out.append(f"replaced {_quote(deleted)} with {_quote(inserted)}")
        else:
            out.append(f"inserted {_quote(inserted)}" if inserted else f"deleted {_quote(deleted)}")
    return out


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def wording_change(who: str, old: str, new: str, where: str) -> str:
    """ "Team Yellow replaced 'they' with 'delegations' in paragraph 15 (e)" (many changes: how many, and
    the new wording)."""
    done = changes(old, new)
    if not done:
        return f"{who} left the wording of {where} as it was"
    if len(done) > MOST_CHANGES:
        return f"{who} made {len(done)} changes to {where}, which now reads: \u201c{new}\u201d"
    return f"{who} {_and(done)} in {where}"


def draft_credit(state: SessionState, event: Event) -> str:
    """Whom a draft step is credited to (the record, and the status bar's confirmation): a redo names whoever
    made the step it redoes (a redo in a file from before that was kept names the author of the wording it
    puts back, when it has one)."""
    author = event.payload.get("author")
    if state.step_of(event) == REDO and "credited_to" not in event.payload and isinstance(author, str):
        return author
    return credited_actor(event)


def proposal_made_again(state: SessionState, event: Event) -> bool:
    """Whether a step is a proposal undone (set aside) and redone: told as the proposal made again."""
    return event.kind == "draft.proposal.reopen" and "text" not in event.payload and state.step_of(event) == REDO


def describe_draft_event(state: SessionState, event: Event) -> str:
    """One sentence for the record: "Team Blue amended paragraph 12 to read: “…”"."""

    d, p = state.draft, event.payload
    who = actor_name(state, draft_credit(state, event))
    undo = step_note(state, event)

    def para(pid: str) -> str:
        return d.paragraph_name(pid)

    def section(sid: str) -> str:
        sec = d.sections.get(sid)
        label = d.numbering().label.get(sid)
        return f"section {label}, {sec.title}" if sec and label else f"section '{sec.title if sec else sid}'"

    kind = event.kind
    if kind == "draft.title.set":
        text = f"{who} set the document title to '{p['title']}'"
    elif kind == "draft.section.add":
        text = f"{who} added a section '{p['title']}'"
    elif kind == "draft.section.retitle":
        text = f"{who} retitled {section(p['id'])} to '{p['title']}'"
    elif kind == "draft.section.move":
        text = f"{who} moved {section(p['id'])} to place {p['index'] + 1}"
    elif kind == "draft.section.remove":
        text = f"{who} removed {section(p['id'])}"
    elif kind == "draft.section.restore":
        text = f"{who} restored the section '{d.sections[p['id']].title}'"
    elif kind.startswith("draft.subheading."):
        verb = kind.rsplit(".", 1)[1].replace("add", "added").replace("retitle", "retitled")
        verb = verb.replace("remove", "removed").replace("restore", "restored")
        title = p.get("title") or d.subheadings[p["id"]].title
        text = f"{who} {verb} the sub-heading '{title}'"
    elif kind == "draft.paragraph.insert":
        anchor = p.get("after")
        place = (
            f"after {para(anchor)}" if anchor in d.paragraphs else f"at the start of {section(p['section'])}"
        )
        text = f"{who} inserted a new paragraph {place}: \u201c{p['text']}\u201d"
    elif kind == "draft.paragraph.amend":
        text = wording_change(who, d.paragraphs[p["id"]].text, p["text"], para(p["id"]))
    elif kind == "draft.paragraph.strike":
        text = f"{who} struck {para(p['id'])}"
    elif kind == "draft.paragraph.restore":
        back = d.label_as_live(p["id"]) is not None  # it comes back with a number
        struck = f"the struck {d.paragraph_name(p['id'], as_live=True)}" if back else "a struck paragraph"
        text = f"{who} restored {struck}: \u201c{d.paragraphs[p['id']].text}\u201d"
    elif kind == "draft.paragraph.move":
        text = f"{who} moved {para(p['id'])} to {section(p['section'])}"
    elif kind.startswith("draft.subparagraph."):
        action = kind.rsplit(".", 1)[1]
        where = para(p["paragraph"])
        cited = d.paragraphs[p["paragraph"]].sub_references()
        if action in ("amend", "strike", "level") and p["id"] in cited:
            where += f" {cited[p['id']]}"
        verb = {
            "add": "added a sub-paragraph to",
            "amend": "amended",
            "strike": "struck",
            "restore": "restored a sub-paragraph of",
            "move": "reordered the sub-paragraphs of",
            "level": "indented" if p.get("level") == 2 else "outdented",
        }[action]
        text = f"{who} {verb} {where}"
        if action == "add":
            text += f": \u201c{p['text']}\u201d"
        elif action == "amend":
            old = d.paragraphs[p["paragraph"]].subparagraph(p["id"]).text
            text = wording_change(who, old, p["text"], where)
    elif kind == "draft.proposal.add":
        text = f"{who} proposed for {para(p['paragraph'])}: \u201c{p['text']}\u201d"
    elif proposal_made_again(state, event):
        proposal = d.proposals[p["id"]]
        text = f"{who} proposed for {para(proposal.paragraph)}: \u201c{proposal.text}\u201d"
    elif kind in ("draft.proposal.accept", "draft.proposal.set_aside", "draft.proposal.reopen"):
        proposal = d.proposals[p["id"]]
        verb = {"accept": "accepted", "set_aside": "set aside", "reopen": "reopened"}[kind.rsplit(".", 1)[1]]
        text = f"{who} {verb} the proposal of {actor_name(state, proposal.delegation)} for {para(proposal.paragraph)}"
        if kind == "draft.proposal.accept":
            done = changes(d.paragraphs[proposal.paragraph].text, proposal.text)
            if done and len(done) <= MOST_CHANGES:
                text += ", which " + _and(done)
    elif kind == "draft.paragraph.kind":
        shape = "a preambular paragraph" if p["kind"] == "preambular" else "an operative paragraph"
        text = f"{who} made {para(p['id'])} {shape}"
    elif kind == "draft.numbering.mode":
        mode = (
            "keep the tabled numbers" if p["mode"] == "keep" else "renumber the paragraphs after each change"
        )
        text = f"{who} chose to {mode}"
    elif kind == "draft.numbering.renumber":
        text = f"{who} made the technical renumbering of the paragraphs"
    elif kind == "draft.baseline":
        text = f"{who} marked the text as it stands as '{p['label']}'"
    else:
        text = f"{who}: {kind}"
    sentence = text + undo
    # A quotation that ends a sentence already carries its full stop: "… the Assembly.”"
    return (
        sentence if sentence.endswith((".", ".\u201d", ";\u201d", "?\u201d", "!\u201d")) else sentence + "."
    )
