"""The session file: a SQLite event log (through sqlite-utils), one committed transaction per event.

Opening and reading use the standard library's sqlite3 alone; sqlite-utils (which brings numpy, dateutil,
click and pluggy with it) is imported on the first write, so it is not on the window's start path.

Each event carries the hash of the one before it, so the record can be verified later. A writer holds an
OS lock on the file for as long as it is open (writelock.py), so a second writer is refused, and the lock
disappears with the process if it is killed; readers (open_read_only) are never locked out and see every
committed event.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import (
    CorruptSessionError,
    NewerSchemaError,
    NotASessionError,
    SessionFileError,
    SessionLockedError,
)
from .reading import GENESIS, Event, EventReader, explain
from .schema import check_schema, unexpected_objects
from .writelock import WriteLock

if TYPE_CHECKING:
    import sqlite_utils

FORMAT = "chairdesk-session"
SCHEMA_VERSION = 1
SUFFIX = ".chairdesk"
SQLITE_MAGIC = b"SQLite format 3\x00"

# Migrations from schema version N to N+1, applied in order inside one transaction when an older file is
# opened. Version 1 is the first; a later schema adds its step here and raises SCHEMA_VERSION.
MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {}


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def format_ts(moment: datetime) -> str:
    """An event timestamp: ISO 8601 in UTC with microseconds."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def canonical_json(payload: dict[str, Any]) -> str:
    """The one JSON spelling of a payload that the hash chain is computed over."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(prev_hash: str, seq: int, ts: str, actor: str, kind: str, payload_json: str) -> str:
    """SHA-256 over the previous hash and this event's fields."""
    data = "\x1f".join((prev_hash, str(seq), ts, actor, kind, payload_json))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Verification:
    """The result of checking the hash chain."""

    ok: bool
    events: int
    broken_at: int | None = None
    problem: str = ""
    kind: str = ""  # the kind of the event broken_at, when the file holds one

    def __str__(self) -> str:
        if self.ok:
            return f"hash chain verified ({self.events} events)"
        return f"hash chain broken at event {self.broken_at}: {self.problem}"


_CHAIN = "SELECT seq, ts, actor, kind, payload, prev_hash, hash FROM events ORDER BY seq"
_CHAIN_UPTO = "SELECT seq, ts, actor, kind, payload, prev_hash, hash FROM events WHERE seq <= ? ORDER BY seq"


def _link_problem(row: tuple[Any, ...], expected: int, prev: str) -> str | None:
    """What is wrong with one stored event as a link of the chain after prev, or None."""
    seq, ts, actor, kind, payload, stored_prev, digest = row
    if seq != expected:
        return f"event {expected} is missing from the log"
    if stored_prev != prev:
        return "it does not point to the event before it"
    fields = (ts, actor, kind, payload, digest)
    if all(type(value) is str for value in fields):
        if event_hash(prev, seq, ts, actor, kind, payload) == digest:  # as written: the text hashed is the stored one
            return None
        try:  # the same payload spelled another way (not as chairdesk writes it) hashes as its canonical form
            data = json.loads(payload)
            if type(data) is dict and event_hash(prev, seq, ts, actor, kind, canonical_json(data)) == digest:
                return None
        except (ValueError, RecursionError):
            pass
    return "its content was changed after it was written"


# The file as it was opened: its event count then and the head row it held (None: none). Events appended
# since by the writer that opened it continue the chain and move the head, which would hide events cut off the
# end before they were written; a check as of the opening looks at the first events and the head then.
AsOpened = tuple[int, str | None]


def check_chain(conn: sqlite3.Connection, as_opened: AsOpened | None = None) -> Verification:
    """Recompute the hash chain over the events committed in a connection's file, in one read transaction
    (as_opened: over the file as it was opened, ignoring what was appended since).

    Works on the stored rows (no event is decoded unless its stored text does not hash as written), so it
    reads 20,000 events in about 60 ms; any connection will do (`verify_file` opens its own, in any thread).
    """
    owned = not conn.in_transaction
    if owned:
        conn.execute("BEGIN")  # the count, the rows and the head as of one moment, beside a writer
    try:
        if as_opened is None:
            count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            rows = conn.execute(_CHAIN)
        else:
            count = as_opened[0]
            rows = conn.execute(_CHAIN_UPTO, (count,))
        prev, last = GENESIS, None
        for expected, row in enumerate(rows, start=1):
            problem = _link_problem(row, expected, prev)
            if problem is not None:
                kind = row[3] if type(row[3]) is str else ""
                return Verification(False, count, expected, problem, kind)
            prev, last = row[6], row
        if as_opened is None:
            head = conn.execute("SELECT value FROM meta WHERE key = 'head'").fetchone()
        else:
            head = (as_opened[1],) if as_opened[1] is not None else None
    finally:
        if owned:
            conn.execute("COMMIT")
    written = head[0] if head is not None else None
    if written is not None and written != (f"{last[0]}:{last[6]}" if last is not None else None):
        return Verification(
            False,
            count,
            count + 1,
            f"the record ends early: it was written up to event {str(written).split(':', 1)[0]}, and the "
            f"events after {count} are missing",
        )
    return Verification(True, count)


def verify_file(path: str | Path, as_opened: AsOpened | None = None) -> Verification:
    """Check the hash chain of the session file at path through a read-only connection of its own (in any
    thread, beside a writer: it sees the committed events; as_opened: the file as a writer opened it, as
    `EventLog.as_opened` gives it); raises a SessionFileError if it cannot be read."""
    path = Path(path)
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=2.0, isolation_level=None)
    except sqlite3.Error as error:
        raise explain(path, error) from error
    try:
        conn.execute("PRAGMA query_only=ON")
        return check_chain(conn, as_opened)
    except sqlite3.Error as error:
        raise explain(path, error) from error
    finally:
        conn.close()


def _looks_like_sqlite(path: Path) -> None:
    if not path.exists():
        raise SessionFileError(path, "no such file")
    if path.is_dir():
        raise NotASessionError(path, "is a folder, not a chairdesk session")
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) == 0:
        raise NotASessionError(path, "the file is empty, not a chairdesk session")
    if not header.startswith(SQLITE_MAGIC):
        raise NotASessionError(path, "not a chairdesk session (the file is not an SQLite database)")
    if len(header) < 100:
        raise CorruptSessionError(path, "the session file is truncated (shorter than its own header)")


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of the file at path (None when there is none): which file the path names."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def writing_problem(error: Exception) -> str:
    """Why a write failed, in words: "read-only" when the file or its folder cannot be written."""
    text = str(error)
    errno = getattr(error, "errno", None)
    if "readonly" in text.replace("-", "").replace(" ", "") or errno in (1, 13, 30):
        return f"the file or its folder is read-only: {text}"
    return text


def refuse_new_path(path: Path) -> None:
    """Raise unless a new session file can be made at path (no file there, a folder that can be written)."""
    if path.exists():
        raise SessionFileError(path, "a file of that name exists already; choose another name")
    if not path.parent.is_dir():
        raise SessionFileError(path, "the folder does not exist")
    if not os.access(path.parent, os.W_OK):
        raise SessionFileError(path, f"the folder {path.parent} is read-only; choose another folder")


_INSERT_EVENT = (
    "INSERT INTO events (seq, ts, actor, kind, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_META = (
    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


class EventLog(EventReader):
    """An open session file; append() commits before it returns."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: WriteLock | None = None) -> None:
        self.path = path
        self.conn = conn
        self.lock = lock  # None: opened read-only
        self._db: sqlite_utils.Database | None = None
        self._start_reading()  # no event is read yet (reading.py)
        self._identity = _identity(path)
        self._pages_checked = False  # check_pages() found every page sound
        self._abandoned = False  # closed, unchanged, after a damaged page was found
        self._opened_head: str | None = None  # the head row as the file was opened (read with the format)
        self.as_opened: AsOpened = (0, None)  # the event count and head row when opened (check_chain)

    @property
    def db(self) -> sqlite_utils.Database:
        """The file through sqlite-utils, for writing (imported on first use: it is not needed to read)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def check_in_place(self) -> None:
        """Raise if the file this log writes to is no longer at its path (deleted, moved or replaced)."""
        if _identity(self.path) != self._identity:
            raise SessionFileError(
                self.path,
                "the session file was deleted or moved while it was open, so nothing more can be recorded "
                "in it; save a copy of the session to keep the record so far, then open that copy",
            )

    # --------------------------------------------------------------- opening
    @property
    def read_only(self) -> bool:
        """Whether this log was opened for reading only (it never writes the file)."""
        return self.lock is None

    @classmethod
    def _connect(cls, path: Path, create: bool = False) -> tuple[sqlite3.Connection, WriteLock]:
        # The write lock first: a second writer is refused before SQLite touches the file.
        lock = WriteLock.acquire(path, create=create)
        if lock is None:
            raise SessionLockedError(
                path, "the session is open in another chairdesk window or process; close it there first"
            )
        try:
            conn = sqlite3.connect(str(path), timeout=2.0, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            lock.release()
            raise explain(path, error) from error
        return conn, lock

    @classmethod
    def _connect_read_only(cls, path: Path) -> sqlite3.Connection:
        # A read-only connection (SQLITE_OPEN_READONLY, through the "mode=ro" URI) reads the committed log
        # through the write-ahead log like any reader, so it sees a writer's commits; unlike a read-write
        # connection it never checkpoints the WAL into the file when it closes, so the file's bytes stay as
        # they are. ("immutable", which would skip locking and miss a writer's commits, is not used.)
        uri = path.resolve().as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=2.0, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA query_only=ON")
        except sqlite3.Error as error:
            raise explain(path, error) from error
        return conn

    @classmethod
    def create(cls, path: str | Path, meta: dict[str, str] | None = None) -> EventLog:
        """Create a new, empty session file; refuses to overwrite an existing file."""
        path = Path(path)
        refuse_new_path(path)
        try:
            conn, lock = cls._connect(path, create=True)
        except FileExistsError:
            raise SessionFileError(path, "a file of that name exists already; choose another name") from None
        except SessionFileError:
            path.unlink(missing_ok=True)
            raise
        log = cls(path, conn, lock)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        db = log.db
        with db.atomic():
            db["meta"].create({"key": str, "value": str}, pk="key")
            db["events"].create(
                {
                    "seq": int,
                    "ts": str,
                    "actor": str,
                    "kind": str,
                    "payload": str,
                    "prev_hash": str,
                    "hash": str,
                },
                pk="seq",
                not_null={"ts", "actor", "kind", "payload", "prev_hash", "hash"},
            )
            db["events"].create_index(["kind"], index_name="events_kind")
            values = {
                "format": FORMAT,
                "schema_version": str(SCHEMA_VERSION),
                "created": format_ts(utc_now()),
            }
            values.update(meta or {})
            db["meta"].insert_all([{"key": k, "value": v} for k, v in values.items()])
        return log

    @classmethod
    def open(cls, path: str | Path, *, pages_later: bool = False) -> EventLog:
        """Open an existing session file; a failed open raises and leaves the file as it was.

        pages_later: every page of the file is checked (`check_pages`) only when the caller asks, or before
        anything is written (Session.open: not when a snapshot says the file is the one this computer closed).
        """
        path = Path(path)
        _looks_like_sqlite(path)
        conn, lock = cls._connect(path)
        try:
            # Before anything reads or writes through it: the schema must be exactly chairdesk's.
            check_schema(path, conn, FORMAT, SCHEMA_VERSION)
            log = cls(path, conn, lock)
            version = log._check_format(pages=not pages_later)
            if version < SCHEMA_VERSION:
                log.check_pages()  # before the upgrade writes
                log._migrate(version)
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                log.check_pages()  # before the mode is written into the file's header
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            log._load()
            log.as_opened = (log.count, log._opened_head)
        except SessionFileError:
            conn.close()
            lock.release()
            raise
        except sqlite3.Error as error:
            conn.close()
            lock.release()
            raise explain(path, error) from error
        except UnicodeDecodeError:  # a damaged schema or record whose text is not UTF-8
            conn.close()
            lock.release()
            raise CorruptSessionError(path, "the session file is damaged (text that is not UTF-8)") from None
        return log

    @classmethod
    def open_read_only(cls, path: str | Path, *, pages_later: bool = False) -> EventLog:
        """Open the committed log for reading, without the write lock: works while another process writes
        (pages_later: as for `open`)."""
        path = Path(path)
        _looks_like_sqlite(path)
        conn = cls._connect_read_only(path)
        try:
            check_schema(path, conn, FORMAT, SCHEMA_VERSION)  # a reader runs no trigger or view of the file's
            log = cls(path, conn, None)
            version = log._check_format(pages=not pages_later)
            if version < SCHEMA_VERSION:
                raise SessionFileError(
                    path,
                    f"written by an older chairdesk (schema {version}); open it once for writing to upgrade "
                    "it, then open it read-only",
                )
            log._load()
            log.as_opened = (log.count, log._opened_head)
        except SessionFileError:
            conn.close()
            raise
        except sqlite3.Error as error:
            conn.close()
            raise explain(path, error) from error
        except UnicodeDecodeError:  # a damaged schema or record whose text is not UTF-8
            conn.close()
            raise CorruptSessionError(path, "the session file is damaged (text that is not UTF-8)") from None
        return log

    def check_pages(self) -> None:
        """Check every page of the file once (SQLite's quick_check: it reads the whole file, 15 ms at 13 MB
        and seconds when the file is not in memory yet); a damaged file is closed, unchanged, and named."""
        if self._pages_checked:
            return
        try:
            check = self.conn.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.Error as error:
            check = str(error)
        if check != "ok":
            self._abandon()
            raise CorruptSessionError(self.path, f"the session file is damaged ({check})")
        self._pages_checked = True

    def _abandon(self) -> None:
        """Close without the checkpoint of `close`: nothing is written into a file found damaged."""
        if self._abandoned:
            return
        self._abandoned = True
        self.conn.close()
        if self.lock is not None:
            self.lock.release()

    def _check_format(self, pages: bool = True) -> int:
        if pages:
            self.check_pages()
        tables = {row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"meta", "events"} <= tables:
            raise NotASessionError(self.path, "an SQLite database, but not a chairdesk session")
        meta = self.read_meta()
        self._opened_head = meta.get("head")
        if meta.get("format") != FORMAT:
            raise NotASessionError(self.path, "an SQLite database, but not a chairdesk session")
        try:
            version = int(meta.get("schema_version", ""))
        except ValueError:
            raise CorruptSessionError(self.path, "the session's schema version is unreadable") from None
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                self.path,
                f"written by a newer chairdesk (schema {version}; this one reads up to {SCHEMA_VERSION}); "
                "update chairdesk to open it",
            )
        return version

    def _migrate(self, version: int) -> None:
        with self.db.atomic():
            while version < SCHEMA_VERSION:
                step = MIGRATIONS.get(version)
                if step is None:
                    raise CorruptSessionError(self.path, f"no way to upgrade schema {version}")
                step(self.db)
                version += 1
            self.db["meta"].upsert({"key": "schema_version", "value": str(version)}, pk="key")

    # ------------------------------------------------------------- reading
    def read_meta(self) -> dict[str, str]:
        """The metadata table as a dict."""
        return dict(self.conn.execute("SELECT key, value FROM meta"))

    def verify(self, as_opened: bool = False) -> Verification:
        """Recompute the hash chain of the committed events (as_opened: of the file as it was opened, without
        what was appended since); report the first event whose link is broken."""
        try:
            return check_chain(self.conn, self.as_opened if as_opened else None)
        except sqlite3.Error as error:
            raise explain(self.path, error) from error

    # ------------------------------------------------------------- writing
    def append(
        self, kind: str, payload: dict[str, Any], actor: str, ts: str, meta: dict[str, str] | None = None
    ) -> Event:
        """Append one event (and any metadata mirror) in its own transaction, committed on return."""
        self._refuse_read_only()
        self.check_in_place()  # an unlinked file still takes writes: they would vanish when it is closed
        seq = self.count + 1
        payload_json = canonical_json(payload)
        prev = self.last_hash
        digest = event_hash(prev, seq, ts, actor, kind, payload_json)
        row = {
            "seq": seq,
            "ts": ts,
            "actor": actor,
            "kind": kind,
            "payload": payload_json,
            "prev_hash": prev,
            "hash": digest,
        }
        # The head (last seq and hash) is kept in the same transaction, so verify() can tell when events
        # were cut off the end of the log, which the chain alone cannot show.
        mirror = {**(meta or {}), "head": f"{seq}:{digest}"}
        try:
            # Plain SQL on the hot path (sqlite-utils' insert looks the table up again on every call).
            with self.db.atomic():
                self.conn.execute(_INSERT_EVENT, tuple(row.values()))
                self.conn.executemany(_UPSERT_META, list(mirror.items()))
        except sqlite3.Error as error:
            raise SessionFileError(
                self.path, f"could not write to the session file ({writing_problem(error)})"
            ) from error
        event = Event(seq, ts, actor, kind, json.loads(payload_json), prev, digest)
        self._events.append(event)
        return event

    def drop_last(self) -> None:
        """Take back the event just appended (it could not be applied), restoring the head, in one transaction."""
        self._refuse_read_only()
        event = self.last_event
        assert event is not None, "drop_last on an empty log"
        head = f"{event.seq - 1}:{event.prev_hash}" if event.seq > 1 else None
        try:
            with self.db.atomic():
                self.conn.execute("DELETE FROM events WHERE seq = ?", (event.seq,))
                if head is None:
                    self.conn.execute("DELETE FROM meta WHERE key = 'head'")
                else:
                    self.db["meta"].upsert({"key": "head", "value": head}, pk="key")
        except sqlite3.Error as error:
            raise SessionFileError(
                self.path, f"could not write to the session file ({writing_problem(error)})"
            ) from error
        self._events.pop()  # append keeps the event it wrote: the one taken back is always read

    def save_copy(self, destination: str | Path) -> Path:
        """Write a consistent copy of the whole session to another file (which must not exist).

        The copy is made beside it under a temporary name and moved into place only once its schema is
        checked to be exactly chairdesk's, so it can never carry a trigger, a view or a table of its own.
        """
        destination = Path(destination)
        if destination.exists():
            raise SessionFileError(destination, "a file of that name exists already")
        temp = destination.with_name(f".{destination.name}.{os.getpid()}.part")
        try:
            temp.unlink(missing_ok=True)
            self.conn.execute("VACUUM INTO ?", (str(temp),))
            copy = sqlite3.connect(str(temp))
            try:
                extra = unexpected_objects(copy)
            finally:
                copy.close()
            if extra:
                raise SessionFileError(
                    destination, f"the copy was not written: the session holds {', '.join(extra)}"
                )
            os.replace(temp, destination)
        except (sqlite3.Error, OSError) as error:
            problem = writing_problem(error)
            raise SessionFileError(destination, f"could not write the copy ({problem})") from error
        finally:
            temp.unlink(missing_ok=True)
        return destination

    def checkpoint(self) -> bool:
        """Copy the committed events from the -wal into the file itself; False if it could not be done now."""
        try:
            busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error:
            return False
        return busy == 0

    def _refuse_read_only(self) -> None:
        if self.lock is None:
            raise SessionFileError(
                self.path,
                "the session was opened read-only (for replay or reading), so nothing can be recorded",
            )

    def close(self) -> None:
        """Checkpoint the write-ahead log into the file and release the lock (a reader just disconnects)."""
        if self._abandoned:
            return
        if self.lock is not None:
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass  # the WAL stays beside the file and is recovered on the next open
        try:
            self.first_event, self.last_event  # noqa: B018 - kept: a closed log still answers what it ends with
        except SessionFileError:
            pass
        self.conn.close()
        if self.lock is not None:
            self.lock.release()
