"""The UN roster, aliases, the roster's cap and separators, and names found the way chairs type them (issue 12)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chairdesk.core.floor.names import fold
from chairdesk.core.floor.operations import give_floor, import_roster_csv, request_floor, set_roster
from chairdesk.core.floor.roster import (
    MAX_DELEGATIONS,
    Delegation,
    Roster,
    RosterError,
    read_roster_csv,
    write_roster_csv,
)
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session
from chairdesk.resources import load_roster, resource_path, un_roster
from tests.floor_support import FakeClock, floor_session


@pytest.fixture
def un_session(tmp_path: Path) -> Session:
    session = floor_session(tmp_path, FakeClock(), un_roster())
    yield session
    session.close()


def roster_of(delegations: list[Delegation]) -> Roster:
    roster = Roster()
    roster.delegations = list(delegations)
    roster._reindex()
    return roster


def test_un_roster_has_193_members_2_observers_and_the_group_counts_of_its_sources() -> None:
    roster = un_roster()
    assert len(roster) == 195 and len({d.code for d in roster}) == 195
    assert [d.name for d in roster[-2:]] == ["Holy See", "State of Palestine"]
    counts: dict[str, int] = {}
    for d in roster:
        counts[d.regional_group] = counts.get(d.regional_group, 0) + 1
    # resources/rosters/SOURCES.md: African 54, Asia-Pacific 54 + Palestine, EEG 23, GRULAC 33, WEOG 29, none 1
    assert counts == {
        "African Group": 54,
        "Asia-Pacific Group": 55,
        "Eastern European Group": 23,
        "GRULAC": 33,
        "WEOG": 29,
        "none": 1,
    }
    turkiye = next(d for d in roster if d.code == "TUR")
    assert turkiye.name == "Türkiye" and turkiye.aliases == ("Turkey", "Turkiye")
    assert "UN" in resource_path("rosters", "SOURCES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("UK", "GBR"),
        ("uk", "GBR"),
        ("United Kingdom", "GBR"),
        ("USA", "USA"),
        ("US", "USA"),
        ("Iran", "IRN"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Turkey", "TUR"),
        ("Turkiye", "TUR"),
        ("TÜRKIYE", "TUR"),
        ("tur", "TUR"),
        ("Cote d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("côte d'ivoire", "CIV"),
        ("Lao People's Democratic Republic", "LAO"),  # the UN writes ’; a straight ' finds it too
        ("Sao Tome", "STP"),
        ("St. Lucia", "LCA"),
        ("Guinea", "GIN"),  # exact name, though Guinea-Bissau, Equatorial Guinea, Papua New Guinea contain it
        ("Niger", "NER"),  # exact name, not Nigeria
        ("Ukr", "UKR"),  # one candidate: taken
        ("Bissau", "GNB"),  # a word of the name
    ],
)
def test_names_are_found_as_chairs_type_them(typed: str, code: str) -> None:
    found = roster_of(un_roster()).resolve(typed)
    assert found.delegation is not None and found.delegation.code == code, found.message


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("Turk", {"TUR", "TKM"}),
        ("United", {"ARE", "GBR", "TZA", "USA"}),
        ("saint", {"KNA", "LCA", "VCT"}),
        ("Korea", None),  # "Korea" is an alias of the Republic of Korea: exact wins
    ],
)
def test_several_candidates_are_shown_and_none_is_taken(typed: str, candidates: set[str] | None) -> None:
    found = roster_of(un_roster()).resolve(typed)
    if candidates is None:
        assert found.delegation is not None and found.delegation.code == "KOR"
        return
    assert found.delegation is None
    assert {d.code for d in found.candidates} == candidates
    assert found.message.startswith(f"“{typed}” matches ") and "choose one" in found.message


def test_fold() -> None:
    assert fold("  Côte  d’Ivoire ") == "cote d'ivoire"
    assert fold("U.K.") == "uk"
    assert fold("TÜRKİYE") == fold("Türkiye") == "turkiye"


def test_turk_and_uk_through_the_api(un_session: Session) -> None:
    events = len(un_session.events)
    with pytest.raises(RefusedError, match="“Turk” matches Türkiye, Turkmenistan"):
        request_floor(un_session, "Turk")
    assert len(un_session.events) == events and not un_session.state.floor.queue
    request_floor(un_session, "UK")
    request_floor(un_session, "Turkey")
    request_floor(un_session, "Cote d'Ivoire")
    assert [r.delegation for r in un_session.state.floor.queue] == ["GBR", "TUR", "CIV"]
    give_floor(un_session, "Vietnam")
    assert un_session.state.floor.current.delegation == "VNM"
    with pytest.raises(RefusedError, match="No delegation on the roster matches “Atlantis”"):
        request_floor(un_session, "Atlantis")


def test_aliases_travel_in_events_and_survive_reopening(tmp_path: Path) -> None:
    session = floor_session(tmp_path, FakeClock(), un_roster())
    payload = session.events[-1].payload["delegations"]
    assert next(p for p in payload if p["code"] == "GBR")["aliases"] == [
        "United Kingdom",
        "UK",
        "Britain",
        "Great Britain",
    ]
    assert "aliases" not in next(p for p in payload if p["code"] == "AFG")  # none: as older files wrote it
    session.close()
    with Session.open(tmp_path / "floor.chairdesk") as reopened:
        assert reopened.state.roster.resolve("UK").delegation.code == "GBR"
        assert reopened.state.roster.get("TUR").aliases == ("Turkey", "Turkiye")


def test_roster_csv_round_trip_keeps_aliases(tmp_path: Path) -> None:
    out = write_roster_csv(un_roster(), tmp_path / "un.csv")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0].keys() >= {"name", "code", "aliases"}
    assert next(r for r in rows if r["code"] == "USA")["aliases"] == "United States|USA|US"
    assert read_roster_csv(out) == un_roster()


def test_semicolon_and_tab_separated_rosters_are_read(tmp_path: Path) -> None:
    semicolon = tmp_path / "semicolon.csv"
    semicolon.write_text(
        "name;code;stakeholder_group;regional_group;aliases\n"
        "Türkiye;TUR;government;WEOG;Turkey|Turkiye\n"
        '"Bolivia (Plurinational State of)";BOL;government;GRULAC;Bolivia\n',
        encoding="utf-8",
    )
    tab = tmp_path / "tab.csv"
    tab.write_text("name\tcode\tstakeholder_group\tregional_group\nChile\tCHL\tgovernment\tGRULAC\n")
    assert [d.code for d in read_roster_csv(semicolon)] == ["TUR", "BOL"]
    assert read_roster_csv(semicolon)[0].aliases == ("Turkey", "Turkiye")
    assert [d.name for d in read_roster_csv(tab)] == ["Chile"]


def test_another_separator_is_refused_by_name_and_nothing_changes(tmp_path: Path) -> None:
    piped = tmp_path / "piped.csv"
    piped.write_text("name|code|stakeholder_group|regional_group\nChile|CHL|government|GRULAC\n")
    session = floor_session(tmp_path, FakeClock())
    events = len(session.events)
    with pytest.raises(RosterError, match=r"piped.csv, row 1: the columns are separated by '\|'"):
        import_roster_csv(session, piped)
    assert len(session.events) == events
    session.close()


def test_the_roster_is_capped_with_a_clear_message(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    lines = ["name,code,stakeholder_group,regional_group"]
    lines += [f"Party {i},P{i},civil society,none" for i in range(MAX_DELEGATIONS + 1)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RosterError, match=f"row {MAX_DELEGATIONS + 2}: more than 1,000 delegations"):
        read_roster_csv(big)
    many = [Delegation(f"P{i}", f"Party {i}", "civil society") for i in range(MAX_DELEGATIONS + 1)]
    session = floor_session(tmp_path, FakeClock())
    with pytest.raises(RosterError, match="1001 delegations; a roster holds at most 1,000"):
        set_roster(session, many)
    set_roster(session, many[:MAX_DELEGATIONS])  # exactly the cap is fine
    assert len(session.state.roster) == MAX_DELEGATIONS
    session.close()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("Chile,CHL,government,GRULAC,\nChina,CHN,government,Asia-Pacific Group,Chile", "the alias 'Chile'"),
        ("Chile,CHL,government,GRULAC,CHN\nChina,CHN,government,Asia-Pacific Group,", "is the code of row 3"),
        ("Chile,CHL,government,GRULAC,Chili\nChina,CHN,government,Asia-Pacific Group,chili", "'chili'"),
    ],
)
def test_an_alias_standing_for_two_delegations_is_refused(tmp_path: Path, rows: str, message: str) -> None:
    path = tmp_path / "clash.csv"
    path.write_text(f"name,code,stakeholder_group,regional_group,aliases\n{rows}\n", encoding="utf-8")
    with pytest.raises(RosterError, match=message):
        read_roster_csv(path)


def test_load_roster_choices(tmp_path: Path) -> None:
    assert load_roster("empty") == ([], "")
    delegations, source = load_roster("un")
    assert len(delegations) == 195 and source == "UN Member States"
    with pytest.raises(RosterError, match="missing.csv: no such file"):
        load_roster(tmp_path / "missing.csv")
