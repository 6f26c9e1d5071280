"""The errors chairdesk raises: every one names what went wrong in words a chair can read."""

from __future__ import annotations

from pathlib import Path


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
