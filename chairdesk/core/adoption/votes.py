"""Recorded votes: ballots or totals, the majority rule chosen for the vote, and whether it carried.

Four rules are known, each with its own treatment of abstentions:

- "simple majority": more yes than no among those voting; abstentions are not votes cast.
- "two-thirds of those voting": yes at least two-thirds of yes + no; abstentions are not votes cast.
- "two-thirds of those present": yes at least two-thirds of everyone present; an abstention
  (or a delegation present that does not vote) counts as much as a no.
- "simple majority of those present": yes more than half of everyone present (abstentions count as no).

"Those voting" are those present and voting (yes or no). "Those present" come from the roll call when the
session has one (Model UN rules, ``with_roll_call``); otherwise every delegation that answered, or the number
the chair enters.

A tie fails under every rule, and a vote in which nobody voted fails.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..log.errors import RefusedError

SIMPLE_MAJORITY = "simple majority"
TWO_THIRDS_VOTING = "two-thirds of those voting"
TWO_THIRDS_PRESENT = "two-thirds of those present"
SIMPLE_MAJORITY_PRESENT = "simple majority of those present"
MAJORITY_RULES: dict[str, str] = {
    SIMPLE_MAJORITY: "more in favour than against; abstentions do not count as votes cast",
    TWO_THIRDS_VOTING: "at least two-thirds of those voting yes or no; abstentions do not count",
    TWO_THIRDS_PRESENT: "at least two-thirds of those present; abstentions count like votes against",
    SIMPLE_MAJORITY_PRESENT: "more than half of those present; abstentions count like votes against",
}
CHOICES = ("yes", "no", "abstain")
SUBJECT_KINDS = ("section", "proposal", "report")


@dataclass(frozen=True)
class Tally:
    """The counts of a vote: in favour, against, abstaining, and how many delegations were present."""

    yes: int
    no: int
    abstain: int
    present: int

    @property
    def voting(self) -> int:
        """Those who voted yes or no."""
        return self.yes + self.no

    def as_dict(self) -> dict[str, int]:
        """The totals as they go into an event payload."""
        return {"yes": self.yes, "no": self.no, "abstain": self.abstain, "present": self.present}


@dataclass
class VoteResult:
    """A recorded vote: what was put to the vote, under which rule, the counts and the outcome."""

    seq: int
    ts: str
    actor: str
    subject_kind: str
    subject: str | None
    rule: str
    tally: Tally
    carried: bool
    ballots: dict[str, str] | None = None  # delegation code -> yes / no / abstain, for a roll call
    subject_text: str = ""  # e.g. "section C, Confidence-building measures", as it was at the time
    names: dict[str, str] = field(default_factory=dict)  # delegation code -> name at the time

    @property
    def outcome(self) -> str:
        """ "carried" or "not carried"."""
        return "carried" if self.carried else "not carried"


def tally_ballots(ballots: Mapping[str, str]) -> Tally:
    """Count a roll call: every delegation that answered is present."""
    bad = {code: choice for code, choice in ballots.items() if choice not in CHOICES}
    if bad:
        code, choice = next(iter(bad.items()))
        raise RefusedError(f"The vote of {code} is {choice!r}; a vote is yes, no or abstain.")
    counts = {choice: sum(1 for c in ballots.values() if c == choice) for choice in CHOICES}
    return Tally(counts["yes"], counts["no"], counts["abstain"], len(ballots))


def tally_totals(totals: Mapping[str, Any]) -> Tally:
    """Check totals entered by hand: whole numbers, and no more votes than delegations present."""
    values: dict[str, int] = {}
    for key in ("yes", "no", "abstain"):
        value = totals.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise RefusedError(
                f"The number of {key!r} votes must be a whole number, 0 or more (got {value!r})."
            )
        values[key] = value
    cast = values["yes"] + values["no"] + values["abstain"]
    present = totals.get("present", cast)
    if not isinstance(present, int) or isinstance(present, bool) or present < cast:
        raise RefusedError(
            f"{present!r} delegations present cannot cast {cast} votes (yes, no and abstentions)."
        )
    return Tally(values["yes"], values["no"], values["abstain"], present)


def required_yes(rule: str, tally: Tally) -> int:
    """The required majority: how many yes votes carry it, given how many voted (or were present)."""
    if rule == SIMPLE_MAJORITY:
        return tally.voting // 2 + 1  # more than half of those voting, so a tie fails
    if rule == SIMPLE_MAJORITY_PRESENT:
        return tally.present // 2 + 1
    if rule == TWO_THIRDS_VOTING:
        base = tally.voting
    elif rule == TWO_THIRDS_PRESENT:
        base = tally.present
    else:
        raise RefusedError(f"Unknown majority rule {rule!r}; the rules are: {', '.join(MAJORITY_RULES)}.")
    # at least two-thirds (which is always more yes than no), and never carried when nobody voted
    return max(-(-2 * base // 3), 1)


def with_roll_call(tally: Tally, present: int) -> Tally:
    """The tally with those present taken from the roll call (refused if more voted than are present)."""
    cast = tally.yes + tally.no + tally.abstain
    if cast > present:
        raise RefusedError(f"{cast} votes were cast, but the roll call counts only {present} delegations present.")
    return Tally(tally.yes, tally.no, tally.abstain, present)


def carries(rule: str, tally: Tally) -> bool:
    """Whether the vote carries under the rule."""
    return tally.yes >= required_yes(rule, tally)


def check_rule(rule: str) -> None:
    """Refuse an unknown majority rule."""
    if rule not in MAJORITY_RULES:
        raise RefusedError(f"Unknown majority rule {rule!r}; the rules are: {', '.join(MAJORITY_RULES)}.")


def roll_call_order(codes: Iterable[str], roster_codes: list[str]) -> list[str]:
    """The codes in roster order (those the roster does not know follow, alphabetically)."""
    codes = list(codes)
    known = [c for c in roster_codes if c in codes]
    return known + sorted(c for c in codes if c not in roster_codes)


def counts_sentence(tally: Tally) -> str:
    """ "9 in favour, 2 against, 3 abstentions (14 present)"."""
    abstentions = "1 abstention" if tally.abstain == 1 else f"{tally.abstain} abstentions"
    return f"{tally.yes} in favour, {tally.no} against, {abstentions} ({tally.present} present)"


def roll_call_sentence(vote: VoteResult, order: list[str]) -> str:
    """How each delegation voted, in roll-call order: "In favour: Blue, Red. Against: Green." """
    if not vote.ballots:
        return ""
    parts = []
    for choice, heading in (("yes", "In favour"), ("no", "Against"), ("abstain", "Abstaining")):
        names = [vote.names.get(c, c) for c in order if vote.ballots.get(c) == choice]
        if names:
            parts.append(f"{heading}: {', '.join(names)}.")
    return " ".join(parts)


def vote_sentence(vote: VoteResult, order: list[str]) -> str:
    """The record's sentence for a vote, with the roll call when there was one."""
    text = f"Vote on {vote.subject_text} ({vote.rule}): {counts_sentence(vote.tally)}; {vote.outcome}."
    roll = roll_call_sentence(vote, order)
    return f"{text} {roll}" if roll else text
