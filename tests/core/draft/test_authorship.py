"""Authorship per run of words, derived from the log: splits, undo and redo, sub-paragraphs, caching."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.draft import authorship
from chairdesk.core.draft.authorship import (
    AuthorshipIndex,
    authored_diff,
    authored_pieces,
    baseline_text,
    current_text,
)
from chairdesk.core.draft.compare import new_text, old_text
from chairdesk.core.log.session import Session

from ..conftest import FakeClock


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock):
    """One section, two paragraphs (the second with sub-paragraphs), tabled."""
    s = Session.create(tmp_path / "a.chairdesk", "Working group", clock=clock)
    a = drafting.add_section(s, "Overview").subject
    drafting.insert_paragraph(s, a, "States met in Geneva.")
    drafting.insert_paragraph(s, a, "States [agreed] to:", subparagraphs=["share views;", "meet again."])
    drafting.mark_baseline(s, "Tabled draft")
    yield s
    s.close()


def _para(session: Session, n: int) -> str:
    return session.draft.paragraph_by_number(n).id


def _who(runs: list) -> list[tuple[str, str, str]]:
    return [(op, text, actor) for op, text, actor, _ in runs]


def test_a_later_change_by_someone_else_splits_the_run(session: Session) -> None:
    p = _para(session, 1)
    drafting.amend_paragraph(session, p, "States met in Geneva, as they had agreed.")
    drafting.amend_paragraph(session, p, "States met in Geneva, as delegations had agreed.", "YEL")
    runs = authored_diff(session, p)
    assert _who(runs) == [
        ("equal", "States met in Geneva", ""),
        ("insert", ", as ", "chair"),
        ("insert", "delegations", "YEL"),
        ("insert", " had agreed", "chair"),
        ("equal", ".", ""),
    ]
    times = {actor: ts for _, _, actor, ts in runs if actor}
    assert times["chair"] < times["YEL"] and times["YEL"] == session.events[-1].ts
    diff = [(run.op, run.text) for run in runs]
    assert old_text(diff) == "States met in Geneva." and new_text(diff) == session.draft.paragraph(p).text


def test_unbracketing_elsewhere_leaves_a_delegations_insertion_its_own(session: Session) -> None:
    p = _para(session, 2)
    drafting.amend_paragraph(session, p, "States [agreed] unanimously to:", "YEL")
    drafting.unbracket_text(session, p, session.draft.paragraph(p).text.index("["))
    assert _who(authored_diff(session, p)) == [
        ("equal", "States ", ""),
        ("delete", "[", "chair"),
        ("equal", "agreed", ""),
        ("delete", "]", "chair"),
        ("equal", " ", ""),
        ("insert", "unanimously ", "YEL"),
        ("equal", "to:", ""),
    ]


def test_undo_gives_the_words_back_to_their_author_and_redo_to_the_undone(session: Session) -> None:
    p = _para(session, 1)
    drafting.amend_paragraph(session, p, "States met in Geneva in May.", "BLU")
    before = authored_diff(session, p)
    change = drafting.amend_paragraph(session, p, "States met in Geneva in June.", "YEL")
    after = authored_diff(session, p)
    undo = session.undo(change)  # recorded as the Chair's event
    assert authored_diff(session, p) == before  # Blue's "in May", Blue's time: not the Chair's
    session.undo(undo)  # redo
    assert authored_diff(session, p) == after


def test_deleting_someone_elses_insertion_is_kept_nested(session: Session) -> None:
    p = _para(session, 1)
    drafting.amend_paragraph(session, p, "States met in Geneva and Vienna.", "BLU")
    drafting.amend_paragraph(session, p, "States met in Geneva.", "YEL")
    assert _who(authored_diff(session, p)) == [("equal", "States met in Geneva.", "")]
    pieces = authored_pieces(session, p)
    nested = [x for x in pieces if x.inserted_by is not None]
    assert [(x.text, x.actor, x.inserted_by[0]) for x in nested] == [(" and Vienna", "YEL", "BLU")]
    assert baseline_text(pieces) == current_text(pieces) == "States met in Geneva."
    # one's own insertion taken back leaves nothing
    drafting.amend_paragraph(session, p, "States met in Geneva and Bonn.", "PUR")
    drafting.amend_paragraph(session, p, "States met in Geneva.", "PUR")
    assert [x.text for x in authored_pieces(session, p) if x.actor == "PUR"] == []


def test_subparagraphs_proposals_and_the_last_baseline(session: Session) -> None:
    p = _para(session, 2)
    sub = session.draft.paragraph(p).subparagraphs[0].id
    drafting.amend_subparagraph(session, p, sub, "share views regularly;", "BLU")
    assert _who(authored_diff(session, p, subparagraph=sub)) == [
        ("equal", "share views", ""),
        ("insert", " regularly", "BLU"),
        ("equal", ";", ""),
    ]
    q = drafting.propose(session, _para(session, 1), "States met in Bonn.", "YEL").subject
    drafting.mark_baseline(session, "Second reading")
    drafting.accept_proposal(session, q)  # the proposing delegation's words, at the time of acceptance
    accept = session.events[-1]
    assert _who(authored_diff(session, _para(session, 1), "last")) == [
        ("equal", "States met in ", ""),
        ("delete", "Geneva", "YEL"),
        ("insert", "Bonn", "YEL"),
        ("equal", ".", ""),
    ]
    assert {ts for _, _, actor, ts in authored_diff(session, _para(session, 1)) if actor} == {accept.ts}
    assert _who(authored_diff(session, p, "last", subparagraph=sub)) == [
        ("equal", "share views regularly;", "")
    ]


def test_each_paragraph_is_replayed_once_then_only_its_new_events(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = session.draft.order[0]
    for n in range(30):
        drafting.insert_paragraph(session, section, f"Paragraph {n} as tabled.")
    ids = session.draft.numbering().paragraphs
    for pid in ids[:10]:
        drafting.amend_paragraph(session, pid, session.draft.paragraph(pid).text + " Amended.", "BLU")
    edits: list[str] = []
    real_edit = authorship.edit
    monkeypatch.setattr(authorship, "edit", lambda *a: edits.append(a[1]) or real_edit(*a))
    first = {pid: authored_diff(session, pid) for pid in ids}
    assert len(edits) == 10 + 30  # each amendment, and each paragraph inserted after the baseline
    edits.clear()
    drafting.amend_paragraph(session, ids[3], "Paragraph 3, reworded.", "YEL")
    again = {pid: authored_diff(session, pid) for pid in ids}
    assert len(edits) == 1  # the one new event, nothing else replayed
    assert {pid: runs for pid, runs in again.items() if runs != first[pid]}.keys() == {ids[3]}


def test_the_index_starts_again_when_the_log_was_cut_back(session: Session) -> None:
    p = _para(session, 1)
    drafting.amend_paragraph(session, p, "States met in Vienna.", "BLU")
    events = list(session.events)
    index = AuthorshipIndex()
    index.update(events)
    assert current_text(index.pieces(p)) == "States met in Vienna."
    index.update(events[:-1])  # the last event taken back (Session.record drops an event it cannot apply)
    assert current_text(index.pieces(p)) == "States met in Geneva."


def test_change_authors_lists_everyone_whose_change_stands_in_order(session: Session) -> None:
    p = _para(session, 1)
    q = _para(session, 2)
    assert authorship.change_authors(session, p) == []
    drafting.amend_paragraph(session, p, "States met in Geneva in May.", "BLU")
    yellow = drafting.amend_paragraph(session, p, "States met in Geneva in June.", "YEL")
    chairs = drafting.amend_paragraph(session, p, "States met in Geneva in June 2026.")
    assert authorship.change_authors(session, p) == ["BLU", "YEL", "chair"]
    # Undo the Chair's change, then Yellow's: Yellow is no longer credited, the undoing Chair neither.
    session.undo(chairs)
    undone_yellow = session.undo(yellow)
    assert authorship.change_authors(session, p) == ["BLU"]
    session.undo(undone_yellow)  # redo: Yellow's change stands again
    assert authorship.change_authors(session, p) == ["BLU", "YEL"]
    # Sub-paragraphs count when asked for; the other paragraph's changes never do.
    para = session.draft.paragraph(q)
    drafting.amend_subparagraph(session, q, para.subparagraphs[1].id, "meet again in 2027.", "ORA")
    assert authorship.change_authors(session, q) == []
    assert authorship.change_authors(session, q, [s.id for s in para.subparagraphs]) == ["ORA"]
    assert authorship.change_authors(session, p) == ["BLU", "YEL"]
    # Against the last baseline, only what came after it.
    drafting.mark_baseline(session, "Second reading")
    drafting.amend_paragraph(session, p, "States met in Geneva in July.", "RED")
    assert authorship.change_authors(session, p, baseline="last") == ["RED"]
    assert authorship.change_authors(session, p, baseline="tabled") == ["BLU", "YEL", "RED"]


def test_the_credit_index_read_a_part_at_a_time_credits_as_the_whole_log_and_keeps_no_event(tmp_path: Path) -> None:
    """The window reads the credit index a few events a turn after its first paint: the credits are those of
    the log read at once, the log itself keeps none of the events read (it reads them lazily), and a second
    read of the same log reads nothing again."""
    from chairdesk.core.draft.authorship import change_authors, read_into_index
    from chairdesk.sample import build_sample_session

    path = build_sample_session(tmp_path / "s.chairdesk")
    with Session.open(path) as whole:  # (credits of the events read at once: no index kept with the session,
        events = whole.log.events_after(0)  # which its close would keep in the snapshot the parts start from)
        expected = {pid: change_authors(events, pid) for pid in whole.draft.paragraphs}
    with Session.open(path, read_only=True) as parts:
        assert not parts.log.loaded
        steps = 0
        while not read_into_index(parts, 7 * (steps + 1)):
            steps += 1
        assert steps >= 3 and not parts.log.loaded  # read in parts, none kept by the log
        read = parts.derived["authorship"]._seen
        assert read == parts.log.count and read_into_index(parts, read + 7)
        assert {pid: change_authors(parts, pid) for pid in parts.draft.paragraphs} == expected
        assert not parts.log.loaded
