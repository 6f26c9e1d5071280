"""The session core: draft, event log and session file, in plain Python (never imports Qt)."""

from .compare import Comparison, compare, word_diff
from .draft import CHAIR, Draft, Paragraph, Section, SubHeading, SubParagraph
from .errors import (
    BracketError,
    ChairdeskError,
    CorruptSessionError,
    DraftError,
    DraftImportError,
    NewerSchemaError,
    NotASessionError,
    RefusedError,
    SessionFileError,
    SessionLockedError,
)
from .eventlog import Event
from .session import Session
from .state import Change, SessionState

__all__ = [
    "CHAIR",
    "BracketError",
    "Change",
    "ChairdeskError",
    "Comparison",
    "CorruptSessionError",
    "Draft",
    "DraftError",
    "DraftImportError",
    "Event",
    "NewerSchemaError",
    "NotASessionError",
    "Paragraph",
    "RefusedError",
    "Section",
    "Session",
    "SessionFileError",
    "SessionLockedError",
    "SessionState",
    "SubHeading",
    "SubParagraph",
    "compare",
    "word_diff",
]
