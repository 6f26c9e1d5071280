"""The desk folds the -wal into the session file after an idle moment, so a plain copy is the whole session."""

from __future__ import annotations

import shutil
from pathlib import Path

from chairdesk.core import drafting
from chairdesk.core.log.session import Session
from chairdesk.gui.controller import SessionController


def _events_in_plain_copy(path: Path, target: Path) -> int:
    shutil.copyfile(path, target)
    with Session.open(target) as copy:
        assert copy.verify().ok
        return len(copy.events)


def test_the_desk_checkpoints_after_an_idle_moment(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "desk.chairdesk"
    session = Session.create(path, "Idle")
    session.checkpoint()
    controller = SessionController(session)
    controller.idle_checkpoint.setInterval(50)
    try:
        section = controller.run(drafting.add_section, "Overview").subject
        for n in range(10):
            controller.run(drafting.insert_paragraph, section, f"Paragraph {n}.")
        assert controller.idle_checkpoint.isActive()
        qtbot.waitUntil(lambda: not controller.idle_checkpoint.isActive(), timeout=5000)
        assert _events_in_plain_copy(path, tmp_path / "copy.chairdesk") == len(session.events)
    finally:
        controller.detach()
        session.close()
