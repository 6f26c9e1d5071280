"""The floor dock driven as the chair drives it, hosted in a plain QMainWindow, with a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core.log.session import Session
from chairdesk.gui.controller import SessionController
from chairdesk.gui.floor.dock import COUNTDOWN_COLOURS, FloorDock, clock_text
from chairdesk.gui.qt import QColor, QMainWindow, Qt, QTextEdit
from tests.floor_support import FakeClock, floor_session


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock) -> Session:
    s = floor_session(tmp_path, clock)
    yield s
    s.close()


@pytest.fixture
def dock(qtbot, session: Session, clock: FakeClock) -> FloorDock:  # noqa: ANN001
    controller = SessionController(session)
    window = QMainWindow()
    window.setCentralWidget(QTextEdit())
    window.resize(1100, 860)
    qtbot.addWidget(window)
    floor_dock = FloorDock(controller, window, clock=clock)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, floor_dock)
    floor_dock.timer.stop()  # the tests redraw with tick(), against the fake clock
    window.show()
    qtbot.waitExposed(window)
    yield floor_dock
    controller.detach()


def rows(dock: FloorDock) -> list[str]:
    return [dock.model.text(r) for r in range(dock.model.rowCount())]


def type_request(qtbot, dock: FloorDock, text: str) -> None:  # noqa: ANN001
    dock.request_edit.clear()
    qtbot.keyClicks(dock.request_edit, text)
    qtbot.keyClick(dock.request_edit, Qt.Key.Key_Return)
    dock.completer.popup().hide()
    qtbot.wait(20)


def countdown_colour(dock: FloorDock) -> str:
    image = dock.countdown.grab().toImage()
    return QColor(image.pixel(image.width() // 2, 3)).name()


def test_type_ahead_request(qtbot, dock: FloorDock, session: Session) -> None:  # noqa: ANN001
    type_request(qtbot, dock, "gre")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 1)
    assert rows(dock) == ["1. Green   — online hand"]
    assert dock.message.text() == "Green is on the list, place 1."
    assert dock.request_edit.text() == ""
    type_request(qtbot, dock, "BLU")  # the code works too
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2)
    dock.kind_combo.setCurrentIndex(1)  # point of order
    type_request(qtbot, dock, "Pur")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 3)
    assert rows(dock)[0] == "1. Purple   — POINT OF ORDER"
    assert dock.kind_combo.currentData() == "speaker"  # back to the usual kind
    assert [e.kind for e in session.events].count("floor.request") == 3


def test_duplicate_and_unknown_requests_are_refused_with_a_message(
    qtbot, dock: FloorDock, session: Session
) -> None:  # noqa: ANN001
    type_request(qtbot, dock, "Blue")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 1)
    events = len(session.events)
    type_request(qtbot, dock, "blue")
    qtbot.waitUntil(lambda: "already" in dock.message.text())
    assert dock.message.text() == "Blue is already on the list of speakers (place 1)."
    assert len(session.events) == events and rows(dock) == ["1. Blue"]
    type_request(qtbot, dock, "Mauve")
    qtbot.waitUntil(lambda: "Mauve" in dock.message.text())
    assert dock.message.text() == "No delegation on the roster matches “Mauve”."
    type_request(qtbot, dock, "e")  # in many names, at the start of none
    qtbot.waitUntil(lambda: "type more" in dock.message.text())
    assert len(session.events) == events
    type_request(qtbot, dock, "re")  # the start of Red, inside Green: Red
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2)
    assert rows(dock)[1] == "2. Red"


def test_next_speaker_and_end(qtbot, dock: FloorDock, session: Session, clock: FakeClock) -> None:  # noqa: ANN001
    for name in ("Yellow", "Red"):
        type_request(qtbot, dock, name)
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2)
    assert dock.next_action.text() == "Next: Yellow"
    assert not dock.end_action.isEnabled()
    clock.tick(9)
    dock.next_action.trigger()
    assert session.state.floor.current.delegation == "YEL"
    assert rows(dock) == ["1. Red"] and dock.next_action.text() == "Next: Red"
    assert "Yellow" in dock.countdown.caption.text()
    assert dock.countdown.digits.text() == "3:00"
    clock.tick(75)
    dock.end_action.trigger()
    assert session.state.floor.current is None
    assert session.state.floor.interventions[0].duration_seconds == 75
    assert dock.countdown_state() == "idle" and dock.countdown.caption.text() == "No one has the floor"


def test_timer_states_with_a_fake_clock(qtbot, dock: FloorDock, session: Session, clock: FakeClock) -> None:  # noqa: ANN001
    type_request(qtbot, dock, "Orange")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 1)
    dock.next_action.trigger()
    clock.tick(60)
    dock.tick()
    assert dock.countdown_state() == "normal" and dock.countdown.digits.text() == "2:00"
    assert dock.countdown.detail.text() == "of 3 min"
    assert countdown_colour(dock) == COUNTDOWN_COLOURS["normal"][0]
    clock.tick(95)
    dock.tick()
    assert dock.countdown_state() == "warning" and dock.countdown.digits.text() == "0:25"
    assert dock.countdown.detail.text() == "25 s left — please conclude"
    assert countdown_colour(dock) == COUNTDOWN_COLOURS["warning"][0]
    clock.tick(45)
    dock.tick()
    assert dock.countdown_state() == "overrun" and dock.countdown.digits.text() == "+0:20"
    assert dock.countdown.detail.text() == "OVER TIME by 20 s"
    assert countdown_colour(dock) == COUNTDOWN_COLOURS["overrun"][0]
    assert dock.overruns_label.text() == "Overruns this session: 0"
    dock.end_action.trigger()
    assert dock.overruns_label.text() == "Overruns this session: 1"
    assert session.state.floor.interventions[0].overrun_seconds == 20


def test_pause_and_resume(qtbot, dock: FloorDock, session: Session, clock: FakeClock) -> None:  # noqa: ANN001
    dock.request_edit.setText("Purple")
    dock.give_action.trigger()  # not on the list
    assert session.state.floor.current.delegation == "PUR"
    clock.tick(30)
    dock.pause_action.trigger()
    assert dock.pause_action.text() == "Resume" and dock.countdown_state() == "paused"
    clock.tick(300)  # a long interruption: the speaker's time does not run
    dock.tick()
    assert dock.countdown.digits.text() == "2:30" and dock.countdown.detail.text().startswith("PAUSED")
    assert countdown_colour(dock) == COUNTDOWN_COLOURS["paused"][0]
    dock.pause_action.trigger()
    assert dock.pause_action.text() == "Pause"
    clock.tick(10)
    dock.tick()
    assert dock.countdown.digits.text() == "2:20" and dock.countdown_state() == "normal"


def test_point_of_order_suspends_the_speaker_who_resumes(
    qtbot, dock: FloorDock, session: Session, clock: FakeClock
) -> None:  # noqa: ANN001
    for name in ("Blue", "Yellow"):
        type_request(qtbot, dock, name)
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2)
    assert not dock.point_action.isEnabled()
    dock.next_action.trigger()  # Blue has the floor
    clock.tick(65)
    dock.kind_combo.setCurrentIndex(1)
    type_request(qtbot, dock, "Green")  # Green raises a point of order
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2)
    assert rows(dock)[0] == "1. Green   — POINT OF ORDER, online hand"
    assert dock.point_action.text() == "Hear the point of order: Green" and dock.point_action.isEnabled()
    dock.point_action.trigger()
    clock.tick(20)
    dock.tick()
    assert "Green — point of order" in dock.countdown.caption.text()
    assert dock.countdown.digits.text() == "2:40" and dock.countdown_state() == "normal"
    suspended = dock.countdown.suspended
    assert suspended.isVisible()
    assert "Blue — suspended by a point of order" in suspended.text()
    assert "resumes with 1:55 left" in suspended.text()
    assert dock.next_action.text() == "Resume: Blue" and rows(dock) == ["1. Yellow"]
    dock.grab().save(str(session.path.with_name("floor-suspended.png")))
    clock.tick(20)  # Blue's time does not run while Green speaks
    dock.tick()
    assert "with 1:55 left" in suspended.text() and dock.countdown.digits.text() == "2:20"
    dock.end_action.trigger()  # the point of order ends: Blue has the floor again, 1:55 left
    assert "Blue" in dock.countdown.caption.text() and not suspended.isVisible()
    assert dock.countdown.digits.text() == "1:55" and dock.next_action.text() == "Next: Yellow"
    clock.tick(15)
    dock.next_action.trigger()  # Blue ends; Yellow
    floor = session.state.floor
    assert [(i.delegation, i.duration_seconds) for i in floor.interventions] == [("BLU", 80), ("GRN", 40)]
    assert floor.current.delegation == "YEL"


def test_list_actions_and_shortcuts(qtbot, dock: FloorDock, session: Session) -> None:  # noqa: ANN001
    for name in ("Blue", "Yellow", "Red"):
        type_request(qtbot, dock, name)
    qtbot.waitUntil(lambda: dock.model.rowCount() == 3)
    dock.queue_view.setCurrentIndex(dock.model.index(2, 0))
    dock.up_action.trigger()
    assert rows(dock) == ["1. Blue", "2. Red", "3. Yellow"]
    assert session.events[-1].kind == "floor.reorder"
    dock.withdraw_action.trigger()  # Red is still selected
    assert rows(dock) == ["1. Blue", "2. Yellow"]
    for action in dock.actions():
        assert not action.shortcut().isEmpty()
        assert action.shortcut().toString() in action.toolTip()
    dock.request_edit.setFocus()
    qtbot.keyClick(dock.request_edit, Qt.Key.Key_F6)  # Next speaker, by its shortcut
    qtbot.waitUntil(lambda: session.state.floor.current is not None)
    assert session.state.floor.current.delegation == "BLU"


def test_old_hand_and_right_of_reply_marks(qtbot, dock: FloorDock, session: Session) -> None:  # noqa: ANN001
    type_request(qtbot, dock, "Green")
    dock.kind_combo.setCurrentIndex(2)
    type_request(qtbot, dock, "Red")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2)
    dock.request_edit.setText("Green")
    dock.give_action.trigger()
    assert rows(dock) == [
        "1. Green   — online hand, OLD HAND",
        "2. Red   — right of reply, at end of item",
    ]
    assert dock.next_action.text() == "Next speaker" and not dock.next_action.isEnabled()
    dock.end_item_action.trigger()
    assert dock.next_action.text() == "Next: Red"


def test_the_session_file_holds_the_events(
    qtbot, dock: FloorDock, session: Session, clock: FakeClock
) -> None:  # noqa: ANN001
    type_request(qtbot, dock, "Blue")
    type_request(qtbot, dock, "Yellow")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2)
    dock.next_action.trigger()
    clock.tick(42)
    dock.end_action.trigger()
    dock.time_spins[None].setValue(120)
    dock.time_spins[None].editingFinished.emit()
    copy = session.save_copy(session.path.with_name("copy.chairdesk"))
    with Session.open(copy) as reopened:
        kinds = [e.kind for e in reopened.events]
        assert kinds[-5:] == ["floor.request", "floor.request", "floor.give", "floor.end", "floor.time.set"]
        floor = reopened.state.floor
        assert [r.delegation for r in floor.queue] == ["YEL"]
        assert floor.interventions[0].duration_seconds == 42 and floor.default_seconds == 120


def test_roster_editor_refuses_a_bad_csv_and_records_a_good_one(
    qtbot, dock: FloorDock, session: Session, tmp_path: Path
) -> None:  # noqa: ANN001
    from chairdesk.gui.floor.roster_dialog import RosterDialog

    dialog = RosterDialog(dock.controller, dock)
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,code,stakeholder_group,regional_group\nMauve,MAU,parliament,WEOG\n", encoding="utf-8"
    )
    assert not dialog.import_csv(bad)
    assert dialog.problem.text().startswith(f"{bad}, row 2: unknown stakeholder group 'parliament'")
    assert dialog.table.rowCount() == 6
    good = tmp_path / "good.csv"
    good.write_text(
        "name,code,stakeholder_group,regional_group,colour,attendance\n"
        "Mauve,MAU,academia,WEOG,#aa00aa,online\nTeal,TEA,government,GRULAC,,room\n",
        encoding="utf-8",
    )
    assert dialog.import_csv(good) and dialog.table.rowCount() == 2
    dialog.accept()
    assert session.events[-1].kind == "roster.set" and session.events[-1].payload["source"] == "good.csv"
    assert [d.name for d in session.state.roster.delegations] == ["Mauve", "Teal"]
    dock.request_edit.clear()
    qtbot.keyClicks(dock.request_edit, "e")  # the type-ahead offers the new roster's names
    assert dock.speakers.candidates() == ["Mauve", "Teal"]
    dock.completer.popup().hide()


def test_figures_view(qtbot, dock: FloorDock, session: Session, clock: FakeClock, tmp_path: Path) -> None:  # noqa: ANN001
    from chairdesk.gui.floor.figures_view import FiguresDialog

    type_request(qtbot, dock, "Blue")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 1)
    dock.next_action.trigger()
    clock.tick(100)
    dock.end_action.trigger()
    dialog = FiguresDialog(dock.controller, dock, clock=clock)
    qtbot.addWidget(dialog)
    model = dialog.delegation_model
    assert model.index(0, 0).data() == "Blue" and model.index(0, 4).data() == "1 min 40 s"
    groups = dialog.regional_model
    weog = next(r for r in range(groups.rowCount()) if groups.index(r, 0).data() == "WEOG")
    assert [groups.index(weog, c).data() for c in (2, 4, 6)] == ["17%", "100%", "100%"]
    bad = tmp_path / "minutes.txt"
    bad.write_text("No speakers in here.\n", encoding="utf-8")
    assert not dialog.attach(bad) and str(bad) in dialog.message.text()
    good = tmp_path / "transcript.txt"
    good.write_text("Blue:\nWe agree with the text.\nDr. Who:\nIndeed.\n", encoding="utf-8")
    assert dialog.attach(good)
    assert model.index(0, 8).data() == "5" and dialog.unmatched_combo.currentText() == "Dr. Who"
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findText("Purple"))
    dialog.map_selected()
    assert not dialog.unmatched_combo.isVisibleTo(dialog)
    assert dialog.export(tmp_path / "figures.csv").read_text(encoding="utf-8").startswith("table,name,code")


def test_clock_text() -> None:
    assert clock_text(180) == "3:00"
    assert clock_text(0.2) == "0:01"
    assert clock_text(-12.4) == "+0:12"
    assert clock_text(3725) == "1:02:05"


def test_figures_summary_counts_in_words(qtbot, session: Session, clock: FakeClock) -> None:  # noqa: ANN001
    from chairdesk.core.floor.operations import end_intervention, next_speaker, request_floor
    from chairdesk.gui.floor.figures_view import FiguresDialog

    request_floor(session, "BLU")
    next_speaker(session)
    clock.tick(30)
    end_intervention(session)
    dialog = FiguresDialog(SessionController(session), None, clock=clock)
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert "<b>1</b> intervention," in text and "6 delegations on the roster" in text
    delegations = dialog.delegation_model
    assert (
        delegations.rowCount() == 6 and delegations.headerData(0, Qt.Orientation.Horizontal) == "Delegation"
    )
    assert delegations.data(delegations.index(0, 3)) == "1"


def test_next_speaker_is_drawn_once_when_the_step_is_over(
    qtbot, dock: FloorDock, session: Session, clock: FakeClock  # noqa: ANN001
) -> None:
    """"Next speaker" records two changes (the turn ends, the next is given): the dock is drawn once, after
    both, and shows the new speaker when the step returns; a change recorded outside an operation (a script,
    another panel's direct call) is drawn at once."""
    from chairdesk.core.floor import operations as floor

    for name in ("Yellow", "Red", "Blue"):
        type_request(qtbot, dock, name)
    dock.next_action.trigger()
    clock.tick(30)
    drawn: list[str] = []
    refresh = dock.refresh
    dock.refresh = lambda: drawn.append(dock.countdown.state) or refresh()  # type: ignore[method-assign]
    styled: list[str] = []
    set_style = dock.countdown.setStyleSheet
    dock.countdown.setStyleSheet = lambda sheet: styled.append(sheet) or set_style(sheet)  # type: ignore[method-assign]
    changes = len(session.events)
    dock.next_action.trigger()
    assert len(session.events) == changes + 2  # the end of Yellow's turn, then Red given the floor
    assert len(drawn) == 1 and session.state.floor.current.delegation == "RED"
    assert "Red" in dock.countdown.caption.text() and dock.countdown.digits.text() == "3:00"
    assert styled == []  # normal before and after: not restyled through "idle" on the way
    floor.end_intervention(session)  # not through the controller's run(): drawn at once
    assert len(drawn) == 2 and dock.countdown_state() == "idle"
    assert dock.countdown.caption.text() == "No one has the floor"
