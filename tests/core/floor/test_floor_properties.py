"""Property test over random sequences of the chair's floor moves, points of order included."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chairdesk.core import floor as ops
from chairdesk.core.floor.model import POINT_OF_ORDER, SPEAKER
from chairdesk.core.log.errors import RefusedError
from chairdesk.core.log.session import replay
from tests.floor_support import ROSTER, START, FakeClock, floor_session
from tests.hypothesis_support import StepCount, examples

CODES = [d.code for d in ROSTER]
MOVES = st.tuples(
    st.sampled_from(
        ["request", "point", "next", "hear", "end", "pause", "give", "give_point", "end_item", "withdraw",
         "point_heard"]
    ),
    st.integers(0, len(CODES) - 1),
    st.integers(0, 90),
)


class Stopwatch:
    """An oracle apart from the model: each intervention's speaking time, counted tick by tick.

    Before the clock moves, whoever holds the floor with a running timer is charged the seconds; every
    intervention's elapsed time in the model must then equal what the stopwatch counted for it.
    """

    def __init__(self, session, clock: FakeClock) -> None:  # noqa: ANN001
        self.session, self.clock = session, clock
        self.counted: dict[int, float] = {}  # by intervention (the state's objects live as long as the run)

    def advance(self, seconds: int) -> None:
        current = self.session.state.floor.current
        if current is not None and not current.paused and not current.suspended:
            self.counted[id(current)] = self.counted.get(id(current), 0.0) + seconds
        self.clock.tick(seconds)

    def check(self) -> None:
        now = self.clock()
        for i in self.session.state.floor.all_interventions():
            assert abs(i.elapsed_seconds(now) - self.counted.get(id(i), 0.0)) < 1e-6, i


def play(session, move: str, who: str, watch: Stopwatch) -> None:  # noqa: ANN001
    floor = session.state.floor
    if move == "request":
        ops.request_floor(session, who)
    elif move == "point":
        ops.request_floor(session, who, POINT_OF_ORDER)
    elif move == "next":
        ops.next_speaker(session)
    elif move == "hear":
        ops.hear_point_of_order(session)
    elif move == "point_heard":  # a whole point of order at once, so that one speech meets several of them
        ops.request_floor(session, who, POINT_OF_ORDER)
        ops.hear_point_of_order(session)
        watch.advance(7)
        ops.end_intervention(session)
    elif move == "end":
        ops.end_intervention(session)
    elif move == "pause":
        paused = floor.current is not None and floor.current.paused
        (ops.resume_timer if paused else ops.pause_timer)(session)
    elif move == "give":
        ops.give_floor(session, who, SPEAKER)
    elif move == "give_point":
        ops.give_floor(session, who, POINT_OF_ORDER)
    elif move == "end_item":
        ops.end_item(session)
    elif move == "withdraw" and floor.queue:
        ops.withdraw_request(session, floor.queue[0].id)


def test_one_clock_runs_at_a_time_and_replay_gives_the_same_floor() -> None:
    """Random floor moves keep one clock at a time and replay to the same floor; most moves are taken."""
    count = StepCount()
    run = settings(max_examples=examples(60, 400), deadline=None, suppress_health_check=[HealthCheck.too_slow])(
        given(st.lists(MOVES, min_size=1, max_size=30))(lambda moves: one_run(moves, count))
    )
    run()
    count.check()


def one_run(moves: list[tuple[str, int, int]], count: StepCount) -> None:
    """One random sequence of moves, checked after every move."""
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        session = floor_session(Path(folder), clock)
        watch = Stopwatch(session, clock)
        for move, index, seconds in moves:
            watch.advance(seconds)
            count.tried += 1
            try:
                play(session, move, CODES[index], watch)
            except RefusedError:
                count.refused += 1
            floor = session.state.floor
            if floor.suspended is not None:  # only a point of order being heard holds a speaker suspended
                assert floor.current is not None and floor.current.kind == POINT_OF_ORDER
                assert floor.suspended.suspended and floor.current.suspends == floor.suspended.delegation
            spoken = sum(i.elapsed_seconds(clock()) for i in floor.all_interventions())
            assert spoken <= (clock() - START).total_seconds() + 1e-6  # never two clocks at once
            assert all(i.end_ts is not None for i in floor.interventions)
            watch.check()
        assert replay(session.events).floor == session.state.floor
        for event in session.events:  # every event has its sentence for the record
            assert session.state_at(event.seq - 1).describe(event)
        session.close()
