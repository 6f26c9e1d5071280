"""The chair's moves on the text, as functions over a Session: each one records one draft.* event.

These are what the window's actions call and what a script calls; each returns the Change it made
(the id of anything created is ``change.subject``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..log.change import Change
from ..log.errors import DraftError
from ..log.session import Session
from .brackets import add_brackets, remove_brackets
from .model import CHAIR, Draft
from .numbering import KEEP, NUMBERED


def _typed(text: str) -> str:
    """A text as typed or pasted: Word's manual line and page breaks (U+000B, U+000C) become spaces."""
    return text.replace("\x0b", " ").replace("\x0c", " ") if isinstance(text, str) else text


def _next_id(existing: Iterable[str], prefix: str) -> str:
    cut = len(prefix)
    numbers = (int(key[cut:]) for key in existing if key.startswith(prefix) and key[cut:].isdigit())
    return f"{prefix}{max(numbers, default=0) + 1}"


def _anchor_for_index(
    draft: Draft, section_id: str, index: int | None, moving: str | None = None
) -> str | None:
    """The item a paragraph placed at `index` among the section's live paragraphs goes after."""
    section = draft.section(section_id)
    live = [p.id for p in draft.live_paragraphs(section_id) if p.id != moving]
    items = [i for i in section.items if i != moving]
    if index is None or index >= len(live):
        return items[-1] if items else None
    if index <= 0:
        return None
    return live[index - 1]


def set_title(session: Session, title: str, actor: str = CHAIR) -> Change:
    """Set the document's title."""
    return session.record("draft.title.set", {"title": _typed(title)}, actor)


def add_section(session: Session, title: str, index: int | None = None, actor: str = CHAIR) -> Change:
    """Add a section (at the end unless index is given); its letter follows from its place."""
    draft = session.draft
    position = len(draft.order) if index is None else index
    payload = {"id": _next_id(draft.sections, "s"), "title": _typed(title), "index": position}
    return session.record("draft.section.add", payload, actor)


def retitle_section(session: Session, section_id: str, title: str, actor: str = CHAIR) -> Change:
    """Give a section a new title."""
    return session.record("draft.section.retitle", {"id": section_id, "title": _typed(title)}, actor)


def move_section(session: Session, section_id: str, index: int, actor: str = CHAIR) -> Change:
    """Move a section to another place; letters and paragraph numbers follow."""
    return session.record("draft.section.move", {"id": section_id, "index": index}, actor)


def remove_section(session: Session, section_id: str, actor: str = CHAIR) -> Change:
    """Remove a section; its paragraphs are struck with it (and come back if it is restored)."""
    return session.record("draft.section.remove", {"id": section_id}, actor)


def add_subheading(
    session: Session, section_id: str, title: str, before: str | None = None, actor: str = CHAIR
) -> Change:
    """Add a sub-heading before a paragraph of the section (at the end when before is None)."""
    draft = session.draft
    items = draft.section(section_id).items
    if before is None:
        after = items[-1] if items else None
    else:
        if before not in items:
            raise DraftError("That paragraph is not in this section.")
        index = items.index(before)
        after = items[index - 1] if index else None
    payload = {
        "id": _next_id(draft.subheadings, "h"),
        "section": section_id,
        "title": _typed(title),
        "after": after,
    }
    return session.record("draft.subheading.add", payload, actor)


def retitle_subheading(session: Session, heading_id: str, title: str, actor: str = CHAIR) -> Change:
    """Give a sub-heading a new title."""
    return session.record("draft.subheading.retitle", {"id": heading_id, "title": _typed(title)}, actor)


def remove_subheading(session: Session, heading_id: str, actor: str = CHAIR) -> Change:
    """Remove a sub-heading; its paragraphs stay where they are."""
    return session.record("draft.subheading.remove", {"id": heading_id}, actor)


def insert_paragraph(
    session: Session,
    section_id: str,
    text: str,
    *,
    index: int | None = None,
    after: str | None = None,
    subparagraphs: Sequence[str | tuple[str, int]] = (),
    kind: str = NUMBERED,
    italic: int = 0,
    notes: Sequence[str] = (),
    actor: str = CHAIR,
) -> Change:
    """Insert a paragraph after a given paragraph, or at index among the section's paragraphs (default: last).

    A sub-paragraph is its text (level 1, lettered) or (text, level) with level 2 for (i), (ii); kind is
    "numbered" (operative) or "preambular"; italic counts the opening words set in italics.
    """
    draft = session.draft
    if after is not None:
        if after not in draft.section(section_id).items:
            raise DraftError("That paragraph is not in this section.")
        anchor: str | None = after
    else:
        anchor = _anchor_for_index(draft, section_id, index)
    pid = _next_id(draft.paragraphs, "p")
    first_sub = int(_next_id(_all_sub_ids(draft), "sp")[2:])
    subs: list[dict] = []
    for i, sub in enumerate(subparagraphs):
        sub_text, level = (sub, 1) if isinstance(sub, str) else sub
        subs.append({"id": f"sp{first_sub + i}", "text": _typed(sub_text)})
        if level != 1:
            subs[-1]["level"] = level
    payload = {"id": pid, "section": section_id, "after": anchor, "text": _typed(text), "subparagraphs": subs}
    if kind != NUMBERED:
        payload["kind"] = kind
    if italic:
        payload["italic"] = italic
    if notes:
        payload["notes"] = [_typed(n) for n in notes]
    return session.record("draft.paragraph.insert", payload, actor)


def amend_paragraph(session: Session, paragraph_id: str, text: str, actor: str = CHAIR) -> Change:
    """Change a paragraph's wording; actor is the chair or the delegation whose proposal it carries."""
    text = _typed(text)
    if session.draft.paragraph(paragraph_id).text == text:
        raise DraftError("The text is unchanged.")
    return session.record("draft.paragraph.amend", {"id": paragraph_id, "text": text}, actor)


def strike_paragraph(session: Session, paragraph_id: str, actor: str = CHAIR) -> Change:
    """Strike (delete) a paragraph; the ones after it are renumbered."""
    return session.record("draft.paragraph.strike", {"id": paragraph_id}, actor)


def restore_paragraph(session: Session, paragraph_id: str, actor: str = CHAIR) -> Change:
    """Bring a struck paragraph back where it was."""
    return session.record("draft.paragraph.restore", {"id": paragraph_id}, actor)


def move_paragraph(
    session: Session, paragraph_id: str, section_id: str, index: int | None = None, actor: str = CHAIR
) -> Change:
    """Move a paragraph to a section, at index among its paragraphs (default: as the last paragraph)."""
    anchor = _anchor_for_index(session.draft, section_id, index, moving=paragraph_id)
    payload = {"id": paragraph_id, "section": section_id, "after": anchor}
    return session.record("draft.paragraph.move", payload, actor)


def move_paragraph_by(session: Session, paragraph_id: str, delta: int, actor: str = CHAIR) -> Change:
    """Move a paragraph up (-1) or down (+1) one place, crossing into the next section at an edge."""
    draft = session.draft
    para = draft.paragraph(paragraph_id)
    if para.struck:
        raise DraftError("That paragraph has been struck; restore it first.")
    live = [p.id for p in draft.live_paragraphs(para.section)]
    index = live.index(paragraph_id) + delta
    if 0 <= index < len(live):
        return move_paragraph(session, paragraph_id, para.section, index, actor)
    position = draft.order.index(para.section) + (1 if delta > 0 else -1)
    if not 0 <= position < len(draft.order):
        raise DraftError(
            "The paragraph is already at the " + ("end" if delta > 0 else "start") + " of the draft."
        )
    target = draft.order[position]
    return move_paragraph(session, paragraph_id, target, 0 if delta > 0 else None, actor)


def _all_sub_ids(draft: Draft) -> list[str]:
    return [s.id for p in draft.paragraphs.values() for s in p.subparagraphs]


def add_subparagraph(
    session: Session,
    paragraph_id: str,
    text: str,
    index: int | None = None,
    actor: str = CHAIR,
    level: int = 1,
) -> Change:
    """Add a sub-paragraph at index among the live ones (default: last): level 1 lettered, level 2 roman."""
    draft = session.draft
    para = draft.paragraph(paragraph_id)
    after = _sub_anchor(para, index)
    payload = {
        "paragraph": paragraph_id,
        "id": _next_id(_all_sub_ids(draft), "sp"),
        "text": _typed(text),
        "after": after,
    }
    if level != 1:
        payload["level"] = level
    return session.record("draft.subparagraph.add", payload, actor)


def set_subparagraph_level(
    session: Session, paragraph_id: str, sub_id: str, level: int, actor: str = CHAIR
) -> Change:
    """Indent a sub-paragraph to level 2, (i), or bring it back to level 1, (a)."""
    if session.draft.paragraph(paragraph_id).subparagraph(sub_id).level == level:
        raise DraftError("The sub-paragraph is at that level already.")
    payload = {"paragraph": paragraph_id, "id": sub_id, "level": level}
    return session.record("draft.subparagraph.level", payload, actor)


def set_paragraph_kind(
    session: Session, paragraph_id: str, kind: str, italic: int | None = None, actor: str = CHAIR
) -> Change:
    """Make a paragraph preambular (unnumbered) or numbered (operative); italic: its italic opening words."""
    para = session.draft.paragraph(paragraph_id)
    words = para.italic if italic is None else italic
    if (para.kind, para.italic) == (kind, words):
        raise DraftError(f"The paragraph is {kind} already.")
    return session.record("draft.paragraph.kind", {"id": paragraph_id, "kind": kind, "italic": words}, actor)


def set_numbering_mode(session: Session, mode: str, actor: str = CHAIR) -> Change:
    """Keep the tabled numbers ("keep": numbers fixed as they stand now) or renumber after each change ("live")."""
    draft = session.draft
    if draft.numbering_mode == mode:
        raise DraftError(f"The numbering is {mode!r} already.")
    kept = draft.fixed_numbers() if mode == KEEP else {}
    return session.record("draft.numbering.mode", {"mode": mode, "kept": kept}, actor)


def renumber(session: Session, actor: str = CHAIR) -> Change:
    """The technical renumbering (keep mode): number the paragraphs 1..N as they stand, recorded once."""
    return session.record("draft.numbering.renumber", {"kept": session.draft.fixed_numbers()}, actor)


def _sub_anchor(para, index: int | None, moving: str | None = None) -> str | None:  # noqa: ANN001
    live = [s.id for s in para.live_subparagraphs() if s.id != moving]
    every = [s.id for s in para.subparagraphs if s.id != moving]
    if index is None or index >= len(live):
        return every[-1] if every else None
    return live[index - 1] if index > 0 else None


def amend_subparagraph(
    session: Session, paragraph_id: str, sub_id: str, text: str, actor: str = CHAIR
) -> Change:
    """Change a sub-paragraph's wording."""
    payload = {"paragraph": paragraph_id, "id": sub_id, "text": _typed(text)}
    return session.record("draft.subparagraph.amend", payload, actor)


def strike_subparagraph(session: Session, paragraph_id: str, sub_id: str, actor: str = CHAIR) -> Change:
    """Strike a sub-paragraph; the letters after it follow."""
    return session.record("draft.subparagraph.strike", {"paragraph": paragraph_id, "id": sub_id}, actor)


def restore_subparagraph(session: Session, paragraph_id: str, sub_id: str, actor: str = CHAIR) -> Change:
    """Bring a struck sub-paragraph back."""
    return session.record("draft.subparagraph.restore", {"paragraph": paragraph_id, "id": sub_id}, actor)


def move_subparagraph(
    session: Session, paragraph_id: str, sub_id: str, index: int, actor: str = CHAIR
) -> Change:
    """Move a sub-paragraph to index among the paragraph's live sub-paragraphs."""
    para = session.draft.paragraph(paragraph_id)
    after = _sub_anchor(para, index, moving=sub_id)
    payload = {"paragraph": paragraph_id, "id": sub_id, "after": after}
    return session.record("draft.subparagraph.move", payload, actor)


def propose(session: Session, paragraph_id: str, text: str, delegation: str) -> Change:
    """Record a delegation's proposed wording for a paragraph without changing the text."""
    payload = {"id": _next_id(session.draft.proposals, "q"), "paragraph": paragraph_id, "text": _typed(text)}
    return session.record("draft.proposal.add", payload, delegation)


def accept_proposal(session: Session, proposal_id: str, actor: str = CHAIR) -> Change:
    """Accept a proposal: its wording replaces the paragraph's, credited to the delegation."""
    return session.record("draft.proposal.accept", {"id": proposal_id}, actor)


def set_aside_proposal(session: Session, proposal_id: str, actor: str = CHAIR) -> Change:
    """Set a proposal aside without changing the text."""
    return session.record("draft.proposal.set_aside", {"id": proposal_id}, actor)


def bracket_text(
    session: Session, paragraph_id: str, start: int, end: int, sub_id: str | None = None, actor: str = CHAIR
) -> Change:
    """Put square brackets around text[start:end] of a paragraph (or of one of its sub-paragraphs)."""
    para = session.draft.paragraph(paragraph_id)
    where = session.draft.paragraph_name(paragraph_id)
    if sub_id is None:
        return amend_paragraph(session, paragraph_id, add_brackets(para.text, start, end, where), actor)
    text = add_brackets(para.subparagraph(sub_id).text, start, end, where)
    return amend_subparagraph(session, paragraph_id, sub_id, text, actor)


def unbracket_text(
    session: Session, paragraph_id: str, position: int, sub_id: str | None = None, actor: str = CHAIR
) -> Change:
    """Remove the square brackets around the position, keeping the words (the text is now agreed)."""
    para = session.draft.paragraph(paragraph_id)
    if sub_id is None:
        return amend_paragraph(session, paragraph_id, remove_brackets(para.text, position), actor)
    text = remove_brackets(para.subparagraph(sub_id).text, position)
    return amend_subparagraph(session, paragraph_id, sub_id, text, actor)


def mark_baseline(session: Session, label: str, actor: str = CHAIR) -> Change:
    """Mark the text as it stands now as a baseline ("tabled draft", "start of the second reading").

    Keeping the tabled numbers with none fixed yet, the numbers are fixed first (a recorded renumbering):
    the text is being tabled."""
    draft = session.draft
    if draft.numbering_mode == KEEP and not draft.kept and draft.paragraphs:
        renumber(session, actor)
    return session.record("draft.baseline", {"label": label}, actor)
