"""The "changed by …" credits of the first rows drawn, read once the window is on screen (issue 15: the cold start).

Who changed a paragraph's words comes from the credit index of the session (core/draft/authorship), which reads
every event of the log once (20,000 events: 0.05-0.1 s). The rows drawn before the window is first painted
say "changed by …" instead, on the line the names will take; once the first paint is done the index reads
the log a part at a time from the event loop (`read_more`), then those rows are made again with the names.
"""

from __future__ import annotations

from collections.abc import Callable

from ...core.draft.authorship import read_into_index
from ...core.draft.model import Paragraph
from ...core.log.session import Session
from .draft_model import DraftModel

LATER = "…"  # stands for the names in "changed by …" until the credits are read
READ_A_STEP = 250  # events read into the credit index in one turn of the event loop (1-3 ms: a key waits for one)


class CreditsLater:
    """Holds back the reading of the credits of a draft model's rows until `release`."""

    def __init__(self, model: DraftModel) -> None:
        self.model = model
        self.waiting: set[str] = set()  # paragraphs drawn with "changed by …"
        self.read = 0  # events of the log read into the credit index so far
        self._real: Callable[[Paragraph], list[str]] | None = model.rows.authors_of
        if self._real is not None:
            model.rows.authors_of = self._later

    @property
    def held(self) -> bool:
        """Whether the credits are still held back."""
        return self._real is not None

    def _later(self, para: Paragraph) -> list[str]:
        self.waiting.add(para.id)
        return [LATER]

    def read_more(self) -> bool:
        """Read the next events of the log into the credit index; False once every event is read."""
        source, _ = self.model.credit_source()
        if not isinstance(source, Session):
            return False
        self.read += READ_A_STEP
        return not read_into_index(source, self.read)

    def release(self) -> list[int]:
        """Read the credits from now on, and make again the rows drawn without them; returns those rows."""
        real, self._real = self._real, None
        if real is None:
            return []
        rows = self.model.rows
        if rows.authors_of == self._later:
            rows.authors_of = real
        waiting, self.waiting = self.waiting, set()
        changed = rows.refresh_paragraphs(waiting) if waiting else []
        for at in changed:
            self.model.dataChanged.emit(self.model.index(at), self.model.index(at))
        return changed
