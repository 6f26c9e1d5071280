"""The speakers' list: requests for the floor, who has it, the timer, all derived from floor.* events.

Rules (each one a check or an apply step below):

- First come, first served. A delegation already waiting for the same kind of intervention is refused.
- A point of order goes to the top at once (after any point of order already there).
- A right of reply waits ("held") until the end of the current *item*, then moves to the top. An item is
  what the floor is discussing: it ends when the chair calls ``end_item`` or takes up a section for
  adoption (an ``adoption.take_up`` event); the next item starts at once.
- "Next speaker" gives the floor to the first request that is not held and starts the timer; giving the
  floor to someone while another delegation has it ends that intervention first (a separate event).
- The chair may give the floor to any delegation, on the list or not; such a delegation's own request stays
  on the list and, since it has now spoken, is flagged an *old hand* (a hand left up) for the chair to lower.
  "Next speaker" passes over old hands; the chair can still give them the floor directly.
- The chair may reorder the list; the new order is recorded as the chair's.
- Every time is an event timestamp: start, end, pause and resume; a frozen window cannot distort them.

Events:

    floor.request   {id, delegation, kind, section, paragraph, online}  (+ ts, index, held, item when an
                                                                         undo puts a withdrawn request back)
    floor.withdraw  {id}
    floor.reorder   {order: [request ids]}
    floor.give      {delegation, kind, request, allotted, section, paragraph}
    floor.end       {}      floor.pause {}      floor.resume {}
    floor.item.end  {}
    floor.time.set  {kind: None | kind, seconds: int | None}   None seconds clears a per-kind override
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .errors import RefusedError

if TYPE_CHECKING:
    from .eventlog import Event
    from .session import Session
    from .state import Change, SessionState

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

    @property
    def paused(self) -> bool:
        """Whether the timer is paused now."""
        return self.paused_at is not None

    def elapsed_seconds(self, now: str | datetime) -> float:
        """Speaking time so far at `now` (pauses left out; frozen while paused; fixed once ended)."""
        stop: str | datetime = self.paused_at or self.end_ts or now
        return max(0.0, seconds_between(self.start_ts, stop) - self.paused_seconds)

    def remaining_seconds(self, now: str | datetime) -> float:
        """Seconds left of the allotted time at `now` (negative once over time)."""
        return self.allotted_seconds - self.elapsed_seconds(now)

    @property
    def duration_seconds(self) -> float:
        """Speaking time of a finished intervention (for the current one: up to its last start or pause)."""
        return self.elapsed_seconds(self.end_ts or self.paused_at or self.start_ts)

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
        if self.current is not None:
            codes.add(self.current.delegation)
        return codes

    def all_interventions(self) -> list[Intervention]:
        """Finished interventions and the current one, in order."""
        return self.interventions + ([self.current] if self.current else [])


# ------------------------------------------------------------------------ operations
def _code(session: Session, delegation: str) -> str:
    roster = session.state.roster
    if delegation in roster:
        return delegation
    matches = [d for d in roster.delegations if d.name.casefold() == delegation.strip().casefold()]
    if len(matches) == 1:
        return matches[0].code
    raise RefusedError(f"There is no delegation called {delegation!r} on the roster.")


def request_floor(
    session: Session,
    delegation: str,
    kind: str = SPEAKER,
    section: str | None = None,
    paragraph: str | None = None,
    online: bool | None = None,
) -> Change:
    """A delegation (code or name) asks for the floor; tagged with the section/paragraph under discussion."""
    state = session.state
    code = _code(session, delegation)
    if paragraph is not None and section is None and paragraph in state.draft.paragraphs:
        section = state.draft.paragraphs[paragraph].section
    if section is None and paragraph is None:
        section = state.floor.item_section
    if online is None:
        online = state.roster.get(code).online
    payload = {
        "id": f"r{state.floor.requests_made + 1}",
        "delegation": code,
        "kind": kind,
        "section": section,
        "paragraph": paragraph,
        "online": online,
    }
    return session.record("floor.request", payload)


def withdraw_request(session: Session, request_id: str) -> Change:
    """Take a request off the list (the delegation withdrew, or the chair lowered an old hand)."""
    return session.record("floor.withdraw", {"id": request_id})


def reorder_list(session: Session, order: list[str]) -> Change:
    """The chair puts the waiting requests in a new order (all request ids, in the new order)."""
    return session.record("floor.reorder", {"order": list(order)})


def move_request(session: Session, request_id: str, index: int) -> Change:
    """The chair moves one request to a 0-based place on the list."""
    order = [r.id for r in session.state.floor.queue]
    if request_id not in order:
        raise RefusedError("That request is no longer on the list of speakers.")
    order.remove(request_id)
    order.insert(max(0, min(index, len(order))), request_id)
    return reorder_list(session, order)


def end_intervention(session: Session) -> Change:
    """Stop the timer: the delegation that has the floor finishes."""
    return session.record("floor.end", {})


def next_speaker(session: Session) -> Change:
    """Give the floor to the head of the list (ending the current intervention first) and start the timer."""
    floor: SpeakersList = session.state.floor
    head = floor.next_request()
    if head is None:
        if any(r.held for r in floor.queue):
            raise RefusedError(
                "Only rights of reply are waiting; they are heard at the end of the item (End item)."
            )
        if floor.queue:
            raise RefusedError("Only old hands are waiting: give them the floor directly, or withdraw them.")
        raise RefusedError("The list of speakers is empty.")
    if floor.current is not None:
        end_intervention(session)
    payload = {
        "delegation": head.delegation,
        "kind": head.kind,
        "request": head.id,
        "allotted": floor.speaking_time(head.kind),
        "section": head.section,
        "paragraph": head.paragraph,
    }
    return session.record("floor.give", payload)


def give_floor(
    session: Session,
    delegation: str,
    kind: str = SPEAKER,
    section: str | None = None,
    paragraph: str | None = None,
) -> Change:
    """Give the floor to any delegation, on the list or not (its own request, if any, stays as an old hand)."""
    floor: SpeakersList = session.state.floor
    code = _code(session, delegation)
    if kind not in KINDS:
        raise RefusedError(f"Unknown kind of intervention {kind!r}; one of: {', '.join(KINDS)}.")
    if section is None and paragraph is None:
        section = floor.item_section
    if floor.current is not None:
        end_intervention(session)
    payload = {
        "delegation": code,
        "kind": kind,
        "request": None,
        "allotted": floor.speaking_time(kind),
        "section": section,
        "paragraph": paragraph,
    }
    return session.record("floor.give", payload)


def pause_timer(session: Session) -> Change:
    """Stop the clock of the current intervention (an interruption, a technical problem)."""
    return session.record("floor.pause", {})


def resume_timer(session: Session) -> Change:
    """Start the clock of the current intervention again."""
    return session.record("floor.resume", {})


def end_item(session: Session) -> Change:
    """Close the item under discussion: held rights of reply become due and go to the top of the list."""
    return session.record("floor.item.end", {})


def set_speaking_time(session: Session, seconds: int | None, kind: str | None = None) -> Change:
    """Set the default speaking time (kind None), or one kind's override (seconds None clears it)."""
    return session.record("floor.time.set", {"kind": kind, "seconds": seconds})


# ------------------------------------------------------------------------ component
class FloorComponent:
    """Owns floor.* events; also ends the item when a section is taken up for adoption."""

    name = "floor"
    prefixes = ("floor.",)

    def check(self, state: SessionState, kind: str, payload: dict[str, Any], actor: str) -> None:
        if not kind.startswith("floor."):
            return
        floor: SpeakersList = state.floor
        roster = state.roster
        if kind == "floor.request":
            code = payload["delegation"]
            name = roster.get(code).name
            if payload["kind"] not in KINDS:
                raise RefusedError(
                    f"Unknown kind of request {payload['kind']!r}; one of: {', '.join(KINDS)}."
                )
            if any(r.id == payload["id"] for r in floor.queue):
                raise RefusedError(f"Request id {payload['id']!r} is already used.")
            waiting = floor.waiting(code, payload["kind"])
            if waiting is not None:
                what = "" if waiting.kind == SPEAKER else f" for a {waiting.kind}"
                raise RefusedError(
                    f"{name} is already on the list of speakers{what} (place {floor.position(waiting.id)})."
                )
            self._check_place(state, payload)
        elif kind == "floor.withdraw":
            floor.request(payload["id"])
        elif kind == "floor.reorder":
            if sorted(payload["order"]) != sorted(r.id for r in floor.queue):
                raise RefusedError("The new order must name every waiting request once.")
        elif kind == "floor.give":
            if floor.current is not None:
                raise RefusedError(
                    f"{roster.name_of(floor.current.delegation)} has the floor; end the intervention first."
                )
            roster.get(payload["delegation"])
            if payload["kind"] not in KINDS:
                raise RefusedError(f"Unknown kind of intervention {payload['kind']!r}.")
            if payload.get("request") is not None:
                request = floor.request(payload["request"])
                if request.delegation != payload["delegation"]:
                    raise RefusedError("That request belongs to another delegation.")
            self._check_seconds(payload.get("allotted"))
            self._check_place(state, payload)
        elif kind in ("floor.end", "floor.pause", "floor.resume"):
            if floor.current is None:
                raise RefusedError("No delegation has the floor.")
            if kind == "floor.pause" and floor.current.paused:
                raise RefusedError("The time is already paused.")
            if kind == "floor.resume" and not floor.current.paused:
                raise RefusedError("The time is not paused.")
        elif kind == "floor.item.end":
            pass
        elif kind == "floor.time.set":
            which = payload.get("kind")
            if which is not None and which not in KINDS:
                raise RefusedError(f"Unknown kind of intervention {which!r}; one of: {', '.join(KINDS)}.")
            if payload.get("seconds") is None:
                if which is None:
                    raise RefusedError("The default speaking time cannot be cleared.")
            else:
                self._check_seconds(payload["seconds"])
        else:
            raise RefusedError(f"Unknown floor event {kind!r}.")

    @staticmethod
    def _check_seconds(seconds: object) -> None:
        if not isinstance(seconds, int) or not MIN_SECONDS <= seconds <= MAX_SECONDS:
            raise RefusedError(
                f"A speaking time is a whole number of seconds from {MIN_SECONDS} to {MAX_SECONDS}."
            )

    @staticmethod
    def _check_place(state: SessionState, payload: dict[str, Any]) -> None:
        section, paragraph = payload.get("section"), payload.get("paragraph")
        if section is not None and section not in state.draft.sections:
            raise RefusedError(f"There is no section {section!r} in the draft.")
        if paragraph is not None and paragraph not in state.draft.paragraphs:
            raise RefusedError(f"There is no paragraph {paragraph!r} in the draft.")

    def inverse(self, state: SessionState, kind: str, payload: dict[str, Any]) -> tuple[str, dict] | None:
        floor: SpeakersList = state.floor
        if kind == "floor.request":
            return "floor.withdraw", {"id": payload["id"]}
        if kind == "floor.withdraw":
            r = floor.request(payload["id"])
            restore = {
                "id": r.id,
                "delegation": r.delegation,
                "kind": r.kind,
                "section": r.section,
                "paragraph": r.paragraph,
                "online": r.online,
                "ts": r.ts,
                "index": floor.position(r.id) - 1,
                "held": r.held,
                "item": r.item,
            }
            return "floor.request", restore
        if kind == "floor.reorder":
            return "floor.reorder", {"order": [r.id for r in floor.queue]}
        if kind == "floor.time.set":
            which = payload.get("kind")
            previous = floor.default_seconds if which is None else floor.overrides.get(which)
            return "floor.time.set", {"kind": which, "seconds": previous}
        return None  # giving, ending and pausing the floor are facts of the meeting, not edits to undo

    # ------------------------------------------------------------------ describe
    def describe(self, state: SessionState, event: Event) -> str:
        from .state import actor_name

        floor: SpeakersList = state.floor
        p = event.payload
        name = state.roster.name_of
        who = actor_name(state, event.actor)
        undo = " (undoing an earlier step)" if "undo_of" in p else ""
        kind = event.kind
        if kind == "floor.request":
            tags = p["kind"] + (", online" if p.get("online") else "")
            place = self._place(state, p.get("section"), p.get("paragraph"))
            return f"{name(p['delegation'])} asked for the floor ({tags}){place}{undo}."
        if kind == "floor.withdraw":
            r = floor.request(p["id"])
            return f"The request of {name(r.delegation)} for the floor ({r.kind}) was withdrawn{undo}."
        if kind == "floor.reorder":
            by_id = {r.id: r for r in floor.queue}
            names = ", ".join(name(by_id[i].delegation) for i in p["order"] if i in by_id)
            return f"{who} reordered the list of speakers: {names}{undo}."
        if kind == "floor.give":
            source = " from the list" if p.get("request") else ""
            return (
                f"{who} gave the floor to {name(p['delegation'])}{source} "
                f"({p['kind']}, {format_duration(p['allotted'])})."
            )
        if kind == "floor.end" and floor.current is not None:
            current = floor.current
            spoken = current.elapsed_seconds(current.paused_at or event.ts)
            over = spoken - current.allotted_seconds
            text = f"{name(current.delegation)} had the floor for {format_duration(spoken)} ({current.kind})"
            return text + (f", {format_duration(over)} over time." if over >= 0.5 else ".")
        if kind in ("floor.pause", "floor.resume") and floor.current is not None:
            verb = "paused" if kind == "floor.pause" else "resumed"
            return f"{who} {verb} the time of {name(floor.current.delegation)}."
        if kind == "floor.item.end":
            due = [name(r.delegation) for r in floor.queue if r.held]
            return f"{who} closed the item" + (
                f"; rights of reply now due: {', '.join(due)}." if due else "."
            )
        if kind == "floor.time.set":
            which = p.get("kind")
            if which is None:
                return f"{who} set the speaking time to {format_duration(p['seconds'])}{undo}."
            if p.get("seconds") is None:
                return f"The speaking time for a {which} is the default again{undo}."
            return f"{who} set the speaking time for a {which} to {format_duration(p['seconds'])}{undo}."
        return f"Floor: {kind}."

    @staticmethod
    def _place(state: SessionState, section: str | None, paragraph: str | None) -> str:
        draft = state.draft
        parts = []
        if section is not None and section in draft.numbering().label:
            parts.append(f"section {draft.label_of(section)}")
        if paragraph is not None and draft.number_of(paragraph):
            parts.append(f"paragraph {draft.number_of(paragraph)}")
        return " on " + ", ".join(parts) if parts else ""

    # --------------------------------------------------------------------- apply
    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        floor: SpeakersList = state.floor
        if event.kind == "adoption.take_up":
            if event.payload.get("section") != floor.item_section:
                self._end_item(state, change)
                floor.item_section = event.payload.get("section")
            return
        if not event.kind.startswith("floor."):
            return
        change.areas.add("floor")
        p = event.payload
        kind = event.kind
        if kind == "floor.request":
            self._add_request(floor, event)
        elif kind == "floor.withdraw":
            floor.queue = [r for r in floor.queue if r.id != p["id"]]
        elif kind == "floor.reorder":
            by_id = {r.id: r for r in floor.queue}
            floor.queue = [by_id[i] for i in p["order"]]
        elif kind == "floor.give":
            request = None
            if p.get("request") is not None:
                request = floor.request(p["request"])
                floor.queue.remove(request)
            floor.current = Intervention(
                delegation=p["delegation"],
                kind=p["kind"],
                requested_ts=request.ts if request else None,
                start_ts=event.ts,
                allotted_seconds=int(p["allotted"]),
                section=p.get("section"),
                paragraph=p.get("paragraph"),
                request_id=request.id if request else None,
                item=floor.item,
            )
            for waiting in floor.queue:
                if waiting.delegation == p["delegation"] and waiting.kind == p["kind"]:
                    waiting.old_hand = True
        elif kind == "floor.end":
            current = floor.current
            assert current is not None
            if current.paused_at is not None:
                current.paused_seconds += seconds_between(current.paused_at, event.ts)
                current.paused_at = None
            current.end_ts = event.ts
            floor.interventions.append(current)
            floor.current = None
        elif kind == "floor.pause":
            assert floor.current is not None
            floor.current.paused_at = event.ts
        elif kind == "floor.resume":
            current = floor.current
            assert current is not None and current.paused_at is not None
            current.paused_seconds += seconds_between(current.paused_at, event.ts)
            current.paused_at = None
        elif kind == "floor.item.end":
            self._end_item(state, change)
        elif kind == "floor.time.set":
            which, seconds = p.get("kind"), p.get("seconds")
            if which is None:
                floor.default_seconds = int(seconds)
            elif seconds is None:
                floor.overrides.pop(which, None)
            else:
                floor.overrides[which] = int(seconds)

    @staticmethod
    def _add_request(floor: SpeakersList, event: Event) -> None:
        p = event.payload
        held = p.get("held", p["kind"] == RIGHT_OF_REPLY)
        request = Request(
            id=p["id"],
            delegation=p["delegation"],
            kind=p["kind"],
            ts=p.get("ts", event.ts),
            section=p.get("section"),
            paragraph=p.get("paragraph"),
            online=bool(p.get("online")),
            item=int(p.get("item", floor.item)),
            held=bool(held),
        )
        floor.requests_made += 1
        if "index" in p:
            index = p["index"]
        elif request.kind == POINT_OF_ORDER:
            index = 0
            while index < len(floor.queue) and floor.queue[index].kind == POINT_OF_ORDER:
                index += 1
        elif request.held:
            index = len(floor.queue)
        else:
            index = next((i for i, r in enumerate(floor.queue) if r.held), len(floor.queue))
        floor.queue.insert(index, request)

    @staticmethod
    def _end_item(state: SessionState, change: Change) -> None:
        floor: SpeakersList = state.floor
        due = [r for r in floor.queue if r.held]
        floor.item += 1
        change.areas.add("floor")
        if not due:
            return
        rest = [r for r in floor.queue if not r.held]
        top = 0
        while top < len(rest) and rest[top].kind == POINT_OF_ORDER:
            top += 1
        for r in due:
            r.held = False
        floor.queue = rest[:top] + due + rest[top:]
        names = ", ".join(state.roster.name_of(r.delegation) for r in due)
        change.notices.append(f"End of the item: the right of reply of {names} can now be heard.")
