"""The exact schema of a session file: anything else in it (a trigger, a view, a table, an index) is refused.

SQLite runs whatever a file's schema says, inside chairdesk: a trigger can drop or rewrite every event the
chair records while each step is acknowledged. So a file is opened only when its schema is exactly what
chairdesk writes, and a copy is checked the same way before it is handed over.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from .errors import NotASessionError, SessionFileError

# What chairdesk writes (sqlite-utils' spelling, compared without case, quotes and spacing).
META_SQL = 'CREATE TABLE "meta" ("key" TEXT PRIMARY KEY, "value" TEXT)'
EVENTS_SQL = (
    'CREATE TABLE "events" ("seq" INTEGER PRIMARY KEY, "ts" TEXT NOT NULL, "actor" TEXT NOT NULL, '
    '"kind" TEXT NOT NULL, "payload" TEXT NOT NULL, "prev_hash" TEXT NOT NULL, "hash" TEXT NOT NULL)'
)
EVENTS_KIND_SQL = 'CREATE INDEX "events_kind" ON "events" ("kind")'

# (type, name, table) -> SQL (None: an index SQLite makes itself for a PRIMARY KEY or UNIQUE column)
EXPECTED: dict[tuple[str, str, str], str | None] = {
    ("table", "meta", "meta"): META_SQL,
    ("index", "sqlite_autoindex_meta_1", "meta"): None,
    ("table", "events", "events"): EVENTS_SQL,
    ("index", "events_kind", "events"): EVENTS_KIND_SQL,
}

_NOISE = re.compile(r"[\s\"`\[\]]+")


def _normal(sql: str | None) -> str | None:
    return None if sql is None else _NOISE.sub("", sql).lower()


def schema_objects(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    """Every object of the file's schema: (type, name, table, SQL)."""
    return list(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"))


def unexpected_objects(conn: sqlite3.Connection) -> list[str]:
    """What the file's schema holds beyond what chairdesk writes, one description each ("trigger 'x'")."""
    found = []
    for kind, name, table, sql in schema_objects(conn):
        expected = EXPECTED.get((kind, name, table), "missing")
        if expected == "missing" or _normal(expected) != _normal(sql):
            what = f"{kind} '{name}'" + (f" on '{table}'" if kind in ("trigger", "index") else "")
            found.append(what if expected == "missing" else f"{what} (not as chairdesk writes it)")
    return found


def _meta_value(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row and isinstance(row[0], str) else None


def check_schema(path: Path, conn: sqlite3.Connection, file_format: str, newest: int) -> None:
    """Refuse a file whose schema is not exactly chairdesk's, naming what is in it that should not be.

    Another program's database is "not a session"; a newer chairdesk's file is left to the version check.
    """
    extra = unexpected_objects(conn)
    if not extra:
        return
    if _meta_value(conn, "format") != file_format:
        raise NotASessionError(path, "an SQLite database, but not a chairdesk session")
    version = _meta_value(conn, "schema_version") or ""
    if version.isdigit() and int(version) > newest:
        return
    shown = ", ".join(extra[:5]) + (f" and {len(extra) - 5} more" if len(extra) > 5 else "")
    raise SessionFileError(
        path,
        f"the session file holds SQLite objects chairdesk never writes: {shown}. Such objects would run "
        "inside chairdesk and could change or drop what is recorded, so the file is not opened",
    )
