"""Adoption's operations: take up, adopt, object, reopen, vote, each taking the session first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..draft.model import CHAIR
from ..log.errors import RefusedError
from .model import pending_proposals, section_amended, text_hash  # noqa: F401 - section_amended: scripts call it from here
from .votes import carries, tally_ballots, tally_totals, with_roll_call

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.session import Session


# ---------------------------------------------------------------------------------------------- operations
def take_up(session: Session, section_id: str, actor: str = CHAIR) -> Change:
    """Take a section up: it is now under consideration (again, if it was reopened)."""
    return session.record("adoption.take_up", {"section": section_id}, actor)


def adopt_section(
    session: Session,
    section_id: str,
    actor: str = CHAIR,
    over_objection: bool = False,
    lapse_proposals: bool = False,
) -> Change:
    """Adopt the section under consideration; "as amended" when it changed since the last baseline.

    Refused while an objection stands unless over_objection (the chair's ruling, recorded with the objecting
    delegations), and while proposals are pending on its paragraphs unless lapse_proposals (they lapse)."""
    session.draft.section(section_id)
    # "amended" is derived when the step is recorded (AdoptionEvents.derive), whatever a payload says: the
    # section is compared with the baseline once (1,250 paragraphs: a few ms).
    payload: dict[str, Any] = {"section": section_id}
    standing = session.state.adoption.standing_objections(section_id)
    if over_objection and standing:
        payload["over_objection"] = True
        payload["objecting"] = sorted({o.delegation for o in standing})
    if lapse_proposals:
        payload["lapsed"] = [p.id for p in pending_proposals(session.state, section_id)]
    return session.record("adoption.adopt", payload, actor)


def withdraw_objection(session: Session, section_id: str, delegation: str, actor: str = CHAIR) -> Change:
    """Record that a delegation withdraws its standing objection to the section."""
    payload = {"section": section_id, "delegation": delegation.strip()}
    return session.record("adoption.objection.withdraw", payload, actor)


def record_objection(
    session: Session, section_id: str, delegation: str, reason: str, actor: str = CHAIR
) -> Change:
    """Record a delegation's objection (with its reason) to adopting the section; the section stays open."""
    payload = {"section": section_id, "delegation": delegation.strip(), "reason": reason.strip()}
    return session.record("adoption.object", payload, actor)


def reopen_section(session: Session, section_id: str, reason: str, actor: str = CHAIR) -> Change:
    """Reopen an adopted section deliberately, giving the reason."""
    return session.record("adoption.reopen", {"section": section_id, "reason": reason.strip()}, actor)


def adopt_report(session: Session, actor: str = CHAIR, lapse_proposals: bool = False) -> Change:
    """Adopt and endorse the whole report (every section adopted); keeps the text's hash and freezes it.

    Refused while proposals are pending unless lapse_proposals (they lapse, listed in the event)."""
    payload: dict[str, Any] = {"hash": text_hash(session.draft)}
    if lapse_proposals:
        payload["lapsed"] = [p.id for p in pending_proposals(session.state, None)]
    return session.record("adoption.report.adopt", payload, actor)


def reopen_report(session: Session, reason: str, actor: str = CHAIR) -> Change:
    """Reopen the adopted report so that the text can change again (recorded with the reason)."""
    return session.record("adoption.report.reopen", {"reason": reason.strip()}, actor)


def record_vote(
    session: Session,
    subject_kind: str,
    subject: str | None,
    rule: str,
    ballots: dict[str, str] | None = None,
    totals: dict[str, int] | None = None,
    actor: str = CHAIR,
    lapse_proposals: bool = False,
) -> Change:
    """Record a vote on a section, a proposal or the report, from a roll call (ballots) or totals.

    Under Model UN rules with a roll call taken, those present are the roll call's. A carried vote adopts the
    section or the report: proposals still pending on it are refused unless lapse_proposals (they lapse in the
    same event)."""
    if ballots:
        tally = tally_ballots(ballots)
    elif totals:
        tally = tally_totals(totals)
    else:
        raise RefusedError("Enter the roll call or the totals of the vote.")
    procedure = session.state.procedure
    if procedure.mun and procedure.roll_called:  # those present are the roll call's
        tally = with_roll_call(tally, len(procedure.present_codes(session.state.roster.codes())))
    payload: dict[str, Any] = {
        "subject_kind": subject_kind,
        "subject": subject,
        "rule": rule,
        "ballots": dict(ballots) if ballots else None,
        "totals": tally.as_dict(),
        "carried": carries(rule, tally) if rule else False,
    }
    if subject_kind == "section" and subject is not None:
        session.draft.section(subject)  # (whether it was amended is derived when recorded, as for adopt)
    elif subject_kind == "report":
        payload["subject"] = None
        payload["hash"] = text_hash(session.draft)
    if lapse_proposals and payload["carried"] and subject_kind in ("section", "report"):
        section = payload["subject"] if subject_kind == "section" else None
        payload["lapsed"] = [p.id for p in pending_proposals(session.state, section)]
    return session.record("adoption.vote", payload, actor)
