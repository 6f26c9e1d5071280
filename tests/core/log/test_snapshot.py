"""Snapshots of the derived state (core/log/snapshot.py): the same state as a full replay, or not used at all."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from chairdesk.core import drafting
from chairdesk.core.draft.authorship import authored_diff, authorship_index, change_authors
from chairdesk.core.floor.operations import next_speaker, request_floor
from chairdesk.core.log import snapshot
from chairdesk.core.log.errors import CorruptSessionError
from chairdesk.core.log.eventlog import EventLog
from chairdesk.core.log.session import Session, replay
from chairdesk.core.procedure.operations import roll_call, set_rules
from chairdesk.core.workshop.operations import log_written, set_running_order
from chairdesk.sample import build_sample_session

from ..conftest import file_digest, tamper


def canonical(value: Any, depth: int = 0) -> Any:
    """A thorough, comparable dump of derived data: objects by their fields, sets sorted, dicts in order."""
    assert depth < 60, "the state nests deeper than expected"
    if value is None or isinstance(value, str | int | float | bool | Enum):
        return value
    if isinstance(value, dict):
        return [("dict", canonical(k, depth + 1), canonical(v, depth + 1)) for k, v in value.items()]
    if isinstance(value, set | frozenset):
        return ("set", sorted(repr(canonical(v, depth + 1)) for v in value))
    if isinstance(value, list | tuple):
        return (type(value).__name__, [canonical(v, depth + 1) for v in value])
    fields = dict(vars(value)) if hasattr(value, "__dict__") else {}
    for cls in type(value).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if hasattr(value, name):
                fields[name] = getattr(value, name)
    assert fields, f"no fields to compare in {type(value).__name__}"
    fields = {k: v for k, v in fields.items() if k not in snapshot.SHARED}
    return (type(value).__qualname__, canonical(fields, depth + 1))


def play_more(session: Session) -> None:
    """Events of every part besides the recorded morning's: procedure, workshop, floor, draft, a baseline."""
    codes = list(session.state.roster.codes())
    set_rules(session, "mun")
    roll_call(session, codes[0], "present")
    set_running_order(session, codes[:3])
    log_written(session, codes[1], "A question from the chat.")
    request_floor(session, codes[2])
    next_speaker(session)
    paragraph = session.draft.live_paragraphs()[0]
    drafting.amend_paragraph(session, paragraph.id, paragraph.text + " As amended.", actor=codes[0])
    drafting.mark_baseline(session, "Second reading")


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The recorded sample (a tabled draft and a morning: floor, proposals, adoption) and more, built once."""
    home = tmp_path_factory.mktemp("recorded")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHAIRDESK_CACHE_DIR", str(home / "cache"))
        patch.setenv("CHAIRDESK_DATA_DIR", str(home / "data"))
        path = build_sample_session(home / "recorded.chairdesk", "recorded")
        with Session.open(path) as session:
            play_more(session)
    yield path


@pytest.fixture
def path(recorded: Path, tmp_path: Path) -> Path:
    """A fresh copy of the recorded session, opened and closed once here (which wrote its snapshot)."""
    copy = tmp_path / "meeting.chairdesk"
    shutil.copy(recorded, copy)
    with Session.open(copy) as session:
        warm(session)
    assert snapshots()
    return copy


def warm(session: Session) -> None:
    """Ask what the window asks at its start: the draft at the tabled baseline and credits."""
    session.baseline("tabled")
    for paragraph in session.draft.live_paragraphs():
        change_authors(session, paragraph.id, [s.id for s in paragraph.subparagraphs])


def snapshots() -> list[Path]:
    """The snapshot files in the cache folder."""
    return sorted(snapshot.cache_dir().rglob(f"*{snapshot.SUFFIX}"))


def from_snapshot(session: Session) -> bool:
    """Whether the session was opened from a snapshot (not a replay of every event)."""
    return session.restored


def assert_same_as_full_replay(session: Session) -> None:
    """The session's state, baselines and credits are those a replay of every event gives."""
    events = session.log.events_after(0)
    full = replay(events)
    assert canonical(session.state) == canonical(full)
    tabled = session.draft.baselines[0].seq
    assert canonical(session.draft_at(tabled)) == canonical(replay(events[:tabled]).draft)
    fresh = authorship_index(events)
    for paragraph in session.draft.live_paragraphs():
        subs = [s.id for s in paragraph.subparagraphs]
        assert change_authors(session, paragraph.id, subs) == change_authors(events, paragraph.id, subs)
        assert authored_diff(session, paragraph.id) == authored_diff(events, paragraph.id)
    assert authorship_index(session, worded=True).texts == fresh.texts


def test_a_snapshot_gives_the_state_of_a_full_replay(path: Path) -> None:
    with Session.open(path) as session:
        assert from_snapshot(session)
        assert session.log.count > 90 and session.state.seq == session.log.count
        assert len(session.derived["authorship"].texts) > 10  # the credits came with it
        assert_same_as_full_replay(session)
        assert session.log.loaded  # the comparison read the log: it was not read before


def test_undo_and_new_steps_after_opening_from_a_snapshot(path: Path) -> None:
    with Session.open(path) as session:
        assert from_snapshot(session)
        paragraph = session.draft.live_paragraphs()[1]
        change = drafting.amend_paragraph(session, paragraph.id, "Reworded after the snapshot.")
        assert not session.log.loaded  # recording a step reads no earlier event
        assert change.event.ts >= session.log.head(change.event.seq - 1)[-1].ts
        assert change_authors(session, paragraph.id) == ["chair"]
        session.undo(change)
        assert session.draft.paragraphs[paragraph.id].text == paragraph.text
        assert_same_as_full_replay(session)


def test_tail_replay_of_the_events_committed_after_the_snapshot(path: Path) -> None:
    with Session.open(path) as writer:
        assert from_snapshot(writer)
        taken = writer.state.seq
        paragraph = writer.draft.live_paragraphs()[0]
        drafting.amend_paragraph(writer, paragraph.id, "Wording after the snapshot.")
        request_floor(writer, "BLU")
        # A reader now (the replay window, or the next start after a crash) finds the file as the snapshot
        # left it, and the two events in the -wal beside it (no checkpoint has folded them in yet).
        with Session.open(path, read_only=True) as reader:
            assert from_snapshot(reader)
            assert reader.log._base == taken  # the snapshot's events were not read; the two after it were
            assert reader.state.seq == taken + 2
            assert reader.draft.paragraphs[paragraph.id].text == "Wording after the snapshot."
            assert_same_as_full_replay(reader)
        writer.checkpoint()  # an idle moment folds them into the file: a later reader replays it whole
        with Session.open(path, read_only=True) as reader:
            assert not from_snapshot(reader)
            assert reader.draft.paragraphs[paragraph.id].text == "Wording after the snapshot."


def test_read_only_open_uses_the_snapshot_and_writes_nothing(path: Path) -> None:
    before = file_digest(path)
    with Session.open(path, read_only=True) as session:
        assert from_snapshot(session)
        assert_same_as_full_replay(session)
    assert file_digest(path) == before


def test_another_history_of_the_same_session_is_not_used(path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.chairdesk"
    shutil.copy(path, other)
    for target, words in ((path, "Ours."), (other, "Theirs.")):
        with Session.open(target) as session:
            drafting.amend_paragraph(session, session.draft.live_paragraphs()[0].id, words)
    with Session.open(path, read_only=True) as session:
        assert from_snapshot(session)
        assert session.draft.live_paragraphs()[0].text == "Ours."
        count, digest = session.log.count, session.log.hash_at(session.log.count)
    # Both histories have the same first event and the same length: their snapshots share a folder.
    assert len([p for p in snapshots() if int(p.name[:10]) == count]) == 2
    mine = [p for p in snapshots() if p.name == snapshot._name(count, digest)]
    assert len(mine) == 1
    mine[0].unlink()
    # Only the other history's snapshot is left, for the same seq: it is not used.
    with Session.open(path, read_only=True) as session:
        assert not from_snapshot(session)
        assert session.draft.live_paragraphs()[0].text == "Ours."
        assert_same_as_full_replay(session)


def test_a_file_rewritten_in_place_with_its_time_put_back_is_replayed_whole(
    path: Path, tmp_path: Path
) -> None:
    # Size, time and inode as the snapshot recorded them: only the hash of its last event tells them apart.
    other = tmp_path / "other.chairdesk"
    shutil.copy(path, other)
    for target, words in ((other, "Theirs."), (path, "Ours..")):
        with Session.open(target) as session:
            drafting.amend_paragraph(session, session.draft.live_paragraphs()[0].id, words)
    info, data = path.stat(), other.read_bytes()
    assert len(data) == info.st_size
    with path.open("r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert snapshot.file_stamp(path) == [info.st_size, info.st_mtime_ns, info.st_ino]
    with Session.open(path, read_only=True) as session:
        assert not from_snapshot(session)
        assert session.draft.live_paragraphs()[0].text == "Theirs."
        assert_same_as_full_replay(session)


def test_a_shorter_file_is_replayed_whole(path: Path) -> None:
    with Session.open(path) as session:
        count = session.log.count
    tamper(path, "DELETE FROM events WHERE seq > ?", count - 5)
    with Session.open(path, read_only=True) as session:
        assert not from_snapshot(session)
        assert session.state.seq == count - 5
        assert_same_as_full_replay(session)


def test_a_file_edited_since_is_replayed_whole(path: Path) -> None:
    # The hashes are left as they were: only the file's size and time tell it changed.
    db = sqlite3.connect(path)
    seq, payload = db.execute("SELECT seq, payload FROM events WHERE kind = 'draft.title.set'").fetchone()
    edited = payload.replace('"title":"', '"title":"EDITED ')
    assert edited != payload
    db.execute("UPDATE events SET payload = ? WHERE seq = ?", (edited, seq))
    db.commit()
    db.close()
    with Session.open(path, read_only=True) as session:
        assert not from_snapshot(session)
        assert session.draft.title.startswith("EDITED ")
        assert not session.verify().ok


def test_a_snapshot_of_other_code_is_ignored_and_removed(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot, "code_fingerprint", lambda: "0" * 64)
    with Session.open(path) as session:
        assert not from_snapshot(session)
        assert_same_as_full_replay(session)
        assert not snapshots()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[: data.index(b"\n", 20) + 1] + b"\x80\x05garbage",  # not a pickle after the header
        lambda data: b"not a snapshot at all",
        lambda data: data.replace(b'"format": 1', b'"format": 99', 1),  # another layout
        lambda data: data[: data.index(b"\n", 20) + 1] + __import__("pickle").dumps({"state": {"seq": 1}}),
    ],
)
def test_a_damaged_snapshot_is_ignored_and_removed(path: Path, damage: Any) -> None:
    (found,) = snapshots()
    damaged = damage(found.read_bytes())
    found.write_bytes(damaged)
    with Session.open(path, read_only=True) as session:
        assert not from_snapshot(session)
        assert not found.exists()  # removed on sight
        assert_same_as_full_replay(session)
    assert found.read_bytes() != damaged  # the close wrote a sound one in its place
    with Session.open(path, read_only=True) as session:
        assert from_snapshot(session)


def test_a_snapshot_others_may_write_is_never_loaded(path: Path) -> None:
    (found,) = snapshots()
    found.chmod(0o666)
    with Session.open(path, read_only=True) as session:
        assert not from_snapshot(session)


def test_an_unwritable_cache_never_stops_a_close(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    monkeypatch.setenv("CHAIRDESK_CACHE_DIR", str(blocker))
    session = Session.open(path)
    drafting.amend_paragraph(session, session.draft.live_paragraphs()[0].id, "Closed without a cache.")
    session.close()
    with Session.open(path, read_only=True) as again:
        assert again.draft.live_paragraphs()[0].text == "Closed without a cache."


def test_nothing_is_written_when_the_state_did_not_move(path: Path) -> None:
    (found,) = snapshots()
    stamp = found.stat().st_mtime_ns
    os.utime(found, ns=(stamp - 10**9, stamp - 10**9))
    with Session.open(path):
        pass
    assert found.stat().st_mtime_ns >= stamp - 10**9  # used (touched) but not rewritten: the same file
    assert snapshots() == [found]


def test_a_snapshot_without_the_baselines_and_credits_is_completed_once(
    recorded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command that asks for nothing (an export, a check) leaves a snapshot of the state alone. The window's
    next start makes the tabled draft and reads the credits, and its close keeps them, though no event came:
    the starts after it replay neither. A start that makes nothing new writes nothing."""
    copy = tmp_path / "meeting.chairdesk"
    shutil.copy(recorded, copy)
    with Session.open(copy):
        pass
    replays: list[int] = []
    state_at = Session.state_at
    monkeypatch.setattr(Session, "state_at", lambda self, seq: replays.append(seq) or state_at(self, seq))
    with Session.open(copy) as session:
        assert from_snapshot(session) and "authorship" not in session.derived
        warm(session)
        assert len(replays) == 1  # the tabled draft, replayed from the log
    (found,) = snapshots()
    made = found.stat().st_ino
    with Session.open(copy) as session:
        assert from_snapshot(session)
        assert session.derived["authorship"].seen == session.log.count  # the credits are read to the end
        warm(session)
        assert len(replays) == 1  # the tabled draft came with the snapshot
        assert_same_as_full_replay(session)
    assert [p.stat().st_ino for p in snapshots()] == [made]  # nothing new: not written again


def test_old_snapshots_are_pruned(path: Path) -> None:
    for n in range(snapshot.KEEP_PER_SESSION + 2):
        with Session.open(path) as session:
            drafting.amend_paragraph(session, session.draft.live_paragraphs()[0].id, f"Round {n}.")
    kept = snapshots()
    assert len(kept) == snapshot.KEEP_PER_SESSION
    with Session.open(path, read_only=True) as session:
        assert from_snapshot(session)
        assert session.log.count == max(int(p.name[:10]) for p in kept)


def test_the_lazy_log_reads_what_it_is_asked(path: Path) -> None:
    with Session.open(path, read_only=True) as session:
        log = session.log
        count = log.count
        assert not log.loaded
        first, last = log.first_event, log.last_event
        assert (
            log.hash_at(count // 2) is not None and log.hash_at(count + 1) is None and log.hash_at(0) is None
        )
        head = log.head(10)
        assert not log.loaded
        tail = log.events_after(count - 3)
        assert log._base == count - 3 and len(tail) == 3
        events = log.events
        assert log.loaded and len(events) == count
        assert (first, last) == (events[0], events[-1]) and tail == events[-3:] and head == events[:10]
        assert log.hash_at(count // 2) == events[count // 2 - 1].hash
        assert log.verify().ok


def test_the_cache_is_bounded_in_bytes(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (first,) = snapshots()
    monkeypatch.setattr(snapshot, "MAX_BYTES", first.stat().st_size + 1)
    with Session.create(tmp_path / "other.chairdesk", "Another meeting") as other:
        drafting.add_section(other, "Overview")
    (newest,) = snapshots()  # the other session's: the older one went to keep the cache within the bound
    assert newest != first and not first.exists()
    with Session.open(path, read_only=True) as session:
        assert not from_snapshot(session)


def test_a_replay_at_open_keeps_none_of_the_events_it_read(tmp_path: Path) -> None:
    """Without a snapshot every event is replayed, a chunk at a time, and the log keeps none of them (the
    50,000 events of a long day held 60 MB); what asks for them later reads them then, all of them."""
    path = build_sample_session(tmp_path / "recorded.chairdesk", "recorded")
    shutil.rmtree(snapshot.cache_dir(), ignore_errors=True)
    with Session.open(path, read_only=True) as session:
        assert not session.restored and not session.log.loaded
        assert session.state.seq == session.log.count > 50
        seen = [event.seq for event in session.log.stream(chunk=7)]
        assert seen == list(range(1, session.log.count + 1)) and not session.log.loaded
        assert canonical(session.state) == canonical(replay(session.events))
        assert session.log.loaded  # asked for: read whole


def test_the_pages_are_checked_unless_a_snapshot_vouches_for_the_file(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[Path] = []
    real = EventLog.check_pages

    def check_pages(log: EventLog) -> None:
        checked.append(log.path)
        real(log)

    monkeypatch.setattr(EventLog, "check_pages", check_pages)
    with Session.open(path) as session:  # the file as this computer closed it: its snapshot vouches for it
        assert from_snapshot(session) and not checked
    copy = path.with_name("copy.chairdesk")
    shutil.copy(path, copy)  # another file (another inode): every page is read and checked
    with Session.open(copy, read_only=True) as session:
        assert not from_snapshot(session) and checked == [copy]


def test_a_file_damaged_since_its_snapshot_is_refused_and_left_as_it_is(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + 64] = b"\xff" * 64  # a b-tree page's header overwritten: the size stays the same
    path.write_bytes(bytes(data))
    before = file_digest(path)
    with pytest.raises(CorruptSessionError, match="damaged"):
        Session.open(path)
    assert file_digest(path) == before
    assert not path.with_name(path.name + "-wal").exists() or not path.with_name(path.name + "-wal").stat().st_size
