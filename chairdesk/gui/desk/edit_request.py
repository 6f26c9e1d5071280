"""What the editor pane asks the desk to commit, and whom the words are credited to (the Chair or a delegation)."""

from __future__ import annotations

from dataclasses import dataclass

from ...core.draft.model import CHAIR
from ...core.log.session import Session

CHAIR_LABEL = "Chair"


def known_actors(session: Session) -> list[tuple[str, str]]:
    """(code, name) of everyone the pen can be credited to: the roster, else the actors seen in the record."""
    on_roster = list(session.state.roster.names().items())
    if on_roster:
        return on_roster
    # the state keeps each actor once, in order of first appearance: the log's events need not be read
    seen = [(actor, actor) for actor in session.state.actors if actor not in (CHAIR, "system")]
    return sorted(seen, key=lambda item: item[1].lower())


def match_delegation(session: Session, typed: str) -> tuple[str | None, str]:
    """The code a typed name or code stands for, and "" (or None and why not).

    With a roster, it must name one delegation on it (a few letters will do); with none, any name is taken.
    """
    typed = typed.strip()
    roster = session.state.roster
    if typed.casefold() in ("", CHAIR, CHAIR_LABEL.casefold()):
        return CHAIR, ""
    if not roster.delegations:
        return typed, ""
    if typed in roster.codes():
        return typed, ""
    bare = typed.rsplit(" (", 1)[0] if typed.endswith(")") else typed  # "Team Yellow (YEL)"
    found = roster.resolve(typed)
    if found.delegation is None and bare != typed:
        found = roster.resolve(bare)
    if found.delegation is not None:
        return found.delegation.code, ""
    return None, found.message


@dataclass
class EditRequest:
    """What the chair committed in the pane: an amendment, a new paragraph or a new sub-paragraph."""

    kind: str  # amend | insert | subparagraph | first (the first paragraph of an empty section)
    paragraph_id: str  # the paragraph amended, or the one the new paragraph goes after, or the parent
    sub_id: str | None
    text: str
    actor: str
    section_id: str | None = None
