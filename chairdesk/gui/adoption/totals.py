"""What is left before adoption (open brackets, pending proposals), kept per paragraph and updated from what
each change names, so that the Adoption panel never scans the whole draft after an edit.

A change names the paragraphs whose text, sub-paragraphs, place or proposals it touched (core/draft/apply.py,
and the adoption component when proposals lapse or come back); only those are counted again. Whenever the
totals cannot be sure they saw every event since they were counted (another draft object: the state was
rebuilt; an event missed), they count everything again. Plain Python: no Qt.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ...core.draft.model import Draft

if TYPE_CHECKING:
    from ...core.log.change import Change
    from ...core.log.state import SessionState


class AdoptionTotals:
    """Open brackets in the live text and pending proposals, per paragraph and in all."""

    def __init__(self, state: SessionState) -> None:
        self.brackets: dict[str, int] = {}  # live paragraph id -> its open brackets (sub-paragraphs included)
        self.pending: Counter[str] = Counter()  # paragraph id -> pending proposals on it
        self.open_brackets = 0
        self.pending_proposals = 0
        self.full_counts = 0  # how many times everything was counted (tests and profiles read it)
        self._draft: Draft | None = None
        self._seq = -1
        self.recount(state)

    def recount(self, state: SessionState) -> None:
        """Count everything again from the draft."""
        draft = state.draft
        self.brackets = {para.id: para.open_brackets() for para in draft.live_paragraphs()}
        self.pending = Counter(p.paragraph for p in draft.pending_proposals())
        self.open_brackets = sum(self.brackets.values())
        self.pending_proposals = sum(self.pending.values())
        self._draft, self._seq = draft, state.seq
        self.full_counts += 1

    def current(self, state: SessionState, latest: Change | None = None) -> AdoptionTotals:
        """These totals, counted again first if the state has moved on without them.

        latest is the change being told to the views (SessionController.last_change): a view that another
        view's update reaches first (the window makes another section current on a move) asks for the totals
        before the panel was told; they follow that change from what it names instead of counting everything.
        """
        if latest is not None and state.draft is self._draft and latest.event.seq == state.seq == self._seq + 1:
            self.update(state, latest)
        if state.draft is not self._draft or state.seq != self._seq:
            self.recount(state)
        return self

    def update(self, state: SessionState, change: Change) -> None:
        """Follow one applied change: count again only the paragraphs it names."""
        draft = state.draft
        if draft is self._draft and change.event.seq == self._seq == state.seq:
            return  # followed already (current() was asked with it first)
        if draft is not self._draft or change.event.seq != self._seq + 1 or state.seq != change.event.seq:
            self.recount(state)  # not the draft counted, or an event went by unseen
            return
        self._seq = change.event.seq
        if not change.paragraphs:
            return
        named = change.paragraphs
        shown = set(draft.order)
        pending = Counter(p.paragraph for p in draft.proposals.values() if p.status == "pending" and p.paragraph in named)
        for pid in named:
            self._count(draft, pid, shown, pending[pid])

    def _count(self, draft: Draft, pid: str, shown: set[str], pending: int) -> None:
        para = draft.paragraphs.get(pid)
        live = para is not None and not para.struck and para.section in shown
        before = self.brackets.pop(pid, 0)
        now = para.open_brackets() if live else 0  # type: ignore[union-attr]
        if live:
            self.brackets[pid] = now
        self.open_brackets += now - before
        self.pending_proposals += pending - self.pending.get(pid, 0)
        if pending:
            self.pending[pid] = pending
        else:
            self.pending.pop(pid, None)
