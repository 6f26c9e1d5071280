"""A workshop's part of the record: the running order as planned and as held, the written interventions with
their text, and the diversity planned next to the one achieved (tables that record_md and record_docx render)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..core.floor.model import minutes_seconds
from ..core.log.state import SessionState
from ..core.workshop.figures import DiversityRow, workshop_diversity
from ..core.workshop.model import credited

Table = tuple[list[str], list[list[str]]]


def _clock(ts: str | None) -> str:
    return f"{datetime.fromisoformat(ts):%H:%M:%S}" if ts else "\u2014"


@dataclass
class WorkshopRecord:
    """The tables of a workshop's record (empty when the session had no running order and nothing written)."""

    running_order: Table | None = None
    written: Table | None = None
    diversity: list[tuple[str, Table]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Whether there is nothing of a workshop to show."""
        return self.running_order is None and self.written is None


def _running_order(state: SessionState, now: str) -> Table | None:
    workshop = state.workshop
    if not workshop.planned:
        return None
    name = state.roster.name_of
    spoken: dict[str, float] = {}
    for intervention in state.floor.all_interventions():
        if intervention.start_ts in {s.held_ts for s in workshop.order}:
            spoken[intervention.start_ts] = intervention.elapsed_seconds(intervention.end_ts or now)
    held = workshop.held()
    rest = [s for s in workshop.order if s.held_ts is None]
    rows = []
    for index, (code, seconds) in enumerate(workshop.planned):
        planned = f"{name(code)} ({minutes_seconds(seconds)})"
        if index < len(held):
            slot = held[index]
            as_held = f"{name(slot.delegation)}, {_clock(slot.held_ts)}, {minutes_seconds(spoken.get(slot.held_ts or '', 0))}"
        else:
            slot = rest[index - len(held)]
            as_held = f"{name(slot.delegation)}: " + ("skipped" if slot.skipped else "not held")
        rows.append([str(index + 1), planned, as_held])
    return ["Place", "As planned", "As held (start, time spoken)"], rows


def _written(state: SessionState, now: str) -> Table | None:
    items = state.workshop.written
    if not items:
        return None
    rows = []
    for item in items:
        affiliation = state.roster.get(item.author).affiliation if item.author in state.roster else ""
        author = state.roster.name_of(item.author) + (f" ({affiliation})" if affiliation else "")
        if item.read_ts:
            read = f"{credited(item.read_by or '')}, {_clock(item.read_ts)}, {minutes_seconds(item.read_seconds(now))}"
        else:
            read = "not read out"
        text = item.text + (" [asked to speak]" if item.asked_to_speak else "")
        rows.append([_clock(item.ts), author, text, credited(item.logged_by), read])
    return ["Logged", "Author", "Text", "Logged by", "Read out (by, at, for)"], rows


def _diversity(rows: list[DiversityRow], title: str) -> Table:
    header = [title, "Panelists planned", "Spoke", "Only wrote", "Speaking time", "Written"]
    return header, [
        [
            r.group,
            str(r.planned),
            str(r.spoke),
            str(r.only_wrote),
            minutes_seconds(r.speaking_seconds),
            str(r.written),
        ]
        for r in rows
    ]


def workshop_record(state: SessionState, now: str) -> WorkshopRecord:
    """The workshop's tables of the record, as at `now`."""
    record = WorkshopRecord(_running_order(state, now), _written(state, now))
    if not record.empty:
        diversity = workshop_diversity(state, now)
        record.diversity = [
            ("By stakeholder group", _diversity(diversity.stakeholder_groups, "Stakeholder group")),
            ("By regional group", _diversity(diversity.regional_groups, "Regional group")),
        ]
    return record
