"""Adoption's operations: take up, adopt, object, reopen, vote, each taking the session first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..draft.model import CHAIR, Draft, SubHeading
from ..log.errors import RefusedError
from .model import text_hash
from .votes import carries, tally_ballots, tally_totals

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.session import Session


def _section_content(draft: Draft, section_id: str) -> tuple | None:
    """What adoption compares: the section's title, sub-headings and paragraphs (with sub-paragraphs)."""
    section = draft.sections.get(section_id)
    if section is None or section.removed:
        return None
    items: list[tuple[str, str]] = []
    for item in draft.items(section_id):
        if isinstance(item, SubHeading):
            if not item.removed:
                items.append(("heading", item.title))
        elif not item.struck:
            items.append(("paragraph", item.full_text()))
    return section.title, tuple(items)


def section_amended(session: Session, section_id: str) -> bool:
    """Whether the section's text differs from the last baseline (False when no baseline was marked)."""
    if not session.draft.baselines:
        return False
    before = _section_content(session.baseline("last"), section_id)
    return before != _section_content(session.draft, section_id)


# ---------------------------------------------------------------------------------------------- operations
def take_up(session: Session, section_id: str, actor: str = CHAIR) -> Change:
    """Take a section up: it is now under consideration (again, if it was reopened)."""
    return session.record("adoption.take_up", {"section": section_id}, actor)


def pending_in_section(session: Session, section_id: str) -> list[str]:
    """Ids of the proposals still pending on the section's paragraphs, in the order they were made."""
    paragraphs = {p.id for p in session.draft.live_paragraphs(section_id)}
    return [q.id for q in session.draft.pending_proposals() if q.paragraph in paragraphs]


def adopt_section(
    session: Session,
    section_id: str,
    actor: str = CHAIR,
    *,
    over_objection: bool = False,
    lapse_proposals: bool = False,
) -> Change:
    """Adopt the section under consideration; "as amended" when it changed since the last baseline.

    `over_objection`: the chair rules to adopt with the standing objections noted ("adopted, Team Purple
    objecting"); `lapse_proposals`: the proposals still pending on the section are recorded as lapsed.
    """
    session.draft.section(section_id)
    payload: dict[str, Any] = {"section": section_id, "amended": section_amended(session, section_id)}
    standing = session.state.adoption.objections(section_id)
    if over_objection and standing:
        payload["over_objection"] = list(dict.fromkeys(o.delegation for o in standing))
    pending = pending_in_section(session, section_id)
    if lapse_proposals and pending:
        payload["lapsed"] = pending
    return session.record("adoption.adopt", payload, actor)


def withdraw_objection(session: Session, section_id: str, delegation: str, actor: str = CHAIR) -> Change:
    """Record that a delegation withdrew its objection to adopting the section."""
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


def adopt_report(session: Session, actor: str = CHAIR, *, lapse_proposals: bool = False) -> Change:
    """Adopt and endorse the whole report (every section adopted); keeps the text's hash and freezes it.

    `lapse_proposals`: the proposals still pending anywhere are recorded as lapsed.
    """
    payload: dict[str, Any] = {"hash": text_hash(session.draft)}
    pending = [q.id for q in session.draft.pending_proposals()]
    if lapse_proposals and pending:
        payload["lapsed"] = pending
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
) -> Change:
    """Record a vote on a section, a proposal or the report, from a roll call (ballots) or totals."""
    if ballots:
        tally = tally_ballots(ballots)
    elif totals:
        tally = tally_totals(totals)
    else:
        raise RefusedError("Enter the roll call or the totals of the vote.")
    payload: dict[str, Any] = {
        "subject_kind": subject_kind,
        "subject": subject,
        "rule": rule,
        "ballots": dict(ballots) if ballots else None,
        "totals": tally.as_dict(),
        "carried": carries(rule, tally) if rule else False,
    }
    if subject_kind == "section" and subject is not None:
        session.draft.section(subject)
        payload["amended"] = section_amended(session, subject)
    elif subject_kind == "report":
        payload["subject"] = None
        payload["hash"] = text_hash(session.draft)
    return session.record("adoption.vote", payload, actor)
