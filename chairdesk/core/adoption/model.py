"""Adoption: sections taken up and adopted one by one, then the whole report; objections, reopenings, votes.

Events (payloads):

    adoption.take_up       {section}
    adoption.adopt         {section, amended, over_objection?, lapsed?}
                           amended: the section changed since the last baseline; over_objection: the codes
                           of the delegations whose objections stood when the chair ruled to adopt;
                           lapsed: the ids of the proposals pending on the section, lapsed by the adoption
    adoption.object        {section, delegation, reason}
    adoption.objection.withdraw {section, delegation}
    adoption.reopen        {section, reason}
    adoption.report.adopt  {hash, lapsed?}           SHA-256 of the endorsed text (Draft.plain_text());
                                                     lapsed: the proposals still pending, lapsed by it
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

from ..draft.model import Draft
from .votes import VoteResult

if TYPE_CHECKING:
    pass

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
    adopted_over: list[str] = field(default_factory=list)  # names of the delegations objecting when adopted


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
