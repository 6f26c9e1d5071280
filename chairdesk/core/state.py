"""The session state derived from the event log, and the components that each apply their own events.

Every event goes through the same three steps for every component, in registration order:
``check`` (may refuse it before anything is written), ``inverse`` (what would undo it, computed by the
component that owns the kind) and, once the event is committed, ``apply``. A component may look at any
event: adoption, for instance, watches draft edits so that editing an adopted section reopens it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .adoption import Adoption
from .adoption_events import AdoptionComponent
from .draft import Draft
from .draft_events import DraftComponent
from .errors import RefusedError
from .floor import SpeakersList
from .floor_events import FloorComponent
from .roster import Roster, RosterComponent
from .transcript import Transcript, TranscriptComponent

if TYPE_CHECKING:
    from .eventlog import Event


@dataclass
class Change:
    """What one event changed: the views refresh only the parts named here."""

    event: Event
    inverse: tuple[str, dict[str, Any]] | None = None
    areas: set[str] = field(default_factory=set)  # "meeting", "draft", "roster", "floor", "adoption", …
    sections: set[str] = field(default_factory=set)  # section ids touched
    paragraphs: set[str] = field(default_factory=set)  # paragraph ids whose text or sub-paragraphs changed
    structure: bool = False  # order or numbering changed (insert, strike, move, section add/remove)
    notices: list[str] = field(default_factory=list)  # things the chair must be told ("Section C reopened …")

    @property
    def kind(self) -> str:
        """The event kind, e.g. "draft.paragraph.amend"."""
        return self.event.kind

    @property
    def subject(self) -> str | None:
        """The id of what the event created or changed, when it names one."""
        return self.event.payload.get("id")


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


@dataclass
class Meeting:
    """The meeting the session belongs to: title, body, venue, dates."""

    title: str = ""
    body: str = ""
    venue: str = ""
    dates: str = ""

    FIELDS = ("title", "body", "venue", "dates")


class MeetingComponent:
    """Applies meeting.set events (the meeting's title, body, venue and dates)."""

    name = "meeting"
    prefixes = ("meeting.",)

    def check(self, state: SessionState, kind: str, payload: dict[str, Any], actor: str) -> None:
        if kind == "meeting.set":
            unknown = set(payload) - set(Meeting.FIELDS) - {"undo_of"}
            if unknown:
                raise RefusedError(f"Unknown meeting details: {', '.join(sorted(unknown))}.")

    def inverse(self, state: SessionState, kind: str, payload: dict[str, Any]) -> tuple[str, dict] | None:
        return "meeting.set", {k: getattr(state.meeting, k) for k in payload if k in Meeting.FIELDS}

    def describe(self, state: SessionState, event: Event) -> str:
        details = ", ".join(f"{k} '{v}'" for k, v in event.payload.items() if k in Meeting.FIELDS and v)
        return f"Meeting details set: {details}." if details else "Meeting details cleared."

    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        if event.kind == "meeting.set":
            for key in Meeting.FIELDS:
                if key in event.payload:
                    setattr(state.meeting, key, str(event.payload[key]))
            change.areas.add("meeting")


def default_components() -> list[Component]:
    """The components of a session, in the order they see each event."""
    return [
        MeetingComponent(),
        DraftComponent(),
        AdoptionComponent(),
        RosterComponent(),
        FloorComponent(),
        TranscriptComponent(),
    ]


class SessionState:
    """Everything the chair sees, derived from the events applied so far."""

    def __init__(self) -> None:
        self.meeting: Meeting = Meeting()
        self.draft: Draft = Draft()
        self.adoption: Adoption = Adoption()
        self.roster: Roster = Roster()
        self.floor: SpeakersList = SpeakersList()
        self.transcript: Transcript = Transcript()
        self.seq = 0  # sequence number of the last event applied
        self.last_ts = ""
        self.components: list[Component] = default_components()
        self._owners: dict[str, Component] = {}
        for component in self.components:
            for prefix in component.prefixes:
                self._owners[prefix] = component

    def owner(self, kind: str) -> Component:
        """The component that owns an event kind."""
        for prefix, component in self._owners.items():
            if kind.startswith(prefix):
                return component
        raise RefusedError(f"Unknown kind of event: {kind!r}.")

    def check(self, kind: str, payload: dict[str, Any], actor: str) -> tuple[str, dict] | None:
        """Let every component refuse the event, then return its inverse."""
        owner = self.owner(kind)
        for component in self.components:
            component.check(self, kind, payload, actor)
        return owner.inverse(self, kind, payload)

    def describe(self, event: Event) -> str:
        """What an event did, in one sentence for the record; call it before applying the event."""
        text = self.owner(event.kind).describe(self, event)
        return text[:1].upper() + text[1:]

    def apply(self, event: Event, change: Change | None = None) -> Change:
        """Apply one committed event to every component."""
        change = change or Change(event)
        self.owner(event.kind)
        for component in self.components:
            component.apply(self, event, change)
        self.seq = event.seq
        self.last_ts = event.ts
        return change
