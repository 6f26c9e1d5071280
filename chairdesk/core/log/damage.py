"""A session file found damaged when chairdesk opened it, and the note that puts the finding in its record.

A file whose hash chain is broken, or that holds fewer or other events than this computer's anchor of it
(anchors.py), is told to the chair as it opens. The session goes on, but the next step the chair records
would continue the chain from the last event left and move the head row, and the anchor would then be kept
for the file as it is: events cut off the end would leave no trace. So the finding is recorded first, as an
event of the log (DAMAGE_FOUND, by chairdesk on the chair's behalf), before the chair's next step, or when a
background check ends after steps were recorded. Opening a file writes nothing to it: the note waits for a step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .anchors import REMOVED, REPLACED, REWRITTEN

__all__ = ["Damage", "damage_sentence", "this_computer"]


def this_computer() -> str:
    """The name of this computer, as the record names where a file was found damaged."""
    import platform  # only when a damaged file is found: not on the start path

    return platform.node() or "an unnamed computer"


@dataclass(frozen=True)
class Damage:
    """What chairdesk found wrong with a session file as it was opened (the facts the warnings gave)."""

    found: str  # when it was found (an event timestamp)
    computer: str  # where
    events: int  # the events the file held when it was opened
    anchored: int | None = None  # the events this computer's anchor held, when the file differs from it
    anchored_at: str = ""  # the time of the anchor's last event
    change: str = ""  # how the file differs from the anchor: anchors.REPLACED, REMOVED or REWRITTEN
    broken_at: int | None = None  # the first event that fails the hash chain (events + 1: the record ends early)
    broken_kind: str = ""
    problem: str = ""  # what is wrong with it, as the check says

    def payload(self) -> dict[str, Any]:
        """The facts as the note's payload (the fields that say nothing are left out)."""
        facts: dict[str, Any] = {"found": self.found, "computer": self.computer, "events": self.events}
        if self.anchored is not None:
            facts |= {"anchored": self.anchored, "anchored_at": self.anchored_at, "change": self.change}
        if self.broken_at is not None:
            facts |= {"broken_at": self.broken_at, "broken_kind": self.broken_kind, "problem": self.problem}
        return facts


def _moment(ts: str) -> str:
    """ "29 November 2026 at 10:14 UTC" (the text itself if it is not a timestamp)."""
    try:
        moment = datetime.fromisoformat(ts)
    except (TypeError, ValueError):
        return str(ts)
    return f"{moment.day} {moment:%B %Y} at {moment:%H:%M} UTC"


def _span(first: int, last: int) -> str:
    return f"event {first}" if first == last else f"events {first}\u2013{last}"


def _anchor_fact(facts: dict[str, Any]) -> str | None:
    """What the anchor showed: events missing, another history, or a rewritten event."""
    anchored, found, change = facts.get("anchored"), facts["events"], facts.get("change")
    if not isinstance(anchored, int):
        return None
    when = _moment(facts.get("anchored_at", ""))
    if change == REMOVED:
        return (
            f"{_span(found + 1, anchored)}, recorded when it was last closed on that computer ({when}), "
            f"{'was' if found + 1 == anchored else 'were'} missing"
        )
    if change == REPLACED:
        return (
            f"it held another history ({found} events) than the one last closed on that computer "
            f"({anchored} events, {when})"
        )
    if change == REWRITTEN:
        return f"event {anchored} was not the one written when it was last closed on that computer ({when})"
    return None


def _chain_fact(facts: dict[str, Any]) -> str | None:
    """What the hash chain showed: the first event that fails it, or a record that ends early."""
    broken_at = facts.get("broken_at")
    if not isinstance(broken_at, int):
        return None
    if broken_at > facts["events"]:
        return f"its hash chain failed the check ({facts.get('problem', '')})"
    kind = f" ({facts['broken_kind']})" if facts.get("broken_kind") else ""
    return f"event {broken_at}{kind} failed the check of its hash chain ({facts.get('problem', '')})"


def damage_sentence(facts: dict[str, Any], seq: int) -> str:
    """The record's line for the note at seq: when and where the file was found altered, and how."""
    how = [fact for fact in (_anchor_fact(facts), _chain_fact(facts)) if fact]
    text = (
        f"This file was found altered by chairdesk on {_moment(facts['found'])}, on {facts['computer']}, as it "
        f"was opened there: {'; '.join(how) or 'it failed the check'}."
    )
    if seq - 1 > facts["events"]:  # a background check that ended after steps were recorded
        text += (
            f" The check ended after {_span(facts['events'] + 1, seq - 1)} had been recorded in it; "
            f"the events up to {facts['events']} are those found."
        )
    return text
