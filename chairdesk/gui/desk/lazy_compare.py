"""The core Comparison kept up to date change by change, each paragraph's word diff computed when first drawn.

On a 2,000-paragraph draft the word diffs are most of the cost of comparing; the window needs numbers,
moves and statuses at once (cheap), and the diffs only of the rows on screen. A paragraph's new number and
section are read from the draft as it stands when asked for (its numbering is cached by the draft), so a
strike or a move renumbers nothing here: `LazyComparison.update` marks again only the moves of the sections
the change touched. Numbers, moves and the walk are the core's own (Comparison._find_moves, section_walk).
"""

from __future__ import annotations

from collections.abc import Iterable

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
    """A ParagraphComparison over the draft as it stands: new number and section read when asked for, the
    diff and sub-paragraph comparisons worked out on first use."""

    def __init__(self, pid: str, owner: LazyComparison) -> None:
        self.id = pid
        self.owner = owner
        self.old_number = owner.old_live.get(pid)
        self._old = owner.old.paragraphs[pid] if self.old_number is not None else None
        self.old_section = self._old.section if self._old is not None else None
        self.moved = False
        self._diff: Diff | None = None
        self._subs: list[SubComparison] | None = None
        self._amended: bool | None = None
        self._live = False  # whether the paragraph was live when the diff was worked out

    @property  # type: ignore[override]
    def new_number(self) -> str | None:
        return self.owner.new.numbering().live_label.get(self.id)

    @new_number.setter
    def new_number(self, value: str | None) -> None:
        raise AttributeError("the new number is the draft's")

    @property
    def _new(self) -> Paragraph | None:
        return (
            self.owner.new.paragraphs[self.id] if self.id in self.owner.new.numbering().live_label else None
        )

    @property  # type: ignore[override]
    def new_section(self) -> str | None:
        new = self._new
        return new.section if new is not None else None

    @new_section.setter
    def new_section(self, value: str | None) -> None:
        raise AttributeError("the new section is the draft's")

    def forget(self, _new: Paragraph | None = None) -> None:
        """The paragraph's words or its place changed: work the diff out again when it is next asked for."""
        self._diff = None
        self._subs = None
        self._amended = None

    def _fresh(self) -> tuple[Paragraph | None, Paragraph | None]:
        new = self._new
        if (new is not None) != self._live:
            self._live = new is not None
            self.forget()
        return self._old, new

    @property  # type: ignore[override]
    def diff(self) -> Diff:
        old, new = self._fresh()
        if self._diff is None:
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
        old, new = self._fresh()
        if self._subs is None:
            self._subs = _compare_subparagraphs(old, new)
        return self._subs

    @subparagraphs.setter
    def subparagraphs(self, value: list[SubComparison]) -> None:
        self._subs = value

    @property
    def status(self) -> str:
        """As ParagraphComparison.status, in one step (asked for every row of a section on each change)."""
        if self.old_number is None:
            return "inserted"
        if self.id not in self.owner.new.numbering().live_label:
            return "struck"
        return self.live_status()

    def live_status(self) -> str:
        """As ParagraphComparison.live_status, without asking the draft again whether it is live."""
        if self.old_number is None:
            return "inserted"
        if self.moved:
            return "moved"
        amended = self._amended if self._live else None  # worked out while live, and live now: as it was
        if amended is None:
            amended = self.amended
        return "amended" if amended else "unchanged"

    @property
    def amended(self) -> bool:
        """Its wording or its sub-paragraphs changed (decided on the texts, without diffing them)."""
        old, new = self._fresh()
        if self._amended is None:
            if old is None or new is None:
                self._amended = False
            elif old.text != new.text:
                self._amended = True
            else:
                before = [(s.id, s.text) for s in old.live_subparagraphs()]
                self._amended = before != [(s.id, s.text) for s in new.live_subparagraphs()]
        return self._amended


class LazyComparison(Comparison):
    """Comparison(old, new) with lazy word diffs, following the new draft as it changes (see update)."""

    def __init__(self, old: Draft, new: Draft) -> None:  # noqa: D107 - same as Comparison
        self.old = old
        self.new = new
        self.old_live = old.numbering().live_label
        new_live = new.numbering().live_label
        self.paragraphs = {}
        for pid in list(new.numbering().paragraphs) + [
            p for p in old.numbering().paragraphs if p not in new_live
        ]:
            self.paragraphs[pid] = LazyParagraphComparison(pid, self)
        self._find_moves()

    def update(self, sections: Iterable[str], paragraphs: Iterable[str]) -> None:
        """After a change of the draft that touched only these sections (those its paragraphs stood in before
        it and stand in after it) and named these paragraphs (struck, restored, inserted, moved): compare those
        paragraphs again and mark again the moves of the sections whose marks the change can have altered.

        A section's marks depend on the paragraphs that stand in it in both drafts (Comparison._kept_in): a
        named paragraph alters them only in the section it stood in in the old draft, and only when it stands
        there before or after the change. In another section it is moved when it is live in both drafts.
        """
        new_live = self.new.numbering().live_label
        named = []
        for pid in paragraphs:
            if pid in new_live or pid in self.old_live:
                comp = self.paragraphs.get(pid)
                if comp is None:
                    comp = self.paragraphs[pid] = LazyParagraphComparison(pid, self)
                else:
                    comp.forget()  # type: ignore[attr-defined]
                    comp.moved = False
                named.append(comp)
            else:  # neither in the old draft nor live now (inserted, then struck): not shown
                self.paragraphs.pop(pid, None)
        touched = set(sections)
        marked = {c.old_section for c in named if c.old_section in touched}
        for comp in named:
            now = comp.new_section  # (None: struck now, so not moved)
            if now is None or now in marked:
                continue
            if now == comp.old_section:  # (a section the change did not say it touched: marked too)
                marked.add(now)
            else:
                comp.moved = comp.old_number is not None
        self._find_moves(marked)
