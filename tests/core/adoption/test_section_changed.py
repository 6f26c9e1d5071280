"""Whether a section was amended since the baseline ("adopted as amended") is what comparing its whole content
says: its title, its sub-headings and its paragraphs with their sub-paragraphs, struck and removed left out."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core import drafting
from chairdesk.core.adoption.model import section_changed
from chairdesk.core.draft.model import Draft, SubHeading
from chairdesk.core.log.session import Session
from chairdesk.sample import build_sample_session


def whole_content(draft: Draft, section_id: str) -> tuple | None:
    """The section's content at once (as adoption compared it before it stopped at the first difference)."""
    section = draft.sections.get(section_id)
    if section is None or section.removed:
        return None
    items = []
    for item in draft.items(section_id):
        if isinstance(item, SubHeading):
            if not item.removed:
                items.append(("heading", item.title))
        elif not item.struck:
            items.append(("paragraph", item.full_text()))
    return section.title, tuple(items)


def test_section_changed_is_the_whole_content_compared(tmp_path: Path) -> None:
    with Session.open(build_sample_session(tmp_path / "sample.chairdesk")) as session:
        draft = session.draft
        first, second, third = draft.order[:3]
        p1, p2 = draft.live_paragraphs(first)[:2]
        last = draft.live_paragraphs(second)[-1]
        words = p1.text
        steps = [
            lambda: drafting.amend_paragraph(session, p1.id, words + " Amended."),
            lambda: drafting.amend_paragraph(session, p1.id, words),  # back to its words: unchanged again
            lambda: drafting.add_subparagraph(session, last.id, "a lettered point;"),
            lambda: drafting.strike_paragraph(session, p2.id),
            lambda: drafting.restore_paragraph(session, p2.id),
            lambda: drafting.add_subheading(
                session, third, "A heading", before=draft.live_paragraphs(third)[0].id
            ),
            lambda: drafting.move_paragraph(session, p2.id, third, 0),
            lambda: drafting.move_paragraph(session, p2.id, first, 1),  # back in its place
            lambda: drafting.retitle_section(session, second, "Another title"),
            lambda: drafting.remove_section(session, third),
            lambda: drafting.insert_paragraph(session, first, "A paragraph added at the end."),
        ]
        baseline = session.baseline("tabled")
        seen = set()
        for number, step in enumerate(steps):
            step()
            for sid in baseline.order:
                expected = whole_content(baseline, sid) != whole_content(draft, sid)
                assert section_changed(baseline, draft, sid) is expected, (number, sid)
                seen.add((sid, expected))
        assert {flag for _, flag in seen} == {True, False}
