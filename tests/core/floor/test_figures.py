"""Speaking figures against a session worked out by hand, and transcripts (good and bad)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chairdesk.core.floor.figures import speaker_figures, write_figures_csv
from chairdesk.core.floor.operations import (
    attach_transcript,
    detach_transcript,
    end_intervention,
    give_floor,
    map_speaker,
    next_speaker,
    pause_timer,
    request_floor,
    resume_timer,
    set_speaking_time,
)
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.floor.transcript import TranscriptError, parse_transcript, read_transcript
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session
from tests.floor_support import FakeClock, floor_session

ROSTER = [
    Delegation("BLU", "Blue", "government", "WEOG"),
    Delegation("YEL", "Yellow", "government", "African Group"),
    Delegation("GRN", "Green", "civil society", "none", online=True),
    Delegation("PUR", "Purple", "academia", "GRULAC"),
]

TRANSCRIPT = """Working group on ICT security, fourth meeting, 4 May

Chair:
Good morning. I give the floor to Blue.

Team Blue:
Thank you Chair. We support the text.
Delegate of Green:
We do not.
Mr. Smith:
Speaking for the observers here.
Blue:
One more point.
"""


def hand_computed_session(tmp_path: Path) -> tuple[Session, FakeClock]:
    """The session the expected figures below were computed from, by hand."""
    clock = FakeClock()
    session = floor_session(tmp_path, clock, ROSTER)
    set_speaking_time(session, 60, "point of order")
    clock.at(0)
    request_floor(session, "BLU")
    clock.at(10)
    request_floor(session, "GRN")
    clock.at(20)
    next_speaker(session)  # Blue waited 20 s
    clock.at(220)
    end_intervention(session)  # Blue 200 s: 20 s over
    clock.at(230)
    next_speaker(session)  # Green waited 220 s
    clock.at(290)
    pause_timer(session)
    clock.at(320)
    resume_timer(session)
    clock.at(350)
    end_intervention(session)  # Green 120 s less a 30 s pause: 90 s
    clock.at(360)
    request_floor(session, "BLU")
    clock.at(370)
    next_speaker(session)  # Blue waited 10 s
    clock.at(430)
    end_intervention(session)  # Blue 60 s
    clock.at(440)
    give_floor(session, "YEL", "point of order")  # not from the list: no wait
    clock.at(540)
    end_intervention(session)  # Yellow 100 s on a 60 s point of order: over
    return session, clock


def test_figures_per_delegation(tmp_path: Path) -> None:
    session, _ = hand_computed_session(tmp_path)
    figures = speaker_figures(session.state)
    by_code = {d.code: d for d in figures.delegations}
    assert [d.code for d in figures.delegations] == ["BLU", "YEL", "GRN", "PUR"]
    blue, yellow, green, purple = (by_code[c] for c in ("BLU", "YEL", "GRN", "PUR"))
    assert (blue.interventions, blue.speaking_seconds, blue.mean_seconds) == (2, 260, 130)
    assert (blue.overruns, blue.mean_wait_seconds) == (1, 15)
    assert (green.interventions, green.speaking_seconds, green.overruns, green.mean_wait_seconds) == (
        1,
        90,
        0,
        220,
    )
    assert (yellow.interventions, yellow.speaking_seconds, yellow.overruns) == (1, 100, 1)
    assert yellow.mean_wait_seconds is None
    assert (purple.interventions, purple.speaking_seconds, purple.mean_seconds) == (0, 0, 0)
    assert blue.words is None and blue.turns is None  # no transcript
    assert figures.total_interventions == 4 and figures.total_seconds == 450
    session.close()


def test_group_shares_next_to_roster_shares(tmp_path: Path) -> None:
    session, _ = hand_computed_session(tmp_path)
    figures = speaker_figures(session.state)
    stake = {g.group: g for g in figures.stakeholder_groups}
    assert list(stake) == ["government", "civil society", "academia"]
    gov = stake["government"]
    assert (gov.roster_count, gov.roster_share, gov.interventions, gov.intervention_share) == (
        2,
        0.5,
        3,
        0.75,
    )
    assert (gov.speaking_seconds, gov.time_share) == (360, 0.8)
    assert stake["civil society"].time_share == pytest.approx(0.2)
    academia = stake["academia"]
    assert (academia.roster_share, academia.time_share, academia.gap) == (0.25, 0.0, -0.25)
    region = {g.group: g for g in figures.regional_groups}
    assert list(region) == ["African Group", "GRULAC", "WEOG", "none"]
    assert region["WEOG"].time_share == pytest.approx(260 / 450)
    assert region["WEOG"].intervention_share == 0.5
    assert region["African Group"].time_share == pytest.approx(100 / 450)
    assert region["GRULAC"].interventions == 0 and region["GRULAC"].roster_share == 0.25
    session.close()


def test_current_intervention_counts_only_when_asked(tmp_path: Path) -> None:
    session, clock = hand_computed_session(tmp_path)
    give_floor(session, "PUR")
    clock.tick(45)
    assert speaker_figures(session.state).total_interventions == 4
    purple = speaker_figures(session.state, now=clock())
    assert {d.code: d.speaking_seconds for d in purple.delegations}["PUR"] == 45
    session.close()


def test_time_suspended_by_a_point_of_order_is_not_speaking_time(tmp_path: Path) -> None:
    clock = FakeClock()
    session = floor_session(tmp_path, clock, ROSTER)
    request_floor(session, "BLU")
    next_speaker(session)  # Blue from 0 s
    clock.at(60)
    request_floor(session, "GRN", "point of order")
    next_speaker(session)  # Green's point of order suspends Blue at 60 s
    clock.at(90)
    during = {d.code: d.speaking_seconds for d in speaker_figures(session.state, now=clock()).delegations}
    assert (during["BLU"], during["GRN"]) == (60, 30)  # Blue's time is frozen while suspended
    clock.at(100)
    end_intervention(session)  # Blue has the floor again
    clock.at(200)
    end_intervention(session)
    figures = speaker_figures(session.state)
    by_code = {d.code: d for d in figures.delegations}
    assert (by_code["BLU"].interventions, by_code["BLU"].speaking_seconds) == (1, 160)  # one, 40 s left out
    assert (by_code["GRN"].interventions, by_code["GRN"].speaking_seconds) == (1, 40)
    assert by_code["BLU"].overruns == 0  # 200 s on the clock, but 160 s spoken of 180
    assert figures.total_seconds == 200 and figures.total_interventions == 2
    stake = {g.group: g for g in figures.stakeholder_groups}
    assert stake["government"].time_share == pytest.approx(0.8)
    session.close()


def test_figures_csv(tmp_path: Path) -> None:
    session, _ = hand_computed_session(tmp_path)
    path = write_figures_csv(speaker_figures(session.state), tmp_path / "figures.csv")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    blue = next(r for r in rows if r["table"] == "delegation" and r["code"] == "BLU")
    assert (blue["interventions"], blue["speaking_seconds"], blue["overruns"]) == ("2", "260.0", "1")
    assert blue["mean_wait_seconds"] == "15.0" and blue["words"] == ""
    gov = next(r for r in rows if r["table"] == "stakeholder group" and r["name"] == "government")
    assert (gov["roster_share"], gov["time_share"], gov["intervention_share"]) == (
        "0.5000",
        "0.8000",
        "0.7500",
    )
    assert [r["name"] for r in rows if r["table"] == "regional group"] == [
        "African Group",
        "GRULAC",
        "WEOG",
        "none",
    ]
    session.close()


def test_transcript_words_and_turns(tmp_path: Path) -> None:
    session, _ = hand_computed_session(tmp_path)
    path = tmp_path / "transcript.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    change = attach_transcript(session, path)
    assert change.notices == ["Transcript speakers that match no delegation (map them): Mr. Smith."]
    transcript = session.state.transcript
    assert transcript.unmatched_names(session.state.roster) == ["Mr. Smith"]
    words = {d.code: (d.words, d.turns) for d in speaker_figures(session.state).delegations}
    assert words == {"BLU": (10, 2), "YEL": (0, 0), "GRN": (3, 1), "PUR": (0, 0)}
    map_speaker(session, "Mr. Smith", "PUR")
    assert transcript.unmatched_names(session.state.roster) == []
    words = {d.code: (d.words, d.turns) for d in speaker_figures(session.state).delegations}
    assert words["PUR"] == (5, 1)
    assert transcript.counts(session.state.roster)["chair"] == (8, 1)
    sentences = [session.state_at(e.seq - 1).describe(e) for e in session.events[-2:]]
    assert sentences == [
        "A transcript was attached (transcript.txt): 5 turns by 5 speakers.",
        "The transcript speaker 'Mr. Smith' was mapped to Purple.",
    ]
    with pytest.raises(RefusedError, match="No speaker called 'Nobody'"):
        map_speaker(session, "Nobody", "PUR")
    path_reopen = session.path
    session.close()
    with Session.open(path_reopen) as reopened:  # attached to the session: survives a restart
        assert reopened.state.transcript.counts(reopened.state.roster)["PUR"] == (5, 1)
        detach_transcript(reopened)
        assert speaker_figures(reopened.state).delegations[0].words is None


def test_consecutive_blocks_by_one_speaker_are_one_turn() -> None:
    turns = parse_transcript("Blue:\nOne two.\nBlue:\nThree.\nRed:\nFour.\n")
    assert [(t.speaker, t.words) for t in turns] == [("Blue", 3), ("Red", 1)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"Just some minutes with no speakers at all.\nNothing here.\n", 'no "Speaker name:" line'),
        (b"Blue:\nfine\n\x00\x01\x02binary", "not a text file"),
        (b"Blue:\nfine\nRed:\nCaf\xe9 au lait\n", "line 4: not UTF-8"),
    ],
)
def test_bad_transcripts_name_the_file_and_change_nothing(
    tmp_path: Path, content: bytes, message: str
) -> None:
    session = floor_session(tmp_path, FakeClock(), ROSTER)
    path = tmp_path / "minutes.txt"
    path.write_bytes(content)
    events = len(session.events)
    with pytest.raises(TranscriptError) as caught:
        attach_transcript(session, path)
    assert str(caught.value).startswith(str(path)) and message in str(caught.value)
    assert len(session.events) == events and not session.state.transcript.attached
    with pytest.raises(TranscriptError, match="no such file"):
        read_transcript(tmp_path / "missing.txt")
    session.close()
