"""The chair's moves on the draft: numbering, sub-paragraphs, sub-headings, proposals, brackets, moves."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.errors import BracketError, DraftError
from chairdesk.core.log.session import Session


def numbered(session: Session) -> list[str]:
    """The live paragraphs' texts in number order."""
    return [p.text for p in session.draft.live_paragraphs()]


def test_numbers_run_through_the_document(small_session) -> None:
    session, ids = small_session
    draft = session.draft
    assert [draft.number_of(ids[k]) for k in ("p1", "p2", "p3", "p4", "p5")] == [1, 2, 3, 4, 5]
    assert draft.label_of(ids["A"]) == "A" and draft.label_of(ids["B"]) == "B"
    assert draft.paragraph_range(ids["B"]) == (3, 5)
    text = draft.plain_text()
    assert "B. Confidence-building measures" in text
    assert "4. States are encouraged to:\n(a) share information;\n(b) hold exercises." in text


def test_insert_at_index_and_after(small_session) -> None:
    session, ids = small_session
    first = drafting.insert_paragraph(session, ids["A"], "Opening words.", index=0).subject
    after = drafting.insert_paragraph(session, ids["B"], "After three.", after=ids["p3"]).subject
    draft = session.draft
    assert draft.number_of(first) == 1
    assert draft.number_of(ids["p1"]) == 2
    assert draft.number_of(after) == draft.number_of(ids["p3"]) + 1
    # inserted after p3 it sits before the sub-heading, so not under it
    assert draft.subheading_of(after) is None
    assert draft.subheading_of(ids["p4"]).title == "Recommended next steps"
    with pytest.raises(DraftError, match="not in this section"):
        drafting.insert_paragraph(session, ids["A"], "Wrong place.", after=ids["p3"])


def test_strike_renumbers_and_restore_brings_it_back(small_session) -> None:
    session, ids = small_session
    drafting.strike_paragraph(session, ids["p2"])
    draft = session.draft
    assert draft.number_of(ids["p2"]) is None
    assert draft.number_of(ids["p3"]) == 2
    assert draft.paragraph(ids["p2"]).struck
    with pytest.raises(DraftError, match="struck"):
        drafting.amend_paragraph(session, ids["p2"], "New words.")
    drafting.restore_paragraph(session, ids["p2"])
    assert session.draft.number_of(ids["p2"]) == 2


def test_amend_records_the_author_and_refuses_empty_or_unchanged_text(small_session) -> None:
    session, ids = small_session
    drafting.amend_paragraph(session, ids["p1"], "The working group met in four sessions.", actor="blue")
    assert session.draft.paragraph(ids["p1"]).author == "blue"
    with pytest.raises(DraftError, match="unchanged"):
        drafting.amend_paragraph(session, ids["p1"], "The working group met in four sessions.")
    with pytest.raises(DraftError, match="empty"):
        drafting.amend_paragraph(session, ids["p1"], "   ")


def test_subparagraphs_add_amend_strike_move(small_session) -> None:
    session, ids = small_session
    p4 = ids["p4"]
    para = session.draft.paragraph(p4)
    sa, sb = (s.id for s in para.subparagraphs)
    sc = drafting.add_subparagraph(session, p4, "report on progress.").subject
    sz = drafting.add_subparagraph(session, p4, "designate contacts;", index=0).subject
    assert [s.text for s in session.draft.paragraph(p4).live_subparagraphs()] == [
        "designate contacts;",
        "share information;",
        "hold exercises.",
        "report on progress.",
    ]
    drafting.amend_subparagraph(session, p4, sb, "hold regular exercises;")
    drafting.strike_subparagraph(session, p4, sa)
    drafting.move_subparagraph(session, p4, sc, 0)
    full = session.draft.paragraph(p4).full_text()
    assert full == (
        "States are encouraged to:\n(a) report on progress.\n(b) designate contacts;\n(c) hold regular exercises;"
    )
    with pytest.raises(DraftError, match="struck"):
        drafting.amend_subparagraph(session, p4, sa, "again")
    drafting.restore_subparagraph(session, p4, sa)
    assert "(c) share information;" in session.draft.paragraph(p4).full_text()
    assert sz != sc


def test_subheadings_add_retitle_remove(small_session) -> None:
    session, ids = small_session
    h2 = drafting.add_subheading(session, ids["A"], "Background", before=ids["p1"]).subject
    assert session.draft.subheading_of(ids["p1"]).title == "Background"
    assert session.draft.plain_text().splitlines()[1:3] == ["A. Overview", "Background"]
    drafting.retitle_subheading(session, ids["h"], "Next steps")
    assert session.draft.subheading_of(ids["p5"]).title == "Next steps"
    drafting.remove_subheading(session, h2)
    assert session.draft.subheading_of(ids["p1"]) is None
    assert session.draft.number_of(ids["p1"]) == 1
    with pytest.raises(DraftError, match="removed already"):
        drafting.remove_subheading(session, h2)


def test_sections_add_retitle_move_remove(small_session) -> None:
    session, ids = small_session
    c = drafting.add_section(session, "Capacity building", index=0).subject
    assert session.draft.label_of(c) == "A" and session.draft.label_of(ids["A"]) == "B"
    drafting.move_section(session, c, 2)
    assert session.draft.label_of(c) == "C"
    drafting.retitle_section(session, ids["B"], "Confidence building measures")
    assert session.draft.section_by_label("B").title == "Confidence building measures"
    drafting.remove_section(session, ids["A"])
    assert session.draft.number_of(ids["p3"]) == 1
    assert session.draft.paragraph(ids["p1"]).struck
    change = session.undo(session.events and _last_change(session, "draft.section.remove"))
    assert change.kind == "draft.section.restore"
    assert session.draft.number_of(ids["p1"]) == 1
    assert session.draft.label_of(ids["A"]) == "A"


def _last_change(session: Session, kind: str):
    """Re-record is not possible, so rebuild the Change's inverse the way record() did."""
    from chairdesk.core.log.change import Change

    event = next(e for e in reversed(session.events) if e.kind == kind)
    before = session.state_at(event.seq - 1)
    return Change(event, before.check(event.kind, event.payload, event.actor))


def test_proposals_accept_and_set_aside(small_session) -> None:
    session, ids = small_session
    q1 = drafting.propose(
        session, ids["p3"], "States should share national points of contact.", "blue"
    ).subject
    q2 = drafting.propose(session, ids["p3"], "States shall share points of contact.", "yellow").subject
    assert session.draft.paragraph(ids["p3"]).text == "States may share national points of contact."
    assert {p.id for p in session.draft.pending_proposals(ids["p3"])} == {q1, q2}
    drafting.accept_proposal(session, q1)
    para = session.draft.paragraph(ids["p3"])
    assert para.text == "States should share national points of contact." and para.author == "blue"
    drafting.set_aside_proposal(session, q2)
    assert session.draft.proposals[q2].status == "set aside"
    assert session.draft.pending_proposals() == []
    with pytest.raises(DraftError, match="accepted already"):
        drafting.accept_proposal(session, q1)


def test_undo_accept_restores_text_and_reopens(small_session) -> None:
    session, ids = small_session
    q = drafting.propose(session, ids["p1"], "The group met twice.", "yellow").subject
    change = drafting.accept_proposal(session, q)
    session.undo(change)
    assert session.draft.paragraph(ids["p1"]).text == "The working group met in three sessions."
    assert session.draft.paragraph(ids["p1"]).author == "chair"
    assert session.draft.proposals[q].status == "pending"
    assert session.events[-1].payload["undo_of"] == change.event.seq


def test_brackets_counted_per_section_and_document(small_session) -> None:
    session, ids = small_session
    draft = session.draft
    assert draft.open_brackets(ids["A"]) == 1 and draft.open_brackets(ids["B"]) == 0
    drafting.bracket_text(session, ids["p3"], 0, 6)
    p4 = session.draft.paragraph(ids["p4"])
    drafting.bracket_text(session, ids["p4"], 0, 5, sub_id=p4.subparagraphs[1].id)
    assert session.draft.paragraph(ids["p3"]).text.startswith("[States]")
    assert session.draft.open_brackets() == 3
    assert session.draft.bracket_places() == ["paragraph 2", "paragraph 3", "paragraph 4 (b)"]
    drafting.unbracket_text(session, ids["p2"], session.draft.paragraph(ids["p2"]).text.index("["))
    assert session.draft.paragraph(ids["p2"]).text == "States invited each other to share views."
    assert session.draft.open_brackets(ids["A"]) == 0


def test_nested_brackets_are_refused_with_a_clear_message(small_session) -> None:
    session, ids = small_session
    events = len(session.events)
    with pytest.raises(BracketError, match=r"Nested square brackets in paragraph 2 at character \d+"):
        drafting.amend_paragraph(session, ids["p2"], "States [invited [each] other] to share views.")
    with pytest.raises(BracketError, match="never closed"):
        drafting.insert_paragraph(session, ids["A"], "An [open bracket.")
    with pytest.raises(BracketError, match="no opening"):
        drafting.propose(session, ids["p1"], "A closing] bracket.", "blue")
    text = session.draft.paragraph(ids["p2"]).text
    with pytest.raises(BracketError, match="Nested square brackets in paragraph 2"):
        drafting.bracket_text(session, ids["p2"], 0, text.index("]"))
    assert len(session.events) == events  # nothing was written


def test_move_across_sections_and_crosswalk(small_session) -> None:
    session, ids = small_session
    from chairdesk.core.draft.compare import compare

    drafting.mark_baseline(session, "Tabled draft")
    base = session.baseline()
    drafting.move_paragraph(session, ids["p1"], ids["B"])  # "put it as the last paragraph"
    drafting.strike_paragraph(session, ids["p3"])
    assert [session.draft.number_of(ids[k]) for k in ("p2", "p4", "p5", "p1")] == [1, 2, 3, 4]
    comparison = compare(base, session.draft)
    assert comparison.describe_crosswalk() == [
        "former 1 is now 4",
        "former 2 is now 1",
        "3 was struck",
        "former 4 is now 2",
        "former 5 is now 3",
    ]
    assert comparison.former_number(ids["p1"]) == "1"
    assert comparison.paragraphs[ids["p1"]].status == "moved"
    assert comparison.paragraphs[ids["p2"]].status == "unchanged"


def test_move_paragraph_by_crosses_section_edges(small_session) -> None:
    session, ids = small_session
    drafting.move_paragraph_by(session, ids["p2"], +1)  # last of A -> first of B
    assert session.draft.paragraph(ids["p2"]).section == ids["B"]
    assert session.draft.number_of(ids["p2"]) == 2
    drafting.move_paragraph_by(session, ids["p2"], -1)  # first of B -> last of A
    assert session.draft.paragraph(ids["p2"]).section == ids["A"]
    assert [p.id for p in session.draft.live_paragraphs(ids["A"])] == [ids["p1"], ids["p2"]]
    drafting.move_paragraph_by(session, ids["p1"], +1)
    assert [p.id for p in session.draft.live_paragraphs(ids["A"])] == [ids["p2"], ids["p1"]]
    with pytest.raises(DraftError, match="start of the draft"):
        drafting.move_paragraph_by(session, ids["p2"], -1)
    with pytest.raises(DraftError, match="end of the draft"):
        drafting.move_paragraph_by(session, ids["p5"], +1)
    drafting.strike_paragraph(session, ids["p1"])
    events = len(session.events)
    for delta in (-1, +1):  # a struck paragraph is refused with a message, not a ValueError
        with pytest.raises(DraftError, match="struck; restore it first"):
            drafting.move_paragraph_by(session, ids["p1"], delta)
    assert len(session.events) == events


def test_refusals_write_nothing(small_session, session_path: Path) -> None:
    session, ids = small_session
    events = len(session.events)
    for attempt in (
        lambda: drafting.strike_paragraph(session, "p999"),
        lambda: drafting.retitle_section(session, ids["A"], ""),
        lambda: drafting.move_section(session, ids["A"], 5),
        lambda: drafting.move_paragraph(session, ids["p1"], "s999"),
        lambda: drafting.mark_baseline(session, " "),
        lambda: session.record("draft.nonsense", {}),
        lambda: session.record("floor.unknown", {}),
    ):
        with pytest.raises(DraftError.__mro__[1]):  # RefusedError
            attempt()
    assert len(session.events) == events
    session.close()
    assert len(Session.open(session_path).events) == events


def test_describe_reads_the_state_before_the_event(small_session) -> None:
    session, ids = small_session
    drafting.strike_paragraph(session, ids["p3"])
    event = session.events[-1]
    before = session.state_at(event.seq - 1)
    assert before.describe(event) == "The Chair struck paragraph 3."


def test_record_sentences_name_the_sub_paragraph_and_end_once(small_session) -> None:
    session, ids = small_session
    para = session.draft.paragraph(ids["p4"])
    second = para.live_subparagraphs()[1].id
    drafting.amend_subparagraph(session, ids["p4"], second, "hold regular exercises.")
    drafting.strike_subparagraph(session, ids["p4"], second)
    amend, strike = session.events[-2:]
    assert (
        session.state_at(amend.seq - 1).describe(amend) == "The Chair inserted 'regular' in paragraph 4 (b)."
    )
    assert session.state_at(strike.seq - 1).describe(strike) == "The Chair struck paragraph 4 (b)."
