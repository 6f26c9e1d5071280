"""How each procedure.* event is checked, undone, described for the record and applied to the Procedure.

The rules are stated in model.py. This component also watches floor.give (a speech in a moderated caucus
comes off the caucus's list; while a moderated caucus runs, the floor is given from its list only), floor.end
(a delegation answering questions stops) and adoption.vote (a roll call fixes who is present).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..floor.model import MIN_SECONDS, POINT_OF_ORDER, SPEAKER, format_duration
from ..log.errors import RefusedError
from ..log.state import actor_name
from .model import (
    ABSENT,
    ADJOURN,
    CAUCUSES,
    CLOSE_DEBATE,
    MODERATED,
    PRESENT_AND_VOTING,
    RULES,
    STATUSES,
    SUSPEND,
    YIELD_CHAIR,
    YIELD_DELEGATION,
    YIELD_QUESTIONS,
    YIELDS,
    Caucus,
    CaucusRequest,
    Motion,
    MotionVote,
    Procedure,
    Yield,
    motion_carries,
    motion_params,
)

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.eventlog import Event
    from ..log.state import SessionState

Payload = dict[str, Any]


class ProcedureComponent:
    """Owns procedure.* events; watches floor.give/floor.end and adoption.vote under Model UN rules."""

    name = "procedure"
    prefixes = ("procedure.",)

    # ------------------------------------------------------------------ check
    def check(self, state: SessionState, kind: str, payload: Payload, actor: str) -> None:
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

    # ---------------------------------------------------------------- inverse
    def inverse(self, state: SessionState, kind: str, payload: Payload) -> tuple[str, dict] | None:
        procedure: Procedure = state.procedure
        if kind == "procedure.rules":
            return "procedure.rules", {"rules": procedure.rules}
        if kind == "procedure.roll_call":
            return "procedure.roll_call", {
                "delegation": payload["delegation"],
                "status": procedure.status(payload["delegation"]),
            }
        if kind == "procedure.motion.move":
            return "procedure.motion.withdraw", {"id": payload["id"]}
        if kind == "procedure.motion.withdraw":
            motion = procedure.motion(payload["id"])
            index = procedure.motions.index(motion)
            return "procedure.motion.move", {**motion.as_payload(), "ts": motion.ts, "index": index}
        if kind == "procedure.caucus.request":
            return "procedure.caucus.withdraw", {"id": payload["id"]}
        return None  # votes, caucuses, suspensions and yields are facts of the meeting, not edits to undo

    # --------------------------------------------------------------- describe
    def describe(self, state: SessionState, event: Event) -> str:
        procedure: Procedure = state.procedure
        p, kind = event.payload, event.kind
        name = state.roster.name_of
        who = actor_name(state, event.actor)
        undo = " (undoing an earlier step)" if "undo_of" in p else ""
        if kind == "procedure.rules":
            return f"{who} set the rules of procedure: {RULES[p['rules']]}{undo}."
        if kind == "procedure.roll_call":
            if p.get("status") is None:
                return f"{name(p['delegation'])} was taken off the roll call{undo}."
            return f"Roll call: {name(p['delegation'])} is {p['status']}{undo}."
        if kind == "procedure.motion.move":
            motion = _motion(p, event.ts, 0)
            return f"{name(p['delegation'])} moved {motion.words()}{undo}."
        if kind == "procedure.motion.withdraw":
            motion = procedure.motion(p["id"])
            return f"The motion of {name(motion.delegation)} {motion.words()} was withdrawn{undo}."
        if kind == "procedure.motion.vote":
            motion = procedure.motion(p["id"])
            majority = "two-thirds" if motion.two_thirds else "simple majority"
            outcome = "carried" if p["carried"] else "failed"
            text = (
                f"The motion of {name(motion.delegation)} {motion.words()} {outcome} "
                f"({p['yes']} in favour, {p['no']} against; {majority})"
            )
            lapsed = [m for m in procedure.motions if m.id != motion.id] if p["carried"] else []
            if lapsed:
                text += "; lapsed: " + "; ".join(f"{name(m.delegation)} {m.words()}" for m in lapsed)
            return text + "."
        if kind == "procedure.caucus.start":
            due = procedure.due
            if due is None:
                return f"{who} opened a caucus."
            words = due.words().removeprefix("for a ").removeprefix("for an ")
            return f"{who} opened the {words}."
        if kind == "procedure.caucus.end":
            caucus = procedure.caucus
            assert caucus is not None
            spent = caucus.elapsed_seconds(event.ts)
            speeches = f", {caucus.speeches} speeches" if caucus.moderated else ""
            topic = f" on '{caucus.motion.topic}'" if caucus.moderated else ""
            return f"{who} closed the {caucus.kind}{topic} after {format_duration(spent)}{speeches}."
        if kind == "procedure.caucus.request":
            return f"{name(p['delegation'])} asked to speak in the moderated caucus{undo}."
        if kind == "procedure.caucus.withdraw":
            caucus = procedure.caucus
            request = caucus.request(p["id"]) if caucus else None
            whose = name(request.delegation) if request else "a delegation"
            return f"The request of {whose} to speak in the moderated caucus was withdrawn{undo}."
        if kind == "procedure.resume":
            what = "adjourned" if procedure.adjourned_at is not None else "suspended"
            since = (procedure.adjourned_at or procedure.suspended_at or "")[11:16]
            return f"{who} resumed the meeting ({what} since {since} UTC)."
        if kind == "procedure.yield":
            time = format_duration(p["remaining"])
            target = {
                YIELD_DELEGATION: name(p.get("delegation") or ""),
                YIELD_QUESTIONS: "questions",
                YIELD_CHAIR: "the Chair",
            }[p["to"]]
            return f"{name(p['by'])} yielded its remaining {time} to {target}."
        return f"Procedure: {kind}."

    # ------------------------------------------------------------------ apply
    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        procedure: Procedure = state.procedure
        kind, p = event.kind, event.payload
        if kind == "floor.give":
            self._apply_give(state, event)
            return
        if kind == "floor.end":
            self._forget_questions(state)
            return
        if not kind.startswith("procedure."):
            return
        change.areas.add("procedure")
        if kind == "procedure.rules":
            procedure.rules = p["rules"]
        elif kind == "procedure.roll_call":
            if p.get("status") is None:
                procedure.roll_call.pop(p["delegation"], None)
            else:
                procedure.roll_call[p["delegation"]] = p["status"]
            procedure.roll_call_ts = event.ts
        elif kind == "procedure.motion.move":
            motion = _motion(p, p.get("ts", event.ts), procedure.motions_moved)
            procedure.motions_moved += 1
            procedure.motions.insert(int(p.get("index", len(procedure.motions))), motion)
        elif kind == "procedure.motion.withdraw":
            procedure.motions = [m for m in procedure.motions if m.id != p["id"]]
        elif kind == "procedure.motion.vote":
            self._apply_motion_vote(state, event, change)
        elif kind == "procedure.caucus.start":
            assert procedure.due is not None
            procedure.caucus = Caucus(procedure.due, event.ts)
            procedure.due = None
        elif kind == "procedure.caucus.end":
            assert procedure.caucus is not None
            procedure.caucus.end_ts = event.ts
            procedure.caucuses.append(procedure.caucus)
            procedure.caucus = None
        elif kind == "procedure.caucus.request":
            assert procedure.caucus is not None
            procedure.caucus.queue.append(CaucusRequest(p["id"], p["delegation"], p.get("ts", event.ts)))
            procedure.caucus_requests_made += 1
        elif kind == "procedure.caucus.withdraw":
            assert procedure.caucus is not None
            procedure.caucus.queue = [r for r in procedure.caucus.queue if r.id != p["id"]]
        elif kind == "procedure.resume":
            procedure.suspended_at = procedure.adjourned_at = None
        elif kind == "procedure.yield":
            procedure.yields.append(
                Yield(event.seq, event.ts, p["by"], p["to"], p.get("delegation"), int(p["remaining"]))
            )
            if p["to"] == YIELD_QUESTIONS:
                procedure.questions = p["by"]

    @staticmethod
    def _apply_motion_vote(state: SessionState, event: Event, change: Change) -> None:
        procedure: Procedure = state.procedure
        p = event.payload
        motion = procedure.motion(p["id"])
        procedure.votes.append(
            MotionVote(event.seq, event.ts, motion, int(p["yes"]), int(p["no"]), p["carried"])
        )
        if not p["carried"]:
            procedure.motions.remove(motion)
            return
        lapsed = len(procedure.motions) - 1
        procedure.motions = []
        if lapsed:
            change.notices.append(f"The motion carried; the {lapsed} other motion(s) on the list lapse.")
        if motion.kind in CAUCUSES:
            procedure.due = motion
        elif motion.kind == SUSPEND:
            procedure.suspended_at = event.ts
        elif motion.kind == ADJOURN:
            procedure.adjourned_at = event.ts
        elif motion.kind == CLOSE_DEBATE:
            procedure.debate_closed = True

    @staticmethod
    def _apply_give(state: SessionState, event: Event) -> None:
        procedure: Procedure = state.procedure
        p = event.payload
        caucus = procedure.caucus
        if p.get("caucus") is not None and caucus is not None:
            caucus.queue = [r for r in caucus.queue if r.id != p.get("caucus_request")]
            caucus.speeches += 1
        if p.get("kind") != POINT_OF_ORDER:
            procedure.yielded_floor = p.get("yielded_by") is not None
        ProcedureComponent._forget_questions(state)

    @staticmethod
    def _forget_questions(state: SessionState) -> None:
        """The delegation answering questions stops when its intervention ends."""
        procedure: Procedure = state.procedure
        floor = state.floor
        holders = {i.delegation for i in (floor.current, floor.suspended) if i is not None}
        if procedure.questions not in holders:
            procedure.questions = None
        if floor.current is None:
            procedure.yielded_floor = False


def _motion(p: Payload, ts: str, order: int) -> Motion:
    return Motion(
        id=p["id"],
        kind=p["kind"],
        delegation=p["delegation"],
        ts=ts,
        topic=str(p.get("topic") or ""),
        total_seconds=int(p.get("total_seconds") or 0),
        speaking_seconds=int(p.get("speaking_seconds") or 0),
        seconds=int(p.get("seconds") or 0),
        order=order,
    )


__all__ = ["MODERATED", "ProcedureComponent"]
