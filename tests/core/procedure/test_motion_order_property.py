"""Property: whatever motions are moved, the chair's order puts them to the vote most disruptive first, and a
session reopened from its file has the same procedure state."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from chairdesk.core.log.session import Session
from chairdesk.core.procedure import (
    ADJOURN,
    CLOSE_DEBATE,
    MODERATED,
    MOTION_KINDS,
    SPEAKING_TIME,
    SUSPEND,
    UNMODERATED,
    move_motion,
    put_motion_to_vote,
    set_rules,
)
from tests.floor_support import ROSTER, FakeClock, floor_session

MOTION = st.one_of(
    st.tuples(st.just(MODERATED), st.integers(1, 30), st.integers(10, 60)),
    st.tuples(st.just(UNMODERATED), st.integers(1, 30), st.just(0)),
    st.tuples(st.just(SUSPEND), st.integers(0, 30), st.just(0)),
    st.tuples(st.sampled_from([ADJOURN, CLOSE_DEBATE]), st.just(0), st.just(0)),
    st.tuples(st.just(SPEAKING_TIME), st.integers(1, 5), st.just(0)),
)


def _params(kind: str, minutes: int, speaking: int) -> dict[str, object]:
    if kind == MODERATED:
        return {"topic": "t", "total_seconds": minutes * 60, "speaking_seconds": speaking}
    if kind in (UNMODERATED, SUSPEND):
        return {"seconds": minutes * 60}
    if kind == SPEAKING_TIME:
        return {"seconds": minutes * 30}
    return {}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(MOTION, st.sampled_from([d.code for d in ROSTER])), min_size=1, max_size=8))
def test_failed_votes_follow_the_order_of_disruptiveness(motions: list) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = floor_session(Path(folder), FakeClock())
        set_rules(session, "mun")
        moved = []
        for index, ((kind, minutes, speaking), code) in enumerate(motions):
            move_motion(session, kind, code, **_params(kind, minutes, speaking))
            length = minutes * 60 if kind != SPEAKING_TIME else minutes * 30
            moved.append((MOTION_KINDS.index(kind), -length, index))  # the longer first, then the first moved
        voted = []
        while session.state.procedure.motions:
            motion_id = session.state.procedure.ordered_motions()[0].id
            put_motion_to_vote(session, None, 0, 1)  # every motion fails, so each one is voted on
            voted.append(int(motion_id[1:]) - 1)
        expected = [m[2] for m in sorted(moved)]
        assert voted == expected
        before = session.state.procedure
        path = session.path
        session.close()
        with Session.open(path) as again:
            after = again.state.procedure
            assert [(v.motion.id, v.yes, v.no, v.carried) for v in after.votes] == [
                (v.motion.id, v.yes, v.no, v.carried) for v in before.votes
            ]
            assert after.motions == [] and after.motions_moved == len(motions)
