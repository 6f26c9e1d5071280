"""Meeting transcripts attached to a session: words spoken, turns and (where the transcript has times) seconds.

The layouts read are those of `transcript_layouts`: IGF/UN captioning (">> NAME: text", unnamed ">> text"),
times before or after the name, numbered lines, and "Speaker name:" on a line of its own. Lines before the first
turn (a title, a disclaimer) and a trailing block of figures are left out; consecutive blocks by one named
speaker make one turn; each unnamed ">>" turn is a turn of its own, listed (as "(unnamed, line N)") for the chair
to map, never added to the speaker before it. A text with fewer than two turns is not a transcript.

Names are matched to delegations by code, name or alias as chairs type them (no accents, either apostrophe),
ignoring a leading "Team", "Delegation of", "Representative of" or a title; "Chair", "Chairperson",
"President", "Moderator" are the chair. The chair's mapping of a name (a transcript.map event) is kept while
transcripts are attached and detached, so that "MODERATOR" is mapped once for the session.

Events:

    transcript.attach {source, text}       the whole text is kept in the event, so the record stands alone
    transcript.map    {name, delegation}    delegation: a code, "chair", or None to leave the name out
    transcript.detach {}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..log.errors import ChairdeskError
from .names import fold
from .transcript_layouts import (
    MAX_SPEAKER_WORDS,  # noqa: F401  (kept under its old name)
    LayoutError,
    parse_time,
    read_blocks,
    two_part_times_are_minutes,
)

if TYPE_CHECKING:
    from .roster import Roster

CHAIR_NAMES = ("chair", "chairperson", "chairman", "chairwoman", "president", "moderator", "the chair")
UNNAMED = "(unnamed, line {line})"
_PREFIXES = re.compile(
    r"^(team|the delegation of|delegation of|delegate of|representative of|the representative of|"
    r"he(?= (?:mr|ms|mrs|dr|ambassador) )|his excellency|her excellency|mr\.?|ms\.?|mrs\.?|dr\.?|ambassador)\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w", re.UNICODE)
_NOTE = re.compile(r"^\s*[(\[][^()\[\]]*[)\]]\s*$")  # "(off microphone)", "[applause]": the captioner's
MAX_BYTES = 20_000_000


class TranscriptError(ChairdeskError):
    """A transcript file cannot be used; the message names the file (and line)."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}, line {line}" if line else str(self.path)
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Turn:
    """One speaker's block of text in the transcript (speaker "(unnamed, line N)" for a ">>" turn with no name)."""

    speaker: str
    text: str
    line: int
    seconds: float | None = None  # from the transcript's times: until the next turn starts
    named: bool = True

    @property
    def words(self) -> int:
        """Words in the turn: tokens with a letter or digit ("—" and "..." are not words; nor are notes)."""
        kept = (line for line in self.text.splitlines() if not _NOTE.match(line))
        return sum(1 for line in kept for token in line.split() if _WORD.search(token))


def _with_durations(turns: list[Turn], starts: list[float | None], clock: bool) -> list[Turn]:
    """The turns with seconds from one start to the next (a clock's times may pass midnight)."""
    result = []
    for index, turn in enumerate(turns):
        start = starts[index]
        following = starts[index + 1] if index + 1 < len(starts) else None
        seconds = None
        if start is not None and following is not None:
            seconds = following - start
            if seconds < 0 and clock:
                seconds += 24 * 3600
            seconds = seconds if seconds >= 0 else None
        result.append(Turn(turn.speaker, turn.text, turn.line, seconds, turn.named))
    return result


def parse_transcript(text: str, source: str | Path = "transcript", strict: bool = True) -> list[Turn]:
    """The turns of a transcript text (TranscriptError naming the source, and line, if it is not one).

    Not strict: the text of a transcript already recorded in a session (an older chairdesk took a single
    turn), read as well as it can be so that the session opens."""
    try:
        blocks = read_blocks(text)
    except LayoutError as error:
        raise TranscriptError(source, error.problem, error.line) from None
    times = [b.time for b in blocks if b.time]
    minutes = two_part_times_are_minutes(times)
    turns: list[Turn] = []
    starts: list[float | None] = []
    for block in blocks:
        start = parse_time(block.time, minutes) if block.time else None
        if block.speaker is not None and turns and turns[-1].named and turns[-1].speaker == block.speaker:
            previous = turns.pop()
            turns.append(Turn(previous.speaker, f"{previous.text}\n{block.text}".strip(), previous.line))
            continue
        speaker = block.speaker if block.speaker is not None else UNNAMED.format(line=block.line)
        turns.append(Turn(speaker, block.text, block.line, None, block.speaker is not None))
        starts.append(start)
    if not turns and strict:
        raise TranscriptError(
            source,
            'no "Speaker name:" line and no ">> NAME:" turn found; each turn starts with the speaker\'s name '
            'and a colon (on its own line, or after ">>" or a time)',
        )
    if len(turns) == 1 and strict:
        raise TranscriptError(
            source,
            f"only one turn found (line {turns[0].line}, {turns[0].speaker}); a transcript has turns by "
            "several speakers — is this a session description or a report?",
        )
    return _with_durations(turns, starts, clock=bool(times) and not minutes)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def read_transcript(path: str | Path) -> str:
    """Read a transcript file and check that it parses; returns its text (TranscriptError names the file)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise TranscriptError(path, "the file is too large for a transcript")
        data = path.read_bytes()
    except FileNotFoundError:
        raise TranscriptError(path, "no such file") from None
    except IsADirectoryError:
        raise TranscriptError(path, "is a folder, not a transcript") from None
    except OSError as error:
        raise TranscriptError(path, f"cannot be read ({error.strerror})") from None
    if b"\x00" in data[:4096]:
        raise TranscriptError(path, "not a text file (save the transcript as plain text)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TranscriptError(path, "not UTF-8 text (save the transcript as UTF-8)", line) from None
    text = text.replace("\f", "\n")  # a form feed (a page break in many transcripts) is whitespace
    if not text.strip():
        raise TranscriptError(path, "the file is empty")
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise TranscriptError(
            path, f"holds an invisible control character (U+{ord(found.group()):04X}); remove it", line
        )
    parse_transcript(text, path)
    return text


def _key(name: str) -> str:
    key = fold(name)
    while True:
        bare = _PREFIXES.sub("", key)
        if bare == key:
            return key
        key = bare


def match_speaker(name: str, roster: Roster) -> str | None:
    """The delegation code (or "chair") a transcript name matches on its own (code, name or alias), or None."""
    if name.startswith("(unnamed"):
        return None
    key = _key(name)
    if key in CHAIR_NAMES or fold(name) in CHAIR_NAMES:
        return "chair"
    exact = roster.exact(key)
    return exact[0].code if len(exact) == 1 else None


@dataclass
class Transcript:
    """The transcript attached to the session (if any), with the chair's mapping of names."""

    source: str = ""
    text: str = ""
    turns: list[Turn] = field(default_factory=list)
    mapping: dict[str, str | None] = field(default_factory=dict)  # name → code, "chair", or None (left out)

    @property
    def attached(self) -> bool:
        """Whether a transcript is attached."""
        return bool(self.turns)

    def names(self) -> list[str]:
        """Speaker names in order of first appearance."""
        return list(dict.fromkeys(t.speaker for t in self.turns))

    def mapped(self, name: str) -> bool:
        """Whether the chair has said whom this name stands for (or to leave it out)."""
        return name in self.mapping

    def resolve(self, name: str, roster: Roster) -> str | None:
        """Who a name stands for: the chair's mapping first, then matching against the roster."""
        if name in self.mapping:
            return self.mapping[name]
        return match_speaker(name, roster)

    def unmatched_names(self, roster: Roster) -> list[str]:
        """Names (and unnamed turns) that match no delegation and that the chair has not mapped yet."""
        return [n for n in self.names() if n not in self.mapping and match_speaker(n, roster) is None]

    def unnamed_turns(self) -> list[Turn]:
        """The ">>" turns with no name, in order."""
        return [t for t in self.turns if not t.named]

    @property
    def timed(self) -> bool:
        """Whether the transcript's times give its turns durations."""
        return any(t.seconds is not None for t in self.turns)

    def keep_mapping(self) -> dict[str, str | None]:
        """The chair's mapping of names, kept for the next transcript (not of unnamed turns: those are lines)."""
        return {n: c for n, c in self.mapping.items() if not n.startswith("(unnamed")}

    def _codes(self, roster: Roster) -> dict[str, str | None]:
        """Each name's delegation, worked out once per name (not once per turn)."""
        return {name: self.resolve(name, roster) for name in self.names()}

    def counts(self, roster: Roster) -> dict[str, tuple[int, int]]:
        """Words and turns per delegation code (the chair's own turns under "chair")."""
        codes = self._codes(roster)
        result: dict[str, tuple[int, int]] = {}
        for turn in self.turns:
            code = codes[turn.speaker]
            if code is None:
                continue
            words, turns = result.get(code, (0, 0))
            result[code] = (words + turn.words, turns + 1)
        return result

    def seconds(self, roster: Roster) -> dict[str, float]:
        """Speaking seconds per delegation code from the transcript's times (turns with a duration)."""
        codes = self._codes(roster)
        result: dict[str, float] = {}
        for turn in self.turns:
            code = codes[turn.speaker]
            if code is not None and turn.seconds is not None:
                result[code] = result.get(code, 0.0) + turn.seconds
        return result
