"""A redo is recorded as a redo of its maker's step: the record credits the step to whoever made it (not the
Chair who pressed Redo) and says "redoing", while an undo still says "undoing" and is the Chair's. The redo's
payload names the step it redoes (redo_of, credited_to); a file from before that still reads as a redo."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.floor.operations import request_floor, set_roster
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.change import Change
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import Session
from chairdesk.export.record import build_record

from ..conftest import FakeClock

ROSTER = [
    Delegation("PUR", "Team Purple"),
    Delegation("RED", "Team Red"),
    Delegation("GRN", "Team Green"),
    Delegation("BLU", "Team Blue"),
]


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock):
    """A tabled draft of two sections (paragraphs 1-2 in A, 3-4 in B) with a roster."""
    with Session.create(tmp_path / "redo.chairdesk", "Working group", clock=clock) as session:
        set_roster(session, ROSTER)
        a = drafting.add_section(session, "Overview").subject
        b = drafting.add_section(session, "Capacity building").subject
        drafting.insert_paragraph(session, a, "States met in a timely manner.")
        drafting.insert_paragraph(session, a, "States shared views.")
        drafting.insert_paragraph(session, b, "Capacity building should be demand-driven.")
        drafting.insert_paragraph(session, b, "The group will meet again.")
        drafting.mark_baseline(session, "Tabled draft")
        yield session


def _pid(session: Session, number: int) -> str:
    return session.draft.paragraph_by_number(number).id


def _told(session: Session, change: Change) -> str:
    """The record's sentence for a change, read against the state just before it."""
    return session.state_at(change.event.seq - 1).describe(change.event)


def _undo_redo_undo_redo(session: Session, step: Change) -> list[Change]:
    """Undo, redo, undo, redo, as the window's undo stack does: each one takes back the change before it."""
    changes = [step]
    for _ in range(4):
        changes.append(session.undo(changes[-1]))
    return changes[1:]


def test_a_redo_of_a_delegations_amendment_is_hers_and_says_redoing(session: Session) -> None:
    step = drafting.amend_paragraph(session, _pid(session, 1), "States met in a prompt manner.", "PUR")
    undo, redo, undo_again, redo_again = _undo_redo_undo_redo(session, step)
    assert _told(session, step) == "Team Purple replaced 'timely' with 'prompt' in paragraph 1."
    assert _told(session, undo) == (
        "The Chair replaced 'prompt' with 'timely' in paragraph 1 (undoing an earlier step)."
    )
    assert _told(session, redo) == (
        "Team Purple replaced 'timely' with 'prompt' in paragraph 1 (redoing an undone step)."
    )
    assert _told(session, undo_again) == _told(session, undo)
    assert _told(session, redo_again) == _told(session, redo)
    # The redo is the Chair's act in the log, and names the step it redoes and whose it was.
    assert redo.event.actor == "chair" and redo_again.event.actor == "chair"
    assert redo.event.payload["redo_of"] == redo_again.event.payload["redo_of"] == step.event.seq
    assert redo.event.payload["credited_to"] == redo_again.event.payload["credited_to"] == "PUR"
    assert "redo_of" not in undo.event.payload and "redo_of" not in undo_again.event.payload


def test_a_redo_of_a_strike_names_the_paragraph_and_whose_strike_it_was(session: Session) -> None:
    text = session.draft.paragraph(_pid(session, 3)).text
    step = drafting.strike_paragraph(session, _pid(session, 3), "RED")
    undo, redo, *_ = _undo_redo_undo_redo(session, step)
    assert _told(session, step) == "Team Red struck paragraph 3."
    assert _told(session, undo) == (
        f"The Chair restored the struck paragraph 3: \u201c{text}\u201d (undoing an earlier step)."
    )
    assert _told(session, redo) == "Team Red struck paragraph 3 (redoing an undone step)."


def test_a_redo_of_a_move_is_the_mover_s(session: Session) -> None:
    b = session.draft.order[1]
    step = drafting.move_paragraph(session, _pid(session, 1), b, actor="GRN")
    undo, redo, *_ = _undo_redo_undo_redo(session, step)
    assert _told(session, step) == "Team Green moved paragraph 1 to section B, Capacity building."
    assert _told(session, undo) == (
        "The Chair moved paragraph 4 to section A, Overview (undoing an earlier step)."
    )
    assert _told(session, redo) == (
        "Team Green moved paragraph 1 to section B, Capacity building (redoing an undone step)."
    )


def test_a_redo_of_a_proposal_is_told_as_the_proposal(session: Session) -> None:
    wording = "States met promptly."
    step = drafting.propose(session, _pid(session, 1), wording, "BLU")
    undo, redo, undo_again, redo_again = _undo_redo_undo_redo(session, step)
    assert _told(session, undo) == (
        "The Chair set aside the proposal of Team Blue for paragraph 1 (undoing an earlier step)."
    )
    proposed = f"Team Blue proposed for paragraph 1: \u201c{wording}\u201d"
    assert _told(session, step) == proposed
    assert _told(session, redo) == _told(session, redo_again) == f"{proposed} (redoing an undone step)."
    assert _told(session, undo_again) == _told(session, undo)
    accepted = drafting.accept_proposal(session, step.subject)
    undo, redo, *_ = _undo_redo_undo_redo(session, accepted)
    assert _told(session, redo) == (
        "The Chair accepted the proposal of Team Blue for paragraph 1, which replaced "
        "'in a timely manner' with 'promptly' (redoing an undone step)."
    )


def test_a_redo_on_the_floor_says_redoing(session: Session) -> None:
    step = request_floor(session, "RED")
    undo, redo, *_ = _undo_redo_undo_redo(session, step)
    assert _told(session, undo) == "The request of Team Red for the floor (speaker) was withdrawn (undoing an earlier step)."
    assert _told(session, redo).endswith("(redoing an undone step).")


def test_the_record_and_the_reopened_file_tell_the_same_redo(session: Session) -> None:
    step = drafting.amend_paragraph(session, _pid(session, 1), "States met in a prompt manner.", "PUR")
    session.undo(session.undo(step))
    entries = [e for e in build_record(session).entries if "paragraph 1" in e.text]
    assert [e.text for e in entries] == [
        "Team Purple replaced 'timely' with 'prompt' in paragraph 1.",
        "The Chair replaced 'prompt' with 'timely' in paragraph 1 (undoing an earlier step).",
        "Team Purple replaced 'timely' with 'prompt' in paragraph 1 (redoing an undone step).",
    ]
    assert [e.actor for e in entries] == ["Team Purple", "the Chair", "Team Purple"]
    path, count = session.path, len(session.events)
    session.close()
    with Session.open(path) as again:
        assert again.verify().ok and len(again.events) == count
        assert [e.text for e in build_record(again).entries if "paragraph 1" in e.text] == [
            e.text for e in entries
        ]


def test_a_redo_in_an_older_file_still_reads_as_a_redo(session: Session) -> None:
    """Before redo_of was kept, a redo was the inverse of an undo with undo_of alone, recorded by the Chair."""
    amend = drafting.amend_paragraph(session, _pid(session, 1), "States met in a prompt manner.", "PUR")
    undo = session.undo(amend)
    kind, payload = undo.inverse
    old_redo = session.record(kind, {**payload, "undo_of": undo.event.seq}, "chair")
    strike = drafting.strike_paragraph(session, _pid(session, 4), "RED")
    undo_strike = session.undo(strike)
    kind, payload = undo_strike.inverse
    old_strike_redo = session.record(kind, {**payload, "undo_of": undo_strike.event.seq}, "chair")
    # The amendment's payload names the wording's author; a strike's names no one, so the log's actor stands.
    assert _told(session, old_redo) == (
        "Team Purple replaced 'timely' with 'prompt' in paragraph 1 (redoing an undone step)."
    )
    assert _told(session, old_strike_redo) == "The Chair struck paragraph 4 (redoing an undone step)."
    # Undone and redone again today, the old redo's step is found through the chain and credited.
    new_redo = session.undo(session.undo(old_redo))
    assert new_redo.event.payload["redo_of"] == amend.event.seq
    assert new_redo.event.payload["credited_to"] == "PUR"
    path = session.path
    session.close()
    with Session.open(path) as again:
        assert again.verify().ok
        texts = [e.text for e in build_record(again).entries]
        assert texts.count("Team Purple replaced 'timely' with 'prompt' in paragraph 1 (redoing an undone step).") == 2


@pytest.mark.parametrize(
    "extra",
    [{"undo_of": 999}, {"undo_of": "1"}, {"undo_of": 1, "redo_of": 0}, {"undo_of": 1, "credited_to": 7}],
)
def test_a_step_naming_no_earlier_event_is_refused(session: Session, extra: dict) -> None:
    count = len(session.events)
    with pytest.raises(RefusedError):
        session.record("draft.paragraph.amend", {"id": _pid(session, 1), "text": "Other words.", **extra})
    assert len(session.events) == count
