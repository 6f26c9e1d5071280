"""A section's or sub-heading's title must be words: a hand-made event whose title is None or a number is
refused (it was recorded, and every later report export crashed on it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session
from chairdesk.sample import build_sample_session


@pytest.mark.parametrize("title", [None, 5, ["Title"], "   "])
def test_a_title_that_is_not_words_is_refused_and_nothing_recorded(tmp_path: Path, title: object) -> None:
    with Session.open(build_sample_session(tmp_path / "s.chairdesk")) as session:
        sid = session.draft.order[0]
        heading = next(iter(session.draft.subheadings), None)
        before = len(session.events)
        steps = [
            ("draft.section.add", {"id": "s-new", "title": title, "index": 0}),
            ("draft.section.retitle", {"id": sid, "title": title}),
            ("draft.subheading.add", {"id": "h-new", "section": sid, "title": title, "after": None}),
        ]
        if heading is not None:
            steps.append(("draft.subheading.retitle", {"id": heading, "title": title}))
        for kind, payload in steps:
            with pytest.raises(RefusedError):
                session.record(kind, payload)
        assert len(session.events) == before
