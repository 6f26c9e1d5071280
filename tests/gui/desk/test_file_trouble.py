"""The session file taken away while the session is open: the desk must never claim what is not on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chairdesk.core.log.session import Session
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def amend_in_pane(qtbot, win: MainWindow, number: int, words: str) -> str:  # noqa: ANN001
    """Type new words for a paragraph in the editor pane and press Ctrl+Enter; returns its id."""
    win.commands.go_to_paragraph(number)
    pid = win.session.draft.paragraph_by_number(number).id
    qtbot.keyClick(win.draft_view, Qt.Key.Key_E, CTRL)
    win.editor.text.setPlainText(words)
    qtbot.keyClick(win.editor.text, Qt.Key.Key_Return, CTRL)
    return pid


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_an_edit_after_the_file_is_taken_away_is_refused(
    qtbot, window: MainWindow, tmp_path: Path, how: str
) -> None:  # noqa: ANN001
    path = window.session.path
    events = len(window.session.events)
    old = window.session.draft.paragraph_by_number(3).text
    if how == "deleted":
        path.unlink()
    else:
        os.rename(path, tmp_path / "elsewhere.chairdesk")

    pid = amend_in_pane(qtbot, window, 3, "Words that have nowhere to go.")

    assert window.session.draft.paragraphs[pid].text == old  # the screen shows what is on disk
    assert len(window.session.events) == events
    message = window.statusBar().currentMessage()
    assert message.startswith("Not done:") and str(path) in message and "deleted or moved" in message
    assert not window.save_label.text().startswith("Saved")
    assert window.editor.text.toPlainText() == "Words that have nowhere to go."  # the chair's words are kept
    assert not path.exists()  # nothing made a new, partial file at the old place
    qtbot.keyClick(window.editor.text, Qt.Key.Key_Escape)  # the chair puts the text back
    assert window.editor.text.toPlainText() == old
    assert (
        "not saved" in window.save_label.text().casefold() and "deleted or moved" in window.save_label.text()
    )

    # the record so far can still be saved elsewhere, whole
    copy = window.commands.save_copy_to(tmp_path / "rescued.chairdesk")
    assert copy is not None
    with Session.open(copy) as rescued:
        assert len(rescued.events) == events and rescued.verify().ok
