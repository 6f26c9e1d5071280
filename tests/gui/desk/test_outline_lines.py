"""The outline draws each line as its size says (no gap, no overlap), and lays a line out once, not per paint."""

from __future__ import annotations

from chairdesk.core import drafting
from chairdesk.gui.desk.outline import OutlineDelegate
from chairdesk.gui.desk.window import MainWindow


def test_a_line_is_drawn_at_the_width_it_was_measured_and_laid_out_once(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view, model = window.outline_view, window.outline_model
    delegate = view.itemDelegate()
    assert isinstance(delegate, OutlineDelegate)
    view.setExpanded(model.index(0, 0), True)
    qtbot.waitUntil(lambda: view.visualRect(model.index(0, 0, model.index(0, 0))).height() > 0)
    for index in (
        model.index(0, 0),
        model.index(0, 0, model.index(0, 0)),
        model.index(1, 0, model.index(0, 0)),
    ):
        rect = view.visualRect(index)
        assert rect.width() - 4 == delegate._width(index)  # paint draws in the rect sizeHint measured for
        lines = delegate._lines(index)
        height = sum(
            delegate._laid_out(bold, line, delegate._width(index)).size().height() for bold, line in lines
        )
        assert rect.height() == round(height) + 10
    view.viewport().repaint()
    kept = dict(delegate._texts)
    assert kept
    view.viewport().repaint()
    assert delegate._texts == kept  # the second paint laid nothing out again
    first_id = window.session.draft.live_paragraphs(window.session.draft.order[0])[0].id
    window.controller.run(drafting.strike_paragraph, first_id)
    view.viewport().repaint()
    first = model.index(0, 0, model.index(0, 0))
    assert first.data().startswith("1  ")  # the next paragraph took number 1, and is drawn as such
    assert (first.data(), delegate._width(first), False) in delegate._texts


def test_a_zoom_lays_the_lines_out_again_in_the_new_size(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """The delegate keeps the view's fonts between paints; a zoom (another font) makes them, and every line,
    again: a line is taller in the larger size, and each is drawn in the height measured for it."""
    view, model = window.outline_view, window.outline_model
    delegate = view.itemDelegate()
    section = model.index(0, 0)
    view.viewport().repaint()
    line = delegate._lines(section)[0][1]
    before = delegate._laid_out(True, line, 2000).size().height()
    size = view.font().pointSize()
    window.apply_point_size(28)  # the outline: 22 points
    qtbot.waitUntil(lambda: view.font().pointSize() > size)
    view.viewport().repaint()
    assert delegate._bold.pointSize() == view.font().pointSize() and delegate._bold.bold()
    assert delegate._laid_out(True, line, 2000).size().height() > before * 1.2
    assert view.visualRect(section).height() == delegate.sizeHint(None, section).height()


def test_titles_are_bold_in_a_view_with_the_application_font(qtbot) -> None:  # noqa: ANN001
    """The delegate's first fonts, in a view whose font is the application's own: its bold twin is bold."""
    from chairdesk.gui.qt import QTreeView

    view = QTreeView()
    qtbot.addWidget(view)
    delegate = OutlineDelegate(view)
    plain, bold = delegate._fonts()
    assert bold.bold() and not plain.bold() and bold.pointSizeF() == plain.pointSizeF() == view.font().pointSizeF()
