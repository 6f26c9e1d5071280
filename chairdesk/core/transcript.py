"""Transcripts and their operations, kept under their scripting name: see chairdesk.core.floor.transcript."""

from .floor import operations
from .floor.operations import *  # noqa: F403  (the floor's operations, listed once in floor/operations.py)
from .floor.transcript import (
    CHAIR_NAMES,
    MAX_BYTES,
    MAX_SPEAKER_WORDS,
    Transcript,
    TranscriptError,
    Turn,
    match_speaker,
    parse_transcript,
    read_transcript,
)

__all__ = [
    "CHAIR_NAMES",
    "MAX_BYTES",
    "MAX_SPEAKER_WORDS",
    "Transcript",
    "TranscriptError",
    "Turn",
    "match_speaker",
    "parse_transcript",
    "read_transcript",
]
__all__ += operations.__all__
