"""Adoption steps refresh the outline lines of the sections they name only, and the outline then shows what a
rebuilt outline shows (issue 15: an adoption no longer redraws every section of the outline)."""

from __future__ import annotations

from chairdesk.core.adoption import operations as adoption
from chairdesk.core.draft import operations as drafting
from chairdesk.gui.desk.outline import OutlineModel
from chairdesk.gui.desk.window import MainWindow

from .test_outline_incremental import tree


def test_adoption_steps_leave_the_outline_as_a_rebuilt_one(window: MainWindow, monkeypatch) -> None:  # noqa: ANN001
    controller, draft = window.controller, window.session.draft
    assert controller is not None
    model = window.outline_model
    refreshed: list[set[str]] = []
    original = model.refresh_sections
    monkeypatch.setattr(
        model, "refresh_sections", lambda ids, *counted: (refreshed.append(set(ids)), original(ids, *counted))[1]
    )
    sid = draft.order[0]
    steps = [(adoption.take_up, (sid,))]
    for para in draft.live_paragraphs(sid):
        if "[" in para.text:
            steps.append((drafting.amend_paragraph, (para.id, para.text.replace("[", "").replace("]", ""))))
    steps += [
        (adoption.adopt_section, (sid,)),
        (adoption.reopen_section, (sid, "a delegation asked")),
        (adoption.take_up, (sid,)),
        (adoption.record_objection, (sid, "BLU", "not yet")),
    ]
    for operation, args in steps:
        refreshed.clear()
        assert controller.run(operation, *args) is not None, window.last_error
        assert tree(model) == tree(OutlineModel(window.session)), operation.__name__
        if operation.__module__.endswith("adoption.operations"):
            assert refreshed == [{sid}], operation.__name__  # the section it names, not all four
    assert "objection" in window.session.state.adoption.status_text(sid)
