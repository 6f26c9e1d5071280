"""The record of the session, built once by replaying the log; record_docx and record_md render it."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..core.figures import GroupShare, SpeakerFigures, speaker_figures
from ..core.floor import minutes_seconds
from ..core.roster import actor_name
from ..core.session import Session
from ..core.state import SessionState
from .base import TitleBlock

# Kinds of entry, in the order the record explains them.
KINDS: dict[str, str] = {
    "meeting": "Meeting",
    "roster": "Roster",
    "floor": "Floor",
    "point of order": "Point of order",
    "right of reply": "Right of reply",
    "proposal": "Proposal",
    "text": "Text change",
    "baseline": "Baseline",
    "adoption": "Adoption step",
    "objection": "Objection",
    "vote": "Vote",
    "final": "Final adoption",
    "other": "Other",
}


def kind_of(kind: str, payload: dict[str, Any]) -> str:
    """Which kind of record entry an event is (a key of KINDS)."""
    if kind.startswith("meeting."):
        return "meeting"
    if kind.startswith("roster."):
        return "roster"
    if kind.startswith(("floor.", "transcript.")):
        floor_kind = str(payload.get("kind", ""))
        return floor_kind if floor_kind in ("point of order", "right of reply") else "floor"
    if kind.startswith("draft.proposal."):
        return "proposal"
    if kind == "draft.baseline":
        return "baseline"
    if kind.startswith("draft."):
        return "text"
    if kind == "adoption.object":
        return "objection"
    if kind == "adoption.vote":
        return "vote"
    if kind == "adoption.report.adopt":
        return "final"
    if kind.startswith("adoption."):
        return "adoption"
    return "other"


@dataclass
class RecordEntry:
    """One event of the log as the record tells it."""

    seq: int
    ts: str
    actor: str  # the actor's name as the record gives it ("the Chair", "Blue")
    kind: str  # a key of KINDS
    text: str

    @property
    def moment(self) -> datetime:
        """The event's time (UTC)."""
        return datetime.fromisoformat(self.ts)

    @property
    def time(self) -> str:
        """ "09:14:05"."""
        return f"{self.moment:%H:%M:%S}"

    @property
    def day(self) -> str:
        """ "Thursday 26 November 2026"."""
        moment = self.moment
        return f"{moment:%A} {moment.day} {moment:%B %Y}"

    @property
    def label(self) -> str:
        """The kind in words."""
        return KINDS[self.kind]


@dataclass
class InterventionRow:
    """One finished intervention: who had the floor, when, for how long."""

    start: str  # "09:14:05"
    delegation: str
    kind: str
    seconds: float
    overrun: float
    about: str

    @property
    def duration(self) -> str:
        """ "3:05"."""
        return minutes_seconds(self.seconds)


@dataclass
class SessionRecord:
    """Everything the record of the session shows."""

    title: TitleBlock
    entries: list[RecordEntry]
    interventions: list[InterventionRow] = field(default_factory=list)
    figures: SpeakerFigures | None = None  # None when nobody is on the roster and nobody spoke
    adoption: list[tuple[str, str]] = field(default_factory=list)  # (time, what) of each adoption step
    adopted_at: str | None = None

    def counts(self) -> list[tuple[str, int]]:
        """How many entries of each kind, in KINDS order (kinds that occur only)."""
        return [
            (label, n) for key, label in KINDS.items() if (n := sum(1 for e in self.entries if e.kind == key))
        ]


def replay_descriptions(session: Session) -> tuple[list[RecordEntry], SessionState]:
    """Each event described against the state just before it; returns the entries and the final state."""
    state = SessionState()
    entries = []
    for event in session.events:
        text = state.describe(event)
        who = actor_name(state, event.actor)
        entries.append(RecordEntry(event.seq, event.ts, who, kind_of(event.kind, event.payload), text))
        state.apply(event)
    return entries, state


def _interventions(state: SessionState) -> list[InterventionRow]:
    rows = []
    draft = state.draft
    for item in state.floor.interventions:
        about = ""
        if item.paragraph and draft.number_of(item.paragraph):
            about = f"paragraph {draft.number_of(item.paragraph)}"
        elif item.section in draft.order:
            about = f"section {draft.label_of(item.section)}"
        start = datetime.fromisoformat(item.start_ts) if item.start_ts else None
        rows.append(
            InterventionRow(
                f"{start:%H:%M:%S}" if start else "",
                actor_name(state, item.delegation),
                item.kind,
                float(item.duration_seconds),
                float(item.overrun_seconds),
                about,
            )
        )
    return rows


def _figures(state: SessionState) -> SpeakerFigures | None:
    figures = speaker_figures(state)
    return figures if figures.delegations else None


def _adoption_steps(state: SessionState) -> tuple[list[tuple[str, str]], str | None]:
    adoption = state.adoption
    steps = []
    for step in adoption.steps:
        what = step.action
        if step.section and step.section in state.draft.sections:
            label = state.draft.numbering().label.get(step.section)
            title = state.draft.sections[step.section].title
            what += f": section {label}, {title}" if label else f": {title}"
        if step.detail:
            what += f" ({step.detail})"
        steps.append((f"{datetime.fromisoformat(step.ts):%H:%M:%S}", what))
    adopted_at = adoption.report_adopted_at if adoption.report_adopted else None
    return steps, adopted_at


def build_record(session: Session) -> SessionRecord:
    """Replay the session's log and gather the record of the session."""
    entries, state = replay_descriptions(session)
    steps, adopted_at = _adoption_steps(state)
    return SessionRecord(
        TitleBlock.of(state),
        entries,
        _interventions(state),
        _figures(state),
        steps,
        adopted_at,
    )


def speaking_time_chart(figures: SpeakerFigures) -> bytes:
    """A PNG of speaking time per delegation and per stakeholder group (matplotlib, Agg backend)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    delegations = list(figures.delegations)
    groups = [g for g in figures.stakeholder_groups if g.roster_count or g.speaking_seconds]
    height = max(2.5, 0.32 * max(len(delegations), len(groups)) + 1.2)
    figure = Figure(figsize=(9, height), dpi=110)
    left, right = figure.subplots(1, 2)
    left.barh(
        [d.name for d in delegations][::-1],
        [d.speaking_seconds / 60 for d in delegations][::-1],
        color="#3a6ea5",
    )
    left.set_title("Speaking time per delegation")
    left.set_xlabel("minutes")
    right.barh(
        [g.group for g in groups][::-1],
        [g.time_share * 100 for g in groups][::-1],
        color="#c0504d",
        label="share of speaking time",
    )
    right.barh(
        [g.group for g in groups][::-1],
        [g.roster_share * 100 for g in groups][::-1],
        fill=False,
        edgecolor="#333333",
        label="share of the roster",
    )
    right.set_title("Per stakeholder group")
    right.set_xlabel("per cent")
    right.legend(loc="lower right", fontsize="small")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def delegation_table(figures: SpeakerFigures) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the per-delegation figures."""
    header = ["Delegation", "Group", "Interventions", "Speaking time", "Mean", "Overruns", "Mean wait"]
    rows = [
        [
            d.name,
            d.stakeholder_group,
            str(d.interventions),
            minutes_seconds(d.speaking_seconds),
            minutes_seconds(d.mean_seconds),
            str(d.overruns),
            minutes_seconds(d.mean_wait_seconds) if d.mean_wait_seconds is not None else "\u2014",
        ]
        for d in figures.delegations
    ]
    return header, rows


def group_table(groups: list[GroupShare], title: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of group shares (stakeholder or regional)."""
    header = [title, "On the roster", "Interventions", "Speaking time", "Share of time"]
    rows = [
        [
            g.group,
            f"{g.roster_count} ({g.roster_share:.0%})",
            f"{g.interventions} ({g.intervention_share:.0%})",
            minutes_seconds(g.speaking_seconds),
            f"{g.time_share:.0%}",
        ]
        for g in groups
    ]
    return header, rows


def export_record(session: Session, path: str | Path) -> Path:
    """Write the record of the session: Markdown for .md files, DOCX otherwise."""
    from .record_docx import export_record_docx
    from .record_md import export_record_md

    path = Path(path)
    if path.suffix.lower() in (".md", ".markdown"):
        return export_record_md(session, path)
    return export_record_docx(session, path)
