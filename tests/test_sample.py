"""The bundled sample session: shipped, current with its source, and never written by the app."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from chairdesk.core import Session
from chairdesk.core.draft import operations as drafting
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


def test_model_un_sample_is_a_committee_under_model_un_rules(tmp_path: Path) -> None:
    shipped = resource_path("samples", "mun-disec.chairdesk")
    before = _digest(shipped)
    fresh = build_sample_session(tmp_path / "mun.chairdesk", "mun")
    with Session.open(shipped) as old, Session.open(fresh) as new:
        assert old.draft.fingerprint() == new.draft.fingerprint()
        assert old.verify().ok
        state = new.state
        assert state.meeting.title == "General Assembly First Committee (DISEC)"
        assert state.procedure.mun and not state.procedure.roll_called
        names = [d.name for d in state.roster.delegations]
        assert len(names) == 12 and "Türkiye" in names and "Côte d'Ivoire" in names
        sections = new.draft.live_sections()
        assert [s.title for s in sections] == ["Preambular paragraphs", "Operative paragraphs"]
        preamble = [p.text for p in new.draft.live_paragraphs(sections[0].id)]
        operative = [p.text for p in new.draft.live_paragraphs(sections[1].id)]
        assert preamble[0].startswith("Recalling") and all(p.endswith(",") for p in preamble)
        assert operative[-1] == "Decides to remain actively seized of the matter."
        # a resolution: its preambular paragraphs unnumbered (PP1…) and the operative ones numbered from 1,
        # each opening with its words in italics (the sample numbered them 1-5 and 6-12, in roman type)
        labels = [new.draft.label_of_paragraph(p.id) for s in sections for p in new.draft.live_paragraphs(s.id)]
        assert labels == ["PP1", "PP2", "PP3", "PP4", "PP5", "1", "2", "3", "4", "5", "6", "7"]
        openings = [p.italic_words() for s in sections for p in new.draft.live_paragraphs(s.id)]
        assert openings[:5] == ["Recalling", "Reaffirming", "Deeply concerned", "Noting with appreciation", "Bearing in mind"]
        assert openings[5:7] == ["Calls upon", "Encourages"] and openings[-1] == "Decides"
        assert new.draft.baselines[0].label == "Tabled draft"
    assert _digest(shipped) == before
    copy = ensure_sample_copy(tmp_path / "data", "mun")
    assert copy.name == "mun-disec.chairdesk" and _digest(copy) == before


def test_unknown_sample_is_refused_by_name() -> None:
    import pytest

    from chairdesk.core.log.errors import ChairdeskError

    with pytest.raises(ChairdeskError, match="no sample 'parliament'; the samples are: oewg, mun"):
        sample_source("parliament")


def test_a_sample_copied_again_is_not_taken_for_the_extended_copy_with_events_removed(
    tmp_path: Path, monkeypatch  # noqa: ANN001
) -> None:
    """The chair extends the sample, its copy is deleted, `--sample` copies the shipped file again: the same
    session by its first event, but not one whose events were cut off (no warning on opening it)."""
    data = tmp_path / "data"
    monkeypatch.setenv("CHAIRDESK_DATA_DIR", str(data))
    copy = ensure_sample_copy(data)
    with Session.open(copy) as session:
        pid = session.draft.numbering().paragraphs[0]
        drafting.amend_paragraph(session, pid, "Words the chair typed into the sample.")
    with Session.open(copy) as session:
        assert session.warnings == []
    copy.unlink()
    again = ensure_sample_copy(data)
    with Session.open(again) as session:
        assert session.warnings == []
        shorter = session.log.count
    edited = tmp_path / "elsewhere.chairdesk"  # a copy of the extended session cut short is still caught
    with Session.open(again) as session:
        drafting.amend_paragraph(session, pid, "More words.")
        drafting.amend_paragraph(session, pid, "And more.")
    shutil.copy(again, edited)
    with sqlite3.connect(edited) as conn:
        conn.execute("DELETE FROM events WHERE seq > ?", (shorter,))
    with Session.open(edited) as session:
        # Another file than the one written here (a copy): the anchors tell it only as a note (an earlier copy
        # of a session is no fault), but the head row left in it shows the events cut off its end.
        assert any("earlier copy" in note for note in session.notes)
        assert any("altered outside chairdesk" in w and "are missing" in w for w in session.warnings)
