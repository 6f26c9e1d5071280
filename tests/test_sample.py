"""The bundled sample session: shipped, current with its source, and never written by the app."""

from __future__ import annotations

import hashlib
from pathlib import Path

from chairdesk.core import Session
from chairdesk.resources import resource_path
from chairdesk.sample import build_sample_session, ensure_sample_copy, sample_source


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_shipped_sample_matches_its_source(tmp_path: Path) -> None:
    shipped = resource_path("samples", "oewg-ict-security.chairdesk")
    fresh = build_sample_session(tmp_path / "fresh.chairdesk")
    before = _digest(shipped)
    with Session.open(shipped) as old, Session.open(fresh) as new:
        assert old.draft.fingerprint() == new.draft.fingerprint()
        assert [d.code for d in old.state.roster.delegations] == [
            d.code for d in new.state.roster.delegations
        ]
        assert old.verify().ok
    assert _digest(shipped) == before, "opening the shipped sample must not write to it"


def test_sample_is_what_the_issue_asks_for(tmp_path: Path) -> None:
    source = sample_source()
    with Session.open(build_sample_session(tmp_path / "s.chairdesk")) as session:
        draft = session.draft
        assert [s.title for s in draft.live_sections()] == [s["title"] for s in source["sections"]]
        assert len(draft.live_sections()) == 4
        assert 18 <= len(draft.numbering().paragraphs) <= 22
        assert draft.open_brackets() > 0
        assert len(session.state.roster.delegations) == 6
        assert draft.baselines[0].label == "Tabled draft"


def test_the_window_gets_a_copy_not_the_shipped_file(tmp_path: Path) -> None:
    copy = ensure_sample_copy(tmp_path)
    assert copy != resource_path("samples", "oewg-ict-security.chairdesk")
    assert _digest(copy) == _digest(resource_path("samples", "oewg-ict-security.chairdesk"))
    assert ensure_sample_copy(tmp_path) == copy
