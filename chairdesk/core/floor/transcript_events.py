"""The transcript's events component: transcript.* events checked, inverted, applied and described."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..log.errors import RefusedError
from .transcript import Transcript, TranscriptError, match_speaker, parse_transcript

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.eventlog import Event
    from ..log.state import SessionState


class TranscriptComponent:
    """Owns transcript.* events."""

    name = "transcript"
    prefixes = ("transcript.",)

    def check(self, state: SessionState, kind: str, payload: dict[str, Any], actor: str) -> None:
        if not kind.startswith("transcript."):
            return
        transcript: Transcript = state.transcript
        if kind == "transcript.attach":
            if not isinstance(payload.get("text"), str):
                raise RefusedError("A transcript must be text.")
            try:
                # an undo puts back a transcript the session already held, as an older chairdesk read it
                strict = "undo_of" not in payload
                parse_transcript(payload["text"], payload.get("source", "transcript"), strict=strict)
            except TranscriptError as error:
                raise RefusedError(str(error)) from None
        elif kind == "transcript.map":
            if not transcript.attached:
                raise RefusedError("No transcript is attached to the session.")
            if payload["name"] not in transcript.names():
                raise RefusedError(f"No speaker called {payload['name']!r} in the transcript.")
            code = payload.get("delegation")
            if code is not None and code != "chair":
                state.roster.get(code)
        elif kind == "transcript.detach":
            if not transcript.attached:
                raise RefusedError("No transcript is attached to the session.")
        else:
            raise RefusedError(f"Unknown transcript event {kind!r}.")

    def inverse(self, state: SessionState, kind: str, payload: dict[str, Any]) -> tuple[str, dict] | None:
        transcript: Transcript = state.transcript
        if kind in ("transcript.attach", "transcript.detach"):
            if not transcript.attached:
                return "transcript.detach", {}
            return "transcript.attach", {"source": transcript.source, "text": transcript.text}
        if kind == "transcript.map":
            name = payload["name"]
            previous = transcript.mapping.get(name, match_speaker(name, state.roster))
            return "transcript.map", {"name": name, "delegation": previous}
        return None

    def describe(self, state: SessionState, event: Event) -> str:
        p = event.payload
        if event.kind == "transcript.attach":
            turns = parse_transcript(p["text"], p.get("source", "transcript"), strict=False)
            names = len({t.speaker for t in turns if t.named})
            unnamed = sum(1 for t in turns if not t.named)
            extra = f" and {unnamed} unnamed turn{'s' if unnamed != 1 else ''}" if unnamed else ""
            return (
                f"A transcript was attached ({p.get('source') or 'text'}): "
                f"{len(turns)} turns by {names} speakers{extra}."
            )
        if event.kind == "transcript.map":
            code = p.get("delegation")
            if code is None:
                return f"The transcript speaker '{p['name']}' is left out of the figures."
            who = "the Chair" if code == "chair" else state.roster.name_of(code)
            return f"The transcript speaker '{p['name']}' was mapped to {who}."
        if event.kind == "transcript.detach":
            return "The transcript was taken off the session."
        return f"Transcript: {event.kind}."

    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        if not event.kind.startswith("transcript."):
            return
        transcript: Transcript = state.transcript
        p = event.payload
        if event.kind == "transcript.attach":
            transcript.source = str(p.get("source", ""))
            transcript.text = p["text"]
            transcript.turns = parse_transcript(p["text"], transcript.source, strict=False)
            transcript.mapping = transcript.keep_mapping()  # "MODERATOR" mapped once stays mapped
            unmatched = transcript.unmatched_names(state.roster)
            if unmatched:
                change.notices.append(
                    f"Transcript speakers that match no delegation (map them): {', '.join(unmatched)}."
                )
        elif event.kind == "transcript.map":
            transcript.mapping[p["name"]] = p.get("delegation")
        elif event.kind == "transcript.detach":
            state.transcript = Transcript(mapping=transcript.keep_mapping())
        change.areas.add("transcript")
