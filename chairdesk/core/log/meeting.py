"""The meeting the session belongs to: title, body, venue, dates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Meeting:
    """The meeting the session belongs to: title, body, venue, dates."""

    title: str = ""
    body: str = ""
    venue: str = ""
    dates: str = ""

    FIELDS = ("title", "body", "venue", "dates")
