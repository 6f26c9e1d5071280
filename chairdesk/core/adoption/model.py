"""Adoption: sections taken up and adopted one by one, then the whole report; objections, reopenings, votes.

Events (payloads):

    adoption.take_up       {section}
    adoption.adopt         {section, amended, over_objection?, objecting?, lapsed?}
                           amended: the section changed since the last baseline; objecting: the codes of the
                           standing objections the chair adopted over; lapsed: pending proposal ids that lapse
    adoption.object        {section, delegation, reason}
    adoption.objection.withdraw {section, delegation}
    adoption.reopen        {section, reason}
    adoption.report.adopt  {hash, lapsed?}           SHA-256 of the endorsed text (Draft.plain_text())
    adoption.report.reopen {reason}
    adoption.vote          {subject_kind, subject, rule, ballots, totals, carried, amended?, hash?}

Nothing is agreed until everything is agreed: a draft.* event that touches an adopted section reopens it
(recorded in the state with the reason, and the chair is told through ``change.notices``). While the
report is adopted every draft.* event is refused until the chair reopens the report.

An objection stands until it is withdrawn, the section is put to the vote, or the chair adopts the section
over it (``over_objection``, the objecting delegations kept in the payload): while one stands, adoption is
refused. Proposals still pending on a section's paragraphs (on any paragraph, for the report) must lapse in
the adoption event itself (``lapsed``); reopening the section (or the report) brings them back as pending.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any, Protocol

from ..draft.model import Draft, Proposal, SubHeading
from .votes import VoteResult


class HasDraft(Protocol):
    """Anything holding a draft, such as the session state (not imported here: it imports this module)."""

    draft: Draft

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


def _section_items(draft: Draft, section_id: str) -> Iterator[tuple[str, str]]:
    """What adoption compares of a section after its title, item by item: its sub-headings and paragraphs
    (with sub-paragraphs), removed and struck ones left out."""
    for item in draft.items(section_id):
        if isinstance(item, SubHeading):
            if not item.removed:
                yield ("heading", item.title)
        elif not item.struck:
            yield ("paragraph", item.full_text())


def section_changed(baseline: Draft, draft: Draft, section_id: str) -> bool:
    """Whether a section differs between a baseline and the draft (what "adopted as amended" means): its
    title, sub-headings or paragraphs, compared up to the first difference (a section holds 1,000)."""
    old, new = baseline.sections.get(section_id), draft.sections.get(section_id)
    was, now = old is not None and not old.removed, new is not None and not new.removed
    if not (was and now):
        return was != now
    if old.title != new.title:  # type: ignore[union-attr]
        return True
    gone = object()
    pairs = zip_longest(
        _section_items(baseline, section_id), _section_items(draft, section_id), fillvalue=gone
    )
    return any(a != b for a, b in pairs)


class HasBaselines(HasDraft, Protocol):
    """A session: its draft and the drafts at its baselines (not imported here: it imports this module)."""

    def baseline(self, which: str) -> Draft: ...


def section_amended(session: HasBaselines, section_id: str) -> bool:
    """Whether the section's text differs from the last baseline (False when no baseline was marked)."""
    draft = session.draft
    return bool(draft.baselines) and section_changed(session.baseline("last"), draft, section_id)


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
    objections: list[Objection] = field(default_factory=list)  # every objection since it was taken up
    standing_objections: list[Objection] = field(default_factory=list)  # not withdrawn, voted on or overruled
    reason: str = ""
    adopted_ts: str | None = None
    adopted_over: list[str] = field(default_factory=list)  # names of the delegations objecting at adoption
    lapsed: list[str] = field(default_factory=list)  # proposal ids that lapsed at its last adoption


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
        self.report_lapsed: list[str] = []  # proposal ids that lapsed when the report was adopted

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
        """Objections raised since the section was last taken up (withdrawn or settled ones included)."""
        return list(self.section(section_id).objections)

    def standing_objections(self, section_id: str) -> list[Objection]:
        """Objections that still stand: not withdrawn, not settled by a vote, not overruled at adoption."""
        return list(self.section(section_id).standing_objections)

    def status_text(self, section_id: str) -> str:
        """The state in words, e.g. "under consideration — objection by Team Blue"."""
        record = self.section(section_id)
        text = "not yet taken up" if record.status == NOT_TAKEN_UP else record.status
        if record.status == REOPENED and record.reason:
            text += f" ({record.reason})"
        if record.status in ADOPTED_STATES and record.adopted_over:
            text += ", " + and_list(record.adopted_over) + " objecting"
        if record.standing_objections:
            names = and_list(list(dict.fromkeys(o.name for o in record.standing_objections)))
            text += " — objection by " + names
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


def pending_proposals(state: HasDraft, section_id: str | None = None) -> list[Proposal]:
    """Proposals still pending on the section's paragraphs (on any paragraph when section_id is None)."""
    draft = state.draft
    pending = draft.pending_proposals()
    if section_id is None:
        return pending
    section = draft.sections.get(section_id)
    # The section's items are its paragraphs (struck ones too) and sub-headings: a set of a section's items,
    # not a look-up of each pending proposal's paragraph (2,000 proposals on a draft of 10,000 paragraphs).
    here = set(section.items) if section is not None else set()
    return [p for p in pending if p.paragraph in here]


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
