"""The simple majority of those present, totals with nobody in one column, and the sentence of a vote taken
by totals (no roll call) that is not carried."""

from __future__ import annotations

import pytest

from chairdesk.core.adoption.votes import (
    SIMPLE_MAJORITY_PRESENT,
    Tally,
    VoteResult,
    carries,
    required_yes,
    tally_totals,
    vote_sentence,
)


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "present", "carried"),
    [
        (5, 0, 4, 9, True),  # more than half of the nine present
        (5, 0, 5, 10, False),  # half of those present is not more than half
        (6, 0, 0, 12, False),  # present but not voting counts against
        (7, 3, 2, 12, True),
        (0, 0, 0, 0, False),
    ],
)
def test_simple_majority_of_those_present(yes: int, no: int, abstain: int, present: int, carried: bool) -> None:
    assert carries(SIMPLE_MAJORITY_PRESENT, Tally(yes, no, abstain, present)) is carried


def test_required_yes_of_those_present() -> None:
    assert required_yes(SIMPLE_MAJORITY_PRESENT, Tally(3, 7, 2, 12)) == 7
    assert required_yes(SIMPLE_MAJORITY_PRESENT, Tally(3, 0, 0, 3)) == 2


def test_totals_with_nobody_against_or_abstaining() -> None:
    assert tally_totals({"yes": 12, "no": 0, "abstain": 0}) == Tally(12, 0, 0, 12)
    assert tally_totals({"yes": 0, "no": 0, "abstain": 0, "present": 4}) == Tally(0, 0, 0, 4)
    assert tally_totals({"yes": 5}) == Tally(5, 0, 0, 5)


def test_the_sentence_of_a_vote_by_totals_not_carried() -> None:
    vote = VoteResult(
        seq=9,
        ts="2026-11-26T11:00:00.000000+00:00",
        actor="chair",
        subject_kind="report",
        subject=None,
        rule=SIMPLE_MAJORITY_PRESENT,
        tally=Tally(5, 0, 5, 10),
        carried=False,
        subject_text="the report",
    )
    assert vote.outcome == "not carried"
    assert vote_sentence(vote, []) == (
        "Vote on the report (simple majority of those present): 5 in favour, 0 against, 5 abstentions "
        "(10 present); not carried."
    )
