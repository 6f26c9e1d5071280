"""The meeting's events component: meeting.set checked, inverted, applied and described."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import RefusedError
from .meeting import Meeting
from .state import STEP_KEYS

if TYPE_CHECKING:
    from .change import Change
    from .eventlog import Event
    from .state import SessionState


class MeetingComponent:
    """Applies meeting.set events (the meeting's title, body, venue, dates and the report's first-page details)."""

    name = "meeting"
    prefixes = ("meeting.",)

    def check(self, state: SessionState, kind: str, payload: dict[str, Any], actor: str) -> None:
        if kind == "meeting.set":
            unknown = set(payload) - set(Meeting.FIELDS) - set(STEP_KEYS)
            if unknown:
                raise RefusedError(f"Unknown meeting details: {', '.join(sorted(unknown))}.")
            if any(not isinstance(payload[k], str) for k in Meeting.FIELDS if k in payload):
                raise RefusedError("The meeting's details are text.")
            if "paper" in payload and payload["paper"] not in Meeting.PAPERS:
                raise RefusedError(f"The paper is A4 or Letter, not {payload['paper']!r}.")

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
