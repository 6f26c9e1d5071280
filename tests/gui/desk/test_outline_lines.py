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
