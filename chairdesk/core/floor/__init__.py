"""The floor: the speakers' list and timer, the roster, transcripts and speaking figures.

``chairdesk.core.floor`` re-exports the speakers' list model and the floor operations, as scripts use them.
"""

from . import operations
from .model import (  # noqa: F401
    DEFAULT_SPEAKING_SECONDS,
    KINDS,
    MAX_SECONDS,
    MIN_SECONDS,
    POINT_OF_ORDER,
    RIGHT_OF_REPLY,
    SPEAKER,
    WARNING_SECONDS,
    Intervention,
    Request,
    SpeakersList,
    format_duration,
    minutes_seconds,
    parse_ts,
    seconds_between,
)
from .operations import *  # noqa: F403  (the floor's operations, listed once in operations.py)

__all__ = [
    "DEFAULT_SPEAKING_SECONDS",
    "Intervention",
    "KINDS",
    "MAX_SECONDS",
    "MIN_SECONDS",
    "POINT_OF_ORDER",
    "RIGHT_OF_REPLY",
    "Request",
    "SPEAKER",
    "SpeakersList",
    "WARNING_SECONDS",
    "format_duration",
    "minutes_seconds",
    "parse_ts",
    "seconds_between",
]
__all__ += operations.__all__
