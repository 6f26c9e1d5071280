"""The record of a Model UN session: rules, roll call, motions, votes, caucuses and yields with their sentences,
and the speaking time in caucus in the figures (Markdown and DOCX)."""

from __future__ import annotations

from pathlib import Path

import docx

from chairdesk.core.floor.operations import end_intervention, give_floor
from chairdesk.core.log.session import Session
from chairdesk.core.procedure import (
    MODERATED,
    PRESENT,
    SUSPEND,
    end_caucus,
    move_motion,
    next_caucus_speaker,
    put_motion_to_vote,
    request_caucus_floor,
    resume_meeting,
    roll_call,
    set_rules,
    yield_time,
)
from chairdesk.export import export_record
from chairdesk.export.record import build_record
from tests.floor_support import FakeClock, floor_session


def mun_session(tmp_path: Path) -> Session:
    clock = FakeClock()
    session = floor_session(tmp_path, clock)
    set_rules(session, "mun")
    for code in ("BLU", "YEL", "GRN", "PUR"):
        roll_call(session, code, PRESENT)
    move_motion(session, SUSPEND, "GRN", seconds=900)
    move_motion(session, MODERATED, "BLU", topic="Capacity-building", total_seconds=600, speaking_seconds=60)
    put_motion_to_vote(session, None, 1, 3)  # the suspension first: it fails
    put_motion_to_vote(session, None, 3, 1)  # the caucus carries and starts
    request_caucus_floor(session, "YEL")
    next_caucus_speaker(session)
    clock.tick(50)
    end_caucus(session)
    give_floor(session, "PUR")
    clock.tick(100)
    yield_time(session, "delegation", "GRN")
    clock.tick(30)
    end_intervention(session)
    move_motion(session, SUSPEND, "YEL", seconds=600)
    put_motion_to_vote(session, None, 4, 0)
    clock.tick(600)
    resume_meeting(session)
    return session


def test_procedure_events_are_told_in_the_record(tmp_path: Path) -> None:
    with mun_session(tmp_path) as session:
        record = build_record(session)
    texts = [e.text for e in record.entries if e.kind == "procedure"]
    assert texts[:5] == [
        "The Chair set the rules of procedure: Model UN.",
        "Roll call: Blue is present.",
        "Roll call: Yellow is present.",
        "Roll call: Green is present.",
        "Roll call: Purple is present.",
    ]
    assert texts[5:] == [
        "Green moved to suspend the meeting for 15 min.",
        "Blue moved for a moderated caucus on 'Capacity-building' (10 min, 1 min per speaker).",
        "The motion of Green to suspend the meeting for 15 min failed (1 in favour, 3 against; simple majority).",
        "The motion of Blue for a moderated caucus on 'Capacity-building' (10 min, 1 min per speaker) carried "
        "(3 in favour, 1 against; simple majority).",
        "The Chair opened the moderated caucus on 'Capacity-building' (10 min, 1 min per speaker).",
        "Yellow asked to speak in the moderated caucus.",
        "The Chair closed the moderated caucus on 'Capacity-building' after 50 s, 1 speech.",
        "Purple yielded its remaining 1 min 20 s to Green.",
        "Yellow moved to suspend the meeting for 10 min.",
        "The motion of Yellow to suspend the meeting for 10 min carried (4 in favour, 0 against; simple majority).",
        "The Chair resumed the meeting (suspended since 10:03 UTC).",
    ]
    floor = [e.text for e in record.entries if e.kind == "floor"]
    assert "The Chair gave the floor to Yellow (speaker, 1 min) in the moderated caucus." in floor
    assert "The Chair gave the floor to Green (speaker, 1 min 20 s), on the time Purple yielded." in floor
    assert ("Procedure", 16) in record.counts()
    assert [i.kind for i in record.interventions][:1] == ["speaker (moderated caucus)"]
    figures = {d.code: d for d in record.figures.delegations}
    assert figures["YEL"].caucus_seconds == 50 and figures["GRN"].caucus_seconds == 0


def test_markdown_and_docx_records_show_the_time_in_caucus(tmp_path: Path) -> None:
    with mun_session(tmp_path) as session:
        md = export_record(session, tmp_path / "record.md").read_text(encoding="utf-8")
        out = export_record(session, tmp_path / "record.docx")
    assert "| Procedure | Purple yielded its remaining 1 min 20 s to Green. |" in md
    assert "Of which in caucus" in md
    document = docx.Document(str(out))
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert [
        "Delegation",
        "Group",
        "Interventions",
        "Speaking time",
        "Of which in caucus",
        "Mean",
        "Overruns",
        "Mean wait",
    ] in headers
    text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "The Chair opened the moderated caucus on 'Capacity-building' (10 min, 1 min per speaker)." in text
