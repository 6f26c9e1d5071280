"""Under Model UN rules the room sees the motions waiting for a vote and the caucus under way on the band."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from chairdesk.core.floor.operations import request_floor
from chairdesk.core.procedure.model import MODERATED, SUSPEND, UNMODERATED
from chairdesk.core.procedure.operations import (
    end_caucus,
    move_motion,
    put_motion_to_vote,
    request_caucus_floor,
    start_caucus,
)
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.projector.window import ProjectorWindow
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import show_desk


@pytest.fixture
def mun_window(qtbot, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    return show_desk(qtbot, build_sample_session(tmp_path / "mun.chairdesk", "mun"))


def projector_of(window: MainWindow) -> ProjectorWindow:
    window.projector.actions["show"].trigger()
    return window.projector.projector


def band_text(projector: ProjectorWindow) -> str:
    """The line above the band (shown or not) and the band's column of who is next."""
    band = projector.band
    line = band.procedure_label.text() if band.procedure_label.isVisibleTo(projector) else ""
    return f"{line}\n{band.next_label.text()}"


def local_end(start: str, seconds: int) -> str:
    return f"{(datetime.fromisoformat(start) + timedelta(seconds=seconds)).astimezone():%H:%M}"


def test_motions_waiting_come_first_in_the_chairs_order(mun_window: MainWindow) -> None:
    window = mun_window
    projector = projector_of(window)
    window.controller.run(request_floor, "FRA")
    assert "Motions" not in band_text(projector)
    window.controller.run(
        move_motion, MODERATED, "BRA", topic="Norms", total_seconds=600, speaking_seconds=45
    )
    window.controller.run(move_motion, SUSPEND, "EGY", seconds=900)
    text = band_text(projector)
    assert "<b>Motions waiting for a vote:</b>" in text
    suspend, caucus = (
        text.index("Egypt: motion to suspend the meeting for 15 min"),
        text.index("Brazil: motion"),
    )
    assert suspend < caucus  # the most disruptive motion first, as the chair will put them
    assert "for a moderated caucus on 'Norms' (10 min, 45 s per speaker)" in text
    assert text.index("<b>Next</b>") > caucus and "France" in text  # the speakers still follow
    window.controller.run(put_motion_to_vote, None, 3, 6)  # suspension fails
    assert "Egypt" not in band_text(projector) and "Brazil: motion" in band_text(projector)


def test_a_moderated_caucus_shows_its_topic_end_and_own_list(mun_window: MainWindow) -> None:
    window = mun_window
    projector = projector_of(window)
    window.controller.run(request_floor, "FRA")
    window.controller.run(
        move_motion, MODERATED, "BRA", topic="Norms", total_seconds=600, speaking_seconds=45
    )
    window.controller.run(put_motion_to_vote, None, 7, 2)
    if window.session.state.procedure.caucus is None:
        window.controller.run(start_caucus)
    caucus = window.session.state.procedure.caucus
    window.controller.run(request_caucus_floor, "JPN")
    text = band_text(projector)
    ends = local_end(caucus.start_ts, 600)
    assert f"<b>Moderated caucus on \u2018Norms\u2019 until {ends}, 45 s per speaker</b>" in text
    assert "1. " in text and "Japan" in text
    assert "France" not in text and "<b>Next</b>" not in text  # the general list waits for the caucus's end
    window.controller.run(end_caucus)
    assert "caucus" not in band_text(projector) and "France" in band_text(projector)


def test_an_unmoderated_caucus_and_un_rules(mun_window: MainWindow) -> None:
    window = mun_window
    projector = projector_of(window)
    window.controller.run(move_motion, UNMODERATED, "EGY", seconds=1200)
    window.controller.run(put_motion_to_vote, None, 6, 1)
    if window.session.state.procedure.caucus is None:
        window.controller.run(start_caucus)
    start = window.session.state.procedure.caucus.start_ts
    assert band_text(projector) == f"<b>Unmoderated caucus until {local_end(start, 1200)}</b>\n"
    assert "Unmoderated caucus" in projector.plain_text()
