"""One session is one file: the -wal is folded into the file on close and at idle moments (checkpoint)."""

from __future__ import annotations

import shutil
from pathlib import Path

from chairdesk.core import drafting
from chairdesk.core.log.errors import ChairdeskError
from chairdesk.core.log.session import Session


def _plain_copy(path: Path, target: Path) -> int:
    """Copy the .chairdesk file alone (as a file manager would) and count the events the copy holds."""
    shutil.copyfile(path, target)
    try:
        copy = Session.open(target)
    except ChairdeskError:
        return 0  # not even the tables reached the file yet
    with copy:
        assert copy.verify().ok
        return len(copy.events)


def test_a_checkpoint_makes_the_file_alone_the_whole_session(tmp_path: Path) -> None:
    path = tmp_path / "live.chairdesk"
    session = Session.create(path, "Checkpoint")
    try:
        section = drafting.add_section(session, "Overview").subject
        for n in range(40):
            drafting.insert_paragraph(session, section, f"Paragraph {n}.")
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # the events sit in the -wal until a checkpoint
        assert _plain_copy(path, tmp_path / "before.chairdesk") < len(session.events)
        session.checkpoint()
        assert _plain_copy(path, tmp_path / "after.chairdesk") == len(session.events)
    finally:
        session.close()


def test_closing_leaves_one_file(tmp_path: Path) -> None:
    path = tmp_path / "closed.chairdesk"
    with Session.create(path, "Close") as session:
        section = drafting.add_section(session, "Overview").subject
        drafting.insert_paragraph(session, section, "Paragraph.")
        count = len(session.events)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["closed.chairdesk"]
    assert _plain_copy(path, tmp_path / "copy.chairdesk") == count
