"""The replay window: a session file opened read-only and played like a film, with a debrief tab.

Nothing in this window can change the session: it opens the committed log without the write lock (so it
works while the session is open for writing in another window), and it has no editing action at all.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

from ...core.replay.operations import (
    ADOPTION,
    INTERVENTION,
    PROPOSAL,
    TEXT,
    Replay,
    ReplayedSession,
    StepChange,
)
from ..desk.draft_model import DraftModel
from ..desk.draft_view import DraftView
from ..qt import (
    QAbstractItemView,
    QAction,
    QComboBox,
    QElapsedTimer,
    QHBoxLayout,
    QItemSelectionModel,
    QKeySequence,
    QLabel,
    QMainWindow,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..start_up import collector_held_until_shown
from .debrief_view import DebriefView
from .panes import AdoptionPane, FloorPane, SteadyText, StepPane
from .timeline import CATEGORY_COLOURS, Timeline

SPEEDS = (1, 10, 60)
MODES = (
    ("tabled", "Changes since the tabled draft"),
    ("last", "Changes since the last baseline"),
    ("clean", "Clean text"),
)
TICK_MS = 100
FOLLOW_MS = 2000  # while following live, how often the file is read for new events
DRAFT_FRAME_SECONDS = 0.03  # a draft that takes longer to refresh is not redone on every frame of a drag
DRAFT_REST_MS = 150  # … but once the drag rests this long
DRAFT_PLAYING_MS = 1000  # … or this often while playing

# (name, text, keys, method): every command of the replay; none of them writes.
COMMANDS = (
    ("previous_event", "◀ Event", ("Left",), "previous_event"),
    ("next_event", "Event ▶", ("Right",), "next_event"),
    ("previous_intervention", "◀ Speaker", ("Ctrl+Left",), "previous_intervention"),
    ("next_intervention", "Speaker ▶", ("Ctrl+Right",), "next_intervention"),
    ("previous_adoption", "◀ Adoption", ("Alt+Left",), "previous_adoption"),
    ("next_adoption", "Adoption ▶", ("Alt+Right",), "next_adoption"),
    ("play", "Play", ("Space",), "toggle_play"),
    ("follow", "Follow live", ("F5",), "toggle_follow"),
    ("first", "Start", ("Home",), "go_to_start"),
    ("last", "End", ("End",), "go_to_end"),
    ("close", "Close", ("Ctrl+W",), "close"),
)


class ReplayDraftModel(DraftModel):
    """The desk's draft model over the replayed state, with nothing editable (and no keys offered)."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.rows.keys = False

    def credit_source(self):  # noqa: ANN201
        """The whole log, read up to the replayed moment (one authorship index, however the replay seeks)."""
        return self.session.replay, self.session.replay.seq

    def flags(self, index):  # noqa: ANN001, ANN201
        return super().flags(index) & ~Qt.ItemFlag.ItemIsEditable


class ReplayWindow(QMainWindow):
    """A session replayed: timeline, transport, the panes at the moment, and the debrief."""

    closed = Signal()  # the window was closed (the desk that opened it lets it go)

    def __init__(self, path: str | Path, parent: QWidget | None = None, every: int | None = None) -> None:
        super().__init__(parent)
        self.replay = Replay.open(path, every)  # (folding the log, it holds the collector itself)
        collector_held_until_shown(self)
        self.session = self.replay.session
        self.replayed = ReplayedSession(self.replay)
        self.setWindowTitle(f"Replay — {Path(path).name} (read-only)")
        self.setObjectName("replayWindow")
        self.playing = False
        self.speed = SPEEDS[0]
        self.moment: datetime | None = None
        self.step: StepChange | None = None
        self._texts: dict[str, tuple] = {}
        self._clock = QElapsedTimer()
        self.draft_seconds = 0.0  # how long the last refresh of the draft took
        self.draft_behind = (
            False  # the draft shows an earlier moment (a long draft, while dragging or playing)
        )
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.timeout.connect(self._catch_up_draft)
        self._build()
        self.play_timer = QTimer(self)
        self.play_timer.setInterval(TICK_MS)
        self.play_timer.timeout.connect(self._tick)
        self.follow_timer = QTimer(self)
        self.follow_timer.setInterval(FOLLOW_MS)
        self.follow_timer.timeout.connect(self.take_in_new_events)
        self.go_to(len(self.replay))

    # ------------------------------------------------------------- building
    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        transport = QHBoxLayout()
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, keys, method in COMMANDS:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{text.strip('◀▶ ')} ({', '.join(keys)})")
            action.setCheckable(name == "follow")
            action.triggered.connect(getattr(self, method))
            self.addAction(action)
            self.actions_by_name[name] = action
            if name != "close":
                button = QToolButton()
                button.setDefaultAction(action)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                transport.addWidget(button)
        self.speed_box = QComboBox()
        self.speed_box.setObjectName("replaySpeed")
        self.speed_box.addItems([f"{s}×" for s in SPEEDS])
        self.speed_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.speed_box.currentIndexChanged.connect(lambda i: self.set_speed(SPEEDS[i]))
        transport.addWidget(self.speed_box)
        self.mode_box = QComboBox()
        self.mode_box.setObjectName("replayMode")
        self.mode_box.addItems([text for _, text in MODES])
        self.mode_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mode_box.currentIndexChanged.connect(lambda i: self.set_mode(MODES[i][0]))
        transport.addWidget(self.mode_box)
        transport.addStretch(1)
        self.position = SteadyText("")
        self.position.setObjectName("replayPosition")
        self.position.alignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.position.setMinimumWidth(
            self.position.fontMetrics().horizontalAdvance("Event 000000 of 000000 — 0000-00-00 00:00:00 UTC")
            + 12
        )
        layout.addLayout(transport)
        self.timeline = Timeline(self.replay)
        self.timeline.seek_requested.connect(self.go_to)
        self.timeline.drag_finished.connect(self._catch_up_draft)
        layout.addWidget(self.timeline)
        legend = QLabel(
            "Bands, top to bottom: interventions (in the delegation's colour) · "
            f"<span style='color:{CATEGORY_COLOURS[TEXT]}'>text changes</span> · "
            f"<span style='color:{CATEGORY_COLOURS[PROPOSAL]}'>proposals</span> · "
            f"<span style='color:{CATEGORY_COLOURS[ADOPTION]}'>adoption steps</span>"
        )
        legend.setObjectName("replayLegend")
        under = QHBoxLayout()
        under.addWidget(legend)
        under.addStretch(1)
        under.addWidget(self.position)
        layout.addLayout(under)

        self.tabs = QTabWidget()
        moment = QSplitter(Qt.Orientation.Horizontal)
        self.draft_model = ReplayDraftModel(self.replayed, "tabled", self)  # type: ignore[arg-type]
        self.draft_view = DraftView()
        self.draft_view.setModel(self.draft_model)
        self.draft_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.draft_view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.draft_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys step through the session
        moment.addWidget(self.draft_view)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.step_pane = StepPane()
        self.floor_pane = FloorPane()
        self.adoption_pane = AdoptionPane()
        for pane in (self.step_pane, self.floor_pane, self.adoption_pane):
            side_layout.addWidget(pane)
        moment.addWidget(side)
        moment.setSizes([760, 420])
        self.tabs.addTab(moment, "At this moment")
        self.debrief_page = QWidget()
        QVBoxLayout(self.debrief_page)
        self.debrief_view: DebriefView | None = None
        self.tabs.addTab(self.debrief_page, "Debrief")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.resize(1280, 800)

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.debrief_view is None:
            self.debrief_view = DebriefView(self.replay.debrief)
            self.debrief_view.go_to_event.connect(self._go_to_from_debrief)
            self.debrief_page.layout().addWidget(self.debrief_view)

    def _go_to_from_debrief(self, seq: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.go_to(seq)

    # ------------------------------------------------------------- moving
    def go_to(self, seq: int, moment: datetime | None = None) -> None:
        """Show the session right after event seq (at `moment` between events, while playing)."""
        seq = max(0, min(seq, len(self.replay)))
        moved = seq != self.replay.seq or self.step is None and seq
        self.replayed.prepare()  # the baselines' drafts, before the replay settles at seq
        self.step = self.replay.changed_in_step(seq) if seq else None
        state = self.replay.state_at(seq)
        self.moment = moment or self.replay.time_of(seq)
        if moved or not self._texts:
            self._draft_when_ready()
        self.floor_pane.show_state(state, self.moment or datetime.now().astimezone())
        self.adoption_pane.show_state(
            state, self.step.sections if self.step and "adoption" in self.step.areas else set()
        )
        self.step_pane.show_step(self.step, state)
        self.timeline.show_at(seq, self.moment)
        stamp = f"{self.moment:%Y-%m-%d %H:%M:%S} UTC" if self.moment else "no events"
        self.position.setText(f"Event {seq} of {len(self.replay)} — {stamp}")

    def _draft_when_ready(self) -> None:
        """Refresh the draft now, or — when it takes longer than a frame, while dragging or playing — a moment
        after the drag rests (and at most once a second while playing), so the timeline and panes keep up."""
        interactive = self.timeline.dragging or self.playing
        if not interactive or self.draft_seconds < DRAFT_FRAME_SECONDS:
            self._draft_timer.stop()
            self._show_draft()
            return
        self.draft_behind = True
        if self.timeline.dragging:
            self._draft_timer.start(DRAFT_REST_MS)
        elif not self._draft_timer.isActive():
            self._draft_timer.start(DRAFT_PLAYING_MS)

    def _catch_up_draft(self) -> None:
        if self.draft_behind:
            self._show_draft()

    def _show_draft(self) -> None:
        """Point the draft model at the state now shown; only rows whose words or place changed are redone."""
        began = time.perf_counter()
        self.draft_behind = False
        shown = self.replay.cursor.snapshot()  # frozen: the rows stay true while the replay moves on
        draft = shown.draft
        texts = {
            pid: (p.text, tuple((s.text, s.struck) for s in p.subparagraphs))
            for pid, p in draft.paragraphs.items()
        }
        reworded = {pid for pid, words in texts.items() if self._texts.get(pid) != words}
        self._texts = texts
        rows = self.draft_model.rows
        rows.draft = draft
        rows.name_of = shown.roster.names()
        rows.baseline = self.draft_model._baseline()
        self.draft_model._rebuild(reworded)
        self._highlight(self.step.paragraphs if self.step else set())
        self.draft_seconds = time.perf_counter() - began

    def _highlight(self, paragraphs: set[str]) -> None:
        """Select the rows of the paragraphs the current step changed, and bring the first into sight."""
        selection = self.draft_view.selectionModel()
        selection.clearSelection()
        first = None
        for pid in paragraphs:
            row = self.draft_model.row_of("paragraph", pid)
            if row is not None:
                index = self.draft_model.index(row)
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)
                first = row if first is None else min(first, row)
        if first is not None:  # the row the facilitator reads: kept whole and in place, as the chair's current row
            selection.setCurrentIndex(self.draft_model.index(first), QItemSelectionModel.SelectionFlag.NoUpdate)
            self.draft_view.scrollTo(self.draft_model.index(first))

    @property
    def highlighted(self) -> list[int]:
        """Rows of the draft highlighted as changed in this step."""
        return sorted(i.row() for i in self.draft_view.selectionModel().selectedIndexes())

    def set_mode(self, mode: str) -> None:
        """Show changes since the tabled draft, the last baseline, or the clean text."""
        self.draft_model.set_mode(mode)
        self._highlight(self.step.paragraphs if self.step else set())

    # ---------------------------------------------------------- transport
    def next_event(self) -> None:
        """One event on."""
        self.go_to(self.replay.seq + 1)

    def previous_event(self) -> None:
        """One event back."""
        self.go_to(self.replay.seq - 1)

    def _to_mark(self, found: int | None) -> None:
        if found is None:
            self.statusBar().showMessage("No further mark of that kind.", 3000)
        else:
            self.go_to(found)

    def next_intervention(self) -> None:
        """To the next time a delegation was given the floor."""
        self._to_mark(self.replay.next_mark(self.replay.seq, INTERVENTION))

    def previous_intervention(self) -> None:
        """To the previous time a delegation was given the floor."""
        self._to_mark(self.replay.previous_mark(self.replay.seq, INTERVENTION))

    def next_adoption(self) -> None:
        """To the next adoption step."""
        self._to_mark(self.replay.next_mark(self.replay.seq, ADOPTION))

    def previous_adoption(self) -> None:
        """To the previous adoption step."""
        self._to_mark(self.replay.previous_mark(self.replay.seq, ADOPTION))

    def go_to_start(self) -> None:
        """Before the first event."""
        self.go_to(0)

    def go_to_end(self) -> None:
        """After the last event."""
        self.go_to(len(self.replay))

    def set_speed(self, speed: int) -> None:
        """Play at 1×, 10× or 60× the session's own pace."""
        self.speed = speed
        if self.speed_box.currentText() != f"{speed}×":
            self.speed_box.setCurrentIndex(SPEEDS.index(speed))

    def toggle_play(self) -> None:
        """Play from here, or pause."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Play from the current moment (from the start when at the end)."""
        if not len(self.replay):
            return
        if self.replay.seq >= len(self.replay):
            self.go_to(0)
        self.playing = True
        self.actions_by_name["play"].setText("Pause")
        self._clock.start()
        self.play_timer.start()

    def pause(self) -> None:
        """Stop playing where we are."""
        self.playing = False
        self.actions_by_name["play"].setText("Play")
        self.play_timer.stop()
        self._catch_up_draft()

    def advance(self, real_seconds: float) -> None:
        """Move the playing moment on by real_seconds × the speed (what each tick of the timer does)."""
        if self.moment is None or self.replay.end is None:
            return
        moment = min(self.moment + timedelta(seconds=real_seconds * self.speed), self.replay.end)
        self.go_to(self.replay.seq_at(moment), moment)
        if moment >= self.replay.end:
            self.pause()

    def _tick(self) -> None:
        elapsed = self._clock.restart() / 1000.0
        self.advance(elapsed)

    # ------------------------------------------------------------- following
    def toggle_follow(self) -> None:
        """Follow the session live (as another window records it), or stop following."""
        following = not self.follow_timer.isActive()
        self.actions_by_name["follow"].setChecked(following)
        if following:
            self.follow_timer.start()
            self.take_in_new_events()
        else:
            self.follow_timer.stop()

    def take_in_new_events(self) -> int:
        """Read the events recorded since; when the replay stood at the end, show the new end. Returns how many."""
        at_end = self.replay.seq == len(self.replay)
        count = self.replay.follow()
        if count:
            self.timeline.marks_changed()
            if at_end and not self.playing:
                self.go_to(len(self.replay))
            else:
                self.go_to(self.replay.seq, self.moment)
            self.statusBar().showMessage(f"{count} new event{'s' * (count != 1)} recorded since.", 3000)
        return count

    # ------------------------------------------------------------- closing
    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self.pause()
        self.follow_timer.stop()
        self.session.close()
        super().closeEvent(event)
        self.closed.emit()
