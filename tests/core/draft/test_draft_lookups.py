"""How the chair's commands find things in the draft: a paragraph by its number or label, a section by its
letter, the sub-heading a paragraph sits under, a section's paragraph numbers, the pending proposals of one
paragraph, how a paragraph is named; and what is refused with a message."""

from __future__ import annotations

import pytest

from chairdesk.core import drafting
from chairdesk.core.draft.model import italic_span
from chairdesk.core.log.errors import DraftError


def test_a_paragraph_by_its_number(small_session) -> None:
    session, ids = small_session
    draft = session.draft
    assert [draft.paragraph_by_number(n).id for n in range(1, 6)] == [ids[f"p{n}"] for n in range(1, 6)]
    for wrong in (0, 6, -1):
        with pytest.raises(DraftError, match=f"There is no paragraph {wrong}; the draft has 5 paragraphs"):
            draft.paragraph_by_number(wrong)
    drafting.strike_paragraph(session, ids["p2"])
    assert session.draft.paragraph_by_number(2).id == ids["p3"]


def test_a_section_by_its_letter(small_session) -> None:
    session, ids = small_session
    draft = session.draft
    assert draft.section_by_label("A").id == ids["A"]
    assert draft.section_by_label(" b ").id == ids["B"]
    assert draft.label_of(ids["A"]) == "A" and draft.label_of(ids["B"]) == "B"
    with pytest.raises(DraftError, match="There is no section 'C'; the sections are A, B"):
        draft.section_by_label("C")
    drafting.move_section(session, ids["B"], 0)
    assert session.draft.section_by_label("A").id == ids["B"]
    assert session.draft.label_of(ids["A"]) == "B"
    drafting.remove_section(session, ids["B"])
    with pytest.raises(DraftError, match="is not in the document"):
        session.draft.label_of(ids["B"])


def test_the_sub_heading_a_paragraph_sits_under(small_session) -> None:
    session, ids = small_session
    draft = session.draft
    assert draft.subheading_of(ids["p3"]) is None  # before the sub-heading in its section
    assert draft.subheading_of(ids["p4"]).title == "Recommended next steps"
    assert draft.subheading_of(ids["p5"]).title == "Recommended next steps"
    assert draft.subheading_of(ids["p1"]) is None
    drafting.remove_subheading(session, ids["h"])
    assert session.draft.subheading_of(ids["p5"]) is None


def test_a_sections_paragraph_numbers(small_session) -> None:
    session, ids = small_session
    draft = session.draft
    assert draft.paragraph_range(ids["A"]) == (1, 2)
    assert draft.paragraph_range(ids["B"]) == (3, 5)
    assert draft.label_range(ids["B"]) == "3\u20135"
    empty = drafting.add_section(session, "Annex").subject
    assert session.draft.paragraph_range(empty) is None and session.draft.label_range(empty) is None


def test_the_pending_proposals_of_one_paragraph(small_session) -> None:
    session, ids = small_session
    on_p1 = drafting.propose(session, ids["p1"], "The working group met in four sessions.", "Brazil").subject
    on_p2 = drafting.propose(session, ids["p2"], "States invited each other to share views.", "Kenya").subject
    draft = session.draft
    assert [q.id for q in draft.pending_proposals(ids["p1"])] == [on_p1]
    assert [q.id for q in draft.pending_proposals(ids["p2"])] == [on_p2]
    assert [q.id for q in draft.pending_proposals()] == [on_p1, on_p2]
    drafting.set_aside_proposal(session, on_p1)
    assert session.draft.pending_proposals(ids["p1"]) == []


def test_how_a_paragraph_is_named(small_session) -> None:
    session, ids = small_session
    drafting.set_paragraph_kind(session, ids["p1"], "preambular")
    draft = session.draft
    assert draft.paragraph_name(ids["p1"]) == "preambular paragraph 1"
    assert draft.paragraph_name(ids["p2"]) == "paragraph 1"
    drafting.strike_paragraph(session, ids["p2"])
    assert session.draft.paragraph_name(ids["p2"]) == "a struck paragraph"


def test_the_opening_words_in_italics() -> None:
    assert italic_span("Recalling its resolution 75/240,", 1) == "Recalling"
    assert italic_span("Noting with concern the rise,", 3) == "Noting with concern"
    assert italic_span("Welcoming,", 4) == "Welcoming"
    assert italic_span("   ", 2) == "" and italic_span("Text", 0) == "" and italic_span("", 2) == ""
