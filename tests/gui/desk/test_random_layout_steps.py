"""Random steps of a chair mixing zooms and new widths with changes and go-tos (issue 15, twelfth pass): after
each step's paint, and again once the event loop has measured the near rows, the rows on screen follow one
another, each at the height it was measured at for the width and text size now (none drawn over the next),
and the chair's row is where it was, or in sight after a go-to or a zoom."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.large_session import make_large_session
from chairdesk.core import drafting
from chairdesk.core.log.errors import RefusedError
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QApplication
from tests.gui.desk_support import rows_on_screen, show_desk

STEPS = ("zoom in", "zoom out", "narrower", "wider", "go to", "go to", "strike", "restore", "amend", "move", "scroll")


def _current_in_sight(win: MainWindow) -> bool:
    return win.draft_view._in_sight(win.draft_view.currentIndex())


def _check(win: MainWindow, label: str, current: bool) -> None:
    view, rows = win.draft_view, win.draft_model.rows.rows
    key = view.row_delegate.size_key()
    shown = rows_on_screen(win, every=10)
    assert shown, f"{label}: a white page"
    assert shown == list(range(shown[0], shown[-1] + 1)), f"{label}: rows missing on screen {shown}"
    for at in shown:
        row = rows[at]
        assert row.size is not None and row.size[1] == key, f"{label}: row {at} not measured at this size"
        assert view.rows.heights[at] == row.size[2].height(), f"{label}: row {at} over the next"
    assert not current or _current_in_sight(win), f"{label}: the chair's row out of sight"


def _step(win: MainWindow, rng: random.Random, kind: str) -> None:
    draft, run = win.session.draft, win.controller.run
    live = list(draft.numbering().paragraphs)
    if kind == "zoom in":
        win.commands.zoom_in()
    elif kind == "zoom out":
        win.commands.zoom_out()
    elif kind == "narrower":
        win.resize(max(1000, win.width() - rng.choice((40, 120, 200))), win.height())
    elif kind == "wider":
        win.resize(min(1500, win.width() + rng.choice((40, 120, 200))), win.height())
    elif kind == "go to":
        win.commands.go_to_paragraph(rng.randint(1, len(live)))
    elif kind == "strike":
        run(drafting.strike_paragraph, rng.choice(live))
    elif kind == "restore":
        struck = [pid for pid, para in draft.paragraphs.items() if para.struck]
        if struck:
            run(drafting.restore_paragraph, rng.choice(struck))
    elif kind == "amend":
        pid = rng.choice(live)
        run(drafting.amend_paragraph, pid, draft.paragraphs[pid].text + " More words." * rng.randint(1, 30))
    elif kind == "move":
        run(drafting.move_paragraph, rng.choice(live), rng.choice(draft.order), 0)
    else:
        bar = win.draft_view.verticalScrollBar()
        bar.setValue(rng.randint(0, bar.maximum()))


@pytest.mark.parametrize("seed", [1, 2])
def test_random_steps_leave_the_rows_on_screen_measured_and_in_place(qtbot, tmp_path: Path, seed: int) -> None:  # noqa: ANN001
    path = make_large_session(tmp_path / "long.chairdesk", paragraphs=300, events=600, seed=seed)
    win = show_desk(qtbot, path, size=(1280, 800))
    rng = random.Random(seed)
    for n in range(40):
        kind = rng.choice(STEPS)
        label = f"step {n}, {kind}"
        was_in_sight = _current_in_sight(win)
        try:
            _step(win, rng, kind)
        except RefusedError:
            continue
        keeps = kind != "scroll" and (was_in_sight or kind in ("go to", "zoom in", "zoom out"))
        QApplication.processEvents()  # the step's paint
        if kind != "scroll":
            _check(win, f"{label}, painted", keeps)
        for _ in range(rng.choice((1, 5, 300))):  # the near rows measured after the paint, a few at a time
            QApplication.processEvents()
        win.draft_view.viewport().repaint()
        _check(win, f"{label}, later", keeps)
