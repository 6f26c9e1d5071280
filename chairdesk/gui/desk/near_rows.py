"""Which rows of the draft view are measured exactly, and the measuring of the near rows after the first paint.

The rows within NEAR_ROWS of the current one are measured exactly (laid out), never estimated, so that what
the chair reads never jumps. Measuring a row renders it (word diffs, proposals, credits), so when a model is
set (a session opened) only a screen above and a screen below the current row are measured, and only once
the view is on screen (its width and height are then the real ones). The other near rows are measured
after the first paint, a few at a time from the event loop (`FILL_STEP_MS` each), then the rows are laid
out again once, with the row the chair reads kept where it stands on screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from ..qt import QTimer

NEAR_ROWS = (
    60  # rows either side of the current one measured exactly, never estimated (see RowDelegate.sizeHint)
)
FILL_STEP_MS = 3  # at most this long measuring near rows in one turn of the event loop after the first paint
# (a key typed meanwhile waits for at most one step: the chair types from the first second)


class MeasuredView(Protocol):
    """What NearRows needs of the view."""

    def isVisible(self) -> bool: ...  # noqa: N802, D102

    def current_row(self) -> int: ...  # noqa: D102

    def row_count(self) -> int: ...  # noqa: D102

    def screen_height(self) -> int: ...  # noqa: D102

    def near_done(self, changed: bool) -> None: ...  # noqa: D102


class NearRows:
    """Decides which rows are measured exactly; after a model is set, widens them step by step to NEAR_ROWS."""

    def __init__(self, view: MeasuredView, measure: Callable[[int], tuple[int, bool]]) -> None:
        self.view = view
        self.measure = (
            measure  # row -> (its exact height, whether it differs from the height it was laid out at)
        )
        self.filling = False  # a model was set and its near rows are not all measured yet
        self.extra = 0  # rows measured beyond the first screens, either side (the fill)
        self.stale = False  # a row measured by the fill differs from the height the view laid it out at
        self.steps = 0  # turns of the event loop the fill took (tests read it)
        self._walk: tuple[tuple[int, int, int], int, int] | None = None
        self._scheduled = False
        # other work after the first paint, a part at each step before the measuring (True: more to do)
        self.before_step: Callable[[], bool] | None = None

    def start(self) -> None:
        """A model was set: measure the first screens only, the rest of the near rows after the first paint."""
        self.filling, self.extra, self.stale, self.steps = True, 0, False, 0
        self._walk = None

    def reach(self) -> tuple[int, int]:
        """How many rows above and below the current one are measured exactly now."""
        if not self.filling:
            return NEAR_ROWS, NEAR_ROWS
        if not self.view.isVisible():
            return -1, -1  # nothing measured before the view has its real size: estimated, then measured
        above, below = self._screens(self.view.current_row())
        return min(NEAR_ROWS, above + self.extra), min(NEAR_ROWS, below + self.extra)

    def exact(self, row: int) -> bool:
        """Whether this row is measured exactly (else estimated until it is drawn)."""
        current = self.view.current_row()
        above, below = self.reach()
        return current - above <= row <= current + below

    def _screens(self, current: int) -> tuple[int, int]:
        """Rows above and below the current one that fill a screen each way (measuring them on the way)."""
        count, height = self.view.row_count(), self.view.screen_height()
        key = (current, count, height)
        if self._walk is not None and self._walk[0] == key:
            return self._walk[1], self._walk[2]
        below, total = 0, 0
        while current + below < count and total < height:
            total += self.measure(current + below)[0]
            below += 1
        above, total = 0, 0
        while current - above - 1 >= 0 and total < height:
            above += 1
            total += self.measure(current - above)[0]
        self._walk = (key, above, max(0, below - 1))
        return above, max(0, below - 1)

    # ------------------------------------------------------------ the fill
    def painted(self) -> None:
        """The view was painted: measure the rest of the near rows from the event loop, if not done yet."""
        if self.filling and not self._scheduled:
            self._schedule()

    def _schedule(self) -> None:
        """The next step from the event loop, while the view lives (a window closed and deleted meanwhile, as
        a slow machine may do before the fill ends, takes its steps with it)."""
        self._scheduled = True
        QTimer.singleShot(0, self.view, self.fill_step)

    def fill_step(self) -> None:
        """Measure the next near rows, either side, for at most FILL_STEP_MS; lay out again when all are."""
        self._scheduled = False
        if not self.filling:
            return
        self.steps += 1
        if self.before_step is not None and self.before_step():
            self._schedule()
            return
        count, current = self.view.row_count(), self.view.current_row()
        above, below = self._screens(current)
        deadline = time.perf_counter() + FILL_STEP_MS / 1000
        while time.perf_counter() < deadline:
            if self._done(count, current, above, below):
                self.finish()
                return
            self.extra += 1
            for row in (current + below + self.extra, current - above - self.extra):
                if 0 <= row < count and abs(row - current) <= NEAR_ROWS:
                    self.stale |= self.measure(row)[1]
        if self._done(count, current, above, below):
            self.finish()
            return
        self._schedule()

    def _done(self, count: int, current: int, above: int, below: int) -> bool:
        low = min(NEAR_ROWS, current) <= above + self.extra
        return low and min(NEAR_ROWS, count - 1 - current) <= below + self.extra

    def finish(self) -> None:
        """Every near row is measured: from now on they all are; the view lays its rows out again if any
        changed (`near_done`)."""
        self.filling = False
        stale, self.stale = self.stale, False
        self.view.near_done(stale)
