"""The session state derived from the event log, and the components that each apply their own events.

Every event goes through the same three steps for every component, in registration order:
``check`` (may refuse it before anything is written), ``inverse`` (what would undo it, computed by the
component that owns the kind) and, once the event is committed, ``apply``. A component may look at any
event: adoption, for instance, watches draft edits so that editing an adopted section reopens it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol

from ..adoption.model import Adoption
from ..draft.model import CHAIR, Draft
from ..floor.model import SpeakersList
from ..floor.roster import Roster
from ..floor.transcript import Transcript
from ..procedure.model import Procedure
from ..workshop.model import Workshop
from .change import Change
from .errors import RefusedError, UnappliableEventError, UnknownKindError
from .meeting import Meeting

if TYPE_CHECKING:
    from .eventlog import Event


@contextmanager
def collector_held() -> Iterator[None]:
    """No garbage collection inside (as it was before, after): a state is a tree of plain objects, ~100,000 of
    them, with no cycles, so making, loading or copying states many times over needs none, and a collection
    on the way would walk them all."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


UNDO, REDO = "undo", "redo"
# What Session.undo adds to the inverse's payload: the seq of the event undone and, for a redo, the seq and
# the actor of the step it redoes (so the record credits the step, not whoever pressed Redo).
STEP_KEYS = ("undo_of", "redo_of", "credited_to")
STEP_NOTES = {UNDO: " (undoing an earlier step)", REDO: " (redoing an undone step)"}


class Component(Protocol):
    """One part of the session state; owns the event kinds that start with one of its prefixes."""

    name: str
    prefixes: tuple[str, ...]

    def check(self, state: SessionState, kind: str, payload: dict[str, Any], actor: str) -> None:
        """Raise a RefusedError if the event must not be recorded now."""

    def inverse(self, state: SessionState, kind: str, payload: dict[str, Any]) -> tuple[str, dict] | None:
        """The event that undoes this one (only called on the owner), or None if it cannot be undone."""

    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        """Bring the state up to date with a committed event; must not fail after check passed."""

    def describe(self, state: SessionState, event: Event) -> str:
        """One sentence for the record, read against the state just before the event (only on the owner)."""


class SessionState:
    """Everything the chair sees, derived from the events applied so far."""

    def __init__(self, components: Iterable[Component]) -> None:
        self.meeting: Meeting = Meeting()
        self.draft: Draft = Draft()
        self.adoption: Adoption = Adoption()
        self.roster: Roster = Roster()
        self.floor: SpeakersList = SpeakersList()
        self.transcript: Transcript = Transcript()
        self.procedure: Procedure = Procedure()
        self.workshop: Workshop = Workshop()
        self.seq = 0  # sequence number of the last event applied
        self.last_ts = ""
        self.actors: dict[str, None] = {}  # everyone who acted so far, in order of first appearance
        self.undos: set[int] = set()  # seqs of the undos so far (undoing one of them is a redo)
        self.components: list[Component] = list(components)
        self._owners: dict[str, Component] = {}
        self._owner_of: dict[str, Component] = {}  # kind -> owner, as found (a replay asks 20,000 times)
        for component in self.components:
            for prefix in component.prefixes:
                self._owners[prefix] = component

    def __deepcopy__(self, memo: dict[int, Any]) -> SessionState:
        """A copy of the derived data; the components are stateless, so the copy shares them."""
        import copy

        twin = SessionState.__new__(SessionState)
        memo[id(self)] = twin
        for key, value in vars(self).items():
            shared = key in ("components", "_owners", "_owner_of")
            setattr(twin, key, value if shared else copy.deepcopy(value, memo))
        return twin

    def owner(self, kind: str) -> Component:
        """The component that owns an event kind."""
        found = self._owner_of.get(kind)
        if found is not None:
            return found
        for prefix, component in self._owners.items():
            if kind.startswith(prefix):
                if len(self._owner_of) < 1000:  # kinds are few; a flood of made-up ones is not kept
                    self._owner_of[kind] = component
                return component
        raise UnknownKindError(kind)

    def check(self, kind: str, payload: dict[str, Any], actor: str) -> tuple[str, dict] | None:
        """Let every component refuse the event, then return its inverse."""
        owner = self.owner(kind)
        _check_step_keys(payload, self.seq)
        for component in self.components:
            component.check(self, kind, payload, actor)
        return owner.inverse(self, kind, payload)

    def describe(self, event: Event) -> str:
        """What an event did, in one sentence for the record; call it before applying the event."""
        text = self.owner(event.kind).describe(self, event)
        return text[:1].upper() + text[1:]

    def apply(self, event: Event, change: Change | None = None) -> Change:
        """Apply one committed event to every component (UnappliableEventError names it if it cannot be)."""
        change = change or Change(event)
        try:
            self.owner(event.kind)
            for component in self.components:
                component.apply(self, event, change)
        except UnappliableEventError:
            raise
        except (RefusedError, LookupError, ValueError, TypeError, AttributeError) as error:
            raise UnappliableEventError(event.seq, event.kind, event.payload, error) from error
        self.seq = event.seq
        self.last_ts = event.ts
        if event.actor not in self.actors:
            self.actors[event.actor] = None
        if self.step_of(event) == UNDO:
            self.undos.add(event.seq)
        return change

    def step_of(self, event: Event) -> str:
        """Whether an event undoes a step (UNDO), redoes one (REDO: it undoes an undo) or neither ("")."""
        payload = event.payload
        if "undo_of" not in payload:
            return ""
        # A file from before redo_of was kept tells a redo only by what it undoes.
        return REDO if "redo_of" in payload or payload["undo_of"] in self.undos else UNDO


def _check_step_keys(payload: dict[str, Any], last: int) -> None:
    """Refuse an undo's or a redo's references that name no earlier event (the record reads them back)."""
    for key in ("undo_of", "redo_of"):
        if key in payload and (type(payload[key]) is not int or not 1 <= payload[key] <= last):
            raise RefusedError(f"The step's {key} names no earlier event; nothing was recorded.")
    if not isinstance(payload.get("credited_to", ""), str):
        raise RefusedError("The step's credited_to is not an actor; nothing was recorded.")


def step_note(state: SessionState, event: Event) -> str:
    """What the record adds to an undo's or a redo's sentence: " (undoing an earlier step)", …, or ""."""
    return STEP_NOTES.get(state.step_of(event), "")


def credited_actor(event: Event) -> str:
    """Whom an event is credited to: its actor, or for a redo whoever made the step it redoes."""
    credited = event.payload.get("credited_to")
    return credited if isinstance(credited, str) else event.actor


def actor_name(state: SessionState, actor: str, chair: str = "the Chair") -> str:
    """How a document names an actor: the chair's wording given, or the delegation's name from the roster."""
    return chair if actor == CHAIR else state.roster.name_of(actor)
