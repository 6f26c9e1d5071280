"""A hidden projector does no work on the chair's actions, and shows the text as it stands once shown."""

from __future__ import annotations

from chairdesk.core.draft.operations import amend_paragraph, strike_paragraph
from chairdesk.gui.desk.window import MainWindow


def test_hidden_projector_catches_up_when_shown(window: MainWindow) -> None:
    projector = window.projector.projector
    assert not projector.isVisible()
    rows_before = projector.rows
    window.controller.run(amend_paragraph, "p13", "Words amended while the projector was hidden.")
    window.controller.run(strike_paragraph, "p14")
    assert projector.rows is rows_before  # nothing compared again while nobody sees it
    window.select_row(window.draft_model.row_of_paragraph("p13"))
    window.projector.actions["show"].trigger()
    assert projector.isVisible()
    assert projector.rows is not rows_before
    assert "Words amended while the projector was hidden." in projector.plain_text()
    struck = next(row for row in projector.rows.rows if row.id == "p14" and row.kind == "paragraph")
    assert struck.status == "struck"
    window.controller.run(amend_paragraph, "p13", "Amended again with the projector shown.")
    assert "Amended again with the projector shown." in projector.plain_text()  # shown: follows at once
