"""What the start of the window defers until the window is on screen, and what the quit spares (issue 15).

- The cyclic garbage collector is held (cli.py) from the start of `chairdesk` until the window is exposed: the start
  makes about 100,000 objects that all live on (modules, widgets, a session of 20,000 events), and every
  collection on the way would walk them again (0.1-0.25 s of the start). Once the window is up they are frozen
  out of the collector (`gc.freeze`), so later collections, while the chair types, do not walk them either;
  they become collectable again when their session goes (`release_frozen`, from the desk's `_release`).
- The replay window holds the collector the same way from its making until it is exposed
  (`collector_held_until_shown`); closed from the desk, what it left is collected (`reclaim_frozen`).
- sqlite-utils (with numpy), which only writing needs, is loaded in a background thread a moment later.
- The hash chain of the session opened is checked in a background thread once the window is up
  (`check_in_background`: 60 ms at 20,000 events, never on the start path); a broken one is told then.
- At the quit, the interpreter's last collection is spared (`quick_exit`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from .qt import QElapsedTimer, QTimer, QWidget

T = TypeVar("T")

WARM_UP_AFTER_MS = 1500  # after the window is on screen: the first paint and the first keys go first
CHECK_AFTER_MS = 400  # the background check of the session opened: after the first paint, before the warm-up
POLL_MS = 50
GIVE_UP_MS = 10_000  # a window never exposed (started minimised): the collector runs again all the same


def settle_collector() -> None:
    """Freeze what the start made out of the collector, and let the collector run again."""
    gc.freeze()
    gc.enable()


def release_frozen() -> None:
    """Let the collector see again what was frozen (a session is going: its objects may now be garbage)."""
    gc.unfreeze()


def reclaim_frozen() -> None:
    """Collect what was frozen and is now garbage (a replay window closed), and freeze again what lives on."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def when_exposed(window: QWidget, then: Callable[[], None]) -> QTimer:
    """Call then() once the window is exposed (or after 10 s in any case). Returns the poll (it stops itself)."""
    poll = QTimer(window)
    clock = QElapsedTimer()
    clock.start()

    def check() -> None:
        handle = window.windowHandle()
        if (handle is not None and handle.isExposed()) or clock.elapsed() > GIVE_UP_MS:
            poll.stop()
            then()

    poll.timeout.connect(check)
    poll.start(50)
    return poll


def after_first_show(window: QWidget) -> QTimer:
    """Once the window is exposed (or after 10 s in any case): settle_collector(), and a moment later start
    warm_up_writer(). Returns the poll (it stops itself)."""

    def settle() -> None:
        settle_collector()
        QTimer.singleShot(WARM_UP_AFTER_MS, warm_up_writer)

    return when_exposed(window, settle)


def collector_held_until_shown(window: QWidget) -> QTimer:
    """Hold the collector from now until the window is exposed, then settle it (settle_collector): a window
    that makes many lasting objects (the replay's 20,000 events and its checkpoints of the state) spares the
    collections that would walk them all on the way, 0.3-0.5 s of its opening and first paint, and the
    collections after, while the facilitator works. A window destroyed first lets the collector run again."""
    gc.disable()
    window.destroyed.connect(lambda *_: gc.enable())
    return when_exposed(window, settle_collector)


def warm_up_writer() -> threading.Thread:
    """Load what the first write needs (sqlite-utils with numpy: 0.2-0.3 s, kept off the start path) in a
    background thread, so the chair's first step does not wait for it; the window stays responsive."""
    thread = threading.Thread(target=_import_writer, name="chairdesk-warm-up", daemon=True)
    thread.start()
    return thread


def _import_writer() -> None:
    import sqlite_utils  # noqa: F401 - the session's writes go through it (core/log/eventlog.py)


def check_in_background(window: QWidget, work: Callable[[], T], then: Callable[[Future[T]], None]) -> QTimer:
    """Once the window is exposed and has painted (CHECK_AFTER_MS later): run work() in a background thread,
    then call then() on the GUI thread with its outcome (its result, or the error it raised). Nothing of Qt is
    touched from the thread: a timer of the window polls for the end. Returns that poll; stopping it (or the
    window going) means then() is never called."""
    outcome: Future[T] = Future()
    poll = QTimer(window)
    poll.setInterval(POLL_MS)

    def run() -> None:
        try:
            outcome.set_result(work())
        except BaseException as error:  # noqa: BLE001 - handed to then() on the GUI thread
            outcome.set_exception(error)

    def start() -> None:
        if not poll.isActive():  # stopped before the check began: the session went
            return
        threading.Thread(target=run, name="chairdesk-check", daemon=True).start()

    def check() -> None:
        if outcome.done():
            poll.stop()
            then(outcome)

    poll.timeout.connect(check)
    poll.start()
    when_exposed(window, lambda: QTimer.singleShot(CHECK_AFTER_MS, window, start))
    return poll


def quick_exit() -> None:
    """Once the window has closed (its session closed, settings saved): spare the interpreter's last garbage
    collection, which walks every object of the session read (20,000 events: 0.4 s of the quit)."""
    gc.freeze()
