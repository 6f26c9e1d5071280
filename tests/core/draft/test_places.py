"""Where things land: a sub-paragraph added or moved to the start, the middle or the end gets that letter; a
section brought back by undo is a live section again; a paragraph given no italic words has none,
and at most twelve."""

from __future__ import annotations

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.errors import DraftError


def letters(session, paragraph_id: str) -> list[str]:  # noqa: ANN001
    """The paragraph's lettered sub-paragraphs as the text shows them."""
    return session.draft.paragraphs[paragraph_id].full_text().split("\n")[1:]


def test_a_sub_paragraph_added_at_the_start_the_middle_or_the_end(small_session) -> None:
    session, ids = small_session
    p4 = ids["p4"]
    drafting.add_subparagraph(session, p4, "meet first;", index=0)
    assert letters(session, p4) == ["(a) meet first;", "(b) share information;", "(c) hold exercises."]
    drafting.add_subparagraph(session, p4, "then talk;", index=1)
    assert letters(session, p4)[:3] == ["(a) meet first;", "(b) then talk;", "(c) share information;"]
    drafting.add_subparagraph(session, p4, "report back.")
    assert letters(session, p4)[-1] == "(e) report back."


def test_a_sub_paragraph_moved_to_the_start_the_middle_or_the_end(small_session) -> None:
    session, ids = small_session
    p4 = ids["p4"]
    drafting.add_subparagraph(session, p4, "report back.")
    subs = {s.text: s.id for s in session.draft.paragraphs[p4].subparagraphs}
    drafting.move_subparagraph(session, p4, subs["report back."], 0)
    assert letters(session, p4) == ["(a) report back.", "(b) share information;", "(c) hold exercises."]
    drafting.move_subparagraph(session, p4, subs["report back."], 1)
    assert letters(session, p4) == ["(a) share information;", "(b) report back.", "(c) hold exercises."]
    drafting.move_subparagraph(session, p4, subs["share information;"], 2)
    assert letters(session, p4) == ["(a) report back.", "(b) hold exercises.", "(c) share information;"]


def test_a_section_brought_back_by_undo_takes_new_paragraphs(small_session) -> None:
    session, ids = small_session
    removal = drafting.remove_section(session, ids["A"])
    session.undo(removal)
    drafting.insert_paragraph(session, ids["A"], "A paragraph added after the section came back.")
    drafting.amend_paragraph(session, ids["p1"], "The working group met in four sessions.")
    text = session.draft.plain_text()
    assert "3. A paragraph added after the section came back." in text
    assert "1. The working group met in four sessions." in text


def test_a_paragraph_given_no_italic_words_has_none(small_session) -> None:
    session, ids = small_session
    drafting.set_paragraph_kind(session, ids["p1"], "preambular")
    inserted = drafting.insert_paragraph(session, ids["A"], "Recalling its earlier work,", kind="preambular")
    draft = session.draft
    assert draft.paragraphs[ids["p1"]].italic_words() == ""
    assert draft.paragraphs[inserted.subject].italic_words() == ""
    drafting.set_paragraph_kind(session, inserted.subject, "preambular", italic=1)
    assert session.draft.paragraphs[inserted.subject].italic_words() == "Recalling"


def test_up_to_twelve_opening_words_in_italics(small_session) -> None:
    session, ids = small_session
    para = ids["p1"]
    drafting.set_paragraph_kind(session, para, "preambular", italic=12)
    assert session.draft.paragraphs[para].italic_words() == "The working group met in three sessions."
    events = len(session.events)
    for words in (13, -1):
        with pytest.raises(DraftError, match="counted in words, from 0 to 12"):
            drafting.set_paragraph_kind(session, para, "numbered", italic=words)
    assert len(session.events) == events
