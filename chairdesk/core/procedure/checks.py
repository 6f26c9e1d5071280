"""The rules of procedure's checks: whether a procedure.* event (or a floor.give or an adoption.vote under Model
UN rules) may be recorded now; each refusal says why in words a chair can read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..floor.model import MIN_SECONDS, POINT_OF_ORDER, SPEAKER, format_duration
from ..log.errors import RefusedError
from .model import (
    ABSENT,
    ADJOURN,
    PRESENT_AND_VOTING,
    RULES,
    STATUSES,
    SUSPEND,
    YIELD_DELEGATION,
    YIELDS,
    Caucus,
    Procedure,
    motion_carries,
    motion_params,
)

if TYPE_CHECKING:
    from ..log.state import SessionState

Payload = dict[str, Any]


class ProcedureChecks:
    """Refuses procedure events the rules do not allow at this point (used by ProcedureComponent.check)."""

    def check(self, state: SessionState, kind: str, payload: Payload) -> None:
        """Raise a RefusedError if the event must not be recorded now."""
        procedure: Procedure = state.procedure
        if kind == "floor.give":
            self._check_give(state, payload)
            return
        if kind == "adoption.vote" and procedure.mun and procedure.roll_called:
            self._check_vote(state, payload)
            return
        if not kind.startswith("procedure."):
            return
        if kind == "procedure.rules":
            if payload.get("rules") not in RULES:
                raise RefusedError(f"Unknown rules {payload.get('rules')!r}; one of: {', '.join(RULES)}.")
            return
        if not procedure.mun:
            raise RefusedError(
                "These are Model UN rules of procedure; this session follows the UN working group rules "
                "(choose Rules: Model UN first)."
            )
        handler = {
            "procedure.roll_call": self._check_roll_call,
            "procedure.motion.move": self._check_move,
            "procedure.motion.withdraw": lambda s, p: s.procedure.motion(p["id"]),
            "procedure.motion.vote": self._check_motion_vote,
            "procedure.caucus.start": self._check_caucus_start,
            "procedure.caucus.end": self._check_caucus_end,
            "procedure.caucus.request": self._check_caucus_request,
            "procedure.caucus.withdraw": lambda s, p: self._running(s, moderated=True).request(p["id"]),
            "procedure.resume": self._check_resume,
            "procedure.yield": self._check_yield,
        }.get(kind)
        if handler is None:
            raise RefusedError(f"Unknown procedure event {kind!r}.")
        handler(state, payload)

    @staticmethod
    def _check_roll_call(state: SessionState, payload: Payload) -> None:
        state.roster.get(payload["delegation"])
        status = payload.get("status")
        if status is not None and status not in STATUSES:
            raise RefusedError(f"A delegation is {', '.join(STATUSES)}; not {status!r}.")

    @staticmethod
    def _check_present(state: SessionState, code: str, doing: str) -> None:
        procedure: Procedure = state.procedure
        name = state.roster.get(code).name
        if procedure.roll_called and procedure.status(code) in (ABSENT, None):
            raise RefusedError(f"{name} is not present at the roll call and cannot {doing}.")

    def _check_move(self, state: SessionState, payload: Payload) -> None:
        procedure: Procedure = state.procedure
        motion_params(payload["kind"], payload)
        self._check_present(state, payload["delegation"], "move a motion")
        if any(m.id == payload["id"] for m in procedure.motions):
            raise RefusedError(f"Motion id {payload['id']!r} is already used.")
        if procedure.adjourned_at is not None:
            raise RefusedError("The meeting is adjourned; resume it before moving a motion.")
        if procedure.debate_closed and payload["kind"] not in (ADJOURN, SUSPEND):
            raise RefusedError(
                "Debate is closed: only a motion to suspend or adjourn the meeting is in order."
            )

    @staticmethod
    def _check_motion_vote(state: SessionState, payload: Payload) -> None:
        procedure: Procedure = state.procedure
        motion = procedure.motion(payload["id"])
        first = procedure.ordered_motions()[0]
        if first.id != motion.id:
            raise RefusedError(f"The motion {first.words()} is more disruptive and goes to the vote first.")
        yes, no = payload.get("yes"), payload.get("no")
        for value in (yes, no):
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise RefusedError("The votes for and against a motion are whole numbers, 0 or more.")
        codes = state.roster.codes()
        if procedure.roll_called:
            present = len(procedure.present_codes(codes))
            needed = procedure.quorum_needed(len(codes))
            if present < needed:
                raise RefusedError(f"No quorum: {present} present at the roll call, {needed} needed.")
            if yes + no > present:
                raise RefusedError(f"{yes + no} votes, but only {present} delegations are present.")
        if payload.get("carried") is not motion_carries(motion, yes, no):
            raise RefusedError("The result does not follow from the votes.")

    def _check_caucus_start(self, state: SessionState, payload: Payload) -> None:
        procedure: Procedure = state.procedure
        if procedure.caucus is not None:
            raise RefusedError(f"A {procedure.caucus.kind} is under way; end it first.")
        if procedure.due is None or procedure.due.id != payload.get("motion"):
            raise RefusedError("Only a carried motion for a caucus starts a caucus.")
        if state.floor.current is not None:
            raise RefusedError("A delegation has the floor; end the intervention first.")

    def _check_caucus_end(self, state: SessionState, payload: Payload) -> None:
        self._running(state)
        if state.floor.current is not None:
            raise RefusedError("A delegation has the floor; end the intervention first.")

    @staticmethod
    def _running(state: SessionState, moderated: bool = False) -> Caucus:
        caucus = state.procedure.caucus
        if caucus is None:
            raise RefusedError("No caucus is under way.")
        if moderated and not caucus.moderated:
            raise RefusedError("An unmoderated caucus has no list of speakers.")
        return caucus

    def _check_caucus_request(self, state: SessionState, payload: Payload) -> None:
        caucus = self._running(state, moderated=True)
        code = payload["delegation"]
        self._check_present(state, code, "speak")
        waiting = caucus.waiting(code)
        if waiting is not None:
            place = caucus.queue.index(waiting) + 1
            raise RefusedError(
                f"{state.roster.name_of(code)} is already on the caucus's list (place {place})."
            )
        if any(r.id == payload["id"] for r in caucus.queue):
            raise RefusedError(f"Request id {payload['id']!r} is already used.")

    @staticmethod
    def _check_resume(state: SessionState, payload: Payload) -> None:
        procedure: Procedure = state.procedure
        if procedure.suspended_at is None and procedure.adjourned_at is None:
            raise RefusedError("The meeting is neither suspended nor adjourned.")

    def _check_yield(self, state: SessionState, payload: Payload) -> None:
        floor, procedure = state.floor, state.procedure
        current = floor.current
        if current is None:
            raise RefusedError("No delegation has the floor: there is no time to yield.")
        name = state.roster.name_of
        if payload.get("by") != current.delegation:
            raise RefusedError(
                f"{name(current.delegation)} has the floor, not {name(payload.get('by', ''))}."
            )
        if current.kind != SPEAKER or floor.suspended is not None:
            raise RefusedError("Only a speaker's time is yielded (not a point of order or a right of reply).")
        if current.caucus is not None:
            raise RefusedError("Time is not yielded in a moderated caucus.")
        if procedure.yielded_floor:
            raise RefusedError(
                f"{name(current.delegation)} speaks on yielded time, which cannot be yielded again."
            )
        if procedure.questions == current.delegation:
            raise RefusedError(f"{name(current.delegation)} has already yielded to questions.")
        to = payload.get("to")
        if to not in YIELDS:
            raise RefusedError(f"A delegation yields to {', '.join(YIELDS)}; not {to!r}.")
        remaining = payload.get("remaining")
        if not isinstance(remaining, int) or remaining <= 0:
            raise RefusedError(f"{name(current.delegation)} has no time left to yield.")
        if to == YIELD_DELEGATION:
            other = payload.get("delegation")
            state.roster.get(other or "")
            if other == current.delegation:
                raise RefusedError("A delegation does not yield its time to itself.")
            self._check_present(state, other, "take the floor")
            if remaining < MIN_SECONDS:
                raise RefusedError(
                    f"Only {format_duration(remaining)} left: too little to yield to another delegation "
                    f"({MIN_SECONDS} s at least)."
                )

    @staticmethod
    def _check_give(state: SessionState, payload: Payload) -> None:
        procedure: Procedure = state.procedure
        caucus = procedure.caucus
        if payload.get("caucus") is not None:
            if caucus is None or not caucus.moderated or caucus.motion.id != payload["caucus"]:
                raise RefusedError("That moderated caucus is not under way.")
            request = caucus.request(payload.get("caucus_request") or "")
            if request.delegation != payload["delegation"]:
                raise RefusedError("That caucus request belongs to another delegation.")
            return
        if caucus is not None and caucus.moderated and payload.get("kind") != POINT_OF_ORDER:
            raise RefusedError(
                "A moderated caucus is under way: its speakers come from the caucus's list (Shift+F6); "
                "end the caucus first."
            )

    @staticmethod
    def _check_vote(state: SessionState, payload: Payload) -> None:
        """With a roll call, those present are the roll call's: nobody absent votes, no one present and voting
        abstains, and the vote's number present is the roll call's."""
        procedure: Procedure = state.procedure
        codes = state.roster.codes()
        present = len(procedure.present_codes(codes))
        ballots = payload.get("ballots") or {}
        for code, choice in ballots.items() if isinstance(ballots, dict) else ():
            status = procedure.status(code)
            name = state.roster.name_of(code)
            if status in (ABSENT, None):
                raise RefusedError(f"{name} is not present at the roll call and cannot vote.")
            if status == PRESENT_AND_VOTING and choice == "abstain":
                raise RefusedError(f"{name} is present and voting: it votes yes or no, and cannot abstain.")
        totals = payload.get("totals") or {}
        if totals.get("present") != present:
            raise RefusedError(
                f"The roll call counts {present} delegations present; the vote says {totals.get('present')}."
            )
