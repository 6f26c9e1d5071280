"""How adoption.* events are checked and applied, and how draft edits reopen adopted sections."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..draft.model import Draft
from ..log.errors import RefusedError
from ..log.state import actor_name
from .model import (
    ADOPTED,
    ADOPTED_AS_AMENDED,
    ADOPTED_STATES,
    NOT_TAKEN_UP,
    OPEN_STATES,
    REOPENED,
    UNDER_CONSIDERATION,
    Adoption,
    AdoptionStep,
    Objection,
    Payload,
    SectionAdoption,
    and_list,
    capital,
    full_stop,
    section_amended,
    section_name,
    text_hash,
)
from .standing import (
    check_lapsed,
    check_objections,
    check_withdrawal,
    lapse,
    lapsed_sentence,
    objecting_names,
    revive,
)
from .votes import (
    SUBJECT_KINDS,
    Tally,
    VoteResult,
    carries,
    check_rule,
    roll_call_order,
    tally_ballots,
    tally_totals,
    vote_sentence,
)

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.eventlog import Event
    from ..log.state import SessionState

# draft events that do not change any section's text, so they never reopen an adopted section
_NOT_EDITS = (
    "draft.title.set",
    "draft.baseline",
    "draft.proposal.add",
    "draft.proposal.set_aside",
    "draft.numbering.mode",  # numbers, not words: a technical renumbering reopens nothing
    "draft.numbering.renumber",
)


class AdoptionComponent:
    """Owns adoption.* events; watches draft.* events to reopen adopted sections and to freeze the text."""

    name = "adoption"
    prefixes = ("adoption.",)

    # ------------------------------------------------------------------ check
    def check(self, state: SessionState, kind: str, payload: Payload, actor: str) -> None:
        adoption: Adoption = state.adoption
        if kind.startswith("draft.") or kind == "meeting.set":  # the meeting's details head the report
            if adoption.report_adopted:
                raise RefusedError(
                    f"The report was adopted and endorsed at {_when(adoption.report_adopted_at)}; its text is "
                    "frozen. Reopen the report (this is recorded) before changing the text."
                )
            return
        if not kind.startswith("adoption."):
            return
        if kind != "adoption.report.reopen" and adoption.report_adopted:
            raise RefusedError("The report has been adopted and endorsed; reopen the report first.")
        handler = getattr(self, "_check_" + kind[len("adoption.") :].replace(".", "_"), None)
        if handler is None:
            raise RefusedError(f"Unknown adoption event {kind!r}.")
        handler(state, payload)

    def _open_section(self, state: SessionState, payload: Payload) -> tuple[str, str]:
        """The section id and its spoken name; refuses unknown and removed sections."""
        section_id = payload.get("section")
        if not isinstance(section_id, str):
            raise RefusedError("Choose a section first.")
        section = state.draft.section(section_id)
        if section.removed:
            raise RefusedError(f"The section '{section.title}' has been removed from the document.")
        return section_id, capital(section_name(state.draft, section_id))

    def _check_adoptable(self, state: SessionState, payload: Payload) -> None:
        section_id, name = self._open_section(state, payload)
        status = state.adoption.section_status(section_id)
        if status == NOT_TAKEN_UP:
            raise RefusedError(f"{name}, has not been taken up yet; take it up first.")
        if status in ADOPTED_STATES:
            raise RefusedError(f"{name}, is {status} already.")
        places = state.draft.bracket_places(section_id)
        if places:
            raise RefusedError(
                f"{name}, cannot be adopted: open square brackets remain in {and_list(places)}. "
                "Resolve them first."
            )
        if not isinstance(payload.get("amended"), bool):
            raise RefusedError("Say whether the section was amended (true or false).")

    def _check_take_up(self, state: SessionState, payload: Payload) -> None:
        section_id, name = self._open_section(state, payload)
        status = state.adoption.section_status(section_id)
        if status == UNDER_CONSIDERATION:
            raise RefusedError(f"{name}, is already under consideration.")
        if status in ADOPTED_STATES:
            raise RefusedError(f"{name}, is {status}; reopen it to take it up again.")

    def _check_adopt(self, state: SessionState, payload: Payload) -> None:
        self._check_adoptable(state, payload)
        check_objections(state, payload["section"], payload)
        check_lapsed(state, payload["section"], payload)

    def _check_objection_withdraw(self, state: SessionState, payload: Payload) -> None:
        section_id, _ = self._open_section(state, payload)
        check_withdrawal(state, section_id, payload)

    def _check_object(self, state: SessionState, payload: Payload) -> None:
        section_id, name = self._open_section(state, payload)
        status = state.adoption.section_status(section_id)
        if status not in OPEN_STATES:
            raise RefusedError(
                f"{name}, is {status}; an objection is heard while a section is under consideration."
                + (" Reopen it first." if status in ADOPTED_STATES else " Take it up first.")
            )
        delegation = payload.get("delegation")
        if not isinstance(delegation, str) or not delegation.strip():
            raise RefusedError("Say which delegation objects.")
        self._check_known(state, [delegation])
        if not str(payload.get("reason", "")).strip():
            raise RefusedError(f"Record the reason for the objection by {state.roster.name_of(delegation)}.")

    def _check_known(self, state: SessionState, codes: list[str]) -> None:
        roster = state.roster  # an empty roster accepts any delegation
        unknown = [c for c in codes if roster and c not in roster]
        if unknown:
            raise RefusedError(
                f"{and_list(unknown)} {'is' if len(unknown) == 1 else 'are'} not on the list of delegations."
            )

    def _check_reopen(self, state: SessionState, payload: Payload) -> None:
        section_id, name = self._open_section(state, payload)
        status = state.adoption.section_status(section_id)
        if status not in ADOPTED_STATES:
            raise RefusedError(f"{name}, is {status}, not adopted; there is nothing to reopen.")
        if not str(payload.get("reason", "")).strip():
            raise RefusedError(f"Give the reason for reopening {section_name(state.draft, section_id)}.")

    def _check_report_adopt(self, state: SessionState, payload: Payload) -> None:
        self._check_report_ready(state, payload)
        check_lapsed(state, None, payload)

    def _check_report_ready(self, state: SessionState, payload: Payload) -> None:
        draft = state.draft
        if not draft.order:
            raise RefusedError("The document has no sections to adopt.")
        missing = state.adoption.unadopted(draft)
        if missing:
            labels = [draft.label_of(sid) for sid in missing]
            noun = "section" if len(labels) == 1 else "sections"
            raise RefusedError(
                f"The report can be moved for adoption only when every section is adopted; "
                f"{noun} {and_list(labels)} {'is' if len(labels) == 1 else 'are'} not adopted yet."
            )
        if payload.get("hash") != text_hash(draft):
            raise RefusedError("The text has changed since the adoption was moved; move it again.")

    def _check_report_reopen(self, state: SessionState, payload: Payload) -> None:
        if not state.adoption.report_adopted:
            raise RefusedError("The report has not been adopted; there is nothing to reopen.")
        if not str(payload.get("reason", "")).strip():
            raise RefusedError("Give the reason for reopening the report.")

    def _check_vote(self, state: SessionState, payload: Payload) -> None:
        kind = payload.get("subject_kind")
        if kind not in SUBJECT_KINDS:
            raise RefusedError(f"A vote is on a section, a proposal or the report, not on {kind!r}.")
        check_rule(payload.get("rule", ""))
        if kind == "section":
            if "section" in payload and payload["section"] != payload.get("subject"):
                raise RefusedError("A vote on a section names that section as its subject, and no other.")
            self._check_adoptable(state, {**payload, "section": payload.get("subject")})
        elif "section" in payload:
            raise RefusedError(f"A vote on {kind!r} is not on a section.")
        elif kind == "report":
            self._check_report_ready(state, payload)
        else:
            proposal = state.draft.proposals.get(str(payload.get("subject")))
            if proposal is None:
                raise RefusedError(f"There is no proposal {payload.get('subject')!r} to put to the vote.")
            if proposal.status != "pending":
                raise RefusedError(f"That proposal has been {proposal.status} already.")
        tally = _vote_tally(payload)
        if payload.get("ballots"):
            self._check_known(state, list(payload["ballots"]))
        if payload.get("carried") is not carries(payload["rule"], tally):
            raise RefusedError("The result does not follow from the votes and the majority rule.")
        if kind in ("section", "report") and payload["carried"]:  # adopted by the vote: nothing left pending
            check_lapsed(state, payload.get("subject") if kind == "section" else None, payload)
        elif payload.get("lapsed"):
            raise RefusedError("Proposals lapse only when a section or the report is adopted.")

    # ----------------------------------------------------------------- derive
    def derive(self, session: Any, kind: str, payload: Payload) -> Payload:
        """The payload with its derived facts computed from the session: whether a section was amended
        (whatever the payload said), and the text's hash (computed when missing; check refuses a stale one)."""
        derived = dict(payload)
        if kind == "adoption.adopt" and isinstance(payload.get("section"), str):
            if payload["section"] in session.draft.sections:
                derived["amended"] = section_amended(session, payload["section"])
        elif kind == "adoption.report.adopt":
            derived.setdefault("hash", text_hash(session.draft))  # a stale one given is refused by check
        elif kind == "adoption.vote" and payload.get("subject_kind") == "section":
            subject = payload.get("subject")
            if isinstance(subject, str) and subject in session.draft.sections:
                derived["amended"] = section_amended(session, subject)
        elif kind == "adoption.vote" and payload.get("subject_kind") == "report":
            derived.setdefault("hash", text_hash(session.draft))
        return derived

    # ---------------------------------------------------------------- inverse
    def inverse(self, state: SessionState, kind: str, payload: Payload) -> tuple[str, Payload] | None:
        return None  # adoption is undone by reopening, which the record shows as a step of its own

    # --------------------------------------------------------------- describe
    def describe(self, state: SessionState, event: Event) -> str:

        draft, p, kind = state.draft, event.payload, event.kind
        who = actor_name(state, event.actor)
        if kind == "adoption.take_up":
            again = " again" if state.adoption.section_status(p["section"]) == REOPENED else ""
            return f"{who} took up {section_name(draft, p['section'])}{again}."
        if kind == "adoption.adopt":
            state_words = ADOPTED_AS_AMENDED if p["amended"] else ADOPTED
            if p.get("over_objection"):
                objecting = state.adoption.standing_objections(p["section"])
                state_words += f", {and_list(objecting_names(state, objecting))} objecting"
            text = f"{capital(section_name(draft, p['section']))}, was {state_words}."
            return " ".join(filter(None, [text, lapsed_sentence(state, p.get("lapsed") or [])]))
        if kind == "adoption.objection.withdraw":
            name = state.roster.name_of(p["delegation"])
            return f"{name} withdrew its objection to {section_name(draft, p['section'])}."
        if kind == "adoption.object":
            label = draft.numbering().label.get(p["section"], "?")
            return f"Objection by {state.roster.name_of(p['delegation'])} to section {label}: {full_stop(p['reason'])}"
        if kind == "adoption.reopen":
            return f"{who} reopened {section_name(draft, p['section'])}: {full_stop(p['reason'])}"
        if kind == "adoption.report.adopt":
            text = f"The report was adopted and endorsed (SHA-256 of the text {p['hash'][:16]}…)."
            return " ".join(filter(None, [text, lapsed_sentence(state, p.get("lapsed") or [])]))
        if kind == "adoption.report.reopen":
            return f"{who} reopened the adopted report: {full_stop(p['reason'])}"
        if kind == "adoption.vote":
            vote = _vote_result(state, event)
            text = vote_sentence(vote, roll_call_order(vote.ballots or {}, state.roster.codes()))
            if vote.carried and vote.subject_kind == "section":
                words = ADOPTED_AS_AMENDED if p.get("amended") else ADOPTED
                text += f" {capital(vote.subject_text)}, was {words}."
            elif vote.carried and vote.subject_kind == "report":
                text += " The report was adopted and endorsed."
            return " ".join(filter(None, [text, lapsed_sentence(state, p.get("lapsed") or [])]))
        return f"{who}: {kind}."

    # ------------------------------------------------------------------ apply
    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        if event.kind.startswith("draft."):
            self._reopen_edited(state, event, change)
            return
        if not event.kind.startswith("adoption."):
            return
        change.areas.add("adoption")
        adoption: Adoption = state.adoption
        p, kind = event.payload, event.kind
        section_id = p.get("section")
        if isinstance(section_id, str):
            change.sections.add(section_id)
        record = adoption.sections.setdefault(section_id, SectionAdoption()) if section_id else None

        def step(action: str, section: str | None, detail: str = "") -> None:
            adoption.steps.append(AdoptionStep(event.seq, event.ts, event.actor, action, section, detail))

        if kind == "adoption.take_up" and record is not None:
            record.status, record.objections, record.reason = UNDER_CONSIDERATION, [], ""
            record.standing_objections, record.adopted_over = [], []
            step("taken up", section_id)
        elif kind == "adoption.adopt" and record is not None:
            over = objecting_names(state, record.standing_objections) if p.get("over_objection") else []
            self._adopt(record, bool(p["amended"]), event.ts)
            record.adopted_over = over
            details = [f"{and_list(over)} objecting"] if over else []
            details += [lapsed_sentence(state, p.get("lapsed") or [])]  # read before they are marked lapsed
            record.lapsed = self._lapse(state, change, p.get("lapsed") or [])
            step(record.status, section_id, "; ".join(d.rstrip(".") for d in details if d))
        elif kind == "adoption.object" and record is not None:
            name = state.roster.name_of(p["delegation"])
            objection = Objection(p["delegation"], name, p["reason"], event.seq, event.ts)
            record.objections.append(objection)
            record.standing_objections = [
                o for o in record.standing_objections if o.delegation != p["delegation"]
            ] + [objection]
            step("objection", section_id, f"by {name}: {p['reason']}")
        elif kind == "adoption.objection.withdraw" and record is not None:
            record.standing_objections = [
                o for o in record.standing_objections if o.delegation != p["delegation"]
            ]
            step("objection withdrawn", section_id, f"by {state.roster.name_of(p['delegation'])}")
        elif kind == "adoption.reopen" and record is not None:
            record.status, record.reason = REOPENED, p["reason"]
            record.lapsed = self._revive(state, change, record.lapsed)
            step("reopened", section_id, p["reason"])
        elif kind == "adoption.report.adopt":
            self._adopt_report(adoption, p["hash"], event.ts)
            adoption.report_lapsed = self._lapse(state, change, p.get("lapsed") or [])
            step("report adopted", None, f"SHA-256 {p['hash']}")
        elif kind == "adoption.report.reopen":
            adoption.report_adopted, adoption.report_adopted_at = False, None
            adoption.report_hash, adoption.report_reopen_reason = None, p["reason"]
            adoption.report_lapsed = self._revive(state, change, adoption.report_lapsed)
            step("report reopened", None, p["reason"])
        elif kind == "adoption.vote":
            self._apply_vote(state, event, change, step)

    def _adopt(self, record: SectionAdoption, amended: bool, ts: str) -> None:
        record.status = ADOPTED_AS_AMENDED if amended else ADOPTED
        record.standing_objections, record.reason, record.adopted_ts = [], "", ts
        record.adopted_over = []

    def _lapse(self, state: SessionState, change: Change, proposal_ids: list[str]) -> list[str]:
        """Mark the proposals lapsed and tell the views; returns the ids, kept for a reopening."""
        lapse(state, proposal_ids)
        self._touch_proposals(state, change, proposal_ids)
        return list(proposal_ids)

    def _revive(self, state: SessionState, change: Change, proposal_ids: list[str]) -> list[str]:
        """Reopening brings lapsed proposals back as pending; nothing is kept lapsed any more."""
        self._touch_proposals(state, change, revive(state, proposal_ids))
        return []

    def _touch_proposals(self, state: SessionState, change: Change, proposal_ids: list[str]) -> None:
        if proposal_ids:
            change.areas.add("proposals")
            change.paragraphs.update(state.draft.proposals[pid].paragraph for pid in proposal_ids)

    def _adopt_report(self, adoption: Adoption, digest: str, ts: str) -> None:
        adoption.report_adopted, adoption.report_adopted_at = True, ts
        adoption.report_hash, adoption.report_reopen_reason = digest, ""

    def _apply_vote(self, state: SessionState, event: Event, change: Change, step: Any) -> None:
        adoption: Adoption = state.adoption
        p = event.payload
        vote = _vote_result(state, event)
        adoption.votes.append(vote)
        subject = vote.subject if vote.subject_kind == "section" else None
        step("vote", subject, vote_sentence(vote, roll_call_order(vote.ballots or {}, state.roster.codes())))
        if subject is not None and subject in adoption.sections:  # putting it to the vote settles objections
            adoption.sections[subject].standing_objections = []
        if vote.carried and vote.subject_kind == "section" and vote.subject:
            record = adoption.sections.setdefault(vote.subject, SectionAdoption())
            self._adopt(record, bool(p.get("amended")), event.ts)
            record.lapsed = self._lapse(state, change, p.get("lapsed") or [])
            change.sections.add(vote.subject)
            step(record.status, vote.subject, "by vote")
        elif vote.carried and vote.subject_kind == "report":
            self._adopt_report(adoption, p["hash"], event.ts)
            adoption.report_lapsed = self._lapse(state, change, p.get("lapsed") or [])
            step("report adopted", None, f"by vote; SHA-256 {p['hash']}")

    def _reopen_edited(self, state: SessionState, event: Event, change: Change) -> None:
        """Nothing is agreed until everything is agreed: an edit reopens the adopted sections it touches."""
        if event.kind in _NOT_EDITS:
            return
        adoption: Adoption = state.adoption
        touched = {s for s in change.sections if s in adoption.sections}  # most edits touch no adopted section
        if not touched:
            return
        if event.kind in ("draft.section.add", "draft.section.move", "draft.section.restore"):
            kept = {event.payload.get("id")}  # the other sections were only relettered…
            for pid in event.payload.get("paragraphs") or []:  # …unless a paragraph of theirs came back
                kept.add(state.draft.paragraphs[pid].section)
            touched &= kept
        for section_id in sorted(touched, key=lambda s: (s not in state.draft.order, _order(state, s))):
            record = adoption.sections.get(section_id)
            if record is None or record.status not in ADOPTED_STATES:
                continue
            reason = edit_reason(state, event, section_id)
            record.status, record.reason = REOPENED, reason
            adoption.steps.append(
                AdoptionStep(event.seq, event.ts, event.actor, "reopened", section_id, reason)
            )
            label = state.draft.numbering().label.get(section_id)
            where = f"Section {label}" if label else f"The section '{state.draft.sections[section_id].title}'"
            change.notices.append(f"{where} reopened: {reason}.")
            change.areas.add("adoption")


def _order(state: SessionState, section_id: str) -> int:
    order = state.draft.order
    return order.index(section_id) if section_id in order else len(order)


def _when(ts: str | None) -> str:
    return f"{ts[:10]} {ts[11:16]} UTC" if ts else "an earlier point"


def _vote_tally(payload: Payload) -> Tally:
    ballots, totals = payload.get("ballots"), payload.get("totals")
    if ballots:
        if not isinstance(ballots, dict):
            raise RefusedError("A roll call gives each delegation's vote.")
        tally = tally_ballots(ballots)
        if totals:
            given = tally_totals(totals)
            if (given.yes, given.no, given.abstain) != (tally.yes, tally.no, tally.abstain):
                raise RefusedError("The totals do not match the roll call.")
            return given  # those present may be more than those who answered (a Model UN roll call)
        return tally
    if not totals:
        raise RefusedError("Enter the roll call or the totals of the vote.")
    return tally_totals(totals)


def _vote_result(state: SessionState, event: Event) -> VoteResult:
    p = event.payload
    kind, subject = p["subject_kind"], p.get("subject")
    if kind == "section":
        subject_text = section_name(state.draft, subject)
    elif kind == "proposal":
        proposal = state.draft.proposals.get(subject)
        shown = state.draft.label_of_paragraph(proposal.paragraph) if proposal else None
        by = f" by {state.roster.name_of(proposal.delegation)}" if proposal else ""
        name = state.draft.paragraph_name(proposal.paragraph) if proposal and shown else ""
        subject_text = f"the proposal{by} for {name}" if name else f"proposal {subject}"
    else:
        subject_text = "the report"
    ballots = dict(p["ballots"]) if p.get("ballots") else None
    names = {code: state.roster.name_of(code) for code in ballots or {}}
    return VoteResult(
        event.seq,
        event.ts,
        event.actor,
        kind,
        subject,
        p["rule"],
        _vote_tally(p),
        bool(p["carried"]),
        ballots,
        subject_text,
        names,
    )


def _former_number(draft: Draft, paragraph_id: str) -> int:
    """The number a just-struck paragraph had: one more than the live paragraphs before it."""
    count = 0
    for section_id in draft.order:
        for item in draft.sections[section_id].items:
            if item == paragraph_id:
                return count + 1
            para = draft.paragraphs.get(item)
            if para is not None and not para.struck and para.kind == draft.paragraphs[paragraph_id].kind:
                count += 1
    return count + 1


def edit_reason(state: SessionState, event: Event, section_id: str) -> str:
    """Why a draft event reopened a section, in a few words ("paragraph 14 amended"), after it applied."""
    draft, p, kind = state.draft, event.payload, event.kind

    def para(pid: str) -> str:
        return draft.paragraph_name(pid) if draft.label_of_paragraph(pid) else "a paragraph"

    if kind == "draft.paragraph.amend":
        return f"{para(p['id'])} amended"
    if kind == "draft.paragraph.insert":
        return f"new {para(p['id'])} inserted"
    if kind == "draft.paragraph.strike":
        if draft.label_of_paragraph(p["id"]):  # keep mode: a struck paragraph keeps its number
            return f"{draft.paragraph_name(p['id'])} struck"
        former = _former_number(draft, p["id"])
        preambular = draft.paragraphs[p["id"]].preambular
        return f"preambular paragraph {former} struck" if preambular else f"paragraph {former} struck"
    if kind == "draft.paragraph.restore":
        return f"struck paragraph restored as {para(p['id'])}"
    if kind == "draft.paragraph.move":
        moved = para(p["id"])
        if p["section"] == section_id:
            return f"{moved} moved into the section"
        return f"{moved} moved to {section_name(draft, p['section'])}"
    if kind.startswith("draft.subparagraph."):
        verb = {"add": "added to", "amend": "amended in", "strike": "struck from"}.get(
            kind.rsplit(".", 1)[1], "changed in"
        )
        return f"a sub-paragraph {verb} {para(p['paragraph'])}"
    if kind == "draft.section.retitle":
        return f"section retitled '{p['title']}'"
    if kind == "draft.section.move":
        return f"section moved to place {p['index'] + 1}"
    if kind == "draft.section.remove":
        return "section removed"
    if kind.startswith("draft.subheading."):
        heading = draft.subheadings[p["id"]]
        verb = kind.rsplit(".", 1)[1]
        words = {"add": "added", "retitle": "retitled", "remove": "removed", "restore": "restored"}
        return f"sub-heading '{heading.title}' {words.get(verb, 'changed')}"
    if kind == "draft.proposal.accept":
        proposal = draft.proposals[p["id"]]
        return (
            f"proposal by {state.roster.name_of(proposal.delegation)} accepted for {para(proposal.paragraph)}"
        )
    if kind == "draft.proposal.reopen":
        return f"{para(draft.proposals[p['id']].paragraph)} changed back (proposal reopened)"
    return "the text was changed"
