"""How each floor.* event is checked, undone, described for the record and applied to the SpeakersList.

The rules of the list are stated in floor.py; this component also watches ``adoption.take_up`` (taking up a
section for adoption ends the item under discussion).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..log.errors import RefusedError
from ..log.state import actor_name, credited_actor, step_note
from .model import (
    KINDS,
    MAX_SECONDS,
    MIN_SECONDS,
    POINT_OF_ORDER,
    RIGHT_OF_REPLY,
    SPEAKER,
    Intervention,
    Request,
    SpeakersList,
    format_duration,
    parse_ts,
    seconds_between,
)

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.eventlog import Event
    from ..log.state import SessionState


class FloorComponent:
    """Owns floor.* events; also ends the item when a section is taken up for adoption."""

    name = "floor"
    prefixes = ("floor.",)

    def check(self, state: SessionState, kind: str, payload: dict[str, Any], actor: str) -> None:
        if not kind.startswith("floor."):
            return
        floor: SpeakersList = state.floor
        roster = state.roster
        if kind == "floor.request":
            code = payload["delegation"]
            name = roster.get(code).name
            if payload["kind"] not in KINDS:
                raise RefusedError(
                    f"Unknown kind of request {payload['kind']!r}; one of: {', '.join(KINDS)}."
                )
            if any(r.id == payload["id"] for r in floor.queue):
                raise RefusedError(f"Request id {payload['id']!r} is already used.")
            waiting = floor.waiting(code, payload["kind"])
            if waiting is not None:
                what = "" if waiting.kind == SPEAKER else f" for a {waiting.kind}"
                raise RefusedError(
                    f"{name} is already on the list of speakers{what} (place {floor.position(waiting.id)})."
                )
            self._check_place(state, payload)
        elif kind == "floor.withdraw":
            floor.request(payload["id"])
        elif kind == "floor.reorder":
            if sorted(payload["order"]) != sorted(r.id for r in floor.queue):
                raise RefusedError("The new order must name every waiting request once.")
        elif kind == "floor.give":
            self._check_suspends(state, payload)
            roster.get(payload["delegation"])
            if payload["kind"] not in KINDS:
                raise RefusedError(f"Unknown kind of intervention {payload['kind']!r}.")
            if payload.get("request") is not None:
                request = floor.request(payload["request"])
                if request.delegation != payload["delegation"]:
                    raise RefusedError("That request belongs to another delegation.")
            self._check_seconds(payload.get("allotted"))
            self._check_place(state, payload)
        elif kind in ("floor.end", "floor.pause", "floor.resume"):
            if floor.current is None:
                raise RefusedError("No delegation has the floor.")
            if kind == "floor.pause" and floor.current.paused:
                raise RefusedError("The time is already paused.")
            if kind == "floor.resume" and not floor.current.paused:
                raise RefusedError("The time is not paused.")
        elif kind == "floor.item.end":
            pass
        elif kind == "floor.time.set":
            which = payload.get("kind")
            if which is not None and which not in KINDS:
                raise RefusedError(f"Unknown kind of intervention {which!r}; one of: {', '.join(KINDS)}.")
            if payload.get("seconds") is None:
                if which is None:
                    raise RefusedError("The default speaking time cannot be cleared.")
            else:
                self._check_seconds(payload["seconds"])
        else:
            raise RefusedError(f"Unknown floor event {kind!r}.")

    @staticmethod
    def _check_suspends(state: SessionState, payload: dict[str, Any]) -> None:
        """A give with nobody speaking suspends nothing; a point of order suspends the speaker (or keeps the
        speaker already suspended, replacing the point of order being heard)."""
        floor: SpeakersList = state.floor
        name = state.roster.name_of
        suspends = payload.get("suspends")
        current = floor.current
        if suspends is None:
            if current is not None:
                raise RefusedError(f"{name(current.delegation)} has the floor; end the intervention first.")
            return
        if payload.get("kind") != POINT_OF_ORDER:
            raise RefusedError("Only a point of order suspends the delegation that has the floor.")
        if current is None:
            raise RefusedError("No delegation has the floor: a point of order has nothing to suspend.")
        if floor.suspended is not None:
            expected = floor.suspended.delegation
        elif current.kind == POINT_OF_ORDER:
            raise RefusedError(f"{name(current.delegation)} has the floor on a point of order; end it first.")
        else:
            expected = current.delegation
        if suspends != expected:
            raise RefusedError(f"The point of order would suspend {name(expected)}, not {name(suspends)}.")

    @staticmethod
    def _check_seconds(seconds: object) -> None:
        if not isinstance(seconds, int) or not MIN_SECONDS <= seconds <= MAX_SECONDS:
            raise RefusedError(
                f"A speaking time is a whole number of seconds from {MIN_SECONDS} to {MAX_SECONDS}."
            )

    @staticmethod
    def _check_place(state: SessionState, payload: dict[str, Any]) -> None:
        section, paragraph = payload.get("section"), payload.get("paragraph")
        if section is not None and section not in state.draft.sections:
            raise RefusedError(f"There is no section {section!r} in the draft.")
        if paragraph is not None and paragraph not in state.draft.paragraphs:
            raise RefusedError(f"There is no paragraph {paragraph!r} in the draft.")

    def inverse(self, state: SessionState, kind: str, payload: dict[str, Any]) -> tuple[str, dict] | None:
        floor: SpeakersList = state.floor
        if kind == "floor.request":
            return "floor.withdraw", {"id": payload["id"]}
        if kind == "floor.withdraw":
            r = floor.request(payload["id"])
            restore = {
                "id": r.id,
                "delegation": r.delegation,
                "kind": r.kind,
                "section": r.section,
                "paragraph": r.paragraph,
                "online": r.online,
                "ts": r.ts,
                "index": floor.position(r.id) - 1,
                "held": r.held,
                "item": r.item,
            }
            return "floor.request", restore
        if kind == "floor.reorder":
            return "floor.reorder", {"order": [r.id for r in floor.queue]}
        if kind == "floor.time.set":
            which = payload.get("kind")
            previous = floor.default_seconds if which is None else floor.overrides.get(which)
            return "floor.time.set", {"kind": which, "seconds": previous}
        return None  # giving, ending and pausing the floor are facts of the meeting, not edits to undo

    # ------------------------------------------------------------------ describe
    def describe(self, state: SessionState, event: Event) -> str:

        floor: SpeakersList = state.floor
        p = event.payload
        name = state.roster.name_of
        who = actor_name(state, credited_actor(event))
        undo = step_note(state, event)
        kind = event.kind
        if kind == "floor.request":
            tags = p["kind"] + (", online" if p.get("online") else "")
            place = self._place(state, p.get("section"), p.get("paragraph"))
            return f"{name(p['delegation'])} asked for the floor ({tags}){place}{undo}."
        if kind == "floor.withdraw":
            r = floor.request(p["id"])
            return f"The request of {name(r.delegation)} for the floor ({r.kind}) was withdrawn{undo}."
        if kind == "floor.reorder":
            by_id = {r.id: r for r in floor.queue}
            names = ", ".join(name(by_id[i].delegation) for i in p["order"] if i in by_id)
            return f"{who} reordered the list of speakers: {names}{undo}."
        if kind == "floor.give":
            source = " from the list" if p.get("request") else ""
            text = (
                f"{who} gave the floor to {name(p['delegation'])}{source} "
                f"({p['kind']}, {format_duration(p['allotted'])})"
            )
            if p.get("suspends") and floor.suspended is not None and floor.current is not None:
                spoken = floor.current.elapsed_seconds(event.ts)
                return (
                    f"{text} after the point of order of {name(floor.current.delegation)} "
                    f"({format_duration(spoken)}); {name(p['suspends'])} is still suspended."
                )
            if p.get("suspends"):
                return f"{text}, suspending the intervention of {name(p['suspends'])}."
            if p.get("caucus"):
                text += " in the moderated caucus"
            if p.get("yielded_by"):
                text += f", on the time {name(p['yielded_by'])} yielded"
            return text + "."
        if kind == "floor.end" and floor.current is not None and floor.suspended is not None:
            point, speaker = floor.current, floor.suspended
            spoken = point.elapsed_seconds(point.paused_at or event.ts)
            over = spoken - point.allotted_seconds
            note = f" ({format_duration(spoken)}, {format_duration(over)} over time)" if over >= 0.5 else ""
            after = seconds_between(speaker.suspended_at or event.ts, event.ts)
            return (
                f"{name(point.delegation)} raised a point of order{note} while {name(speaker.delegation)} "
                f"had the floor; {name(speaker.delegation)} resumed after {format_duration(after)}."
            )
        if kind == "floor.end" and floor.current is not None:
            current = floor.current
            spoken = current.elapsed_seconds(current.paused_at or event.ts)
            over = spoken - current.allotted_seconds
            text = f"{name(current.delegation)} had the floor for {format_duration(spoken)} ({current.kind})"
            return text + (f", {format_duration(over)} over time." if over >= 0.5 else ".")
        if kind in ("floor.pause", "floor.resume") and floor.current is not None:
            verb = "paused" if kind == "floor.pause" else "resumed"
            return f"{who} {verb} the time of {name(floor.current.delegation)}."
        if kind == "floor.item.end":
            due = [name(r.delegation) for r in floor.queue if r.held]
            return f"{who} closed the item" + (
                f"; rights of reply now due: {', '.join(due)}." if due else "."
            )
        if kind == "floor.time.set":
            which = p.get("kind")
            if which is None:
                return f"{who} set the speaking time to {format_duration(p['seconds'])}{undo}."
            if p.get("seconds") is None:
                return f"The speaking time for a {which} is the default again{undo}."
            return f"{who} set the speaking time for a {which} to {format_duration(p['seconds'])}{undo}."
        return f"Floor: {kind}."

    @staticmethod
    def _place(state: SessionState, section: str | None, paragraph: str | None) -> str:
        draft = state.draft
        parts = []
        if section is not None and section in draft.numbering().label:
            parts.append(f"section {draft.label_of(section)}")
        if paragraph is not None and draft.label_of_paragraph(paragraph):
            parts.append(draft.paragraph_name(paragraph))
        return " on " + ", ".join(parts) if parts else ""

    # --------------------------------------------------------------------- apply
    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        floor: SpeakersList = state.floor
        if event.kind == "adoption.take_up":
            if event.payload.get("section") != floor.item_section:
                self._end_item(state, change)
                floor.item_section = event.payload.get("section")
            return
        if not event.kind.startswith("floor."):
            return
        change.areas.add("floor")
        p = event.payload
        kind = event.kind
        if kind == "floor.request":
            self._add_request(floor, event)
        elif kind == "floor.withdraw":
            floor.queue = [r for r in floor.queue if r.id != p["id"]]
        elif kind == "floor.reorder":
            by_id = {r.id: r for r in floor.queue}
            floor.queue = [by_id[i] for i in p["order"]]
        elif kind == "floor.give":
            request = None
            if p.get("request") is not None:
                request = floor.request(p["request"])
                floor.queue.remove(request)
            if p.get("suspends"):
                self._suspend(floor, event.ts)
            floor.current = Intervention(
                delegation=p["delegation"],
                kind=p["kind"],
                requested_ts=request.ts if request else None,
                start_ts=event.ts,
                allotted_seconds=int(p["allotted"]),
                section=p.get("section"),
                paragraph=p.get("paragraph"),
                request_id=request.id if request else None,
                item=floor.item,
                suspends=p.get("suspends"),
                caucus=p.get("caucus"),
            )
            for waiting in [] if p.get("caucus") else floor.queue:  # a caucus has its own list
                if waiting.delegation == p["delegation"] and waiting.kind == p["kind"]:
                    waiting.old_hand = True
        elif kind == "floor.end":
            assert floor.current is not None
            self._finish(floor, floor.current, event.ts)
            floor.current = None
            speaker = floor.suspended
            if speaker is not None:  # the point of order is over: the suspended speaker has the floor again
                assert speaker.suspended_at is not None
                speaker.suspended_seconds += seconds_between(speaker.suspended_at, event.ts)
                speaker.suspended_at = None
                floor.current, floor.suspended = speaker, None
        elif kind == "floor.pause":
            assert floor.current is not None
            floor.current.paused_at = event.ts
        elif kind == "floor.resume":
            current = floor.current
            assert current is not None and current.paused_at is not None
            current.paused_seconds += seconds_between(current.paused_at, event.ts)
            current.paused_at = None
        elif kind == "floor.item.end":
            self._end_item(state, change)
        elif kind == "floor.time.set":
            which, seconds = p.get("kind"), p.get("seconds")
            if which is None:
                floor.default_seconds = int(seconds)
            elif seconds is None:
                floor.overrides.pop(which, None)
            else:
                floor.overrides[which] = int(seconds)

    @staticmethod
    def _finish(floor: SpeakersList, intervention: Intervention, ts: str) -> None:
        """End an intervention at ts (closing a pause) and file it among the finished ones by its start."""
        if intervention.paused_at is not None:
            intervention.paused_seconds += seconds_between(intervention.paused_at, ts)
            intervention.paused_at = None
        intervention.end_ts = ts
        start = parse_ts(intervention.start_ts)
        index = len(floor.interventions)
        while index > 0 and parse_ts(floor.interventions[index - 1].start_ts) > start:
            index -= 1  # a suspended speaker ends after the points of order that interrupted it
        floor.interventions.insert(index, intervention)

    @classmethod
    def _suspend(cls, floor: SpeakersList, ts: str) -> None:
        """A point of order takes the floor: suspend the speaker, or end the point of order it replaces."""
        current = floor.current
        assert current is not None
        if floor.suspended is not None:
            cls._finish(floor, current, ts)
            return
        if current.paused_at is not None:  # the pause ends in the suspension; the speaker resumes running
            current.paused_seconds += seconds_between(current.paused_at, ts)
            current.paused_at = None
        current.suspended_at = ts
        current.suspensions += 1
        floor.suspended = current

    @staticmethod
    def _add_request(floor: SpeakersList, event: Event) -> None:
        p = event.payload
        held = p.get("held", p["kind"] == RIGHT_OF_REPLY)
        request = Request(
            id=p["id"],
            delegation=p["delegation"],
            kind=p["kind"],
            ts=p.get("ts", event.ts),
            section=p.get("section"),
            paragraph=p.get("paragraph"),
            online=bool(p.get("online")),
            item=int(p.get("item", floor.item)),
            held=bool(held),
        )
        floor.requests_made += 1
        if "index" in p:
            index = p["index"]
        elif request.kind == POINT_OF_ORDER:
            index = 0
            while index < len(floor.queue) and floor.queue[index].kind == POINT_OF_ORDER:
                index += 1
        elif request.held:
            index = len(floor.queue)
        else:
            index = next((i for i, r in enumerate(floor.queue) if r.held), len(floor.queue))
        floor.queue.insert(index, request)

    @staticmethod
    def _end_item(state: SessionState, change: Change) -> None:
        floor: SpeakersList = state.floor
        due = [r for r in floor.queue if r.held]
        floor.item += 1
        change.areas.add("floor")
        if not due:
            return
        rest = [r for r in floor.queue if not r.held]
        top = 0
        while top < len(rest) and rest[top].kind == POINT_OF_ORDER:
            top += 1
        for r in due:
            r.held = False
        floor.queue = rest[:top] + due + rest[top:]
        names = ", ".join(state.roster.name_of(r.delegation) for r in due)
        change.notices.append(f"End of the item: the right of reply of {names} can now be heard.")
