"""The draft under the chair's keys when a paragraph is taller than the draft area (zoomed in on a projector, a
long paragraph with its proposals): PageDown and PageUp page through it, End shows the end of the draft, the
in-place editor stays on its row, and the scroll bar taken to its end shows the end at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.large_session import make_large_session
from chairdesk.core import drafting
from chairdesk.core.log.session import Session
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


@pytest.fixture
def zoomed(qtbot, oewg: MainWindow) -> MainWindow:  # noqa: ANN001
    """The "oewg" sample zoomed in four times: paragraph 9 (with its proposals) is then about twice as tall as
    the draft area."""
    start = oewg.settings.point_size
    for _ in range(4):
        qtbot.keyClick(oewg.draft_view, Qt.Key.Key_Plus, CTRL)
    assert oewg.settings.point_size == start + 8
    wait_laid_out(qtbot, oewg)
    settle_start(oewg)
    return oewg


def _shown(win: MainWindow) -> tuple[int, int, int]:
    """The current row, and the part of the draft on screen (its first and last pixel)."""
    view = win.draft_view
    return view.currentIndex().row(), view.verticalOffset(), view.verticalOffset() + view.viewport().height() - 1


def _press(qtbot, win: MainWindow, key: Qt.Key, times: int) -> list[tuple[int, int, int]]:  # noqa: ANN001
    """Press a key `times` times; what is shown after each press (the rows on screen measured as drawn)."""
    seen = []
    for _ in range(times):
        qtbot.keyClick(win.draft_view, key)
        win.draft_view.viewport().repaint()
        seen.append(_shown(win))
    return seen


def _tall_rows(win: MainWindow) -> list[int]:
    view = win.draft_view
    return [at for at, height in enumerate(view.rows.heights) if height > view.viewport().height()]


def test_page_down_pages_through_a_paragraph_taller_than_the_draft_area(zoomed: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = zoomed.draft_view
    tall, screen, last = _tall_rows(zoomed), view.viewport().height(), len(view.rows) - 1
    assert tall, "the test's premise: a paragraph taller than the draft area"
    seen = [_shown(zoomed), *_press(qtbot, zoomed, Qt.Key.Key_PageDown, 3 * last)]
    assert seen[-1][0] == last  # not stuck: the last row is reached
    for at in tall:
        top, bottom = view.rows.top(at), view.rows.top(at) + view.rows.heights[at] - 1
        while_current = [(first, end) for row, first, end in seen if row == at]
        assert len(while_current) >= 2, f"row {at} was not paged through"
        assert while_current[0][0] == top  # from its start
        assert while_current[-1][1] == bottom  # to its end, then on to the next rows
        for (_, was_end), (first, _) in zip(while_current, while_current[1:], strict=False):
            assert first == min(was_end + 1, bottom - screen + 1)  # a page at a time, no line skipped
    for (row, _, end), (next_row, _, _) in zip(seen, seen[1:], strict=False):
        if row in tall and next_row != row:
            assert end == view.rows.top(row) + view.rows.heights[row] - 1  # left only once its end was shown


def test_page_up_pages_back_through_it_from_its_end(zoomed: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = zoomed.draft_view
    tall, last = _tall_rows(zoomed), len(view.rows) - 1
    _press(qtbot, zoomed, Qt.Key.Key_PageDown, 3 * last)
    seen = _press(qtbot, zoomed, Qt.Key.Key_PageUp, 3 * last)
    assert seen[-1][:2] == (0, 0)
    for at in tall:
        top, bottom = view.rows.top(at), view.rows.top(at) + view.rows.heights[at] - 1
        while_current = [(first, end) for row, first, end in seen if row == at]
        assert len(while_current) >= 2, f"row {at} was not paged through"
        assert while_current[0][1] == bottom and while_current[-1][0] == top  # from its end to its start


def test_end_shows_the_end_of_a_draft_whose_last_paragraph_is_taller_than_the_draft_area(
    qtbot, tmp_path: Path  # noqa: ANN001
) -> None:
    path = tmp_path / "long_last.chairdesk"
    with Session.create(path, "A long last paragraph") as session:
        section = drafting.add_section(session, "Recommendations").subject
        for i in range(30):
            drafting.insert_paragraph(session, section, f"Paragraph {i + 1} of the draft, a line or two.")
        drafting.insert_paragraph(session, section, "The last paragraph, longer than a screen. " * 120)
    win = _desk(qtbot, path)
    view = win.draft_view
    last = len(view.rows) - 1
    assert view.rows.heights[last] > view.viewport().height()  # (the test's premise)
    qtbot.keyClick(view, Qt.Key.Key_End)
    view.viewport().repaint()
    assert view.currentIndex().row() == last
    assert view.visualRect(view.currentIndex()).bottom() == view.viewport().height() - 1  # its end, not its top
    assert view.verticalScrollBar().value() == view.verticalScrollBar().maximum()


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


def _cursor_in_sight(view, editor) -> bool:  # noqa: ANN001
    """Whether the in-place editor's text cursor is within the draft's rows' area."""
    rect = editor.cursorRect()
    top = editor.viewport().mapTo(view.viewport(), rect.topLeft()).y()
    return 0 <= top and top + rect.height() <= view.viewport().height()


def test_the_view_follows_the_in_place_editors_cursor_in_a_row_taller_than_the_screen(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = _desk(qtbot, build_sample_session(tmp_path / "oewg.chairdesk", "oewg"))
    view = window.draft_view
    window.resize(1024, 768)
    wait_laid_out(qtbot, window)
    for _ in range(6):
        qtbot.keyClick(view, Qt.Key.Key_Plus, CTRL)
    wait_laid_out(qtbot, window)
    assert window.commands.go_to_paragraph(9)
    settle_start(window)
    row = view.currentIndex()
    assert view.rows.heights[row.row()] > 1.5 * view.viewport().height(), "the row is taller than the screen"
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.row_delegate.active_editor
    assert editor is not None and editor.hasFocus()

    def check(label: str) -> None:
        QApplication.processEvents()
        assert _cursor_in_sight(view, editor), f"{label}: the text cursor is out of sight"
        assert view.visualRect(row).intersects(view.viewport().rect()), f"{label}: the chair's row went"
        assert editor.geometry().top() == view.visualRect(row).top(), f"{label}: the editor left its row"

    check("opened")
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    check("Ctrl+End")
    qtbot.keyClicks(editor, " and more words")
    check("typed at the end")
    assert editor.toPlainText().endswith(" and more words")
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    check("Ctrl+Home")
    for step in range(12):
        qtbot.keyClick(editor, Qt.Key.Key_Down)
        check(f"Down ×{step + 1}")
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    for step in range(12):
        qtbot.keyClick(editor, Qt.Key.Key_Up)
        check(f"Up ×{step + 1} from the end")
    qtbot.keyClick(editor, Qt.Key.Key_Plus, CTRL)
    wait_laid_out(qtbot, window)
    check("zoomed in once more at the end")
    window.resize(900, 700)
    wait_laid_out(qtbot, window)
    check("a smaller window")
    bar = view.verticalScrollBar()
    assert 0 <= bar.value() <= bar.maximum(), "no white page"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # (the words typed discarded: closing the window asks nothing)
    assert not window.editor.pending
