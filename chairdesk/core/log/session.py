"""A chairdesk session: the event log on disk and the state derived from it, behind one operation path."""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..draft.model import CHAIR, Draft
from .anchors import AnchorNews, anchor_news, remember, remember_copy
from .change import Change
from .components import new_state
from .damage_events import DAMAGE_FOUND
from .errors import CorruptSessionError, RefusedError, SessionFileError, UnappliableEventError
from .eventlog import (
    SUFFIX,
    Event,
    EventLog,
    Verification,
    format_ts,
    refuse_new_path,
    utc_now,
    writing_problem,
)
from .meeting import Meeting
from .snapshot import key as snapshot_key
from .snapshot import restore
from .snapshot import save as save_snapshot
from .state import REDO, UNDO, SessionState, credited_actor

if TYPE_CHECKING:
    from .damage import Damage

Listener = Callable[[Change], None]
Inverse = tuple[str, dict[str, Any]] | None
Clock = Callable[[], datetime]


# Characters an XML document (DOCX) cannot hold: C0 controls other than tab and newlines, lone surrogates,
# U+FFFE/U+FFFF. A text holding one would make every Word export of the session fail.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def unwritable_character(value: Any) -> str | None:
    """The first character in any text of a payload that a document cannot hold, or None."""
    if isinstance(value, str):
        found = UNWRITABLE.search(value)
        return found.group() if found else None
    if isinstance(value, dict):
        value = list(value.keys()) + list(value.values())
    if isinstance(value, list | tuple):
        for item in value:
            found = unwritable_character(item)
            if found:
                return found
    return None


def _refuse_unwritable(value: Any) -> None:
    character = unwritable_character(value)
    if character:
        raise RefusedError(
            f"The text contains an invisible control character (U+{ord(character):04X}) that cannot be "
            "written to a document; remove it and try again."
        )


CREATING = ".creating"  # the suffix of a session file being created, before it is moved into place


def _with_journals(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))]


def _clear_abandoned(path: Path) -> None:
    """Remove what a create killed before it finished left beside path (its process is gone)."""
    for temp in path.parent.glob(f".{glob.escape(path.name)}.*{CREATING}"):
        pid = temp.name[len(path.name) + 2 : -len(CREATING)]
        if not pid.isdigit() or _running(int(pid)):
            continue
        for leftover in _with_journals(temp):
            leftover.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


# What a warning adds when the session can be written: when the finding goes in the record (Session.record
# notes it before the next step; a check that ends after steps were recorded notes it then, after them).
RECORDS_IT = (
    " The session can go on: your next step first records this finding in the session's record (as "
    "chairdesk's note, on your behalf), then the step itself."
)
RECORDED_NOW = (
    " The session goes on: this finding is recorded in the session's record now (as chairdesk's note, on "
    "your behalf), after the steps you recorded since the file was opened."
)


def altered_record(path: Path, result: Verification, promise: str | None = RECORDS_IT) -> str:
    """The warning for a session file whose hash chain is broken: which event, when the finding goes in the
    record (promise: RECORDS_IT, RECORDED_NOW, or None for a session opened read-only), and what the chair may
    still export."""
    event = f"event {result.broken_at} ({result.kind})" if result.kind else f"event {result.broken_at}"
    found = (
        f"{path}: this file's record was altered outside chairdesk: {event} is the first that fails the "
        f"check ({result.problem})."
    )
    refused = "the report, the redline and the record cannot be exported from it, since its record fails verification"
    if promise is None:
        return f"{found} The session can go on (read-only); {refused}."
    if result.broken_at is not None and result.broken_at > result.events:
        # Cut off the end: the chain of the events left is whole, and the note continues it.
        if promise == RECORDS_IT:
            return (
                f"{found}{promise} Until then {refused}; from then on they can be exported again, and the "
                "record tells what was found."
            )
        return (
            f"{found}{promise} With it, the record's chain is whole again: the report, the redline and the "
            "record can be exported, and the record tells what was found."
        )
    return f"{found}{promise} Even then {refused}: the altered event stays in it."


Fold = Callable[[Iterable[Event]], SessionState]  # the events in order -> the state after the last


_NO_EXTRAS: tuple[frozenset[int], dict[str, int]] = (frozenset(), {})


def replay(events: Iterable[Event]) -> SessionState:
    """Build the state by applying events in order."""
    state = new_state()
    for event in events:
        state.apply(event)
    return state


class Session:
    """An open session. Every change goes through record(): check, append (committed), apply, notify."""

    def __init__(self, log: EventLog, clock: Clock = utc_now, fold: Fold = replay) -> None:
        self.log = log
        self.clock = clock
        self._listeners: list[Listener] = []
        self._drafts_at: dict[int, Draft] = {}
        self._written = False  # anything appended by this process: its anchor is kept on close
        self._closed = False
        # What other parts derive from the log and keep with the session (the authorship index): a snapshot
        # keeps it too, so it need not read the log again. Each entry must check itself against the log.
        self.derived: dict[str, Any] = {}
        self.warnings: list[str] = []  # what the chair must be told on open (a file shorter than it was)
        # The damage found in the file as it was opened, until it is in the record (damage.py): the next
        # step records it first. `chain` is the verdict of the hash chain then (None: not checked yet).
        self.damage: Damage | None = None
        self.chain: Verification | None = None
        self.notes: list[str] = []  # what the chair may like to know on open (an earlier copy of a session)
        try:
            # A snapshot this user's cache holds of the same history, and the events after it (snapshot.py);
            # else every event from the first.
            restored = restore(log) if log.count else None
            if restored is None:  # not the file this computer closed (or no snapshot): every page is checked
                log.check_pages()
            self.state = restored.state if restored is not None else fold(log.stream())
        except UnappliableEventError as error:
            log.close()
            raise CorruptSessionError(
                log.path, f"{error}, so it cannot be applied and the session cannot be opened"
            ) from error
        except (RefusedError, LookupError, ValueError, TypeError, AttributeError) as error:
            log.close()
            raise CorruptSessionError(log.path, f"an event in the log cannot be applied ({error})") from error
        except BaseException:
            log.close()
            raise
        self._snapshot_seq = self.state.seq if restored is not None else 0  # what the cache holds already
        self.restored = restored is not None  # opened from a snapshot of this user's cache (not replayed whole)
        if restored is not None:
            self._drafts_at.update(restored.drafts_at)  # the baselines the draft is shown against
            self.derived.update(restored.derived)
        self._snapshot_extras = self._extras() if restored is not None else _NO_EXTRAS

    # ----------------------------------------------------------- lifecycle
    @classmethod
    def create(
        cls,
        path: str | Path,
        title: str,
        *,
        body: str = "",
        venue: str = "",
        dates: str = "",
        clock: Clock = utc_now,
        build: Callable[[Session], None] | None = None,
    ) -> Session:
        """Create a new session file for a meeting (with build's events, for an import) and open it.

        The file is made under a temporary name beside path and moved into place only when complete, so an
        error or a kill on the way never leaves a half session at path (nor blocks a new one there).
        """
        path = Path(path)
        _refuse_unwritable([title, body, venue, dates])  # before the file exists, so none is left behind
        refuse_new_path(path)
        _clear_abandoned(path)
        temp = path.with_name(f".{path.name}.{os.getpid()}{CREATING}")
        try:
            log = EventLog.create(temp, {"title": title, "body": body, "venue": venue, "dates": dates})
        except SessionFileError as error:
            raise SessionFileError(path, error.problem) from error
        try:
            session = cls(log, clock)
            session.record("meeting.set", {"title": title, "body": body, "venue": venue, "dates": dates})
            if build is not None:
                # Nothing is at path until the build is complete, so its events need not each reach the
                # disk: one sync at the end (the checkpoint on close, with synchronous FULL again).
                log.conn.execute("PRAGMA synchronous=OFF")
                build(session)
                log.conn.execute("PRAGMA synchronous=FULL")
            log.close()
            refuse_new_path(path)  # nothing appeared there meanwhile
            os.replace(temp, path)
        except BaseException as error:
            log.close()
            for leftover in _with_journals(temp):
                leftover.unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise SessionFileError(path, f"could not be created ({writing_problem(error)})") from error
            raise
        opened = cls.open(path, clock)
        # A new file: an anchor kept for an earlier file at its path (since deleted) says nothing of this one.
        opened.damage, opened.warnings = None, []
        opened._written = True  # its anchor is kept as for any session written here
        remember(opened.log)
        return opened

    @classmethod
    def open(
        cls,
        path: str | Path,
        clock: Clock = utc_now,
        *,
        read_only: bool = False,
        fold: Fold = replay,
        check_chain: bool = True,
    ) -> Session:
        """Open an existing session file (raises a ChairdeskError naming the file if it cannot).

        read_only opens the committed log without the write lock (it works while another chairdesk writes
        the file) and never writes: record() and undo() refuse. session.warnings says when the file has fewer
        events or another history than when this computer last closed it (anchors.py), and, with check_chain,
        when its hash chain is broken (altered outside chairdesk); session.notes when it is an earlier copy of
        a session whose other file, written here, has more events. Checking the chain reads every event (60 ms
        at 20,000): the window opens without it and checks after it is shown (`chain_checked`). fold derives
        the state from every event when no snapshot holds it (a replay folds the log its own way: Replay.open).
        """
        # The pages of the file are checked only when no snapshot vouches for it (Session.__init__): a file
        # the size, time and inode this computer left it at, with the same events, was checked when opened.
        log = EventLog.open_read_only(path, pages_later=True) if read_only else EventLog.open(path, pages_later=True)
        session = cls(log, clock, fold)
        news = anchor_news(session.log)
        if news is not None and news.warning:
            session._anchor_found(news)
        elif news is not None:
            session.notes.append(news.text)
        if check_chain:
            try:
                session.chain_checked(session.verify(as_opened=True))
            except BaseException:
                log.close()
                raise
        return session

    def chain_checked(self, result: Verification) -> str | None:
        """Take the result of a check of the hash chain of the file as it was opened (verify(as_opened=True));
        a broken one is told to the chair (session.warnings) and kept for the record, and the warning returned."""
        first = self.chain is None
        self.chain = result
        if result.ok:
            return None
        warning = altered_record(self.path, result, self._promise())
        if warning not in self.warnings:
            self.warnings.append(warning)
        if first:
            self._found(broken_at=result.broken_at, broken_kind=result.kind, problem=result.problem)
        return warning

    def _promise(self) -> str | None:
        """When the damage found goes in the record: the next step, now (steps were recorded before it was
        found: the window notes it at once, a close too), or never (read-only)."""
        if self.read_only:
            return None
        return RECORDED_NOW if self.recorded_since_open else RECORDS_IT

    def _anchor_found(self, news: AnchorNews) -> None:
        """The file differs from this computer's anchor of it: tell the chair, and keep it for the record."""
        self.warnings.append(news.text + (self._promise() or ""))
        if news.anchor is not None:
            self._found(anchored=news.anchor.events, anchored_at=news.anchor.closed, change=news.change)

    def _found(self, **facts: Any) -> None:
        """Add what was found to the damage waiting for the record (a writable session only)."""
        if self.read_only:
            return
        from .damage import Damage, this_computer  # only for a damaged file: not on the start path

        if self.damage is None:
            found = format_ts(self.clock())
            self.damage = Damage(found, this_computer(), self.log.as_opened[0], **facts)
        else:
            self.damage = replace(self.damage, **facts)

    @property
    def recorded_since_open(self) -> bool:
        """Whether anything was recorded in the file since it was opened."""
        return self.log.count > self.log.as_opened[0]

    def note_damage(self) -> Change | None:
        """Record the damage found on open, if it is not in the record yet (a step records it first in any
        case; the window calls this when its check of the chain ends after steps were recorded)."""
        damage = self.damage
        if damage is None:
            return None
        payload = damage.payload()
        inverse = self._checked(DAMAGE_FOUND, payload, CHAIR)[1]
        change = self._commit(DAMAGE_FOUND, payload, CHAIR, inverse)
        self.damage = None
        return change

    @property
    def read_only(self) -> bool:
        """Whether the session was opened read-only."""
        return self.log.read_only

    def refresh(self) -> list[Change]:
        """For a read-only session: apply the events another process committed since; returns their changes."""
        changes = [self.state.apply(event) for event in self.log.read_new()]
        for change in changes:
            for listener in list(self._listeners):
                listener(change)
        return changes

    def checkpoint(self) -> None:
        """Move the committed events from the -wal beside the file into it, and keep the anchor (idle moments)."""
        if self.log.read_only or self._closed:
            return
        # No snapshot here: pickling the state (0.1 s at 2,000 paragraphs, 0.4 s at 10,000) would fall on the
        # chair's keys; it is written when the session closes.
        self.log.checkpoint()
        if self._may_anchor():
            remember(self.log)

    def _may_anchor(self) -> bool:
        """Whether the file's anchor may be kept as it stands: written here, and the chain of the file as it
        was opened checked, with any damage found in the record (else the anchor would forget it)."""
        return self._written and (self.chain is not None or not self.recorded_since_open) and self.damage is None

    def _snapshot_key(self) -> tuple[Path, Path, str] | None:
        """Where a snapshot of the state goes, if the cache's is behind (snapshot.py): the state moved on since,
        or this process made what the cache's lacks (a session opened and closed by a command that never
        asked for its baselines or credits left a snapshot without them, and no event since would replace it)."""
        drafts, read = self._extras()
        held_drafts, held_read = self._snapshot_extras
        more = not drafts <= held_drafts or any(seen > held_read.get(name, -1) for name, seen in read.items())
        return snapshot_key(self.log, self.state) if self.state.seq != self._snapshot_seq or more else None

    def _kept_drafts(self) -> dict[int, Draft]:
        """The drafts a snapshot keeps: at the first and last baselines (the window shows changes against them)."""
        marks = {b.seq for b in self.state.draft.baselines[:1] + self.state.draft.baselines[-1:]}
        return {seq: draft for seq, draft in self._drafts_at.items() if seq in marks}

    def _extras(self) -> tuple[frozenset[int], dict[str, int]]:
        """What a snapshot would keep besides the state: which baselines' drafts, and how many events of the log
        each derived index has read."""
        read = {name: value.seen for name, value in self.derived.items() if isinstance(getattr(value, "seen", None), int)}
        return frozenset(self._kept_drafts()), read

    def _save_snapshot(self, where: tuple[Path, Path, str] | None) -> None:
        if where is None:
            return
        if save_snapshot(where, self.state, self._kept_drafts(), self.derived) is not None:
            self._snapshot_seq, self._snapshot_extras = self.state.seq, self._extras()

    def close(self) -> None:
        """Close the file (checkpointed into one file) and keep its anchor; every event is on disk already."""
        if self._closed:
            return
        self._settle_check()
        if self._may_anchor():
            remember(self.log)
        where = self._snapshot_key()
        self._closed = True
        self.log.close()
        self._save_snapshot(where)  # after the close: the snapshot records the file as it is left

    def _settle_check(self) -> None:
        """Before a close: if steps were recorded while the chain of the file as opened was still unchecked
        (the window checks it in the background), check it now, and record any damage found."""
        if self.read_only or self.chain is not None or not self.recorded_since_open:
            return
        try:
            self.chain_checked(self.verify(as_opened=True))
            self.note_damage()
        except (SessionFileError, RefusedError):
            pass  # the file cannot be read or written now: its anchor is not kept (_may_anchor)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        """The session file."""
        return self.log.path

    # ------------------------------------------------------ the one path
    def record(self, kind: str, payload: dict[str, Any], actor: str = "chair") -> Change:
        """Check, append and commit one event, apply it, then tell every listener what changed."""
        if self.log.read_only:
            raise SessionFileError(
                self.path,
                f"the session was opened read-only, so '{kind}' cannot be recorded; nothing was written",
            )
        try:
            _refuse_unwritable([kind, actor, payload])
        except RecursionError:
            raise RefusedError(
                f"The step '{kind}' is nested too deeply to be recorded; nothing was recorded."
            ) from None
        if not isinstance(payload, dict) or not isinstance(actor, str):
            raise RefusedError(
                f"The step '{kind}' is malformed (its payload is not a mapping); nothing was recorded."
            )
        payload, inverse = self._checked(kind, payload, actor)
        self.note_damage()  # a file found damaged: the finding goes in the record before the step
        return self._commit(kind, payload, actor, inverse)

    def _checked(self, kind: str, payload: dict[str, Any], actor: str) -> tuple[dict[str, Any], Inverse]:
        """The payload with its derived facts, and its inverse, once every component let the step through."""
        try:
            # Derived facts (amended or not, the text's hash) are computed here, never taken from the payload.
            derive = getattr(self.state.owner(kind), "derive", None)
            if derive is not None:
                payload = derive(self, kind, payload)
            return payload, self.state.check(kind, payload, actor)
        except (LookupError, TypeError, ValueError, AttributeError, RecursionError) as error:
            # A hand-made payload missing a field, or with one of the wrong type, is refused like any rule.
            raise RefusedError(
                f"The step '{kind}' is malformed ({type(error).__name__}: {error}); nothing was recorded."
            ) from error

    def _commit(self, kind: str, payload: dict[str, Any], actor: str, inverse: Inverse) -> Change:
        """Append and commit one checked event, apply it, then tell every listener what changed."""
        meta = None
        if kind == "meeting.set":
            meta = {k: str(v) for k, v in payload.items() if k in Meeting.FIELDS}
        event = self.log.append(kind, payload, actor, self._timestamp(), meta)
        self._written = True
        try:
            change = self.state.apply(event, Change(event, inverse))
        except Exception as error:
            # Kept, the event would make the file unopenable: take it back and rebuild the state without it.
            self.log.drop_last()
            self.state = replay(self.log.events)
            why = f"it {error.problem}" if isinstance(error, UnappliableEventError) else f"{type(error).__name__}: {error}"
            raise RefusedError(f"The step '{kind}' could not be applied ({why}); nothing was recorded.") from error
        for listener in list(self._listeners):
            listener(change)
        return change

    def _timestamp(self) -> str:
        """Now, from the clock; never before the last event (a clock set back keeps the record in order)."""
        moment = self.clock()
        last = datetime.fromisoformat(self.state.last_ts) if self.state.last_ts else None
        return format_ts(last if last is not None and moment < last else moment)

    def undo(self, change: Change) -> Change:
        """Record the inverse of an earlier change (an undo is itself an event in the record)."""
        if change.inverse is None:
            raise RefusedError(f"'{change.kind}' cannot be undone.")
        stands = getattr(self.state.owner(change.kind), "still_stands", None)
        if stands is not None and not stands(self.state, change.event):
            raise RefusedError(
                "That step cannot be undone: a later change to the same text or place has overtaken it; "
                "undo the later change first."
            )
        kind, payload = change.inverse
        steps: dict[str, Any] = {"undo_of": change.event.seq}
        if self.state.step_of(change.event) == UNDO:  # undoing an undo redoes the step it undid
            redone = self._step_undone_by(change.event)
            steps |= {"redo_of": redone.seq, "credited_to": credited_actor(redone)}
        return self.record(kind, {**payload, **steps}, "chair")

    def _step_undone_by(self, undo: Event) -> Event:
        """The step an undo took back: the event it undoes, or, when that was a redo, the step redone."""
        event = self._event(undo.payload["undo_of"])
        while self.state.step_of(event) == REDO:
            if "redo_of" in event.payload:
                return self._event(event.payload["redo_of"])
            event = self._event(self._event(event.payload["undo_of"]).payload["undo_of"])  # (an older file)
        return event

    def _event(self, seq: int) -> Event:
        """Event seq (read from the file if it is not in memory)."""
        return self.log.events_between(seq - 1, seq)[0]

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call listener with every Change from now on; returns the function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    # ------------------------------------------------------------ reading
    @property
    def events(self) -> list[Event]:
        """Every event so far, in order."""
        return self.log.events

    @property
    def draft(self) -> Draft:
        """The draft as it stands."""
        return self.state.draft

    def state_at(self, seq: int) -> SessionState:
        """The state as it was just after event seq (0: before anything happened)."""
        return replay(self.log.head(seq))

    def draft_at(self, seq: int) -> Draft:
        """The draft just after event seq; cached, since the past never changes. Do not modify it."""
        seq = max(0, min(seq, self.log.count))
        draft = self._drafts_at.get(seq)
        if draft is None:
            draft = self.state_at(seq).draft
            if len(self._drafts_at) > 8:
                self._drafts_at.pop(next(iter(self._drafts_at)))
            self._drafts_at[seq] = draft
        return draft

    def baseline(self, which: str = "tabled") -> Draft:
        """The draft changes are shown against: "tabled" (the first baseline) or "last" (the latest one)."""
        baselines = self.draft.baselines
        if not baselines:
            return self.draft_at(0)
        return self.draft_at((baselines[0] if which == "tabled" else baselines[-1]).seq)

    def verify(self, as_opened: bool = False) -> Verification:
        """Check the hash chain of the record (as_opened: of the file as it was opened, without what was
        recorded since)."""
        return self.log.verify(as_opened)

    def save_copy(self, destination: str | Path) -> Path:
        """Write a consistent copy of this session to another file, and keep its anchor (anchors.py): opened
        later, it is that copy as it was written, not this session with events removed."""
        destination = Path(destination)
        if destination.suffix != SUFFIX:
            destination = destination.with_name(destination.name + SUFFIX)
        copy = self.log.save_copy(destination)
        remember_copy(self.log, copy)
        return copy
