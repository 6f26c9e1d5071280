"""The speakers' list follows each floor change row by row: requests that come or go are inserted or removed,
the others keep their rows (and the chair's selection), and the rows always read as the list stands."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtTest import QAbstractItemModelTester

from chairdesk.core.draft.compare import shared_ends
from chairdesk.core.floor import operations as floor
from chairdesk.core.floor.model import POINT_OF_ORDER
from chairdesk.core.log.errors import ChairdeskError
from chairdesk.gui.floor.model import REQUEST_ID_ROLE, SpeakersListModel
from chairdesk.gui.qt import QListView
from tests.floor_support import ROSTER, FakeClock, floor_session


def test_shared_ends() -> None:
    assert shared_ends(list("abcd"), list("abcd")) == (4, 0)
    assert shared_ends(list("abcd"), list("bcd")) == (0, 3)  # the head went: one row removed at 0
    assert shared_ends(list("abcd"), list("abxcd")) == (2, 2)  # one row inserted at 2
    assert shared_ends(list("abcd"), list("adcb")) == (1, 0)  # a reorder: the rows after a, again
    assert shared_ends([], list("ab")) == (0, 0)
    assert shared_ends(list("aa"), list("a")) == (1, 0)  # never counts an item twice


def test_rows_follow_random_floor_steps_without_a_reset(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    clock = FakeClock()
    session = floor_session(tmp_path, clock)
    model = SpeakersListModel(lambda: session.state, clock)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    resets, inserted, removed, moved = [], [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.rowsMoved.connect(lambda *_: moved.append(1))
    rng = random.Random(3)
    codes = [d.code for d in ROSTER]
    for _ in range(80):
        queue = [r.id for r in session.state.floor.queue]
        steps = [
            lambda: floor.request_floor(session, rng.choice(codes)),
            lambda: floor.request_floor(session, rng.choice(codes)),
            lambda: floor.request_floor(session, rng.choice(codes), kind=POINT_OF_ORDER),
            lambda: floor.next_speaker(session),
            lambda q=queue: floor.withdraw_request(session, rng.choice(q)),
            lambda q=queue: floor.move_request(session, rng.choice(q), rng.randrange(len(q))),
            lambda: floor.end_intervention(session),
        ]
        selected = None
        if queue:
            row = rng.randrange(len(queue))
            view.setCurrentIndex(model.index(row))
            selected = queue[row]
        clock.tick(5)
        try:
            rng.choice(steps)()
        except (ChairdeskError, IndexError, ValueError):
            continue
        model.refresh()
        now = [r.id for r in session.state.floor.queue]
        assert [model.index(r).data(REQUEST_ID_ROLE) for r in range(model.rowCount())] == now
        assert [model.text(r).split(". ", 1)[0] for r in range(model.rowCount())] == [
            str(n) for n in range(1, len(now) + 1)
        ]
        if selected in now:  # the chair's pick stays on the same request, wherever its row went
            assert view.currentIndex().data(REQUEST_ID_ROLE) == selected, (queue, now, session.events[-1].kind)
    assert not resets
    assert inserted and removed and moved
    session.close()
