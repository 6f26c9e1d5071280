"""Snapshots: a cache of the derived session state, so a large session this user opened before opens fast.

The log stays the only truth. A snapshot is the SessionState after event N, kept in the user's cache folder
(never in or beside the session file), under the session's first event hash, with the seq and hash of event
N, the session file's size, modification time and inode when the snapshot was written, and a fingerprint of
the code that derives state. On open all of them must match (the file's event N carries that hash, the file
is byte for byte the one chairdesk last wrote, as far as its size and time tell, and the code is this one);
then the snapshot is loaded and only the events after N (committed to the -wal since) are applied. Anything
else (another history, a shorter, copied or edited file, other code, an unreadable or foreign cache file)
is ignored, and the session is replayed from its first event as without a cache. Only files this user wrote
into the cache folder (owned by this user, not writable by others) are ever unpickled.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from .components import new_state
from .errors import SessionFileError
from .state import collector_held

if TYPE_CHECKING:
    from ..draft.model import Draft
    from .eventlog import EventLog
    from .state import SessionState

APP = "chairdesk"
FORMAT = 1  # raised whenever the file layout below changes
MAGIC = b"chairdesk-snapshot\n"
SUFFIX = ".snapshot"
KEEP_PER_SESSION = 3  # snapshots kept per session (the newest ones; copies may have diverged)
KEEP_SESSIONS = 20  # sessions with snapshots kept (those used last)
MAX_BYTES = 512 * 2**20  # and no more than this in all: the oldest go first (the one just written stays)
SHARED = ("components", "_owners", "_owner_of")  # stateless parts of SessionState: not stored, re-attached


def cache_dir() -> Path:
    """The folder snapshots are kept in: the app's cache folder (platformdirs), or $CHAIRDESK_CACHE_DIR."""
    env = os.environ.get("CHAIRDESK_CACHE_DIR")
    base = Path(env) if env else Path(platformdirs.user_cache_dir(APP, appauthor=False))
    return base / "snapshots"


@cache
def code_fingerprint() -> str:
    """A hash of what derives the state: chairdesk's version, Python's, and the source of chairdesk.core."""
    from ...version import app_version

    digest = hashlib.sha256(f"{app_version()}|{sys.version_info[:2]}|{FORMAT}".encode())
    core = Path(__file__).resolve().parent.parent
    sources = sorted(_sources(core))
    for path in sources:
        digest.update(path.relative_to(core).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    if not sources:  # a frozen bundle keeps no sources: its executable stands for its code
        info = Path(sys.executable).stat()
        digest.update(f"{sys.executable}|{info.st_size}|{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _sources(folder: Path) -> list[Path]:
    found: list[Path] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                found.extend(_sources(Path(entry.path)))
            elif entry.name.endswith(".py"):
                found.append(Path(entry.path))
    return found


def _session_dir(log: EventLog) -> Path | None:
    """The folder of this session's snapshots (by its first event's hash), or None for an empty log."""
    first = log.hash_at(1)
    if not first or not all(c in "0123456789abcdef" for c in first):
        return None
    return cache_dir() / first[:32]


def _name(seq: int, digest: str) -> str:
    return f"{seq:010d}-{digest[:16]}{SUFFIX}"


def file_stamp(path: Path) -> list[int]:
    """What tells this session file's bytes changed: its size, modification time (ns) and inode."""
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns, info.st_ino]


def _own(path: Path) -> bool:
    """Whether the file was written by this user and nobody else can write it (POSIX; elsewhere: True)."""
    if not hasattr(os, "getuid"):
        return True
    info = path.lstat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022 and path.is_file()


def _header(seq: int, digest: str, stamp: list[int]) -> dict[str, Any]:
    return {"format": FORMAT, "code": code_fingerprint(), "seq": seq, "hash": digest, "file": stamp}


@dataclass
class Restored:
    """What a snapshot gives back: the state after its last event, and drafts of earlier moments by seq."""

    state: SessionState
    drafts_at: dict[int, Draft] = field(default_factory=dict)
    derived: dict[str, Any] = field(default_factory=dict)  # Session.derived: what others derive from the log


def _read(path: Path, header: dict[str, Any]) -> dict[str, Any] | None:
    """What a snapshot file holds if its header is the one expected, else None."""
    with path.open("rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            raise ValueError("not a snapshot")
        found = json.loads(handle.readline())
        if found != header:
            if found.get("format") != FORMAT or found.get("code") != code_fingerprint():
                raise ValueError("made by other code")
            return None
        with collector_held():  # (a state's objects all live on: no collection walks them)
            content = pickle.load(handle)
    if not isinstance(content, dict) or not isinstance(content.get("state"), dict):
        raise ValueError("not a state")
    return content


def load(log: EventLog) -> Restored | None:
    """The state at the newest snapshot that matches the log's history, or None (nothing is read then)."""
    try:
        folder = _session_dir(log)
        if folder is None or not folder.is_dir():
            return None
        names = sorted((p.name for p in folder.iterdir() if p.name.endswith(SUFFIX)), reverse=True)
        stamp = file_stamp(log.path)
    except (OSError, SessionFileError):
        return None
    for name in names:
        path = folder / name
        try:
            seq, short = int(name[:10]), name[11 : -len(SUFFIX)]
            digest = log.hash_at(seq)
            if digest is None or digest[:16] != short or not _own(path):
                continue
            content = _read(path, _header(seq, digest, stamp))
            if content is None:
                continue
            fields, drafts, derived = content["state"], content.get("drafts_at"), content.get("derived")
            state = new_state()
            if set(fields) != set(vars(state)) - set(SHARED) or fields.get("seq") != seq:
                raise ValueError("another shape of state")
            if not isinstance(drafts, dict) or not all(type(k) is int and 0 <= k <= seq for k in drafts):
                raise ValueError("another shape of drafts")
            if not isinstance(derived, dict):
                raise ValueError("another shape of derived data")
            vars(state).update(fields)
            os.utime(path)  # the newest used is kept longest
            return Restored(state, drafts, derived)
        except SessionFileError:
            return None  # the session file cannot be read here: the full replay says why
        except Exception:  # noqa: BLE001 - any problem with a cache file only means it is not used
            path.unlink(missing_ok=True)
    return None


def restore(log: EventLog) -> Restored | None:
    """The state of the whole log from a snapshot and the events after it, or None to replay everything."""
    restored = load(log)
    if restored is None:
        return None
    tail = log.events_after(restored.state.seq)
    try:
        for event in tail:
            restored.state.apply(event)
    except Exception:  # noqa: BLE001 - the full replay applies them again and names any real problem
        return None
    return restored


def key(log: EventLog, state: SessionState) -> tuple[Path, Path, str] | None:
    """Where a snapshot of the state goes and the hash of its last event, or None if it is not the log's.

    Taken while the log is open; save() is called with it once the file is as it will stay (after the
    checkpoint of the close), since the snapshot records the file's size and time then.
    """
    try:
        digest = log.hash_at(state.seq)
        folder = _session_dir(log)
    except Exception:  # noqa: BLE001 - the cache never stops a close
        return None
    if folder is None or digest is None or state.seq != log.count:
        return None
    return folder, log.path, digest


def save(
    where: tuple[Path, Path, str],
    state: SessionState,
    drafts_at: dict[int, Draft] | None = None,
    derived: dict[str, Any] | None = None,
) -> Path | None:
    """Write the state (drafts of earlier moments by seq, data derived by others) where key() said; None if not.

    Written under a temporary name and moved into place, so a reader never sees half a file; a failure
    (a full disk, a read-only cache folder) is silent: the cache is only ever a shortcut.
    """
    folder, session_path, digest = where
    try:
        folder.mkdir(
            parents=True, exist_ok=True, mode=0o700
        )  # first: a cache that cannot be written costs nothing
        fields = {key: value for key, value in vars(state).items() if key not in SHARED}
        header = _header(state.seq, digest, file_stamp(session_path))
        content = {"state": fields, "drafts_at": dict(drafts_at or {}), "derived": dict(derived or {})}
        data = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
        handle, name = tempfile.mkstemp(prefix=".", suffix=".part", dir=folder)
        temp = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + json.dumps(header).encode() + b"\n")
                out.write(data)
            target = folder / _name(state.seq, digest)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
        prune(folder)
        return target
    except Exception:  # noqa: BLE001 - never let the cache stop a close or a checkpoint
        return None


def prune(keep: Path | None = None) -> None:
    """Keep the newest snapshots of each session, of the sessions used last, within MAX_BYTES; remove the rest."""
    root = cache_dir()
    try:
        folders = sorted((p for p in root.iterdir() if p.is_dir()), key=_newest, reverse=True)
    except OSError:
        return
    kept: list[tuple[int, int, Path]] = []  # (time, size, file) of every snapshot kept
    for rank, folder in enumerate(folders):
        try:
            files = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime_ns, reverse=True)
            drop = files if rank >= KEEP_SESSIONS and folder != keep else files[KEEP_PER_SESSION:]
            for path in drop:
                path.unlink(missing_ok=True)
            if len(drop) == len(files):
                folder.rmdir()
            kept.extend(
                (info.st_mtime_ns, info.st_size, path)
                for path in files[: len(files) - len(drop)]
                for info in [path.stat()]
            )
        except OSError:
            continue
    total = sum(size for _, size, _ in kept)
    for _, size, path in sorted(kept)[:-1]:  # the oldest first, never the newest
        if total <= MAX_BYTES:
            break
        path.unlink(missing_ok=True)
        total -= size


def _newest(folder: Path) -> int:
    try:
        return max((p.stat().st_mtime_ns for p in folder.iterdir()), default=0)
    except OSError:
        return 0
