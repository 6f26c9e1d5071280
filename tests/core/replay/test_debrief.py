"""Debrief figures on the recorded session (one event a minute, so every figure can be worked out by hand)."""

from __future__ import annotations

import pytest

from chairdesk.core.floor.figures import speaker_figures
from chairdesk.core.log.session import Session
from chairdesk.core.replay.operations import Replay
from tests.replay_support import record_full_session


@pytest.fixture(scope="module")
def replay(tmp_path_factory: pytest.TempPathFactory) -> Replay:
    path, _ = record_full_session(tmp_path_factory.mktemp("debrief") / "recorded.chairdesk")
    session = Session.open(path, read_only=True)
    yield Replay(session)
    session.close()


def test_time_per_section(replay: Replay) -> None:
    times = {t.label: (t.seconds, t.periods) for t in replay.debrief.sections}
    # A: taken up, adopted a minute later. B: taken up, an objection, adopted two minutes later.
    # C: a minute the first time; reopened, taken up again and adopted by a vote a minute later.
    assert times == {"A": (60.0, 1), "B": (120.0, 1), "C": (120.0, 2)}
    assert [t.title for t in replay.debrief.sections][1] == "Confidence-building measures and cooperation"


def test_speaking_time_over_time_adds_up_to_the_figures(replay: Replay) -> None:
    series = replay.debrief.speaking
    figures = speaker_figures(replay.session.state)
    by_name = {d.name: d.speaking_seconds for d in figures.delegations if d.interventions}
    assert {name: sum(values) for name, values in series.delegations.items()} == pytest.approx(by_name)
    assert len(series.starts) == 12 and series.starts[0] == replay.start
    assert set(series.groups) == {"government", "civil society"}
    assert sum(sum(v) for v in series.groups.values()) == pytest.approx(sum(by_name.values()))
    assert sum(series.delegations["Blue"]) == 180.0  # 09:19 to 09:23, one minute paused


def test_the_moments_the_text_changed_most(replay: Replay) -> None:
    moments = replay.debrief.moments
    assert moments and moments == sorted(moments, key=lambda m: (-m.words, m.first_seq))
    first = moments[0]
    # 09:05-09:10: four paragraphs inserted (8 + 8 + 13 + 9 words, sub-paragraphs with their letters).
    assert (first.start.strftime("%H:%M"), first.words, first.events) == ("09:05", 38, 4)
    later = next(m for m in moments if m.start.strftime("%H:%M") == "09:30")
    # The proposal accepted (3 words out, 5 in), paragraph 4 struck (9), brackets removed in (b) (2 words);
    # the move at 09:34 changed no words. Paragraph 4 is struck, so only two numbers are left to show.
    assert (later.words, later.events, len(later.paragraphs)) == (19, 3, 2)
