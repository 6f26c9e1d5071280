"""The layouts transcripts are published in, read line by line into blocks (a speaker, where the turn starts, text).

Each line is read in this order:

- ``>> NAME: text`` (IGF and UN real-time captioning; the line may be indented, NAME is in capitals or is a
  name or a role such as "Moderator") starts a named turn; ``>> text`` starts an unnamed turn of its own;
- ``[00:01:23] NAME: text`` or ``00:01:23 NAME: text`` (a time before the name) and ``NAME (14:05):`` or
  ``NAME [00:01:23]`` (a time after it; the text on the same line or the lines below) start a timed turn;
- ``Name:`` on a line of its own, and ``NAME: text`` with the name in capitals, start a turn (not in a file of
  ``>>`` turns, where only ``>>`` lines do);
- any other line belongs to the turn above it (lines before the first turn, a title or a disclaimer, are left
  out).

A file whose lines nearly all start with a number ("12  CHAIR: ...") has those line numbers taken off first.
A block of figures at the end (a statistics table pasted after the transcript) is no one's words. Times
``H:MM:SS`` are offsets from the start of the recording; two-part times are minutes and seconds when the first
time of the file starts with ``00:`` or one of them has more than 23 before the colon, else clock times.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

MAX_SPEAKER_WORDS = 8
MAX_NAME_CHARS = 60
ROLE_NAMES = frozenset(
    "chair chairperson chairman chairwoman president moderator facilitator rapporteur secretariat "
    "audience attendee participant speaker interpreter host panelist panellist co-chair vice-chair".split()
)
_PARTICLES = frozenset(
    "of de da das do dos du del della la le van von der den al el bin ibn and the y e".split()
)

_TIME = r"(\d{1,2}:\d{2}(?::\d{2})?)"
_NAME = r"([^\W\d_][\w .'’()&/-]{0,59}?)"  # a letter, then at most 59 more (MAX_NAME_CHARS)
_CAPTION = re.compile(r"^\s*>>\s?(.*)$")
_NAMED = re.compile(rf"^{_NAME}\s*:\s*(.*)$")
_TIME_FIRST = re.compile(rf"^\s*[\[(]?{_TIME}[\])]?\s+{_NAME}\s*:\s*(.*)$")
_TIME_AFTER = re.compile(rf"^\s*{_NAME}\s*[\[(]{_TIME}[\])]\s*(?:(:)\s*(.*))?$")
_OWN_LINE = re.compile(r"^\s*([^\s:][^:]{0,59}?)\s*:\s*$")
_LINE_NUMBER = re.compile(r"^\s*(\d{1,5})(?:[.)]\s*|\s+|$)")
_FIGURE_TOKEN = re.compile(r"^[-+(]?[$€£%]?\d[\d.,:/%-]*[%)]?$")


class LayoutError(ValueError):
    """The text cannot be read as a transcript; the message says why (and line, where there is one)."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        self.problem = problem
        self.line = line
        super().__init__(problem)


@dataclass
class Block:
    """A stretch of the transcript by one speaker (None: a ">>" turn with no name), as it was read."""

    speaker: str | None
    line: int
    lines: list[str] = field(default_factory=list)
    time: str | None = None

    @property
    def text(self) -> str:
        """The block's text, blank lines at either end dropped."""
        return "\n".join(self.lines).strip()


def clean_lines(text: str) -> list[str]:
    """The text's lines (numbered as an editor numbers them); a form feed is a space; LayoutError for others."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ")
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        for char in line:
            if char != "\t" and unicodedata.category(char) == "Cc":
                raise LayoutError(
                    f"a control character (U+{ord(char):04X}) in the text; save the transcript as plain text",
                    number,
                )
    return [line.replace("\u2028", " ").replace("\u2029", " ") for line in lines]


def looks_like_a_name(name: str, strict: bool) -> bool:
    """Whether text before a colon is a speaker's name (strict: in capitals, a capitalised name, or a role)."""
    words = name.split()
    if not words or len(words) > MAX_SPEAKER_WORDS or len(name) > MAX_NAME_CHARS:
        return False
    if any(c in name for c in '?!;"“”') or name.rstrip().endswith(","):
        return False
    if not strict:
        return True
    letters = [c for c in name if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    if len(words) == 1:
        return name.strip(" .").casefold() in ROLE_NAMES
    return all(w[0].isupper() or not w[0].isalpha() or w.casefold() in _PARTICLES for w in words)


def _in_capitals(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def strip_line_numbers(lines: list[str]) -> list[str]:
    """The lines without their line numbers, if nearly every line (and at least three) starts with one."""
    numbered = [(i, _LINE_NUMBER.match(line)) for i, line in enumerate(lines) if line.strip()]
    hits = [(i, m) for i, m in numbered if m is not None]
    if len(hits) < 3 or len(hits) < 0.8 * len(numbered):
        return lines
    values = [int(m.group(1)) for _, m in hits]
    rising = sum(1 for a, b in zip(values, values[1:], strict=False) if b > a)
    if rising < 0.9 * (len(values) - 1):
        return lines
    result = list(lines)
    for i, m in hits:
        result[i] = lines[i][m.end() :]
    return result


def _caption_block(rest: str, number: int) -> Block:
    """The block a ">>" line starts: named (with a time, if it has one) or unnamed."""
    timed = _TIME_AFTER.match(rest) or _TIME_FIRST.match(rest)
    if timed:
        name, time, text = (
            (timed.group(1), timed.group(2), timed.group(4))
            if timed.re is _TIME_AFTER
            else (timed.group(2), timed.group(1), timed.group(3))
        )
        if looks_like_a_name(name, strict=True):
            return Block(" ".join(name.split()), number, [text or ""], time)
    named = _NAMED.match(rest)
    if named and looks_like_a_name(named.group(1), strict=True):
        return Block(" ".join(named.group(1).split()), number, [named.group(2)])
    bare = rest.strip()
    if _in_capitals(bare) and bare[-1:].isalpha() and looks_like_a_name(bare, strict=True):
        if len(bare.split()) > 1 or bare.casefold() in ROLE_NAMES:
            return Block(" ".join(bare.split()), number, [])  # ">> NAME" with the words below
    return Block(None, number, [rest])


def _block_start(line: str, number: int, captioned: bool) -> Block | None:
    """The block a line starts, or None if the line continues the one above.

    In a captioned file (">>" turns) only ">>" lines start turns: a speech's own "Note:" is not a speaker."""
    caption = _CAPTION.match(line)
    if caption:
        return _caption_block(caption.group(1).strip(), number)
    if captioned:
        return None
    timed = _TIME_FIRST.match(line)
    if timed and looks_like_a_name(timed.group(2), strict=False):
        return Block(" ".join(timed.group(2).split()), number, [timed.group(3)], timed.group(1))
    timed = _TIME_AFTER.match(line)  # "Name (00:12):", or a name in capitals with the time and nothing else
    if timed and looks_like_a_name(timed.group(1), strict=not timed.group(3)):
        return Block(" ".join(timed.group(1).split()), number, [timed.group(4) or ""], timed.group(2))
    own = _OWN_LINE.match(line)
    if own and looks_like_a_name(own.group(1), strict=False):
        return Block(" ".join(own.group(1).split()), number, [])
    named = _NAMED.match(line.strip())
    if named and _in_capitals(named.group(1)) and looks_like_a_name(named.group(1), strict=True):
        return Block(" ".join(named.group(1).split()), number, [named.group(2)])
    return None


def is_figures_line(line: str) -> bool:
    """Whether a line is a row of figures (at least half its tokens numbers, or table cells with a number)."""
    tokens = [t.strip("|:;") for t in line.replace("|", " | ").split()]
    tokens = [t for t in tokens if t]
    if not tokens:
        return False
    figures = sum(1 for t in tokens if _FIGURE_TOKEN.match(t))
    if "|" in line or "\t" in line.strip():
        return figures >= 1 or set(line.strip()) <= set("|-+: ")
    return figures >= 1 and figures * 2 >= len(tokens)


def drop_trailing_figures(block: Block) -> int:
    """Take a trailing block of figures (and the short heading above it) off the last turn; lines taken."""
    lines = block.lines
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    cut = end
    while cut and (is_figures_line(lines[cut - 1]) or not lines[cut - 1].strip()):
        cut -= 1
    figure_lines = sum(1 for line in lines[cut:end] if line.strip())
    if figure_lines < 2:
        return 0
    heading = lines[cut - 1].strip() if cut else ""
    alone = cut < 2 or not lines[cut - 2].strip()
    if heading and len(heading.split()) <= 6 and heading[-1] not in ".!?" and alone:
        cut -= 1
    taken = len(lines) - cut
    del lines[cut:]
    return taken


def read_blocks(text: str) -> list[Block]:
    """The blocks of a transcript text, in order (LayoutError for control characters)."""
    lines = strip_line_numbers(clean_lines(text))
    captioned = sum(1 for line in lines if _CAPTION.match(line)) >= 2
    blocks: list[Block] = []
    for number, line in enumerate(lines, start=1):
        block = _block_start(line, number, captioned)
        if block is not None:
            blocks.append(block)
        elif blocks:
            blocks[-1].lines.append(line)
    if blocks and drop_trailing_figures(blocks[-1]) and not blocks[-1].text:
        blocks.pop()  # "Statistics:" over a table: a heading, not a speaker
    return blocks


def parse_time(value: str, minutes_seconds: bool) -> float:
    """Seconds from a time: H:MM:SS, or two parts as minutes and seconds or as a clock's hours and minutes."""
    parts = [int(p) for p in value.split(":")]
    if len(parts) == 3:
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    if minutes_seconds:
        return parts[0] * 60 + parts[1]
    return parts[0] * 3600 + parts[1] * 60


def two_part_times_are_minutes(times: list[str]) -> bool:
    """Whether the file's two-part times are minutes:seconds (an offset) rather than a clock's hours:minutes."""
    two = [t for t in times if t.count(":") == 1]
    if not two:
        return False
    return times[0].startswith("00:") or any(int(t.split(":")[0]) > 23 for t in two)
