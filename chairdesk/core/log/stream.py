"""The events of a session read from its SQLite log a chunk at a time, for work that goes over the whole
history once (the record export) and must not build a second list of it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from .errors import CorruptSessionError
from .eventlog import Event

CHUNK = 1000  # events per query

_SELECT = (
    "SELECT seq, ts, actor, kind, payload, prev_hash, hash FROM events "
    "WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?"
)


class HasEvents(Protocol):
    """A session, or a session-like view of one (replay's SessionAt): its events in order."""

    @property
    def events(self) -> Sequence[Event]: ...


def iter_events(session: HasEvents, chunk: int = CHUNK) -> Iterator[Event]:
    """The session's events in order, read from its log file `chunk` at a time; each is checked against the
    session's own (same seq, same hash), so what is read is the history that was verified, and events another
    process committed after the session was read are left out. A view without a log file (replay's
    SessionAt) gives its own events."""
    known = session.events
    log: Any = getattr(session, "log", None)
    conn = getattr(log, "conn", None)
    if conn is None:
        yield from known
        return
    last, after = len(known), 0
    while after < last:
        rows = conn.execute(_SELECT, (after, last, chunk)).fetchall()
        if not rows:
            raise CorruptSessionError(log.path, f"event {after + 1} is missing from the log")
        for row in rows:
            event = log._event(*row)
            if event.seq != after + 1 or event.hash != known[after].hash:
                raise CorruptSessionError(
                    log.path, f"event {after + 1} in the file is not the one read when it was opened"
                )
            after = event.seq
            yield event


def first_seq_of_kind(session: HasEvents, kind: str) -> int | None:
    """The seq of the first event of a kind (through the log's index on kind), or None."""
    known = session.events
    conn = getattr(getattr(session, "log", None), "conn", None)
    if conn is None:
        return next((event.seq for event in known if event.kind == kind), None)
    row = conn.execute(
        "SELECT min(seq) FROM events WHERE kind = ? AND seq <= ?", (kind, len(known))
    ).fetchone()
    return row[0] if row and row[0] is not None else None
