"""A workshop's diversity: the groups planned (the running order's panelists) next to those actually heard.

"Heard aloud" counts the people who had the floor (any list); "only wrote" those whose only interventions were
written (chat) ones. Seconds are speaking time; reading out a written intervention is counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..floor.figures import SpeakerFigures, speaker_figures
from ..floor.roster import REGIONAL_GROUPS, STAKEHOLDER_GROUPS

if TYPE_CHECKING:
    from ..log.state import SessionState


@dataclass(frozen=True)
class DiversityRow:
    """One stakeholder or regional group: planned panelists next to the people heard."""

    group: str
    planned: int  # panelists in the running order as planned
    spoke: int  # people who had the floor
    only_wrote: int  # people heard only through written interventions
    speaking_seconds: float
    written: int  # written interventions

    @property
    def heard(self) -> int:
        """People heard, aloud or in writing."""
        return self.spoke + self.only_wrote


@dataclass(frozen=True)
class WorkshopDiversity:
    """The diversity planned and achieved, by stakeholder group and by region."""

    stakeholder_groups: list[DiversityRow]
    regional_groups: list[DiversityRow]
    planned_people: int
    heard_people: int


def _rows(
    state: SessionState, figures: SpeakerFigures, attribute: str, order: tuple[str, ...]
) -> list[DiversityRow]:
    roster = state.roster
    planned = [getattr(roster.get(code), attribute) for code, _ in state.workshop.planned if code in roster]
    rows = figures.delegations
    present = set(planned) | {getattr(r, attribute) for r in rows if r.interventions or r.written}
    names = [g for g in order if g in present] + sorted(present - set(order))
    result = []
    for group in names:
        mine = [r for r in rows if getattr(r, attribute) == group]
        result.append(
            DiversityRow(
                group=group,
                planned=planned.count(group),
                spoke=sum(1 for r in mine if r.interventions),
                only_wrote=sum(1 for r in mine if r.written and not r.interventions),
                speaking_seconds=sum(r.speaking_seconds for r in mine),
                written=sum(r.written for r in mine),
            )
        )
    return result


def workshop_diversity(state: SessionState, now: str | datetime | None = None) -> WorkshopDiversity:
    """Who was planned to speak and who was heard (aloud or in writing), per stakeholder group and region."""
    figures = speaker_figures(state, now)
    return WorkshopDiversity(
        stakeholder_groups=_rows(state, figures, "stakeholder_group", STAKEHOLDER_GROUPS),
        regional_groups=_rows(state, figures, "regional_group", REGIONAL_GROUPS),
        planned_people=len({code for code, _ in state.workshop.planned}),
        heard_people=sum(1 for r in figures.delegations if r.interventions or r.written),
    )
