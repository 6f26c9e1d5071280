"""Anchors: what this computer remembers of every session it has written, kept outside the session file.

A hash chain shows an event changed in place, and the head row in the file shows events cut off its end,
but whoever edits the file can cut the head row too, or rehash the whole chain. So the app keeps, in its
data folder, the event count and the head hash of each session when it closes it (and after idle moments),
and on open compares the file with that: fewer events, or another history, gives a warning.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

if TYPE_CHECKING:
    from .eventlog import EventLog

APP = "chairdesk"
ANCHORS_FILE = "anchors.json"


def data_dir() -> Path:
    """The app's data folder (platformdirs), or $CHAIRDESK_DATA_DIR when set."""
    env = os.environ.get("CHAIRDESK_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP, appauthor=False))


def anchors_path() -> Path:
    """The file the anchors are kept in."""
    return data_dir() / ANCHORS_FILE


@dataclass(frozen=True)
class Anchor:
    """One session as this computer last wrote it."""

    session: str  # the hash of the session's first event: the same session under any name
    path: str
    events: int
    head: str
    closed: str  # the timestamp of the last event then

    @classmethod
    def of(cls, log: EventLog) -> Anchor | None:
        """The anchor for a log as it stands (None for an empty log)."""
        last = log.last_event  # one row each, not the whole log (the events may not be read yet)
        if last is None:
            return None
        return cls(log.hash_at(1) or "", str(log.path.resolve()), log.count, last.hash, last.ts)


def _read() -> dict[str, Any]:
    try:
        data = json.loads(anchors_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"sessions": {}, "paths": {}}
    if not isinstance(data, dict):
        return {"sessions": {}, "paths": {}}
    sessions = data.get("sessions") if isinstance(data.get("sessions"), dict) else {}
    paths = data.get("paths") if isinstance(data.get("paths"), dict) else {}
    return {"sessions": sessions, "paths": paths}


def _anchor(raw: Any) -> Anchor | None:
    try:
        return Anchor(**raw)
    except TypeError:
        return None


def remember(log: EventLog) -> bool:
    """Keep the log's event count and head hash in the data folder; False if it could not be written."""
    anchor = Anchor.of(log)
    if anchor is None:
        return False
    data = _read()
    data["sessions"][anchor.session] = asdict(anchor)
    data["paths"][anchor.path] = anchor.session
    target = anchors_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".anchors.", suffix=".part", dir=target.parent)
    except OSError:
        return False
    temp = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError:
        return False
    finally:
        temp.unlink(missing_ok=True)
    return True


def known_anchor(log: EventLog) -> Anchor | None:
    """What this computer remembers of the log's session (by its first event, else by its path)."""
    data = _read()
    if log.count:
        found = _anchor(data["sessions"].get(log.hash_at(1)))
        if found is not None:
            return found
    key = data["paths"].get(str(log.path.resolve()))
    return _anchor(data["sessions"].get(key)) if isinstance(key, str) else None


def _count(n: int) -> str:
    return f"{n} event" if n == 1 else f"{n} events"


def anchor_warning(log: EventLog) -> str | None:
    """A warning when the file has fewer events or another history than when this computer last closed it."""
    anchor = known_anchor(log)
    if anchor is None:
        return None
    count = log.count
    when = f"{anchor.closed[:10]} {anchor.closed[11:16]} UTC"
    if not count or log.hash_at(1) != anchor.session:
        return (
            f"{log.path}: when this computer last closed the session in this file ({when}) it had "
            f"{_count(anchor.events)}; the file now holds another history ({_count(count)}). "
            "It was replaced or rewritten."
        )
    if count < anchor.events:
        return (
            f"{log.path}: this session had {_count(anchor.events)} when last closed on this computer; "
            f"it now has {count} (last closed here {when}). Events were removed from the file."
        )
    if log.hash_at(anchor.events) != anchor.head:
        return (
            f"{log.path}: this session's history differs from the one last closed on this computer ({when}): "
            f"event {anchor.events} is not the one written then. The file was rewritten."
        )
    return None
