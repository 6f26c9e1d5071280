"""Each drafting step the chair can take back is undone by the session, the text back as it was (undo's inverses)."""

from __future__ import annotations

from chairdesk.core import drafting


def text_of(session) -> tuple:  # noqa: ANN001
    d = session.draft
    return (
        tuple(d.order),
        tuple((h.id, h.title) for h in d.subheadings.values() if not h.removed),
        tuple(
            (p.id, p.text, p.struck, tuple((s.id, s.text) for s in p.subparagraphs if not s.struck))
            for p in d.paragraphs.values()
        ),
    )


def test_undo_of_sub_heading_and_sub_paragraph_steps(small_session) -> None:
    session, ids = small_session
    steps = [
        lambda: drafting.add_subheading(session, ids["A"], "Background"),
        lambda: drafting.retitle_subheading(session, ids["h"], "Next steps"),
        lambda: drafting.remove_subheading(session, ids["h"]),
        lambda: drafting.strike_subparagraph(
            session, ids["p4"], session.draft.paragraphs[ids["p4"]].subparagraphs[0].id
        ),
        lambda: drafting.add_subparagraph(session, ids["p4"], "train together;"),
        lambda: drafting.retitle_section(session, ids["A"], "General overview"),
        lambda: drafting.remove_section(session, ids["A"]),
    ]
    for step in steps:
        before = text_of(session)
        change = step()
        assert text_of(session) != before
        assert change.inverse is not None, change.kind
        session.undo(change)
        assert text_of(session) == before, change.kind
