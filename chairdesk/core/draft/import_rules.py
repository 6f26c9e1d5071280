"""How an imported line is read: its typed label ("12.", "(b)", "(iv)"), whether it opens like a preambular
paragraph ("Recalling", "Noting with concern"), and Markdown's inline marks (italics, links, footnotes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbering import letter_label, roman_value

NUMBER = re.compile(r"^\s*\d{1,4}\s*[.)](?!\d)\s*(?=\S)")  # "1.5 billion" is a figure, not a number
LABEL = re.compile(r"^\s*(?:\(([a-z]{1,4})\)|([a-z]{1,2})\))\s*(?=\S)")
# The opening words of preambular paragraphs in UN resolutions (a paragraph opening so, ending with a comma,
# and not numbered, is preambular). Longest first, so "Noting with concern" wins over "Noting".
OPENINGS = sorted(
    (
        "Acknowledging", "Affirming", "Alarmed", "Appreciating", "Aware", "Bearing in mind", "Believing",
        "Cognizant", "Commending", "Concerned", "Conscious", "Considering", "Convinced", "Deeply concerned",
        "Deploring", "Desiring", "Determined", "Emphasizing", "Emphasising", "Encouraged", "Expressing",
        "Fully aware", "Gravely concerned", "Guided by", "Having adopted", "Having considered", "Having examined",
        "Highlighting", "Keeping in mind", "Mindful", "Noting", "Noting with appreciation", "Noting with concern",
        "Noting with satisfaction", "Observing", "Reaffirming", "Realizing", "Recalling", "Recognizing",
        "Recognising", "Regretting", "Reiterating", "Seeking", "Stressing", "Taking into account",
        "Taking note", "Underlining", "Underscoring", "Welcoming",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
_OPENING = re.compile(
    r"^(?:(?:Also|Further|Further also|Recalling also|Also recalling)\s+)?(" + "|".join(OPENINGS) + r")\b"
    r"(?:\s+(?:also|further|again|with (?:deep |grave )?(?:concern|appreciation|satisfaction)))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Label:
    """A typed label at the start of a line: its level (0 number, 1 letter, 2 roman) and its length."""

    level: int
    length: int


class LabelReader:
    """Reads typed labels, telling "(i)" the roman numeral from "(i)" the letter after "(h)"."""

    def __init__(self) -> None:
        self.last_letter = ""
        self.last_roman = 0

    def paragraph_started(self) -> None:
        """A new numbered paragraph: letters and numerals start again."""
        self.last_letter, self.last_roman = "", 0

    def read(self, text: str) -> Label | None:
        """The label at the start of text, or None."""
        number = NUMBER.match(text)
        if number:
            return Label(0, number.end())
        found = LABEL.match(text)
        if not found:
            return None
        name = found.group(1) or found.group(2)
        roman = roman_value(name)
        next_letter = letter_label(_letter_index(self.last_letter) + 1) if self.last_letter else "a"
        continues_numerals = self.last_roman > 0 and roman == self.last_roman + 1
        if roman is not None and (name != next_letter or continues_numerals):
            self.last_roman = roman
            return Label(2, found.end())
        if len(name) > 2 or not name.isalpha():
            return None
        self.last_letter, self.last_roman = name, 0
        return Label(1, found.end())

    def level_seen(self, level: int) -> None:
        """A Word-numbered line at this level: keep the counting in step with it."""
        if level == 1:
            self.last_letter = letter_label(_letter_index(self.last_letter) + 1) if self.last_letter else "a"
            self.last_roman = 0
        elif level == 2:
            self.last_roman += 1
        else:
            self.paragraph_started()


def _letter_index(label: str) -> int:
    index = 0
    for char in label:
        index = index * 26 + (ord(char) - 96)
    return index - 1


def opening_words(text: str) -> int:
    """How many words a known preambular opening takes ("Noting with concern" 3), 0 if none."""
    found = _OPENING.match(text)
    return len(found.group(0).split()) if found else 0


def opens_preambular(text: str) -> bool:
    """A line that opens with a known preambular phrase and ends with a comma."""
    return bool(opening_words(text)) and text.rstrip().endswith(",")


def italic_word_count(text: str, italic_chars: int) -> int:
    """How many whole words the leading italic characters cover (0 if they stop inside a word)."""
    if italic_chars <= 0:
        return 0
    head = text[:italic_chars].rstrip(" ,;:")
    if not head or (
        italic_chars < len(text) and text[italic_chars - 1].isalnum() and text[italic_chars].isalnum()
    ):
        return 0
    return len(head.split())


# ------------------------------------------------------------------ Markdown inline
_MD_LINK = re.compile(r"!?\[([^\]\[]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\]\[]+)\]\[[^\]]*\]")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_MD_ITALIC = re.compile(r"(?<![\w*\\])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
NOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
LINK_DEFINITION = re.compile(r"^\[[^\]^][^\]]*\]:\s*\S+")
RULE = re.compile(r"^(?:\*\s*){3,}$|^(?:-\s*){3,}$|^(?:_\s*){3,}$")


@dataclass
class InlineText:
    """A Markdown line without its marks: the text, its first italic stretch (start, end), note ids."""

    text: str
    italic: tuple[int, int] | None
    notes: list[str]


def markdown_inline(line: str) -> InlineText:
    """Drop Markdown's inline marks: links keep their words, footnote markers become note ids, *italics*
    lose their stars (the first italic stretch is kept); escaped \\[ and \\] stay as brackets."""
    notes: list[str] = []

    def note(found: re.Match) -> str:
        notes.append(found.group(1))
        return ""

    text = _MD_NOTE_REF.sub(note, line)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = _MD_REF_LINK.sub(lambda m: m.group(1), text)
    text = _MD_AUTOLINK.sub(lambda m: m.group(1), text)
    text = text.replace("\\[", "[").replace("\\]", "]")
    out: list[str] = []
    span: tuple[int, int] | None = None
    cursor = 0
    for found in _MD_ITALIC.finditer(text):
        out.append(text[cursor : found.start()])
        start = sum(len(piece) for piece in out)
        out.append(found.group(2))
        if span is None and len(found.group(1)) != 2:  # **bold** is not italics
            span = (start, start + len(found.group(2)))
        cursor = found.end()
    out.append(text[cursor:])
    plain = "".join(out).replace("\\*", "*").replace("\\_", "_")
    return InlineText(plain, span, notes)


def italic_after_label(text: str, span: tuple[int, int] | None, label_end: int) -> int:
    """How many characters of italics open the text once its label (label_end characters) is cut off."""
    if span is None:
        return 0
    start = label_end
    while start < len(text) and text[start].isspace():
        start += 1
    return span[1] - start if span[0] <= start < span[1] else 0
