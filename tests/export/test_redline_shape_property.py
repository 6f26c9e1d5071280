"""The redline's promise with a resolution's shape: random changes to preambular and operative paragraphs,
(i) levels, italic opening words and numbering modes; Accept All gives the text, Reject All the tabled one."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chairdesk.core import drafting as ops
from chairdesk.core.log.errors import ChairdeskError
from chairdesk.core.log.session import Session
from chairdesk.export import export_redline, report_text

from .docx_text import revision_view
from .resolution import build_resolution
from .test_redline_property import WORDS, _step


def _shape_step(session: Session, action: int, a: int, b: int, words: list[str]) -> None:
    draft = session.draft
    live = draft.live_paragraphs()
    para = live[a % len(live)] if live else None
    if action == 15 and para:
        ops.set_paragraph_kind(session, para.id, "numbered" if para.preambular else "preambular", b % 3)
    elif action == 16 and para and para.live_subparagraphs():
        sub = para.live_subparagraphs()[b % len(para.live_subparagraphs())]
        ops.set_subparagraph_level(session, para.id, sub.id, 1 if sub.level == 2 else 2)
    elif action == 17:
        ops.set_numbering_mode(session, "live" if draft.numbering_mode == "keep" else "keep")
    elif action == 18:
        ops.renumber(session)
    elif action == 19 and draft.order:
        text = " ".join(words) + ","
        ops.insert_paragraph(session, draft.order[0], text, index=a % 3, kind="preambular", italic=1)
    else:
        _step(session, action, a, b, words)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["live", "keep"]),
    st.lists(st.tuples(st.integers(0, 19), st.integers(0, 50), st.integers(0, 50), WORDS), max_size=12),
)
def test_accept_and_reject_give_the_two_texts_of_a_resolution(
    mode: str, steps: list[tuple[int, int, int, list[str]]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = build_resolution(Path(folder) / "r.chairdesk", numbering=mode)
        try:
            for step in steps:
                try:
                    _shape_step(session, *step)
                except ChairdeskError:
                    pass  # refused moves are part of the game
            out = export_redline(session, Path(folder) / "redline.docx")
            assert revision_view(out, "accept") == report_text(session.state).split("\n")
            tabled = session.baseline("tabled")
            assert revision_view(out, "reject") == report_text(session.state, tabled).split("\n")
        finally:
            session.close()
