"""The window tells the chair, as a session opens, that its file's record was altered outside chairdesk."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from chairdesk.core.log.anchors import anchors_path
from chairdesk.core.log.damage_events import DAMAGE_FOUND
from chairdesk.core.log.eventlog import verify_file
from chairdesk.export import export_record
from chairdesk.export.seal import export_text
from chairdesk.gui import start_up
from chairdesk.gui.desk import window as window_module
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QApplication, QMessageBox, Qt
from chairdesk.gui.start_up import CHECK_AFTER_MS
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import show_desk

CTRL = Qt.KeyboardModifier.ControlModifier


def _tampered(tmp_path: Path) -> Path:
    """The tester's file: the sample with event 6's text edited in place with sqlite."""
    path = build_sample_session(tmp_path / "tampered.chairdesk")
    db = sqlite3.connect(path)
    db.execute("UPDATE events SET payload = replace(payload, 'States recalled', 'Nations recalled') WHERE seq = 6")
    assert db.total_changes == 1
    db.commit()
    db.close()
    return path


def _boxes(win: MainWindow) -> list[QMessageBox]:
    return [box for box in win.findChildren(QMessageBox, "errorBox") if box.isVisible()]


def _assert_told(win: MainWindow, path: Path) -> None:
    (box,) = _boxes(win)
    assert box.windowTitle() == "The session file has changed"
    assert box.text() == win.last_error
    assert str(path) in box.text() and "altered outside chairdesk" in box.text()
    assert "event 6 (draft.paragraph.insert) is the first that fails the check" in box.text()
    assert "The session can go on" in box.text() and "cannot be exported" in box.text()


def test_opening_a_tampered_file_tells_the_chair_and_the_session_goes_on(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = _tampered(tmp_path)
    win = show_desk(qtbot, path)
    _assert_told(win, path)
    assert win.session.warnings == [win.last_error]
    _boxes(win)[0].accept()
    events = len(win.session.events)
    win.commands.go_to_paragraph(2)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_E, CTRL)
    win.editor.text.setPlainText("Nations recalled that ICTs matter greatly.")
    qtbot.keyClick(win.editor.text, Qt.Key.Key_Return, CTRL)
    # the chair goes on recording; the finding went in the record first
    assert [e.kind for e in win.session.events[events:]] == [DAMAGE_FOUND, "draft.paragraph.amend"]


def test_a_large_session_is_checked_after_the_window_is_up(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(window_module, "CHECK_AT_ONCE", 0)  # as for a session of 20,000 events
    path = _tampered(tmp_path)
    win = MainWindow(None, window_module.DeskSettings.load())
    qtbot.addWidget(win)
    assert win.open_session(path)
    assert win.last_error == "" and win.session.warnings == []  # not on the way to the first paint
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: bool(win.last_error), timeout=10_000)
    _assert_told(win, path)
    assert win.statusBar().currentMessage() == win.last_error


@pytest.mark.parametrize("at_once", [1000, 0])
def test_a_clean_session_opens_with_no_warning(qtbot, tmp_path: Path, monkeypatch, at_once: int) -> None:  # noqa: ANN001
    monkeypatch.setattr(window_module, "CHECK_AT_ONCE", at_once)
    path = build_sample_session(tmp_path / "clean.chairdesk")
    win = show_desk(qtbot, path)
    qtbot.waitUntil(lambda: win._record_check is None, timeout=10_000)  # the check is over
    assert win.last_error == "" and _boxes(win) == [] and win.session.warnings == []


def test_a_check_still_running_when_the_session_closes_tells_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(window_module, "CHECK_AT_ONCE", 0)
    path = _tampered(tmp_path)
    win = show_desk(qtbot, path)
    win.close_session()
    qtbot.wait(CHECK_AFTER_MS + 500)
    assert win.last_error == "" and _boxes(win) == []


def _cut_off_the_end(tmp_path: Path) -> tuple[Path, int]:
    """The sample with its last two events deleted with sqlite (the head row left), from a computer that keeps
    no anchor of it: only its chain can tell, and a step continuing the chain would hide it."""
    path = build_sample_session(tmp_path / "cut.chairdesk")
    anchors = json.loads(anchors_path().read_text(encoding="utf-8"))
    del anchors["files"][str(path.resolve())]
    anchors_path().write_text(json.dumps(anchors), encoding="utf-8")
    db = sqlite3.connect(path)
    count = db.execute("SELECT max(seq) FROM events").fetchone()[0]
    db.execute("DELETE FROM events WHERE seq > ?", (count - 2,))
    db.commit()
    db.close()
    return path, count - 2


def test_a_step_taken_before_the_background_check_ends_is_followed_by_the_finding(
    qtbot, tmp_path: Path, monkeypatch  # noqa: ANN001
) -> None:
    monkeypatch.setattr(window_module, "CHECK_AT_ONCE", 0)  # as for a session of 20,000 events
    monkeypatch.setattr(start_up, "CHECK_AFTER_MS", 1500)  # (a loaded machine: the key still comes first)
    path, found = _cut_off_the_end(tmp_path)
    win = show_desk(qtbot, path)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.draft_view, timeout=3000)
    win.commands.go_to_paragraph(3)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Delete, CTRL)  # the chair strikes before the check has run
    assert win.last_error == "" and [e.kind for e in win.session.events[found:]] == ["draft.paragraph.strike"]
    assert verify_file(path).ok  # the file alone no longer shows the events cut off
    qtbot.waitUntil(lambda: bool(win.last_error), timeout=10_000)
    (box,) = _boxes(win)
    assert f"the events after {found} are missing" in box.text()
    assert "this finding is recorded in the session's record now" in box.text()
    assert [e.kind for e in win.session.events[found:]] == ["draft.paragraph.strike", DAMAGE_FOUND]
    assert win.session.damage is None and win.controller.undo_stack.count() == 1  # the note is no step to undo
    box.accept()
    win.close_session()
    assert win.open_session(path)
    assert win.session.warnings == [] and _boxes(win) == []
    record = export_text(export_record(win.session, tmp_path / "record.md"))
    (line,) = [line for line in record.splitlines() if "found altered by chairdesk" in line]
    assert f"the events after {found} are missing" in line
    assert f"The check ended after event {found + 1} had been recorded in it" in line
