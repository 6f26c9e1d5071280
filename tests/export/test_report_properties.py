"""The report's document properties (title, subject, date taken from the session) and its plain text: the
closing line only on the adopted report as it stands, never on an earlier draft of it; a title longer than
Word's 255 characters is cut with an ellipsis in the properties."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import docx

from chairdesk.core import drafting
from chairdesk.core.log.session import Session
from chairdesk.export import export_report, report_text
from chairdesk.export.base import DRAFT_MARK


def _moment(ts: str) -> datetime:
    """The time as the DOCX holds it: UTC, to the second."""
    return datetime.fromisoformat(ts).replace(microsecond=0)


def test_an_unadopted_report_is_titled_marked_and_dated_by_its_last_event(
    small_session: Session, tmp_path: Path
) -> None:
    properties = docx.Document(str(export_report(small_session, tmp_path / "report.docx"))).core_properties
    assert properties.title == "Draft outcome document"
    assert properties.subject == DRAFT_MARK
    assert properties.created == properties.modified == _moment(small_session.events[-1].ts)


def test_without_a_document_title_the_meeting_names_the_report(tmp_path: Path) -> None:
    with Session.create(tmp_path / "untitled.chairdesk", "Open-ended working group") as session:
        section = drafting.add_section(session, "Overview").subject
        drafting.insert_paragraph(session, section, "The group met.")
        properties = docx.Document(str(export_report(session, tmp_path / "report.docx"))).core_properties
    assert properties.title == "Open-ended working group"


def test_an_adopted_report_is_dated_by_its_adoption(full_session: Session, tmp_path: Path) -> None:
    adopted_at = full_session.state.adoption.report_adopted_at
    properties = docx.Document(str(export_report(full_session, tmp_path / "report.docx"))).core_properties
    assert properties.subject == "Report"
    assert properties.created == _moment(adopted_at)


def test_the_closing_line_is_on_the_adopted_text_only(full_session: Session, small_session: Session) -> None:
    adopted = report_text(full_session.state).split("\n")
    assert adopted[-1] == "Adopted and endorsed on 26 November 2026"
    tabled = report_text(full_session.state, full_session.baseline("tabled")).split("\n")
    assert not any(line.startswith("Adopted and endorsed") for line in tabled)
    draft = report_text(small_session.state).split("\n")
    assert not any(line.startswith("Adopted and endorsed") for line in draft)
    assert draft[0] == small_session.state.meeting.body or draft[0] == small_session.state.meeting.title
    assert "Draft outcome document" in draft


def test_a_long_title_is_cut_to_words_limit_in_the_properties(tmp_path: Path) -> None:
    title = "Open-ended working group on security of and in the use of information and communications " * 4
    with Session.create(tmp_path / "long.chairdesk", title.strip()) as session:
        section = drafting.add_section(session, "Overview").subject
        drafting.insert_paragraph(session, section, "The group met.")
        out = export_report(session, tmp_path / "report.docx")
    properties = docx.Document(str(out)).core_properties
    assert len(properties.title) == 255 and properties.title.endswith("\u2026")
    assert properties.title[:-1] == " ".join(title.split())[:254]
