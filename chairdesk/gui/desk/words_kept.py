"""Words typed for a paragraph and not yet committed, kept in memory while the chair reads elsewhere.

Nothing here is written to the session file: the words become an event only when the chair commits them
(Ctrl+Enter, or "Commit them all" when the session closes; see pending_words).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core.draft.model import Draft

PartKey = tuple[str, "str | None"]  # (paragraph id, lettered sub-paragraph id or None for its own text)
TAG_HTML = (
    '<p style="margin:0"><span style="background-color:#fde7b0; color:#7a4b00">'
    "&nbsp;✎ not committed&nbsp;</span></p>"
)


@dataclass
class Pending:
    """Words typed for one part of a paragraph: the words, the text they were typed against, "On behalf of"."""

    text: str
    base: str
    actor: str


class PendingWords:
    """The words not committed, per paragraph and part, in memory only."""

    def __init__(self) -> None:
        self.entries: dict[PartKey, Pending] = {}

    def keep(self, key: PartKey, pending: Pending) -> None:
        """Keep these words for this part (replacing any kept before)."""
        self.entries[key] = pending

    def take(self, key: PartKey) -> Pending | None:
        """The words kept for this part, no longer kept here (they go back into the pane)."""
        return self.entries.pop(key, None)

    def drop(self, key: PartKey) -> None:
        """Forget the words kept for this part."""
        self.entries.pop(key, None)

    def clear(self) -> None:
        """Forget every word kept."""
        self.entries.clear()

    def paragraphs(self) -> set[str]:
        """The paragraphs with words kept."""
        return {pid for pid, _sub in self.entries}

    def __len__(self) -> int:
        return len(self.entries)


def part_name(draft: Draft, key: PartKey) -> str:
    """ "paragraph 12" or "paragraph 14 (b)" as the draft now numbers it."""
    pid, sub = key
    para = draft.paragraphs.get(pid)
    if para is None:
        return "a paragraph no longer in the draft"
    name = draft.paragraph_name(pid) if not para.struck else "a struck paragraph"
    if sub is not None:
        cited = para.sub_references()
        if sub in cited:
            name += f" {cited[sub]}"
        else:
            name += " (a struck sub-paragraph)"
    return name


def in_draft_order(draft: Draft, keys: list[PartKey]) -> list[PartKey]:
    """The parts in the order they stand in the draft (struck ones last)."""

    def place(key: PartKey) -> tuple[int, int]:
        pid, sub = key
        live = draft.numbering().paragraphs
        number = live.index(pid) + 1 if pid in draft.paragraphs and pid in live else None
        para = draft.paragraphs.get(pid)
        subs = [s.id for s in para.live_subparagraphs()] if para is not None else []
        return (number if number is not None else 10**9, subs.index(sub) + 1 if sub in subs else 0)

    return sorted(keys, key=place)


def listing(draft: Draft, keys: list[PartKey]) -> str:
    """ "Paragraph 12, paragraph 14 (b)": the parts with words not committed, in draft order."""
    text = ", ".join(part_name(draft, key) for key in in_draft_order(draft, keys))
    return text[:1].upper() + text[1:]


def count_text(paragraphs: int) -> str:
    """What the status bar says about the paragraphs with words not committed ("" for none)."""
    if not paragraphs:
        return ""
    if paragraphs == 1:
        return "✎ 1 paragraph has words not committed"
    return f"✎ {paragraphs} paragraphs have words not committed"
