"""The window tells the chair when a session file is shorter than when this computer last closed it."""

from __future__ import annotations

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
