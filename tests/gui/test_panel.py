"""The side panels' shared pieces: the button grid (the usual rows when there is room, fewer a row when not,
never a button cut off), the message line of refusals, and the roster's names as type-ahead."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core.floor.operations import request_floor
from chairdesk.gui.app import default_docks
from chairdesk.gui.controller import SessionController
from chairdesk.gui.panel import ButtonGrid, RunsOperations, columns_for, name_completer, offer_names
from chairdesk.gui.procedure.dock import ProcedureDock
from chairdesk.gui.qt import QAction, QLabel, QLineEdit, QScrollArea, QWidget
from chairdesk.gui.workshop.dock import WorkshopDock
from chairdesk.sample import build_sample_session
from tests.floor_support import FakeClock, floor_session
from tests.gui.desk_support import show_desk

KEPT: list[QWidget] = []  # the grids' parents, alive to the end of the tests


def grid_of(qtbot, texts: list[str], width: int) -> ButtonGrid:  # noqa: ANN001
    holder = QWidget()
    KEPT.append(holder)
    qtbot.addWidget(holder)
    grid = ButtonGrid([QAction(text, holder) for text in texts], holder)
    grid.resize(width, grid.heightForWidth(width))
    holder.show()
    qtbot.waitExposed(holder)
    return grid


def rows_of(grid: ButtonGrid) -> list[list[str]]:
    rows: dict[int, list[tuple[int, str]]] = {}
    for button in grid.buttons:
        rows.setdefault(button.y(), []).append((button.x(), button.text()))
    return [[text for _, text in sorted(row)] for _, row in sorted(rows.items())]


def test_the_usual_rows_are_the_panels_old_ones() -> None:
    assert [columns_for(n) for n in range(1, 8)] == [1, 2, 3, 2, 3, 3, 3]


@pytest.mark.parametrize(
    ("texts", "rows"),
    [
        (["Move", "Vote", "Withdraw", "Resume"], [["Move", "Vote"], ["Withdraw", "Resume"]]),
        (["Delegation", "Questions", "Chair"], [["Delegation", "Questions", "Chair"]]),
        (["Set", "CSV", "Swap", "Skip", "List"], [["Set", "CSV", "Swap"], ["Skip", "List"]]),
    ],
)
def test_wide_enough_the_buttons_sit_as_before(qtbot, texts: list[str], rows: list[list[str]]) -> None:  # noqa: ANN001
    grid = grid_of(qtbot, texts, 900)
    assert rows_of(grid) == rows
    widths = {b.width() for b in grid.buttons}
    assert max(widths) - min(widths) <= 1  # equal columns across the whole width
    assert max(b.geometry().right() for b in grid.buttons) == grid.width() - 1


def test_too_narrow_fewer_a_row_and_none_cut_off(qtbot) -> None:  # noqa: ANN001
    texts = ["Caucus: ask to speak", "Caucus: next speaker", "Caucus: withdraw", "End caucus"]
    grid = grid_of(qtbot, texts, 900)
    widest = max(b.sizeHint().width() for b in grid.buttons)
    narrow = widest + 10  # room for one a row only
    grid.resize(narrow, grid.heightForWidth(narrow))
    assert grid.columns == 1
    assert rows_of(grid) == [[t] for t in texts]
    for button in grid.buttons:
        assert button.width() >= button.sizeHint().width()
        assert button.geometry().right() < grid.width()
        assert button.geometry().bottom() < grid.height()
    assert grid.heightForWidth(narrow) > grid.heightForWidth(900)
    assert grid.minimumSizeHint().width() == widest


def test_a_longer_text_rearranges_the_buttons(qtbot) -> None:  # noqa: ANN001
    grid = grid_of(qtbot, ["Chat", "Log", "Read out"], 300)
    assert grid.columns == 3
    grid.buttons[2].defaultAction().setText("Finish reading the written intervention now, please")
    qtbot.waitUntil(lambda: grid.columns < 3)
    assert all(b.geometry().right() < grid.width() for b in grid.buttons)


@pytest.mark.parametrize("dock_type", [ProcedureDock, WorkshopDock])
def test_nothing_cut_off_at_1280_by_800(qtbot, tmp_path: Path, dock_type: type) -> None:  # noqa: ANN001
    path = build_sample_session(tmp_path / "mun.chairdesk", "mun")
    window = show_desk(qtbot, path, default_docks(), (1280, 800))
    dock = window.findChild(dock_type)
    dock.show()
    dock.raise_()
    area = dock.widget()
    assert isinstance(area, QScrollArea)
    # no sideways scrolling, once the panel is laid out in its place (from the event loop: later on a loaded machine)
    qtbot.waitUntil(lambda: 0 < area.widget().width() <= area.viewport().width(), timeout=5000)
    qtbot.waitUntil(lambda: not area.horizontalScrollBar().isVisible(), timeout=5000)
    for grid in area.widget().findChildren(ButtonGrid):
        for button in grid.buttons:
            assert button.width() >= button.sizeHint().width(), button.text()
            assert grid.mapTo(area.widget(), button.geometry().topRight()).x() < area.viewport().width()


class _Panel(RunsOperations, QWidget):
    def __init__(self, controller: SessionController, clears: bool) -> None:
        super().__init__()
        self.controller = controller
        self.message = QLabel(self)
        self.clears_on_success = clears
        controller.refused.connect(self._on_refused)


@pytest.mark.parametrize("clears", [False, True])
def test_a_refusal_shows_on_the_panel_that_asked_only(qtbot, tmp_path: Path, clears: bool) -> None:  # noqa: ANN001
    session = floor_session(tmp_path, FakeClock())
    controller = SessionController(session)
    asking, other = _Panel(controller, clears), _Panel(controller, clears)
    qtbot.addWidget(asking)
    qtbot.addWidget(other)
    assert asking.run(request_floor, "Mauve") is None
    assert asking.message.text() == "No delegation on the roster matches “Mauve”."
    assert "bold" in asking.message.styleSheet()
    assert other.message.text() == ""
    assert controller.run(request_floor, "Atlantis") is None  # the controller's own refusal: no panel's
    assert other.message.text() == ""
    assert asking.run(request_floor, "BLU") is not None
    assert asking.message.text() == ("" if clears else "No delegation on the roster matches “Mauve”.")
    asking.say("Blue is on the list.")
    assert asking.message.text() == "Blue is on the list." and "bold" not in asking.message.styleSheet()
    controller.detach()
    session.close()


def test_the_type_ahead_offers_the_roster_names_containing_the_letters(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    session = floor_session(tmp_path, FakeClock())
    edit = QLineEdit()
    qtbot.addWidget(edit)
    completer = name_completer(edit)
    assert edit.completer() is completer
    offer_names(completer, session.state.roster)
    completer.setCompletionPrefix("re")
    found = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert found == ["Green", "Red"]  # "re" inside a name, in any case
    completer.setCompletionPrefix("BL")
    assert completer.currentCompletion() == "Blue"
    session.close()



def test_a_panel_is_drawn_once_for_a_step_of_several_changes_and_its_table_left_alone(
    qtbot, tmp_path: Path  # noqa: ANN001
) -> None:
    """Next speaker records two floor changes: the Procedure panel (it watches the floor) is drawn once, when
    the step is over, and its roll-call table, which the floor does not change, is not redrawn at all."""
    from chairdesk.core.floor import operations as floor

    clock = FakeClock()
    session = floor_session(tmp_path, clock)
    for code in ("RED", "BLU"):
        request_floor(session, code)
    controller = SessionController(session)
    dock = ProcedureDock(controller, clock=clock)
    qtbot.addWidget(dock)
    drawn: list[int] = []
    refresh = dock.refresh
    dock.refresh = lambda: drawn.append(1) or refresh()  # type: ignore[method-assign]
    table_changed: list[object] = []
    dock.roll.model.dataChanged.connect(lambda *args: table_changed.append(args))
    controller.run(floor.next_speaker)
    clock.tick(20)
    before = len(session.events)
    controller.run(floor.next_speaker)
    assert len(session.events) == before + 2 and len(drawn) == 2  # one drawing per step
    assert table_changed == []
    floor.end_intervention(session)  # outside an operation: drawn at once
    assert len(drawn) == 3
    session.close()
