"""Rules of procedure for Model UN committees: the roll call, motions, caucuses and yields, as plain data.

Rules (each one a check or an apply step in events.py):

- The rules are a per-session choice: "un" (a UN working group: none of this applies) or "mun" (Model UN).
  Every procedure event but the choice itself is refused in UN working group mode.
- Roll call: each delegation on the roster is "present", "present and voting" (may not abstain in a
  substantive vote) or "absent". Quorum: a majority of the delegations on the roster present. When a roll
  call exists, votes count "those present" from it (adoption.vote: totals.present must match it, nobody
  absent votes, and a delegation present and voting does not abstain).
- Motions: a delegation present moves a motion; motions wait on the list and the chair puts them to a
  procedural vote (yes or no, no abstentions) in order of disruptiveness, most disruptive first:
  adjourn, suspend, close debate, unmoderated caucus, moderated caucus, set the speaking time; between two
  caucuses of the same kind the longer first, then the one moved first. A simple majority of those voting
  carries a motion, two-thirds for closing debate; a tie fails. A carried motion takes effect and the
  other motions on the list lapse; a failed one leaves the list.
- A carried caucus starts at once (``procedure.caucus.start``): a moderated caucus has its own list of
  speakers, each speaking for the caucus's speaking time, and a total-time countdown; an unmoderated
  caucus is a countdown for the room. While a moderated caucus runs, the floor is given from its list only
  (points of order still interrupt). Speeches in caucus are floor interventions tagged with the caucus.
- Yields: a delegation that has the floor as a speaker (not in a caucus, not on yielded time) yields what
  is left of its time to another delegation (which gets the floor for that time, at least 10 s), to
  questions (it keeps the floor to answer), or to the chair (its intervention ends).

Events (applied by events.ProcedureComponent):

    procedure.rules           {rules: "un" | "mun"}
    procedure.roll_call       {delegation, status: present | present and voting | absent | None}
    procedure.motion.move     {id, kind, delegation, topic, total_seconds, speaking_seconds, seconds}
                              (+ index, ts when an undo puts a withdrawn motion back)
    procedure.motion.withdraw {id}
    procedure.motion.vote     {id, yes, no, carried}
    procedure.caucus.start    {motion}
    procedure.caucus.end      {}
    procedure.caucus.request  {id, delegation}      procedure.caucus.withdraw {id}
    procedure.resume          {}
    procedure.yield           {to: delegation | questions | chair, by, delegation, remaining}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..floor.model import MAX_SECONDS, MIN_SECONDS, format_duration, seconds_between
from ..log.errors import RefusedError

UN, MUN = "un", "mun"
RULES: dict[str, str] = {UN: "UN working group", MUN: "Model UN"}

PRESENT, PRESENT_AND_VOTING, ABSENT = "present", "present and voting", "absent"
STATUSES: tuple[str, ...] = (PRESENT, PRESENT_AND_VOTING, ABSENT)

ADJOURN, SUSPEND, CLOSE_DEBATE = "adjourn", "suspend", "close debate"
UNMODERATED, MODERATED, SPEAKING_TIME = "unmoderated caucus", "moderated caucus", "set speaking time"
MOTION_KINDS: tuple[str, ...] = (ADJOURN, SUSPEND, CLOSE_DEBATE, UNMODERATED, MODERATED, SPEAKING_TIME)
CAUCUSES = (MODERATED, UNMODERATED)
TWO_THIRDS_MOTIONS = frozenset({CLOSE_DEBATE})
MOTION_WORDS: dict[str, str] = {
    ADJOURN: "to adjourn the meeting",
    SUSPEND: "to suspend the meeting",
    CLOSE_DEBATE: "to close debate",
    UNMODERATED: "for an unmoderated caucus",
    MODERATED: "for a moderated caucus",
    SPEAKING_TIME: "to set the speaking time",
}
MAX_CAUCUS_SECONDS = 4 * 3600

YIELD_DELEGATION, YIELD_QUESTIONS, YIELD_CHAIR = "delegation", "questions", "chair"
YIELDS: tuple[str, ...] = (YIELD_DELEGATION, YIELD_QUESTIONS, YIELD_CHAIR)


def _whole(value: object, low: int, high: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise RefusedError(f"The {what} is a whole number of seconds from {low} to {high} (got {value!r}).")
    return value


def motion_params(kind: str, params: dict[str, object]) -> dict[str, object]:
    """The parameters a motion of this kind needs, checked; a RefusedError names what is missing or wrong."""
    if kind not in MOTION_KINDS:
        raise RefusedError(f"Unknown motion {kind!r}; the motions are: {', '.join(MOTION_KINDS)}.")
    out: dict[str, object] = {"topic": "", "total_seconds": 0, "speaking_seconds": 0, "seconds": 0}
    if kind == MODERATED:
        topic = str(params.get("topic") or "").strip()
        if not topic:
            raise RefusedError("A moderated caucus needs a topic.")
        total = _whole(params.get("total_seconds"), 60, MAX_CAUCUS_SECONDS, "total time of the caucus")
        speaking = _whole(params.get("speaking_seconds"), MIN_SECONDS, 600, "speaking time in the caucus")
        if speaking > total:
            raise RefusedError("The speaking time in the caucus is longer than the whole caucus.")
        out.update(topic=topic, total_seconds=total, speaking_seconds=speaking)
    elif kind == UNMODERATED:
        out["seconds"] = _whole(params.get("seconds"), 60, MAX_CAUCUS_SECONDS, "length of the caucus")
    elif kind == SPEAKING_TIME:
        out["seconds"] = _whole(params.get("seconds"), MIN_SECONDS, MAX_SECONDS, "speaking time")
    elif kind == SUSPEND:
        out["seconds"] = _whole(params.get("seconds", 0) or 0, 0, 24 * 3600, "length of the suspension")
    return out


@dataclass
class Motion:
    """A motion moved by a delegation, waiting for the committee's procedural vote."""

    id: str
    kind: str
    delegation: str
    ts: str
    topic: str = ""
    total_seconds: int = 0
    speaking_seconds: int = 0
    seconds: int = 0
    order: int = 0  # how many motions had been moved before this one

    def disruption(self) -> tuple[int, int, int]:
        """Sort key of the chair's order: most disruptive first (kind, then the longer caucus, then first moved)."""
        length = self.total_seconds or self.seconds
        return MOTION_KINDS.index(self.kind), -length, self.order

    @property
    def two_thirds(self) -> bool:
        """Whether the motion needs two-thirds of those voting (closing debate) rather than a simple majority."""
        return self.kind in TWO_THIRDS_MOTIONS

    def words(self) -> str:
        """ "for a moderated caucus on 'Cyber norms' (10 min, 45 s per speaker)"."""
        text = MOTION_WORDS[self.kind]
        if self.kind == MODERATED:
            return (
                f"{text} on '{self.topic}' ({format_duration(self.total_seconds)}, "
                f"{format_duration(self.speaking_seconds)} per speaker)"
            )
        if self.kind == UNMODERATED:
            return f"{text} of {format_duration(self.seconds)}"
        if self.kind == SPEAKING_TIME:
            return f"{text} to {format_duration(self.seconds)}"
        if self.kind == SUSPEND and self.seconds:
            return f"{text} for {format_duration(self.seconds)}"
        return text

    def as_payload(self) -> dict[str, object]:
        """The motion as the move event records it."""
        return {
            "id": self.id,
            "kind": self.kind,
            "delegation": self.delegation,
            "topic": self.topic,
            "total_seconds": self.total_seconds,
            "speaking_seconds": self.speaking_seconds,
            "seconds": self.seconds,
        }


def motion_carries(motion: Motion, yes: int, no: int) -> bool:
    """Whether a procedural vote carries the motion: a simple majority (two-thirds to close debate)."""
    if yes + no == 0:
        return False
    return 3 * yes >= 2 * (yes + no) if motion.two_thirds else yes > no


@dataclass
class MotionVote:
    """The committee's procedural vote on a motion."""

    seq: int
    ts: str
    motion: Motion
    yes: int
    no: int
    carried: bool


@dataclass
class CaucusRequest:
    """A delegation waiting to speak in a moderated caucus."""

    id: str
    delegation: str
    ts: str


@dataclass
class Caucus:
    """A caucus under way (or finished): its countdown, and for a moderated one its own list of speakers."""

    motion: Motion
    start_ts: str
    end_ts: str | None = None
    queue: list[CaucusRequest] = field(default_factory=list)
    speeches: int = 0

    @property
    def kind(self) -> str:
        """ "moderated caucus" or "unmoderated caucus"."""
        return self.motion.kind

    @property
    def moderated(self) -> bool:
        """Whether the caucus has a list of speakers."""
        return self.motion.kind == MODERATED

    @property
    def total_seconds(self) -> int:
        """The caucus's whole length."""
        return self.motion.total_seconds if self.moderated else self.motion.seconds

    def elapsed_seconds(self, now: str | datetime) -> float:
        """Time since the caucus started (frozen at its end)."""
        return max(0.0, seconds_between(self.start_ts, self.end_ts or now))

    def remaining_seconds(self, now: str | datetime) -> float:
        """Time left of the caucus (negative once it has run over)."""
        return self.total_seconds - self.elapsed_seconds(now)

    def waiting(self, code: str) -> CaucusRequest | None:
        """The delegation's request on the caucus list, if any."""
        return next((r for r in self.queue if r.delegation == code), None)

    def request(self, request_id: str) -> CaucusRequest:
        """The waiting request with this id."""
        for request in self.queue:
            if request.id == request_id:
                return request
        raise RefusedError("That request is no longer on the caucus's list of speakers.")


@dataclass
class Yield:
    """A delegation yielding the rest of its time."""

    seq: int
    ts: str
    by: str
    to: str
    delegation: str | None
    remaining: int


@dataclass
class Procedure:
    """The rules of procedure in force and everything they recorded: roll call, motions, caucuses, yields."""

    rules: str = UN
    roll_call: dict[str, str] = field(default_factory=dict)  # delegation code -> status
    roll_call_ts: str | None = None
    motions: list[Motion] = field(default_factory=list)  # waiting, in the order moved
    motions_moved: int = 0
    votes: list[MotionVote] = field(default_factory=list)
    due: Motion | None = None  # a carried caucus motion not started yet
    caucus: Caucus | None = None
    caucuses: list[Caucus] = field(default_factory=list)  # finished ones
    caucus_requests_made: int = 0
    suspended_at: str | None = None
    adjourned_at: str | None = None
    debate_closed: bool = False
    questions: str | None = None  # the delegation answering questions on its remaining time
    yielded_floor: bool = False  # the delegation that has the floor speaks on time yielded to it
    yields: list[Yield] = field(default_factory=list)

    @property
    def mun(self) -> bool:
        """Whether the Model UN rules are in force."""
        return self.rules == MUN

    @property
    def roll_called(self) -> bool:
        """Whether a roll call has been recorded."""
        return bool(self.roll_call)

    def status(self, code: str) -> str | None:
        """The delegation's roll-call status, or None when it has not been called."""
        return self.roll_call.get(code)

    def present_codes(self, codes: list[str]) -> list[str]:
        """The delegations (of those given, in their order) present or present and voting."""
        return [c for c in codes if self.roll_call.get(c) in (PRESENT, PRESENT_AND_VOTING)]

    @staticmethod
    def quorum_needed(roster_size: int) -> int:
        """How many delegations must be present for the committee to decide: a majority of the roster."""
        return roster_size // 2 + 1 if roster_size else 0

    def quorum_line(self, codes: list[str]) -> str:
        """ "9 of 12 present (7 needed): quorum" for the dock and the record."""
        present = len(self.present_codes(codes))
        needed = self.quorum_needed(len(codes))
        verdict = "quorum" if present >= needed else "no quorum"
        voting = sum(1 for c in codes if self.roll_call.get(c) == PRESENT_AND_VOTING)
        return f"{present} of {len(codes)} present, {voting} present and voting ({needed} needed): {verdict}"

    def ordered_motions(self) -> list[Motion]:
        """The waiting motions in the chair's order: most disruptive first."""
        return sorted(self.motions, key=Motion.disruption)

    def motion(self, motion_id: str) -> Motion:
        """The waiting motion with this id."""
        for motion in self.motions:
            if motion.id == motion_id:
                return motion
        raise RefusedError(f"There is no motion {motion_id!r} waiting for a vote.")
