"""The rules of procedure's operations (Model UN): each takes the session first and records its events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..draft.model import CHAIR
from ..floor.model import SPEAKER
from ..floor.operations import _code, end_intervention, set_speaking_time
from ..log.errors import RefusedError
from .model import (
    CAUCUSES,
    MODERATED,
    RULES,
    SPEAKING_TIME,
    STATUSES,
    YIELD_CHAIR,
    YIELD_DELEGATION,
    YIELDS,
    Procedure,
    motion_carries,
    motion_params,
)

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.session import Session
    from ..log.state import SessionState

RULE_NAMES = {"un": "un", "mun": "mun", "un working group": "un", "model un": "mun"}


def _procedure(session: Session) -> Procedure:
    return session.state.procedure


def set_rules(session: Session, rules: str) -> Change:
    """Choose the session's rules of procedure: "un" (UN working group) or "mun" (Model UN)."""
    key = RULE_NAMES.get(rules.strip().casefold())
    if key is None:
        raise RefusedError(
            f"Unknown rules {rules!r}; one of: {', '.join(f'{k} ({v})' for k, v in RULES.items())}."
        )
    return session.record("procedure.rules", {"rules": key})


def roll_call(session: Session, delegation: str, status: str | None) -> Change:
    """Record a delegation (code or name) present, present and voting, or absent (None: not called)."""
    if status is not None and status not in STATUSES:
        raise RefusedError(f"A delegation is {', '.join(STATUSES)}; not {status!r}.")
    return session.record("procedure.roll_call", {"delegation": _code(session, delegation), "status": status})


def move_motion(session: Session, kind: str, delegation: str, **params: Any) -> Change:
    """A delegation moves a motion (kind one of MOTION_KINDS; a moderated caucus takes topic, total_seconds and
    speaking_seconds, an unmoderated caucus and set speaking time take seconds; suspend may take seconds)."""
    payload = _motion_payload(session.state, kind, _code(session, delegation), params)
    return session.record("procedure.motion.move", payload)


def _motion_payload(state: SessionState, kind: str, code: str, params: dict[str, Any]) -> dict[str, Any]:
    checked = motion_params(kind, params)
    return {"id": f"m{state.procedure.motions_moved + 1}", "kind": kind, "delegation": code, **checked}


def motion_refusal(state: SessionState, kind: str, code: str, **params: Any) -> str:
    """Why the rules would refuse this motion moved by this delegation (a code) now; "" if move_motion would
    record it. Asks the rules' own check, so that a dialog can say it before the chair presses OK."""
    try:
        state.check("procedure.motion.move", _motion_payload(state, kind, code, params), CHAIR)
    except RefusedError as error:
        return str(error)
    return ""


def withdraw_motion(session: Session, motion_id: str) -> Change:
    """Take a motion off the list (its mover withdrew it)."""
    return session.record("procedure.motion.withdraw", {"id": motion_id})


def next_motion_id(session: Session) -> str:
    """The motion the chair puts to the vote next: the most disruptive one waiting."""
    motions = _procedure(session).ordered_motions()
    if not motions:
        raise RefusedError("No motion is waiting for a vote.")
    return motions[0].id


def put_motion_to_vote(session: Session, motion_id: str | None, yes: int, no: int) -> Change:
    """Record the procedural vote on a motion (None: the next in the chair's order) and, if it carried, its
    effect: a caucus starts, the speaking time is set. Returns the vote's change."""
    procedure = _procedure(session)
    motion = procedure.motion(motion_id or next_motion_id(session))
    carried = motion_carries(motion, yes, no) if isinstance(yes, int) and isinstance(no, int) else False
    if carried and motion.kind in CAUCUSES and session.state.floor.suspended is not None:
        raise RefusedError("A point of order is being heard; end it before the vote on a caucus.")
    change = session.record(
        "procedure.motion.vote", {"id": motion.id, "yes": yes, "no": no, "carried": carried}
    )
    if carried and motion.kind in CAUCUSES:
        start_caucus(session)
    elif carried and motion.kind == SPEAKING_TIME:
        set_speaking_time(session, motion.seconds)
    return change


def start_caucus(session: Session) -> Change:
    """Open the caucus a carried motion called for (the delegation that has the floor finishes first, and a
    caucus under way ends)."""
    procedure = _procedure(session)
    if procedure.due is None:
        raise RefusedError("No carried motion for a caucus is waiting to start.")
    _end_floor(session)
    if procedure.caucus is not None:  # the committee voted for another caucus: it follows this one
        session.record("procedure.caucus.end", {})
    return session.record("procedure.caucus.start", {"motion": procedure.due.id})


def end_caucus(session: Session) -> Change:
    """Close the caucus under way (a speech in it ends first)."""
    if _procedure(session).caucus is None:
        raise RefusedError("No caucus is under way.")
    _end_floor(session)
    return session.record("procedure.caucus.end", {})


def _end_floor(session: Session) -> None:
    floor = session.state.floor
    if floor.suspended is not None:
        raise RefusedError("A point of order is being heard; end it first.")
    if floor.current is not None:
        end_intervention(session)


def request_caucus_floor(session: Session, delegation: str) -> Change:
    """A delegation (code or name) asks to speak in the moderated caucus."""
    procedure = _procedure(session)
    payload = {"id": f"c{procedure.caucus_requests_made + 1}", "delegation": _code(session, delegation)}
    return session.record("procedure.caucus.request", payload)


def withdraw_caucus_request(session: Session, request_id: str) -> Change:
    """Take a request off the moderated caucus's list."""
    return session.record("procedure.caucus.withdraw", {"id": request_id})


def next_caucus_speaker(session: Session) -> Change:
    """Give the floor to the head of the moderated caucus's list, for the caucus's speaking time."""
    caucus = _procedure(session).caucus
    if caucus is None or caucus.motion.kind != MODERATED:
        raise RefusedError("No moderated caucus is under way.")
    if not caucus.queue:
        raise RefusedError("The caucus's list of speakers is empty.")
    head = caucus.queue[0]
    _end_floor(session)
    floor = session.state.floor
    payload = {
        "delegation": head.delegation,
        "kind": SPEAKER,
        "request": None,
        "allotted": caucus.motion.speaking_seconds,
        "section": floor.item_section,
        "paragraph": None,
        "suspends": None,
        "caucus": caucus.motion.id,
        "caucus_request": head.id,
    }
    return session.record("floor.give", payload)


def resume_meeting(session: Session) -> Change:
    """Resume the meeting after a suspension or an adjournment."""
    return session.record("procedure.resume", {})


def yield_time(session: Session, to: str, delegation: str | None = None) -> Change:
    """The speaker yields what is left of its time: to another delegation (code or name; it gets the floor for
    that time), to questions (it keeps the floor to answer) or to the chair (its intervention ends).
    Returns the yield's change."""
    if to not in YIELDS:
        raise RefusedError(f"A delegation yields to {', '.join(YIELDS)}; not {to!r}.")
    floor = session.state.floor
    current = floor.current
    if current is None:
        raise RefusedError("No delegation has the floor: there is no time to yield.")
    remaining = int(current.remaining_seconds(session.clock()))
    other = None
    if to == YIELD_DELEGATION:
        if not delegation:
            raise RefusedError("Name the delegation the time is yielded to.")
        other = _code(session, delegation)
    payload = {"to": to, "by": current.delegation, "delegation": other, "remaining": remaining}
    change = session.record("procedure.yield", payload)
    if to in (YIELD_DELEGATION, YIELD_CHAIR):
        end_intervention(session)
    if to == YIELD_DELEGATION:
        give = {
            "delegation": other,
            "kind": SPEAKER,
            "request": None,
            "allotted": remaining,
            "section": current.section,
            "paragraph": current.paragraph,
            "suspends": None,
            "yielded_by": current.delegation,
        }
        session.record("floor.give", give)
    return change
