"""The draft under the chair's keys and the scroll bar: the in-place editor stays on its row as the rows move,
and the scroll bar taken to its end shows the end at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.large_session import make_large_session
from chairdesk.gui.app import default_docks
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QApplication, QRect, Qt
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import settle_start, show_desk, wait_laid_out

CTRL = Qt.KeyboardModifier.ControlModifier


def _desk(qtbot, path: Path) -> MainWindow:  # noqa: ANN001
    """The desk as the chair has it at 1280×800 (the floor beside the draft), active, the keys in the draft."""
    win = show_desk(qtbot, path, docks=default_docks(), size=(1280, 800))
    qtbot.waitUntil(win.isActiveWindow)
    win.draft_view.setFocus()
    settle_start(win)
    return win


@pytest.fixture
def oewg(qtbot, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    """The desk on the "oewg" sample."""
    return _desk(qtbot, build_sample_session(tmp_path / "oewg.chairdesk", "oewg"))


def test_the_in_place_editor_follows_its_row_after_a_zoom_and_a_narrower_window(oewg: MainWindow, qtbot) -> None:  # noqa: ANN001
    window, view = oewg, oewg.draft_view
    assert window.commands.go_to_paragraph(9)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.row_delegate.active_editor
    assert editor is not None and editor.isVisible()

    def on_its_row(label: str) -> None:
        settle_start(window)
        QApplication.processEvents()
        view.viewport().repaint()  # (the rows on screen measured as drawn: the rows move)
        row = view.visualRect(view.currentIndex())
        shown = editor.geometry()
        assert shown.top() == row.top() and shown.height() >= row.height(), f"{label}: {shown} over a row at {row}"
        assert editor.font().pointSizeF() == view.row_delegate.font.pointSizeF(), f"{label}: its text size"
        assert shown.intersects(QRect(0, 0, view.viewport().width(), view.viewport().height())), f"{label}: gone"
        assert editor.hasFocus(), f"{label}: the keys went elsewhere"

    on_its_row("opened")
    start = window.settings.point_size
    qtbot.keyClick(editor, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Plus, CTRL)
    assert window.settings.point_size == start + 4
    on_its_row("zoomed in twice")
    window.resize(1000, 800)
    wait_laid_out(qtbot, window)
    on_its_row("a narrower window")


def test_the_scroll_bar_taken_to_its_end_shows_the_end_of_a_long_draft(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    # The rows far from the chair's are laid out at heights estimated from their words and measured as they
    # come on screen: measured taller, they pushed the end of the draft below the screen.
    path = make_large_session(tmp_path / "long.chairdesk", paragraphs=600, events=3000)
    win = _desk(qtbot, path)
    view = win.draft_view
    bar = view.verticalScrollBar()
    last = len(view.rows) - 1
    assert win.draft_model.rows.rows[last].estimate is not None  # (the test's premise: the end never drawn)
    bar.triggerAction(bar.SliderAction.SliderToMaximum)
    view.viewport().repaint()
    assert bar.value() == bar.maximum()
    assert view.visualRect(view.model().index(last, 0)).bottom() == view.viewport().height() - 1
