"""The state at one moment of a replay as plain text: the draft with its numbers, the floor, adoption."""

from __future__ import annotations

from datetime import datetime

from ..adoption.model import section_mark
from ..floor.model import Intervention, format_duration, minutes_seconds, parse_ts
from ..log.state import SessionState
from .operations import Replay


def speaker_line(state: SessionState, intervention: Intervention, now: datetime | str) -> str:
    """ "Blue (speaker): 1:20 of 3:00" — who has the floor and for how long at `now`."""
    name = state.roster.name_of(intervention.delegation)
    elapsed = intervention.elapsed_seconds(now)
    stopped = " — paused" if intervention.paused else (" — suspended" if intervention.suspended else "")
    return (
        f"{name} ({intervention.kind}): {minutes_seconds(elapsed)} of "
        f"{minutes_seconds(intervention.allotted_seconds)}{stopped}"
    )


def floor_lines(state: SessionState, now: datetime | str) -> list[str]:
    """Who has the floor, who was suspended by a point of order, and the list of speakers, at `now`."""
    floor = state.floor
    lines = []
    if floor.current is not None:
        lines.append("Has the floor: " + speaker_line(state, floor.current, now))
    else:
        lines.append("Has the floor: nobody")
    if floor.suspended is not None:
        lines.append("Suspended:     " + speaker_line(state, floor.suspended, now))
    if floor.queue:
        for place, request in enumerate(floor.queue, start=1):
            tags = [request.kind] if request.kind != "speaker" else []
            tags += ["online"] * request.online + ["held to the end of the item"] * request.held
            tags += ["OLD HAND"] * request.old_hand
            extra = f" ({', '.join(tags)})" if tags else ""
            waited = format_duration(request.wait_seconds(now))
            lines.append(f"  {place}. {state.roster.name_of(request.delegation)}{extra} — waiting {waited}")
    else:
        lines.append("List of speakers: empty")
    return lines


def adoption_lines(state: SessionState) -> list[str]:
    """Each section's adoption state, then the report's."""
    draft, adoption = state.draft, state.adoption
    lines = [
        f"{section_mark(adoption.section_status(sid)):<3} {draft.label_of(sid)}. {draft.sections[sid].title} — "
        f"{adoption.status_text(sid)}"
        for sid in draft.order
    ]
    report = "adopted and endorsed" if adoption.report_adopted else "not adopted"
    lines.append(f"Report: {report}")
    return lines


def printout(replay: Replay, seq: int, moment: datetime | None = None) -> str:
    """The state right after event seq (at `moment`, when asked for one) as plain text."""
    step = replay.changed_in_step(seq)
    state = replay.state_at(seq)
    total = len(replay)
    when = moment or replay.time_of(seq)
    stamp = f"{when:%Y-%m-%d %H:%M:%S} UTC" if when else "no events"
    lines = [f"Event {seq} of {total} — {stamp}"]
    if step is not None:
        lines.append(f"Last step: {step.description}")
    lines += ["", "DRAFT", state.draft.plain_text() or "(no text yet)", "", "FLOOR"]
    lines += floor_lines(state, when or parse_ts(state.last_ts or "1970-01-01T00:00:00+00:00"))
    lines += ["", "ADOPTION"] + adoption_lines(state)
    return "\n".join(lines)
