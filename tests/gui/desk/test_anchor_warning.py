"""The window tells the chair when a session file is shorter than when this computer last closed it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from chairdesk.core import drafting
from chairdesk.core.log.session import Session
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.settings import DeskSettings


def test_opening_a_shortened_session_shows_the_warning(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "cut.chairdesk"
    with Session.create(path, "Working group") as session:
        section = drafting.add_section(session, "Overview").subject
        for n in range(20):
            drafting.insert_paragraph(session, section, f"Paragraph {n}.")
        total = len(session.events)
    db = sqlite3.connect(path)
    db.execute("DELETE FROM events WHERE seq > 5")
    db.execute("UPDATE meta SET value = (SELECT '5:' || hash FROM events WHERE seq = 5) WHERE key = 'head'")
    db.commit()
    db.close()
    win = MainWindow(None, DeskSettings.load())
    qtbot.addWidget(win)
    assert win.open_session(path)
    assert f"this session had {total} events when last closed on this computer; it now has 5" in win.last_error
    assert win.session is not None and len(win.session.events) == 5


def test_a_copy_saved_at_the_break_opens_later_with_no_alarm(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from chairdesk.core.draft import operations as drafting_ops
    from chairdesk.gui.qt import QMessageBox
    from chairdesk.sample import build_sample_session

    original = build_sample_session(tmp_path / "original.chairdesk")
    hand_copy = tmp_path / "by-hand.chairdesk"
    shutil.copy(original, hand_copy)
    win = MainWindow(None, DeskSettings.load())
    qtbot.addWidget(win)
    assert win.open_session(original)
    copy = win.commands.save_copy_to(tmp_path / "break-copy.chairdesk")
    pid = win.session.draft.paragraph_by_number(2).id
    for words in ("States recalled that ICTs matter.", "States recalled that ICTs matter greatly."):
        win.controller.run(drafting_ops.amend_paragraph, pid, words)
    total = len(win.session.events)
    win.close_session()
    assert win.open_session(copy)
    assert win.last_error == "" and not win.findChildren(QMessageBox, "errorBox")
    assert len(win.session.events) == total - 2
    win.close_session()
    assert win.open_session(hand_copy)  # a copy made by hand: a note in the status bar, not a warning
    assert win.last_error == "" and not win.findChildren(QMessageBox, "errorBox")
    assert f"an earlier copy of a session last closed on this computer with {total} events" in (
        win.statusBar().currentMessage()
    )
