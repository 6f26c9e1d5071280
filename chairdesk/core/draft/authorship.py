"""Who wrote which words: a paragraph's changes since a baseline as runs, each with its author and time.

Derived from the event log by replaying the events that set a paragraph's (or a sub-paragraph's) text and
diffing each new wording against the one before, word by word (compare.word_diff):

- every run inserted or deleted since the baseline carries the author and the time of the event that made
  it (an accepted proposal is the proposing delegation's, at the time it was accepted);
- a later change by someone else splits runs instead of overwriting them: the Chair's insertion in which
  Team Yellow replaced one word stays the Chair's around Yellow's word;
- deleting words someone else inserted since the baseline keeps them, as a deletion inside that insertion
  (``Piece.inserted_by``; Word nests a ``w:del`` in the ``w:ins``); one's own insertion taken back is gone;
- an undo (payload ``undo_of``) puts back the runs as they were before the undone event, so the text goes
  back to its authors, not to whoever undid it.

Each paragraph is replayed once and then kept, per baseline, up to its last event: a new event replays
that paragraph's new events only, so asking for every paragraph of a 2,000-paragraph draft after each
change costs next to nothing.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import repeat
from typing import TYPE_CHECKING, Any, NamedTuple

from .compare import Op, word_diff

if TYPE_CHECKING:
    from ..log.eventlog import Event, EventLog
    from ..log.session import Session


@dataclass(frozen=True)
class Piece:
    """A stretch of a paragraph's text against the baseline: kept (equal), inserted or deleted, by whom."""

    op: Op
    text: str
    actor: str = ""  # who inserted or deleted it ("" for text kept from the baseline)
    ts: str = ""  # when (the event's timestamp)
    inserted_by: tuple[str, str] | None = None  # for a deletion of words inserted since: (actor, ts) of that


class Run(NamedTuple):
    """One run of a paragraph's changes: (op, text, actor, ts); actor and ts are "" for kept text."""

    op: Op
    text: str
    actor: str
    ts: str


class TextEvent(NamedTuple):
    """An event that set one text: its wording, who is credited with it, and what it undoes."""

    seq: int
    ts: str
    actor: str
    text: str
    undo_of: int | None


def text_key(paragraph_id: str, subparagraph: str | None = None) -> str:
    """The key of a paragraph's own text, or of one of its sub-paragraphs."""
    return f"{paragraph_id}/{subparagraph}" if subparagraph else paragraph_id


def current_text(pieces: Sequence[Piece]) -> str:
    """The text as it stands (what Accept All gives)."""
    return "".join(p.text for p in pieces if p.op != "delete")


def baseline_text(pieces: Sequence[Piece]) -> str:
    """The text at the baseline (what Reject All gives)."""
    return "".join(p.text for p in pieces if p.op != "insert" and p.inserted_by is None)


def _merged(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        last = out[-1] if out else None
        if last is not None and (last.op, last.actor, last.ts, last.inserted_by) == (
            piece.op,
            piece.actor,
            piece.ts,
            piece.inserted_by,
        ):
            out[-1] = Piece(last.op, last.text + piece.text, last.actor, last.ts, last.inserted_by)
        else:
            out.append(piece)
    return out


def edit(pieces: list[Piece], new: str, actor: str, ts: str) -> list[Piece]:
    """The pieces after `actor` changed the text to `new` at `ts`: the word diff laid over who wrote what."""
    out: list[Piece] = []
    queue = list(reversed(pieces))  # popped from the end: the next piece of the text is queue[-1]
    for op, text in word_diff(current_text(pieces), new):
        if op == "insert":
            out.append(Piece("insert", text, actor, ts))
            continue
        wanted = len(text)
        while wanted:
            piece = queue.pop()
            if piece.op == "delete":  # a deletion takes no room in the text as it stands: it stays put
                out.append(piece)
                continue
            part, rest = piece.text[:wanted], piece.text[wanted:]
            if rest:
                queue.append(Piece(piece.op, rest, piece.actor, piece.ts, piece.inserted_by))
            wanted -= len(part)
            if op == "equal":
                out.append(Piece(piece.op, part, piece.actor, piece.ts, piece.inserted_by) if rest else piece)
            elif piece.op == "equal":
                out.append(Piece("delete", part, actor, ts))
            elif piece.actor != actor:
                out.append(Piece("delete", part, actor, ts, inserted_by=(piece.actor, piece.ts)))
            # else: an author taking back their own insertion leaves nothing behind
    out.extend(reversed(queue))
    return _merged(out)


@dataclass
class _Replay:
    """One text replayed against one baseline, up to `done` of its events."""

    baseline_seq: int
    pieces: list[Piece] = field(default_factory=list)
    before: dict[int, list[Piece]] = field(default_factory=dict)  # the pieces just before each event
    done: int = 0
    runs: dict[bool, list[Run]] = field(default_factory=dict)  # authored_diff's answer, nested or not

    def play(self, event: TextEvent) -> None:
        if event.seq <= self.baseline_seq:
            self.pieces = [Piece("equal", event.text)] if event.text else []
            return
        self.before[event.seq] = self.pieces
        earlier = self.before.get(event.undo_of) if event.undo_of is not None else None
        if earlier is not None and current_text(earlier) == event.text:
            self.pieces = earlier  # back to the runs, and the authors, the text had before
        else:
            self.pieces = edit(self.pieces, event.text, event.actor, event.ts)


class AuthorshipIndex:
    """The text events of a log, by paragraph and sub-paragraph, and their replays (kept up to date)."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._seen = 0
        self._last: Event | None = None
        self.texts: dict[str, list[TextEvent]] = {}
        self.baselines: list[int] = []
        self._proposals: dict[str, tuple[str, str, str]] = {}  # id -> (paragraph, delegation, text)
        self._replays: dict[tuple[str, int], _Replay] = {}
        self.worded = True  # texts hold each wording (an index from a snapshot holds who and when only)

    @property
    def seen(self) -> int:
        """How many events of the log are read into the index (a snapshot keeps it this far)."""
        return self._seen

    def update(self, events: Sequence[Event]) -> None:
        """Read the events not read yet (all again if the log was cut back since)."""
        if len(events) < self._seen or (self._seen and events[self._seen - 1] is not self._last):
            self._reset()
        for event in events[self._seen :]:
            self._read(event)
        self._seen = len(events)
        self._last = events[-1] if events else None

    def update_log(self, log: EventLog) -> None:
        """Read a log's events not read yet, and only those (from its file, not kept by the log)."""
        last, seen = log.last_event, self._last
        if last is seen or (last is not None and seen is not None and (last.seq, last.hash) == (self._seen, seen.hash)):
            return  # up to date: asked for every row drawn, so no row of the file is read for it
        self.read_some(log, log.count)

    def read_some(self, log: EventLog, upto: int) -> bool:
        """Read a log's events up to event `upto` (a long log a part at a time, so that a window stays
        responsive; none are kept by the log); True once every event of the log is read."""
        self._check_log(log)
        for event in log.events_between(self._seen, min(upto, log.count)):
            self._read(event)
            self._seen, self._last = event.seq, event
        return self._seen >= log.count

    def _check_log(self, log: EventLog) -> None:
        """Start again if the log is not the one read so far (shorter, or another history)."""
        if self._seen and (
            log.count < self._seen or self._last is None or log.hash_at(self._seen) != self._last.hash
        ):
            self._reset()

    def __getstate__(self) -> dict[str, Any]:
        """What a snapshot keeps: who set each text and when (what credits need), not the wordings or replays.

        Each text's events are kept as columns (seqs, times, actors, undos): tuples of plain values, which
        pickle and load several times faster than thousands of TextEvents."""
        texts = {}
        for key, events in self.texts.items():
            seqs, times, actors, _words, undos = zip(*events, strict=True) if events else ((),) * 5
            texts[key] = (seqs, times, actors, undos)
        return {**vars(self), "texts": texts, "_replays": {}, "worded": False}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """An index from what __getstate__ kept (its texts without their wordings)."""
        make = partial(tuple.__new__, TextEvent)
        state["texts"] = {
            key: list(map(make, zip(seqs, times, actors, repeat("", len(seqs)), undos, strict=True)))
            for key, (seqs, times, actors, undos) in state["texts"].items()
        }
        vars(self).update(state)

    def _add(self, key: str, event: Event, actor: str, text: str) -> None:
        undo_of = event.payload.get("undo_of")
        self.texts.setdefault(key, []).append(TextEvent(event.seq, event.ts, actor, text, undo_of))

    def _read(self, event: Event) -> None:
        kind, p, actor = event.kind, event.payload, event.actor
        if not kind.startswith("draft."):
            return
        if kind == "draft.baseline":
            self.baselines.append(event.seq)
        elif kind == "draft.paragraph.insert":
            self._add(p["id"], event, actor, p["text"])
            for sub in p.get("subparagraphs", []):
                self._add(text_key(p["id"], sub["id"]), event, actor, sub["text"])
        elif kind == "draft.paragraph.amend":
            self._add(p["id"], event, p.get("author", actor), p["text"])
        elif kind in ("draft.subparagraph.add", "draft.subparagraph.amend"):
            self._add(text_key(p["paragraph"], p["id"]), event, p.get("author", actor), p["text"])
        elif kind == "draft.proposal.add":
            self._proposals[p["id"]] = (p["paragraph"], actor, p["text"])
        elif kind == "draft.proposal.accept" and p["id"] in self._proposals:
            paragraph, delegation, text = self._proposals[p["id"]]
            self._add(paragraph, event, delegation, text)
        elif kind == "draft.proposal.reopen" and "text" in p and p["id"] in self._proposals:
            self._add(self._proposals[p["id"]][0], event, p.get("author", actor), p["text"])

    def baseline_seq(self, baseline: str | int, upto: int | None = None) -> int:
        """The sequence number of the baseline: "tabled" (the first), "last", or a number as it is; with upto,
        of the baselines marked by that event (a replayed moment)."""
        if isinstance(baseline, int):
            return baseline
        marks = self.baselines if upto is None else [seq for seq in self.baselines if seq <= upto]
        if not marks:
            return 0
        return marks[0] if baseline == "tabled" else marks[-1]

    def pieces(self, key: str, baseline: str | int = "tabled") -> list[Piece]:
        """The text's pieces against the baseline, replaying only the events not replayed yet."""
        events = self.texts.get(key, [])
        seq = self.baseline_seq(baseline)
        replay = self._replays.setdefault((key, seq), _Replay(seq))
        if replay.done < len(events):
            for event in events[replay.done :]:
                replay.play(event)
            replay.done = len(events)
            replay.runs.clear()
        return replay.pieces

    def runs(self, key: str, baseline: str | int = "tabled", nested: bool = False) -> list[Run]:
        """The text's runs against the baseline (kept until the text's next event)."""
        pieces = self.pieces(key, baseline)
        replay = self._replays[(key, self.baseline_seq(baseline))]
        if nested not in replay.runs:
            replay.runs[nested] = _runs(pieces, nested)
        return replay.runs[nested]


_INDEXES: weakref.WeakKeyDictionary[Any, AuthorshipIndex] = weakref.WeakKeyDictionary()


def authorship_index(source: Session | Sequence[Event], worded: bool = False) -> AuthorshipIndex:
    """The index of a session (kept with it and brought up to date), or a fresh one over a list of events;
    worded: with each text's wordings (for pieces and runs; credits need only who and when)."""
    if isinstance(getattr(source, "derived", None), dict) and getattr(source, "log", None) is not None:
        found = _session_index(source)  # type: ignore[arg-type]
        if worded and not found.worded:
            found._reset()  # read again from the log, wordings and all
        found.update_log(source.log)  # type: ignore[union-attr]
        return found
    events = getattr(source, "events", None)
    if events is None:
        index = AuthorshipIndex()
        index.update(source)  # type: ignore[arg-type]
        return index
    index = _INDEXES.get(source)
    if index is None:
        index = _INDEXES[source] = AuthorshipIndex()
    index.update(events)
    return index


def _session_index(session: Session) -> AuthorshipIndex:
    """The index kept with a session (in what a snapshot keeps of it), as read so far."""
    found = session.derived.get("authorship")
    if not isinstance(found, AuthorshipIndex):
        found = session.derived["authorship"] = AuthorshipIndex()
    return found


def read_into_index(session: Session, upto: int) -> bool:
    """Read a session's events up to event `upto` into the index kept with it (a long log a part at a time;
    from a snapshot the index is up to date already); True once every event is read."""
    return _session_index(session).read_some(session.log, upto)


def authored_pieces(
    source: Session | Sequence[Event],
    paragraph_id: str,
    baseline: str | int = "tabled",
    subparagraph: str | None = None,
) -> list[Piece]:
    """A paragraph's (or sub-paragraph's) text against the baseline as pieces, deletions of others'
    insertions included (for the redline, which nests them)."""
    return list(authorship_index(source, worded=True).pieces(text_key(paragraph_id, subparagraph), baseline))


def authored_diff(
    source: Session | Sequence[Event],
    paragraph_id: str,
    baseline: str | int = "tabled",
    subparagraph: str | None = None,
    nested: bool = False,
) -> list[Run]:
    """The paragraph's changes since the baseline as runs (op, text, actor, ts), one per author and event.

    The old side of the runs is the baseline text and the new side the text as it stands; with nested,
    words inserted since the baseline and deleted again by someone else are included as deletions too."""
    index = authorship_index(source, worded=True)
    return list(index.runs(text_key(paragraph_id, subparagraph), baseline, nested))


def _runs(pieces: list[Piece], nested: bool) -> list[Run]:
    runs: list[Run] = []
    for piece in pieces:
        if piece.inserted_by is not None and not nested:
            continue
        run = Run(piece.op, piece.text, piece.actor, piece.ts)
        if runs and runs[-1][0] == run.op and runs[-1][2:] == run[2:]:
            runs[-1] = Run(run.op, runs[-1].text + run.text, run.actor, run.ts)
        else:
            runs.append(run)
    return runs


def change_authors(
    source: Session | Sequence[Event],
    paragraph_id: str,
    subparagraphs: Sequence[str] = (),
    baseline: str | int = "tabled",
    upto: int | None = None,
) -> list[str]:
    """Who changed a paragraph's words (its own text and the sub-paragraphs given) since the baseline, in the
    order they first did, leaving out changes that were undone (an undo credits no one; a redo credits the
    author again). With upto, as it stood after that event (a replay). Cheap: no replay of the texts, only the
    index's list of text events."""
    index = authorship_index(source)
    since = index.baseline_seq(baseline, upto)
    keys = (paragraph_id, *(text_key(paragraph_id, s) for s in subparagraphs))
    events = sorted((e for key in keys for e in index.texts.get(key, [])), key=lambda e: e.seq)
    standing: dict[int, str] = {}  # seq of a change in force -> its author
    undone_by: dict[int, int] = {}  # seq of an undo -> seq of the change it undid
    authors: dict[int, str] = {}
    for event in events:
        if event.seq <= since:
            continue
        if upto is not None and event.seq > upto:
            break
        if event.undo_of is None:
            standing[event.seq] = authors[event.seq] = event.actor
        elif event.undo_of in standing:
            del standing[event.undo_of]
            undone_by[event.seq] = event.undo_of
        elif event.undo_of in undone_by:  # a redo: the undone change stands again
            redone = undone_by[event.undo_of]
            standing[redone] = authors[redone]
    return list(dict.fromkeys(standing[seq] for seq in sorted(standing)))
