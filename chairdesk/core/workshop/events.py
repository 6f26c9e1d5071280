"""How each workshop.* event is checked, undone, described for the record and applied to the Workshop.

The component also watches ``floor.give`` with a ``slot``: the running order's slot has had the floor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..floor.model import MAX_SECONDS, MIN_SECONDS, format_duration
from ..log.errors import RefusedError
from .model import MAX_SLOTS, MAX_TEXT, Slot, Workshop, WrittenIntervention, credited, valid_actor

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.eventlog import Event
    from ..log.state import SessionState


def _slot(workshop: Workshop, slot_id: Any, what: str = "changed") -> Slot:
    """A slot of the running order that has not had the floor yet."""
    try:
        slot = workshop.slot(slot_id)
    except KeyError:
        raise RefusedError(f"There is no slot {slot_id!r} in the running order.") from None
    if slot.held_ts is not None:
        raise RefusedError(f"Slot {slot_id} has already had the floor; it cannot be {what}.")
    return slot


class WorkshopComponent:
    """Owns workshop.* events; marks a running-order slot held when floor.give names it."""

    name = "workshop"
    prefixes = ("workshop.",)

    def check(self, state: SessionState, kind: str, payload: dict[str, Any], actor: str) -> None:
        workshop: Workshop = state.workshop
        if kind == "floor.give" and payload.get("slot") is not None:
            slot = _slot(workshop, payload["slot"], "given the floor again")
            if slot.skipped:
                raise RefusedError(f"Slot {slot.id} was skipped; unskip it first.")
            if slot.delegation != payload.get("delegation"):
                raise RefusedError(f"Slot {slot.id} belongs to {state.roster.name_of(slot.delegation)}.")
            return
        if not kind.startswith("workshop."):
            return
        if kind == "workshop.order.set":
            self._check_order(state, payload)
        elif kind == "workshop.order.move":
            _slot(workshop, payload["id"], "moved")
            if not isinstance(payload["index"], int) or not 0 <= payload["index"] < len(workshop.order):
                raise RefusedError(f"Place {payload['index']!r} is not in the running order.")
        elif kind == "workshop.order.swap":
            if payload["a"] == payload["b"]:
                raise RefusedError("Swap two different slots of the running order.")
            _slot(workshop, payload["a"], "swapped")
            _slot(workshop, payload["b"], "swapped")
        elif kind in ("workshop.order.skip", "workshop.order.unskip"):
            slot = _slot(workshop, payload["id"], "skipped")
            if slot.skipped == (kind == "workshop.order.skip"):
                raise RefusedError(
                    f"Slot {slot.id} is already {'skipped' if slot.skipped else 'in the order'}."
                )
        elif kind == "workshop.list":
            if payload["running_order"] and not workshop.order:
                raise RefusedError("There is no running order; set the panelists' order first.")
        elif kind == "workshop.written.log":
            self._check_written(state, payload, actor)
        elif kind == "workshop.written.drop":
            item = workshop.item(payload["id"])
            if item.read:
                raise RefusedError("That written intervention has been read out; it stays in the record.")
        elif kind == "workshop.written.read":
            if not valid_actor(actor):
                raise RefusedError("A written intervention is read out by the chair or an online moderator.")
            if workshop.reading is not None:
                raise RefusedError(
                    f"Written intervention {workshop.reading} is being read out; finish it first."
                )
            if workshop.item(payload["id"]).read:
                raise RefusedError(f"Written intervention {payload['id']} has already been read out.")
        elif kind == "workshop.written.done":
            if workshop.reading is None:
                raise RefusedError("No written intervention is being read out.")
        else:
            raise RefusedError(f"Unknown workshop event {kind!r}.")

    @staticmethod
    def _check_order(state: SessionState, payload: dict[str, Any]) -> None:
        if state.workshop.started():
            raise RefusedError("The running order has started; move, swap or skip panelists instead.")
        slots = payload["slots"]
        if not isinstance(slots, list) or not 0 < len(slots) <= MAX_SLOTS:
            raise RefusedError(f"A running order has from 1 to {MAX_SLOTS} panelists.")
        ids = [s["id"] for s in slots]
        if len(set(ids)) != len(ids):
            raise RefusedError("Each slot of the running order has its own id.")
        for s in slots:
            state.roster.get(s["delegation"])
            seconds = s["seconds"]
            if not isinstance(seconds, int) or not MIN_SECONDS <= seconds <= MAX_SECONDS:
                raise RefusedError(
                    f"The speaking time of {state.roster.name_of(s['delegation'])} must be a whole number of "
                    f"seconds from {MIN_SECONDS} to {MAX_SECONDS}."
                )

    @staticmethod
    def _check_written(state: SessionState, payload: dict[str, Any], actor: str) -> None:
        logged_by = payload["logged_by"]
        if not valid_actor(logged_by) or logged_by != actor:
            raise RefusedError(
                "A written intervention is logged by the chair or an online moderator (moderator:<name>)."
            )
        state.roster.get(payload["author"])
        text = payload["text"]
        if not isinstance(text, str) or not text.strip():
            raise RefusedError("A written intervention needs its text.")
        if len(text) > MAX_TEXT:
            raise RefusedError(
                f"A written intervention is at most {MAX_TEXT} characters ({len(text)} given)."
            )
        if any(w.id == payload["id"] for w in state.workshop.written):
            raise RefusedError(f"Written intervention id {payload['id']!r} is already used.")

    def inverse(self, state: SessionState, kind: str, payload: dict[str, Any]) -> tuple[str, dict] | None:
        workshop: Workshop = state.workshop
        if kind == "workshop.order.move":
            index = [s.id for s in workshop.order].index(payload["id"])
            return "workshop.order.move", {"id": payload["id"], "index": index}
        if kind == "workshop.order.swap":
            return "workshop.order.swap", dict(payload)
        if kind == "workshop.order.skip":
            return "workshop.order.unskip", {"id": payload["id"]}
        if kind == "workshop.order.unskip":
            return "workshop.order.skip", {"id": payload["id"]}
        if kind == "workshop.list":
            return "workshop.list", {"running_order": workshop.running_order}
        if kind == "workshop.written.log":
            return "workshop.written.drop", {"id": payload["id"]}
        return None

    # ------------------------------------------------------------------ describe
    def describe(self, state: SessionState, event: Event) -> str:
        workshop: Workshop = state.workshop
        p = event.payload
        name = state.roster.name_of
        kind = event.kind
        if kind == "workshop.order.set":
            names = ", ".join(
                f"{name(s['delegation'])} ({format_duration(s['seconds'])})" for s in p["slots"]
            )
            return f"The Chair set the running order: {names}."
        if kind == "workshop.order.move":
            return f"The Chair moved {name(workshop.slot(p['id']).delegation)} to place {p['index'] + 1} of the running order."
        if kind == "workshop.order.swap":
            a, b = workshop.slot(p["a"]), workshop.slot(p["b"])
            return f"The Chair swapped {name(a.delegation)} and {name(b.delegation)} in the running order."
        if kind == "workshop.order.skip":
            return f"The Chair skipped {name(workshop.slot(p['id']).delegation)} in the running order."
        if kind == "workshop.order.unskip":
            return f"The Chair put {name(workshop.slot(p['id']).delegation)} back in the running order."
        if kind == "workshop.list":
            which = "the running order" if p["running_order"] else "the open list of speakers (Q&A)"
            return f"The Chair moved to {which}."
        if kind == "workshop.written.log":
            asked = "; asked to speak" if p.get("asked_to_speak") else ""
            return (
                f"{credited(p['logged_by'])} logged a written intervention by {name(p['author'])}{asked}: "
                f"\u201c{p['text']}\u201d."
            )
        if kind == "workshop.written.drop":
            return (
                f"The written intervention by {name(workshop.item(p['id']).author)} was taken off the queue."
            )
        if kind == "workshop.written.read":
            item = workshop.item(p["id"])
            return (
                f"{credited(event.actor)} began reading out the written intervention by {name(item.author)}."
            )
        if kind == "workshop.written.done" and workshop.reading is not None:
            item = workshop.item(workshop.reading)
            took = format_duration(item.read_seconds(event.ts))
            return f"{credited(item.read_by or '')} read out the written intervention by {name(item.author)} ({took})."
        return f"Workshop: {kind}."

    # --------------------------------------------------------------------- apply
    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        workshop: Workshop = state.workshop
        p = event.payload
        kind = event.kind
        if kind == "floor.give" and p.get("slot") is not None:
            workshop.slot(p["slot"]).held_ts = event.ts
            change.areas.add("workshop")
            return
        if not kind.startswith("workshop."):
            return
        change.areas.add("workshop")
        if kind == "workshop.order.set":
            workshop.order = [Slot(str(s["id"]), str(s["delegation"]), int(s["seconds"])) for s in p["slots"]]
            workshop.planned = [(s.delegation, s.seconds) for s in workshop.order]
            workshop.running_order = True
        elif kind == "workshop.order.move":
            slot = workshop.slot(p["id"])
            workshop.order.remove(slot)
            workshop.order.insert(p["index"], slot)
        elif kind == "workshop.order.swap":
            order = workshop.order
            i, j = order.index(workshop.slot(p["a"])), order.index(workshop.slot(p["b"]))
            order[i], order[j] = order[j], order[i]
        elif kind in ("workshop.order.skip", "workshop.order.unskip"):
            workshop.slot(p["id"]).skipped = kind == "workshop.order.skip"
        elif kind == "workshop.list":
            workshop.running_order = bool(p["running_order"])
        elif kind == "workshop.written.log":
            workshop.logged += 1
            workshop.written.append(
                WrittenIntervention(
                    id=str(p["id"]),
                    author=str(p["author"]),
                    text=str(p["text"]),
                    ts=event.ts,
                    logged_by=str(p["logged_by"]),
                    asked_to_speak=bool(p.get("asked_to_speak")),
                )
            )
        elif kind == "workshop.written.drop":
            workshop.written = [w for w in workshop.written if w.id != p["id"]]
        elif kind == "workshop.written.read":
            item = workshop.item(p["id"])
            item.read_by, item.read_ts = event.actor, event.ts
            workshop.reading = item.id
        elif kind == "workshop.written.done":
            assert workshop.reading is not None
            workshop.item(workshop.reading).read_end_ts = event.ts
            workshop.reading = None
