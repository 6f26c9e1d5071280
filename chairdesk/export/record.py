"""The record of the session, built once by replaying the log; record_docx and record_md render it."""

from __future__ import annotations

import io
import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..core.draft.model import Draft
from ..core.floor.figures import GroupShare, SpeakerFigures, speaker_figures
from ..core.floor.model import Intervention, minutes_seconds
from ..core.log.components import new_state
from ..core.log.eventlog import Event, format_ts
from ..core.log.session import Session
from ..core.log.state import SessionState, actor_name, credited_actor
from .base import TitleBlock
from .record_workshop import WorkshopRecord, workshop_record

# Kinds of entry, in the order the record explains them.
KINDS: dict[str, str] = {
    "meeting": "Meeting",
    "roster": "Roster",
    "tabling": "Tabling",
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
    "procedure": "Procedure",
    "written": "Written intervention",
    "file": "Session file",
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
    if kind.startswith("procedure."):
        return "procedure"
    if kind.startswith("workshop.written."):
        return "written"
    if kind.startswith("workshop."):
        return "floor"
    if kind.startswith("session."):
        return "file"
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
    running: str = ""  # for one not finished: "running at the time of export (10:42:07 UTC)", …

    @property
    def duration(self) -> str:
        """ "3:05" ("3:05 so far" for one still running)."""
        return minutes_seconds(self.seconds) + (" so far" if self.running else "")

    @property
    def what(self) -> str:
        """The kind, and whether it was still running: "speaker (running at the time of export, …)"."""
        return f"{self.kind} ({self.running})" if self.running else self.kind


@dataclass
class SessionRecord:
    """Everything the record of the session shows."""

    title: TitleBlock
    entries: list[RecordEntry]
    interventions: list[InterventionRow] = field(default_factory=list)
    figures: SpeakerFigures | None = None  # None when nobody is on the roster and nobody spoke
    adoption: list[tuple[str, str]] = field(default_factory=list)  # (time, what) of each adoption step
    adopted_at: str | None = None
    tabling_events: int = 0  # how many events the tabling entry stands for
    workshop: WorkshopRecord = field(default_factory=WorkshopRecord)  # running order, written interventions
    tally: dict[str, int] | None = None  # entries per kind, when the entries were streamed (not kept)
    last_ts: str | None = None  # the last entry's time, when the entries were streamed

    @property
    def spoke(self) -> bool:
        """Whether anyone finished an intervention (else there are no figures to show, only the roster)."""
        return self.figures is not None and self.figures.total_interventions > 0

    def counts(self) -> list[tuple[str, int]]:
        """How many entries of each kind, in KINDS order (kinds that occur only)."""
        tally = self.tally if self.tally is not None else Counter(e.kind for e in self.entries)
        return [(label, n) for key, label in KINDS.items() if (n := tally.get(key, 0))]

    @property
    def last_entry_ts(self) -> str | None:
        """The time of the last entry (None for an empty record)."""
        return self.entries[-1].ts if self.entries else self.last_ts

    def summary(self) -> str:
        """The line under the title block: how many entries of which kinds."""
        counts = self.counts()
        kinds = "; ".join(f"{label}: {n}" for label, n in counts)
        total = sum(n for _, n in counts)
        line = f"{_count(total, 'entry', 'entries')} ({kinds})."
        if self.tabling_events:
            line += (
                f" The tabling entry stands for the {self.tabling_events} events that built the tabled draft."
            )
        return line + " Times are UTC."


def first_baseline(events: Iterable[Event]) -> int | None:
    """The seq of the first draft.baseline event (the tabling), or None."""
    return next((e.seq for e in events if e.kind == "draft.baseline"), None)


def describe_events(
    events: Iterable[Event], state: SessionState, tabled: int | None
) -> Iterator[RecordEntry]:
    """Each event described against the state just before it, applying it to state as it goes (one state,
    brought forward event by event: nothing is kept of the states in between).

    The draft.* events up to and including the first baseline (seq `tabled`) built the tabled draft: they are
    told as one entry, at the baseline, saying what was tabled (other events among them keep their own)."""
    for event in events:
        who = actor_name(state, credited_actor(event))  # a redo: whoever made the step it redoes
        if tabled is not None and event.seq <= tabled and event.kind.startswith("draft."):
            state.apply(event)
            if event.seq == tabled:
                text = tabling_sentence(state.draft, str(event.payload.get("label", "")))
                yield RecordEntry(event.seq, event.ts, who, "tabling", text)
            continue
        text = state.describe(event)
        yield RecordEntry(event.seq, event.ts, who, kind_of(event.kind, event.payload), text)
        state.apply(event)


def replay_descriptions(session: Session) -> tuple[list[RecordEntry], SessionState]:
    """Each event described against the state just before it; returns the entries and the final state."""
    state = new_state()
    entries = list(describe_events(session.events, state, first_baseline(session.events)))
    return entries, state


def _count(n: int, noun: str, plural: str = "") -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def tabling_sentence(draft: Draft, label: str) -> str:
    """ "The draft was tabled as 'Tabled draft': 4 sections, 20 paragraphs." (the draft as tabled)."""
    sections = _count(len(draft.order), "section")
    paragraphs = _count(len(draft.live_paragraphs()), "paragraph")
    return f"The draft was tabled as '{label}': {sections}, {paragraphs}."


def _running(state: SessionState, item: Intervention, now: str) -> str:
    """Why an intervention is in the record unfinished: it was running at the export (and the adoption)."""
    floor = state.floor
    at = f"{datetime.fromisoformat(now):%H:%M:%S} UTC"
    how = "suspended by a point of order" if item is floor.suspended else "running"
    if item.paused:
        how = "paused"
    adopted = state.adoption.report_adopted_at if state.adoption.report_adopted else None
    if adopted and adopted >= item.start_ts:
        when = f"{datetime.fromisoformat(adopted):%H:%M:%S} UTC"
        return f"{how} when the report was adopted ({when}) and at the time of export ({at})"
    return f"{how} at the time of export ({at})"


def _interventions(state: SessionState, now: str) -> list[InterventionRow]:
    rows = []
    draft = state.draft
    floor = state.floor
    unfinished = [i for i in (floor.suspended, floor.current) if i is not None]
    for number, item in enumerate([*floor.interventions, *unfinished]):
        about = ""
        if item.paragraph and draft.label_of_paragraph(item.paragraph):
            about = draft.paragraph_name(item.paragraph)
        elif item.section in draft.order:
            about = f"section {draft.label_of(item.section)}"
        start = datetime.fromisoformat(item.start_ts) if item.start_ts else None
        finished = number < len(floor.interventions)
        seconds = float(item.duration_seconds if finished else item.elapsed_seconds(now))
        rows.append(
            InterventionRow(
                f"{start:%H:%M:%S}" if start else "",
                actor_name(state, item.delegation),
                item.kind + (" (moderated caucus)" if item.caucus else ""),
                seconds,
                float(item.overrun_seconds) if finished else max(0.0, seconds - item.allotted_seconds),
                about,
                "" if finished else _running(state, item, now),
            )
        )
    return rows


def _figures(state: SessionState, now: str) -> SpeakerFigures | None:
    figures = speaker_figures(state, now)  # an intervention still running counts, with its time so far
    return figures if figures.delegations else None


def export_moment(session: Session) -> str:
    """Now, from the session's clock, never before its last event: the moment an export is made."""
    moment = format_ts(session.clock())
    last = session.events[-1].ts if session.events else moment
    return max(moment, last)


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


def build_record(session: Session, now: str | None = None) -> SessionRecord:
    """Replay the session's log and gather the record of the session, as at `now` (default: the export).

    An intervention still running (or paused, or suspended by a point of order) is in the record with its
    time so far, marked so; it counts in the figures."""
    entries, state = replay_descriptions(session)
    tabled = next((e for e in entries if e.kind == "tabling"), None)
    tabling = sum(1 for e in session.events if tabled and e.seq <= tabled.seq and e.kind.startswith("draft."))
    return record_of_state(state, entries, tabling, now or export_moment(session))


def record_of_state(
    state: SessionState,
    entries: list[RecordEntry],
    tabling_events: int,
    now: str,
    tally: dict[str, int] | None = None,
    last_ts: str | None = None,
) -> SessionRecord:
    """The record of the session from its final state and its entries (streamed: no entries, but their tally
    and the last one's time)."""
    steps, adopted_at = _adoption_steps(state)
    return SessionRecord(
        TitleBlock.of(state),
        entries,
        _interventions(state, now),
        _figures(state, now),
        steps,
        adopted_at,
        tabling_events,
        workshop_record(state, now),
        tally,
        last_ts,
    )


NO_INTERVENTIONS = "No interventions were recorded."
TIME_COLOUR, ROSTER_COLOUR = "#3a6ea5", "#b9b9b9"
_MINUTE_STEPS = (0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120)


def minute_step(longest_minutes: float) -> float:
    """A tick step (minutes) that puts at most five steps along an axis up to longest_minutes."""
    return next((step for step in _MINUTE_STEPS if longest_minutes / step <= 5), _MINUTE_STEPS[-1])


CHART_DELEGATIONS = 30  # bars in the chart; a longer roster shows those who spoke longest, then "others"


def chart_rows(figures: SpeakerFigures) -> list[tuple[str, float]]:
    """(name, seconds) of each bar: every delegation in roster order, or for a long roster the ones who
    spoke longest and one bar for all the others, so the chart stays readable at any roster size."""
    rows = [(d.name, d.speaking_seconds) for d in figures.delegations]
    if len(rows) <= CHART_DELEGATIONS:
        return rows
    ranked = sorted(rows, key=lambda row: -row[1])
    kept, rest = ranked[: CHART_DELEGATIONS - 1], ranked[CHART_DELEGATIONS - 1 :]
    return [*kept, (f"{len(rest):,} others", sum(seconds for _, seconds in rest))]


def chart_figure(figures: SpeakerFigures) -> Any:
    """The speaking-time chart as a matplotlib Figure: minutes per delegation (m:ss ticks and labels), and
    each stakeholder group's share of speaking time next to its share of the roster (per cent labels)."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MultipleLocator

    shown = chart_rows(figures)[::-1]  # barh draws bottom-up; the roster order reads top-down
    groups = [g for g in figures.stakeholder_groups if g.roster_count or g.speaking_seconds][::-1]
    rows = max(len(shown), 2 * len(groups))
    figure = Figure(figsize=(8, max(2.6, 0.3 * rows + 1.4)), dpi=150)
    figure.set_layout_engine("constrained")
    left, right = figure.subplots(1, 2, width_ratios=[1.15, 1])
    minutes = [seconds / 60 for _, seconds in shown]
    # A long name must not squeeze the bars; "$" would start matplotlib's mathematical text.
    names = [textwrap.fill(name, 24).replace("$", r"\$") for name, _ in shown]
    bars = left.barh(range(len(shown)), minutes, color=TIME_COLOUR)
    left.set_yticks(range(len(shown)), names)
    left.bar_label(bars, [minutes_seconds(seconds) for _, seconds in shown], padding=3, fontsize=8)
    longest = max(minutes, default=0) or 1
    left.set_xlim(0, longest * 1.18)
    left.xaxis.set_major_locator(MultipleLocator(minute_step(longest)))
    left.xaxis.set_major_formatter(FuncFormatter(lambda x, _: minutes_seconds(x * 60)))
    top_n = "" if len(shown) == len(figures.delegations) else f" (the {len(shown) - 1} who spoke longest)"
    left.set_title(f"Speaking time per delegation{top_n}", fontsize=10)
    left.set_xlabel("minutes (m:ss)", fontsize=9)

    positions = range(len(groups))
    height = 0.38
    time_bars = right.barh(
        [y + height / 2 for y in positions],
        [g.time_share * 100 for g in groups],
        height,
        color=TIME_COLOUR,
        label="share of speaking time",
    )
    roster_bars = right.barh(
        [y - height / 2 for y in positions],
        [g.roster_share * 100 for g in groups],
        height,
        color=ROSTER_COLOUR,
        label="share of the roster",
    )
    for container, shares in (
        (time_bars, [g.time_share for g in groups]),
        (roster_bars, [g.roster_share for g in groups]),
    ):
        right.bar_label(container, [f"{share:.0%}" for share in shares], padding=3, fontsize=8)
    right.set_yticks(list(positions), [textwrap.fill(g.group, 18) for g in groups])
    # Bars about as thick as the delegations' (not stretched over a long roster's height), from the top.
    span = max(len(groups), len(shown) / 2.5)
    right.set_ylim(len(groups) - 0.5 - span, len(groups) - 0.5)
    top = max([g.time_share for g in groups] + [g.roster_share for g in groups], default=0) * 100
    right.set_xlim(0, min(100, top) * 1.2 or 1)
    right.set_xticks([t for t in right.get_xticks() if 0 <= t <= 100])  # no "120 per cent"
    right.set_title("Per stakeholder group", fontsize=10)
    right.set_xlabel("per cent", fontsize=9)
    figure.legend(
        handles=[time_bars, roster_bars], loc="outside lower center", ncols=2, fontsize=8, frameon=False
    )
    for axes in (left, right):
        axes.tick_params(labelsize=8.5)
        axes.spines[["top", "right"]].set_visible(False)
    return figure


def speaking_time_chart(figures: SpeakerFigures) -> bytes:
    """A PNG of the speaking-time chart (matplotlib, Agg backend)."""
    import matplotlib

    matplotlib.use("Agg")
    buffer = io.BytesIO()
    chart_figure(figures).savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def roster_lines(figures: SpeakerFigures) -> list[str]:
    """Who was on the roster, by stakeholder and by regional group (what the shares would be measured
    against), as sentences: for a record where nobody had the floor."""
    lines = []
    for what, groups in (("stakeholder", figures.stakeholder_groups), ("regional", figures.regional_groups)):
        listed = [f"{g.group} {g.roster_count} ({g.roster_share:.0%})" for g in groups if g.roster_count]
        if listed:
            lines.append(f"On the roster by {what} group: {', '.join(listed)}.")
    return lines


def delegation_table(figures: SpeakerFigures) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the per-delegation figures (with the time in caucus when there was any)."""
    header = ["Delegation", "Group", "Interventions", "Speaking time", "Mean", "Overruns", "Mean wait"]
    caucus = any(d.caucus_seconds for d in figures.delegations)
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
    if caucus:  # Model UN: the speaking time in moderated caucuses, counted on its own
        header.insert(4, "Of which in caucus")
        for row, d in zip(rows, figures.delegations, strict=True):
            row.insert(4, minutes_seconds(d.caucus_seconds))
    if figures.total_written:  # a workshop: written interventions, counted apart from the spoken ones
        header.insert(3, "Written")
        for row, d in zip(rows, figures.delegations, strict=True):
            row.insert(3, str(d.written))
    return header, rows


def group_table(groups: list[GroupShare], title: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of group shares (stakeholder or regional), with the written ones when any."""
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
    if any(g.written for g in groups):
        header.append("Written")
        for row, g in zip(rows, groups, strict=True):
            row.append(f"{g.written} ({g.written_share:.0%})")
    return header, rows
