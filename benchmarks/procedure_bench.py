"""Benchmark the Model UN rules of procedure: one roll-call step and one motion voted and started (committed
events), and what the procedure component adds to replaying a session.

    python benchmarks/procedure_bench.py

Prints medians.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chairdesk.core.log.components import default_components  # noqa: E402
from chairdesk.core.log.session import Session  # noqa: E402
from chairdesk.core.log.state import SessionState  # noqa: E402
from chairdesk.core.procedure import (  # noqa: E402
    MODERATED,
    end_caucus,
    move_motion,
    next_caucus_speaker,
    put_motion_to_vote,
    request_caucus_floor,
    roll_call,
)
from chairdesk.core.procedure.events import ProcedureComponent  # noqa: E402
from chairdesk.sample import build_sample_session  # noqa: E402


def median(action: Callable[[], object], repeat: int) -> float:
    """Median wall-clock seconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    """Build the Model UN sample, run a committee's worth of procedure, print the medians."""
    folder = Path(tempfile.mkdtemp(prefix="chairdesk-procedure-"))
    session = Session.open(build_sample_session(folder / "mun.chairdesk", "mun"))
    codes = session.state.roster.codes()
    statuses = iter(["present", "present and voting"] * 400)
    roll = median(lambda: roll_call(session, codes[0], next(statuses)), 50)
    for code in codes[1:]:
        roll_call(session, code, "present")

    def caucus_round() -> None:
        move_motion(session, MODERATED, "IND", topic="Hospitals", total_seconds=600, speaking_seconds=45)
        put_motion_to_vote(session, None, 8, 2)  # records the vote and starts the caucus
        request_caucus_floor(session, "BRA")
        next_caucus_speaker(session)
        end_caucus(session)

    rounds = median(caucus_round, 30)
    events = list(session.events)
    session.close()

    working_group = Session.open(build_sample_session(folder / "oewg.chairdesk", "oewg"))
    plain = list(working_group.events)
    working_group.close()

    def replay(log: list, with_procedure: bool) -> None:
        components = [
            c for c in default_components() if with_procedure or not isinstance(c, ProcedureComponent)
        ]
        state = SessionState(components)
        for event in log:
            state.apply(event)

    mun = median(lambda: replay(events, True), 30)
    with_it = median(lambda: replay(plain, True), 30)
    without = median(lambda: replay(plain, False), 30)
    print(f"roll call, one delegation (committed):             median {roll * 1000:.2f} ms")
    print(f"motion moved, voted, caucus run (7 events):        median {rounds * 1000:.1f} ms")
    print(f"replay the Model UN session ({len(events)} events):         median {mun * 1000:.2f} ms")
    print(
        f"replay the working group sample ({len(plain)} events), with / without the procedure component: "
        f"median {with_it * 1000:.2f} / {without * 1000:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
