"""Speaking figures: per delegation, and per stakeholder and regional group next to their share of the roster.

Interventions are the finished ones (pass ``now`` to count the current one, and one suspended by a point of
order, up to that moment). Every kind counts: speaker, point of order, right of reply. An intervention
suspended by a point of order is one intervention; its suspended time is not speaking time. Speaking time in
a moderated caucus (Model UN) is part of the speaking time and also counted on its own (``caucus_seconds``).
Shares are fractions from 0 to 1. Words and turns come from the attached transcript, when there is one (None
otherwise), and so do transcript seconds when it has times.

Written interventions (a workshop's chat questions and comments, core/workshop) are counted apart from spoken
ones: ``written`` per delegation and group, with the time it took to read them out. A group whose members only
wrote is in the shares all the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .csv_files import write_csv
from .model import Intervention
from .roster import REGIONAL_GROUPS, STAKEHOLDER_GROUPS, Delegation

if TYPE_CHECKING:
    from ..log.state import SessionState

UNKNOWN_GROUP = "not on the roster"


@dataclass(frozen=True)
class DelegationFigures:
    """How often and how long one delegation spoke."""

    code: str
    name: str
    stakeholder_group: str
    regional_group: str
    interventions: int
    speaking_seconds: float
    mean_seconds: float
    overruns: int
    mean_wait_seconds: float | None
    words: int | None
    turns: int | None
    transcript_seconds: float | None = None  # from the transcript's times, next to speaking_seconds
    caucus_seconds: float = 0.0  # of the speaking time, how much in moderated caucuses (Model UN)
    written: int = 0  # written interventions (chat), counted apart from the spoken ones
    read_seconds: float = 0.0  # how long reading them out to the room took


@dataclass(frozen=True)
class GroupShare:
    """A group's share of the floor next to its share of the roster."""

    group: str
    roster_count: int
    roster_share: float
    interventions: int
    intervention_share: float
    speaking_seconds: float
    time_share: float
    written: int = 0  # written interventions by the group's members
    written_share: float = 0.0  # of all written interventions

    @property
    def gap(self) -> float:
        """Share of speaking time minus share of the roster: negative when the group is heard less."""
        return self.time_share - self.roster_share


@dataclass(frozen=True)
class SpeakerFigures:
    """The figures of a session."""

    delegations: list[DelegationFigures]
    stakeholder_groups: list[GroupShare]
    regional_groups: list[GroupShare]

    @property
    def total_interventions(self) -> int:
        """Interventions counted."""
        return sum(d.interventions for d in self.delegations)

    @property
    def total_seconds(self) -> float:
        """Speaking time counted."""
        return sum(d.speaking_seconds for d in self.delegations)

    @property
    def total_written(self) -> int:
        """Written interventions counted (apart from the spoken ones)."""
        return sum(d.written for d in self.delegations)


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _counted(state: SessionState, now: str | datetime | None) -> list[tuple[Intervention, float]]:
    floor = state.floor
    counted = [(i, i.duration_seconds) for i in floor.interventions]
    if now is not None:
        for open_one in (floor.suspended, floor.current):
            if open_one is not None:  # a suspended speaker's time is frozen at the suspension
                counted.append((open_one, open_one.elapsed_seconds(now)))
    return counted


def speaker_figures(state: SessionState, now: str | datetime | None = None) -> SpeakerFigures:
    """Figures per delegation (roster order, then any that left the roster) and per group."""
    roster = state.roster
    counted = _counted(state, now)
    transcript = state.transcript
    words_turns = transcript.counts(roster) if transcript.attached else None
    timed = transcript.seconds(roster) if transcript.attached and transcript.timed else None
    codes = roster.codes()
    written = state.workshop.written
    codes += list(dict.fromkeys(i.delegation for i, _ in counted if i.delegation not in roster))
    codes += list(dict.fromkeys(w.author for w in written if w.author not in roster and w.author not in codes))
    by_code: dict[str, list[tuple[Intervention, float]]] = {}
    for intervention, seconds in counted:
        by_code.setdefault(intervention.delegation, []).append((intervention, seconds))
    rows: list[DelegationFigures] = []
    for code in codes:
        delegation = (
            roster.get(code) if code in roster else Delegation(code, code, UNKNOWN_GROUP, UNKNOWN_GROUP)
        )
        mine = by_code.get(code, [])
        seconds = sum(s for _, s in mine)
        waits = [i.wait_seconds for i, _ in mine if i.wait_seconds is not None]
        words, turns = (None, None)
        if words_turns is not None:
            words, turns = words_turns.get(code, (0, 0))
        rows.append(
            DelegationFigures(
                code=code,
                name=delegation.name,
                stakeholder_group=delegation.stakeholder_group,
                regional_group=delegation.regional_group,
                interventions=len(mine),
                speaking_seconds=seconds,
                mean_seconds=_share(seconds, len(mine)),
                overruns=sum(1 for i, s in mine if s - i.allotted_seconds >= 0.5),
                mean_wait_seconds=sum(waits) / len(waits) if waits else None,
                words=words,
                turns=turns,
                transcript_seconds=None if timed is None else timed.get(code, 0.0),
                caucus_seconds=sum(s for i, s in mine if i.caucus is not None),
                written=sum(1 for w in written if w.author == code),
                read_seconds=sum(w.read_seconds(now) for w in written if w.author == code),
            )
        )
    return SpeakerFigures(
        delegations=rows,
        stakeholder_groups=_groups(rows, roster.delegations, "stakeholder_group", STAKEHOLDER_GROUPS),
        regional_groups=_groups(rows, roster.delegations, "regional_group", REGIONAL_GROUPS),
    )


def _groups(
    rows: list[DelegationFigures], delegations: Iterable[Delegation], attribute: str, order: tuple[str, ...]
) -> list[GroupShare]:
    """One share per group that is on the roster or spoke, in the canonical order of the groups."""
    members = [getattr(d, attribute) for d in delegations]
    total_members = len(members)
    total_interventions = sum(r.interventions for r in rows)
    total_seconds = sum(r.speaking_seconds for r in rows)
    total_written = sum(r.written for r in rows)
    present = set(members) | {getattr(r, attribute) for r in rows if r.interventions or r.written}
    names = [g for g in order if g in present] + sorted(present - set(order))
    shares = []
    for group in names:
        mine = [r for r in rows if getattr(r, attribute) == group]
        count = members.count(group)
        interventions = sum(r.interventions for r in mine)
        seconds = sum(r.speaking_seconds for r in mine)
        written = sum(r.written for r in mine)
        shares.append(
            GroupShare(
                group=group,
                roster_count=count,
                roster_share=_share(count, total_members),
                interventions=interventions,
                intervention_share=_share(interventions, total_interventions),
                speaking_seconds=seconds,
                time_share=_share(seconds, total_seconds),
                written=written,
                written_share=_share(written, total_written),
            )
        )
    return shares


CSV_COLUMNS = (
    "table",
    "name",
    "code",
    "stakeholder_group",
    "regional_group",
    "roster_count",
    "roster_share",
    "interventions",
    "intervention_share",
    "speaking_seconds",
    "time_share",
    "mean_seconds",
    "overruns",
    "mean_wait_seconds",
    "caucus_seconds",
    "words",
    "turns",
    "transcript_seconds",
)
WRITTEN_COLUMNS = ("written_interventions", "written_share", "read_seconds")  # when anything was written


def _number(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}"


def write_figures_csv(figures: SpeakerFigures, path: str | Path) -> Path:
    """Write one CSV (atomically, formula-like cells escaped): a row per delegation, then per stakeholder group
    and per regional group ("table" column); the written-intervention columns follow when anyone wrote."""
    rows: list[dict] = []
    for d in figures.delegations:
        rows.append(
            {
                "table": "delegation",
                "name": d.name,
                "code": d.code,
                "stakeholder_group": d.stakeholder_group,
                "regional_group": d.regional_group,
                "interventions": d.interventions,
                "speaking_seconds": _number(d.speaking_seconds),
                "mean_seconds": _number(d.mean_seconds),
                "overruns": d.overruns,
                "mean_wait_seconds": _number(d.mean_wait_seconds),
                "words": _number(d.words),
                "turns": _number(d.turns),
                "transcript_seconds": _number(d.transcript_seconds),
                "caucus_seconds": _number(d.caucus_seconds),
                "written_interventions": d.written,
                "read_seconds": _number(d.read_seconds),
            }
        )
    for table, shares in (
        ("stakeholder group", figures.stakeholder_groups),
        ("regional group", figures.regional_groups),
    ):
        for g in shares:
            rows.append(
                {
                    "table": table,
                    "name": g.group,
                    "roster_count": g.roster_count,
                    "roster_share": _number(g.roster_share, 4),
                    "interventions": g.interventions,
                    "intervention_share": _number(g.intervention_share, 4),
                    "speaking_seconds": _number(g.speaking_seconds),
                    "time_share": _number(g.time_share, 4),
                    "written_interventions": g.written,
                    "written_share": _number(g.written_share, 4),
                }
            )
    columns = CSV_COLUMNS + (WRITTEN_COLUMNS if figures.total_written else ())
    return write_csv(path, columns, ([row.get(c, "") for c in columns] for row in rows))
