"""Reading a session's events from its SQLite log: lazily, and every row checked as it is read.

An open log reads no event: it counts them (and refuses a log with a gap). The events are read from the file
on first use of `events`, or only those asked for (`events_after`, `head`, `first_event`, `last_event`,
`hash_at`), so an open from a snapshot (snapshot.py) reads the events after it only. What has been read is
kept as the last events of the log (seq `_base` + 1 on) and grows towards the first on demand.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import CorruptSessionError, NotASessionError, SessionFileError, SessionLockedError

GENESIS = "0" * 64


@dataclass(frozen=True)
class Event:
    """One entry of the log: who did what, when."""

    seq: int
    ts: str
    actor: str
    kind: str
    payload: dict[str, Any]
    prev_hash: str = GENESIS
    hash: str = ""

    @property
    def time(self) -> datetime:
        """The timestamp as an aware datetime."""
        return datetime.fromisoformat(self.ts)


def explain(path: Path, error: sqlite3.Error) -> SessionFileError:
    """A SessionFileError naming what an SQLite error means for the session file."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return SessionLockedError(
            path, "the session is open in another chairdesk window or process; close it there first"
        )
    if "not a database" in text:
        return NotASessionError(path, "not a chairdesk session (the file is not an SQLite database)")
    return CorruptSessionError(path, f"the session file is damaged or truncated ({text})")


_DECODER = json.JSONDecoder()  # json.loads' own decoder, without its per-call checks


class EventReader:
    """The reading half of an EventLog: its events, read from its connection as they are asked for."""

    path: Path
    conn: sqlite3.Connection

    def _start_reading(self) -> None:
        # _events holds the last events (seq _base + 1 on); the first _base are read on first use.
        self._events: list[Event] = []
        self._base = 0
        self._last: Event | None = None  # the last event when none is read yet (or None: not looked up)
        self._first: Event | None = None  # the first event, read alone (or None: not looked up)

    def _load(self) -> None:
        """Count the events (none is read yet); a log with a gap is read whole, which names the missing one."""
        count, first, last = self.conn.execute("SELECT count(*), min(seq), max(seq) FROM events").fetchone()
        if count and (first != 1 or last != count or type(last) is not int):
            self._events = self._read_events(0)  # raises: the event missing, or the unreadable one
        self._events, self._base, self._last = [], count, None

    @property
    def count(self) -> int:
        """How many events the log holds (without reading them)."""
        return self._base + len(self._events)

    @property
    def loaded(self) -> bool:
        """Whether every event has been read from the file (events was used)."""
        return self._base == 0

    def events_after(self, seq: int) -> list[Event]:
        """The events after seq, in order, reading from the file only those not read yet (do not change it)."""
        seq = max(0, seq)
        if seq < self._base:
            self._events[:0] = self._read_events(seq, self._base)
            self._base = seq
        return self._events[seq - self._base :]

    def stream(self, chunk: int = 5000) -> Iterator[Event]:
        """Every event in order, read a chunk at a time and not kept (a replay at open: the log keeps none of
        the 20,000-100,000 events it reads; what needs them later reads them then)."""
        count = self.count
        for start in range(0, count, chunk):
            yield from self.events_between(start, min(count, start + chunk))

    def events_between(self, after: int, upto: int) -> list[Event]:
        """The events after `after` up to `upto`, in order (those not read yet are read and not kept)."""
        after, upto = max(0, after), min(upto, self.count)
        if after >= upto:
            return []
        if after >= self._base:
            return self._events[after - self._base : upto - self._base]
        if upto <= self._base:
            return self._read_events(after, upto)
        return self._read_events(after, self._base) + self._events[: upto - self._base]

    def head(self, seq: int) -> list[Event]:
        """The first seq events, in order (read from the file and not kept while the log is not read whole)."""
        seq = max(0, min(seq, self.count))
        if seq <= self._base:
            return self._read_events(0, seq) if seq else []
        return self.events[:seq]

    @property
    def first_event(self) -> Event | None:
        """The first event (one row read, once), or None for an empty log."""
        if not self.count:
            return None
        if self._base == 0:
            return self._events[0]
        if self._first is None:
            self._first = self._read_events(0, 1)[0]
        return self._first

    @property
    def last_event(self) -> Event | None:
        """The last event (one row read at most), or None for an empty log."""
        if self._events:
            return self._events[-1]
        if self._base and (self._last is None or self._last.seq != self._base):
            self._last = self._read_events(self._base - 1, self._base)[0]
        return self._last if self._base else None

    def hash_at(self, seq: int) -> str | None:
        """The stored hash of event seq (one row read at most), or None if the log has no such event."""
        if not 1 <= seq <= self.count:
            return None
        if seq > self._base:
            return self._events[seq - self._base - 1].hash
        try:
            row = self.conn.execute("SELECT hash FROM events WHERE seq = ?", (seq,)).fetchone()
        except sqlite3.Error as error:  # a damaged page (the file's pages may not be checked yet)
            raise explain(self.path, error) from error
        return row[0] if row is not None and type(row[0]) is str else None

    def read_new(self) -> list[Event]:
        """Read the events committed (by another process) since this log was loaded; keeps them."""
        new = self._read_events(self.count)
        self._events.extend(new)
        return new

    def _read_events(self, after: int, upto: int | None = None) -> list[Event]:
        """The events after seq after (up to upto, or all), each checked; raises if one is missing."""
        try:
            return self._read_rows(after, upto)
        except sqlite3.Error as error:
            raise explain(self.path, error) from error
        except UnicodeDecodeError:  # a damaged record whose text is not UTF-8
            raise CorruptSessionError(
                self.path, "the session file is damaged (text that is not UTF-8)"
            ) from None

    def _read_rows(self, after: int, upto: int | None) -> list[Event]:
        rows = self.conn.execute(
            "SELECT seq, ts, actor, kind, payload, prev_hash, hash FROM events WHERE seq > ? AND seq <= ? "
            "ORDER BY seq",
            (after, upto if upto is not None else 2**63 - 1),
        )
        # The loop is the start path of a large session (20,000 rows): the checks of _event, inlined.
        events: list[Event] = []
        append, decode, moment_of = events.append, _DECODER.decode, datetime.fromisoformat
        for row in rows:
            seq, ts, actor, kind, payload, prev, digest = row
            try:
                if type(seq) is not int or not (
                    type(ts) is str
                    and type(actor) is str
                    and type(kind) is str
                    and type(payload) is str
                    and type(prev) is str
                    and type(digest) is str
                ):
                    raise ValueError
                data = decode(payload)
                if type(data) is not dict or moment_of(ts).tzinfo is None:
                    raise ValueError
            except (ValueError, RecursionError):
                append(self._event(*row))  # raises the error that names what is wrong with the row
                continue
            append(Event(seq, ts, actor, kind, data, prev, digest))
        for expected, event in enumerate(events, start=after + 1):
            if event.seq != expected:
                raise CorruptSessionError(self.path, f"event {expected} is missing from the log")
        if upto is not None and len(events) != upto - after:
            raise CorruptSessionError(self.path, f"event {after + len(events) + 1} is missing from the log")
        return events

    def _event(self, seq: Any, ts: Any, actor: Any, kind: Any, payload: Any, prev: Any, digest: Any) -> Event:
        """One stored row as an Event; a row no chairdesk could have written is refused, naming the event."""
        if not isinstance(seq, int) or not all(
            isinstance(v, str) for v in (ts, actor, kind, payload, prev, digest)
        ):
            raise CorruptSessionError(self.path, f"event {seq} is unreadable (a field is not text)")
        try:
            data = json.loads(payload)
        except (json.JSONDecodeError, RecursionError):
            raise CorruptSessionError(self.path, f"event {seq} is unreadable") from None
        if not isinstance(data, dict):
            raise CorruptSessionError(
                self.path, f"event {seq} is unreadable (its content is not a set of fields)"
            )
        try:
            moment = datetime.fromisoformat(ts)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise CorruptSessionError(
                self.path, f"event {seq} has a timestamp that is not a time ({ts[:40]!r})"
            )
        return Event(seq, ts, actor, kind, data, prev, digest)

    # ------------------------------------------------------------- reading
    @property
    def events(self) -> list[Event]:
        """Every event in order, read from the file on first use (the list is shared; do not change it)."""
        if self._base:
            self.events_after(0)
        return self._events

    @property
    def last_hash(self) -> str:
        """The hash the next event will chain to."""
        last = self.last_event
        return last.hash if last is not None else GENESIS
