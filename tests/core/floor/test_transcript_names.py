"""Transcript names: one speaker's blocks in a row make one named turn; the ">>" turns with no name are the
ones listed for the chair; names match a delegation by code, name, alias or with a title before it."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core.floor.roster import Delegation
from chairdesk.core.floor.transcript import Transcript, match_speaker, parse_transcript
from tests.floor_support import FakeClock, floor_session

TEXT = """>> CHAIR: We open the meeting.
>> BLUE: Thank you, Chair.
>> BLUE: Let me add a second point.
>> Can everyone hear me?
>> KOREA: We support the text.
>> CHAIR: Thank you.
"""


def test_one_speakers_blocks_in_a_row_make_one_named_turn() -> None:
    turns = parse_transcript(TEXT)
    assert [(t.speaker, t.named) for t in turns] == [
        ("CHAIR", True),
        ("BLUE", True),
        ("(unnamed, line 4)", False),
        ("KOREA", True),
        ("CHAIR", True),
    ]
    assert turns[1].text == "Thank you, Chair.\nLet me add a second point." and turns[1].words == 9


def test_the_unnamed_turns_listed_for_the_chair() -> None:
    transcript = Transcript("t.txt", TEXT, parse_transcript(TEXT))
    assert [t.speaker for t in transcript.unnamed_turns()] == ["(unnamed, line 4)"]
    assert transcript.names() == ["CHAIR", "BLUE", "(unnamed, line 4)", "KOREA"]


def test_names_match_by_code_name_alias_or_title(tmp_path: Path) -> None:
    delegations = [
        Delegation("KOR", "Republic of Korea", aliases=("Korea",)),
        Delegation("BLU", "Blue"),
    ]
    with floor_session(tmp_path, FakeClock(), delegations) as session:
        roster = session.state.roster
        assert match_speaker("KOREA", roster) == "KOR"
        assert match_speaker("Republic of Korea", roster) == "KOR"
        assert match_speaker("Mr. Blue", roster) == "BLU"
        assert match_speaker("The Chair", roster) == "chair"
        assert match_speaker("(unnamed, line 4)", roster) is None
        assert match_speaker("Green", roster) is None
        transcript = Transcript("t.txt", TEXT, parse_transcript(TEXT))
        assert transcript.unmatched_names(roster) == ["(unnamed, line 4)"]
