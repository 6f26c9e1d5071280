"""The floor in a hybrid workshop (issue 21) through the API: running order, written interventions, figures."""

from __future__ import annotations

import pytest

from chairdesk.core.floor.figures import speaker_figures
from chairdesk.core.floor.operations import end_intervention, give_floor, next_speaker, request_floor
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session
from chairdesk.core.workshop.figures import workshop_diversity
from chairdesk.core.workshop.operations import (
    done_reading,
    drop_written,
    log_written,
    move_slot,
    read_out,
    set_running_order,
    skip_slot,
    swap_slots,
    use_running_order,
)
from tests.floor_support import FakeClock
from tests.workshop_support import HELD, PLANNED, play_workshop, workshop_session


def test_done_when_workshop_figures(tmp_path):
    clock = FakeClock()
    session = workshop_session(tmp_path, clock)
    play_workshop(session, clock)
    state = session.state
    workshop = state.workshop
    assert [code for code, _ in workshop.planned] == PLANNED
    assert [s.delegation for s in workshop.held()] == HELD
    assert all(seconds == 180 for _, seconds in workshop.planned)
    spoken = [i.delegation for i in state.floor.interventions]
    assert spoken == HELD + ["R1", "O1", "R2", "C2", "O2", "R3"]
    assert [i.allotted_seconds for i in state.floor.interventions[:10]] == [180] * 10
    figures = speaker_figures(state)
    assert figures.total_interventions == 16
    assert figures.total_written == 4
    rows = {d.code: d for d in figures.delegations}
    assert (rows["C1"].interventions, rows["C1"].written, rows["C1"].read_seconds) == (0, 1, 25.0)
    assert (rows["C2"].interventions, rows["C2"].written, rows["C2"].read_seconds) == (1, 1, 0.0)
    assert [rows[c].overruns for c in HELD] == [0] * 6 + [1] * 4
    assert rows["O1"].speaking_seconds == 90
    groups = {g.group: g for g in figures.stakeholder_groups}
    # C4 only wrote: the intergovernmental group has one spoken (P08) and one written intervention
    assert (
        groups["intergovernmental organisation"].interventions,
        groups["intergovernmental organisation"].written,
    ) == (1, 1)
    assert groups["private sector"].written_share == pytest.approx(0.25)
    assert sum(g.written for g in figures.regional_groups) == 4
    diversity = workshop_diversity(state)
    assert diversity.planned_people == 10 and diversity.heard_people == 19
    africa = {r.group: r for r in diversity.regional_groups}["African Group"]
    assert (africa.planned, africa.spoke, africa.only_wrote, africa.written) == (3, 4, 1, 1)


def test_running_order_survives_reopening(tmp_path):
    clock = FakeClock()
    session = workshop_session(tmp_path, clock)
    play_workshop(session, clock)
    path = session.path
    before = speaker_figures(session.state)
    session.close()
    with Session.open(path, clock=clock) as again:
        assert [s.delegation for s in again.state.workshop.held()] == HELD
        assert speaker_figures(again.state) == before
        assert [w.read_by for w in again.state.workshop.written] == [
            "moderator:Ines",
            None,
            "moderator:Ines",
            "chair",
        ]


def test_next_speaker_follows_running_order_then_refuses(tmp_path):
    clock = FakeClock()
    session = workshop_session(tmp_path, clock)
    request_floor(session, "R1")
    set_running_order(session, ["P01", ("Mei Tanaka", 240)], seconds=120)
    skip_slot(session, "s1")
    next_speaker(session)
    assert (session.state.floor.current.delegation, session.state.floor.current.allotted_seconds) == (
        "P03",
        240,
    )
    end_intervention(session)
    with pytest.raises(RefusedError, match="Q&A list"):
        next_speaker(session)
    with pytest.raises(RefusedError, match="already had the floor"):
        skip_slot(session, "s2")
    with pytest.raises(RefusedError, match="has started"):
        set_running_order(session, ["P02"])
    skip_slot(session, "s1", skip=False)
    next_speaker(session)
    assert session.state.floor.current.delegation == "P01"
    end_intervention(session)
    use_running_order(session, False)
    next_speaker(session)
    assert session.state.floor.current.delegation == "R1"


def test_move_swap_undo_and_refusals(tmp_path):
    clock = FakeClock()
    session = workshop_session(tmp_path, clock)
    with pytest.raises(RefusedError, match="no running order"):
        use_running_order(session, True)
    set_running_order(session, PLANNED[:4])
    change = move_slot(session, "s4", 0)
    assert [s.delegation for s in session.state.workshop.order] == ["P04", "P01", "P02", "P03"]
    session.undo(change)
    assert [s.delegation for s in session.state.workshop.order] == PLANNED[:4]
    swap = swap_slots(session, "s1", "s2")
    session.undo(swap)
    assert [s.delegation for s in session.state.workshop.order] == PLANNED[:4]
    with pytest.raises(RefusedError, match="no slot 's9'"):
        swap_slots(session, "s1", "s9")
    with pytest.raises(RefusedError, match="nobody at all"):
        set_running_order(session, ["P01", "nobody at all"])
    with pytest.raises(RefusedError, match="whole number of seconds"):
        session.record("workshop.order.set", {"slots": [{"id": "x", "delegation": "P01", "seconds": 5}]})
    count = len(session.events)
    with pytest.raises(
        RefusedError, match="belongs to Amina Diallo"
    ):  # a hand-made give naming another's slot
        session.record(
            "floor.give",
            {
                "delegation": "P02",
                "kind": "speaker",
                "request": None,
                "allotted": 180,
                "section": None,
                "paragraph": None,
                "suspends": None,
                "slot": "s1",
            },
        )
    assert len(session.events) == count
    give_floor(session, "P02")  # the chair may still give the floor to anyone: the running order is unchanged
    assert session.state.workshop.next_slot().delegation == "P01"


def test_written_interventions_rules(tmp_path):
    clock = FakeClock()
    session = workshop_session(tmp_path, clock)
    with pytest.raises(RefusedError, match="chair or an online moderator"):
        session.record(
            "workshop.written.log",
            {"id": "w1", "author": "C1", "text": "Hello", "asked_to_speak": False, "logged_by": "C1"},
            actor="C1",
        )
    with pytest.raises(RefusedError, match="needs its text"):
        log_written(session, "C1", "   ")
    with pytest.raises(RefusedError):
        log_written(session, "nobody known", "A question")
    change = log_written(session, "Nadia", "A question about WSIS+20", asked_to_speak=True)
    assert session.state.floor.waiting("C1") is not None
    assert [w.author for w in session.state.workshop.queue()] == ["C1"]
    session.undo(change)
    assert session.state.workshop.written == []
    log_written(session, "C3", "A comment")
    read_out(session)
    with pytest.raises(RefusedError, match="being read out"):
        read_out(session, "w2")
    clock.tick(40)
    done_reading(session)
    with pytest.raises(RefusedError, match="already been read out"):
        read_out(session, "w2")
    with pytest.raises(RefusedError, match="stays in the record"):
        drop_written(session, "w2")
    with pytest.raises(RefusedError, match="No written intervention is waiting"):
        read_out(session)
    assert session.state.workshop.item("w2").read_seconds() == 40


def test_figures_csv_counts_written_apart(tmp_path):
    import csv

    from chairdesk.core.floor.figures import write_figures_csv

    clock = FakeClock()
    session = workshop_session(tmp_path, clock)
    play_workshop(session, clock)
    path = write_figures_csv(speaker_figures(session.state), tmp_path / "figures.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    by_code = {r["code"]: r for r in rows if r["table"] == "delegation"}
    assert (by_code["C3"]["interventions"], by_code["C3"]["written_interventions"]) == ("0", "1")
    assert by_code["C3"]["read_seconds"] == "25.0"
    igo = next(
        r for r in rows if r["table"] == "stakeholder group" and r["name"] == "intergovernmental organisation"
    )
    assert (igo["interventions"], igo["written_interventions"], igo["written_share"]) == ("1", "1", "0.2500")


def test_affiliation_in_roster_events_and_csv(tmp_path):
    from chairdesk.core.floor.roster import Delegation, read_roster_csv, write_roster_csv
    from tests.workshop_support import WORKSHOP_ROSTER

    path = write_roster_csv(WORKSHOP_ROSTER, tmp_path / "roster.csv")
    assert path.read_text(encoding="utf-8").splitlines()[0].endswith(",attendance,affiliation")
    assert read_roster_csv(path) == WORKSHOP_ROSTER
    plain = Delegation("BLU", "Blue")
    assert "affiliation" not in plain.as_payload()  # old files read and write the same
    assert Delegation.from_payload(plain.as_payload()) == plain
    session = workshop_session(tmp_path, FakeClock())
    assert session.state.roster.get("P04").affiliation == "RIPE NCC"
    old = tmp_path / "old.csv"
    write_roster_csv([plain], old)
    assert (
        old.read_text(encoding="utf-8").splitlines()[0]
        == "name,code,stakeholder_group,regional_group,colour,attendance"
    )


def test_running_order_from_csv_and_refusals(tmp_path):
    from chairdesk.core.workshop.operations import RunningOrderError, import_running_order_csv

    session = workshop_session(tmp_path, FakeClock())
    good = tmp_path / "order.csv"
    good.write_text("name,minutes\nMei Tanaka,3\nJonas Berg,2.5\nP01,\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,minutes\nMei Tanaka,3\nNobody Known,3\n", encoding="utf-8")
    seconds = tmp_path / "seconds.csv"
    seconds.write_text("code;seconds\n", encoding="utf-8")
    count = len(session.events)
    with pytest.raises(RunningOrderError, match=r"bad\.csv, row 3: .*Nobody Known"):
        import_running_order_csv(session, bad)
    with pytest.raises(RunningOrderError, match="a column 'name' or 'code'"):
        import_running_order_csv(session, seconds)
    with pytest.raises(RunningOrderError, match="no such file"):
        import_running_order_csv(session, tmp_path / "missing.csv")
    assert len(session.events) == count  # a refused file changes nothing
    import_running_order_csv(session, good)
    order = session.state.workshop.order
    assert [(s.delegation, s.seconds) for s in order] == [("P03", 180), ("P04", 150), ("P01", 180)]
    assert session.events[-1].payload["source"] == "order.csv"


def test_control_characters_in_a_comment_are_refused(tmp_path):
    session = workshop_session(tmp_path, FakeClock())
    with pytest.raises(RefusedError, match="control character"):
        log_written(session, "C1", "A question\x0b with a vertical tab")
    assert session.state.workshop.written == []
