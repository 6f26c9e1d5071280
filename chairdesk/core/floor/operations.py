"""The floor's operations: the speakers' list, the roster and the transcript, each taking the session first."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..log.errors import RefusedError
from .model import KINDS, POINT_OF_ORDER, SPEAKER, Request, SpeakersList
from .roster import Delegation, read_roster_csv, validate_delegations
from .transcript import read_transcript

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.session import Session

# The floor's public operations: chairdesk.core.floor, .roster and .transcript re-export this list.
__all__ = [
    "add_delegation",
    "attach_transcript",
    "detach_transcript",
    "end_intervention",
    "end_item",
    "give_floor",
    "hear_point_of_order",
    "import_roster_csv",
    "map_speaker",
    "move_request",
    "next_speaker",
    "pause_timer",
    "remove_delegation",
    "reorder_list",
    "request_floor",
    "resume_timer",
    "set_roster",
    "set_speaking_time",
    "update_delegation",
    "withdraw_request",
]


def _code(session: Session, delegation: str) -> str:
    """The code of the delegation a code, name or alias stands for, as the chair types it (see Roster.resolve)."""
    roster = session.state.roster
    if delegation in roster:
        return delegation
    found = roster.resolve(delegation)
    if found.delegation is None:
        raise RefusedError(found.message)
    return found.delegation.code


def request_floor(
    session: Session,
    delegation: str,
    kind: str = SPEAKER,
    section: str | None = None,
    paragraph: str | None = None,
    online: bool | None = None,
) -> Change:
    """A delegation (code or name) asks for the floor; tagged with the section/paragraph under discussion."""
    state = session.state
    code = _code(session, delegation)
    if paragraph is not None and section is None and paragraph in state.draft.paragraphs:
        section = state.draft.paragraphs[paragraph].section
    if section is None and paragraph is None:
        section = state.floor.item_section
    if online is None:
        online = state.roster.get(code).online
    payload = {
        "id": f"r{state.floor.requests_made + 1}",
        "delegation": code,
        "kind": kind,
        "section": section,
        "paragraph": paragraph,
        "online": online,
    }
    return session.record("floor.request", payload)


def withdraw_request(session: Session, request_id: str) -> Change:
    """Take a request off the list (the delegation withdrew, or the chair lowered an old hand)."""
    return session.record("floor.withdraw", {"id": request_id})


def reorder_list(session: Session, order: list[str]) -> Change:
    """The chair puts the waiting requests in a new order (all request ids, in the new order)."""
    return session.record("floor.reorder", {"order": list(order)})


def move_request(session: Session, request_id: str, index: int) -> Change:
    """The chair moves one request to a 0-based place on the list."""
    order = [r.id for r in session.state.floor.queue]
    if request_id not in order:
        raise RefusedError("That request is no longer on the list of speakers.")
    order.remove(request_id)
    order.insert(max(0, min(index, len(order))), request_id)
    return reorder_list(session, order)


def end_intervention(session: Session) -> Change:
    """Stop the timer: the delegation that has the floor finishes (after a point of order that suspended a
    speaker, that speaker has the floor again, its time running from where it stopped)."""
    return session.record("floor.end", {})


def _give(
    session: Session,
    code: str,
    kind: str,
    request: Request | None,
    section: str | None,
    paragraph: str | None,
    allotted: int | None = None,
    extra: dict[str, Any] | None = None,
) -> Change:
    """Record floor.give: a point of order suspends the speaker; anything else ends what is going on first."""
    floor: SpeakersList = session.state.floor
    suspends = None
    current = floor.current
    if kind == POINT_OF_ORDER and current is not None:
        if floor.suspended is not None:
            suspends = floor.suspended.delegation  # replaces the point of order being heard
        elif current.kind != POINT_OF_ORDER:
            suspends = current.delegation
        else:
            end_intervention(session)  # a point of order heard when nobody spoke: it ends
    else:
        if floor.suspended is not None:
            end_intervention(session)  # the point of order: the suspended speaker resumes...
        if floor.current is not None:
            end_intervention(session)  # ...and is ended, as anyone who has the floor is
    payload = {
        "delegation": code,
        "kind": kind,
        "request": request.id if request else None,
        "allotted": allotted if allotted is not None else floor.speaking_time(kind),
        "section": request.section if request else section,
        "paragraph": request.paragraph if request else paragraph,
        "suspends": suspends,
        **(extra or {}),
    }
    return session.record("floor.give", payload)


def next_speaker(session: Session) -> Change:
    """Give the floor to the head of the list and start the timer (a point of order suspends the speaker).

    While a point of order has suspended a speaker and no other point of order waits, it ends the point of
    order instead: the suspended speaker has the floor again. While a workshop's running order is the active
    list, it calls the next panelist of the running order with the slot's speaking time."""
    floor: SpeakersList = session.state.floor
    workshop = session.state.workshop
    if workshop.running_order and floor.suspended is None:  # a workshop's panelists, in the planned order
        slot = workshop.next_slot()
        if slot is None:
            raise RefusedError("Every panelist of the running order has spoken; move to the Q&A list.")
        return _give(session, slot.delegation, SPEAKER, None, None, None, slot.seconds, {"slot": slot.id})
    head = floor.next_request()
    if floor.suspended is not None and (head is None or head.kind != POINT_OF_ORDER):
        return end_intervention(session)
    if head is None:
        if any(r.held for r in floor.queue):
            raise RefusedError(
                "Only rights of reply are waiting; they are heard at the end of the item (End item)."
            )
        if floor.queue:
            raise RefusedError("Only old hands are waiting: give them the floor directly, or withdraw them.")
        raise RefusedError("The list of speakers is empty.")
    return _give(session, head.delegation, head.kind, head, None, None)


def hear_point_of_order(session: Session) -> Change:
    """Give the floor at once to the first point of order on the list, suspending whoever speaks."""
    request = session.state.floor.next_point_of_order()
    if request is None:
        raise RefusedError("No point of order is waiting.")
    return _give(session, request.delegation, POINT_OF_ORDER, request, None, None)


def give_floor(
    session: Session,
    delegation: str,
    kind: str = SPEAKER,
    section: str | None = None,
    paragraph: str | None = None,
) -> Change:
    """Give the floor to any delegation, on the list or not (its own request, if any, stays as an old hand).

    A point of order suspends the delegation that has the floor; any other kind ends what is going on."""
    floor: SpeakersList = session.state.floor
    code = _code(session, delegation)
    if kind not in KINDS:
        raise RefusedError(f"Unknown kind of intervention {kind!r}; one of: {', '.join(KINDS)}.")
    if section is None and paragraph is None:
        section = floor.item_section
    return _give(session, code, kind, None, section, paragraph)


def pause_timer(session: Session) -> Change:
    """Stop the clock of the current intervention (an interruption, a technical problem)."""
    return session.record("floor.pause", {})


def resume_timer(session: Session) -> Change:
    """Start the clock of the current intervention again."""
    return session.record("floor.resume", {})


def end_item(session: Session) -> Change:
    """Close the item under discussion: held rights of reply become due and go to the top of the list."""
    return session.record("floor.item.end", {})


def set_speaking_time(session: Session, seconds: int | None, kind: str | None = None) -> Change:
    """Set the default speaking time (kind None), or one kind's override (seconds None clears it)."""
    return session.record("floor.time.set", {"kind": kind, "seconds": seconds})


# ----------------------------------------------------------------------------- roster
def set_roster(session: Session, delegations: Sequence[Delegation], source: str = "") -> Change:
    """Replace the whole roster in one event (validated first: nothing changes if one delegation is wrong)."""
    validate_delegations(delegations)
    payload: dict[str, Any] = {"delegations": [d.as_payload() for d in delegations]}
    if source:
        payload["source"] = source
    return session.record("roster.set", payload)


def import_roster_csv(session: Session, path: str | Path) -> Change:
    """Read a roster CSV (every row checked first) and make it the roster in one event."""
    path = Path(path)
    return set_roster(session, read_roster_csv(path), source=path.name)


def add_delegation(session: Session, delegation: Delegation, index: int | None = None) -> Change:
    """Add one delegation to the roster (at the end unless index is given)."""
    payload: dict[str, Any] = {"delegation": delegation.as_payload()}
    if index is not None:
        payload["index"] = index
    return session.record("roster.add", payload)


def update_delegation(session: Session, delegation: Delegation) -> Change:
    """Change a delegation's name, groups, colour or attendance (found by its code)."""
    return session.record("roster.update", {"code": delegation.code, "delegation": delegation.as_payload()})


def remove_delegation(session: Session, code: str) -> Change:
    """Take a delegation off the roster (its past interventions stay in the record under its code)."""
    return session.record("roster.remove", {"code": code})


# ------------------------------------------------------------------------- transcript
def attach_transcript(session: Session, path: str | Path) -> Change:
    """Attach a transcript file to the session (replacing any earlier one); TranscriptError if unusable."""
    path = Path(path)
    text = read_transcript(path)
    return session.record("transcript.attach", {"source": path.name, "text": text})


def map_speaker(session: Session, name: str, delegation: str | None) -> Change:
    """Say which delegation (code, or "chair") a transcript name stands for; None leaves it out."""
    return session.record("transcript.map", {"name": name, "delegation": delegation})


def detach_transcript(session: Session) -> Change:
    """Take the transcript off the session."""
    return session.record("transcript.detach", {})
