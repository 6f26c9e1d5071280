"""How each procedure.* event is checked, undone, described for the record and applied to the Procedure.

The rules are stated in model.py. This component also watches floor.give (a speech in a moderated caucus
comes off the caucus's list; while a moderated caucus runs, the floor is given from its list only), floor.end
(a delegation answering questions stops) and adoption.vote (a roll call fixes who is present).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..floor.model import POINT_OF_ORDER, format_duration
from ..log.state import actor_name, credited_actor, step_note
from .checks import ProcedureChecks
from .model import (
    ADJOURN,
    CAUCUSES,
    CLOSE_DEBATE,
    RULES,
    SUSPEND,
    YIELD_CHAIR,
    YIELD_DELEGATION,
    YIELD_QUESTIONS,
    Caucus,
    CaucusRequest,
    Motion,
    MotionVote,
    Procedure,
    Yield,
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

    def __init__(self) -> None:
        self.checks = ProcedureChecks()

    def check(self, state: SessionState, kind: str, payload: Payload, actor: str) -> None:
        self.checks.check(state, kind, payload)

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
        who = actor_name(state, credited_actor(event))
        undo = step_note(state, event)
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
            plural = "speech" if caucus.speeches == 1 else "speeches"
            speeches = f", {caucus.speeches} {plural}" if caucus.moderated else ""
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
            others = (
                "the other motion on the list lapses" if lapsed == 1 else f"the {lapsed} other motions lapse"
            )
            change.notices.append(f"The motion carried; {others}.")
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
