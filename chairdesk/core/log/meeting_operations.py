"""The chair's moves on the meeting's details: one recorded meeting.set event each."""

from __future__ import annotations

from .change import Change
from .errors import RefusedError
from .meeting import Meeting
from .session import Session


def set_meeting_details(session: Session, actor: str = "chair", **details: str) -> Change:
    """Set some of the meeting's details (title, body, venue, dates, symbol, distribution, issued, original,
    paper); the report's first page and layout follow them."""
    unknown = set(details) - set(Meeting.FIELDS)
    if unknown:
        raise RefusedError(f"Unknown meeting details: {', '.join(sorted(unknown))}.")
    if not details:
        raise RefusedError("No meeting details given.")
    return session.record("meeting.set", {k: str(v) for k, v in details.items()}, actor)
