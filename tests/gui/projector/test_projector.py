"""The projector: it follows the chair and the floor, is read-only, and never shows the chair's material."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core.adoption.operations import adopt_section, record_objection, take_up, withdraw_objection
from chairdesk.core.draft.operations import add_section, amend_paragraph, strike_paragraph
from chairdesk.core.floor.operations import next_speaker, request_floor
from chairdesk.gui.controller import SessionController
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.floor.countdown import COUNTDOWN_COLOURS
from chairdesk.gui.floor.dock import FloorDock
from chairdesk.gui.projector.window import ProjectorWindow
from chairdesk.gui.qt import QAction, QLineEdit, QPlainTextEdit, Qt, QTextEdit
from chairdesk.gui.settings import DeskSettings
from tests.floor_support import FakeClock, floor_session
from tests.gui.desk_support import show_desk

PROPOSAL_WORDS = "sharing"  # the one word only in the sample's pending proposal q1 on p8 (section B)


def projector_of(window: MainWindow) -> ProjectorWindow:
    """The desk's projector, shown (F4)."""
    window.projector.actions["show"].trigger()
    return window.projector.projector


def go_to(window: MainWindow, paragraph_id: str) -> None:
    """Make a paragraph current in the desk, as the chair does by clicking it."""
    row = window.draft_model.row_of_paragraph(paragraph_id)
    assert row is not None
    window.select_row(row)


def test_follows_the_current_paragraph_and_section(window: MainWindow) -> None:
    projector = projector_of(window)
    assert projector.isVisible()
    go_to(window, "p13")
    assert window.controller.current_paragraph == "p13"
    assert projector.section == "s3"
    assert projector.heading.text().startswith("C. ")
    text = window.session.draft.paragraphs["p13"].text
    assert text[:40] in projector.text.toPlainText()
    other = window.session.draft.paragraphs["p1"].text[:40]
    assert other not in projector.text.toPlainText()  # another section's text is not on the screen
    html = projector.text.toHtml()
    assert "#fff1a8" in html  # the current paragraph sits on the highlight
    go_to(window, "p2")
    assert projector.section == "s1"
    assert window.session.draft.paragraphs["p2"].text[:40] in projector.text.toPlainText()


def test_current_paragraph_is_scrolled_into_view(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    projector = projector_of(window)
    projector.resize(800, 420)
    go_to(window, "p18")
    qtbot.waitUntil(lambda: projector.text.verticalScrollBar().value() > 0)
    go_to(window, "p16")  # the first paragraph of the section: back at the top
    qtbot.waitUntil(lambda: projector.text.verticalScrollBar().value() == 0)


def test_pending_proposals_and_objection_reasons_never_shown(window: MainWindow) -> None:
    projector = projector_of(window)
    go_to(window, "p8")
    assert PROPOSAL_WORDS in window.draft_model.rows.html(window.draft_model.row_of("paragraph", "p8"))
    assert window.session.draft.paragraphs["p8"].text[:30] in projector.plain_text()
    assert PROPOSAL_WORDS not in projector.plain_text()
    assert "Ctrl+Shift+A" not in projector.text.toHtml()
    assert "Team Yellow" not in projector.plain_text()  # nor who proposed it
    controller = window.controller
    assert controller.run(take_up, "s2")
    assert controller.run(record_objection, "s2", "BLU", "Our capital has not cleared paragraph 8")
    shown = projector.plain_text()
    assert "Under consideration" in shown
    assert "capital has not cleared" not in shown
    assert "Team Blue" not in shown


def test_adoption_state_and_adopted_banner(window: MainWindow) -> None:
    projector = projector_of(window)
    go_to(window, "p2")
    assert not projector.state_label.isVisibleTo(projector)
    assert not projector.banner.isVisibleTo(projector)
    controller = window.controller
    assert controller.run(take_up, "s1")
    assert projector.state_label.text() == "Under consideration"
    assert projector.heading.text().startswith("A. ")
    assert controller.run(record_objection, "s1", "RED", "no")
    assert controller.run(withdraw_objection, "s1", "RED")
    for pid in ("p3", "p4"):  # the section's square brackets resolved, as adoption requires
        words = window.session.draft.paragraphs[pid].text.replace("[", "").replace("]", "")
        assert controller.run(amend_paragraph, pid, words)
    assert controller.run(adopt_section, "s1"), window.last_error
    assert projector.banner.isVisibleTo(projector)
    assert "ADOPTED" in projector.banner.text()


def test_floor_band_follows_the_floor(tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    clock = FakeClock()
    session = floor_session(tmp_path, clock)
    add_section(session, "Opening")
    controller = SessionController(session)
    projector = ProjectorWindow(clock)
    qtbot.addWidget(projector)
    projector.show()  # hidden, the band draws nothing until shown
    projector.set_controller(controller)
    band = projector.band
    assert band.state == "idle"
    for code in ("BLU", "YEL", "PUR", "RED", "ORA"):
        assert controller.run(request_floor, code)
    assert controller.run(next_speaker)
    assert "Blue" in band.caption.text()
    assert band.state == "normal"
    following = band.next_label.text()
    assert [name in following for name in ("Yellow", "Purple", "Red", "Orange")] == [True, True, True, False]
    allotted = session.state.floor.current.allotted_seconds
    clock.tick(allotted - 10)
    projector.floor_timer.tick()
    assert band.state == "warning"
    assert band.digits.text() == "0:10"
    assert COUNTDOWN_COLOURS["warning"][0] in band.styleSheet()
    clock.tick(15)
    projector.floor_timer.tick()
    assert band.state == "overrun"
    assert band.digits.text() == "+0:05"
    assert COUNTDOWN_COLOURS["overrun"][0] in band.styleSheet()
    projector.set_controller(None)
    controller.detach()
    session.close()


def test_always_on_top_band_shows_the_same_floor(window: MainWindow) -> None:
    control = window.projector
    control.actions["on_top"].trigger()
    on_top = control.on_top
    assert on_top.isVisible()
    assert on_top.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.controller.run(request_floor, "GRN")
    assert window.controller.run(next_speaker)
    control.projector.floor_timer.tick()
    assert "Team Green" in on_top.band.caption.text()
    # the next speakers as the projector shows them (it said "no one waiting" with speakers on the list)
    assert "no one waiting" in on_top.band.next_label.text()
    assert window.controller.run(request_floor, "BLU") and window.controller.run(request_floor, "PUR")
    assert "Team Blue" in on_top.band.next_label.text() and "Team Purple" in on_top.band.next_label.text()
    assert on_top.band.next_label.text() == control.projector.band.next_label.text()
    control.actions["on_top"].trigger()
    assert not on_top.isVisible()


def test_read_only_by_construction(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    window = show_desk(qtbot, sample_path, docks=[FloorDock])
    projector = projector_of(window)
    assert all(not a.isEnabled() for a in projector.findChildren(QAction)) and not projector.actions()
    assert not projector.findChildren(QLineEdit)
    for editor in projector.findChildren(QTextEdit) + projector.findChildren(QPlainTextEdit):
        assert editor.isReadOnly()
        assert editor.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert window.controller.run(request_floor, "BLU")  # F6 in the desk would give it the floor
    before = len(window.session.events)
    for key, modifiers in (
        (Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F7, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(projector, key, modifiers)
        qtbot.keyClick(projector.text, key, modifiers)
    assert len(window.session.events) == before
    assert window.session.state.floor.current is None


def test_show_typing_is_off_until_the_chair_turns_it_on(window: MainWindow) -> None:
    projector = projector_of(window)
    go_to(window, "p3")
    window.editor.text.setPlainText("Words the chair has not committed: ZANZIBAR")
    assert window.editor.is_dirty()
    assert "ZANZIBAR" not in projector.plain_text()
    window.projector.actions["typing"].trigger()
    assert "ZANZIBAR" in projector.plain_text()
    window.projector.actions["typing"].trigger()
    assert "ZANZIBAR" not in projector.plain_text()
    window.editor.revert()  # nothing left to ask about when the desk closes
    assert not window.editor.is_dirty()


def test_room_view_is_independent_of_the_chairs(window: MainWindow) -> None:
    projector = projector_of(window)
    go_to(window, "p4")
    controller = window.controller
    assert controller.run(amend_paragraph, "p4", "States emphasized an open ICT environment.")
    assert controller.run(strike_paragraph, "p5")
    tracked = projector.text.toPlainText()
    assert "Struck" in tracked
    window.projector.actions["clean"].trigger()
    assert projector.mode == "clean" and window.draft_model.mode != "clean"
    clean = projector.text.toPlainText()
    assert "Struck" not in clean
    assert "contributions of stakeholders" not in clean  # p5 is gone from the clean text
    assert DeskSettings.load().projector_mode == "clean"


def test_font_size_control_and_screen_choice_are_remembered(window: MainWindow) -> None:
    control = window.projector
    projector = projector_of(window)
    size = projector.text.font().pointSize()
    assert size >= 24  # large by default
    control.actions["bigger"].trigger()
    assert projector.text.font().pointSize() == size + 4
    assert projector.band.digits.font().pointSize() == 2 * (size + 4)
    control.actions["smaller"].trigger()
    control.actions["smaller"].trigger()
    assert projector.text.font().pointSize() == size - 4
    assert DeskSettings.load().projector_point_size == size - 4
    control.choose_screen("HDMI-1")
    assert DeskSettings.load().projector_screen == "HDMI-1"
    # one screen here (offscreen): the projector is a normal window the chair can check, with a frame
    assert not projector.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_projector_key_in_the_desk(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    projector = window.projector.projector
    assert not projector.isVisible()
    qtbot.keyClick(window.draft_view, Qt.Key.Key_F4)
    assert projector.isVisible()
    assert window.projector.actions["show"].isChecked()
    qtbot.keyClick(window.draft_view, Qt.Key.Key_F4)
    assert not projector.isVisible()


def test_projector_keys_clash_with_no_other_key_of_the_desk(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    from chairdesk.gui.app import default_docks

    win = show_desk(qtbot, sample_path, docks=default_docks())
    ours = {id(a) for a in win.projector.actions.values()}
    owners: dict[str, set[int]] = {}
    for action in win.findChildren(QAction):
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(), set()).add(id(action))
    for action in win.projector.actions.values():
        for sequence in action.shortcuts():
            assert owners[sequence.toString()] <= ours, sequence.toString()
    assert {a.shortcut().toString() for a in win.projector.actions.values()} >= {"F4", "Shift+F4"}


def test_on_a_second_screen_it_is_frameless_and_full_screen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chairdesk.gui.projector import control as control_module
    from chairdesk.gui.qt import QGuiApplication

    screen = QGuiApplication.primaryScreen()  # stands in for the projector's screen (one screen here)
    chosen: list[str | None] = []

    def second_screen(remembered: str | None):  # noqa: ANN202
        chosen.append(remembered)
        return screen

    monkeypatch.setattr(control_module, "projector_screen", second_screen)
    window.projector.choose_screen(screen.name())
    projector = projector_of(window)
    assert chosen[-1] == screen.name()
    assert projector.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert projector.isFullScreen() or projector.geometry() == screen.geometry()
    assert projector.windowHandle().screen() is screen


def test_a_hidden_projector_lays_out_nothing_and_catches_up_when_shown(window: MainWindow) -> None:
    projector = window.projector.projector
    assert not projector.isVisible()
    assert projector.rows is None  # opening the session laid out no room text (1.9 s at 2,000 paragraphs)
    controller = window.controller
    words = "ZEBRA crossing words the room has not seen yet"
    assert controller.run(amend_paragraph, "p2", words)
    go_to(window, "p2")
    assert projector.rows is None and words not in projector.text.toPlainText()
    projector_of(window)  # F4: shown, it draws the section as it stands now
    assert projector.rows is not None
    assert words in projector.text.toPlainText()
    assert projector.heading.text().startswith("A. ")
    window.projector.actions["show"].trigger()  # hidden again: changes wait for the next showing
    assert not projector.isVisible()
    assert controller.run(amend_paragraph, "p2", words + " and more")
    assert projector.rows is None
    projector_of(window)
    assert words + " and more" in projector.text.toPlainText()


@pytest.mark.parametrize("paragraph", ["p2", "p3", "p4", "p5"])
def test_the_line_at_the_top_of_the_projector_is_whole(window: MainWindow, qtbot, paragraph: str) -> None:  # noqa: ANN001
    """Scrolled to the current paragraph with some of what comes before it, the projector shows its top line
    whole: the scroll stopped anywhere, and the room saw a line cut through its words under the heading."""
    from chairdesk.gui.qt import QPoint

    projector = projector_of(window)
    projector.resize(1024, 640)
    font = projector.text.font()
    font.setPointSize(28)
    projector.text.setFont(font)
    go_to(window, paragraph)
    projector.refresh_text()
    qtbot.wait(10)
    if projector.text.verticalScrollBar().value() > 0:
        middle = QPoint(projector.text.viewport().width() // 2, 0)
        first = projector.text.cursorRect(projector.text.cursorForPosition(middle))
        assert first.top() >= 0, (paragraph, first)
    assert window.session.draft.paragraphs[paragraph].text[:30] in projector.text.toPlainText()
