"""The majority rules of a recorded vote: ties, abstentions, those present, and bad input."""

from __future__ import annotations

import pytest

from chairdesk.core.adoption.votes import (
    SIMPLE_MAJORITY,
    TWO_THIRDS_PRESENT,
    TWO_THIRDS_VOTING,
    Tally,
    VoteResult,
    carries,
    counts_sentence,
    required_yes,
    roll_call_order,
    tally_ballots,
    tally_totals,
    vote_sentence,
)
from chairdesk.core.log.errors import RefusedError


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "present", "carried"),
    [
        (5, 4, 0, 9, True),
        (4, 4, 0, 8, False),  # a tie fails
        (3, 2, 10, 15, True),  # abstentions are not votes cast
        (0, 0, 6, 6, False),  # nobody voted
        (1, 0, 20, 21, True),
        (2, 3, 0, 5, False),
    ],
)
def test_simple_majority(yes: int, no: int, abstain: int, present: int, carried: bool) -> None:
    assert carries(SIMPLE_MAJORITY, Tally(yes, no, abstain, present)) is carried


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "present", "carried"),
    [
        (10, 5, 0, 15, True),  # exactly two-thirds carries
        (9, 5, 0, 14, False),  # just under two-thirds
        (10, 5, 30, 45, True),  # abstentions do not count
        (1, 1, 0, 2, False),  # a tie fails
        (0, 0, 3, 3, False),
        (2, 0, 0, 2, True),
    ],
)
def test_two_thirds_of_those_voting(yes: int, no: int, abstain: int, present: int, carried: bool) -> None:
    assert carries(TWO_THIRDS_VOTING, Tally(yes, no, abstain, present)) is carried


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "present", "carried"),
    [
        (10, 5, 0, 15, True),
        (10, 0, 6, 16, False),  # abstentions count like votes against
        (10, 0, 5, 15, True),
        (10, 0, 0, 16, False),  # present but not voting counts too
        (0, 0, 0, 0, False),
        (1, 1, 0, 2, False),  # a tie fails
    ],
)
def test_two_thirds_of_those_present(yes: int, no: int, abstain: int, present: int, carried: bool) -> None:
    assert carries(TWO_THIRDS_PRESENT, Tally(yes, no, abstain, present)) is carried


def test_required_yes_names_the_threshold() -> None:
    assert required_yes(SIMPLE_MAJORITY, Tally(3, 7, 2, 12)) == 6
    assert required_yes(TWO_THIRDS_VOTING, Tally(3, 7, 2, 12)) == 7
    assert required_yes(TWO_THIRDS_PRESENT, Tally(3, 7, 2, 12)) == 8


def test_unknown_rule_is_refused() -> None:
    with pytest.raises(RefusedError, match="Unknown majority rule 'consensus'"):
        carries("consensus", Tally(1, 0, 0, 1))


def test_ballots_count_everyone_present() -> None:
    tally = tally_ballots({"BLU": "yes", "RED": "no", "GRN": "abstain", "YEL": "yes"})
    assert tally == Tally(2, 1, 1, 4)
    with pytest.raises(RefusedError, match="The vote of RED is 'maybe'"):
        tally_ballots({"BLU": "yes", "RED": "maybe"})


def test_totals_are_checked() -> None:
    assert tally_totals({"yes": 3, "no": 1, "abstain": 2}) == Tally(3, 1, 2, 6)
    assert tally_totals({"yes": 3, "no": 1, "abstain": 2, "present": 9}).present == 9
    with pytest.raises(RefusedError, match="cannot cast 6 votes"):
        tally_totals({"yes": 3, "no": 1, "abstain": 2, "present": 5})
    with pytest.raises(RefusedError, match="whole number"):
        tally_totals({"yes": -1, "no": 1})
    with pytest.raises(RefusedError, match="whole number"):
        tally_totals({"yes": "3", "no": 1})


def test_roll_call_follows_the_roster_then_the_alphabet() -> None:
    assert roll_call_order(["ZZZ", "RED", "BLU", "AAA"], ["BLU", "YEL", "RED"]) == [
        "BLU",
        "RED",
        "AAA",
        "ZZZ",
    ]


def test_vote_sentence_lists_the_roll_call() -> None:
    vote = VoteResult(
        seq=7,
        ts="2026-11-26T10:00:00.000000+00:00",
        actor="chair",
        subject_kind="section",
        subject="s3",
        rule=TWO_THIRDS_VOTING,
        tally=Tally(2, 1, 1, 4),
        carried=True,
        ballots={"BLU": "yes", "RED": "no", "GRN": "abstain", "YEL": "yes"},
        subject_text="section C, Confidence-building measures",
        names={"BLU": "Blue", "RED": "Red", "GRN": "Green", "YEL": "Yellow"},
    )
    text = vote_sentence(vote, ["YEL", "BLU", "RED", "GRN"])
    assert text == (
        "Vote on section C, Confidence-building measures (two-thirds of those voting): 2 in favour, "
        "1 against, 1 abstention (4 present); carried. In favour: Yellow, Blue. Against: Red. Abstaining: Green."
    )
    assert counts_sentence(Tally(0, 0, 3, 3)) == "0 in favour, 0 against, 3 abstentions (3 present)"
