"""The roster and figures verbs of the command line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chairdesk.cli import main
from chairdesk.core.floor.operations import end_intervention, next_speaker, request_floor
from chairdesk.core.log.session import Session
from tests.floor_support import ROSTER, FakeClock, floor_session


def test_roster_import_export_and_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.chairdesk"
    Session.create(path, "Meeting").close()
    roster_csv = tmp_path / "roster.csv"
    roster_csv.write_text(
        "name,code,stakeholder_group,regional_group,colour,attendance\nBlue,BLU,government,WEOG,,room\n",
        encoding="utf-8",
    )
    assert (
        main(["roster", str(path), "--import", str(roster_csv), "--export", str(tmp_path / "out.csv")]) == 0
    )
    assert "1 delegations" in capsys.readouterr().out
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[
        1
    ] == "Blue,BLU,government,WEOG,,room"
    roster_csv.write_text(
        "name,code,stakeholder_group,regional_group\n,X,government,WEOG\n", encoding="utf-8"
    )
    assert main(["roster", str(path), "--import", str(roster_csv)]) == 2
    assert f"{roster_csv}, row 2: the name is empty" in capsys.readouterr().err


def test_figures_verb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clock = FakeClock()
    session = floor_session(tmp_path, clock, ROSTER)
    request_floor(session, "GRN")
    next_speaker(session)
    clock.tick(90)
    end_intervention(session)
    path = session.path
    session.close()
    out_csv = tmp_path / "figures.csv"
    assert main(["figures", str(path), "--csv", str(out_csv)]) == 0
    out = capsys.readouterr().out
    assert "Green" in out and "1 ×" in out and "1 min 30 s" in out
    with out_csv.open(encoding="utf-8") as handle:
        green = next(r for r in csv.DictReader(handle) if r["code"] == "GRN")
    assert green["speaking_seconds"] == "90.0"
