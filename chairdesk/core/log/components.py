"""The components that make up a session's state, in the order they see each event."""

from __future__ import annotations

from ..adoption.events import AdoptionComponent
from ..draft.events import DraftComponent
from ..floor.events import FloorComponent
from ..floor.roster_events import RosterComponent
from ..floor.transcript_events import TranscriptComponent
from ..procedure.events import ProcedureComponent
from ..workshop.events import WorkshopComponent
from .damage_events import SessionFileComponent
from .meeting_events import MeetingComponent
from .state import Component, SessionState


def default_components() -> list[Component]:
    """The components of a session, in the order they see each event."""
    return [
        MeetingComponent(),
        DraftComponent(),
        AdoptionComponent(),
        RosterComponent(),
        FloorComponent(),
        TranscriptComponent(),
        ProcedureComponent(),
        WorkshopComponent(),
        SessionFileComponent(),
    ]


def new_state() -> SessionState:
    """An empty session state with every component, before any event."""
    return SessionState(default_components())
