"""Finding a delegation the way chairs type it: without accents, with either apostrophe, by alias or code.

Names are compared folded (`fold`): accents dropped ("Türkiye" → "turkiye"), the typographic apostrophes
(’ ‘ ʼ `) read as ', dots dropped ("U.K." → "uk"), case and runs of spaces ignored. `resolve_typed` decides
what Enter does with typed text:

- an exact code, name or alias wins (codes first, then names, then aliases);
- otherwise the delegations with a name or alias word starting with the text are the candidates, and failing
  those the ones whose name or alias contains it;
- one candidate is taken; several are shown to the chair and none is taken.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, Protocol, TypeVar


class Named(Protocol):
    """What is matched: a delegation's code, name and aliases (roster.Delegation; no import, no cycle)."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...


Delegation = TypeVar("Delegation", bound=Named)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "\u2010": "-", "\u2011": "-"})
_WORD_SPLIT = re.compile(r"[\s\-'(),/]+")
CANDIDATES_SHOWN = 8


@lru_cache(maxsize=8192)  # the roster's names and the transcript's are folded again on every figures refresh
def fold(text: str) -> str:
    """Text as compared for matching: no accents, one apostrophe, no dots, case and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("ı", "i").replace("ø", "o").replace("ß", "ss").replace(".", "")
    return " ".join(bare.casefold().split())


@dataclass(frozen=True)
class _Entry(Generic[Delegation]):
    """One delegation's folded code, name and aliases, and the words they start."""

    delegation: Delegation
    code: str
    names: tuple[str, ...]  # the name first, then the aliases
    words: tuple[str, ...]
    haystack: str  # the names on lines of their own: one `in` test rules out most delegations per keystroke


@dataclass
class NameIndex(Generic[Delegation]):
    """The roster's names folded once, so that each keystroke of the type-ahead is a scan of short strings."""

    entries: list[_Entry[Delegation]] = field(default_factory=list)
    _exact: tuple[dict[str, list[Delegation]], ...] = field(default_factory=lambda: ({}, {}, {}))
    # the delegations by folded code, by name and by alias

    @classmethod
    def build(cls, delegations: Sequence[Delegation]) -> NameIndex[Delegation]:
        """An index of these delegations, in roster order."""
        entries = []
        by_code: dict[str, list[Delegation]] = {}
        by_name: dict[str, list[Delegation]] = {}
        by_alias: dict[str, list[Delegation]] = {}
        for d in delegations:
            names = tuple(dict.fromkeys(fold(n) for n in (d.name, *d.aliases) if fold(n)))
            words = tuple(dict.fromkeys(w for n in names for w in _WORD_SPLIT.split(n) if w))
            entries.append(_Entry(d, d.code.casefold(), names, words, "\n".join(names)))
            by_code.setdefault(d.code.casefold(), []).append(d)
            for index, name in enumerate(names):
                (by_alias if index else by_name).setdefault(name, []).append(d)
        return cls(entries, (by_code, by_name, by_alias))

    def exact(self, text: str) -> list[Delegation]:
        """The delegations the text names exactly: by code, else by name, else by alias."""
        key = fold(text)
        if not key:
            return []
        for table in self._exact:
            if key in table:
                return list(table[key])
        return []

    def tiers(self, text: str) -> tuple[list[Delegation], list[Delegation], list[Delegation]]:
        """(exact, a name or alias word starts with the text, a name or alias contains it), no repeats."""
        key = fold(text)
        if not key:
            return [], [], []
        exact = self.exact(text)
        seen = {id(d) for d in exact}
        starts, contains = [], []
        for e in self.entries:
            if key not in e.haystack or id(e.delegation) in seen:
                continue
            if any(n.startswith(key) for n in e.names) or any(w.startswith(key) for w in e.words):
                starts.append(e.delegation)
            elif any(key in n for n in e.names):
                contains.append(e.delegation)
        return exact, starts, contains


@dataclass(frozen=True)
class Resolution(Generic[Delegation]):
    """What typed text stands for: one delegation, or the candidates the chair chooses from (maybe none)."""

    text: str
    delegation: Delegation | None
    candidates: tuple[Delegation, ...] = ()

    @property
    def message(self) -> str:
        """Why nothing was taken, in the chair's words ("" when a delegation was found)."""
        typed = self.text.strip()
        if self.delegation is not None:
            return ""
        if not self.candidates:
            return f"No delegation on the roster matches “{typed}”."
        shown = ", ".join(d.name for d in self.candidates[:CANDIDATES_SHOWN])
        more = len(self.candidates) - CANDIDATES_SHOWN
        tail = f" and {more} more" if more > 0 else ""
        return f"“{typed}” matches {shown}{tail}: choose one or type more letters."


def resolve_typed(index: NameIndex[Delegation], text: str) -> Resolution[Delegation]:
    """The one delegation typed text stands for, or the candidates when it is not one (see the module)."""
    exact, starts, contains = index.tiers(text)
    for tier in (exact, starts, contains):
        if len(tier) == 1:
            return Resolution(text, tier[0], (tier[0],))
        if tier:
            return Resolution(text, None, tuple(tier))
    return Resolution(text, None, ())
