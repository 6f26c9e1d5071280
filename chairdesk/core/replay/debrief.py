"""Debrief figures from a replay: time per section, speaking time over time, the moments the text changed most.

All figures come from the event timestamps (UTC), like the record of the session.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..draft.model import Draft
from ..floor.model import parse_ts
from ..log.components import new_state
from ..log.eventlog import Event
from ..log.state import SessionState


@dataclass(frozen=True)
class SectionTime:
    """How long a section was under consideration (from its taking up to its adoption or the next one)."""

    section: str
    label: str
    title: str
    seconds: float
    periods: int


@dataclass
class SpeakingSeries:
    """Speaking time per period: the periods' starts, and seconds per delegation and per stakeholder group."""

    starts: list[datetime]
    period_seconds: float
    delegations: dict[str, list[float]] = field(default_factory=dict)  # by name
    groups: dict[str, list[float]] = field(default_factory=dict)


@dataclass(frozen=True)
class TextMoment:
    """A stretch of the session and how much of the text changed in it."""

    start: datetime
    end: datetime
    first_seq: int
    words: int
    events: int
    paragraphs: tuple[str, ...]  # numbers (as they stood at the end), e.g. ("3", "7")


@dataclass
class Debrief:
    """The debrief figures of a whole session."""

    sections: list[SectionTime]
    speaking: SpeakingSeries
    moments: list[TextMoment]


def section_times(events: list[Event], draft: Draft) -> list[SectionTime]:
    """Time each section spent under consideration, in document order (sections never taken up left out)."""
    seconds: Counter[str] = Counter()
    periods: Counter[str] = Counter()
    current: tuple[str, str] | None = None  # section, taken up at
    end = events[-1].ts if events else ""
    for event in events:
        kind, payload = event.kind, event.payload
        section = payload.get("section")
        if kind == "adoption.vote" and payload.get("subject_kind") == "section" and payload.get("carried"):
            section = payload.get("subject")
        closes = kind == "adoption.take_up" or (
            current is not None and kind in ("adoption.adopt", "adoption.vote") and section == current[0]
        )
        if closes and current is not None:
            seconds[current[0]] += (parse_ts(event.ts) - parse_ts(current[1])).total_seconds()
            periods[current[0]] += 1
            current = None
        if kind == "adoption.take_up" and section:
            current = (section, event.ts)
    if current is not None:
        seconds[current[0]] += (parse_ts(end) - parse_ts(current[1])).total_seconds()
        periods[current[0]] += 1
    numbering = draft.numbering()
    order = [s for s in draft.order if s in seconds] + [s for s in seconds if s not in draft.order]
    return [
        SectionTime(sid, numbering.label.get(sid, "–"), draft.sections[sid].title, seconds[sid], periods[sid])
        for sid in order
        if sid in draft.sections
    ]


def speaking_series(state: SessionState, start: datetime, end: datetime, periods: int = 12) -> SpeakingSeries:
    """Speaking time per delegation and per stakeholder group in `periods` equal stretches of the session.

    Each intervention counts in the stretch where it began."""
    span = max((end - start).total_seconds(), 1.0)
    width = span / periods
    series = SpeakingSeries([start + timedelta(seconds=width * i) for i in range(periods)], width)
    roster = state.roster
    for intervention in state.floor.all_interventions():
        index = min(
            periods - 1, max(0, int((parse_ts(intervention.start_ts) - start).total_seconds() // width))
        )
        seconds = intervention.duration_seconds
        name = roster.name_of(intervention.delegation)
        code = intervention.delegation
        group = roster.get(code).stakeholder_group if code in roster else "not on the roster"
        series.delegations.setdefault(name, [0.0] * periods)[index] += seconds
        series.groups.setdefault(group, [0.0] * periods)[index] += seconds
    return series


def _words(text: str) -> Counter[str]:
    return Counter(text.split())


def text_moments(events: list[Event], minutes: float = 5.0, top: int = 5) -> list[TextMoment]:
    """The stretches of `minutes` in which most words of the text changed (added plus removed), most first.

    Replays the log once, comparing each changed paragraph's words (sub-paragraphs included; a struck paragraph
    counts as all its words removed) with what it held before."""
    state = new_state()
    seen: dict[str, str] = {}
    buckets: dict[int, list] = {}  # index -> [first seq, words, events, paragraphs]
    start = parse_ts(events[0].ts) if events else None
    for event in events:
        change = state.apply(event)
        if not event.kind.startswith("draft.") or not change.paragraphs or start is None:
            continue
        words = 0
        for pid in change.paragraphs:
            paragraph = state.draft.paragraphs.get(pid)
            now = "" if paragraph is None or paragraph.struck else paragraph.full_text()
            before = seen.get(pid, "")
            if now != before:
                old, new = _words(before), _words(now)
                words += sum((old - new).values()) + sum((new - old).values())
                seen[pid] = now
        if not words:
            continue
        index = int((parse_ts(event.ts) - start).total_seconds() // (minutes * 60))
        bucket = buckets.setdefault(index, [event.seq, 0, 0, set()])
        bucket[1] += words
        bucket[2] += 1
        bucket[3].update(change.paragraphs)
    numbers = state.draft.numbering().number
    moments = []
    for index, (first, words, count, paragraphs) in buckets.items():
        begin = start + timedelta(minutes=minutes * index)  # type: ignore[operator]
        labels = sorted((str(numbers[p]) for p in paragraphs if p in numbers), key=int)
        moments.append(
            TextMoment(begin, begin + timedelta(minutes=minutes), first, words, count, tuple(labels))
        )
    moments.sort(key=lambda m: (-m.words, m.first_seq))
    return moments[:top]


def debrief(events: list[Event], state: SessionState, periods: int = 12, minutes: float = 5.0) -> Debrief:
    """Every debrief figure for a session, given its events and its final state."""
    if not events:
        return Debrief([], SpeakingSeries([], 0.0), [])
    start, end = parse_ts(events[0].ts), parse_ts(events[-1].ts)
    return Debrief(
        section_times(events, state.draft),
        speaking_series(state, start, end, periods),
        text_moments(events, minutes),
    )
