"""The window's start from a snapshot (core/log/snapshot.py) reads none of the log's events, and shows the same."""

from __future__ import annotations

import shutil
from pathlib import Path

from chairdesk.core import drafting
from chairdesk.core.log import snapshot
from chairdesk.gui.app import open_window
from chairdesk.gui.desk.credits_later import LATER
from chairdesk.gui.settings import DeskSettings
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import settle_start


def _start(qtbot, path: Path):  # noqa: ANN001, ANN202
    """The window as `chairdesk FILE` opens it (both side panels), shown."""
    window = open_window(path, DeskSettings.load())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _shown(window) -> list[str]:  # noqa: ANN001
    """What the draft view shows, row by row (its text with changes and credits), and the status bar.

    The credits are read a part at a time after the first paint (credits_later.py): finish that first.
    """
    settle_start(window)
    model = window.draft_model
    rows = [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]
    assert not any("changed by " + LATER in row for row in rows)
    return [*rows, window.status.save_label.text()]


def test_the_start_from_a_snapshot_reads_no_event_and_shows_the_same(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = build_sample_session(tmp_path / "recorded.chairdesk", "recorded")
    shutil.rmtree(snapshot.cache_dir(), ignore_errors=True)  # the build's own close kept one: not this time
    first = _start(qtbot, path)
    assert not first.session.restored  # no snapshot yet: every event was replayed
    paragraph = first.session.draft.live_paragraphs()[0]
    drafting.amend_paragraph(first.session, paragraph.id, "Reworded by the chair.", actor="BLU")
    shown = _shown(first)
    first.close()  # the session closes: its snapshot is written
    assert list(snapshot.cache_dir().rglob("*" + snapshot.SUFFIX))

    again = _start(qtbot, path)
    assert again.session is not None and again.session.path == path and again.session.restored
    assert not again.session.log.loaded  # the start, first paint and credits read no event of the log
    assert _shown(again) == shown
    again.close()

    copy = tmp_path / "copy.chairdesk"  # a copy is another file: it is replayed, and shows the same
    shutil.copy(path, copy)
    third = _start(qtbot, copy)
    assert not third.session.restored
    assert _shown(third)[:-1] == shown[:-1]
    third.close()
