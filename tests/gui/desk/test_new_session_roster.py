"""New session ▸ roster: UN Member States, empty, or from a CSV; the pen credited by alias (issue 12)."""

from __future__ import annotations

from pathlib import Path

from chairdesk.gui.desk.dialogs import NewSessionDialog
from chairdesk.gui.desk.edit_request import match_delegation
from chairdesk.gui.desk.window import MainWindow


def test_the_dialog_offers_the_rosters(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = NewSessionDialog()
    qtbot.addWidget(dialog)
    labels = [dialog.roster.itemText(i) for i in range(dialog.roster.count())]
    assert labels == [
        "Empty (add delegations later)",
        "UN Member States (193 + 2 observer States)",
        "From a CSV file…",
    ]
    assert dialog.roster_choice() == "empty" and not dialog.roster_file.isEnabled()
    dialog.roster.setCurrentIndex(1)
    assert dialog.roster_choice() == "un"
    dialog.roster.setCurrentIndex(2)
    assert dialog.roster_file.isEnabled()
    dialog.roster_file.setText(str(tmp_path / "roster.csv"))
    assert dialog.roster_choice() == str(tmp_path / "roster.csv")


def test_a_session_with_the_un_roster_credits_the_pen_by_alias(window: MainWindow, tmp_path: Path) -> None:
    assert window.commands.create_session(tmp_path / "ga", "First Committee", roster="un")
    roster = window.session.state.roster
    assert len(roster) == 195 and window.session.events[-1].payload["source"] == "UN Member States"
    assert match_delegation(window.session, "UK") == ("GBR", "")
    assert match_delegation(window.session, "Türkiye (TUR)") == ("TUR", "")
    assert match_delegation(window.session, "turkiye") == ("TUR", "")
    code, problem = match_delegation(window.session, "Turk")
    assert (
        code is None and problem == "“Turk” matches Türkiye, Turkmenistan: choose one or type more letters."
    )


def test_a_session_from_a_semicolon_csv(window: MainWindow, tmp_path: Path) -> None:
    csv_path = tmp_path / "roster.csv"
    csv_path.write_text(
        "name;code;stakeholder_group;regional_group\nChile;CHL;government;GRULAC\nKenya;KEN;government;African Group\n",
        encoding="utf-8",
    )
    assert window.commands.create_session(tmp_path / "small", "Small group", roster=csv_path)
    assert window.session.state.roster.codes() == ["CHL", "KEN"]
    assert window.session.events[-1].payload["source"] == "roster.csv"


def test_a_bad_roster_csv_leaves_no_session_file(window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,code,stakeholder_group,regional_group\nChile,CHL,parliament,GRULAC\n", encoding="utf-8"
    )
    before = window.session.path
    assert not window.commands.create_session(tmp_path / "never", "Never", roster=bad)
    assert f"{bad}, row 2: unknown stakeholder group 'parliament'" in window.last_error
    assert not (tmp_path / "never.chairdesk").exists() and window.session.path == before
