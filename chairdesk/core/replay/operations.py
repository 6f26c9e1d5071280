"""Replay a session: the state at any event or moment, marks on its timeline, what each step changed.

``Replay(session)`` works on any session, usually one opened read-only (``Session.open(path, read_only=True)``);
it never records anything. ``state_at(seq)`` is the state right after event seq, equal to the live state
that existed when that event had just been appended.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import cached_property
from pathlib import Path

from ..draft.model import CHAIR, Draft
from ..log.errors import RefusedError
from ..log.eventlog import Event, Verification, format_ts
from ..log.session import Session
from ..log.state import SessionState, collector_held
from .debrief import Debrief, debrief
from .model import FINE_EVERY, ReplayCursor, copy_state

INTERVENTION, TEXT, PROPOSAL, ADOPTION = "intervention", "text", "proposal", "adoption"
MARK_KINDS = (INTERVENTION, TEXT, PROPOSAL, ADOPTION)


@dataclass(frozen=True)
class Mark:
    """A moment worth a mark on the timeline: who took the floor, a text change, a proposal, an adoption step."""

    seq: int
    ts: str
    category: str  # one of MARK_KINDS
    actor: str  # the delegation's code (the speaker for an intervention), or "chair"
    label: str


@dataclass
class StepChange:
    """What one event changed: its description and the parts of the state it touched."""

    seq: int
    kind: str
    actor: str
    ts: str
    description: str
    areas: set[str] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    paragraphs: set[str] = field(default_factory=set)
    structure: bool = False


def _category(event: Event) -> str | None:
    kind = event.kind
    if kind == "floor.give":
        return INTERVENTION
    if kind.startswith("draft.proposal."):
        return PROPOSAL
    if kind.startswith("adoption."):
        return ADOPTION
    if kind.startswith("draft.") and kind != "draft.baseline":
        return TEXT
    return None


class Replay:
    """A film of a session: seek to any event or moment; never writes."""

    def __init__(
        self,
        session: Session,
        every: int | None = None,
        fine: int = FINE_EVERY,
        cursor: ReplayCursor | None = None,
    ) -> None:
        self.session = session
        # (a cursor that folded the session's log as it opened has its events: they are not read again)
        self.events: list[Event] = cursor.events if cursor is not None else list(session.events)  # type: ignore[assignment]
        self.times = [e.ts for e in self.events]
        self.cursor = cursor if cursor is not None else ReplayCursor(self.events, every, fine)
        self.description = ""  # what the last event changed_in_step() went to did, in words

    @classmethod
    def open(cls, path: str | Path, every: int | None = None, fine: int = FINE_EVERY) -> Replay:
        """Open a session file read-only and replay it, reading and folding its log once: the replay's cursor
        derives the session's state, taking its checkpoints on the way, instead of the session folding the
        log and the cursor reading and folding it all again to stand at the end (20,000 events: 1 s saved).
        A session this computer holds a snapshot of opens from it, and the cursor folds the log when it first
        seeks."""
        folded: list[ReplayCursor] = []

        def fold(events: Iterable[Event]) -> SessionState:
            with collector_held():  # (as in a seek)
                cursor = ReplayCursor(list(events), every, fine)
                cursor.seek(len(cursor.events))
                folded.append(cursor)
                return copy_state(cursor.state)  # the session's own: a refresh() applies new events to it

        # (no check of the chain on open: a replay shows no warning, and Replay.verify() checks it when asked)
        session = Session.open(path, read_only=True, fold=fold, check_chain=False)
        return cls(session, every, fine, cursor=folded[0] if folded else None)

    def follow(self) -> int:
        """Take in the events committed since (another process writing the file); returns how many came."""
        new = self.session.refresh() if self.session.read_only else []
        events = self.session.events[len(self.events) :] if not new else [c.event for c in new]
        if not events:
            return 0
        self.events.extend(events)  # the cursor reads the same list
        self.times.extend(e.ts for e in events)
        for cached in ("marks", "_mark_seqs", "debrief"):
            self.__dict__.pop(cached, None)
        return len(events)

    # ------------------------------------------------------------------ where
    def __len__(self) -> int:
        return len(self.events)

    @property
    def seq(self) -> int:
        """The event the replay stands at (0: before anything happened)."""
        return self.cursor.seq

    @property
    def state(self) -> SessionState:
        """The state at the current event (shared: do not modify it)."""
        return self.cursor.state

    @property
    def start(self) -> datetime | None:
        """When the first event happened."""
        return self.events[0].time if self.events else None

    @property
    def end(self) -> datetime | None:
        """When the last event happened."""
        return self.events[-1].time if self.events else None

    def state_at(self, seq: int) -> SessionState:
        """The state right after event seq (0: before anything); shared with the replay, do not modify it."""
        return self._seek(seq, describe=False)

    def _seek(self, seq: int, describe: bool) -> SessionState:
        seq = max(0, min(seq, len(self.events)))
        if seq == self.cursor.seq and (seq == 0 or self.cursor.change is not None) and not describe:
            return self.cursor.state
        with collector_held():  # (the copies a seek makes: no cycles to collect halfway through)
            if seq > 0 and describe:  # an event is described against the state just before it
                self.cursor.seek(seq - 1)
                self.description = self._describe(self.events[seq - 1])
            return self.cursor.seek(seq)

    def _describe(self, event: Event) -> str:
        try:
            return self.cursor.state.describe(event)
        except Exception:  # a description is a courtesy; an odd old event must not stop the replay
            return event.kind

    def frozen_at(self, seq: int) -> SessionState:
        """The state right after event seq, frozen (it shares unchanged parts with the replay; cheap to take)."""
        self.state_at(seq)
        return self.cursor.snapshot()

    def copy_at(self, seq: int) -> SessionState:
        """A private copy of the state right after event seq (safe to keep while the replay moves on)."""
        return copy_state(self.state_at(seq))

    def seq_at(self, moment: datetime | str) -> int:
        """The last event at or before moment (0 when it is before the first event)."""
        text = format_ts(moment) if isinstance(moment, datetime) else moment
        return bisect_right(self.times, text)

    def time_of(self, seq: int) -> datetime | None:
        """When event seq happened (for 0, the first event's time)."""
        if not self.events:
            return None
        return self.events[max(0, min(seq, len(self.events)) - 1)].time

    def changed_in_step(self, seq: int) -> StepChange | None:
        """What event seq changed, with its description (None for 0); moves the replay there."""
        if seq <= 0 or seq > len(self.events):
            return None
        self._seek(seq, describe=True)
        change = self.cursor.change
        event = self.events[seq - 1]
        assert change is not None
        return StepChange(
            seq,
            event.kind,
            event.actor,
            event.ts,
            self.description,
            set(change.areas),
            set(change.sections),
            set(change.paragraphs),
            change.structure,
        )

    # ------------------------------------------------------------------ marks
    @cached_property
    def marks(self) -> list[Mark]:
        """Every mark on the timeline, in order of events."""
        names = self.session.state.roster
        marks = []
        for event in self.events:
            category = _category(event)
            if category is None:
                continue
            actor = event.payload.get("delegation", event.actor) if category == INTERVENTION else event.actor
            who = "the Chair" if actor == CHAIR else names.name_of(actor)
            label = {
                INTERVENTION: f"{who} has the floor",
                TEXT: f"Text changed by {who}",
                PROPOSAL: f"Proposal ({event.kind.rsplit('.', 1)[-1].replace('_', ' ')}) by {who}",
                ADOPTION: f"Adoption: {event.kind.removeprefix('adoption.').replace('.', ' ').replace('_', ' ')}",
            }[category]
            marks.append(Mark(event.seq, event.ts, category, str(actor), label))
        return marks

    @cached_property
    def _mark_seqs(self) -> dict[str, list[int]]:
        by_kind: dict[str, list[int]] = {kind: [] for kind in MARK_KINDS}
        for mark in self.marks:
            by_kind[mark.category].append(mark.seq)
        return by_kind

    def next_mark(self, seq: int, category: str) -> int | None:
        """The first event after seq with a mark of that category (None if there is none)."""
        seqs = self._mark_seqs[category]
        index = bisect_right(seqs, seq)
        return seqs[index] if index < len(seqs) else None

    def previous_mark(self, seq: int, category: str) -> int | None:
        """The last event before seq with a mark of that category (None if there is none)."""
        seqs = self._mark_seqs[category]
        index = bisect_left(seqs, seq)
        return seqs[index - 1] if index > 0 else None

    @cached_property
    def debrief(self) -> Debrief:
        """The debrief figures of the whole session (computed once)."""
        return debrief(self.events, self.copy_at(len(self.events)))

    def baseline_draft(self, seq: int) -> Draft:
        """The draft just after event seq (a baseline), frozen and kept; the replay stays where it was."""
        cache: dict[int, Draft] = self.__dict__.setdefault("_baselines", {})
        draft = cache.get(seq)
        if draft is None:
            here = self.seq
            draft = cache[seq] = self.frozen_at(seq).draft
            self.state_at(here)
        return draft

    # ------------------------------------------------------------- exporting
    def session_at(self, seq: int) -> SessionAt:
        """A read-only, session-like view of the session as it stood after event seq (for the exporters)."""
        return SessionAt(self, seq)


class SessionAt:
    """The session as it stood after one event: what the exporters read (events, state, draft, baselines)."""

    read_only = True

    def __init__(self, replay: Replay, seq: int) -> None:
        self.replay = replay
        self.seq = max(0, min(seq, len(replay)))
        self.state = replay.copy_at(self.seq)
        self.events = replay.events[: self.seq]
        self.path = replay.session.path

    @property
    def draft(self) -> Draft:
        """The draft as it stood."""
        return self.state.draft

    def draft_at(self, seq: int) -> Draft:
        """The draft just after event seq (no later than this view's moment)."""
        return self.replay.copy_at(min(seq, self.seq)).draft

    def baseline(self, which: str = "tabled") -> Draft:
        """The draft changes are shown against, as Session.baseline."""
        baselines = self.draft.baselines
        if not baselines:
            return self.draft_at(0)
        return self.draft_at((baselines[0] if which == "tabled" else baselines[-1]).seq)

    def clock(self) -> datetime:
        """The moment this view stands at (what 'now' means for an export of it)."""
        return self.replay.time_of(self.seq)

    def verify(self) -> Verification:
        """The whole file's hash chain (an export of an earlier moment still vouches for the file it came from)."""
        return self.replay.session.verify()

    def state_at(self, seq: int) -> SessionState:
        """The state just after event seq (no later than this view's moment)."""
        return self.replay.copy_at(min(seq, self.seq))

    def record(self, kind: str, *args: object, **kwargs: object) -> None:
        """Refuse: a replayed moment is never written."""
        raise RefusedError(
            f"The session as it stood at event {self.seq} is a replay; '{kind}' cannot be recorded."
        )


class ReplayedSession:
    """A session-like, read-only view whose state is the replay's current state (for the desk's draft model).

    Call prepare() after moving the replay: it makes the baseline drafts ready without moving it again."""

    read_only = True

    def __init__(self, replay: Replay) -> None:
        self.replay = replay
        self.path = replay.session.path

    @property
    def state(self) -> SessionState:
        """The state at the replay's current event."""
        return self.replay.state

    @property
    def draft(self) -> Draft:
        """The draft at the replay's current event."""
        return self.replay.state.draft

    @property
    def events(self) -> list[Event]:
        """The events up to the current one."""
        return self.replay.events[: self.replay.seq]

    def prepare(self) -> None:
        """Make the drafts of the current state's baselines ready (the replay ends where it was)."""
        for mark in self.draft.baselines[:1] + self.draft.baselines[-1:]:
            self.replay.baseline_draft(mark.seq)

    def baseline(self, which: str = "tabled") -> Draft:
        """The draft changes are shown against, as Session.baseline, at the current event."""
        baselines = self.draft.baselines
        if not baselines:
            return self.replay.baseline_draft(0)
        return self.replay.baseline_draft((baselines[0] if which == "tabled" else baselines[-1]).seq)

    def record(self, kind: str, *args: object, **kwargs: object) -> None:
        """Refuse: a replay is never written."""
        raise RefusedError(
            f"{self.path}: the session is open for replay (read-only); '{kind}' cannot be recorded."
        )


def moment_from_text(text: str, replay: Replay) -> datetime:
    """A moment typed as "11:40", "11:40:30", "2026-03-02 11:40" or ISO 8601; times are UTC like the record.

    A time of day alone means that time on the session's first day, or on its last day when the session
    spans several days and the time is before the first event."""
    text = text.strip()
    if replay.start is None:
        raise RefusedError("The session has no events yet, so there is no moment to go to.")
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        try:
            of_day = time.fromisoformat(text)
        except ValueError:
            raise RefusedError(
                f"'{text}' is not a moment: give a time of day (11:40) or a date and time (2026-03-02 11:40), in UTC."
            ) from None
        days: list[date] = sorted(
            {replay.start.date(), replay.end.date() if replay.end else replay.start.date()}
        )
        moment = datetime.combine(days[0], of_day, UTC)
        if moment < replay.start and len(days) > 1:
            moment = datetime.combine(days[-1], of_day, UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
