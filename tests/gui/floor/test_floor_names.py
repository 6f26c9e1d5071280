"""The Floor panel's type-ahead with the UN roster: accents, aliases, codes; Enter never picks one of several."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.gui.controller import SessionController
from chairdesk.gui.floor.dock import FloorDock
from chairdesk.gui.qt import QMainWindow, Qt, QTextEdit
from chairdesk.resources import un_roster
from tests.floor_support import FakeClock, floor_session


@pytest.fixture
def dock(qtbot, tmp_path: Path) -> FloorDock:  # noqa: ANN001
    session = floor_session(tmp_path, FakeClock(), un_roster())
    controller = SessionController(session)
    window = QMainWindow()
    window.setCentralWidget(QTextEdit())
    window.resize(1100, 860)
    qtbot.addWidget(window)
    floor_dock = FloorDock(controller, window, clock=FakeClock())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, floor_dock)
    floor_dock.timer.stop()
    window.show()
    qtbot.waitExposed(window)
    yield floor_dock
    controller.detach()
    session.close()


def waiting(dock: FloorDock) -> list[str]:
    return [r.delegation for r in dock.speakers.controller.session.state.floor.queue]


def type_and_enter(qtbot, dock: FloorDock, text: str) -> None:  # noqa: ANN001
    dock.request_edit.clear()
    dock.request_edit.setFocus()
    qtbot.keyClicks(dock.request_edit, text)
    qtbot.keyClick(dock.request_edit, Qt.Key.Key_Return)
    qtbot.wait(30)


def test_turk_enter_shows_the_candidates_and_puts_no_one_on_the_list(qtbot, dock: FloorDock) -> None:  # noqa: ANN001
    events = len(dock.speakers.controller.session.events)
    dock.request_edit.setFocus()
    qtbot.keyClicks(dock.request_edit, "Turk")
    assert dock.speakers.candidates() == [
        "Türkiye",
        "Turkmenistan",
    ]  # Türkiye by its alias and without accent
    qtbot.keyClick(dock.request_edit, Qt.Key.Key_Return)
    qtbot.wait(30)
    assert waiting(dock) == [] and len(dock.speakers.controller.session.events) == events
    assert dock.message.text() == "“Turk” matches Türkiye, Turkmenistan: choose one or type more letters."
    assert dock.request_edit.text() == "Turk"  # kept, for more letters


def test_uk_enter_puts_the_united_kingdom_on_the_list_not_ukraine(qtbot, dock: FloorDock) -> None:  # noqa: ANN001
    type_and_enter(qtbot, dock, "UK")
    qtbot.waitUntil(lambda: waiting(dock) == ["GBR"])
    assert (
        dock.message.text() == "United Kingdom of Great Britain and Northern Ireland is on the list, place 1."
    )
    for typed in ("Turkey", "cote d'ivoire", "Vietnam", "USA", "Iran", "ukr"):
        type_and_enter(qtbot, dock, typed)
    qtbot.waitUntil(lambda: len(waiting(dock)) == 7)
    assert waiting(dock) == ["GBR", "TUR", "CIV", "VNM", "USA", "IRN", "UKR"]


def test_enter_in_the_popup_with_no_row_chosen_takes_none(qtbot, dock: FloorDock) -> None:  # noqa: ANN001
    dock.request_edit.setFocus()
    qtbot.keyClicks(dock.request_edit, "Turk")
    popup = dock.completer.popup()
    assert popup.isVisible() and not popup.currentIndex().isValid()
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # where Enter goes while the popup is open
    qtbot.wait(30)
    assert waiting(dock) == []
    assert dock.message.text().startswith("“Turk” matches Türkiye, Turkmenistan")


def test_choosing_a_candidate_in_the_popup_puts_it_on_the_list(qtbot, dock: FloorDock) -> None:  # noqa: ANN001
    dock.request_edit.setFocus()
    qtbot.keyClicks(dock.request_edit, "Turk")
    popup = dock.completer.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # the first candidate: Türkiye
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: waiting(dock) == ["TUR"])
    assert dock.message.text() == "Türkiye is on the list, place 1."


def test_no_match_says_so(qtbot, dock: FloorDock) -> None:  # noqa: ANN001
    type_and_enter(qtbot, dock, "Atlantis")
    assert waiting(dock) == []
    assert dock.message.text() == "No delegation on the roster matches “Atlantis”."
    assert not dock.completer.popup().isVisible()


CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "transcripts"


def test_figures_dialog_lists_unnamed_turns_and_shows_transcript_time(qtbot, dock: FloorDock) -> None:  # noqa: ANN001
    from chairdesk.gui.floor.figures_view import FiguresDialog

    dialog = FiguresDialog(dock.speakers.controller, None, clock=FakeClock())
    qtbot.addWidget(dialog)
    assert dialog.attach(CORPUS / "forum-newcomers-unnamed.txt")
    labels = [dialog.unmatched_combo.itemText(i) for i in range(dialog.unmatched_combo.count())]
    assert labels[0] == "(unnamed, line 7): “We all meet online now. We all need the network to hold.”"
    assert "(unnamed, line 23): “Please, who?”" in labels and "NADIA PERRIN" in labels
    dialog.unmatched_combo.setCurrentIndex(labels.index("(unnamed, line 23): “Please, who?”"))
    dialog.target_combo.setCurrentIndex(0)  # (leave out)
    dialog.map_selected()
    session = dock.speakers.controller.session
    assert session.events[-1].kind == "transcript.map"
    assert session.events[-1].payload == {"name": "(unnamed, line 23)", "delegation": None}
    assert dialog.attach(CORPUS / "timed-after-name.txt")
    model = dialog.delegation_model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    brazil = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Brazil")
    assert model.index(brazil, header.index("Time (transcript)")).data() == "3 min"
    assert model.index(brazil, header.index("Turns")).data() == "2"


def test_the_roster_editor_shows_and_keeps_aliases(qtbot, dock: FloorDock) -> None:  # noqa: ANN001
    from chairdesk.gui.floor.roster_dialog import ALIASES, NAME, RosterDialog

    session = dock.speakers.controller.session
    dialog = RosterDialog(dock.speakers.controller)
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, NAME).text() == "Viet Nam")
    assert dialog.table.item(row, ALIASES).text() == "Vietnam"
    events = len(session.events)
    assert dialog.delegations() == session.state.roster.delegations  # aliases read back from the table
    dialog.table.item(row, ALIASES).setText("Vietnam | VN")
    dialog.accept()
    assert len(session.events) == events + 1 and session.state.roster.get("VNM").aliases == ("Vietnam", "VN")
    assert session.state.roster.resolve("VN").delegation.code == "VNM"


def test_the_roster_and_the_figures_show_the_delegations_names_whole(qtbot, dock: FloorDock) -> None:  # noqa: ANN001
    """Each name column is as wide as its names (it took what the other columns left: "Russian …", "Côte …"),
    the dialogs as wide as their columns up to most of the screen; a figures column is never wider than
    NAME_WIDTH (a name longer than that is cut, not the figures pushed out of sight)."""
    from chairdesk.gui.floor.figures_view import NAME_WIDTH, FiguresDialog
    from chairdesk.gui.floor.roster_dialog import NAME, RosterDialog
    from chairdesk.gui.qt import QFontMetrics

    roster = RosterDialog(dock.speakers.controller)
    figures = FiguresDialog(dock.speakers.controller, None, clock=FakeClock())
    for dialog in (roster, figures):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    table = figures.tabs.widget(0)
    for view, column, names in (
        (roster.table, NAME, ["Russian Federation", "Côte d'Ivoire"]),
        (table, 0, ["Russian Federation", "Côte d'Ivoire"]),
    ):
        width = view.columnWidth(column)
        for name in names:
            assert width > QFontMetrics(view.font()).horizontalAdvance(name), (name, width)
    assert table.columnWidth(0) <= NAME_WIDTH
