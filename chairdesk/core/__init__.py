"""The session core: draft, event log and session file, in plain Python (never imports Qt)."""

from .draft.compare import Comparison, compare, word_diff
from .draft.model import CHAIR, Draft, Paragraph, Section, SubHeading, SubParagraph
from .log.change import Change
from .log.errors import (
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
from .log.eventlog import Event
from .log.session import Session
from .log.state import SessionState

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
