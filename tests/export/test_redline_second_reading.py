"""A redline across a second reading: the tabled draft against now when a second baseline was marked and the
numbers were kept in between (events with no paragraph of their own), and against that last baseline;
a sub-paragraph added to a tabled paragraph, with its letter."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core import drafting as ops
from chairdesk.core.log.session import Session
from chairdesk.export import export_redline, report_text

from .docx_text import revision_view, revisions


def test_the_redline_across_a_second_reading_and_kept_numbers(small_session: Session, tmp_path: Path) -> None:
    ops.mark_baseline(small_session, "Second reading")
    ops.set_numbering_mode(small_session, "keep")
    first = small_session.draft.paragraph_by_number(1).id
    ops.amend_paragraph(small_session, first, "The group stressed that every State should share views.")
    state = small_session.state
    now = report_text(state).split("\n")

    tabled = export_redline(small_session, tmp_path / "tabled.docx")
    assert revision_view(tabled, "accept") == now
    assert revision_view(tabled, "reject") == report_text(state, small_session.baseline("tabled")).split("\n")
    assert ("ins", "Chair", "2026-11-26T09:13:00Z", "stressed that") in revisions(tabled)

    last = export_redline(small_session, tmp_path / "last.docx", baseline="last")
    assert revision_view(last, "accept") == now
    assert revision_view(last, "reject") == report_text(state, small_session.baseline("last")).split("\n")
    changed = [r for r in revisions(last) if r[3]]
    assert [r[0] for r in changed] == ["del", "ins"] and {r[1] for r in changed} == {"Chair"}


def test_a_sub_paragraph_added_to_a_tabled_paragraph_comes_with_its_letter(
    small_session: Session, tmp_path: Path
) -> None:
    para = next(p for p in small_session.draft.live_paragraphs() if p.subparagraphs)
    ops.add_subparagraph(small_session, para.id, "joint training.", actor="yellow")
    out = export_redline(small_session, tmp_path / "redline.docx")
    assert revision_view(out, "accept") == report_text(small_session.state).split("\n")
    added = [r for r in revisions(out) if r[0] == "ins" and r[1] == "yellow" and "joint training." in r[3]]
    assert [r[3] for r in added] == ["(c)\tjoint training."]
