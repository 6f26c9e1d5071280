"""The session file's own events component: session.damage_found checked, applied (it changes no state but
the record) and described."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..draft.model import CHAIR
from .errors import RefusedError

if TYPE_CHECKING:
    from .change import Change
    from .eventlog import Event
    from .state import SessionState

DAMAGE_FOUND = "session.damage_found"  # the facts of a damaged file found, in damage.py (not on the start path)
_TEXT = ("found", "computer")
_OPTIONAL = {"anchored": int, "anchored_at": str, "change": str, "broken_at": int, "broken_kind": str, "problem": str}


class SessionFileComponent:
    """Owns session.* events: what chairdesk records about the session file itself (a damaged file found)."""

    name = "session"
    prefixes = ("session.",)

    def check(self, state: SessionState, kind: str, payload: dict[str, Any], actor: str) -> None:
        if not kind.startswith("session."):
            return
        if kind != DAMAGE_FOUND:
            raise RefusedError(f"Unknown session event {kind!r}.")
        if actor != CHAIR:
            raise RefusedError("A damaged file found is recorded on the chair's behalf.")
        if any(type(payload.get(key)) is not str for key in _TEXT) or type(payload.get("events")) is not int:
            raise RefusedError("A damaged file found says when, where, and how many events were found.")
        for key, kind_of in _OPTIONAL.items():
            if key in payload and type(payload[key]) is not kind_of:
                raise RefusedError(f"A damaged file found gives its {key} as {kind_of.__name__}.")
        unknown = set(payload) - set(_TEXT) - {"events"} - set(_OPTIONAL)
        if unknown:
            raise RefusedError(f"Unknown facts of a damaged file found: {', '.join(sorted(unknown))}.")

    def inverse(self, state: SessionState, kind: str, payload: dict[str, Any]) -> tuple[str, dict] | None:
        return None  # what was found stays found

    def describe(self, state: SessionState, event: Event) -> str:
        from .damage import damage_sentence

        return damage_sentence(event.payload, event.seq)

    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        if event.kind == DAMAGE_FOUND:
            change.areas.add("record")  # nothing the chair sees changes; the record has one more line
