"""`chairdesk new --roster un|FILE`: a session that starts with the UN roster or a CSV (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.cli import main
from chairdesk.core.log.session import Session


def test_new_with_the_un_roster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ga.chairdesk"
    assert main(["new", "First Committee", "-o", str(path), "--roster", "un"]) == 0
    assert "roster: 195 delegations (UN Member States)" in capsys.readouterr().out
    with Session.open(path) as session:
        assert session.state.roster.resolve("Turkey").delegation.code == "TUR"
        assert session.events[-1].kind == "roster.set"


def test_new_with_a_roster_csv_and_empty(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name;code;stakeholder_group;regional_group\nChile;CHL;government;GRULAC\n")
    assert main(["new", "Small", "-o", str(tmp_path / "small.chairdesk"), "--roster", str(roster)]) == 0
    assert main(["new", "Empty", "-o", str(tmp_path / "empty.chairdesk")]) == 0
    with (
        Session.open(tmp_path / "small.chairdesk") as small,
        Session.open(tmp_path / "empty.chairdesk") as empty,
    ):
        assert small.state.roster.codes() == ["CHL"] and len(empty.state.roster) == 0


def test_new_with_a_bad_roster_makes_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name|code|stakeholder_group|regional_group\nChile|CHL|government|GRULAC\n")
    assert main(["new", "Bad", "-o", str(tmp_path / "bad.chairdesk"), "--roster", str(bad)]) != 0
    assert "the columns are separated by '|'" in capsys.readouterr().err
    assert not (tmp_path / "bad.chairdesk").exists()
