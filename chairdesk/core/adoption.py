"""Adoption: sections taken up and adopted one by one, then the whole report; objections, reopenings, votes.

Events (payloads):

    adoption.take_up       {section}
    adoption.adopt         {section, amended}        amended: the section changed since the last baseline
    adoption.object        {section, delegation, reason}
    adoption.reopen        {section, reason}
    adoption.report.adopt  {hash}                    SHA-256 of the endorsed text (Draft.plain_text())
    adoption.report.reopen {reason}
    adoption.vote          {subject_kind, subject, rule, ballots, totals, carried, amended?, hash?}

Nothing is agreed until everything is agreed: a draft.* event that touches an adopted section reopens it
(recorded in the state with the reason, and the chair is told through ``change.notices``). While the
report is adopted every draft.* event is refused until the chair reopens the report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .draft import CHAIR, Draft, SubHeading
from .errors import RefusedError
from .votes import VoteResult, carries, tally_ballots, tally_totals

if TYPE_CHECKING:
    from .session import Session
    from .state import Change, SessionState

NOT_TAKEN_UP = "not taken up"
UNDER_CONSIDERATION = "under consideration"
ADOPTED = "adopted"
ADOPTED_AS_AMENDED = "adopted as amended"
REOPENED = "reopened"
SECTION_STATES = (NOT_TAKEN_UP, UNDER_CONSIDERATION, ADOPTED, ADOPTED_AS_AMENDED, REOPENED)
ADOPTED_STATES = (ADOPTED, ADOPTED_AS_AMENDED)
OPEN_STATES = (UNDER_CONSIDERATION, REOPENED)
SECTION_MARKS = {
    NOT_TAKEN_UP: "○",
    UNDER_CONSIDERATION: "▶",
    ADOPTED: "✔",
    ADOPTED_AS_AMENDED: "✔*",
    REOPENED: "↺",
}
Payload = dict[str, Any]


def section_mark(status: str) -> str:
    """A short mark for a section's state, for the outline: ○ ▶ ✔ ✔* ↺."""
    return SECTION_MARKS.get(status, "?")


def text_hash(draft: Draft) -> str:
    """SHA-256 (hex) of the clean text of the draft, as kept with the report's adoption."""
    return hashlib.sha256(draft.plain_text().encode("utf-8")).hexdigest()


@dataclass
class AdoptionStep:
    """One step of adoption for the record: who did what to which section, when."""

    seq: int
    ts: str
    actor: str
    action: str  # taken up, adopted, adopted as amended, objection, reopened, report adopted, …
    section: str | None
    detail: str


@dataclass
class Objection:
    """An objection by a delegation to the adoption of a section."""

    delegation: str
    name: str
    reason: str
    seq: int
    ts: str


@dataclass
class SectionAdoption:
    """Where one section stands: its state, objections since it was last taken up, why it was reopened."""

    status: str = NOT_TAKEN_UP
    objections: list[Objection] = field(default_factory=list)
    reason: str = ""
    adopted_ts: str | None = None


@dataclass(frozen=True)
class AdoptionProgress:
    """How far adoption has come: sections adopted of total, open brackets and pending proposals left."""

    adopted: int
    total: int
    open_brackets: int
    pending_proposals: int


class Adoption:
    """The adoption state of the session, derived from adoption.* events and draft edits."""

    def __init__(self) -> None:
        self.sections: dict[str, SectionAdoption] = {}
        self.report_adopted = False
        self.report_adopted_at: str | None = None
        self.report_hash: str | None = None
        self.report_reopen_reason = ""
        self.steps: list[AdoptionStep] = []
        self.votes: list[VoteResult] = []

    def section(self, section_id: str) -> SectionAdoption:
        """The record of a section (a fresh "not taken up" one if nothing happened to it yet)."""
        return self.sections.get(section_id) or SectionAdoption()

    def section_status(self, section_id: str) -> str:
        """One of SECTION_STATES."""
        return self.section(section_id).status

    def is_adopted(self, section_id: str) -> bool:
        """Adopted, as amended or not."""
        return self.section_status(section_id) in ADOPTED_STATES

    def objections(self, section_id: str) -> list[Objection]:
        """Objections raised since the section was last taken up or adopted."""
        return list(self.section(section_id).objections)

    def status_text(self, section_id: str) -> str:
        """The state in words, e.g. "under consideration — objection by Team Blue"."""
        record = self.section(section_id)
        text = "not yet taken up" if record.status == NOT_TAKEN_UP else record.status
        if record.status == REOPENED and record.reason:
            text += f" ({record.reason})"
        if record.objections:
            text += " — objection by " + and_list(list(dict.fromkeys(o.name for o in record.objections)))
        return text

    def unadopted(self, draft: Draft) -> list[str]:
        """Ids of the sections in the document that are not adopted, in document order."""
        return [sid for sid in draft.order if not self.is_adopted(sid)]

    def progress(self, draft: Draft) -> AdoptionProgress:
        """Sections adopted of total, open brackets left, pending proposals left."""
        adopted = sum(1 for sid in draft.order if self.is_adopted(sid))
        return AdoptionProgress(
            adopted, len(draft.order), draft.open_brackets(), len(draft.pending_proposals())
        )


def and_list(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lower_first(title: str) -> str:
    """ "Confidence-building measures" -> "confidence-building measures"; "ICT security" stays."""
    if len(title) > 1 and title[1].isupper():
        return title
    return title[:1].lower() + title[1:]


def section_name(draft: Draft, section_id: str, spoken: bool = False) -> str:
    """ "section C, Confidence-building measures" (the title lower-cased when spoken)."""
    section = draft.sections.get(section_id)
    if section is None:
        return f"section {section_id!r}"
    title = _lower_first(section.title) if spoken else section.title
    label = draft.numbering().label.get(section_id)
    return f"section {label}, {title}" if label else f"the removed section '{title}'"


def full_stop(text: str) -> str:
    """The text ending with a full stop (unless it ends with one, or with ! or ?)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def capital(text: str) -> str:
    """The text with its first letter upper-cased (the rest left alone, unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


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


def adopt_section(session: Session, section_id: str, actor: str = CHAIR) -> Change:
    """Adopt the section under consideration; "as amended" when it changed since the last baseline."""
    session.draft.section(section_id)
    payload = {"section": section_id, "amended": section_amended(session, section_id)}
    return session.record("adoption.adopt", payload, actor)


def record_objection(
    session: Session, section_id: str, delegation: str, reason: str, actor: str = CHAIR
) -> Change:
    """Record a delegation's objection (with its reason) to adopting the section; the section stays open."""
    payload = {"section": section_id, "delegation": delegation.strip(), "reason": reason.strip()}
    return session.record("adoption.object", payload, actor)


def reopen_section(session: Session, section_id: str, reason: str, actor: str = CHAIR) -> Change:
    """Reopen an adopted section deliberately, giving the reason."""
    return session.record("adoption.reopen", {"section": section_id, "reason": reason.strip()}, actor)


def adopt_report(session: Session, actor: str = CHAIR) -> Change:
    """Adopt and endorse the whole report (every section adopted); keeps the text's hash and freezes it."""
    return session.record("adoption.report.adopt", {"hash": text_hash(session.draft)}, actor)


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


# ----------------------------------------------------------------------------------------------- readout
def readout(state: SessionState, section_id: str | None) -> str:
    """The words the chair reads out for a section as it stands (for the report when section_id is None)."""
    adoption: Adoption = state.adoption
    draft = state.draft
    if section_id is None:
        return _report_readout(state)
    name = capital(section_name(draft, section_id, spoken=True))
    record = adoption.section(section_id)
    if record.status in ADOPTED_STATES:
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
