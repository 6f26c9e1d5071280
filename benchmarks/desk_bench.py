"""Benchmark the chair's actions in the real window (draft, outline, floor and adoption panels) on a large session.

    python benchmarks/desk_bench.py [--paragraphs 2000] [--events N] [--reps 7] [--starts 3] [--session FILE]

Builds a session with benchmarks/large_session.py (2,000 paragraphs and 20,000 events by default; with
--paragraphs 10000, 50,000 events), gives it a roster and a speakers' list, opens it in MainWindow with the
default docks (gui/app.py default_docks) and times, from the call to the window painted (the turn of the
event loop after it, `_timed`): amend, adopt a section, next speaker, strike, restore, move a paragraph to
another section, a character typed in the editor in the first second after opening, a zoom in and back out
(every row laid out at another text size), and the window made narrower and wider again (at another width). Each is reported as median and p90 in ms; after each, the event loop is turned until the window is idle (the draft view has laid
every row out again, a change's relayout going on in batches between events, and a turn delivered no event),
reported as that time and the longest single turn, and the next action starts from a window at rest, as a
chair's actions are seconds apart. An action after which the draft showed no row (a white page: a view laying
its rows out in batches draws none until the last batch) is reported as such beside its time. The paragraphs
struck, restored and moved first are near the top of the draft, where large_session.py moved paragraphs to:
the sections they stood in when tabled are not those they stand in.
The same three are then timed on paragraphs that stand in the section they were tabled in (the comparison
marks that section's moves again: the costlier case), and a go-to, an amend, a strike and a restore in the
middle of the draft (each change lays out again the rows above the screen before the paint). Then the cold
start to a shown window (`python -m chairdesk FILE` with CHAIRDESK_EXIT_WHEN_SHOWN=1, timed from the launch
to the line it prints once the window is exposed, not to its exit) against a bare PySide6 QMainWindow timed
the same way, and against the same bare window started after importing chairdesk's start path (its modules
alone, no session read and no desk built), and against a plain PySide6 window with as many widgets of each Qt
class as chairdesk's window (benchmarks/same_widgets.py: what Qt alone costs for a window this full), all as
subprocesses in the same run; and the heaviest imports on the
start path (`python -X importtime`), summed per top-level package.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.large_session import make_large_session  # noqa: E402
from benchmarks.same_widgets import same_widgets_command, take_census  # noqa: E402

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
def check():
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        print("shown", flush=True)
        app.exit(0)
poll = QTimer()
poll.timeout.connect(check)
poll.start(10)
sys.exit(app.exec())
"""
START_PATH = "import chairdesk.cli, chairdesk.gui.app"


def _stats(samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(ordered) * 1000:7.1f} ms   p90 {p90 * 1000:7.1f} ms   (n={len(ordered)})"
    )


def _prepare(path: Path, requests: int) -> tuple[int, int]:
    """A roster of delegations, each of them on the list of speakers. Returns the session's paragraphs and
    events (a session given with --session has its own, whatever --paragraphs says)."""
    from chairdesk.core.floor import operations as floor
    from chairdesk.core.floor.roster import Delegation
    from chairdesk.core.log.session import Session

    with Session.open(path) as session:
        codes = [f"D{k:03d}" for k in range(requests)]
        floor.set_roster(session, [Delegation(code, f"Delegation {code}") for code in codes])
        for code in codes:
            floor.request_floor(session, code)
        return len(session.draft.paragraphs), session.log.count


def _timed(app: object, action: Callable[[], object]) -> float:
    """From the call to the window painted: one turn of the event loop after it, as the chair's key press ends
    in one. Qt handles the layout requests the change posted, then paints the window once (a paint request is
    posted at low priority, after them). Forcing a paint of the draft before that turn, as this benchmark did
    until the seventh pass, painted the window twice: once before its layout and once after."""
    started = time.perf_counter()
    action()
    app.processEvents()  # type: ignore[attr-defined]
    return time.perf_counter() - started


def _laid_out(view: object) -> bool:
    """Every row of the draft view has its place (a relayout in batches gives the last row none until it ends)."""
    from chairdesk.gui.qt import QPoint

    model = view.model()  # type: ignore[attr-defined]
    if model is None or model.rowCount() == 0:
        return True
    last = view.visualRect(model.index(model.rowCount() - 1, 0))  # type: ignore[attr-defined]
    return last.isValid() and view.indexAt(QPoint(1, 1)).isValid()  # type: ignore[attr-defined]


class _EventCount:
    """Counts the events the application delivers while installed (an application-wide event filter)."""

    def __init__(self, app: object) -> None:
        from chairdesk.gui.qt import QObject

        class Filter(QObject):
            def eventFilter(self, _watched: object, _event: object) -> bool:  # noqa: N802
                counter.delivered += 1
                return False

        counter = self
        self.delivered = 0
        self.app, self.filter = app, Filter()

    def __enter__(self) -> _EventCount:
        self.app.installEventFilter(self.filter)  # type: ignore[attr-defined]
        return self

    def __exit__(self, *_exc: object) -> None:
        self.app.removeEventFilter(self.filter)  # type: ignore[attr-defined]


def _draft_drawn(window: object) -> bool:
    """Whether the draft view shows a row mid-screen after the turn timed: a view laying its rows out in
    batches shows none until the last batch, a white page (until the seventh pass, after every change)."""
    from chairdesk.gui.qt import QPoint

    view = window.draft_view  # type: ignore[attr-defined]
    return view.indexAt(QPoint(40, view.viewport().height() // 2)).isValid()


def _settled(app: object, window: object, limit: float = 10.0) -> tuple[float, float]:
    """Turn the event loop until the window is idle: the draft view has laid out every row again (the relayout a
    change starts goes on in batches between events) and a turn delivered no event (a list laid out again on a
    zero timer, a second paint). How long that took, and the longest single turn (a key waits that long)."""
    started, longest = time.perf_counter(), 0.0
    with _EventCount(app) as events:
        while time.perf_counter() - started < limit:
            before = events.delivered
            turn = time.perf_counter()
            app.processEvents()  # type: ignore[attr-defined]
            took = time.perf_counter() - turn
            if events.delivered == before and _laid_out(window.draft_view):  # type: ignore[attr-defined]
                break
            longest = max(longest, took)
    return time.perf_counter() - started, longest


def measure_actions(
    path: Path, reps: int
) -> tuple[dict[str, list[float]], dict[str, list[tuple[float, float]]], dict[str, int]]:
    """Open the window on path and time each chair action `reps` times; with each, the work it left for the
    event loop (`_settled`), waited for before the next action, as a chair's actions are seconds apart; and
    how many times the turn timed left the draft a white page (`_draft_drawn`)."""
    from PySide6.QtTest import QTest

    from chairdesk.core import drafting
    from chairdesk.core.adoption import operations as adoption
    from chairdesk.core.floor import operations as floor
    from chairdesk.gui.app import default_docks, make_application
    from chairdesk.gui.desk.window import MainWindow
    from chairdesk.gui.qt import QApplication, Qt
    from chairdesk.gui.settings import DeskSettings
    from chairdesk.gui.start_up import settle_collector

    app = make_application()
    results: dict[str, list[float]] = defaultdict(list)
    white: dict[str, int] = defaultdict(int)  # actions after which the draft showed no row (a white page)
    after: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def timed(name: str, action: Callable[[], object]) -> None:
        results[name].append(_timed(app, action))
        white[name] += not _draft_drawn(window)
        after[name].append(_settled(app, window))

    window = None
    for _ in range(max(1, reps // 3)):  # typing right after opening: a fresh window each time
        if window is not None:
            window.close()
            window.deleteLater()
            app.processEvents()
        window = MainWindow(None, DeskSettings(), docks=default_docks())
        window.resize(1600, 1000)
        window.open_session(path)
        window.show()
        app.processEvents()
        settle_collector()  # as the app does once its window is up
        window.commands.go_to_paragraph(1)
        window.commands.focus_editor()
        app.processEvents()
        editor = window.editor.text
        opened = time.perf_counter()
        while time.perf_counter() - opened < 1.0:
            results["type a character after opening"].append(
                _timed(app, lambda e=editor: QTest.keyClick(e, Qt.Key.Key_X))
            )
        window.editor.text.undo()
    assert window is not None and window.controller is not None
    for _ in range(400):  # the batched layout of the other rows finishes before the actions are timed
        app.processEvents()
    QApplication.processEvents()
    gc.collect()  # the windows closed above
    settle_collector()  # as `chairdesk FILE` does once its window is up (gui/start_up.py): the start's objects frozen
    controller = window.controller
    draft = controller.session.draft
    live = list(draft.numbering().paragraphs)
    order = list(draft.order)
    tabled = controller.session.baseline("tabled")
    at_home = [
        p
        for p in live
        if p in tabled.paragraphs and tabled.paragraphs[p].section == draft.paragraphs[p].section
    ]
    for k in range(reps):  # in the middle of the draft: the rows above the screen are laid out again first
        pid = live[len(live) // 2 + k * 7]
        timed("go to a paragraph mid-draft", lambda p=pid: window.commands.go_to_paragraph(draft.number_of(p)))
        text = draft.paragraphs[pid].text
        timed("amend, mid-draft", lambda p=pid, t=text: controller.run(drafting.amend_paragraph, p, t + " y"))
        timed("strike, mid-draft", lambda p=pid: controller.run(drafting.strike_paragraph, p))
        timed("restore, mid-draft", lambda p=pid: controller.run(drafting.restore_paragraph, p))
    for k in range(reps):
        pid = at_home[(k * 37) % min(25, len(at_home))]  # one that stands in the section it was tabled in
        window.commands.go_to_paragraph(draft.number_of(pid))
        _settled(app, window)
        timed("strike, in its tabled section", lambda p=pid: controller.run(drafting.strike_paragraph, p))
        timed("restore, in its tabled section", lambda p=pid: controller.run(drafting.restore_paragraph, p))
        home = draft.paragraphs[pid].section
        target = order[(order.index(home) + 1) % len(order)]
        timed(
            "move out of its tabled section",
            lambda p=pid, s=target: controller.run(drafting.move_paragraph, p, s, 0),
        )
        controller.run(drafting.move_paragraph, pid, home, 0)  # back: it is picked again later
        _settled(app, window)
    for k in range(reps):
        pid = live[(k * 37) % 25]  # near the top, so the row is on screen
        window.commands.go_to_paragraph(draft.number_of(pid))
        _settled(app, window)
        text = draft.paragraphs[pid].text
        timed("amend", lambda p=pid, t=text: controller.run(drafting.amend_paragraph, p, t + " x"))
        timed("strike", lambda p=pid: controller.run(drafting.strike_paragraph, p))
        timed("restore", lambda p=pid: controller.run(drafting.restore_paragraph, p))
        target = order[(order.index(draft.paragraphs[pid].section) + 1) % len(order)]
        timed(
            "move to another section",
            lambda p=pid, s=target: controller.run(drafting.move_paragraph, p, s, 0),
        )
        timed("next speaker", lambda: controller.run(floor.next_speaker))
        sid = order[k % len(order)]
        controller.run(adoption.take_up, sid)
        _settled(app, window)
        timed(
            "adopt a section", lambda s=sid: controller.run(adoption.adopt_section, s, lapse_proposals=True)
        )
        controller.run(adoption.reopen_section, sid, "benchmark")
        _settled(app, window)
    for _ in range(reps):  # every row laid out again at another text size (Ctrl++ and Ctrl+-), or width
        timed("zoom in (rows at a new size)", window.commands.zoom_in)
        timed("zoom out", window.commands.zoom_out)
        width, height = window.width(), window.height()
        timed("window narrower (a new width)", lambda w=width, h=height: window.resize(w - 120, h))
        timed("window wider again", lambda w=width, h=height: window.resize(w, h))
    window.close()
    return results, after, white


def installed_env(pycache: str | Path, **extra: str) -> dict[str, str]:
    """This environment for a child Python as an installed chairdesk runs: byte code written once and kept
    (outside the checkout, in pycache), whatever PYTHONDONTWRITEBYTECODE says here."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(pycache), **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def until_shown(command: list[str], env: dict[str, str], cwd: str | Path = ROOT) -> tuple[float, float]:
    """Start a window that prints a line with "shown" once exposed (chairdesk with CHAIRDESK_EXIT_WHEN_SHOWN,
    or BARE_WINDOW) and quits: the time from the launch to that line, and to the process's exit."""
    started = time.perf_counter()
    shown = None
    with subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if shown is None and "shown" in line:
                shown = time.perf_counter() - started
        status = child.wait()
    ended = time.perf_counter() - started
    if status != 0 or shown is None:
        raise RuntimeError(f"{' '.join(command)}: exit status {status}, shown: {shown is not None}")
    return shown, ended


def measure_start(path: Path, runs: int) -> tuple[list[float], list[float], list[float], list[float], str]:
    """Cold start to a shown window (launch to the line saying so, not to the exit): chairdesk on path, a bare
    QMainWindow, the same bare window started after importing chairdesk's start path and nothing else (no
    session read, no desk built: how much of the ratio the modules alone take), and a plain PySide6 window
    with as many widgets as chairdesk's (benchmarks/same_widgets.py: what Qt alone costs for them),
    alternated. The last item says how many widgets each of the two full windows has."""
    cache = tempfile.mkdtemp(prefix="chairdesk-pycache-")
    env = installed_env(cache, CHAIRDESK_EXIT_WHEN_SHOWN="1", PYTHONPATH=str(ROOT))
    imported = f"{START_PATH}\n{BARE_WINDOW}"
    census = take_census(path, {k: v for k, v in env.items() if k != "CHAIRDESK_EXIT_WHEN_SHOWN"}, ROOT)
    plain = same_widgets_command(census)
    until_shown([sys.executable, "-c", BARE_WINDOW], env)  # a first run of each writes the byte code: not timed
    until_shown([sys.executable, "-c", imported], env)
    until_shown([sys.executable, "-m", "chairdesk", str(path)], env)
    said = subprocess.run(plain, env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    widgets = f"chairdesk's {census['total']}, the plain window's {said.split()[1]}"
    desk, bare, modules, same = [], [], [], []
    for _ in range(runs):
        bare.append(until_shown([sys.executable, "-c", BARE_WINDOW], env)[0])
        same.append(until_shown(plain, env)[0])
        modules.append(until_shown([sys.executable, "-c", imported], env)[0])
        desk.append(until_shown([sys.executable, "-m", "chairdesk", str(path)], env)[0])
    shutil.rmtree(cache, ignore_errors=True)
    return desk, bare, modules, same, widgets


def heaviest_imports(top: int = 12) -> list[tuple[str, float]]:
    """The start path's imports (`python -X importtime`), their own time summed per top-level package."""
    cache = tempfile.mkdtemp(prefix="chairdesk-pycache-")
    env = installed_env(cache, PYTHONPATH=str(ROOT))  # byte code compiled once, by the first run below
    subprocess.run([sys.executable, "-c", START_PATH], env=env, capture_output=True, cwd=ROOT)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", START_PATH],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    shutil.rmtree(cache, ignore_errors=True)
    per_package: dict[str, float] = defaultdict(float)
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _cumulative, name = line.split(":", 1)[1].split("|")
        per_package[name.strip().split(".")[0]] += int(own) / 1e6
    return sorted(per_package.items(), key=lambda item: -item[1])[:top]


def main(argv: list[str]) -> int:
    """Build or reuse the session, run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument(
        "--events", type=int, help="default: 20,000, or 5 per paragraph past 4,000 paragraphs"
    )
    parser.add_argument("--reps", type=int, default=7, help="times each action is timed")
    parser.add_argument("--starts", type=int, default=3, help="cold starts of each kind")
    parser.add_argument(
        "--session", type=Path, help="reuse this session file (made if missing; it is copied)"
    )
    args = parser.parse_args(argv)
    events = args.events or max(20000, 5 * args.paragraphs)
    home = Path(tempfile.mkdtemp(prefix="chairdesk-bench-"))
    os.environ["CHAIRDESK_CONFIG_DIR"] = str(home / "config")
    os.environ["CHAIRDESK_DATA_DIR"] = str(home / "data")
    os.environ["CHAIRDESK_CACHE_DIR"] = str(home / "cache")  # the snapshot the window's close keeps (its starts use it)
    source = args.session or home / "large.chairdesk"
    if not source.exists():
        started = time.perf_counter()
        make_large_session(source, paragraphs=args.paragraphs, events=events)
        print(f"made {source} in {time.perf_counter() - started:.1f} s")
    path = home / "bench.chairdesk"
    shutil.copy(source, path)
    paragraphs, logged = _prepare(path, requests=args.reps + 4)
    print(f"python benchmarks/desk_bench.py --reps {args.reps}: {paragraphs:,} paragraphs, {logged:,} events")
    results, after, white = measure_actions(path, args.reps)
    for name, samples in results.items():
        blank = f"   white page after {white[name]} of {len(samples)}" if white.get(name) else ""
        print(f"{name:32} {_stats(samples)}{blank}")
    print("then the rows laid out again between events (median; the longest single turn, worst of the runs):")
    for name, pairs in after.items():
        busy, longest = statistics.median(p[0] for p in pairs) * 1000, max(p[1] for p in pairs) * 1000
        print(f"    {name:32} {busy:7.0f} ms, longest turn {longest:5.0f} ms")
    desk, bare, modules, same, widgets = measure_start(path, args.starts)
    ratio = statistics.median(desk) / statistics.median(bare)
    print(
        f"{'cold start to a shown window':32} chairdesk median {statistics.median(desk) * 1000:.0f} ms, "
        f"bare QMainWindow {statistics.median(bare) * 1000:.0f} ms: {ratio:.1f}x (n={len(desk)})"
    )
    print(
        f"{'':32} the bare window after chairdesk's imports alone: {statistics.median(modules) * 1000:.0f} ms, "
        f"{statistics.median(modules) / statistics.median(bare):.1f}x"
    )
    print(
        f"{'':32} a plain PySide6 window with as many widgets ({widgets}), no chairdesk code: "
        f"{statistics.median(same) * 1000:.0f} ms, {statistics.median(same) / statistics.median(bare):.1f}x"
    )
    print("heaviest imports on the start path (own time per package):")
    for name, seconds in heaviest_imports():
        print(f"    {name:28} {seconds * 1000:6.0f} ms")
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
