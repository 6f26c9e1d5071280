"""The replay window driven with pytest-qt: the timeline, the keys, playing, and what the panes show."""

from __future__ import annotations

import gc
import weakref
from datetime import timedelta
from pathlib import Path

import pytest

from chairdesk.cli import main
from chairdesk.core import drafting
from chairdesk.core.log.session import Session
from chairdesk.gui.desk.draft_model import HTML_ROLE
from chairdesk.gui.qt import QPoint, Qt
from chairdesk.gui.replay.window import ReplayWindow
from tests.core.conftest import file_digest
from tests.replay_support import record_full_session


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, _ = record_full_session(tmp_path_factory.mktemp("gui") / "recorded.chairdesk")
    return path


@pytest.fixture
def window(qtbot, recorded: Path) -> ReplayWindow:  # noqa: ANN001
    window = ReplayWindow(recorded)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def _draft_text(window: ReplayWindow) -> str:
    model = window.draft_model
    return "\n".join(model.data(model.index(i), HTML_ROLE) or "" for i in range(model.rowCount()))


def _row_of(window: ReplayWindow, number: str) -> int:
    return next(i for i, row in enumerate(window.draft_model.rows.rows) if row.number == number)


def test_it_opens_at_the_end_read_only(window: ReplayWindow) -> None:
    assert window.windowTitle() == "Replay — recorded.chairdesk (read-only)"
    assert window.position.text() == "Event 55 of 55 — 2026-11-26 09:54:00 UTC"
    assert window.adoption_pane.report.text() == "Report: adopted and endorsed"
    assert window.session.read_only


def test_dragging_the_timeline_shows_each_moment(qtbot, window: ReplayWindow) -> None:  # noqa: ANN001
    timeline = window.timeline
    start = window.replay.start
    assert start is not None
    x_blue = timeline.x_of(start + timedelta(minutes=22, seconds=30))  # Blue has the floor, resumed
    x_later = timeline.x_of(start + timedelta(minutes=45, seconds=30))
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(timeline.x_of(start) + 1, 10))
    for x in range(timeline.x_of(start) + 1, x_blue + 1, 7):
        qtbot.mouseMove(timeline, QPoint(x, 10))
    qtbot.mouseMove(timeline, QPoint(x_blue, 10))
    seq = window.replay.seq_at(timeline.moment_at(x_blue))
    assert window.replay.seq == seq and window.position.text().startswith(f"Event {seq} of 55")
    assert "Blue (speaker)" in window.floor_pane.speaker.text()
    assert window.floor_pane.queue.count() == 2
    assert "○  A. Overview — not yet taken up" == window.adoption_pane.sections.item(0).text()
    qtbot.mouseMove(timeline, QPoint(x_later, 10))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x_later, 10))
    assert window.replay.seq == window.replay.seq_at(timeline.moment_at(x_later)) > seq
    assert window.floor_pane.speaker.text() == "Nobody has the floor"
    assert window.adoption_pane.sections.item(0).text() == "✔*  A. Overview — adopted as amended"


def test_a_slow_draft_follows_the_drag_when_it_rests(qtbot, window: ReplayWindow) -> None:  # noqa: ANN001
    timeline = window.timeline
    start = window.replay.start
    window.go_to(10)
    x = timeline.x_of(start + timedelta(minutes=20, seconds=30))  # just after Blue's amendment
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(timeline.x_of(start) + 1, 10))
    window.draft_seconds = 1.0  # as if the draft were too long to redo on every frame
    qtbot.mouseMove(timeline, QPoint(x, 10))
    assert window.replay.seq == 21 and window.position.text().startswith("Event 21 of 55")
    assert "Blue replaced 'invited' with 'stressed that'" in window.step_pane.text.text()  # the panes keep up …
    assert window.draft_behind and "stressed that" not in _draft_text(window)  # … the draft waits
    qtbot.waitUntil(lambda: not window.draft_behind, timeout=3000)  # the drag rested
    assert "stressed that" in _draft_text(window) and window.highlighted == [_row_of(window, "2")]
    window.draft_seconds = 1.0
    qtbot.mouseMove(timeline, QPoint(timeline.x_of(start + timedelta(minutes=5)), 10))
    assert window.draft_behind
    qtbot.mouseRelease(
        timeline, Qt.MouseButton.LeftButton, pos=QPoint(timeline.x_of(start + timedelta(minutes=5)), 10)
    )
    assert not window.draft_behind and "stressed that" not in _draft_text(window)


def test_clicking_a_mark_goes_to_it(qtbot, window: ReplayWindow) -> None:  # noqa: ANN001
    timeline = window.timeline
    mark = next(m for m in window.replay.marks if m.category == "proposal")
    from datetime import datetime

    x = timeline.x_of(datetime.fromisoformat(mark.ts))
    band_y = 4 + 2 * 12 + 5  # the proposals' band
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x + 3, band_y))
    assert window.replay.seq == mark.seq
    assert window.step_pane.text.text().startswith(
        "Event 30 at 09:29:00 UTC: Yellow proposed for paragraph 6"
    )
    assert window.highlighted == [_row_of(window, "6")]
    # Off every mark, a click goes to the moment under the pointer.
    x_gap = timeline.x_of(datetime.fromisoformat(mark.ts) + timedelta(seconds=30))
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x_gap, band_y))
    assert window.replay.seq == mark.seq and window.position.text().endswith("09:29:00 UTC")


def test_keys_step_through_events_interventions_and_adoption(qtbot, window: ReplayWindow) -> None:  # noqa: ANN001
    window.go_to(20)  # the Chair gives Blue the floor
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.replay.seq == 21
    assert "Blue replaced 'invited' with 'stressed that'" in window.step_pane.text.text()
    assert window.highlighted == [_row_of(window, "2")]  # what changed in this step
    assert "stressed that" in _draft_text(window)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.replay.seq == 20 and "stressed that" not in _draft_text(window)
    assert window.highlighted == []
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert window.replay.seq == 25 and "Cyber Peace Network (speaker)" in window.floor_pane.speaker.text()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.replay.seq == 39 and window.adoption_pane.sections.item(0).text().startswith(
        "▶  A. Overview"
    )
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.replay.seq == 39 and window.statusBar().currentMessage() == "No further mark of that kind."
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.replay.seq == 0 and window.draft_model.rowCount() == 0
    assert window.step_pane.text.text() == "Before anything happened."
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert window.replay.seq == 55


def test_the_draft_shows_tracked_changes_and_numbers_as_they_stood(window: ReplayWindow) -> None:
    window.go_to(33)  # paragraph 4 struck
    rows = window.draft_model.rows.rows
    assert [r.number for r in rows if r.kind == "paragraph"] == ["1", "2", "3", "(4)", "4", "5"]
    assert window.highlighted == [_row_of(window, "(4)")]
    assert "invited" in _draft_text(window)  # struck through, as a tracked change
    window.mode_box.setCurrentIndex(2)  # clean text
    assert [r.number for r in window.draft_model.rows.rows if r.kind == "paragraph"] == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    assert "invited" not in _draft_text(window) and "stressed that" in _draft_text(window)
    window.go_to(20)  # before Blue's amendment, still in clean text
    assert "invited" in _draft_text(window) and "stressed" not in _draft_text(window)


def test_playing_moves_the_clock_and_the_floor_timer(qtbot, window: ReplayWindow) -> None:  # noqa: ANN001
    window.go_to(20)  # 09:19:00, Blue is given the floor
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.playing and window.play_timer.isActive()
    window.pause()
    window.set_speed(60)
    assert window.speed_box.currentText() == "60×"
    window.advance(0.5)  # half a second at 60×: thirty seconds of the session
    assert window.position.text() == "Event 20 of 55 — 2026-11-26 09:19:30 UTC"
    assert window.floor_pane.timer.text() == "2:30"
    window.advance(1.0)  # a minute later Blue replaced 'invited' with 'stressed that'
    assert window.replay.seq == 21 and window.position.text().endswith("09:20:30 UTC")
    window.set_speed(10)
    window.play()
    qtbot.waitUntil(lambda: window.moment is not None and window.moment.second != 30, timeout=5000)
    window.pause()
    assert not window.play_timer.isActive()


def test_nothing_can_be_edited_and_the_file_is_unchanged(qtbot, recorded: Path) -> None:  # noqa: ANN001
    before = file_digest(recorded)
    window = ReplayWindow(recorded)
    qtbot.addWidget(window)
    window.show()
    names = {a.objectName() for a in window.actions()}
    assert names == {
        "previous_event",
        "next_event",
        "previous_intervention",
        "next_intervention",
        "previous_adoption",
        "next_adoption",
        "play",
        "follow",
        "first",
        "last",
        "close",
    }
    index = window.draft_model.index(_row_of(window, "1"))
    assert not window.draft_model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not window.draft_view.edit(index)
    window.tabs.setCurrentIndex(1)
    assert window.debrief_view is not None and window.debrief_view.sections.rowCount() == 3
    window.debrief_view.moments.cellDoubleClicked.emit(0, 0)
    assert window.tabs.currentIndex() == 0 and window.replay.seq == window.replay.debrief.moments[0].first_seq
    window.close()
    assert file_digest(recorded) == before


def test_replay_while_the_session_is_open_for_writing(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "live.chairdesk"
    with Session.create(path, "Open in the window") as writer:
        section = drafting.add_section(writer, "Overview").subject
        drafting.insert_paragraph(writer, section, "The group met.")
        window = ReplayWindow(path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        assert window.position.text().startswith("Event 3 of 3")
        drafting.insert_paragraph(writer, section, "The writer goes on writing.")
        assert window.take_in_new_events() == 1  # what F5 (Follow live) does every two seconds
        assert window.position.text().startswith("Event 4 of 4")
        assert "The writer goes on writing." in _draft_text(window)
        assert [m.seq for m in window.replay.marks if m.category == "text"] == [2, 3, 4]
        window.go_to(2)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        qtbot.keyClick(window, Qt.Key.Key_F5)
        assert window.follow_timer.isActive() and window.actions_by_name["follow"].isChecked()
        drafting.insert_paragraph(writer, section, "And more.")
        qtbot.waitUntil(lambda: len(window.replay) == 5, timeout=5000)
        assert window.replay.seq == 2  # not at the end: the replay stays where the chair put it
        qtbot.keyClick(window, Qt.Key.Key_F5)
        assert not window.follow_timer.isActive()
        window.close()


def test_open_for_replay_from_the_desk(qtbot, window, recorded: Path) -> None:  # noqa: ANN001
    from chairdesk.gui.desk.window import MainWindow
    from chairdesk.sample import build_sample_session
    from tests.gui.desk_support import show_desk

    sample = build_sample_session(recorded.parent / "sample-desk.chairdesk")
    desk: MainWindow = show_desk(qtbot, sample)
    action = next(a for a in desk.findChildren(type(window.actions()[0])) if a.objectName() == "open_replay")
    assert action.shortcut().toString() == "Ctrl+Alt+O"
    replay = desk.commands.open_replay(sample)  # the desk holds it for writing; the replay reads beside it
    assert isinstance(replay, ReplayWindow) and replay.isVisible()
    qtbot.addWidget(replay)
    assert replay.position.text().startswith(f"Event {len(desk.controller.session.events)} of")
    assert desk.commands.open_replay(recorded.parent / "missing.chairdesk") is None


def test_replay_from_the_command_line_refuses_a_missing_file(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert main(["--replay", str(tmp_path / "missing.chairdesk")]) == 2
    assert f"{tmp_path / 'missing.chairdesk'}: no such file" in capsys.readouterr().err


def test_the_timelines_end_time_is_drawn_whole(window: ReplayWindow) -> None:
    """The time under the right end of the timeline ends inside the widget, with the room its width takes
    (a fixed 40 px from the edge cut "09:54" to "09:5" at 11 points)."""
    from chairdesk.gui.qt import QColor, QFontMetrics

    timeline = window.timeline
    font = timeline.font()
    font.setPointSize(14)  # (the desk's 11 points, zoomed: wider than 40 px)
    timeline.setFont(font)
    image = timeline.grab().toImage()
    width, height = image.width(), image.height()
    ratio = image.width() / timeline.width()

    def inked(x: int) -> bool:  # a grey pixel of the times' text in the bottom band
        for y in range(max(0, height - int(18 * ratio)), height):
            colour = QColor(image.pixel(x, y))
            if colour.value() < 170 and max(colour.red(), colour.green(), colour.blue()) - min(
                colour.red(), colour.green(), colour.blue()
            ) < 20:
                return True
        return False

    columns = [x for x in range(width) if inked(x)]
    right = [x for x in columns if x > width // 2]
    assert right, "no end time drawn"
    text = f"{window.replay.end:%H:%M}"
    advance = QFontMetrics(timeline.font()).horizontalAdvance(text) * ratio
    assert max(right) < width - 1  # it ends before the edge
    assert max(right) - min(right) >= advance * 0.8  # all of it, not cut at the edge


def test_the_collector_is_held_until_the_window_is_shown(qtbot, recorded: Path) -> None:  # noqa: ANN001
    """The replay window makes its lasting objects (the events, the checkpoints, the rows) and paints them
    first with the collector held, so no collection walks them all on the way; once shown they are frozen
    out of the collector, and it runs again. A window that goes before it is shown lets it run too."""
    # (a window an earlier test made and never showed holds it until Qt deletes the window, a turn later)
    qtbot.waitUntil(gc.isenabled, timeout=15_000)
    window = ReplayWindow(recorded)
    qtbot.addWidget(window)
    assert not gc.isenabled()
    window.show()
    qtbot.waitUntil(gc.isenabled, timeout=5000)
    assert gc.get_freeze_count() > 0
    gc.unfreeze()

    never_shown = ReplayWindow(recorded)
    assert not gc.isenabled()
    never_shown.deleteLater()
    qtbot.waitUntil(gc.isenabled, timeout=5000)


def test_a_replay_closed_at_the_desk_goes_with_its_replay(qtbot, window, recorded: Path) -> None:  # noqa: ANN001
    """The desk kept every replay window it opened, closed or not, with its replay's checkpoints (hundreds of
    MB on a long session); closed, a window now goes, and its replay with it."""
    from chairdesk.gui.desk.window import MainWindow
    from chairdesk.sample import build_sample_session
    from tests.gui.desk_support import show_desk

    sample = build_sample_session(recorded.parent / "sample-closed.chairdesk")
    desk: MainWindow = show_desk(qtbot, sample)
    replay = desk.commands.open_replay(sample)
    assert isinstance(replay, ReplayWindow)
    qtbot.waitUntil(gc.isenabled, timeout=5000)  # shown: what it made is frozen out of the collector
    gone = weakref.ref(replay.replay)
    assert desk.commands.replay_windows == [replay]
    replay.close()
    del replay
    qtbot.waitUntil(lambda: not desk.commands.replay_windows and gone() is None, timeout=5000)

    again = desk.commands.open_replay(sample)  # closed and deleted at once (as pytest-qt does at the end)
    gone = weakref.ref(again.replay)
    again.close()
    again.deleteLater()
    del again
    qtbot.waitUntil(lambda: not desk.commands.replay_windows and gone() is None, timeout=5000)


def test_the_timeline_places_its_marks_reading_the_span_once(window: ReplayWindow, monkeypatch) -> None:  # noqa: ANN001
    """The marks are placed with the session's start read once, not once a mark (20,000 marks took 0.5 s of
    the window's first paint), each where x_of puts its moment."""
    from datetime import datetime

    from chairdesk.core.replay.operations import Replay

    timeline = window.timeline
    reads = [0]
    start = Replay.start

    def counted(replay: Replay) -> datetime | None:
        reads[0] += 1
        return start.fget(replay)

    monkeypatch.setattr(Replay, "start", property(counted))
    timeline._index_marks()
    assert len(timeline._xs) == len(window.replay.marks) > 20
    assert reads[0] <= 2
    assert [x for x, _ in timeline._xs] == sorted(
        timeline.x_of(datetime.fromisoformat(mark.ts)) for mark in window.replay.marks
    )


def test_going_to_another_moment_measures_a_screen_of_the_rows_made_anew(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Going to another moment makes anew the rows whose words differ, a block at a time. The rows near the
    top (the replay's draft has no current row) were each measured at once, block by block: 60 word diffs
    and layouts, 0.2 s a click on a long session. Now a screen is measured at once and the others after."""
    words = " ".join(["the working group considered the matter at length"] * 6)
    path = tmp_path / "long.chairdesk"
    with Session.create(path, "Many paragraphs") as session:
        section = drafting.add_section(session, "Findings").subject
        ids = [drafting.insert_paragraph(session, section, f"{n}. {words}.").subject for n in range(40)]
        drafting.mark_baseline(session, "Tabled draft")
        for n, pid in enumerate(ids):
            drafting.amend_paragraph(session, pid, f"{n}. {words}, as amended.", "chair")
        last = len(session.events)
    window = _shown_window(qtbot, path, (1000, 700))
    window.go_to(last - 38)  # two paragraphs amended
    qtbot.waitUntil(lambda: not window.draft_view.near.filling, timeout=5000)
    delegate = window.draft_view.row_delegate
    before = delegate.layouts
    window.go_to(last)  # 38 more amended: their rows are made anew
    at_once = delegate.layouts - before
    shown = sum(1 for at in range(window.draft_model.rowCount()) if window.draft_view.visualRect(
        window.draft_model.index(at)).intersects(window.draft_view.viewport().rect()))
    assert at_once <= 2 * shown + 4 < 38, (at_once, shown)
    qtbot.waitUntil(lambda: not window.draft_view.near.filling, timeout=5000)  # the others, after
    assert all(row.size is not None for row in window.draft_model.rows.rows[:40])


def _shown_window(qtbot, path: Path, size: tuple[int, int]) -> ReplayWindow:  # noqa: ANN001
    """The replay window on a session, shown at a size."""
    window = ReplayWindow(path)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def _recorded_sample_window(qtbot, tmp_path: Path) -> ReplayWindow:  # noqa: ANN001
    """The replay window on a copy of the bundled recorded sample, shown at 1280×800."""
    import shutil

    from chairdesk.resources import resource_path

    path = tmp_path / "recorded.chairdesk"
    shutil.copy(resource_path("samples", "oewg-recorded.chairdesk"), path)
    return _shown_window(qtbot, path, (1280, 800))


def test_the_paragraph_a_step_changed_is_shown_whole(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Going to a step highlights the paragraph it changed and scrolls it into sight. The rows above it on
    screen were laid out at their estimates; drawn, they grew and pushed it down, and the replay keeps no
    current row in place: Team Green's proposal on paragraph 17 (event 31 of the recorded sample) lost its
    last line below the screen. The rows the screen shows are now measured before the scroll is decided."""
    window = _recorded_sample_window(qtbot, tmp_path)
    window.go_to(31)
    qtbot.wait(50)
    view = window.draft_view
    assert window.highlighted == [_row_of(window, "17")]
    rect = view.visualRect(window.draft_model.index(window.highlighted[0]))
    assert view.viewport().rect().contains(rect), (rect, view.viewport().rect())


def test_the_paragraph_a_step_changed_stays_whole_when_a_scroll_bar_comes(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """From a moment whose draft fits the screen to one that does not, the scroll bar comes after the
    highlighted paragraph was scrolled into sight: the rows, narrower, have more lines, and the paragraph
    event 79 of the recorded sample changed (gone to from event 2) lost its last line below the screen. The
    paragraph highlighted is now the view's current row, kept whole as the chair's is."""
    window = _recorded_sample_window(qtbot, tmp_path)
    view = window.draft_view
    window.go_to(2)
    qtbot.wait(50)
    assert not view.verticalScrollBar().isVisible()
    window.go_to(79)
    qtbot.wait(50)
    assert view.verticalScrollBar().isVisible()
    assert len(window.highlighted) == 1
    rect = view.visualRect(window.draft_model.index(window.highlighted[0]))
    assert view.viewport().rect().contains(rect), (rect, view.viewport().rect())
    assert view.currentIndex().row() == window.highlighted[0]


def test_going_back_before_the_paragraph_highlighted_was_written(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The paragraph the last step changed is the view's current row; going back to before it was written
    removes its row, and Qt, moving the current row to the one before, asked to scroll there while the rows
    were half changed: measuring the rows on the way rendered rows of paragraphs no draft held yet (KeyError),
    and the replay could not go there."""
    path = tmp_path / "late.chairdesk"
    with Session.create(path, "Late paragraphs") as session:
        first = drafting.add_section(session, "Findings").subject
        second = drafting.add_section(session, "Recommendations").subject
        for n in range(5):
            drafting.insert_paragraph(session, first, f"Finding {n} as tabled.")
            drafting.insert_paragraph(session, second, f"Recommendation {n} as tabled.")
        before = len(session.events)
        # The last written late is changed last; the first ones, more than NEAR_ROWS rows before it, are never
        # drawn (never rendered), and they are those on screen when Qt scrolls to the row before them.
        late = [drafting.insert_paragraph(session, first, f"Finding {n} written late.").subject for n in range(90)]
        drafting.amend_paragraph(session, late[-1], "The last finding written late, then amended.", "chair")
        last = len(session.events)
    window = _shown_window(qtbot, path, (1000, 700))
    assert window.replay.seq == last and len(window.highlighted) == 1
    assert window.draft_view.currentIndex().row() == window.highlighted[0]
    window.go_to(before)
    assert window.replay.seq == before
    assert "written late" not in _draft_text(window)
    window.go_to(last)
    assert "then amended" in _draft_text(window)
