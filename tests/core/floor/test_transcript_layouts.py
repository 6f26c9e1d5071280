"""Transcripts in their published layouts (tests/corpus/transcripts, see its README) against counts made by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chairdesk.core.floor.figures import speaker_figures, write_figures_csv
from chairdesk.core.floor.operations import add_delegation, attach_transcript, detach_transcript, map_speaker
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.floor.transcript import TranscriptError, parse_transcript, read_transcript
from chairdesk.core.log.session import Session
from chairdesk.resources import un_roster
from tests.floor_support import FakeClock, floor_session

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "transcripts"
U = None  # an unnamed ">>" turn in the lists below

# Counted by hand from the files: the speaker of each turn, in order (U: unnamed), and the line it starts on.
HAND_COUNTS: dict[str, list[tuple[int, str | None]]] = {
    "forum-open-mic-captioned.txt": [
        (9, "AMARA OKONJO"),
        (17, "LEIF HALVORSEN"),
        (19, "AMARA OKONJO"),
        (21, "MEI TANAKA"),
        (23, "AMARA OKONJO"),  # its words go on after "(off microphone)" in a second block, line 27
        (29, "AUDIENCE"),
        (33, "AMARA OKONJO"),
        (35, "DANIEL FUENTES"),
        (37, "AMARA OKONJO"),
        (39, "AUDIENCE"),
        (41, "MEI TANAKA"),
        (43, "AMARA OKONJO"),
    ],
    "forum-newcomers-unnamed.txt": [
        (7, U),
        (9, U),
        (11, U),
        (13, U),
        (15, U),
        (17, "NADIA PERRIN"),
        (21, "KOFI MENSAH"),
        (23, U),
        (25, "KOFI MENSAH"),
        (27, U),
        (29, "KOFI MENSAH"),
        (31, "MODERATOR"),
        (33, "PARTICIPANT"),
        (35, "KOFI MENSAH"),
        (37, "MODERATOR"),
        (39, U),
        (41, "MODERATOR"),
        (43, "PARTICIPANT"),
        (45, "KOFI MENSAH"),
    ],
    "forum-orientation-single-lines.txt": [
        (3, "AMARA OKONJO"),
        (4, "CAROL BENTLEY"),
        (5, "AMARA OKONJO"),
        (10, "ATTENDEE"),
        (11, "AMARA OKONJO"),
        (12, U),
        (13, "ATTENDEE"),
        (15, "CAROL BENTLEY"),
        (16, "AMARA OKONJO"),
    ],
    "timed-before-name.txt": [
        (3, "CHAIR"),
        (4, "TURKIYE"),
        (5, "UNITED KINGDOM"),
        (6, "Cote d'Ivoire"),
        (7, "CHAIR"),
        (8, "Representative of Viet Nam"),
        (10, "CHAIR"),
    ],
    "timed-after-name.txt": [
        (3, "Chair"),
        (6, "Brazil"),
        (9, "Iran"),
        (12, "Chair"),
        (15, "USA"),
        (18, "Chair"),  # and "Chair (15:04)" after the suspension: one turn
        (24, "Brazil"),
    ],
    "numbered-lines.txt": [
        (3, "THE CHAIR"),
        (6, "TURKIYE"),
        (9, "THE CHAIR"),
        (11, "UNITED KINGDOM"),
        (13, "THE CHAIR"),
        (15, "CÔTE D’IVOIRE"),
        (17, "MR. OKAFOR"),
        (19, "THE CHAIR"),
    ],
}


def turns_of(name: str):  # noqa: ANN201
    path = CORPUS / name
    return parse_transcript(read_transcript(path), path)


@pytest.mark.parametrize("name", sorted(HAND_COUNTS))
def test_turns_found_match_the_hand_count(name: str) -> None:
    found = [(t.line, t.speaker if t.named else U) for t in turns_of(name)]
    assert found == HAND_COUNTS[name]


def test_unnamed_turns_stay_apart_and_are_listed_for_the_chair() -> None:
    turns = turns_of("forum-newcomers-unnamed.txt")
    unnamed = [t for t in turns if not t.named]
    assert len(unnamed) == 8
    assert unnamed[5].speaker == "(unnamed, line 23)" and unnamed[5].text == "Please, who?"
    kofi = [t for t in turns if t.speaker == "KOFI MENSAH"]
    assert (
        kofi[0].text == "Thank you, Nadia.  Can somebody make Nadia a panelist, please?"
    )  # not "Please, who?"


def test_words_counted_by_hand() -> None:
    open_mic = turns_of("forum-open-mic-captioned.txt")
    assert open_mic[1].words == 5  # "It's Leif.  Thank you, Amara."
    assert open_mic[2].words == 2  # "Sorry.  Leif."
    assert open_mic[4].words == 27 + 8  # two blocks; "(off microphone)" is the captioner's, not hers
    assert open_mic[5].words == 54  # "—" is no word; the paragraph after the blank line is hers
    orientation = turns_of("forum-orientation-single-lines.txt")
    assert orientation[6].words == 12  # the ATTENDEE and the "Yes." under it, which no one can attribute
    assert orientation[-1].words == 14  # the statistics table after the last turn is no one's words
    assert "6,012" not in orientation[-1].text and "statistics" not in orientation[-1].text
    numbered = turns_of("numbered-lines.txt")
    assert numbered[1].words == 20 and numbered[3].words == 9  # "..." and "—" are no words; no line numbers
    assert "7   comment" not in numbered[1].text and "comment on paragraph 3" in numbered[1].text


def test_times_give_durations_counted_by_hand() -> None:
    before = turns_of("timed-before-name.txt")
    assert [t.seconds for t in before] == [36, 51, 18, 57, 8, 45, None]
    after = turns_of("timed-after-name.txt")  # a room clock: 14:05 is five past two
    assert [t.seconds for t in after] == [60, 180, 120, 60, 120, 51 * 60, None]


def test_two_part_times_as_minutes_and_a_clock_past_midnight() -> None:
    offsets = parse_transcript(
        "Speaker 1 (00:00):\nHello.\nSpeaker 2 (01:30):\nHi.\nSpeaker 1 (02:05):\nBye.\n"
    )
    assert [t.seconds for t in offsets] == [90, 35, None]
    late = parse_transcript("CHAIR (23:58): We go on.\nBLUE (00:03): Thank you.\nCHAIR (00:04): Adjourned.\n")
    assert [t.seconds for t in late] == [5 * 60, 60, None]
    caption = parse_transcript(
        ">> CHAIR [00:00:10]: Open.\n>> BLUE [00:00:40]: Thanks.\n>> CHAIR [00:01:00]: Closed."
    )
    assert [(t.speaker, t.seconds) for t in caption] == [("CHAIR", 30), ("BLUE", 20), ("CHAIR", None)]


def test_punctuation_is_not_words_and_a_form_feed_is_whitespace() -> None:
    turns = parse_transcript("Blue:\n— ... – !\nOne two.\fThree\nRed:\nFour.\n")
    assert [t.words for t in turns] == [3, 1]


def test_control_characters_are_named_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("Blue:\nfine\nRed:\nbell\x07 here\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match=r"odd.txt, line 4: .*control character \(U\+0007\)"):
        read_transcript(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("session-report.txt", 'no "Speaker name:" line and no ">> NAME:" turn found'),
        (
            "Minutes of the meeting\n\nChair:\nThe meeting discussed the draft and agreed on it.\n",
            "only one turn found (line 3, Chair)",
        ),
        (
            ">> AMARA OKONJO: Welcome to the session, which is described below.\nIt has three parts.\n",
            "only one turn",
        ),
    ],
)
def test_what_is_not_a_transcript_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = CORPUS / content if content.endswith(".txt") else tmp_path / "not.txt"
    if not content.endswith(".txt"):
        path.write_text(content, encoding="utf-8")
    session = floor_session(tmp_path, FakeClock())
    events = len(session.events)
    with pytest.raises(TranscriptError, match=re.escape(message)) as caught:
        attach_transcript(session, path)
    assert str(caught.value).startswith(str(path))
    assert len(session.events) == events and not session.state.transcript.attached
    session.close()


@pytest.fixture
def un_session(tmp_path: Path) -> Session:
    session = floor_session(tmp_path, FakeClock(), un_roster())
    add_delegation(session, Delegation("IGFS", "Forum Secretariat", "intergovernmental organisation"))
    yield session
    session.close()


def test_names_match_the_roster_loosely(un_session: Session) -> None:
    change = attach_transcript(un_session, CORPUS / "numbered-lines.txt")
    assert change.notices == ["Transcript speakers that match no delegation (map them): MR. OKAFOR."]
    counts = un_session.state.transcript.counts(un_session.state.roster)
    assert counts == {"chair": (17 + 5 + 4 + 15, 4), "TUR": (20, 1), "GBR": (9, 1), "CIV": (7, 1)}
    attach_transcript(un_session, CORPUS / "timed-before-name.txt")
    transcript = un_session.state.transcript
    assert transcript.unmatched_names(un_session.state.roster) == []
    assert transcript.seconds(un_session.state.roster) == {
        "chair": 44,
        "TUR": 51,
        "GBR": 18,
        "CIV": 57,
        "VNM": 45,
    }


def test_the_chairs_mapping_is_made_once_and_kept(un_session: Session, tmp_path: Path) -> None:
    attach_transcript(un_session, CORPUS / "forum-newcomers-unnamed.txt")
    state = un_session.state
    assert (
        state.transcript.resolve("MODERATOR", state.roster) == "chair"
    )  # a role name: the chair, until mapped
    unmatched = state.transcript.unmatched_names(state.roster)
    assert unmatched[:5] == [f"(unnamed, line {n})" for n in (7, 9, 11, 13, 15)]
    assert "KOFI MENSAH" in unmatched and "MODERATOR" not in unmatched
    map_speaker(un_session, "MODERATOR", "IGFS")  # the moderator is the secretariat's Nadia Perrin
    map_speaker(un_session, "(unnamed, line 23)", None)  # left out
    assert un_session.state.transcript.counts(un_session.state.roster)["IGFS"] == (29 + 9 + 6, 3)
    detach_transcript(un_session)
    later = tmp_path / "later.txt"
    later.write_text(">> MODERATOR: Welcome back.\n>> KOFI MENSAH: Thank you.\n>> Hello?\n", encoding="utf-8")
    attach_transcript(un_session, later)
    transcript = un_session.state.transcript
    assert transcript.resolve("MODERATOR", un_session.state.roster) == "IGFS"  # kept
    assert "(unnamed, line 23)" not in transcript.mapping  # a line of the old transcript, not a name
    assert transcript.unmatched_names(un_session.state.roster) == ["KOFI MENSAH", "(unnamed, line 3)"]
    described = un_session.state_at(un_session.events[-1].seq - 1).describe(un_session.events[-1])
    assert described == "A transcript was attached (later.txt): 3 turns by 2 speakers and 1 unnamed turn."


def test_transcript_seconds_sit_next_to_the_timers_in_the_figures(
    un_session: Session, tmp_path: Path
) -> None:
    attach_transcript(un_session, CORPUS / "timed-after-name.txt")
    rows = {d.code: d for d in speaker_figures(un_session.state).delegations}
    assert rows["BRA"].transcript_seconds == 180 and rows["BRA"].turns == 2
    assert rows["IRN"].transcript_seconds == 120 and rows["USA"].transcript_seconds == 120
    assert (
        rows["FRA"].transcript_seconds == 0 and rows["BRA"].speaking_seconds == 0
    )  # the timer ran for no one
    csv_text = write_figures_csv(speaker_figures(un_session.state), tmp_path / "f.csv").read_text(
        encoding="utf-8"
    )
    assert csv_text.splitlines()[0].endswith(",words,turns,transcript_seconds")
    assert any(
        line.startswith("delegation,Brazil,BRA,") and line.endswith(",2,180.0")
        for line in csv_text.splitlines()
    )
    attach_transcript(un_session, CORPUS / "numbered-lines.txt")  # no times: no transcript seconds
    assert speaker_figures(un_session.state).delegations[0].transcript_seconds is None


def test_a_session_holding_a_transcript_an_older_chairdesk_took_still_opens(tmp_path: Path) -> None:
    session = floor_session(tmp_path, FakeClock())
    old_text = "Minutes\n\nBlue:\nWe agree.\n"  # one turn: taken before issue 12
    session.log.append(
        "transcript.attach", {"source": "old.txt", "text": old_text}, "chair", "2026-05-04T10:00:00Z"
    )
    session.close()
    with Session.open(tmp_path / "floor.chairdesk") as reopened:
        transcript = reopened.state.transcript
        assert [(t.speaker, t.words) for t in transcript.turns] == [("Blue", 2)]
        assert transcript.counts(reopened.state.roster) == {"BLU": (2, 1)}
        change = detach_transcript(reopened)
        reopened.undo(change)  # puts the old transcript back, as it was read
        assert reopened.state.transcript.attached


def test_in_a_captioned_file_only_caption_lines_start_turns() -> None:
    text = (
        ">> CHAIR: We have three points.\n"
        "And one more thing:\n"  # a speech's own colon, on a line of its own
        "NOTE: the text is in the annex.\n"  # capitals and a colon inside a speech
        ">> YES.\n"  # a reply in capitals: an unnamed turn, not a speaker called "YES."
        ">> [00:10:02] BLUE: Thank you.\n"
        ">> MODERATOR\n"  # a role on its own, the words below
        "Next speaker, please.\n"
    )
    turns = parse_transcript(text)
    assert [(t.speaker, t.named) for t in turns] == [
        ("CHAIR", True),
        ("(unnamed, line 4)", False),
        ("BLUE", True),
        ("MODERATOR", True),
    ]
    assert turns[0].words == 4 + 4 + 7 and turns[3].text == "Next speaker, please."
