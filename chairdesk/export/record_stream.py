"""The record of the session streamed: the events read from the log a chunk at a time, each described as it
comes against one state brought forward event by event, and the entries spooled to a compressed temporary
file (never a list in memory) to be written out in order once the summary above them is known."""

from __future__ import annotations

import gzip
import json
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import IO

from ..core.log.components import new_state
from ..core.log.eventlog import Event
from ..core.log.session import Session
from ..core.log.stream import first_seq_of_kind, iter_events
from .base import ExportError
from .record import RecordEntry, SessionRecord, describe_events, record_of_state


class EntrySpool:
    """Record entries written to a compressed temporary file as they come, read back once, in order."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="chairdesk-record-")
        self._writer: gzip.GzipFile | None = gzip.GzipFile(fileobj=self._file, mode="wb", compresslevel=1)
        self.count = 0
        self.text_bytes = 0  # the entries' text, uncompressed (to foresee the size of what is written)

    def add(self, entry: RecordEntry) -> None:
        """Append one entry."""
        if self._writer is None:
            raise ValueError("the spool was read already; no entry can be added")
        line = json.dumps([entry.seq, entry.ts, entry.actor, entry.kind, entry.text], ensure_ascii=False)
        data = line.encode("utf-8") + b"\n"
        self._writer.write(data)
        self.count += 1
        self.text_bytes += len(data)

    def __iter__(self) -> Iterator[RecordEntry]:
        """The entries in the order they were added (the spool is then closed for adding)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self._file.seek(0)
        with gzip.GzipFile(fileobj=self._file, mode="rb") as reader:
            for line in reader:  # lines end at b"\n" only; JSON escapes every newline inside a text
                seq, ts, actor, kind, text = json.loads(line)
                yield RecordEntry(seq, ts, actor, kind, text)

    def close(self) -> None:
        """Remove the temporary file."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self._file.close()

    def __enter__(self) -> EntrySpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def spooled(path: str | Path) -> Iterator[EntrySpool]:
    """An EntrySpool for the export to path; when its temporary file cannot be made or written (no room, no
    temporary folder) the export is refused naming path, and nothing is written there."""
    try:
        with EntrySpool() as spool:
            yield spool
    except OSError as error:
        problem = error.strerror or str(error)
        raise ExportError(
            path, f"not written: the temporary file of its entries failed ({problem})"
        ) from error


def stream_record(session: Session, spool: EntrySpool, now: str) -> SessionRecord:
    """Describe every event of the session into spool; the record without its entries (their tally instead),
    as at `now`. Holds one state and one chunk of events at a time besides what the session holds."""
    state = new_state()
    tabled = first_seq_of_kind(session, "draft.baseline")
    building = 0  # the draft.* events that built the tabled draft (told as the one tabling entry)

    def counted(events: Iterable[Event]) -> Iterator[Event]:
        nonlocal building
        for event in events:
            if tabled is not None and event.seq <= tabled and event.kind.startswith("draft."):
                building += 1
            yield event

    tally: Counter[str] = Counter()
    last_ts = None
    for entry in describe_events(counted(iter_events(session)), state, tabled):
        spool.add(entry)
        tally[entry.kind] += 1
        last_ts = entry.ts
    return record_of_state(state, [], building, now, tally=dict(tally), last_ts=last_ts)


def by_day(entries: Iterable[RecordEntry]) -> Iterator[tuple[str, Iterator[RecordEntry]]]:
    """The entries in runs of one day each ("Thursday 26 November 2026", its entries), in order."""
    return groupby(entries, key=lambda entry: entry.day)
