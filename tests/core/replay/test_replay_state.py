"""Replay gives, at every event, the live state that existed right after that event; it never writes."""

from __future__ import annotations

import copy
import random
from datetime import timedelta
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.draft.apply import DraftApplier
from chairdesk.core.log.errors import RefusedError, SessionFileError
from chairdesk.core.log.session import Session
from chairdesk.core.replay.model import ReplayCursor, copy_state, state_dump
from chairdesk.core.replay.operations import ADOPTION, INTERVENTION, PROPOSAL, TEXT, Replay, moment_from_text
from chairdesk.sample import build_sample_session
from tests.core.conftest import file_digest
from tests.replay_support import record_every_draft_step, record_full_session


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return record_full_session(tmp_path_factory.mktemp("replay") / "recorded.chairdesk")


def test_every_event_in_order_gives_the_live_state(recorded) -> None:
    path, live = recorded
    with Session.open(path, read_only=True) as session:
        replay = Replay(session, every=7)  # small blocks: many checkpoints on a short log
        assert sorted(live) == list(range(1, len(session.events) + 1))
        for seq in range(1, len(session.events) + 1):
            assert state_dump(replay.state_at(seq)) == live[seq], (
                f"event {seq} ({session.events[seq - 1].kind})"
            )


def test_any_order_of_seeks_gives_the_live_state(recorded) -> None:
    path, live = recorded
    with Session.open(path, read_only=True) as session:
        replay = Replay(session, every=12, fine=2)  # going back uses the finer checkpoints of a block
        rng = random.Random(16)
        order = list(range(1, len(session.events) + 1))
        rng.shuffle(order)
        for seq in order + order[::-1]:
            assert state_dump(replay.state_at(seq)) == live[seq], f"event {seq}"
        for seq in range(len(session.events), 0, -1):  # stepping back, one event at a time
            assert state_dump(replay.state_at(seq)) == live[seq]
        assert replay.cursor._fine  # stepping back went through the finer checkpoints


def test_every_kind_of_draft_event_replays_to_the_live_state(tmp_path: Path) -> None:
    path, live = record_every_draft_step(tmp_path / "draft.chairdesk")
    with Session.open(path, read_only=True) as session:
        kinds = {e.kind for e in session.events if e.kind.startswith("draft.")}
        known = {
            "draft." + name.removeprefix("_apply_").replace("_", ".", 1)
            for name in dir(DraftApplier)
            if name.startswith("_apply_")
        }
        assert kinds == known  # every kind of draft event the applier knows (copy on write must cover it)
        for every, fine in ((1, 1), (3, 1), (10, 2), (16, 3)):
            replay = Replay(session, every=every, fine=fine)
            order = list(range(1, len(session.events) + 1))
            random.Random(every).shuffle(order)
            for seq in order + list(range(len(session.events), 0, -1)):
                assert state_dump(replay.state_at(seq)) == live[seq], (
                    f"event {seq}, checkpoints every {every}"
                )
            for seq in range(0, len(session.events) + 1, every):  # no checkpoint was changed by stepping on
                if seq:
                    assert state_dump(replay.cursor._checkpoints[seq]) == live[seq]


def test_the_state_before_anything_and_past_the_end(recorded) -> None:
    path, live = recorded
    with Session.open(path, read_only=True) as session:
        replay = Replay(session)
        empty = replay.state_at(0)
        assert empty.seq == 0 and not empty.draft.order and not empty.roster.delegations
        assert state_dump(replay.state_at(10_000)) == live[len(session.events)]


def test_the_sample_session_replays_to_its_live_state(tmp_path: Path) -> None:
    path = build_sample_session(tmp_path / "sample.chairdesk")
    with Session.open(path, read_only=True) as session:
        replay = Replay(session, every=25)
        for seq in range(len(session.events) + 1):
            assert state_dump(replay.state_at(seq)) == state_dump(session.state_at(seq))
        assert state_dump(replay.state_at(len(session.events))) == state_dump(session.state)


def test_copies_are_deep_and_share_only_the_components(recorded) -> None:
    path, _ = recorded
    with Session.open(path, read_only=True) as session:
        state = session.state
        for twin in (copy.deepcopy(state), copy_state(state)):
            assert state_dump(twin) == state_dump(state)
            assert twin.components is state.components
            pid = twin.draft.numbering().paragraphs[0]
            twin.draft.paragraphs[pid].text = "Changed in the copy."
            twin.floor.interventions.clear()
            assert state.draft.paragraphs[pid].text != "Changed in the copy."
            assert state.floor.interventions


def test_a_checkpoint_is_never_changed_by_stepping_on(recorded) -> None:
    path, live = recorded
    with Session.open(path, read_only=True) as session:
        cursor = ReplayCursor(session.events, every=4)
        cursor.seek(len(session.events))
        for seq in (4, 8, 12, 40):
            assert state_dump(cursor.seek(seq)) == live[seq]


def test_changed_in_step_names_what_the_event_changed(recorded) -> None:
    path, _ = recorded
    with Session.open(path, read_only=True) as session:
        replay = Replay(session)
        amend = next(e for e in session.events if e.kind == "draft.paragraph.amend")
        step = replay.changed_in_step(amend.seq)
        assert step is not None and replay.seq == amend.seq
        assert (
            step.paragraphs == {amend.payload["id"]} and step.sections == {"s1"} and step.areas == {"draft"}
        )
        assert step.actor == "blue"
        assert step.description.startswith("Blue replaced 'invited' with 'stressed that'")
        give = next(e for e in session.events if e.kind == "floor.give")
        step = replay.changed_in_step(give.seq)
        assert step.areas == {"floor"} and not step.paragraphs
        assert step.description == "The Chair gave the floor to Blue from the list (speaker, 3 min)."
        assert replay.changed_in_step(0) is None


def test_marks_seq_at_and_next_marks(recorded) -> None:
    path, _ = recorded
    with Session.open(path, read_only=True) as session:
        replay = Replay(session)
        kinds = {m.category for m in replay.marks}
        assert kinds == {INTERVENTION, TEXT, PROPOSAL, ADOPTION}
        speakers = [m.actor for m in replay.marks if m.category == INTERVENTION]
        assert speakers == ["blue", "cs", "red", "yellow"]
        first = replay.next_mark(0, INTERVENTION)
        assert session.events[first - 1].kind == "floor.give"
        assert replay.previous_mark(first, INTERVENTION) is None
        assert replay.next_mark(len(session.events), ADOPTION) is None
        event = session.events[20]
        assert replay.seq_at(event.time) == event.seq
        assert replay.seq_at(event.time - timedelta(microseconds=1)) == event.seq - 1
        assert replay.seq_at(session.events[0].time - timedelta(days=1)) == 0


def test_moments_typed_as_times(recorded) -> None:
    path, _ = recorded
    with Session.open(path, read_only=True) as session:
        replay = Replay(session)
        start = session.events[0].time  # 09:00 UTC, one minute per event
        assert moment_from_text("09:10", replay) == start + timedelta(minutes=10)
        assert moment_from_text("2026-11-26 09:10", replay) == start + timedelta(minutes=10)
        assert replay.seq_at(moment_from_text("09:10", replay)) == 11
        with pytest.raises(RefusedError, match="'teatime' is not a moment"):
            moment_from_text("teatime", replay)


def test_a_replay_writes_nothing_and_refuses_to_record(recorded) -> None:
    path, _ = recorded
    before = file_digest(path)
    with Session.open(path, read_only=True) as session:
        replay = Replay(session)
        replay.state_at(len(session.events) // 2)
        view = replay.session_at(12)
        with pytest.raises(RefusedError, match="replay"):
            view.record("draft.title.set", {"title": "x"})
        with pytest.raises(SessionFileError, match="opened read-only"):
            drafting.set_title(session, "Another title")
    assert file_digest(path) == before


def test_a_replay_follows_a_session_being_written(small_session, session_path: Path) -> None:
    session, ids = small_session
    with Session.open(session_path, read_only=True) as reader:
        drafting.amend_paragraph(session, ids["p1"], "The working group met twice.")
        reader.refresh()
        replay = Replay(reader)
        assert replay.state_at(len(replay)).draft.paragraph(ids["p1"]).text == "The working group met twice."


def _counting(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> list[int]:
    """Count the calls of owner.name (and, for a method returning a list, the items it returned)."""
    counts = [0, 0]
    original = getattr(owner, name)

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        counts[0] += 1
        result = original(*args, **kwargs)
        counts[1] += len(result) if isinstance(result, list) else 0
        return result

    monkeypatch.setattr(owner, name, counted)
    return counts


def test_open_reads_and_folds_the_log_once(recorded, monkeypatch: pytest.MonkeyPatch) -> None:
    """Replay.open derives the session's state with the replay's own cursor: every event is read from the
    file once and applied once, where the session's fold and then the replay's seek to the end applied each
    event twice and read it twice."""
    from chairdesk.core.log import session as session_module
    from chairdesk.core.log.reading import EventReader
    from chairdesk.core.log.state import SessionState

    path, live = recorded
    monkeypatch.setattr(session_module, "restore", lambda _log: None)  # no snapshot in this user's cache
    applied = _counting(monkeypatch, SessionState, "apply")
    read = _counting(monkeypatch, EventReader, "_read_rows")
    replay = Replay.open(path, every=7)
    with replay.session as session:
        count = len(replay)
        assert count == len(live)
        assert applied[0] == count and read[1] == count
        assert state_dump(session.state) == live[count]
        assert state_dump(replay.state_at(count)) == live[count]
        assert session.state is not replay.state and session.state.draft is not replay.state.draft
        for seq in (1, count // 2, 3, count, count - 1):  # the checkpoints the fold took serve every seek
            assert state_dump(replay.state_at(seq)) == live[seq], seq
        assert replay.changed_in_step(count).seq == count


def test_open_from_a_snapshot_replays_when_it_first_seeks(recorded, monkeypatch: pytest.MonkeyPatch) -> None:
    """A session this computer holds a snapshot of opens from it; the replay folds the log at its first seek."""
    from chairdesk.core.log.state import SessionState

    path, live = recorded
    with Session.open(path) as session:  # the chair's window closes it: its snapshot is kept
        count = len(session.events)
    applied = _counting(monkeypatch, SessionState, "apply")
    replay = Replay.open(path)
    with replay.session as session:
        assert session.restored and applied[0] == 0
        assert state_dump(session.state) == live[count]
        assert state_dump(replay.state_at(count // 2)) == live[count // 2]
        assert state_dump(replay.state_at(count)) == live[count]
