"""Negotiators' numbering: keep the tabled numbers (7 bis, 7 ter; a struck paragraph keeps its number) until
one recorded technical renumbering, or renumber live; the mode is chosen at creation and switched by a
recorded event; the record, the comparison and the exports follow the numbers the desk shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core.draft import operations as ops
from chairdesk.core.draft.compare import compare
from chairdesk.core.log.errors import DraftError
from chairdesk.core.log.session import Session

from ..conftest import FakeClock


def _tabled(path: Path, mode: str) -> tuple[Session, str, list[str]]:
    session = Session.create(path, "Talks", clock=FakeClock())
    if mode == "keep":
        ops.set_numbering_mode(session, "keep")
    sid = ops.add_section(session, "Text").subject
    pids = [ops.insert_paragraph(session, sid, f"Paragraph {n} as tabled.").subject for n in range(1, 9)]
    if mode == "keep":
        ops.renumber(session)
    ops.mark_baseline(session, "Tabled draft")
    return session, sid, pids


def _labels(session: Session) -> list[str | None]:
    draft = session.draft
    return [draft.label_of_paragraph(p.id) for p in draft.paragraphs.values() if p.section in draft.order]


def test_keep_mode_gives_bis_and_ter_and_struck_paragraphs_keep_their_number(tmp_path: Path) -> None:
    session, sid, pids = _tabled(tmp_path / "keep.chairdesk", "keep")
    bis = ops.insert_paragraph(session, sid, "New after seven.", after=pids[6]).subject
    ter = ops.insert_paragraph(session, sid, "Another after seven.", after=bis).subject
    ops.strike_paragraph(session, pids[2])
    draft = session.draft
    assert draft.label_of_paragraph(bis) == "7 bis" and draft.label_of_paragraph(ter) == "7 ter"
    assert draft.label_of_paragraph(pids[2]) == "3"  # struck, keeps its number
    assert draft.label_of_paragraph(pids[7]) == "8"  # no renumbering of the rest
    assert draft.paragraph_name(ter) == "paragraph 7 ter"
    assert draft.paragraph_by_label("7 TER").id == ter
    ops.move_paragraph(session, pids[5], sid, 0)  # "moving paragraph 6" still reads "paragraph 6"
    assert session.draft.label_of_paragraph(pids[5]) == "6"
    text = session.draft.plain_text()
    assert "7 bis. New after seven." in text and "\n3. " not in text
    # the record names the kept numbers
    last = session.events[-1]
    assert "paragraph 6" in session.state_at(last.seq - 1).describe(last)
    # the comparison with the tabled text: no number changes, only what happened
    comparison = compare(session.baseline("tabled"), session.draft)
    changed = [
        c for c in comparison.crosswalk() if c.old_number and c.new_number and c.old_number != c.new_number
    ]
    assert changed == []
    assert comparison.paragraphs[bis].new_number == "7 bis" and comparison.paragraphs[pids[2]].struck


def test_the_technical_renumbering_is_one_recorded_event_and_can_be_undone(tmp_path: Path) -> None:
    session, sid, pids = _tabled(tmp_path / "keep.chairdesk", "keep")
    bis = ops.insert_paragraph(session, sid, "New after two.", after=pids[1]).subject
    ops.strike_paragraph(session, pids[0])
    before = len(session.events)
    change = ops.renumber(session)
    assert len(session.events) == before + 1
    draft = session.draft
    assert [draft.label_of_paragraph(p) for p in (pids[1], bis, pids[2])] == ["1", "2", "3"]
    assert draft.label_of_paragraph(pids[0]) is None  # struck before the renumbering: no number now
    assert "technical renumbering" in session.state_at(change.event.seq - 1).describe(change.event)
    session.undo(change)
    assert session.draft.label_of_paragraph(bis) == "2 bis"


def test_the_mode_is_switched_by_a_recorded_event(tmp_path: Path) -> None:
    session, sid, pids = _tabled(tmp_path / "live.chairdesk", "live")
    ops.strike_paragraph(session, pids[0])
    assert session.draft.label_of_paragraph(pids[1]) == "1"
    change = ops.set_numbering_mode(session, "keep")
    assert change.event.payload["kept"][pids[1]] == "1"
    new = ops.insert_paragraph(session, sid, "Added.", after=pids[1]).subject
    assert session.draft.label_of_paragraph(new) == "1 bis"
    with pytest.raises(DraftError, match="already"):
        ops.set_numbering_mode(session, "keep")
    ops.set_numbering_mode(session, "live")
    assert session.draft.label_of_paragraph(new) == "2"
    with pytest.raises(DraftError, match="live numbering"):
        ops.renumber(session)
    path = session.path
    fingerprint = session.draft.fingerprint()
    session.close()
    with Session.open(path) as again:
        assert again.draft.fingerprint() == fingerprint


def test_live_mode_renumbers_after_each_change(tmp_path: Path) -> None:
    session, sid, pids = _tabled(tmp_path / "live.chairdesk", "live")
    new = ops.insert_paragraph(session, sid, "New after seven.", after=pids[6]).subject
    ops.strike_paragraph(session, pids[2])
    draft = session.draft
    assert [draft.label_of_paragraph(p) for p in (pids[3], new, pids[7])] == ["3", "7", "8"]
    assert draft.label_of_paragraph(pids[2]) is None


def test_keep_mode_fixes_the_numbers_when_the_text_is_tabled(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "new.chairdesk", "Talks", clock=FakeClock())
    ops.set_numbering_mode(session, "keep")
    sid = ops.add_section(session, "Text").subject
    first = ops.insert_paragraph(session, sid, "First.").subject
    second = ops.insert_paragraph(session, sid, "Second.").subject
    assert [session.draft.label_of_paragraph(p) for p in (first, second)] == ["1", "2"]  # not yet tabled
    ops.mark_baseline(session, "Tabled draft")
    assert [e.kind for e in session.events[-2:]] == ["draft.numbering.renumber", "draft.baseline"]
    new = ops.insert_paragraph(session, sid, "New.", index=0).subject
    assert session.draft.label_of_paragraph(new) == "0 bis"  # before paragraph 1, as negotiators say
    assert session.draft.label_of_paragraph(first) == "1"
    session.close()
