"""The core Comparison, with each paragraph's word diff computed only when a row is first drawn.

On a 2,000-paragraph draft the word diffs are most of the cost of comparing; the window needs numbers,
moves and statuses at once (cheap), and the diffs only of the rows on screen, so it opens in well under a
second. Numbers, moves and the walk are the core's own (Comparison._find_moves, Comparison.walk).
"""

from __future__ import annotations

from ...core.draft.compare import (
    Comparison,
    Diff,
    ParagraphComparison,
    SubComparison,
    _compare_subparagraphs,
    word_diff,
)
from ...core.draft.model import Draft, Paragraph


class LazyParagraphComparison(ParagraphComparison):
    """A ParagraphComparison whose diff and sub-paragraph comparisons are worked out on first use."""

    def __init__(
        self,
        pid: str,
        old_number: str | None,
        new_number: str | None,
        old: Paragraph | None,
        new: Paragraph | None,
    ) -> None:
        self.id = pid
        self.old_number = old_number
        self.new_number = new_number
        self.old_section = old.section if old is not None else None
        self.new_section = new.section if new is not None else None
        self.moved = False
        self._old, self._new = old, new
        self._diff: Diff | None = None
        self._subs: list[SubComparison] | None = None

    def forget(self, new: Paragraph | None) -> None:
        """The paragraph's words changed: work the diff out again when it is next asked for."""
        self._new = new
        self._diff = None
        self._subs = None

    @property  # type: ignore[override]
    def diff(self) -> Diff:
        if self._diff is None:
            old, new = self._old, self._new
            if old is not None and new is not None:
                self._diff = word_diff(old.text, new.text)
            elif new is not None:
                self._diff = [("insert", new.text)]
            else:
                self._diff = [("delete", old.text)]  # type: ignore[union-attr]
        return self._diff

    @diff.setter
    def diff(self, value: Diff) -> None:
        self._diff = value

    @property  # type: ignore[override]
    def subparagraphs(self) -> list[SubComparison]:
        if self._subs is None:
            self._subs = _compare_subparagraphs(self._old, self._new)
        return self._subs

    @subparagraphs.setter
    def subparagraphs(self, value: list[SubComparison]) -> None:
        self._subs = value

    @property
    def amended(self) -> bool:
        """Its wording or its sub-paragraphs changed (decided on the texts, without diffing them)."""
        old, new = self._old, self._new
        if old is None or new is None:
            return False
        if old.text != new.text:
            return True
        before = [(s.id, s.text) for s in old.live_subparagraphs()]
        return before != [(s.id, s.text) for s in new.live_subparagraphs()]


class LazyComparison(Comparison):
    """Comparison(old, new) with lazy word diffs; everything else is the core's."""

    def __init__(self, old: Draft, new: Draft) -> None:  # noqa: D107 - same as Comparison
        self.old = old
        self.new = new
        old_num, new_num = old.numbering(), new.numbering()
        self.paragraphs = {}
        for pid in list(new_num.paragraphs) + [p for p in old_num.paragraphs if p not in new_num.live_label]:
            o_live, n_live = pid in old_num.live_label, pid in new_num.live_label
            self.paragraphs[pid] = LazyParagraphComparison(
                pid,
                old_num.live_label.get(pid),
                new_num.live_label.get(pid),
                old.paragraphs[pid] if o_live else None,
                new.paragraphs[pid] if n_live else None,
            )
        self._find_moves()
