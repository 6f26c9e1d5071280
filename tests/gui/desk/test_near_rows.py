"""Opening a session measures only the first screens of the draft; the other near rows come after the first
paint, without moving the row the chair reads (issue 15: the cold start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.session import Session
from chairdesk.gui.desk.near_rows import NEAR_ROWS, NearRows
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QApplication, QEvent
from chairdesk.gui.settings import DeskSettings
from tests.gui.desk_support import show_desk


@pytest.fixture
def long_path(tmp_path: Path) -> Path:
    """A 200-paragraph draft, amended here and there, with proposals on some paragraphs."""
    path = tmp_path / "long.chairdesk"
    with Session.create(path, "A long session") as session:
        sections = [drafting.add_section(session, f"Section {i + 1}").subject for i in range(4)]
        ids = []
        for i in range(200):
            words = f"Paragraph {i + 1} of the long draft, with words enough to wrap onto a second line " * (
                1 + i % 3
            )
            ids.append(drafting.insert_paragraph(session, sections[i // 50], words.strip()).subject)
        drafting.mark_baseline(session, "Tabled draft")
        for pid in ids[::7]:
            drafting.amend_paragraph(
                session, pid, session.draft.paragraphs[pid].text + " Amended at the table."
            )
    return path


def measured(win: MainWindow) -> set[int]:
    """The rows whose rich text was made (drawn or measured)."""
    return {i for i, row in enumerate(win.draft_model.rows.rows) if row.html is not None}


def laid_out(win: MainWindow) -> bool:
    """Every row of the draft view has its place."""
    view, model = win.draft_view, win.draft_model
    return view.visualRect(model.index(model.rowCount() - 1)).isValid()


def test_the_start_measures_the_visible_rows_before_the_show_and_the_near_rows_after(
    qtbot,
    long_path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    fills = []
    monkeypatch.setattr(NearRows, "painted", lambda self: fills.append(self))  # the fill is run by hand here
    win = MainWindow(None, DeskSettings.load(), docks=[])
    qtbot.addWidget(win)
    assert win.open_session(long_path)
    assert measured(win) == set()  # nothing rendered before the window has its size on screen
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.draft_view.viewport().repaint()
    assert laid_out(win)  # the first paint lays every row out at once (in batches, it would draw none yet)
    qtbot.waitUntil(lambda: laid_out(win) and bool(fills), timeout=5000)
    view = win.draft_view
    current = view.currentIndex().row()
    first = measured(win)
    shown = {
        i
        for i in range(win.draft_model.rowCount())
        if view.viewport().rect().intersects(view.visualRect(win.draft_model.index(i)))
    }
    assert shown and shown <= first  # what is on screen is measured...
    assert len(first) < NEAR_ROWS // 2  # ...and little more: a screen either way, not 60 rows
    assert view.near.filling
    while view.near.filling:
        view.near.fill_step()
    near = set(range(max(0, current - NEAR_ROWS), min(win.draft_model.rowCount(), current + NEAR_ROWS + 1)))
    assert near <= measured(win)  # the near rows are measured, never estimated, once the fill is done
    assert not measured(win) - near - first  # the far rows are not: their word diffs are not computed
    assert view.near.steps >= 1


def test_the_fill_runs_by_itself_after_the_first_paint(qtbot, long_path: Path) -> None:  # noqa: ANN001
    win = MainWindow(None, DeskSettings.load(), docks=[])
    qtbot.addWidget(win)
    assert win.open_session(long_path)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.draft_view.near.filling, timeout=10000)
    assert len(measured(win)) >= NEAR_ROWS
    assert win.draft_view.near.exact(win.draft_view.currentIndex().row() + NEAR_ROWS)


def test_the_current_row_stays_put_on_screen_when_rows_above_it_are_measured(
    qtbot,
    long_path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    monkeypatch.setattr(NearRows, "painted", lambda self: None)  # the fill is run by hand here
    win = MainWindow(None, DeskSettings.load(), docks=[])
    qtbot.addWidget(win)
    assert win.open_session(long_path)
    view, model = win.draft_view, win.draft_model
    win.select_row(model.row_of_paragraph(win.session.draft.paragraph_by_number(120).id))  # read mid-draft
    kept_in_sight = []  # the window's own scroll to the current row, once the columns are fitted after the show
    keep = win._keep_current_in_sight
    win._keep_current_in_sight = lambda: (keep(), kept_in_sight.append(True))
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: laid_out(win) and bool(kept_in_sight), timeout=10000)
    assert view.viewport().rect().contains(view.visualRect(view.currentIndex()).topLeft())
    bar = view.verticalScrollBar()
    top, content = (
        view.visualRect(view.currentIndex()).top(),
        view.visualRect(view.currentIndex()).top() + bar.value(),
    )
    assert not measured(win) & set(
        range(view.currentIndex().row() - NEAR_ROWS, view.currentIndex().row() - 8)
    )
    while view.near.filling:
        view.near.fill_step()
    qtbot.waitUntil(lambda: laid_out(win), timeout=5000)
    now = view.visualRect(view.currentIndex())
    assert (
        now.top() + bar.value() != content
    )  # the rows above changed height: the row moved in the document...
    assert now.top() == top  # ...and stayed where it was on screen


def test_a_row_made_current_far_away_measures_a_screen_at_once_and_its_other_near_rows_after(
    qtbot,
    long_path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    # Measuring all 120 near rows of a row far down in the relayout after a jump took turns of 0.1-0.2 s on a
    # 2,000-paragraph draft (issue 15, seventh pass): the keys waited that long.
    win = show_desk(qtbot, long_path, size=(1200, 800))
    view, model = win.draft_view, win.draft_model
    qtbot.waitUntil(lambda: not view.near.filling and laid_out(win), timeout=10000)
    before = measured(win)
    fills = []
    monkeypatch.setattr(NearRows, "painted", lambda self: fills.append(self))  # the fill is run by hand here
    assert win.commands.go_to_paragraph(190)
    assert view.near.filling  # its near rows were never drawn: a screen either side now, the others later
    qtbot.waitUntil(
        lambda: laid_out(win) and view._in_sight(view.currentIndex()) and bool(fills), timeout=5000
    )
    current = view.currentIndex().row()  # drawn, and the fill asked for
    at_once = measured(win) - before
    assert current in at_once and len(at_once) < NEAR_ROWS // 2
    while view.near.filling:
        view.near.fill_step()
    near = set(range(current - NEAR_ROWS, min(model.rowCount(), current + NEAR_ROWS + 1)))
    assert near <= measured(win)
    qtbot.waitUntil(lambda: laid_out(win), timeout=5000)
    assert view._in_sight(view.currentIndex())
    win.commands.go_to_paragraph(185)  # near rows measured already: nothing left for later
    assert not view.near.filling


def test_a_view_deleted_before_its_fill_ends_takes_the_fill_with_it(
    qtbot,
    long_path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    from shiboken6 import isValid

    from chairdesk.gui.desk import near_rows
    from chairdesk.gui.desk.draft_model import DraftModel
    from chairdesk.gui.desk.draft_view import DraftView

    monkeypatch.setattr(near_rows, "FILL_STEP_MS", 0.001)  # a row or two a turn, as on a slow machine

    with Session.open(long_path) as session:
        view = DraftView(credits_later=True)
        model = DraftModel(session)
        view.setModel(model)
        view.resize(1000, 700)
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: view.near.steps >= 1, timeout=10000)  # painted: the fill is under way
        assert view.near.filling  # its next step queued
        view.deleteLater()  # gone before the fill ends (a slow machine, a window let go)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not isValid(view)
        QApplication.processEvents()  # the turn the step was queued for: no step runs on the deleted view


def test_qt_names_are_made_on_first_use_and_work() -> None:
    code = (
        "import chairdesk.cli, chairdesk.gui.app, chairdesk.gui.qt as qt\n"
        "from PySide6 import QtWidgets\n"
        "assert 'QTreeWidget' not in vars(qt), 'made at the start'\n"
        "from chairdesk.gui.qt import QTreeWidget\n"
        "assert QTreeWidget is QtWidgets.QTreeWidget and 'QTreeWidget' in vars(qt)\n"
        "try:\n    from chairdesk.gui.qt import QNoSuchThing\nexcept ImportError:\n    print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_credits_are_read_after_the_first_paint(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from chairdesk.gui.desk import draft_model
    from chairdesk.sample import build_sample_session

    monkeypatch.setattr(NearRows, "painted", lambda self: None)  # the fill is run by hand here
    reads = []
    real = draft_model.change_authors
    monkeypatch.setattr(draft_model, "change_authors", lambda *a, **k: reads.append(a[1]) or real(*a, **k))
    win = MainWindow(None, DeskSettings.load(), docks=[])
    qtbot.addWidget(win)
    assert win.open_session(build_sample_session(tmp_path / "recorded.chairdesk", "recorded"))
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: laid_out(win), timeout=5000)
    model = win.draft_model
    three = next(i for i, r in enumerate(model.rows.rows) if r.kind == "paragraph" and r.number == "3")
    assert "changed by …" in model.rows.html(three)  # the line the names take, before the first paint
    assert reads == []  # the credit index is not read before the first paint
    while win.draft_view.near.filling:
        win.draft_view.near.fill_step()
    assert reads
    assert "changed by Team Blue, Team Yellow, Team Orange and Team Green" in model.rows.html(three)
    assert "changed by …" not in "".join(
        model.rows.html(i) for i in range(model.rowCount()) if model.rows.rows[i].html
    )


DEFERRED = """
import json, sys
from pathlib import Path
from chairdesk.gui.app import default_docks, make_application, open_window
from chairdesk.gui.settings import DeskSettings
app = make_application()
window = open_window(Path(sys.argv[1]), DeskSettings.load(), default_docks())
window.show()
app.processEvents()
before = "chairdesk.gui.adoption.dialogs" in sys.modules
dock = next(d for d in window.side_docks.docks if type(d).__name__ == "AdoptionDock")
from chairdesk.gui.qt import QTimer
QTimer.singleShot(200, lambda: app.activeModalWidget() and app.activeModalWidget().reject())
shown = dock.reopen_report()  # the first use loads the dialog's module; the dialog opens (and is cancelled)
print(json.dumps({"before": before, "after": "chairdesk.gui.adoption.dialogs" in sys.modules, "shown": shown}))
window.close()
"""


def test_the_adoption_dialogs_load_at_their_first_use_not_at_the_start(tmp_path: Path) -> None:
    import json
    import os

    from chairdesk.sample import build_sample_session

    path = build_sample_session(tmp_path / "sample.chairdesk")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CHAIRDESK_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run(
        [sys.executable, "-c", DEFERRED, str(path)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"before": False, "after": True, "shown": False}
