"""Each drafting step the chair can take back is undone by the session, the text back as it was (undo's inverses).

"As it was" is what the chair and the room see: the clean text with its section letters, paragraph numbers,
sub-headings and lettered sub-paragraphs, who wrote each live piece, the sub-paragraphs' levels, which
sub-heading each paragraph sits under, and whether the numbers are kept or renumbered live. Undo of an
addition strikes (or removes) what was added, so a struck paragraph or a removed sub-heading may stay behind
in the log's state; it is never in the text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.change import Change
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session


def seen(session: Session) -> tuple:
    """What the draft shows: its text, the authors and levels of live pieces, each paragraph's sub-heading,
    the numbers shown and whether they are kept or live."""
    d = session.draft
    live = []
    for para in d.live_paragraphs():
        heading = d.subheading_of(para.id)
        live.append((
            para.id, para.author, para.kind, para.italic_words(), heading.title if heading else None,
            tuple((s.id, s.author, s.level) for s in para.live_subparagraphs()),
        ))
    return d.plain_text(), tuple(live), tuple(d.numbering().shown.items()), d.numbering_mode


def undo_each(session: Session, steps: list[Callable[[], Change]]) -> None:
    """Take each step, check it changed the text, undo it, check the text is back exactly."""
    for number, step in enumerate(steps):
        before = seen(session)
        change = step()
        assert seen(session) != before, (number, change.kind)
        assert change.inverse is not None, change.kind
        session.undo(change)
        assert seen(session) == before, (number, change.kind)


def test_undo_of_sub_heading_and_sub_paragraph_steps(small_session) -> None:
    session, ids = small_session
    first_sub = session.draft.paragraphs[ids["p4"]].subparagraphs[0].id
    undo_each(session, [
        lambda: drafting.add_subheading(session, ids["A"], "Background"),
        lambda: drafting.add_subheading(session, ids["A"], "Background", before=ids["p2"]),
        lambda: drafting.retitle_subheading(session, ids["h"], "Next steps"),
        lambda: drafting.remove_subheading(session, ids["h"]),
        lambda: drafting.strike_subparagraph(session, ids["p4"], first_sub),
        lambda: drafting.add_subparagraph(session, ids["p4"], "train together;"),
        lambda: drafting.add_subparagraph(session, ids["p4"], "train together;", index=0),
        lambda: drafting.amend_subparagraph(session, ids["p4"], first_sub, "share [all] information;"),
        lambda: drafting.move_subparagraph(session, ids["p4"], first_sub, 1),
        lambda: drafting.set_subparagraph_level(session, ids["p4"], first_sub, 2),
    ])


def test_undo_of_section_steps(small_session) -> None:
    session, ids = small_session
    undo_each(session, [
        lambda: drafting.retitle_section(session, ids["A"], "General overview"),
        lambda: drafting.remove_section(session, ids["A"]),
        lambda: drafting.remove_section(session, ids["B"]),
        lambda: drafting.move_section(session, ids["B"], 0),
        lambda: drafting.add_section(session, "Follow-up", index=0),
        lambda: drafting.add_section(session, "Follow-up"),
    ])


def test_undo_of_removing_a_section_leaves_a_paragraph_struck_before_it_struck(small_session) -> None:
    session, ids = small_session
    drafting.strike_paragraph(session, ids["p1"])
    drafting.remove_subheading(session, ids["h"])
    undo_each(session, [
        lambda: drafting.remove_section(session, ids["A"]),
        lambda: drafting.remove_section(session, ids["B"]),
    ])
    assert "The working group met in three sessions." not in session.draft.plain_text()
    assert "Recommended next steps" not in session.draft.plain_text()


def test_undo_of_paragraph_steps(small_session) -> None:
    session, ids = small_session
    undo_each(session, [
        lambda: drafting.insert_paragraph(session, ids["A"], "A new paragraph.", index=0),
        lambda: drafting.amend_paragraph(session, ids["p2"], "Amended text.", actor="Brazil"),
        lambda: drafting.strike_paragraph(session, ids["p3"]),
        lambda: drafting.move_paragraph_by(session, ids["p5"], -1),
        lambda: drafting.move_paragraph(session, ids["p1"], ids["B"], 0),
        lambda: drafting.set_paragraph_kind(session, ids["p1"], "preambular"),
    ])


def test_undo_of_numbering_steps(small_session) -> None:
    session, ids = small_session
    undo_each(session, [lambda: drafting.set_numbering_mode(session, "keep")])
    drafting.set_numbering_mode(session, "keep")
    drafting.insert_paragraph(session, ids["A"], "A late paragraph.", index=0)
    undo_each(session, [
        lambda: drafting.renumber(session),
        lambda: drafting.set_numbering_mode(session, "live"),
    ])


def proposals_of(session: Session) -> dict[str, str]:
    """Each proposal's status."""
    return {q.id: q.status for q in session.draft.proposals.values()}


def test_an_undone_accept_or_set_aside_can_itself_be_undone(small_session) -> None:
    session, ids = small_session
    tabled = seen(session)
    first = drafting.propose(session, ids["p2"], "States welcomed the report.", "Brazil").subject
    second = drafting.propose(session, ids["p3"], "States noted the proposal.", "Kenya").subject

    accept = drafting.accept_proposal(session, first)
    accepted = seen(session)
    assert "States welcomed the report." in accepted[0] and (ids["p2"], "Brazil") in [e[:2] for e in accepted[1]]
    undone = session.undo(accept)
    assert seen(session) == tabled and proposals_of(session)[first] == "pending"
    session.undo(undone)  # the undo taken back: the proposal is accepted again, credited to Brazil
    assert seen(session) == accepted and proposals_of(session)[first] == "accepted"

    aside = drafting.set_aside_proposal(session, second)
    undone = session.undo(aside)
    assert proposals_of(session)[second] == "pending" and seen(session) == accepted
    session.undo(undone)
    assert proposals_of(session)[second] == "set aside" and seen(session) == accepted


def test_an_accept_overtaken_by_a_later_amendment_is_not_undone(small_session) -> None:
    session, ids = small_session
    proposal = drafting.propose(session, ids["p2"], "States welcomed the report.", "Brazil").subject
    accept = drafting.accept_proposal(session, proposal)
    drafting.amend_paragraph(session, ids["p2"], "States warmly welcomed the report.")
    before = seen(session)
    with pytest.raises(RefusedError, match="overtaken"):
        session.undo(accept)
    assert seen(session) == before and proposals_of(session)[proposal] == "accepted"


def test_undo_with_the_tabled_numbers_kept(small_session) -> None:
    session, ids = small_session
    drafting.set_numbering_mode(session, "keep")
    undo_each(session, [
        lambda: drafting.insert_paragraph(session, ids["A"], "A late paragraph.", index=1),
        lambda: drafting.strike_paragraph(session, ids["p2"]),
        lambda: drafting.move_paragraph(session, ids["p5"], ids["A"], 0),
        lambda: drafting.add_subparagraph(session, ids["p4"], "train together;", index=0),
    ])
    assert session.draft.numbering().shown == {ids[f"p{n}"]: str(n) for n in range(1, 6)}
