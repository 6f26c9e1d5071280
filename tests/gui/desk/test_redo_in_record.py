"""Undo and redo from the keyboard (Ctrl+Z, Ctrl+Shift+Z) in the real window: the record tells the redo as a redo
of the delegation's step, credited to it, in the record DOCX as well; the status bar credits the redo to the
delegation too, and names a struck paragraph by its number."""

from __future__ import annotations

from pathlib import Path

import docx

from chairdesk.export import export_record
from chairdesk.gui.app import default_docks
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import show_desk
from tests.gui.test_chaired_session import CTRL, SHIFT, Chair, K

UNDONE = " (undoing an earlier step)."
REDONE = " (redoing an undone step)."


def _record_rows(session, path: Path) -> list[str]:  # noqa: ANN001
    """The "What happened" cells of the record DOCX's chronology, read back with python-docx."""
    document = docx.Document(str(export_record(session, path)))
    return [row.cells[2].text for row in document.tables[0].rows[1:]]


def _at_paragraph(qtbot, tmp_path: Path, number: int, delegation: str):  # noqa: ANN001, ANN202
    """The oewg sample in the window at 1280×800, paragraph `number` current, "On behalf of" the delegation:
    (window, chair, session, the paragraph's id)."""
    path = build_sample_session(tmp_path / "oewg.chairdesk", "oewg")
    win = show_desk(qtbot, path, docks=default_docks(), size=(1280, 800))
    chair = Chair(qtbot, win)
    chair.go_to(number)
    pid = win.controller.current_paragraph
    chair.on_behalf_of(delegation)
    return win, chair, win.session, pid


def test_ctrl_z_then_ctrl_shift_z_is_recorded_as_a_redo_of_purples_step(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    win, chair, session, pid = _at_paragraph(qtbot, tmp_path, 12, "Purple")
    chair.amend("timely", "prompt")
    assert session.events[-1].actor == "PUR"
    chair.key(K.Key_Z, CTRL)
    assert "timely" in session.draft.paragraphs[pid].text
    chair.key(K.Key_Z, CTRL | SHIFT)
    assert "prompt" in session.draft.paragraphs[pid].text
    assert win.statusBar().currentMessage() == "Paragraph 12 amended — credited to Team Purple."
    chair.key(K.Key_Z, CTRL)  # and undone again
    amended = "replaced 'timely' with 'prompt' in paragraph 12"
    assert _record_rows(session, tmp_path / "record.docx")[-4:] == [
        f"Team Purple {amended}.",
        "The Chair replaced 'prompt' with 'timely' in paragraph 12" + UNDONE,
        f"Team Purple {amended}" + REDONE,
        "The Chair replaced 'prompt' with 'timely' in paragraph 12" + UNDONE,
    ]


def test_a_strike_undone_and_redone_names_the_paragraph_and_red(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    win, chair, session, pid = _at_paragraph(qtbot, tmp_path, 7, "Red")
    words = session.draft.paragraphs[pid].text
    chair.key(K.Key_Delete, CTRL)
    assert session.draft.paragraphs[pid].struck
    struck = "Paragraph 7 struck — credited to Team Red."
    assert win.statusBar().currentMessage() == struck
    win.grab().save(str(tmp_path / "struck.png"))
    chair.key(K.Key_Z, CTRL)
    assert not session.draft.paragraphs[pid].struck
    chair.key(K.Key_Z, CTRL | SHIFT)
    assert session.draft.paragraphs[pid].struck
    assert win.statusBar().currentMessage() == struck
    assert _record_rows(session, tmp_path / "record.docx")[-3:] == [
        "Team Red struck paragraph 7.",
        f"The Chair restored the struck paragraph 7: \u201c{words}\u201d" + UNDONE,
        "Team Red struck paragraph 7" + REDONE,
    ]
