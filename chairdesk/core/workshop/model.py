"""A workshop's running order and its written interventions, derived from workshop.* events.

Rules:

- The running order is the panelists in the order the chair planned, each with a speaking time. While it is
  the active list, *Next speaker* gives the floor to its first slot neither held nor skipped (``floor.give``
  with ``slot``); the chair moves to the open Q&A list (the speakers' list) and back with ``workshop.list``.
- The chair may move, swap or skip a slot that has not been held; the order as planned stays as it was set,
  the order as held is the order in which slots had the floor.
- A written intervention is a chat question or comment logged with its author (a delegation or participant on
  the roster) by the chair or an online moderator (``logged_by``); it waits in the written queue until it is
  read out. Reading it out starts with ``workshop.written.read`` and ends with ``workshop.written.done``: the
  reader, the moment and the time it took are in the record.

Events (applied by workshop.events.WorkshopComponent):

    workshop.order.set      {slots: [{id, delegation, seconds}], source?}   refused once a slot was held
    workshop.order.move     {id, index}        workshop.order.swap {a, b}
    workshop.order.skip     {id}               workshop.order.unskip {id}
    workshop.list           {running_order: bool}   which list Next speaker follows
    workshop.written.log    {id, author, text, asked_to_speak, logged_by}
    workshop.written.drop   {id}  (+ the fields of log when an undo puts it back)
    workshop.written.read   {id, read_by}      workshop.written.done {}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..floor.model import parse_ts, seconds_between

CHAIR_ACTOR = "chair"
MODERATOR_PREFIX = "moderator:"
MAX_TEXT = 4000  # characters of one written intervention
MAX_SLOTS = 200


def credited(actor: str) -> str:
    """How the record credits who logged or read a written intervention: "the Chair" or "Ana (online moderator)"."""
    if actor.startswith(MODERATOR_PREFIX):
        return f"{actor[len(MODERATOR_PREFIX) :].strip()} (online moderator)"
    return "the Chair"


def valid_actor(actor: str) -> bool:
    """Whether an actor may log or read written interventions: the chair, or "moderator:<name>"."""
    return actor == CHAIR_ACTOR or (
        actor.startswith(MODERATOR_PREFIX) and bool(actor[len(MODERATOR_PREFIX) :].strip())
    )


@dataclass
class Slot:
    """One panelist's place in the running order."""

    id: str
    delegation: str
    seconds: int
    skipped: bool = False
    held_ts: str | None = None  # when the slot had the floor

    @property
    def pending(self) -> bool:
        """Neither held nor skipped: Next speaker may still call it."""
        return self.held_ts is None and not self.skipped


@dataclass
class WrittenIntervention:
    """A chat question or comment relayed to the room."""

    id: str
    author: str
    text: str
    ts: str
    logged_by: str
    asked_to_speak: bool = False
    read_by: str | None = None
    read_ts: str | None = None
    read_end_ts: str | None = None

    @property
    def read(self) -> bool:
        """Whether it has been read out (or is being read now)."""
        return self.read_ts is not None

    def read_seconds(self, now: str | datetime | None = None) -> float:
        """How long reading it out took (so far, at `now`, while it is being read)."""
        if self.read_ts is None:
            return 0.0
        end = self.read_end_ts or now
        return 0.0 if end is None else max(0.0, seconds_between(self.read_ts, end))


@dataclass
class Workshop:
    """The running order (as planned and as it stands) and the written interventions."""

    planned: list[tuple[str, int]] = field(default_factory=list)  # (delegation, seconds) as set
    order: list[Slot] = field(default_factory=list)
    running_order: bool = False  # Next speaker follows the running order (else the speakers' list)
    written: list[WrittenIntervention] = field(default_factory=list)
    reading: str | None = None  # the written intervention being read out now
    logged: int = 0  # written interventions ever logged (for ids)

    def slot(self, slot_id: str) -> Slot:
        """The slot with this id (KeyError if none)."""
        for slot in self.order:
            if slot.id == slot_id:
                return slot
        raise KeyError(slot_id)

    def next_slot(self) -> Slot | None:
        """The slot Next speaker calls: the first neither held nor skipped."""
        return next((s for s in self.order if s.pending), None)

    def held(self) -> list[Slot]:
        """The slots that had the floor, in the order they had it."""
        return sorted((s for s in self.order if s.held_ts), key=lambda s: parse_ts(s.held_ts or ""))

    def started(self) -> bool:
        """Whether a slot of the running order has had the floor."""
        return any(s.held_ts for s in self.order)

    def item(self, written_id: str) -> WrittenIntervention:
        """The written intervention with this id (KeyError if none)."""
        for item in self.written:
            if item.id == written_id:
                return item
        raise KeyError(written_id)

    def queue(self) -> list[WrittenIntervention]:
        """Written interventions not yet read out, in the order logged."""
        return [w for w in self.written if not w.read]
