"""A change far down a long draft is painted with the rows on screen in place, and lays out only the rows it
names: QListView laid every row out again, and in batches drew none until the last, a white page (issue 15,
seventh pass: 70 turns of the event loop at 2,000 paragraphs, 300 at 10,000)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.session import Session
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QApplication, QFont
from chairdesk.gui.settings import DeskSettings
from tests.gui.desk_support import laid_out, rows_on_screen, show_desk, wait_laid_out

BATCH_SIZE = 40  # rows a batch of QListView laid out (the view before the seventh pass)


@pytest.fixture
def long_path(tmp_path: Path) -> Path:
    """A 240-paragraph draft in 4 sections: many more rows than a batch."""
    path = tmp_path / "long.chairdesk"
    with Session.create(path, "A long session") as session:
        sections = [drafting.add_section(session, f"Section {i + 1}").subject for i in range(4)]
        for i in range(240):
            text = f"Paragraph {i + 1}, long enough to wrap onto a second line of the draft view " * (
                1 + i % 2
            )
            drafting.insert_paragraph(session, sections[i // 60], text.strip())
        drafting.mark_baseline(session, "Tabled draft")
    return path


@pytest.mark.parametrize("action", ["amend", "strike", "insert", "move"])
def test_a_change_far_down_is_painted_with_its_rows_in_place(qtbot, long_path: Path, action: str) -> None:  # noqa: ANN001
    win = show_desk(qtbot, long_path, size=(1200, 800))
    draft = win.session.draft
    qtbot.waitUntil(lambda: not win.draft_view.near.filling, timeout=10_000)
    assert win.commands.go_to_paragraph(200)
    qtbot.waitUntil(lambda: not win.draft_view.near.filling, timeout=10_000)
    wait_laid_out(qtbot, win)
    before = rows_on_screen(win)
    assert before and before[0] > 3 * BATCH_SIZE  # far past the first batches
    pid = draft.paragraph_by_number(200).id
    section = draft.paragraphs[pid].section
    run = win.controller.run
    relayouts = win.draft_view.relayouts
    if action == "amend":  # three lines longer: the row's height changes, the rows are laid out again
        run(drafting.amend_paragraph, pid, draft.paragraphs[pid].text + " More words at the table." * 12)
    elif action == "strike":
        run(drafting.strike_paragraph, draft.paragraph_by_number(199).id)
    elif action == "insert":
        run(drafting.insert_paragraph, section, "A new paragraph proposed from the floor.", index=5)
    else:
        run(drafting.move_paragraph, draft.paragraph_by_number(198).id, draft.order[0], 0)
    QApplication.processEvents()  # the turn that paints the change
    shown = rows_on_screen(win)
    assert shown, "the draft view is white after the change"
    assert abs(shown[0] - before[0]) <= 3  # the same part of the draft, at most the rows put in or out
    assert win.draft_view._in_sight(win.draft_view.currentIndex())
    assert win.draft_view.relayouts == relayouts  # only the rows the change named were laid out


def test_rows_never_drawn_are_measured_before_they_are_drawn(qtbot, long_path: Path) -> None:  # noqa: ANN001
    # Far from the rows read so far, rows are laid out at a height estimated from their words; drawn at that
    # height, a row taller than its estimate was drawn over the next one for a frame.
    win = show_desk(qtbot, long_path, size=(1200, 800))
    view, rows = win.draft_view, win.draft_model.rows.rows
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    far = [at for at in range(len(rows)) if rows[at].estimate is not None]
    assert len(far) > 50  # (the test's premise: rows laid out at their estimate)
    view.verticalScrollBar().setValue(view.rows.top(far[len(far) // 2]))
    view.viewport().repaint()  # the first paint there
    shown = rows_on_screen(win)
    assert shown
    for at in shown:  # each at the height its words take, none over the next
        assert rows[at].estimate is None and rows[at].size is not None
        assert view.rows.heights[at] == rows[at].size[2].height()


def test_a_session_opened_before_the_window_is_shown_lays_its_rows_out_once(qtbot, long_path: Path) -> None:  # noqa: ANN001
    """The desk's start opens the session in the hidden window: its rows are laid out when the window is shown
    and its width known, once (the start laid all 2,752 rows of the benchmark's draft out three times, at
    widths it never showed: 40 ms)."""
    win = MainWindow(None, DeskSettings.load(), docks=[])
    qtbot.addWidget(win)
    view = win.draft_view
    asked: list[int] = []
    row_size = view.row_delegate.row_size
    view.row_delegate.row_size = lambda at: asked.append(at) or row_size(at)  # type: ignore[method-assign]
    assert win.open_session(long_path)
    win.resize(1200, 800)
    assert not asked  # nothing measured or estimated while hidden
    win.show()
    qtbot.waitExposed(win)
    rows = view.row_count()
    assert rows > 240
    assert len(asked) < rows + 60, f"{len(asked)} rows laid out for {rows}: more than one layout"
    assert laid_out(view)
    view.row_delegate.row_size = row_size  # type: ignore[method-assign]
    assert view.rows.heights == [row_size(at).height() for at in range(rows)]  # each at its height at this width
    # the first row at the top of the screen, whole (the place kept from the rows laid out hidden, a line
    # each, scrolled the section's heading half out of sight)
    assert view.verticalOffset() == 0 and view.visualRect(view.model().index(0, 0)).top() == 0


def test_every_row_laid_out_at_once_takes_the_height_it_takes_alone(qtbot, long_path: Path) -> None:  # noqa: ANN001
    """RowDelegate.row_heights (a new width or text size: every row at once) answers as row_size does row by
    row: rows measured at this width, rows near the current one, far rows never drawn (estimated), rows
    measured at the width before, a row with words typed and not committed."""
    win = show_desk(qtbot, long_path, size=(1200, 800))
    view, delegate = win.draft_view, win.draft_view.row_delegate
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    assert win.commands.go_to_paragraph(120)
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    for at in range(0, 40, 3):  # rows measured at a text size before this one
        delegate.measure(at)
    font = QFont(delegate.font)
    font.setPointSize(font.pointSize() + 2)
    delegate.set_font(font)
    for at in range(0, 40, 2):  # and some at this one
        delegate.measure(at)
    win.draft_view.model().set_pending({win.session.draft.paragraph_by_number(121).id})
    rows = view.row_count()
    kinds = {"measured here": 0, "estimated": 0, "measured before": 0}
    key = delegate.size_key()
    for row in view.model().rows.rows:
        kinds["estimated" if row.size is None else "measured here" if row.size[1] == key else "measured before"] += 1
    assert all(kinds.values()), kinds
    heights = delegate.row_heights()
    assert heights == [delegate.row_size(at).height() for at in range(rows)]
    for row in view.model().rows.rows:  # the guesses reckoned afresh, all at once and one by one, agree
        row.guess = None
    heights = delegate.row_heights()
    estimated = [at for at, row in enumerate(view.model().rows.rows) if row.estimate is not None]
    assert len(estimated) >= 20  # (the rows far from those read, never drawn)
    for row in view.model().rows.rows:
        row.guess = None
    assert heights == [delegate.row_size(at).height() for at in range(rows)]
    assert all(view.model().rows.rows[at].estimate == heights[at] for at in estimated)


def test_a_change_made_before_the_window_is_shown_keeps_the_top_of_the_draft_in_sight(qtbot, long_path: Path) -> None:  # noqa: ANN001
    """A change while the rows are laid out hidden (a line each) keeps no place on screen: the window shows
    the draft from its first row, as it would without the change."""
    win = MainWindow(None, DeskSettings.load(), docks=[])
    qtbot.addWidget(win)
    assert win.open_session(long_path)
    win.resize(1200, 800)
    draft = win.session.draft
    first = draft.paragraph_by_number(1).id
    win.controller.run(drafting.amend_paragraph, first, draft.paragraphs[first].text + " More words." * 30)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    view = win.draft_view
    assert view.verticalOffset() == 0 and view.visualRect(view.model().index(0, 0)).top() == 0
    assert view.currentIndex().row() == 1


def test_a_paragraph_gone_to_far_down_is_shown_whole(qtbot, long_path: Path) -> None:  # noqa: ANN001
    """Go to a paragraph far below the rows read so far, whose tracked changes make it much taller than its
    words alone: it is shown whole (it was placed at the bottom of the screen by its estimated height, then
    measured taller, and its last lines were below the screen)."""
    with Session.open(long_path) as session:
        pid = session.draft.paragraph_by_number(200).id
        old = session.draft.paragraphs[pid].text
        for k in range(1):  # a proposal rewriting it all: drawn as its words deleted and others inserted
            words = " ".join(f"wholly different words number {n} of proposal {k}" for n in range(5))
            drafting.propose(session, pid, words if len(words) > len(old) else words + old, f"Delegation {k}")
    win = show_desk(qtbot, long_path, size=(1200, 800))
    view = win.draft_view
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    row = view.model().row_of("paragraph", pid)
    estimated = view.rows.heights[row]  # laid out at its estimate: never drawn
    assert win.commands.go_to_paragraph(200)
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    wait_laid_out(qtbot, win)
    shown = view.visualRect(view.currentIndex())
    assert view.currentIndex().row() == row and shown.height() > estimated + 20  # its deleted words as well
    assert 0 <= shown.top() and shown.bottom() <= view.viewport().height(), (shown, view.viewport().height())


@pytest.mark.parametrize("how", ["amended", "given a proposal"])
def test_the_current_paragraph_grown_by_a_change_keeps_its_end_in_sight(qtbot, long_path: Path, how: str) -> None:  # noqa: ANN001
    """The paragraph the chair works on, at the foot of the screen (gone to from above), grows by an amendment or
    a proposal shown under it: its new words are in sight (its top stayed put and its end went below the
    screen, where the room could not see what was just done)."""
    win = show_desk(qtbot, long_path, size=(1200, 800))
    view, draft = win.draft_view, win.session.draft
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    assert win.commands.go_to_paragraph(150)
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    wait_laid_out(qtbot, win)
    before = view.visualRect(view.currentIndex())
    assert before.bottom() > view.viewport().height() - 60  # at the foot of the screen
    pid = draft.paragraph_by_number(150).id
    more = " ".join(f"and the words added at the table number {k}" for k in range(6))
    if how == "amended":
        win.controller.run(drafting.amend_paragraph, pid, f"{draft.paragraphs[pid].text} {more}")
    else:
        win.controller.run(drafting.propose, pid, f"{draft.paragraphs[pid].text} {more}", "Delegation Blue")
    wait_laid_out(qtbot, win)
    qtbot.wait(20)
    shown = view.visualRect(view.currentIndex())
    assert shown.height() > before.height() + 40
    assert 0 <= shown.top() and shown.bottom() <= view.viewport().height(), (shown, view.viewport().height())


def _at_the_foot(qtbot, long_path: Path) -> MainWindow:  # noqa: ANN001
    """The desk with paragraph 150 current, whole at the foot of the screen, every near row measured."""
    win = show_desk(qtbot, long_path, size=(1200, 800))
    view = win.draft_view
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    assert win.commands.go_to_paragraph(150)
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    wait_laid_out(qtbot, win)
    assert view.visualRect(view.currentIndex()).bottom() > view.viewport().height() - 60  # at the foot
    return win


def test_the_current_paragraph_stays_whole_when_the_draft_gets_shorter(qtbot, long_path: Path) -> None:  # noqa: ANN001
    """The current paragraph, whole at the foot of the screen, stays whole when the draft's area gets shorter
    (the editor pane made taller, or taller with a larger text size): its last lines went under the pane."""
    win = _at_the_foot(qtbot, long_path)
    view = win.draft_view
    draft_area, editor = win.splitter.sizes()
    win.splitter.setSizes([draft_area - 120, editor + 120])
    qtbot.waitUntil(lambda: view.viewport().height() < draft_area - 100, timeout=2_000)
    shown = view.visualRect(view.currentIndex())
    assert 0 <= shown.top() and shown.bottom() <= view.viewport().height(), (shown, view.viewport().height())


def test_the_current_paragraph_stays_whole_when_the_draft_gets_narrower(qtbot, long_path: Path) -> None:  # noqa: ANN001
    """The current paragraph, whole at the foot of the screen, stays whole when the draft's area gets narrower
    (the window made narrower, a scroll bar come): with more lines, its last ones went below the screen."""
    win = _at_the_foot(qtbot, long_path)
    view = win.draft_view
    before = view.visualRect(view.currentIndex())
    width = view.viewport().width()
    win.resize(1200 - width // 2, 800)
    qtbot.waitUntil(lambda: view.viewport().width() < width * 3 // 4, timeout=2_000)
    wait_laid_out(qtbot, win)
    shown = view.visualRect(view.currentIndex())
    assert shown.height() > before.height()  # more lines
    assert 0 <= shown.top() and shown.bottom() <= view.viewport().height(), (shown, view.viewport().height())


def layouts_spied(delegate) -> list[str]:  # noqa: ANN001
    """The rich texts the row delegate lays out from now on, in a list that grows as it does."""
    laid: list[str] = []
    document = delegate.document
    delegate.document = lambda html: laid.append(html) or document(html)  # type: ignore[method-assign]
    return laid


def test_a_zoom_lays_out_the_screens_around_the_chair_and_no_row_far_away(qtbot, long_path: Path) -> None:  # noqa: ANN001
    """A zoom measures, before its paint, only the rows a screen either side of the chair's row: the other near
    rows after the paint, as after a go-to, and the rows drawn before far away when they come on screen again
    (a zoom laid out every row ever drawn, and the 120 near rows, at once: 265 ms at 2,000 paragraphs)."""
    win = show_desk(qtbot, long_path, size=(1200, 800))
    view, delegate = win.draft_view, win.draft_view.row_delegate
    rows = win.draft_model.rows.rows
    for number in (20, 200):  # rows drawn and measured near paragraph 20, then the chair reads paragraph 200
        assert win.commands.go_to_paragraph(number)
        qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
        wait_laid_out(qtbot, win)
    current = view.current_row()
    drawn_before = [at for at in range(view.row_count()) if rows[at].size is not None and abs(at - current) > 60]
    assert len(drawn_before) > 30  # (the test's premise: rows drawn far from the chair's)
    laid = layouts_spied(delegate)
    font = QFont(delegate.font)
    font.setPointSize(font.pointSize() + 4)
    win.apply_point_size(font.pointSize())
    QApplication.processEvents()  # the turn that paints the zoom
    assert 0 < len(laid) < 40, f"{len(laid)} rows laid out before the zoom's paint"
    key = delegate.size_key()
    assert all(rows[at].size is None or rows[at].size[1] != key for at in drawn_before)  # estimated
    for at in rows_on_screen(win):  # the rows on screen at their height at the new size, none over the next
        assert rows[at].size is not None and rows[at].size[1] == key
        assert view.rows.heights[at] == rows[at].size[2].height()
    assert view._in_sight(view.currentIndex())
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)  # the other near rows, after the paint
    current = view.current_row()
    near = range(max(0, current - 60), min(view.row_count(), current + 61))
    assert all(rows[at].size is not None and rows[at].size[1] == key for at in near)
    view.relayout_keeping_place()  # (as when near rows measured differ from their estimates)
    for at in drawn_before:  # still at their estimates: not at their heights at the size before
        assert rows[at].estimate is not None and view.rows.heights[at] == rows[at].estimate
    assert win.commands.go_to_paragraph(20)  # back where rows were drawn at the size before
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    wait_laid_out(qtbot, win)
    for at in rows_on_screen(win):
        assert rows[at].size is not None and rows[at].size[1] == key
        assert view.rows.heights[at] == rows[at].size[2].height()


def test_a_new_width_lays_out_the_screens_around_the_chair_first(qtbot, long_path: Path) -> None:  # noqa: ANN001
    """The window made narrower (a dock widened, the window resized): as at a zoom, the rows a screen either
    side of the chair's row are laid out before the paint, the other near rows after it."""
    win = show_desk(qtbot, long_path, size=(1200, 800))
    view, delegate = win.draft_view, win.draft_view.row_delegate
    rows = win.draft_model.rows.rows
    assert win.commands.go_to_paragraph(120)
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    wait_laid_out(qtbot, win)
    laid = layouts_spied(delegate)
    win.resize(1000, 800)
    QApplication.processEvents()  # the resize, its layout and its paint
    assert 0 < len(laid) < 40, f"{len(laid)} rows laid out before the paint at the new width"
    key = delegate.size_key()
    for at in rows_on_screen(win):
        assert rows[at].size is not None and rows[at].size[1] == key
        assert view.rows.heights[at] == rows[at].size[2].height()
    assert view._in_sight(view.currentIndex())
    qtbot.waitUntil(lambda: not view.near.filling, timeout=10_000)
    current = view.current_row()
    near = range(max(0, current - 60), min(view.row_count(), current + 61))
    assert all(rows[at].size is not None and rows[at].size[1] == key for at in near)
