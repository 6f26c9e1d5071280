"""What must be settled before adoption: standing objections, and proposals still pending (which lapse).

An objection stands until the delegation withdraws it, the section is put to the vote, or the chair rules
to adopt over it (the adoption event names the objecting delegations). Proposals still pending on the
paragraphs being adopted lapse in the adoption event itself, never silently: the event lists them, the
draft marks them lapsed, and reopening brings them back as pending.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..log.errors import RefusedError
from .model import Objection, Payload, and_list, capital, pending_proposals, section_name

if TYPE_CHECKING:
    from ..draft.model import Proposal
    from ..log.state import SessionState

LAPSED = "lapsed"


def objecting_names(state: SessionState, objections: list[Objection]) -> list[str]:
    """The objecting delegations' names, each once, in the order they objected."""
    return list(dict.fromkeys(state.roster.name_of(o.delegation) for o in objections))


def check_objections(state: SessionState, section_id: str, payload: Payload) -> None:
    """Refuse to adopt over a standing objection unless the chair rules so, naming the very objections."""
    standing = state.adoption.standing_objections(section_id)
    codes = sorted({o.delegation for o in standing})
    over = payload.get("over_objection", False)
    if not isinstance(over, bool):
        raise RefusedError("Say whether the section is adopted over an objection (true or false).")
    name = capital(section_name(state.draft, section_id))
    if standing and not over:
        names = and_list(objecting_names(state, standing))
        verb = "objects" if len(codes) == 1 else "object"
        raise RefusedError(
            f"{name}, cannot be adopted: {names} {verb} and the objection stands. Have it withdrawn, put "
            "the section to the vote, or adopt it with the objection noted."
        )
    if over and sorted(payload.get("objecting") or []) != codes:
        raise RefusedError(
            f"The objections to {section_name(state.draft, section_id)} have changed; "
            "look at them again before adopting it over them."
        )


def check_withdrawal(state: SessionState, section_id: str, payload: Payload) -> None:
    """Refuse to withdraw an objection that does not stand."""
    delegation = payload.get("delegation")
    standing = {o.delegation for o in state.adoption.standing_objections(section_id)}
    if not isinstance(delegation, str) or delegation not in standing:
        who = state.roster.name_of(delegation) if isinstance(delegation, str) else "That delegation"
        raise RefusedError(f"{who} has no standing objection to {section_name(state.draft, section_id)}.")


def proposal_place(state: SessionState, proposal: Proposal) -> str:
    """ "the proposal of Team Blue for paragraph 4"."""
    number = state.draft.number_of(proposal.paragraph)
    where = f"paragraph {number}" if number else "a struck paragraph"
    return f"the proposal of {state.roster.name_of(proposal.delegation)} for {where}"


def check_lapsed(state: SessionState, section_id: str | None, payload: Payload) -> None:
    """Refuse an adoption that would leave proposals pending, or that lapses proposals it does not cover."""
    pending = pending_proposals(state, section_id)
    lapsed = payload.get("lapsed") or []
    if not isinstance(lapsed, list):
        raise RefusedError("List the proposals that lapse.")
    left = [p for p in pending if p.id not in lapsed]
    what = "the report" if section_id is None else section_name(state.draft, section_id)
    if left:
        places = and_list([proposal_place(state, p) for p in left])
        raise RefusedError(
            f"{capital(what)} cannot be adopted while proposals are pending: {places}. "
            "Accept them, set them aside, or let them lapse with the adoption."
        )
    pending_ids = {p.id for p in pending}
    strays = [pid for pid in lapsed if pid not in pending_ids]
    if strays:
        raise RefusedError(f"{and_list(strays)} {'is' if len(strays) == 1 else 'are'} not pending on {what}.")


def lapse(state: SessionState, proposal_ids: list[str]) -> None:
    """Mark proposals lapsed in the draft (no longer pending)."""
    for pid in proposal_ids:
        proposal = state.draft.proposals.get(pid)
        if proposal is not None and proposal.status == "pending":
            proposal.status = LAPSED


def revive(state: SessionState, proposal_ids: list[str]) -> list[str]:
    """Make lapsed proposals pending again (on reopening); returns those that came back."""
    back = []
    for pid in proposal_ids:
        proposal = state.draft.proposals.get(pid)
        if proposal is not None and proposal.status == LAPSED:
            proposal.status = "pending"
            back.append(pid)
    return back


def lapsed_sentence(state: SessionState, proposal_ids: list[str]) -> str:
    """ "The proposal of Team Blue for paragraph 4 lapsed." (empty when none lapsed)."""
    proposals = [state.draft.proposals[pid] for pid in proposal_ids if pid in state.draft.proposals]
    if not proposals:
        return ""
    places = and_list([proposal_place(state, p) for p in proposals])
    return f"{capital(places)} lapsed."
