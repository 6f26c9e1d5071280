"""A paragraph edited by three delegations and the Chair, scripted through the API (fixed clock)."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core import drafting as ops
from chairdesk.core.floor.operations import set_roster
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.session import Session

from .conftest import fixed_clock

TABLED = "States [should] share national points of contact."
NOW = "States should share points of contact and delegations report annually."


def three_author_session(path: Path) -> tuple[Session, str]:
    """Blue inserts a clause, Yellow replaces Blue's word (its proposal accepted), Purple removes the
    brackets, the Chair deletes a tabled word; a Chair's slip is undone. Returns the session and the
    paragraph's id."""
    session = Session.create(path, "Working group", clock=fixed_clock())
    set_roster(
        session,
        [Delegation("BLU", "Team Blue"), Delegation("YEL", "Team Yellow"), Delegation("PUR", "Team Purple")],
    )
    a = ops.add_section(session, "Points of contact").subject
    ops.insert_paragraph(session, a, "States met in Geneva.")
    paragraph = ops.insert_paragraph(session, a, TABLED).subject
    ops.mark_baseline(session, "Tabled draft")
    ops.amend_paragraph(
        session,
        paragraph,
        "States [should] share national points of contact and they report annually.",
        "BLU",
    )
    proposal = ops.propose(
        session,
        paragraph,
        "States [should] share national points of contact and delegations report annually.",
        "YEL",
    ).subject
    ops.accept_proposal(session, proposal)
    text = session.draft.paragraph(paragraph).text
    ops.unbracket_text(session, paragraph, text.index("["), actor="PUR")
    slip = ops.amend_paragraph(session, paragraph, "States should share points.", "chair")
    session.undo(slip)  # the words go back to their authors, not to the Chair who undid the slip
    ops.amend_paragraph(session, paragraph, NOW)
    return session, paragraph
