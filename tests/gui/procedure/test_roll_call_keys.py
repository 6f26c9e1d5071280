"""The roll call from the keyboard at a chair's pace: a stray key stops the marks and names the last ones, no mark
is ever taken back by itself, and Ctrl+Z, from the roll call, takes back one mark at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from chairdesk.core.procedure.model import ABSENT, PRESENT, PRESENT_AND_VOTING
from chairdesk.gui.app import default_docks
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.procedure import panels
from chairdesk.gui.qt import QApplication, QEvent, QLabel, QObject, Qt
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import show_desk
from tests.gui.procedure.test_procedure_dock import CTRL_ALT, dock_of, press, seen, statuses

CTRL = Qt.KeyboardModifier.ControlModifier
CHAIR_PACE_MS = 250  # between two keys of a chair calling the roll at a normal speed
STATUS_OF = {"P": PRESENT, "V": PRESENT_AND_VOTING, "A": ABSENT}
UK = "United Kingdom of Great Britain and Northern Ireland"
STRAY_LINE_END = "Ctrl+Alt+R goes on with the roll call."


@pytest.fixture
def desk_at(qtbot, tmp_path: Path) -> Callable[[tuple[int, int]], MainWindow]:  # noqa: ANN001
    """The desk on a fresh copy of the Model UN sample, at a window size."""

    def make(size: tuple[int, int]) -> MainWindow:
        path = build_sample_session(tmp_path / f"mun{size[0]}.chairdesk", "mun")
        return show_desk(qtbot, path, default_docks(), size)

    return make


def call_roll(qtbot, window: MainWindow, keys: str, gaps_ms: Sequence[int]) -> None:  # noqa: ANN001
    """Type the marks into whatever has the keyboard, waiting the gaps between them."""
    for key, gap in zip(keys, gaps_ms, strict=True):
        press(qtbot, window, getattr(Qt.Key, f"Key_{key}"))
        qtbot.wait(gap)


class PaintedHeights(QObject):
    """The heights a label had each time it was painted, and the height its text needed then."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.seen: list[tuple[int, int]] = []
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Note the height of each paint."""
        if event.type() == QEvent.Type.Paint and isinstance(watched, QLabel):
            self.seen.append((watched.height(), watched.heightForWidth(watched.width())))
        return False


def marks_recorded(window: MainWindow) -> int:
    return sum(1 for e in window.session.events if e.kind == "procedure.roll_call")


def name(window: MainWindow, index: int) -> str:
    return window.session.state.roster.name_of(window.session.state.roster.codes()[index])


def test_a_typo_after_a_fast_roll_call_keeps_every_mark_and_names_the_last(qtbot, desk_at) -> None:  # noqa: ANN001
    window = desk_at((1280, 800))
    dock, codes = dock_of(window), window.session.state.roster.codes()
    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    keys = "PPVAPPVAPPV"
    call_roll(qtbot, window, keys, [CHAIR_PACE_MS] * len(keys))
    assert [statuses(window)[c] for c in codes[:11]] == [STATUS_OF[k] for k in keys]
    recorded, steps = marks_recorded(window), window.controller.undo_stack.index()

    press(qtbot, window, Qt.Key.Key_O)  # a typo: O is next to P
    assert [statuses(window)[c] for c in codes[:11]] == [STATUS_OF[k] for k in keys]  # every mark kept
    assert marks_recorded(window) == recorded == 11 and window.controller.undo_stack.index() == steps
    line = (
        f"Stopped: “o” is not a roll-call key (P, V, A). Just recorded: {UK} present and voting, Türkiye "
        f"present, Russian Federation present — Ctrl+Z takes back the last one. {STRAY_LINE_END}"
    )
    assert dock.message.text() == line and seen(dock.message)
    press(qtbot, window, Qt.Key.Key_P)  # stopped: no mark, the same line
    assert marks_recorded(window) == 11 and dock.message.text() == line

    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)  # on with the roll call, at the last delegation
    assert dock.message.text() == "" and dock.roll.table.currentIndex().row() == 11
    press(qtbot, window, Qt.Key.Key_A)
    assert statuses(window)[codes[11]] == ABSENT and marks_recorded(window) == 12


def test_a_name_typed_in_the_roll_call_records_at_most_its_first_marks(qtbot, desk_at) -> None:  # noqa: ANN001
    window = desk_at((1280, 800))
    dock = dock_of(window)
    table = dock.roll.table
    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    qtbot.keyClicks(table, "Japan")  # no type-ahead to Japan, and its a, p, a are no marks after the J
    assert marks_recorded(window) == 0 and table.currentIndex().row() == 0
    assert dock.message.text() == f"Stopped: “J” is not a roll-call key (P, V, A). {STRAY_LINE_END}"

    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    qtbot.keyClicks(table, "Paris")  # P and a are marks, typed before the r stops them
    brazil, china = name(window, 0), name(window, 1)
    assert statuses(window)["BRA"] == PRESENT and statuses(window)["CHN"] == ABSENT
    assert marks_recorded(window) == 2
    assert dock.message.text() == (
        f"Stopped: “r” is not a roll-call key (P, V, A). Just recorded: {china} absent, {brazil} present — "
        f"Ctrl+Z takes back the last one. {STRAY_LINE_END}"
    )

    assert QApplication.focusWidget() is table  # Ctrl+Z from where the keyboard is: one mark at a time
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert statuses(window)["CHN"] is None and statuses(window)["BRA"] == PRESENT
    assert dock.message.text() == (
        f"Stopped: “r” is not a roll-call key (P, V, A). Taken back: {china} absent. Just recorded: {brazil} "
        f"present — Ctrl+Z takes it back. {STRAY_LINE_END}"
    )
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert statuses(window)["BRA"] is None
    assert dock.message.text() == (
        f"Stopped: “r” is not a roll-call key (P, V, A). Taken back: {china} absent, {brazil} present. "
        f"{STRAY_LINE_END}"
    )

    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)  # the roll call again, from the first not called
    press(qtbot, window, Qt.Key.Key_V)
    assert statuses(window)["BRA"] == PRESENT_AND_VOTING and dock.message.text() == ""


def test_a_stray_key_names_only_the_marks_of_the_last_seconds(
    qtbot, desk_at, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    monkeypatch.setattr(panels, "RECENT_SECONDS", 0.3)
    window = desk_at((1280, 800))
    dock = dock_of(window)
    table = dock.roll.table
    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    press(qtbot, window, Qt.Key.Key_A)  # Brazil absent, long before the stray key
    qtbot.wait(500)
    press(qtbot, window, Qt.Key.Key_X)
    assert statuses(window)["BRA"] == ABSENT
    assert dock.message.text() == f"Stopped: “x” is not a roll-call key (P, V, A). {STRAY_LINE_END}"
    qtbot.mouseClick(  # a click on a row is back at the roll call too
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(dock.roll.model.index(3, 0)).center(),
    )
    press(qtbot, window, Qt.Key.Key_P)
    assert statuses(window)["EGY"] == PRESENT and dock.message.text() == ""
    press(qtbot, window, Qt.Key.Key_Space)  # at once: Egypt's mark is named
    assert dock.message.text() == (
        "Stopped: the space bar is not a roll-call key (P, V, A). Just recorded: Egypt present — Ctrl+Z takes "
        f"it back. {STRAY_LINE_END}"
    )


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
@pytest.mark.parametrize("zoom_steps", [0, 3])
def test_the_message_line_shows_the_whole_stop_line(
    qtbot, desk_at, size: tuple[int, int], zoom_steps: int
) -> None:  # noqa: ANN001
    window = desk_at(size)
    for _ in range(zoom_steps):
        press(qtbot, window, Qt.Key.Key_Equal, CTRL)  # Ctrl++
    dock = dock_of(window)
    message = dock.message
    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    call_roll(qtbot, window, "PPVAPPVAPPV", [10] * 11)  # down to the longest name, then a stray key
    paints = PaintedHeights(message)
    press(qtbot, window, Qt.Key.Key_O)
    assert UK in message.text() and len(message.text()) > 200
    qtbot.waitUntil(lambda: bool(paints.seen))
    qtbot.wait(50)
    assert all(height >= needed for height, needed in paints.seen), paints.seen  # never painted cut
    assert message.height() >= message.heightForWidth(message.width())
    visible = message.visibleRegion().boundingRect()
    assert seen(message) and visible.height() == message.height() and visible.width() == message.width()


def test_a_full_roll_call_of_twelve_at_a_chairs_pace(qtbot, desk_at) -> None:  # noqa: ANN001
    window = desk_at((1280, 800))
    dock, codes = dock_of(window), window.session.state.roster.codes()
    assert len(codes) == 12
    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    keys = "PVAPPVPAPPVP"
    call_roll(qtbot, window, keys, [500, 300, 150, 600, 200, 100, 450, 300, 50, 800, 350, 200])
    assert [statuses(window)[c] for c in codes] == [STATUS_OF[k] for k in keys]
    assert marks_recorded(window) == 12 and dock.message.text() == ""
    assert dock.roll.quorum.text() == "Quorum: 10 of 12 present, 3 present and voting (7 needed): quorum."
