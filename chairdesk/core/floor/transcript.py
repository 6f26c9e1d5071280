"""Meeting transcripts attached to a session: words spoken and turns per delegation.

A transcript is plain text in the layout of common meeting transcripts: a line "Speaker name:" on its own,
then what that speaker said, until the next such line. Lines before the first speaker (a title, a date) are
left out. Speaker names are matched to delegations by name or code, ignoring case and a leading "Team",
"Delegation of" or "Representative of"; "Chair", "Chairperson", "President", "Moderator" are the chair.
Names that match nothing are listed for the chair to map (a transcript.map event) or to leave out.

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

if TYPE_CHECKING:
    from .roster import Roster

CHAIR_NAMES = ("chair", "chairperson", "chairman", "chairwoman", "president", "moderator", "the chair")
_SPEAKER_LINE = re.compile(r"^\s*([^\s:][^:]{0,59}?)\s*:\s*$")
_PREFIXES = re.compile(
    r"^(team|the delegation of|delegation of|delegate of|representative of|the representative of)\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w", re.UNICODE)
MAX_SPEAKER_WORDS = 8
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
    """One speaker's block of text in the transcript."""

    speaker: str
    text: str
    line: int

    @property
    def words(self) -> int:
        """Words in the turn (tokens with at least one letter or digit)."""
        return sum(1 for token in self.text.split() if _WORD.search(token))


def parse_transcript(text: str, source: str | Path = "transcript") -> list[Turn]:
    """The turns of a transcript text; consecutive blocks by the same speaker make one turn."""
    turns: list[Turn] = []
    speaker: str | None = None
    start = 0
    body: list[str] = []

    def close() -> None:
        if speaker is None:
            return
        joined = "\n".join(body).strip()
        if turns and turns[-1].speaker == speaker:
            previous = turns.pop()
            joined = f"{previous.text}\n{joined}".strip()
            turns.append(Turn(speaker, joined, previous.line))
        else:
            turns.append(Turn(speaker, joined, start))

    for number, line in enumerate(text.splitlines(), start=1):
        match = _SPEAKER_LINE.match(line)
        if match and len(match.group(1).split()) <= MAX_SPEAKER_WORDS:
            close()
            speaker, start, body = " ".join(match.group(1).split()), number, []
        elif speaker is not None:
            body.append(line)
    close()
    if not turns:
        raise TranscriptError(
            source,
            'no "Speaker name:" line found; each turn starts with the speaker\'s name and a colon on its own line',
        )
    return turns


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
    return _PREFIXES.sub("", " ".join(name.split())).casefold()


def match_speaker(name: str, roster: Roster) -> str | None:
    """The delegation code (or "chair") a transcript name matches on its own, or None."""
    key = _key(name)
    if key in CHAIR_NAMES or name.strip().casefold() in CHAIR_NAMES:
        return "chair"
    for d in roster.delegations:
        if key in (_key(d.name), d.code.casefold()):
            return d.code
    return None


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

    def resolve(self, name: str, roster: Roster) -> str | None:
        """Who a name stands for: the chair's mapping first, then matching against the roster."""
        if name in self.mapping:
            return self.mapping[name]
        return match_speaker(name, roster)

    def unmatched_names(self, roster: Roster) -> list[str]:
        """Names that match no delegation and that the chair has not mapped yet."""
        return [n for n in self.names() if n not in self.mapping and match_speaker(n, roster) is None]

    def counts(self, roster: Roster) -> dict[str, tuple[int, int]]:
        """Words and turns per delegation code (the chair's own turns under "chair")."""
        result: dict[str, tuple[int, int]] = {}
        for turn in self.turns:
            code = self.resolve(turn.speaker, roster)
            if code is None:
                continue
            words, turns = result.get(code, (0, 0))
            result[code] = (words + turn.words, turns + 1)
        return result
