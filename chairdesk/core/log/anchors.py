"""Anchors: what this computer remembers of every session file it has written, kept outside the file.

A hash chain shows an event changed in place, and the head row in the file shows events cut off its end,
but whoever edits the file can cut the head row too, or rehash the whole chain. So the app keeps, in its
data folder, the event count and the head hash of each session file when it closes it (and after idle
moments, and when it writes a copy), and on open compares the file with that: fewer events, or another
history, gives a warning.

The anchors are kept per file, not per session: a copy of a session (Save a copy, or any earlier copy) is a
prefix of the same chain, which its content cannot tell from the session with events cut off. A file is the
one an anchor was kept for when it is at the same path, or is the same file (device and inode) moved or
renamed since. A file of a session this computer wrote only elsewhere is another copy of it: when that other
file has more events, or another history, the chair is told so as a note, not as a warning.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import platformdirs

if TYPE_CHECKING:
    from .eventlog import EventLog

APP = "chairdesk"
ANCHORS_FILE = "anchors.json"
KEEP_FILES = 2000  # anchors kept: those of the files written last


def data_dir() -> Path:
    """The app's data folder (platformdirs), or $CHAIRDESK_DATA_DIR when set."""
    env = os.environ.get("CHAIRDESK_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP, appauthor=False))


def anchors_path() -> Path:
    """The file the anchors are kept in."""
    return data_dir() / ANCHORS_FILE


def file_identity(path: Path) -> list[int]:
    """Which file is at path, wherever it is moved on its disk: its device and inode ([] if none is there)."""
    try:
        info = os.stat(path)
    except OSError:
        return []
    return [info.st_dev, info.st_ino]


@dataclass(frozen=True)
class Anchor:
    """One session file as this computer last wrote it."""

    session: str  # the hash of the session's first event: the same session in any file
    path: str
    events: int
    head: str
    closed: str  # the timestamp of the last event then
    file: list[int] = field(default_factory=list)  # file_identity() then ([] in anchors kept before it was)

    @classmethod
    def of(cls, log: EventLog, path: Path | None = None) -> Anchor | None:
        """The anchor for a log as it stands, kept for its file or for path (a copy of it); None if empty."""
        last = log.last_event  # one row each, not the whole log (the events may not be read yet)
        if last is None:
            return None
        where = (path or log.path).resolve()
        return cls(log.hash_at(1) or "", str(where), log.count, last.hash, last.ts, file_identity(where))

    @property
    def when(self) -> str:
        """The time of its last event, as the chair reads it."""
        return f"{self.closed[:10]} {self.closed[11:16]} UTC"


def _read() -> dict[str, dict[str, Any]]:
    """The anchors kept, by file path (those kept by session, before they were kept by file, taken in)."""
    try:
        data = json.loads(anchors_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    files = data.get("files") if isinstance(data.get("files"), dict) else {}
    older = data.get("sessions") if isinstance(data.get("sessions"), dict) else {}
    for raw in older.values():
        if isinstance(raw, dict) and isinstance(raw.get("path"), str):
            files.setdefault(raw["path"], raw)
    return {path: raw for path, raw in files.items() if isinstance(raw, dict)}


def _anchor(raw: Any) -> Anchor | None:
    try:
        anchor = Anchor(**raw)
    except TypeError:
        return None
    fields_ok = isinstance(anchor.events, int) and isinstance(anchor.closed, str) and isinstance(anchor.file, list)
    return anchor if fields_ok else None


def remember(log: EventLog) -> bool:
    """Keep the log's event count and head hash in the data folder; False if it could not be written."""
    anchor = Anchor.of(log)
    return anchor is not None and _keep(anchor)


def remember_copy(log: EventLog, copy: Path) -> bool:
    """Keep the anchor of a copy of the log just written at copy (the same events): opened later, after the
    session went on in its own file, it is that file as it was written, not the session cut short."""
    anchor = Anchor.of(log, copy)
    return anchor is not None and _keep(anchor)


def _keep(anchor: Anchor) -> bool:
    files = _read()
    for path, raw in list(files.items()):
        kept = _anchor(raw)
        moved = kept is not None and kept.file and kept.file == anchor.file and kept.session == anchor.session
        if path == anchor.path or moved:  # (moved: the same file under its former name)
            del files[path]
    files[anchor.path] = asdict(anchor)  # last: the files written last are kept longest
    for path in list(files)[: max(0, len(files) - KEEP_FILES)]:
        del files[path]
    target = anchors_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".anchors.", suffix=".part", dir=target.parent)
    except OSError:
        return False
    temp = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"files": files}, out, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError:
        return False
    finally:
        temp.unlink(missing_ok=True)
    return True


def known_anchors(log: EventLog) -> tuple[Anchor | None, list[Anchor]]:
    """What this computer remembers of the log's file (by its path, else as the same file moved), and of the
    other files of its session (copies of it)."""
    path = str(log.path.resolve())
    identity = file_identity(log.path)
    first = log.hash_at(1) if log.count else None
    own, copies = None, []
    for kept_path, raw in _read().items():
        anchor = _anchor(raw)
        if anchor is None:
            continue
        if kept_path == path:
            own = anchor
        elif anchor.session == first:
            copies.append(anchor)
    if own is None:
        moved = [a for a in copies if identity and a.file == identity]
        if moved:
            own = moved[0]
            copies.remove(own)
    return own, copies


def known_anchor(log: EventLog) -> Anchor | None:
    """What this computer remembers of the log's file (by its path, else as the same file moved)."""
    return known_anchors(log)[0]


def _count(n: int) -> str:
    return f"{n} event" if n == 1 else f"{n} events"


class AnchorNews(NamedTuple):
    """What the anchors tell of a file on open: a warning (the file changed) or a note (a copy of a session)."""

    text: str
    warning: bool
    anchor: Anchor | None = None  # for a warning: what this computer remembers of the file
    change: str = ""  # for a warning, how the file differs from it: REPLACED, REMOVED or REWRITTEN


REPLACED, REMOVED, REWRITTEN = "replaced", "removed", "rewritten"


def anchor_news(log: EventLog) -> AnchorNews | None:
    """A warning when the file has fewer events or another history than when this computer last closed it; a
    note when it is a copy of a session whose other file, written here, has more events or another history."""
    own, copies = known_anchors(log)
    if own is not None:
        found = _changed_since(log, own)
        return AnchorNews(found[1], True, own, found[0]) if found else None
    note = _copy_note(log, copies)
    return AnchorNews(note, False) if note else None


def anchor_warning(log: EventLog) -> str | None:
    """A warning when the file has fewer events or another history than when this computer last closed it."""
    news = anchor_news(log)
    return news.text if news is not None and news.warning else None


def _changed_since(log: EventLog, anchor: Anchor) -> tuple[str, str] | None:
    """How the file differs from this computer's anchor of it (REPLACED, REMOVED, REWRITTEN) and the warning."""
    count = log.count
    when = anchor.when
    if anchor.path != str(log.path.resolve()):
        when += f", as {anchor.path}"  # the same file, moved or renamed since
    if not count or log.hash_at(1) != anchor.session:
        return REPLACED, (
            f"{log.path}: when this computer last closed the session in this file ({when}) it had "
            f"{_count(anchor.events)}; the file now holds another history ({_count(count)}). "
            "It was replaced or rewritten."
        )
    if count < anchor.events:
        return REMOVED, (
            f"{log.path}: this session had {_count(anchor.events)} when last closed on this computer; "
            f"it now has {count} (last closed here {when}). Events were removed from the file."
        )
    if log.hash_at(anchor.events) != anchor.head:
        return REWRITTEN, (
            f"{log.path}: this session's history differs from the one last closed on this computer ({when}): "
            f"event {anchor.events} is not the one written then. The file was rewritten."
        )
    return None


def _copy_note(log: EventLog, copies: list[Anchor]) -> str | None:
    """A note when another file of the session, written here, has more events or another history than log's."""
    count = log.count
    ahead = [a for a in copies if a.events > count or log.hash_at(a.events) != a.head]
    if not ahead:
        return None  # no other file, or this one holds all the others held (a copy moved on since)
    other = max(ahead, key=lambda a: (a.events, a.closed))
    if other.events > count:
        return (
            f"{log.path}: an earlier copy of a session last closed on this computer with "
            f"{_count(other.events)} at {other.path} ({other.when}); this copy has {count}. What is recorded "
            "here is not in that file."
        )
    return (
        f"{log.path}: a copy of a session also kept on this computer at {other.path} ({other.when}); the two "
        "have gone separate ways since. What is recorded here is not in that file."
    )
