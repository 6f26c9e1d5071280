"""Texts a Word document cannot hold: a line break pasted from Word, stray control characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from chairdesk.core import drafting
from chairdesk.core.draft.importers import read_draft
from chairdesk.core.floor.operations import add_delegation
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session
from chairdesk.export import export_redline, export_report
from chairdesk.export.record_docx import export_record_docx

from ..conftest import FakeClock, build_small_draft


def test_a_line_break_pasted_from_word_does_not_break_the_exports(session_path: Path, tmp_path: Path) -> None:
    # Word puts a manual line break (Shift+Enter) on the clipboard as U+000B; Qt's editors keep it.
    with Session.create(session_path, "Working group", clock=FakeClock()) as session:
        ids = build_small_draft(session)
        drafting.mark_baseline(session, "Tabled draft")
        drafting.amend_paragraph(session, ids["p1"], "The working group met\x0bin four sessions.")
        drafting.insert_paragraph(session, ids["A"], "States\x0cagreed.", subparagraphs=["first\x0bpoint;"])
        assert session.draft.paragraph(ids["p1"]).text == "The working group met in four sessions."
        report = export_report(session, tmp_path / "report.docx")
        export_redline(session, tmp_path / "redline.docx")
        export_record_docx(session, tmp_path / "record.docx")
    texts = [p.text for p in Document(str(report)).paragraphs]
    assert any("The working group met in four sessions." in t for t in texts)
    assert any("States agreed." in t for t in texts)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\ufffe", "\ud800"])
def test_a_control_character_is_refused_and_nothing_is_written(session_path: Path, character: str) -> None:
    with Session.create(session_path, "Working group", clock=FakeClock()) as session:
        ids = build_small_draft(session)
        before = len(session.events)
        with pytest.raises(RefusedError, match=f"U\\+{ord(character):04X}"):
            drafting.amend_paragraph(session, ids["p1"], f"The group{character} met.")
        with pytest.raises(RefusedError, match="cannot be written"):
            add_delegation(session, Delegation("blue", f"Blue{character}"))
        assert len(session.events) == before
    with Session.open(session_path) as session:
        assert len(session.events) == before


def test_an_imported_text_file_loses_its_control_characters(tmp_path: Path) -> None:
    source = tmp_path / "draft.md"
    source.write_text("# A. Overview\n\n1. States\x07 met\x1b again.\n", encoding="utf-8")
    draft = read_draft(source)
    assert draft.sections[0].items[0].text == "States met again."


def test_a_meeting_title_with_a_control_character_leaves_no_file(session_path: Path) -> None:
    with pytest.raises(RefusedError, match="U\\+0007"):
        Session.create(session_path, "Working group\x07")
    assert not session_path.exists()
