"""Property: whatever the chair does after tabling, accept-all gives the current text, reject-all the tabled."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chairdesk.core import drafting as ops
from chairdesk.core.log.errors import ChairdeskError
from chairdesk.core.log.session import Session
from chairdesk.export import export_redline, report_text
from tests.hypothesis_support import StepCount, examples

from .conftest import build_small_session
from .docx_text import revision_view

WORDS = st.lists(
    st.sampled_from(["States", "agreed", "to", "share", "views", "[further]", "on", "norms"]),
    min_size=1,
    max_size=6,
)


def _step(session: Session, action: int, a: int, b: int, words: list[str]) -> None:
    draft = session.draft
    live = draft.live_paragraphs()
    struck = [p for p in draft.paragraphs.values() if p.struck]
    text = " ".join(words) + "."
    para = live[a % len(live)] if live else None
    section = draft.order[b % len(draft.order)] if draft.order else None
    if action == 0 and para:
        ops.amend_paragraph(session, para.id, text)
    elif action == 1 and para:
        ops.strike_paragraph(session, para.id)
    elif action == 2 and section:
        ops.insert_paragraph(session, section, text, index=a % 4, subparagraphs=words[:2])
    elif action == 3 and para and section:
        ops.move_paragraph(session, para.id, section, index=a % 3)
    elif action == 4 and para:
        ops.add_subparagraph(session, para.id, text, index=b % 3)
    elif action == 5 and para and para.live_subparagraphs():
        sub = para.live_subparagraphs()[b % len(para.live_subparagraphs())]
        ops.strike_subparagraph(session, para.id, sub.id) if a % 2 else ops.amend_subparagraph(
            session, para.id, sub.id, text
        )
    elif action == 6 and section:
        ops.retitle_section(session, section, text.rstrip("."))
    elif action == 7:
        ops.add_section(session, " ".join(words), index=b % (len(draft.order) + 1))
    elif action == 8 and section and len(draft.order) > 1:
        ops.remove_section(session, section)
    elif action == 9 and struck:
        ops.restore_paragraph(session, struck[a % len(struck)].id)
    elif action == 10 and section:
        ops.move_section(session, section, a % len(draft.order))
    elif action == 11 and para:
        q = ops.propose(session, para.id, text, "green").subject
        ops.accept_proposal(session, q)
    elif action == 12 and para and len(para.live_subparagraphs()) > 1:
        ops.move_subparagraph(session, para.id, para.live_subparagraphs()[0].id, b % 3)
    elif action == 13 and section:
        heading = ops.add_subheading(session, section, " ".join(words)).subject
        if a % 2:
            ops.remove_subheading(session, heading)
    elif action == 14 and para:
        ops.move_paragraph_by(session, para.id, 1 if a % 2 else -1)


def test_accept_and_reject_give_the_two_texts() -> None:
    """Random drafting, then the redline: Accept All gives the text now, Reject All the tabled text."""
    count = StepCount()
    steps = st.lists(st.tuples(st.integers(0, 14), st.integers(0, 50), st.integers(0, 50), WORDS), max_size=12)
    run = settings(max_examples=examples(50, 150), deadline=None, suppress_health_check=[HealthCheck.too_slow])(
        given(steps)(lambda steps: one_redline(steps, count))
    )
    run()
    count.check()


def one_redline(steps: list[tuple[int, int, int, list[str]]], count: StepCount) -> None:
    """One random sequence of drafting steps, then the redline's two views."""
    with tempfile.TemporaryDirectory() as folder:
        session = build_small_session(Path(folder) / "s.chairdesk")
        try:
            for step in steps:
                count.tried += 1
                try:
                    _step(session, *step)
                except ChairdeskError:
                    count.refused += 1  # refused moves (e.g. unchanged text) are part of the game
            out = export_redline(session, Path(folder) / "redline.docx")
            assert revision_view(out, "accept") == report_text(session.state).split("\n")
            tabled = session.baseline("tabled")
            assert revision_view(out, "reject") == report_text(session.state, tabled).split("\n")
        finally:
            session.close()
