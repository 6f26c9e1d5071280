"""The speakers' list: requests for the floor, who has it, the timer, all derived from floor.* events.

Rules (each one a check or an apply step below):

- First come, first served. A delegation already waiting for the same kind of intervention is refused.
- A point of order goes to the top at once (after any point of order already there).
- A right of reply waits ("held") until the end of the current *item*, then moves to the top. An item is
  what the floor is discussing: it ends when the chair calls ``end_item`` or takes up a section for
  adoption (an ``adoption.take_up`` event); the next item starts at once.
- "Next speaker" gives the floor to the first request that is not held and starts the timer; giving the
  floor to someone while another delegation has it ends that intervention first (a separate event).
- A point of order interrupts: given the floor (Next speaker, Hear the point of order, or Give floor with
  that kind) while a delegation speaks, it *suspends* that intervention in the same ``floor.give`` event
  (payload ``suspends``) instead of ending it. The suspended timer stops like a pause; when the point of
  order ends (``floor.end``) the suspended delegation has the floor again at once, its time running from
  where it stopped, and its intervention stays one intervention with the suspended time left out.
  A second point of order heard during the first one replaces it in one ``floor.give`` (the first is ended
  at that moment) and the speaker stays suspended until the last one ends. A point of order when nobody
  speaks suspends nothing. While a speaker is suspended, "Next speaker" with no point of order at the head
  of the list ends the point of order (the speaker resumes: the list waits for them); giving the floor to
  any other delegation for another kind ends the point of order and then the resumed intervention.
  Ending the item (End item, or taking up a section) does not touch the floor: the suspended speaker
  still resumes after the point of order.
- The chair may give the floor to any delegation, on the list or not; such a delegation's own request stays
  on the list and, since it has now spoken, is flagged an *old hand* (a hand left up) for the chair to lower.
  "Next speaker" passes over old hands; the chair can still give them the floor directly.
- The chair may reorder the list; the new order is recorded as the chair's.
- Every time is an event timestamp: start, end, pause and resume; a frozen window cannot distort them.

Events (applied by floor_events.FloorComponent):

    floor.request   {id, delegation, kind, section, paragraph, online}  (+ ts, index, held, item when an
                                                                         undo puts a withdrawn request back)
    floor.withdraw  {id}
    floor.reorder   {order: [request ids]}
    floor.give      {delegation, kind, request, allotted, section, paragraph, suspends: code | None}
                    (+ caucus, caucus_request for a speech in a moderated caucus, yielded_by for yielded time:
                     see core/procedure)
    floor.end       {}      floor.pause {}      floor.resume {}
    floor.item.end  {}
    floor.time.set  {kind: None | kind, seconds: int | None}   None seconds clears a per-kind override
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from ..log.errors import RefusedError

if TYPE_CHECKING:
    pass

SPEAKER, POINT_OF_ORDER, RIGHT_OF_REPLY = "speaker", "point of order", "right of reply"
KINDS: tuple[str, ...] = (SPEAKER, POINT_OF_ORDER, RIGHT_OF_REPLY)
DEFAULT_SPEAKING_SECONDS = 180
WARNING_SECONDS = 30
MIN_SECONDS, MAX_SECONDS = 10, 3600


def parse_ts(value: str | datetime) -> datetime:
    """An aware datetime from an event timestamp (or a datetime, returned as it is)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def seconds_between(start: str | datetime, end: str | datetime) -> float:
    """Seconds from one timestamp to another."""
    return (parse_ts(end) - parse_ts(start)).total_seconds()


def format_duration(seconds: float) -> str:
    """A duration as the record says it: "45 s", "3 min", "2 min 41 s", "1 h 5 min"."""
    total = int(round(max(0.0, seconds)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs or not parts:
        parts.append(f"{secs} s")
    return " ".join(parts)


def minutes_seconds(seconds: float) -> str:
    """A duration as a clock shows it: m:ss, or h:mm:ss from an hour up (rounded to the second)."""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass
class Request:
    """A delegation waiting for the floor."""

    id: str
    delegation: str
    kind: str
    ts: str
    section: str | None = None
    paragraph: str | None = None
    online: bool = False
    item: int = 1
    held: bool = False  # a right of reply waiting for the end of its item
    old_hand: bool = False  # the delegation has spoken (same kind) since it asked

    def wait_seconds(self, now: str | datetime) -> float:
        """How long the request has been waiting at `now`."""
        return seconds_between(self.ts, now)


@dataclass
class Intervention:
    """One delegation's time on the floor; the current one has no end_ts yet."""

    delegation: str
    kind: str
    requested_ts: str | None
    start_ts: str
    end_ts: str | None = None
    paused_seconds: float = 0.0
    allotted_seconds: int = DEFAULT_SPEAKING_SECONDS
    section: str | None = None
    paragraph: str | None = None
    paused_at: str | None = None
    request_id: str | None = None
    item: int = 1
    suspended_at: str | None = None  # suspended by a point of order since then
    suspended_seconds: float = 0.0
    suspensions: int = 0
    suspends: str | None = None  # for a point of order: the delegation whose intervention it suspended
    caucus: str | None = None  # the moderated caucus (its motion id) the speech was given in

    @property
    def paused(self) -> bool:
        """Whether the timer is paused now."""
        return self.paused_at is not None

    @property
    def suspended(self) -> bool:
        """Whether a point of order has suspended this intervention now."""
        return self.suspended_at is not None

    def elapsed_seconds(self, now: str | datetime) -> float:
        """Speaking time so far at `now` (pauses and suspensions left out; frozen while stopped)."""
        stop: str | datetime = self.paused_at or self.suspended_at or self.end_ts or now
        stopped = self.paused_seconds + self.suspended_seconds
        return max(0.0, seconds_between(self.start_ts, stop) - stopped)

    def remaining_seconds(self, now: str | datetime) -> float:
        """Seconds left of the allotted time at `now` (negative once over time)."""
        return self.allotted_seconds - self.elapsed_seconds(now)

    @property
    def duration_seconds(self) -> float:
        """Speaking time of a finished intervention (for the current one: up to its last start or pause)."""
        return self.elapsed_seconds(self.end_ts or self.paused_at or self.suspended_at or self.start_ts)

    @property
    def overrun_seconds(self) -> float:
        """How far the intervention went over its allotted time (0 if it did not)."""
        return max(0.0, self.duration_seconds - self.allotted_seconds)

    @property
    def wait_seconds(self) -> float | None:
        """Seconds between the request and the floor, when the delegation was called from the list."""
        return (
            None if self.requested_ts is None else max(0.0, seconds_between(self.requested_ts, self.start_ts))
        )


@dataclass
class SpeakersList:
    """The list of speakers, the current intervention and the finished ones."""

    queue: list[Request] = field(default_factory=list)
    current: Intervention | None = None
    suspended: Intervention | None = None  # the speaker a point of order interrupted (current is that point)
    interventions: list[Intervention] = field(default_factory=list)
    item: int = 1
    item_section: str | None = None  # the section last taken up for adoption, if any
    default_seconds: int = DEFAULT_SPEAKING_SECONDS
    overrides: dict[str, int] = field(default_factory=dict)
    requests_made: int = 0

    def speaking_time(self, kind: str = SPEAKER) -> int:
        """Seconds allotted to an intervention of this kind."""
        return self.overrides.get(kind, self.default_seconds)

    def request(self, request_id: str) -> Request:
        """The waiting request with this id."""
        for request in self.queue:
            if request.id == request_id:
                return request
        raise RefusedError("That request is no longer on the list of speakers.")

    def waiting(self, code: str, kind: str | None = None) -> Request | None:
        """The delegation's waiting request (of this kind, when given)."""
        for request in self.queue:
            if request.delegation == code and (kind is None or request.kind == kind):
                return request
        return None

    def position(self, request_id: str) -> int:
        """1-based place on the list."""
        return [r.id for r in self.queue].index(request_id) + 1

    def next_request(self) -> Request | None:
        """The request "Next speaker" calls: the first neither held for the end of the item nor an old hand."""
        return next((r for r in self.queue if not r.held and not r.old_hand), None)

    def busy_codes(self) -> set[str]:
        """Delegations waiting or holding the floor."""
        codes = {r.delegation for r in self.queue}
        for intervention in (self.current, self.suspended):
            if intervention is not None:
                codes.add(intervention.delegation)
        return codes

    def next_point_of_order(self) -> Request | None:
        """The first point of order waiting (not an old hand): the one "Hear the point of order" calls."""
        return next((r for r in self.queue if r.kind == POINT_OF_ORDER and not r.old_hand), None)

    def all_interventions(self) -> list[Intervention]:
        """Finished interventions, the suspended one and the current one, in order of start."""
        open_ones = [i for i in (self.suspended, self.current) if i is not None]
        return sorted(self.interventions + open_ones, key=lambda i: parse_ts(i.start_ts))
