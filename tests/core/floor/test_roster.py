"""The roster: CSV import validated in full before one event, export, editing events."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core.floor.operations import add_delegation, import_roster_csv, set_roster, update_delegation
from chairdesk.core.floor.roster import Delegation, RosterError, read_roster_csv, write_roster_csv
from chairdesk.core.log.session import Session
from tests.floor_support import ROSTER, FakeClock, floor_session

GOOD = """name,code,stakeholder_group,regional_group,colour,attendance
Blue,BLU,Government,WEOG,#1f5fbf,room
Yellow,YEL,government,african group,#d8b400,
Green,GRN,Civil Society,,green,online
"""


def write(tmp_path: Path, text: str, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_a_good_roster(tmp_path: Path) -> None:
    delegations = read_roster_csv(write(tmp_path, GOOD))
    assert [d.name for d in delegations] == ["Blue", "Yellow", "Green"]
    yellow, green = delegations[1], delegations[2]
    assert yellow.regional_group == "African Group" and yellow.online is False
    assert green.stakeholder_group == "civil society" and green.regional_group == "none"
    assert green.online is True and green.colour == "green"


def test_roster_round_trip(tmp_path: Path) -> None:
    path = write_roster_csv(ROSTER, tmp_path / "out.csv")
    assert path.read_text(encoding="utf-8").splitlines()[0] == (
        "name,code,stakeholder_group,regional_group,colour,attendance"
    )
    assert read_roster_csv(path) == ROSTER


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Blue,BL2,government,WEOG,,room", "row 5: the name 'Blue' is already used in row 2"),
        ("Mauve,BLU,government,WEOG,,room", "row 5: the code 'BLU' is already used in row 2"),
        ("Mauve,MAU,parliament,WEOG,,room", "row 5: unknown stakeholder group 'parliament'"),
        ("Mauve,MAU,government,Atlantis,,room", "row 5: unknown regional group 'Atlantis'"),
        (",MAU,government,WEOG,,room", "row 5: the name is empty"),
        ("Mauve,,government,WEOG,,room", "row 5: the code of Mauve is empty"),
        ("Mauve,MAU,government,WEOG,,balcony", "row 5: attendance must be room or online"),
        ("Mauve,MAU,government,WEOG,not a colour!,room", "row 5: the colour 'not a colour!'"),
    ],
)
def test_bad_rows_name_the_file_and_row_and_change_nothing(tmp_path: Path, row: str, message: str) -> None:
    path = write(tmp_path, GOOD + row + "\n", "bad roster.csv")
    session = floor_session(tmp_path, FakeClock())
    events = len(session.events)
    with pytest.raises(RosterError) as caught:
        import_roster_csv(session, path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)
    assert len(session.events) == events
    assert session.state.roster.delegations == ROSTER
    session.close()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("name,code\nBlue,BLU\n", "row 1: missing column(s) stakeholder_group, regional_group"),
        ("name,code,stakeholder_group,regional_group,shoe size\n", "unknown column(s) shoe_size"),
        ("name,code,stakeholder_group,regional_group\n", "a header but no delegations"),
    ],
)
def test_bad_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(RosterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_roster_csv(write(tmp_path, text))


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        "name,code,stakeholder_group,regional_group\nCôte,CI,government,none\n".encode("latin-1")
    )
    with pytest.raises(RosterError, match="not a text file in UTF-8"):
        read_roster_csv(path)
    with pytest.raises(RosterError, match="no such file"):
        read_roster_csv(tmp_path / "nothing.csv")


def test_import_is_one_event_and_undoable(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "s.chairdesk", "Meeting", clock=FakeClock())
    change = import_roster_csv(session, write(tmp_path, GOOD))
    assert session.events[-1].kind == "roster.set"
    assert [d.code for d in session.state.roster.delegations] == ["BLU", "YEL", "GRN"]
    sentence = session.state_at(1).describe(session.events[-1])
    assert sentence == "The roster was set from roster.csv: 3 delegations."
    session.undo(change)
    assert session.state.roster.delegations == []
    session.close()


def test_edit_one_delegation(tmp_path: Path) -> None:
    session = floor_session(tmp_path, FakeClock())
    add_delegation(session, Delegation("MAU", "Mauve", "technical community", "none", "", True), index=0)
    assert session.state.roster.delegations[0].name == "Mauve"
    change = update_delegation(session, Delegation("MAU", "Mauve", "academia", "WEOG", "#aa00aa", False))
    assert session.state.roster.get("MAU").stakeholder_group == "academia"
    session.undo(change)
    assert session.state.roster.get("MAU").stakeholder_group == "technical community"
    with pytest.raises(RosterError, match="the name 'Blue' is already used"):
        add_delegation(session, Delegation("BL2", "Blue"))
    with pytest.raises(RosterError, match="unknown stakeholder group"):
        set_roster(session, [Delegation("X", "X", "parliament")])
    assert session.state.roster.name_of("NOPE") == "NOPE"
    assert [d.name for d in session.state.roster.find("gr")] == ["Green"]
    assert [d.name for d in session.state.roster.find("blu")] == ["Blue"]  # the code, exactly
    assert [d.name for d in session.state.roster.find("ang")] == ["Orange"]  # inside the name
    session.close()
