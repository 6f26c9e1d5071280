"""Replaying the recorded sample in the window: the desk's credit lines as they stood at each moment."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from chairdesk.sample import build_sample_session


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_session(tmp_path_factory.mktemp("sample") / "recorded.chairdesk", "recorded")


def test_the_replay_window_credits_only_the_changes_made_by_that_moment(qtbot, recorded: Path) -> None:  # noqa: ANN001
    from chairdesk.gui.replay.window import ReplayWindow

    window = ReplayWindow(recorded)
    qtbot.addWidget(window)
    replay = window.replay

    def row_three() -> str:
        model = window.draft_model
        index = next(i for i, r in enumerate(model.rows.rows) if r.kind == "paragraph" and r.number == "3")
        return model.rows.html(index)

    window.go_to(replay.seq_at(datetime(2026, 11, 24, 10, 9, tzinfo=UTC)))  # after Yellow, before Orange
    window._catch_up_draft()
    assert "changed by Team Blue and Team Yellow<" in row_three()
    assert "Accept: Ctrl+Shift+A" not in "".join(
        window.draft_model.rows.html(i) for i in range(len(window.draft_model.rows.rows))
    )  # no chair's keys offered in a read-only replay
    window.go_to(len(replay))
    window._catch_up_draft()
    assert "changed by Team Blue, Team Yellow, Team Orange and Team Green<" in row_three()
    window.go_to(replay.seq_at(datetime(2026, 11, 24, 10, 9, tzinfo=UTC)))  # and back again
    window._catch_up_draft()
    assert "changed by Team Blue and Team Yellow<" in row_three()
