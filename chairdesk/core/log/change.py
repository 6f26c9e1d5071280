"""What one event changed, so that each view refreshes only its part."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .eventlog import Event


@dataclass
class Change:
    """What one event changed: the views refresh only the parts named here."""

    event: Event
    inverse: tuple[str, dict[str, Any]] | None = None
    areas: set[str] = field(default_factory=set)  # "meeting", "draft", "roster", "floor", "adoption", …
    sections: set[str] = field(default_factory=set)  # section ids touched
    paragraphs: set[str] = field(default_factory=set)  # paragraph ids whose text or sub-paragraphs changed
    structure: bool = False  # order or numbering changed (insert, strike, move, section add/remove)
    notices: list[str] = field(default_factory=list)  # things the chair must be told ("Section C reopened …")

    @property
    def kind(self) -> str:
        """The event kind, e.g. "draft.paragraph.amend"."""
        return self.event.kind

    @property
    def draft_changed(self) -> bool:
        """Whether the draft itself changed (its words or its order), not only what hangs on it: an adoption
        lapsing proposals names their paragraphs under "proposals" alone, and their words stand."""
        return "draft" in self.areas

    @property
    def subject(self) -> str | None:
        """The id of what the event created or changed, when it names one."""
        return self.event.payload.get("id")
