"""Square brackets: the spans of text not yet agreed, e.g. "[small and] developing countries"."""

from __future__ import annotations

from ..log.errors import BracketError


def _excerpt(text: str, at: int) -> str:
    start = max(0, at - 20)
    end = min(len(text), at + 20)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def bracket_spans(text: str, where: str = "the text") -> list[tuple[int, int]]:
    """Return (start, end) of each bracketed span, end exclusive; raise BracketError if nested or unbalanced."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == "[":
            if open_at is not None:
                raise BracketError(
                    f"Nested square brackets in {where} at character {i + 1}: "
                    f'"{_excerpt(text, i)}". Close the bracket opened at character {open_at + 1} first.'
                )
            open_at = i
        elif ch == "]":
            if open_at is None:
                raise BracketError(
                    f'A "]" with no opening "[" in {where} at character {i + 1}: "{_excerpt(text, i)}".'
                )
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        raise BracketError(
            f'A "[" is never closed in {where} (opened at character {open_at + 1}): "{_excerpt(text, open_at)}".'
        )
    return spans


def count_brackets(text: str) -> int:
    """Count the bracketed spans of a text that is already known to be well formed."""
    return text.count("[")


def add_brackets(text: str, start: int, end: int, where: str = "the text") -> str:
    """Bracket text[start:end]; refuse when that would nest or split existing brackets."""
    if not 0 <= start < end <= len(text):
        raise BracketError(f"Select some words in {where} to bracket.")
    result = text[:start] + "[" + text[start:end] + "]" + text[end:]
    bracket_spans(result, where)
    return result


def remove_brackets(text: str, position: int) -> str:
    """Remove the pair of brackets around (or starting at) position, keeping the words inside."""
    for start, end in bracket_spans(text):
        if start <= position < end or position == end:
            return text[:start] + text[start + 1 : end - 1] + text[end:]
    raise BracketError("There is no bracketed text at that place.")
