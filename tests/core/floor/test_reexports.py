"""Scripts import the floor's names from chairdesk.core.floor, .roster and .transcript: every one stays there."""

from __future__ import annotations

import importlib

import pytest

from chairdesk.core.floor import operations as floor_operations
from chairdesk.core.floor import roster as floor_roster
from chairdesk.core.floor import transcript as floor_transcript

OPERATIONS = [
    "add_delegation", "attach_transcript", "detach_transcript", "end_intervention", "end_item", "give_floor",
    "hear_point_of_order", "import_roster_csv", "map_speaker", "move_request", "next_speaker", "pause_timer",
    "remove_delegation", "reorder_list", "request_floor", "resume_timer", "set_roster", "set_speaking_time",
    "update_delegation", "withdraw_request",
]
OWN = {
    "chairdesk.core.floor": [
        "DEFAULT_SPEAKING_SECONDS", "Intervention", "KINDS", "MAX_SECONDS", "MIN_SECONDS", "POINT_OF_ORDER",
        "RIGHT_OF_REPLY", "Request", "SPEAKER", "SpeakersList", "WARNING_SECONDS", "format_duration",
        "minutes_seconds", "parse_ts", "seconds_between",
    ],
    "chairdesk.core.roster": [
        "ATTENDANCE", "CSV_COLUMNS", "Delegation", "REGIONAL_GROUPS", "REQUIRED_COLUMNS", "Roster", "RosterError",
        "STAKEHOLDER_GROUPS", "delegation_problem", "read_roster_csv", "regional_group", "stakeholder_group",
        "validate_delegations", "write_roster_csv",
    ],
    "chairdesk.core.transcript": [
        "CHAIR_NAMES", "MAX_BYTES", "MAX_SPEAKER_WORDS", "Transcript", "TranscriptError", "Turn", "match_speaker",
        "parse_transcript", "read_transcript",
    ],
}


@pytest.mark.parametrize("name", sorted(OWN))
def test_every_public_name_is_still_there_and_listed(name: str) -> None:
    module = importlib.import_module(name)
    expected = OWN[name] + OPERATIONS
    assert sorted(module.__all__) == sorted(expected)
    assert len(module.__all__) == len(set(module.__all__))
    namespace: dict[str, object] = {}
    exec(f"from {name} import *", namespace)  # noqa: S102 — what `import *` in a script gets
    assert sorted(n for n in namespace if not n.startswith("__")) == sorted(expected)


@pytest.mark.parametrize("name", sorted(OWN))
def test_the_operations_are_the_floors_own_functions(name: str) -> None:
    module = importlib.import_module(name)
    for operation in OPERATIONS:
        assert getattr(module, operation) is getattr(floor_operations, operation)


def test_the_roster_and_transcript_names_are_the_models_own() -> None:
    roster = importlib.import_module("chairdesk.core.roster")
    transcript = importlib.import_module("chairdesk.core.transcript")
    assert all(getattr(roster, n) is getattr(floor_roster, n) for n in OWN["chairdesk.core.roster"])
    assert all(getattr(transcript, n) is getattr(floor_transcript, n) for n in OWN["chairdesk.core.transcript"])
