"""Row heights on a long draft: a relayout (after any insert, strike or move) answers each row from what it
remembers, and a row never drawn is sized from its own words and pending proposals (issue 15)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.large_session import make_large_session
from chairdesk.core.draft import operations as drafting
from chairdesk.gui.desk.draft_view import NEAR_ROWS
from chairdesk.gui.desk.window import MainWindow
from tests.gui.desk_support import laid_out, settle_start, show_desk


def _laid_out(qtbot, win: MainWindow) -> None:  # noqa: ANN001
    """What the desk does after its first paint done (the near rows measured, the credits read: from the event
    loop, later on a loaded machine, and each redraws rows), then every batch of a relayout (the view lays rows
    out 40 at a time, between other events)."""
    settle_start(win)
    win.draft_view.doItemsLayout()
    qtbot.waitUntil(lambda: laid_out(win.draft_view), timeout=10_000)


def test_a_second_relayout_measures_and_guesses_nothing_again(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = make_large_session(tmp_path / "long.chairdesk", paragraphs=300, events=600)
    win = show_desk(qtbot, path)
    delegate, model = win.draft_view.row_delegate, win.draft_model
    assert model.rowCount() > 2 * NEAR_ROWS + 40
    _laid_out(qtbot, win)
    guessed: list[str] = []  # a guess reads the paragraph's pending proposals: a guess kept does not
    pending_of = model.rows.pending_of
    model.rows.pending_of = lambda pid: guessed.append(pid) or pending_of(pid)  # type: ignore[method-assign]
    laid_out = delegate.layouts
    _laid_out(qtbot, win)
    assert guessed == []  # every row far away answered with the guess it keeps
    assert delegate.layouts == laid_out  # and every measured row with its size: no text laid out again
    assert sum(1 for row in model.rows.rows if row.html is None and row.kind == "paragraph") > 40


def test_a_far_row_is_guessed_taller_with_pending_proposals(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = make_large_session(tmp_path / "long.chairdesk", paragraphs=300, events=600)
    win = show_desk(qtbot, path)
    model, delegate = win.draft_model, win.draft_view.row_delegate
    _laid_out(qtbot, win)
    last = model.rowCount() - 1
    row = model.row_at(last)
    assert row.kind == "paragraph" and row.html is None
    before = delegate._estimate(model, row).height()
    win.controller.run(drafting.propose, row.id, "A proposal on the last paragraph " * 12, "chair")
    _laid_out(qtbot, win)
    now = model.row_at(model.row_of_paragraph(row.id))
    assert now.html is None  # still never drawn: guessed again, from its proposals
    assert delegate._estimate(model, now).height() > before + 2 * delegate.font.pointSizeF()


def test_a_repaint_copies_the_rows_drawn_before_and_draws_only_a_changed_one(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = make_large_session(tmp_path / "long.chairdesk", paragraphs=300, events=600)
    win = show_desk(qtbot, path)
    view, delegate, draft = win.draft_view, win.draft_view.row_delegate, win.session.draft
    win.commands.go_to_paragraph(2)
    _laid_out(qtbot, win)
    first = view.viewport().grab().toImage()
    drawn = delegate.drawn
    view.viewport().repaint()
    assert delegate.drawn == drawn  # every row on screen copied from its picture
    pid = draft.numbering().paragraphs[1]
    win.controller.run(drafting.amend_paragraph, pid, "Words amended on screen.")
    _laid_out(qtbot, win)
    second = view.viewport().grab().toImage()
    assert delegate.drawn == drawn + 1  # only the amended row is drawn again
    assert second != first


def test_the_pictures_kept_are_bounded_in_bytes(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from chairdesk.gui.desk import row_delegate

    monkeypatch.setattr(row_delegate, "PICTURE_BYTES", 2 * 1024 * 1024)
    path = make_large_session(tmp_path / "long.chairdesk", paragraphs=300, events=600)
    win = show_desk(qtbot, path)
    delegate, rows = win.draft_view.row_delegate, win.draft_model.rows
    pictures = [delegate.picture(rows.html(k)) for k in range(1, 120)]
    kept = list(delegate._pictures.values())
    assert sum(p.width() * p.height() * 4 for p in kept) <= 2 * 1024 * 1024
    assert 1 < len(kept) < len(pictures) and kept[-1] is pictures[-1]  # the oldest went first


def test_a_narrower_window_lays_the_rows_out_at_the_new_width(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = make_large_session(tmp_path / "long.chairdesk", paragraphs=120, events=300)
    win = show_desk(qtbot, path)
    view, delegate = win.draft_view, win.draft_view.row_delegate
    _laid_out(qtbot, win)
    wide = delegate.text_width()
    current = view.currentIndex()
    tall = view.visualRect(current).height()
    win.resize(win.width() - 500, win.height())  # the text width is kept between layouts: read again now
    qtbot.waitUntil(lambda: delegate.text_width() == max(200, view.viewport().width() - delegate.gutter() - 24))
    assert delegate.text_width() < wide
    _laid_out(qtbot, win)
    assert view.visualRect(current).width() <= view.viewport().width()
    assert view.visualRect(current).height() > tall  # the same words wrap onto more lines


def test_an_amendment_of_the_same_height_lays_no_row_out_again(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """An amended row is measured again, and only that row: drawn again at the height it had, nothing moves; a
    taller one moves the rows after it down. No row is laid out again (QListView laid out every row after any
    change of data, and in batches drew none until the last: seventh pass)."""
    path = make_large_session(tmp_path / "long.chairdesk", paragraphs=300, events=600)
    win = show_desk(qtbot, path)
    view, model = win.draft_view, win.draft_model
    _laid_out(qtbot, win)
    win.commands.go_to_paragraph(3)
    row = view.currentIndex().row()
    pid = model.row_at(row).id
    text = win.session.draft.paragraphs[pid].text
    last = model.index(model.rowCount() - 1, 0)
    height, below = view.visualRect(model.index(row, 0)).height(), view.visualRect(model.index(row + 1, 0))
    relayouts = view.relayouts
    win.controller.run(drafting.amend_paragraph, pid, text[:-1] + ";")
    assert view.visualRect(model.index(row, 0)).height() == height  # (the same lines: the test's premise)
    assert view.relayouts == relayouts and view.visualRect(last).isValid()  # no relayout: rows kept their places
    assert "<" in model.rows.html(row) and ";" in model.rows.html(row)  # the row's new words are drawn
    win.controller.run(drafting.amend_paragraph, pid, text + " " + text)  # twice as long: taller
    assert view.relayouts == relayouts and view.visualRect(last).isValid()  # its place made again, no other row's
    taller = view.visualRect(model.index(row, 0))
    assert taller.height() > height and view.visualRect(model.index(row + 1, 0)).top() > below.top()


def test_an_adoption_that_lapses_many_proposals_renders_no_row_before_it_is_drawn(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """The rows of the paragraphs whose proposals lapse are made again, and rendered only when drawn or near the
    current row: the layout done before the paint (no white page: seventh pass) measures a screen either side of
    it, the other near rows come later, a few at a time (an adoption can change hundreds of rows)."""
    from chairdesk.core.adoption import operations as adoption

    path = make_large_session(tmp_path / "long.chairdesk", paragraphs=300, events=3000)
    win = show_desk(qtbot, path)
    model = win.draft_model
    _laid_out(qtbot, win)
    draft = win.session.draft
    pending = [p for p in draft.pending_proposals()]
    section = max(draft.order, key=lambda sid: sum(draft.paragraphs[p.paragraph].section == sid for p in pending))
    assert sum(draft.paragraphs[p.paragraph].section == section for p in pending) > 5
    lapsing = [p.paragraph for p in pending if draft.paragraphs[p.paragraph].section == section]
    win.commands.go_to_paragraph(draft.number_of(lapsing[len(lapsing) // 2]))  # the rows near it are measured
    _laid_out(qtbot, win)
    win.controller.run(adoption.take_up, section)
    rendered: list[str] = []
    render = model.rows._render
    model.rows._render = lambda row: (rendered.append(row.id), render(row))[1]  # type: ignore[method-assign]
    win.controller.run(adoption.adopt_section, section, lapse_proposals=True)
    assert not [p for p in draft.pending_proposals() if draft.paragraphs[p.paragraph].section == section]
    view = win.draft_view
    current = view.currentIndex().row()
    above, below = view.near.reach()  # a screen either side while the others wait for the fill
    assert view.near.filling and above < NEAR_ROWS // 2 and below < NEAR_ROWS // 2
    rows = {model.row_of_paragraph(pid, current) for pid in rendered}
    assert win.controller.current_paragraph in rendered
    assert rows <= set(range(current - above, current + below + 1))


def test_a_zoom_guesses_a_far_row_from_its_words_as_they_stand(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """What a row's guesses are reckoned from is kept with the row, so a zoom reckons 12,000 rows from numbers;
    a row amended and given a proposal far from the chair is guessed at the new size from what it says now."""
    path = make_large_session(tmp_path / "long.chairdesk", paragraphs=300, events=600)
    win = show_desk(qtbot, path)
    model, delegate, view = win.draft_model, win.draft_view.row_delegate, win.draft_view
    _laid_out(qtbot, win)
    row = model.row_at(model.rowCount() - 1)
    assert row.kind == "paragraph" and row.html is None and row.shape is not None
    text = win.session.draft.paragraphs[row.id].text
    win.controller.run(drafting.amend_paragraph, row.id, text + " More words for the far paragraph." * 20)
    win.controller.run(drafting.propose, row.id, "A proposal on the last paragraph " * 12, "chair")
    _laid_out(qtbot, win)
    win.apply_point_size(delegate.font.pointSize() + 4)
    _laid_out(qtbot, win)
    at = model.row_of_paragraph(row.id)
    now = model.row_at(at)
    assert now.html is None and now.estimate is not None  # far away, never drawn: guessed
    kept = view.rows.heights[at]
    now.shape = now.guess = None
    assert delegate._estimate(model, now).height() == kept  # reckoned afresh from its words: the same
    assert kept > row.guess[1]  # (taller: more words, a proposal, a larger size)
