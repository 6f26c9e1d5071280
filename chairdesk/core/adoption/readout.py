"""What the chair reads out for a section or the report as it stands, and for a vote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import (
    ADOPTED_AS_AMENDED,
    ADOPTED_STATES,
    NOT_TAKEN_UP,
    REOPENED,
    Adoption,
    and_list,
    capital,
    full_stop,
    section_name,
)
from .votes import VoteResult

if TYPE_CHECKING:
    from ..log.state import SessionState


def readout(state: SessionState, section_id: str | None) -> str:
    """The words the chair reads out for a section as it stands (for the report when section_id is None)."""
    adoption: Adoption = state.adoption
    draft = state.draft
    if section_id is None:
        return _report_readout(state)
    name = capital(section_name(draft, section_id, spoken=True))
    record = adoption.section(section_id)
    if record.status in ADOPTED_STATES:
        if record.adopted_over:
            return f"{name}, is {record.status}, {and_list(record.adopted_over)} objecting."
        return f"{name}, is {record.status}."
    if record.status == NOT_TAKEN_UP:
        return f"{name}, has not yet been taken up."
    if record.objections:
        names = and_list(list(dict.fromkeys(o.name for o in record.objections)))
        return f"There is an objection by {names}. {name}, remains open."
    if record.status == REOPENED:
        return (
            f"{name}, is reopened: {full_stop(record.reason)}" if record.reason else f"{name}, is reopened."
        )
    places = draft.bracket_places(section_id)
    if places:
        return f"{name}, is before us. Square brackets remain open in {and_list(places)}."
    return (
        f"We now take up {section_name(draft, section_id, spoken=True)}. If there are no objections, "
        "may I take it that the section is adopted?"
    )


def vote_readout(state: SessionState, vote: VoteResult) -> str:
    """The words the chair reads out after a recorded vote, e.g. "… is adopted by 4 votes to 1, with 1 abstention."."""
    t = vote.tally
    abstentions = (
        "no abstentions"
        if not t.abstain
        else ("1 abstention" if t.abstain == 1 else f"{t.abstain} abstentions")
    )
    counts = f"{t.yes} votes to {t.no}, with {abstentions}"
    if vote.subject_kind == "section" and vote.subject:
        name = capital(section_name(state.draft, vote.subject, spoken=True))
        if vote.carried:
            return f"{name}, is {state.adoption.section_status(vote.subject)} by {counts}."
        return f"The motion to adopt {name[:1].lower()}{name[1:]}, is not carried: {counts}. The section remains open."
    if vote.subject_kind == "report":
        if vote.carried:
            return f"The report is adopted and endorsed by {counts}."
        return f"The motion to adopt the report is not carried: {counts}."
    return f"{capital(vote.subject_text)} is {'carried' if vote.carried else 'not carried'} by {counts}."


def _report_readout(state: SessionState) -> str:
    adoption: Adoption = state.adoption
    draft = state.draft
    if adoption.report_adopted:
        return "There being no opposition, the report is adopted and endorsed."
    missing = adoption.unadopted(draft)
    if missing:
        labels = and_list([draft.label_of(s) for s in missing])
        noun, verb = ("sections", "are") if len(missing) > 1 else ("section", "is")
        return f"The report cannot yet be moved for adoption: {noun} {labels} {verb} not adopted."
    amended = any(adoption.section_status(s) == ADOPTED_AS_AMENDED for s in draft.order)
    return f"Can the full report be adopted{' as amended' if amended else ''}?"
