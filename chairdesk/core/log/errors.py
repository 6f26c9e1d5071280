"""The errors chairdesk raises: every one names what went wrong in words a chair can read."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class ChairdeskError(Exception):
    """Base of every error chairdesk raises on purpose."""


class SessionFileError(ChairdeskError):
    """A session file could not be opened or used; the message names the file."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class NotASessionError(SessionFileError):
    """The file is not a chairdesk session (not SQLite, or another program's database)."""


class CorruptSessionError(SessionFileError):
    """The file is a damaged or truncated chairdesk session."""


class NewerSchemaError(SessionFileError):
    """The file was written by a newer chairdesk than this one."""


class SessionLockedError(SessionFileError):
    """Another chairdesk process has the session open for writing."""


class RefusedError(ChairdeskError):
    """An operation the rules do not allow at this point (e.g. editing an endorsed report)."""


class UnknownKindError(RefusedError):
    """An event whose kind no part of the session knows."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(f"Unknown kind of event: {kind!r}.")


class UnappliableEventError(RefusedError):
    """A committed event the session's state cannot take: says which one and what is wrong with it, in words."""

    def __init__(self, seq: int, kind: str, payload: Any, error: Exception) -> None:
        self.seq = seq
        self.kind = kind
        self.problem = what_is_wrong(kind, payload, error)
        named = f"event {seq}" if isinstance(error, UnknownKindError) else f"event {seq} ({kind})"
        super().__init__(f"{named} {self.problem}")


def what_is_wrong(kind: str, payload: Any, error: Exception) -> str:
    """What an error in applying an event says about the event, in words (never Python's own)."""
    if isinstance(error, UnknownKindError):
        return f"has an unknown kind {kind!r}"
    if isinstance(error, RefusedError):
        return f"is not allowed at that point of the session ({str(error).rstrip('.')})"
    if isinstance(error, KeyError) and error.args and isinstance(error.args[0], str | int):
        missing = error.args[0]
        if missing in _texts(payload):
            return f"names {missing!r}, which the session does not hold at that point"
        return f"lacks its {missing!r}"
    if isinstance(error, IndexError | ValueError):
        return "names a place or an item that the session does not hold at that point"
    return "has a field of the wrong type"


def _texts(value: Any) -> set[Any]:
    """Every text and number among the values of a payload, however deep."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return set().union(*(_texts(item) for item in value)) if value else set()
    return {value} if isinstance(value, str | int) and not isinstance(value, bool) else set()


class DraftError(RefusedError):
    """An operation on the draft that cannot be done (unknown paragraph, bad position, ...)."""


class BracketError(DraftError):
    """Square brackets in a text are nested or unbalanced."""


class DraftImportError(ChairdeskError):
    """A draft file (DOCX or text) could not be imported; the message names the file."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
