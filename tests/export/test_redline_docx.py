"""The redline DOCX: native w:ins/w:del revisions whose accept-all and reject-all views are the two texts."""

from __future__ import annotations

from pathlib import Path

import docx

from chairdesk.core import drafting as ops
from chairdesk.core.log.session import Session
from chairdesk.export import export_redline, report_text

from .docx_text import NS, all_paragraph_texts, body_xml, revision_view, revisions


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_accept_all_gives_the_current_text_and_reject_all_the_tabled(
    small_session: Session, tmp_path: Path
) -> None:
    out = export_redline(small_session, tmp_path / "redline.docx")
    state = small_session.state
    assert revision_view(out, "accept") == _lines(report_text(state))
    assert revision_view(out, "reject") == _lines(report_text(state, small_session.baseline("tabled")))


def test_revisions_carry_the_author_and_time_of_the_change(small_session: Session, tmp_path: Path) -> None:
    out = export_redline(small_session, tmp_path / "redline.docx")
    found = revisions(out)
    # Blue's accepted proposal for paragraph 6 (now 5), at 09:15.
    assert ("ins", "blue", "2026-11-26T09:15:00Z", "developing countries and small island States") in found
    assert ("del", "blue", "2026-11-26T09:15:00Z", "[small and] developing countries") in found
    # Yellow inserted a paragraph at 09:19: its text and its paragraph mark are Yellow's insertions.
    assert ("ins", "yellow", "2026-11-26T09:19:00Z", "3.\tStates will meet again in 2027.") in found
    # The Chair's amendment at 09:13.
    assert ("ins", "Chair", "2026-11-26T09:13:00Z", "stressed that") in found
    # Renumbering is the Chair's, shown as a number deleted and a number inserted.
    assert ("del", "Chair", "2026-11-26T09:21:00Z", "5.") in found
    assert ("ins", "Chair", "2026-11-26T09:21:00Z", "4.") in found
    # The struck paragraph: text and mark deleted.
    assert (
        "del",
        "Chair",
        "2026-11-26T09:16:00Z",
        "4.\tA directory of points of contact will be kept.",
    ) in found
    ids = [e.get(f"{{{NS['w']}}}id") for e in body_xml(out).iter(f"{{{NS['w']}}}ins", f"{{{NS['w']}}}del")]
    assert len(ids) == len(set(ids)), "every revision has its own id"


def test_whole_paragraphs_have_their_mark_tracked(small_session: Session, tmp_path: Path) -> None:
    out = export_redline(small_session, tmp_path / "redline.docx")
    marks = {}
    for text, para in zip(all_paragraph_texts(out), body_xml(out).iter(f"{{{NS['w']}}}p"), strict=True):
        mark = para.find("w:pPr/w:rPr/*", NS)
        marks[text] = mark.tag.rsplit("}", 1)[1] if mark is not None else None
    assert marks["4.\tA directory of points of contact will be kept."] == "del"
    assert marks["(c)\tjoint exercises."] == "del"
    assert marks["3.\tStates will meet again in 2027."] == "ins"
    assert marks["A. Overview"] is None


def test_a_moved_paragraph_is_deleted_at_its_old_place_and_inserted_with_a_comment(
    small_session: Session, tmp_path: Path
) -> None:
    out = export_redline(small_session, tmp_path / "redline.docx")
    texts = all_paragraph_texts(out)
    old_place = texts.index("1.\tStates met in Geneva to continue the dialogue.")
    new_place = texts.index("6.\tStates met in Geneva to continue the dialogue.")
    assert texts[old_place - 1] == "A. Overview"
    assert new_place == len(texts) - 1
    comments = [c.text for c in docx.Document(str(out)).comments]
    assert "Former paragraph 1, moved here." in comments
    assert "Paragraph 1 was moved; it is now paragraph 6." in comments


def test_redline_against_the_last_baseline(small_session: Session, tmp_path: Path) -> None:
    ops.mark_baseline(small_session, "Second reading")
    para = small_session.draft.paragraph_by_number(4)
    ops.amend_paragraph(small_session, para.id, "Capacity building should be demand-driven and sustainable.")
    out = export_redline(small_session, tmp_path / "redline.docx", baseline="last")
    assert [(k, t) for k, _, _, t in revisions(out)] == [("ins", " and sustainable")]
    header = docx.Document(str(out)).sections[0].header.paragraphs[0].text
    assert "Changes since Second reading (26 November 2026)" in header
    rejected = revision_view(out, "reject")
    assert rejected == _lines(report_text(small_session.state, small_session.baseline("last")))


def test_a_removed_section_and_a_new_section(small_session: Session, tmp_path: Path) -> None:
    draft = small_session.draft
    ops.remove_section(small_session, draft.order[0])
    new = ops.add_section(small_session, "Way forward").subject
    ops.insert_paragraph(
        small_session, new, "The group will report in 2027.", subparagraphs=["first;", "second."]
    )
    out = export_redline(small_session, tmp_path / "redline.docx")
    assert revision_view(out, "accept") == _lines(report_text(small_session.state))
    assert revision_view(out, "reject") == _lines(report_text(small_session.state, small_session.baseline()))
    assert "C. Way forward" in revision_view(out, "accept")


def test_adopted_redline_names_delegations_and_inserts_the_adoption_line(
    full_session: Session, tmp_path: Path
) -> None:
    out = export_redline(full_session, tmp_path / "redline.docx")
    assert revision_view(out, "accept") == _lines(report_text(full_session.state))
    assert revision_view(out, "accept")[-1] == "Adopted and endorsed on 26 November 2026"
    assert revision_view(out, "reject") == _lines(report_text(full_session.state, full_session.baseline()))
    authors = {author for _, author, _, _ in revisions(out)}
    assert authors == {"Chair", "Blue", "Yellow"}  # names from the roster, not codes
    header = docx.Document(str(out)).sections[0].header.paragraphs[0].text
    assert header == "Changes since Tabled draft (26 November 2026)"
