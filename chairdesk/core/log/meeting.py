"""The meeting the session belongs to: title, body, venue, dates, and the report's first-page details."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Meeting:
    """The meeting the session belongs to: title, body, venue, dates; and for the report's first page its
    document symbol ("A/AC.290/2026/L.1"), distribution ("General"), date of issue, original language,
    and the paper size ("A4", or "Letter")."""

    title: str = ""
    body: str = ""
    venue: str = ""
    dates: str = ""
    symbol: str = ""
    distribution: str = ""
    issued: str = ""
    original: str = ""
    paper: str = "A4"

    FIELDS = ("title", "body", "venue", "dates", "symbol", "distribution", "issued", "original", "paper")
    PAPERS = ("A4", "Letter")
