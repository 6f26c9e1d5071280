"""The three views of the floor's countdown (the large countdown, the floor band, the room's band) share one
drawing: the same words and digits in each state's colours, the suspended speaker on one line in the bands."""

from __future__ import annotations

import pytest

from chairdesk.gui.floor.band import BandCountdown, FloorBand
from chairdesk.gui.floor.countdown import COUNTDOWN_COLOURS, Countdown, CountdownView
from chairdesk.gui.projector.room_band import RoomBand

SUSPENDED = "● Blue — suspended by a point of order<br>resumes with 2:59 left"


@pytest.fixture
def views(qtbot) -> list[CountdownView]:  # noqa: ANN001
    made = [Countdown(), BandCountdown(), RoomBand(12)]
    for view in made:
        qtbot.addWidget(view)
        view.show()  # a hidden view draws its state only when shown (below)
    return made


def test_a_hidden_view_draws_the_last_state_when_shown(qtbot) -> None:  # noqa: ANN001
    view = RoomBand(12)
    qtbot.addWidget(view)
    view.show_state("overrun", "0:05", "● Blue", "OVER TIME by 5 s")
    view.show_state("normal", "1:00", "● Red", "of 3 min")  # nobody sees it: not styled yet
    assert view.state == "" and view.styleSheet() == ""
    view.show()
    assert view.state == "normal" and view.caption.text() == "● Red" and view.digits.text() == "1:00"
    background, _ = COUNTDOWN_COLOURS["normal"]
    assert f"QFrame#roomBand {{ background: {background}; }}" in view.styleSheet()


@pytest.mark.parametrize("state", ["normal", "warning", "overrun", "paused", "idle"])
def test_every_view_shows_the_same_words_in_the_states_colours(views: list[CountdownView], state: str) -> None:
    for view in views:
        view.show_state(state, "0:10", "● Blue", "10 s left — please conclude")
        assert (view.digits.text(), view.caption.text(), view.detail.text()) == (
            "0:10",
            "● Blue",
            "10 s left — please conclude",
        )
        assert view.state == state
    large, band, room = views
    background, foreground = COUNTDOWN_COLOURS[state]
    if state == "idle":  # the large countdown starts idle: its colours stay the style's own
        assert large.styleSheet() == ""
        assert "#000000" in room.styleSheet() and "#ffffff" in room.styleSheet()  # high contrast for the room
    else:
        assert f"QFrame#countdown {{ background: {background}; border-radius: 8px; }}" in large.styleSheet()
        assert "QLabel#suspendedSpeaker" in large.styleSheet()
        assert f"QFrame#roomBand {{ background: {background}; }}" in room.styleSheet()
    assert f"QFrame#floorBand {{ background: {background}; border-radius: 6px; }}" in band.styleSheet()
    assert f"QFrame#floorBand QLabel {{ color: {foreground}; background: transparent; }}" in band.styleSheet()
    assert band.toolTip() == "● Blue — 0:10 10 s left — please conclude"


def test_the_suspended_speaker_one_line_in_the_bands(views: list[CountdownView]) -> None:
    large, band, room = views
    for view in views:
        view.show_suspended(SUSPENDED)
        assert view.suspended.isVisibleTo(view)
    assert large.suspended.text() == SUSPENDED
    assert band.suspended.text() == room.suspended.text() == SUSPENDED.replace("<br>", " · ")
    for view in views:
        view.show_suspended("")
        assert not view.suspended.isVisibleTo(view)


def test_the_floor_band_grows_by_the_suspended_line(qtbot) -> None:  # noqa: ANN001
    dock = FloorBand()
    qtbot.addWidget(dock)
    dock.show()
    qtbot.waitExposed(dock)
    one_line = dock.height()
    dock.countdown.show_suspended(SUSPENDED)
    qtbot.waitUntil(lambda: dock.height() > one_line)
    assert dock.height() == dock.countdown.minimumSizeHint().height() + 4
