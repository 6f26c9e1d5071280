"""How a draft's parts are labelled: operative numbers, preambular PP numbers, (a) and (i) sub-paragraph labels,
and the negotiators' kept numbers ("7 bis", a struck paragraph keeping its number) until a technical renumbering.

Two modes per session: "live" numbers the paragraphs 1..N in document order after every change; "keep" shows
each paragraph's number as fixed at the last renumbering (the tabled numbers), a new paragraph as "7 bis",
"7 ter" after the kept paragraph it follows, and a struck paragraph keeps its number (struck).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import NamedTuple, Protocol

NUMBERED = "numbered"
PREAMBULAR = "preambular"
KINDS = (NUMBERED, PREAMBULAR)
LIVE = "live"
KEEP = "keep"
MODES = (LIVE, KEEP)
LATIN = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def letter_label(index: int) -> str:
    """Letter of the item at 0-based index: a, b, … z, aa, ab, …"""
    label = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        label = chr(ord("a") + rem) + label
    return label


def roman_label(index: int) -> str:
    """Lower-case roman numeral of the item at 0-based index: i, ii, iii, iv, …"""
    number, out = index + 1, ""
    for value, numeral in _ROMAN:
        while number >= value:
            out += numeral
            number -= value
    return out


def roman_value(text: str) -> int | None:
    """The value of a lower-case roman numeral such as "iv", or None if it is not one."""
    if not text or any(c not in "ivxlcdm" for c in text):
        return None
    for n in range(1, 400):
        if roman_label(n - 1) == text:
            return n
    return None


def latin_suffix(count: int) -> str:
    """The suffix of the count-th paragraph added after a kept one: bis, ter, quater, … (then "bis 11", …)."""
    return LATIN[count - 1] if count <= len(LATIN) else f"bis {count}"


class _Sub(Protocol):
    id: str
    level: int
    struck: bool


def sub_labels(subs: Iterable[_Sub]) -> dict[str, str]:
    """Labels of the live sub-paragraphs: level 1 lettered a, b, …; level 2 roman i, ii, … under each letter."""
    labels: dict[str, str] = {}
    letters = romans = 0
    for sub in subs:
        if sub.struck:
            continue
        if sub.level >= 2:
            labels[sub.id] = roman_label(romans)
            romans += 1
        else:
            labels[sub.id] = letter_label(letters)
            letters += 1
            romans = 0
    return labels


def sub_references(subs: Iterable[_Sub]) -> dict[str, str]:
    """How the live sub-paragraphs are cited after the paragraph's number: "(b)", "(b) (ii)"."""
    subs = list(subs)
    labels = sub_labels(subs)
    out: dict[str, str] = {}
    letter = ""
    for sub in subs:
        if sub.id not in labels:
            continue
        if sub.level >= 2:
            out[sub.id] = f"{letter} ({labels[sub.id]})".strip()
        else:
            letter = f"({labels[sub.id]})"
            out[sub.id] = letter
    return out


class Walked(NamedTuple):
    """One paragraph as the numbering walk sees it (a tuple: made for every paragraph on each renumbering)."""

    id: str
    kind: str
    struck: bool


def paragraph_labels(
    walked: Sequence[Walked], mode: str, kept: dict[str, str]
) -> tuple[dict[str, str], dict[str, int]]:
    """(label shown for each paragraph, live number of each live numbered paragraph).

    Preambular labels are "PP1", "PP2", …; numbered ones "1", "2", … In keep mode a paragraph with a kept
    number shows it (struck or not), one without follows the kept paragraph before it: "7 bis", "7 ter".
    """
    shown: dict[str, str] = {}
    number: dict[str, int] = {}
    if mode != KEEP or not kept:  # nothing tabled yet: numbers follow the text until it is tabled
        numbered = preambular = 0  # (the loop below, without the keep mode's work: it runs on every change)
        for pid, kind, struck in walked:
            if struck:
                continue
            if kind == PREAMBULAR:
                preambular += 1
                shown[pid] = f"PP{preambular}"
            else:
                numbered += 1
                number[pid] = numbered
                shown[pid] = str(numbered)
        return shown, number
    counters = {NUMBERED: 0, PREAMBULAR: 0}
    last = {NUMBERED: (0, 0), PREAMBULAR: (0, 0)}  # (kept number, paragraphs added after it)
    for item in walked:
        prefix = "PP" if item.kind == PREAMBULAR else ""
        if not item.struck:
            counters[item.kind] += 1
            if item.kind == NUMBERED:
                number[item.id] = counters[item.kind]
        if mode != KEEP or not kept:  # nothing tabled yet: numbers follow the text until it is tabled
            if not item.struck:
                shown[item.id] = f"{prefix}{counters[item.kind]}"
            continue
        fixed = kept.get(item.id, "")
        if fixed.startswith("PP") == (item.kind == PREAMBULAR) and fixed.removeprefix("PP").isdigit():
            last[item.kind] = (int(fixed.removeprefix("PP")), 0)
            shown[item.id] = fixed
        elif not item.struck:
            base, added = last[item.kind]
            last[item.kind] = (base, added + 1)
            shown[item.id] = f"{prefix}{base} {latin_suffix(added + 1)}"
    return shown, number


class _Numbered(Protocol):
    kind: str
    struck: bool


class Run(NamedTuple):
    """One section's part of the live numbering: its live paragraphs in order, the operative and the
    preambular ones among them (kept by the draft per section, made again only for a section that changed)."""

    live: list[str]
    numbered: list[str]
    preambular: list[str]


def section_run(items: Iterable[str], paragraphs: Mapping[str, _Numbered]) -> Run:
    """The live, operative and preambular paragraphs among one section's items (sub-headings skipped)."""
    live: list[str] = []
    numbered: list[str] = []
    preambular: list[str] = []
    get = paragraphs.get
    for item in items:
        para = get(item)
        if para is None or para.struck:
            continue
        live.append(item)
        (preambular if para.kind == PREAMBULAR else numbered).append(item)
    return Run(live, numbered, preambular)


def join_runs(runs: Sequence[Run]) -> tuple[list[str], dict[str, str], list[str]]:
    """Live mode from the sections' runs in document order: the live paragraphs, the label of each ("12",
    "PP3"), the numbered ones (an operative paragraph's number is its place among them). Counting is done by
    the runs' lengths, so a change that made one section's run again costs that section and a few list joins
    (issue 15)."""
    order = list(chain.from_iterable(run.live for run in runs))
    numbered = list(chain.from_iterable(run.numbered for run in runs))
    preambular = list(chain.from_iterable(run.preambular for run in runs))
    shown = dict(zip(numbered, _labels(_NUMBERS, "", len(numbered)), strict=True))
    shown.update(zip(preambular, _labels(_PREAMBULAR, "PP", len(preambular)), strict=True))
    return order, shown, numbered


_NUMBERS: list[str] = []  # "1", "2", … made once and shared by every numbering (10,000 labels: 2 ms a change)
_PREAMBULAR: list[str] = []  # "PP1", "PP2", …


def _labels(made: list[str], prefix: str, count: int) -> list[str]:
    """The first count labels prefix1, prefix2, … (the list of those made so far grows when needed)."""
    made.extend(f"{prefix}{n}" for n in range(len(made) + 1, count + 1))
    return made[:count]


def live_numbers(
    items: Iterable[str], paragraphs: Mapping[str, _Numbered]
) -> tuple[list[str], dict[str, int], dict[str, str], list[str]]:
    """Live mode in one pass over the items of the sections in order (sub-headings skipped): the live
    paragraphs, the number of each numbered one, the label of each ("12", "PP3"), the numbered ones.

    The same labels as paragraph_labels in live mode, without a walk made first.
    """
    order, shown, numbered = join_runs([section_run(items, paragraphs)])
    return order, operative_numbers(numbered), shown, numbered


def operative_numbers(numbered: Sequence[str]) -> dict[str, int]:
    """The number of each operative paragraph: its place among them, from 1."""
    return dict(zip(numbered, range(1, len(numbered) + 1), strict=True))


def fixed_numbers(walked: Sequence[Walked]) -> dict[str, str]:
    """The labels a technical renumbering fixes: live paragraphs "1".."N" and "PP1".."PPn", struck ones dropped."""
    counters = {NUMBERED: 0, PREAMBULAR: 0}
    out: dict[str, str] = {}
    for item in walked:
        if not item.struck:
            counters[item.kind] += 1
            out[item.id] = ("PP" if item.kind == PREAMBULAR else "") + str(counters[item.kind])
    return out


def valid_kept(label: object) -> bool:
    """Whether a kept label is "12" or "PP3" (a number from 1)."""
    if not isinstance(label, str):
        return False
    digits = label.removeprefix("PP")
    return digits.isdigit() and int(digits) >= 1
