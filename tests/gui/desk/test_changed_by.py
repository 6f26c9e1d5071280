"""The desk credits a paragraph's changes to everyone whose change stands, not to whoever touched it last."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core.draft.operations import amend_paragraph
from chairdesk.gui.desk.window import MainWindow
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import settle_start, show_desk


def _note(window: MainWindow, number: int) -> str:
    settle_start(window)  # the credits of the rows drawn at the start are read after the first paint
    model = window.draft_model
    for i, row in enumerate(model.rows.rows):
        if row.kind == "paragraph" and row.number == str(number):
            return model.rows.html(i)
    raise AssertionError(f"no row numbered {number}")


def test_three_teams_amending_one_paragraph_are_all_credited(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = show_desk(qtbot, build_sample_session(tmp_path / "recorded.chairdesk", "recorded"))
    html = _note(window, 3)
    assert "changed by Team Blue, Team Yellow, Team Orange and Team Green" in html
    assert "as proposed by" not in html
    assert "changed by Team Purple" in _note(window, 4)
    assert "changed by" not in _note(window, 9)  # the Chair's own pen: no credit line

    # The chair types in paragraph 3 for Team Red; undo takes Red's credit away again.
    para = window.session.draft.paragraph_by_number(3)
    window.controller.run(
        amend_paragraph,
        para.id,
        para.text.replace("States expressed", "States again expressed"),
        "RED",
    )
    assert _note(window, 3).count("Team Red") == 1
    assert window.controller.undo()
    assert window.session.events[-1].payload.get("undo_of") is not None, window.session.events[-1]
    assert "again" not in window.session.draft.paragraph(para.id).text
    assert "Team Red" not in _note(window, 3)
    assert "changed by Team Blue, Team Yellow, Team Orange and Team Green" in _note(window, 3)
