"""The Procedure dock driven from the keyboard in the desk window: rules, roll call, motions, caucus, yields."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from chairdesk.core.floor.operations import give_floor, request_floor
from chairdesk.core.procedure.model import MODERATED, PRESENT, PRESENT_AND_VOTING, UNMODERATED
from chairdesk.gui.app import default_docks
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.procedure.dialogs import MotionDialog, MotionVoteDialog
from chairdesk.gui.procedure.dock import ProcedureDock
from chairdesk.gui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QPushButton,
    Qt,
    QTimer,
    QWidget,
)
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import show_desk

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture
def mun_window(qtbot, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    """The desk on a fresh copy of the Model UN sample, with the usual docks."""
    return show_desk(
        qtbot, build_sample_session(tmp_path / "mun.chairdesk", "mun"), default_docks(), (1600, 1000)
    )


def dock_of(window: MainWindow) -> ProcedureDock:
    return window.findChild(ProcedureDock)


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    if QApplication.activeWindow() is not window:  # a dialog just closed: the desk has the keys again
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus if focus is not None and focus.isVisible() else window, key, modifiers)
    qtbot.wait(10)


def when_dialog(qtbot, kind: type, fill: Callable[[QDialog], None]) -> None:  # noqa: ANN001
    """When a dialog of this kind opens, let fill() type into it (fill ends by pressing Enter or Esc)."""

    def respond() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, respond)
            return
        fill(dialogs[-1])

    QTimer.singleShot(0, respond)


def ok_button(dialog: QDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def kinds(window: MainWindow) -> list[str]:
    return [e.kind for e in window.session.events]


def test_un_working_group_keeps_the_window_as_it_was(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    window = show_desk(qtbot, sample_path, default_docks())
    dock = dock_of(window)
    assert dock is not None and not dock.isVisible()
    menu = next(m for m in window.side_docks.menus if m.title() == "Procedure")
    assert [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()] == [
        "Model UN rules of procedure"
    ]
    before = len(window.session.events)
    press(qtbot, window, Qt.Key.Key_M, CTRL_ALT)  # Move a motion: not under these rules
    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    assert len(window.session.events) == before and not dock.isVisible()
    press(qtbot, window, Qt.Key.Key_P, CTRL_ALT)  # Rules: Model UN
    assert window.session.state.procedure.mun and dock.isVisible()
    assert all(a.isEnabled() for a in dock.actions())
    press(qtbot, window, Qt.Key.Key_P, CTRL_ALT)  # and back to the working group
    assert not window.session.state.procedure.mun and not dock.isVisible()
    assert kinds(window)[-2:] == ["procedure.rules", "procedure.rules"]


def test_roll_call_motions_and_a_moderated_caucus_from_the_keyboard(qtbot, mun_window: MainWindow) -> None:  # noqa: ANN001
    window = mun_window
    dock = dock_of(window)
    assert dock.isVisible() and dock.meeting_line.text() == "Rules: Model UN"
    assert dock.roll.quorum.text() == "No roll call yet."

    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)  # Roll call: the table has the keyboard
    assert QApplication.focusWidget() is dock.roll.table
    for key in "PPVPAPVPPPPA":  # twelve delegations, down the list
        press(qtbot, window, getattr(Qt.Key, f"Key_{key}"))
    procedure = window.session.state.procedure
    assert procedure.status("BRA") == PRESENT and procedure.status("CIV") == PRESENT_AND_VOTING
    assert procedure.status("USA") == "absent"
    assert dock.roll.quorum.text() == "Quorum: 10 of 12 present, 2 present and voting (7 needed): quorum."
    assert dock.roll.model.data(dock.roll.model.index(4, 1)) == "absent"  # France

    said = []

    def absent_mover(dialog: QDialog) -> None:  # the dialog says so: OK is off, Enter does nothing
        qtbot.keyClicks(dialog.delegation, "France")
        dialog.delegation.completer().popup().hide()
        dialog.topic.setFocus()
        qtbot.keyClicks(dialog.topic, "Hospitals")
        qtbot.keyClick(dialog.topic, Qt.Key.Key_Return)
        said.extend([dialog.isVisible(), ok_button(dialog).isEnabled(), dialog.problem.text()])
        qtbot.keyClick(dialog.topic, Qt.Key.Key_Escape)

    moved = len(window.session.events)
    when_dialog(qtbot, MotionDialog, absent_mover)
    press(qtbot, window, Qt.Key.Key_M, CTRL_ALT)
    assert said == [True, False, "France is not present at the roll call and cannot move a motion."]
    assert len(window.session.events) == moved

    def moderated(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.delegation, "Indi")
        dialog.delegation.completer().popup().hide()
        dialog.topic.setFocus()
        qtbot.keyClicks(dialog.topic, "Protecting hospitals")
        qtbot.keyClick(dialog.topic, Qt.Key.Key_Return)

    when_dialog(qtbot, MotionDialog, moderated)
    press(qtbot, window, Qt.Key.Key_M, CTRL_ALT)
    assert procedure.motions[-1].kind == MODERATED and procedure.motions[-1].delegation == "IND"

    def unmoderated(dialog: QDialog) -> None:
        dialog.kind.setFocus()
        dialog.kind.setCurrentIndex(dialog.kind.findData(UNMODERATED))
        dialog.delegation.setFocus()
        qtbot.keyClicks(dialog.delegation, "Mexico")
        dialog.delegation.completer().popup().hide()
        dialog.minutes.setFocus()
        dialog.minutes.selectAll()
        qtbot.keyClicks(dialog.minutes, "5")
        qtbot.keyClick(dialog.minutes, Qt.Key.Key_Return)

    when_dialog(qtbot, MotionDialog, unmoderated)
    press(qtbot, window, Qt.Key.Key_M, CTRL_ALT)
    assert [dock.motions_model.text(r) for r in range(dock.motions_model.rowCount())] == [
        "1. Mexico: for an unmoderated caucus of 5 min",
        "2. India: for a moderated caucus on 'Protecting hospitals' (10 min, 45 s per speaker)",
    ]

    def fails(dialog: QDialog) -> None:  # the unmoderated caucus first: it fails
        qtbot.keyClicks(dialog.yes, "3")
        qtbot.keyClick(dialog.yes, Qt.Key.Key_Tab)
        dialog.no.selectAll()
        qtbot.keyClicks(dialog.no, "6")
        assert dialog.result.text() == "<b>Fails</b>: 3 in favour, 6 against (simple majority)."
        qtbot.keyClick(dialog.no, Qt.Key.Key_Return)

    when_dialog(qtbot, MotionVoteDialog, fails)
    press(qtbot, window, Qt.Key.Key_V, CTRL_ALT)
    assert dock.message.text() == "The motion for an unmoderated caucus of 5 min failed."

    def carries(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.yes, "7")
        qtbot.keyClick(dialog.yes, Qt.Key.Key_Tab)
        dialog.no.selectAll()
        qtbot.keyClicks(dialog.no, "2")
        qtbot.keyClick(dialog.no, Qt.Key.Key_Return)

    when_dialog(qtbot, MotionVoteDialog, carries)
    voted = time.monotonic()
    press(qtbot, window, Qt.Key.Key_V, CTRL_ALT)
    caucus = procedure.caucus
    assert caucus is not None and caucus.moderated and dock.motions_model.rowCount() == 0
    # 10:00 less the time since the vote at most (the countdown is redrawn every second on the real clock,
    # and a loaded machine may take that long to get here)
    shown = re.match(r"Moderated caucus on 'Protecting hospitals': (\d+):(\d\d) left", dock.caucus.countdown.text())
    assert shown, dock.caucus.countdown.text()
    assert 600 - (time.monotonic() - voted) - 1 <= 60 * int(shown[1]) + int(shown[2]) <= 600, shown[0]

    window.controller.run(request_floor, "CHN")  # China waits on the general list meanwhile
    press(qtbot, window, Qt.Key.Key_L, CTRL_ALT)  # Caucus: ask to speak
    for name in ("Braz", "Egy"):
        qtbot.keyClicks(dock.caucus.request_edit, name)
        dock.caucus.completer.popup().hide()
        qtbot.keyClick(dock.caucus.request_edit, Qt.Key.Key_Return)
        qtbot.wait(20)
    assert [dock.caucus.model.text(r) for r in range(dock.caucus.model.rowCount())] == [
        "1. Brazil",
        "2. Egypt",
    ]
    press(qtbot, window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # Caucus: next speaker
    current = window.session.state.floor.current
    assert (
        current.delegation == "BRA" and current.caucus == caucus.motion.id and current.allotted_seconds == 45
    )
    assert "\nSpeaking: Brazil, 0:4" in dock.caucus.countdown.text()  # 45 s, on the real clock
    press(qtbot, window, Qt.Key.Key_F6)  # the general list's Next speaker is refused during the caucus
    floor_dock = window.side_docks.docks[0]
    assert "moderated caucus is under way" in floor_dock.message.text()
    press(qtbot, window, Qt.Key.Key_E, CTRL_ALT)  # End caucus (Brazil's speech ends first)
    assert procedure.caucus is None and window.session.state.floor.current is None
    assert kinds(window)[-3:] == ["floor.give", "floor.end", "procedure.caucus.end"]
    assert dock.caucus.countdown.text() == "No caucus under way."


def test_yields_from_the_keyboard(qtbot, mun_window: MainWindow) -> None:  # noqa: ANN001
    window = mun_window
    dock = dock_of(window)
    session = window.session
    window.controller.run(give_floor, "FRA")
    press(qtbot, window, Qt.Key.Key_Q, CTRL_ALT)  # France yields to questions
    assert session.state.procedure.questions == "FRA"
    assert dock.meeting_line.text() == "France answers questions"
    press(qtbot, window, Qt.Key.Key_C, CTRL_ALT)  # a second yield is refused, and said
    assert dock.message.text() == "France has already yielded to questions."
    window.controller.run(give_floor, "JPN")  # France's intervention ends

    def to_mexico(dialog: QInputDialog) -> None:
        dialog.setTextValue("Mexi")
        dialog.accept()

    when_dialog(qtbot, QInputDialog, to_mexico)
    press(qtbot, window, Qt.Key.Key_Y, CTRL_ALT)  # Japan yields to Mexico
    current = session.state.floor.current
    assert current.delegation == "MEX" and 170 <= current.allotted_seconds <= 180
    press(qtbot, window, Qt.Key.Key_C, CTRL_ALT)
    assert dock.message.text() == "Mexico speaks on yielded time, which cannot be yielded again."
    window.controller.run(give_floor, "EGY")
    press(qtbot, window, Qt.Key.Key_C, CTRL_ALT)  # Egypt yields to the chair: the floor is free
    assert session.state.floor.current is None
    assert [y.to for y in session.state.procedure.yields] == ["questions", "delegation", "chair"]


def test_the_adoption_vote_dialog_counts_those_present_from_the_roll_call(
    qtbot, mun_window: MainWindow
) -> None:  # noqa: ANN001
    from chairdesk.core.adoption.votes import TWO_THIRDS_PRESENT
    from chairdesk.core.procedure.operations import roll_call
    from chairdesk.gui.adoption.dialogs import VoteDialog

    session = mun_window.session
    for code in ("BRA", "CHN", "CIV", "EGY", "FRA", "IND"):
        mun_window.controller.run(roll_call, code, PRESENT)
    dialog = VoteDialog(session.state, session.draft.order[1])
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)  # totals
    assert dialog.counts["present"].value() == 6 and not dialog.counts["present"].isEnabled()
    dialog.rule.setCurrentIndex(dialog.rule.findData(TWO_THIRDS_PRESENT))
    dialog.counts["yes"].setValue(3)
    assert (
        dialog.result.text()
        == "<b>Not carried</b>: 3 in favour, 0 against, 0 abstentions (6 present); required majority 4."
    )


def test_every_procedure_action_has_its_own_key_in_the_window(mun_window: MainWindow) -> None:
    from chairdesk.gui.qt import QKeySequence

    dock = dock_of(mun_window)
    for action in dock.actions():
        keys = action.shortcuts()
        assert keys, action.text()
        for key in keys:
            owners = {
                id(a) for a in mun_window.findChildren(type(action)) if key in a.shortcuts() and a.isEnabled()
            }
            assert len(owners) == 1, (action.text(), key.toString(QKeySequence.SequenceFormat.NativeText))
    menu = next(m for m in mun_window.side_docks.menus if m.title() == "Procedure")
    front = next(a for a in menu.actions() if a.text() == "Show the Procedure panel")
    assert front.isVisible() and front.shortcut() == QKeySequence("Ctrl+Alt+3")


def test_withdraw_resume_and_undo_from_the_keyboard(qtbot, mun_window: MainWindow) -> None:  # noqa: ANN001
    from chairdesk.core.procedure.model import SUSPEND
    from chairdesk.core.procedure.operations import move_motion, put_motion_to_vote

    window = mun_window
    dock = dock_of(window)
    procedure = window.session.state.procedure
    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    press(qtbot, window, Qt.Key.Key_V)  # Brazil present and voting
    assert procedure.status("BRA") == PRESENT_AND_VOTING
    window.draft_view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: not called any more
    assert procedure.status("BRA") is None and not procedure.roll_called

    window.controller.run(move_motion, SUSPEND, "EGY", seconds=600)
    press(qtbot, window, Qt.Key.Key_W, CTRL_ALT)  # nothing selected: said so
    assert dock.message.text() == "Select a motion on the list first."
    dock.motions_view.setCurrentIndex(dock.motions_model.index(0, 0))
    press(qtbot, window, Qt.Key.Key_W, CTRL_ALT)
    assert procedure.motions == [] and kinds(window)[-1] == "procedure.motion.withdraw"

    window.controller.run(move_motion, SUSPEND, "EGY", seconds=600)
    window.controller.run(put_motion_to_vote, None, 6, 1)
    assert dock.meeting_line.text().startswith("Meeting SUSPENDED at ")
    press(qtbot, window, Qt.Key.Key_U, CTRL_ALT)  # resume
    assert procedure.suspended_at is None and dock.meeting_line.text() == "Rules: Model UN"
    press(qtbot, window, Qt.Key.Key_U, CTRL_ALT)
    assert dock.message.text() == "The meeting is neither suspended nor adjourned."
    press(qtbot, window, Qt.Key.Key_S, CTRL_ALT)  # Start caucus: none is due
    assert dock.message.text() == "No carried motion for a caucus is waiting to start."


def test_caucus_withdraw_and_an_unmoderated_caucus_countdown(qtbot, mun_window: MainWindow) -> None:  # noqa: ANN001
    from datetime import datetime, timedelta

    from chairdesk.core.procedure.operations import (
        move_motion,
        put_motion_to_vote,
        request_caucus_floor,
    )

    window = mun_window
    dock = dock_of(window)
    procedure = window.session.state.procedure
    window.controller.run(
        move_motion, MODERATED, "BRA", topic="Norms", total_seconds=300, speaking_seconds=30
    )
    window.controller.run(put_motion_to_vote, None, 6, 2)
    window.controller.run(request_caucus_floor, "JPN")
    window.controller.run(request_caucus_floor, "MEX")
    press(qtbot, window, Qt.Key.Key_D, CTRL_ALT)  # the first request, when none is selected
    assert [r.delegation for r in procedure.caucus.queue] == ["MEX"]
    press(qtbot, window, Qt.Key.Key_E, CTRL_ALT)
    window.controller.run(move_motion, UNMODERATED, "EGY", seconds=600)
    window.controller.run(put_motion_to_vote, None, 5, 2)
    assert not dock.caucus.list_view.isVisible() and not dock.caucus.request_edit.isEnabled()
    start = procedure.caucus.start_ts
    dock.caucus.clock = lambda: datetime.fromisoformat(start) + timedelta(seconds=630)
    dock.caucus.tick()
    assert dock.caucus.countdown.text() == "Unmoderated caucus: 0:30 OVER TIME"
    assert "#b3001b" in dock.caucus.countdown.styleSheet()
    press(qtbot, window, Qt.Key.Key_L, CTRL_ALT)
    qtbot.keyClicks(dock.caucus.request_edit, "Japan")  # disabled: an unmoderated caucus has no list
    assert dock.caucus.request_edit.text() == ""


def seen(widget: QWidget) -> bool:
    """On screen: shown, and not behind another panel's tab."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def statuses(window: MainWindow) -> dict[str, str | None]:
    procedure = window.session.state.procedure
    return {code: procedure.status(code) for code in window.session.state.roster.codes()}


def test_ctrl_alt_l_without_a_moderated_caucus_says_so_and_the_name_typed_records_nothing(
    qtbot, mun_window: MainWindow
) -> None:  # noqa: ANN001
    window = mun_window
    dock = dock_of(window)
    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    for _ in range(12):
        press(qtbot, window, Qt.Key.Key_P)  # everyone present
    before, recorded = statuses(window), len(window.session.events)

    press(qtbot, window, Qt.Key.Key_L, CTRL_ALT)  # Caucus: ask to speak, with no caucus under way
    assert dock.message.text() == (
        "No moderated caucus is under way: there is no caucus list to put a delegation on."
    )
    assert seen(dock.message) and QApplication.focusWidget() is dock  # out of the roll call
    qtbot.keyClicks(QApplication.focusWidget(), "Japan")
    press(qtbot, window, Qt.Key.Key_Return)
    assert statuses(window) == before and len(window.session.events) == recorded

    floor = window.side_docks.docks[0]
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # the Floor's request field
    assert QApplication.focusWidget() is floor.request_edit
    press(qtbot, window, Qt.Key.Key_L, CTRL_ALT)  # and the caucus's key from there: not left in that field
    qtbot.keyClicks(QApplication.focusWidget(), "Japan")
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.session.state.floor.queue == [] and len(window.session.events) == recorded
    assert floor.request_edit.text() == ""


def test_ctrl_alt_l_in_an_unmoderated_caucus_says_it_has_no_list(qtbot, mun_window: MainWindow) -> None:  # noqa: ANN001
    from chairdesk.core.procedure.operations import move_motion, put_motion_to_vote

    window = mun_window
    window.controller.run(move_motion, UNMODERATED, "EGY", seconds=600)
    window.controller.run(put_motion_to_vote, None, 5, 2)
    press(qtbot, window, Qt.Key.Key_L, CTRL_ALT)
    assert dock_of(window).message.text() == "An unmoderated caucus is under way: it has no list of speakers."


def test_the_keys_that_put_the_keyboard_in_the_panel_bring_it_forward(qtbot, mun_window: MainWindow) -> None:  # noqa: ANN001
    from chairdesk.core.procedure.operations import move_motion, put_motion_to_vote

    window = mun_window
    dock = dock_of(window)
    assert not seen(dock.roll.table)  # the Floor panel is in front of it
    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    assert seen(dock.roll.table) and QApplication.focusWidget() is dock.roll.table

    window.controller.run(
        move_motion, MODERATED, "BRA", topic="Norms", total_seconds=300, speaking_seconds=30
    )
    window.controller.run(put_motion_to_vote, None, 6, 2)
    press(qtbot, window, Qt.Key.Key_1, CTRL_ALT)  # the Floor panel in front again
    assert not seen(dock.caucus.request_edit)
    press(qtbot, window, Qt.Key.Key_L, CTRL_ALT)
    assert seen(dock.caucus.request_edit) and QApplication.focusWidget() is dock.caucus.request_edit


def test_a_refusal_goes_from_the_message_line_once_a_step_succeeds(qtbot, mun_window: MainWindow) -> None:  # noqa: ANN001
    window = mun_window
    dock = dock_of(window)
    press(qtbot, window, Qt.Key.Key_Q, CTRL_ALT)  # yield to questions with nobody speaking
    assert dock.message.text() == "No delegation has the floor: there is no time to yield."
    press(qtbot, window, Qt.Key.Key_R, CTRL_ALT)
    press(qtbot, window, Qt.Key.Key_P)
    assert statuses(window)["BRA"] == PRESENT and dock.message.text() == ""


def test_the_motion_dialog_says_what_the_rules_refuse_before_ok(qtbot, mun_window: MainWindow) -> None:  # noqa: ANN001
    from chairdesk.core.procedure.model import ADJOURN
    from chairdesk.core.procedure.operations import move_motion, put_motion_to_vote, roll_call

    window = mun_window
    run = window.controller.run
    for code in window.session.state.roster.codes():
        run(roll_call, code, "absent" if code == "BRA" else PRESENT)
    dialog = MotionDialog(window.session.state)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.topic, "Norms")
    qtbot.keyClicks(dialog.delegation, "Brazil")
    assert dialog.problem.text() == "Brazil is not present at the roll call and cannot move a motion."
    assert not ok_button(dialog).isEnabled() and dialog.chosen() is None
    dialog.delegation.setText("Egypt")
    assert dialog.problem.text() == "" and ok_button(dialog).isEnabled()
    assert dialog.chosen() == (MODERATED, "EGY", dialog.params())

    run(move_motion, ADJOURN, "EGY")
    run(put_motion_to_vote, None, 8, 1)
    adjourned = MotionDialog(window.session.state)
    qtbot.addWidget(adjourned)
    qtbot.keyClicks(adjourned.topic, "Norms")
    qtbot.keyClicks(adjourned.delegation, "Egypt")
    assert adjourned.problem.text() == "The meeting is adjourned; resume it before moving a motion."
    assert not ok_button(adjourned).isEnabled()
