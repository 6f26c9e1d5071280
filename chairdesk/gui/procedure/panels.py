"""The procedure dock's two panels: the roll call table (keys P, V, A) and the caucus (its countdown and, for a
moderated caucus, its own list of speakers fed by type-ahead).

In the roll call a letter is a mark, so a name typed there by mistake ("Japan": a, p, a) would re-mark the
roll call silently. The table has no type-ahead, and a key that is not a mark stops the marks until the chair
comes back to the roll call (Ctrl+Alt+R, or a click on a row). Nothing is taken back by itself: a fast roll
call and a name typed by mistake come at the same speed, so the message line names the marks recorded just
before the stray key ("Pa" of "Paris": Brazil present, China absent) and the chair takes back with Ctrl+Z what
was a mistake.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ...core.log.change import Change
from ...core.procedure.operations import request_caucus_floor, roll_call
from ..controller import SessionController
from ..panel import name_completer, offer_names
from ..qt import (
    QAbstractItemView,
    QAction,
    QFont,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListView,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .model import STATUS_KEYS, CaucusListModel, RollCallModel, caucus_line, resolve_delegation

Clock = Callable[[], datetime]
Runner = Callable[..., Change | None]
Say = Callable[[str, bool], None]

RECENT_SECONDS = 5.0  # a stray key names the marks recorded this long before it…
RECENT_MARKS = 3  # …the last three at most


@dataclass(frozen=True)
class Mark:
    """A roll-call mark the chair typed: the delegation, its status, and when (time.monotonic())."""

    code: str
    status: str
    at: float


class RollCallTable(QTableView):
    """The roll call's table: a key typed in it is a mark or a mistake, never a search for a delegation's name."""

    typed = Signal(str)  # the text of a key that is not a mark (a plain table would search the names for it)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 (Qt's name)
        """No type-ahead: letters are marks here, and a name typed by mistake must not pick its own row."""
        self.typed.emit(search)


class RollCallPanel(QWidget):
    """The roll call: one row per delegation; P, V or A records the selected one and moves to the next."""

    def __init__(
        self, controller: SessionController, run: Runner, say: Say, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._run = run
        self._say = say
        self._stray = ""  # the key that stopped the marks ("" while the roll call takes them)
        self._marks: list[Mark] = []  # the last marks typed, oldest first
        self._named: list[Mark] = []  # the marks the stop line names, the last one first
        self._line = ""  # the stop line last shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("<b>Roll call</b> — P present · V present and voting · A absent", self)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.model = RollCallModel(lambda: controller.session.state, self)
        self.table = RollCallTable(self)
        self.table.setObjectName("rollCallTable")
        self.table.typed.connect(self._not_a_mark)
        self.table.pressed.connect(lambda _index: self.take_marks())  # a click on a row: back to the marks
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.quorum = QLabel(self)
        self.quorum.setObjectName("quorum")
        self.quorum.setWordWrap(True)  # never wider than the panel
        layout.addWidget(self.quorum)
        self.status_actions: list[QAction] = []
        for key, status in STATUS_KEYS.items():
            action = QAction(f"Roll call: {status}", self.table)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # only while the table has focus
            action.triggered.connect(lambda _c=False, s=status: self.mark(s))
            self.table.addAction(action)
            self.status_actions.append(action)

    def mark(self, status: str) -> None:
        """Record the selected delegation's status, then select the next one (a roll call goes down the list)."""
        if self._stray:
            self._say_stop()
            return
        row = self.table.currentIndex().row()
        if row < 0:
            if not self.model.rowCount():
                return
            row = 0
        code = self.model.code_at(row)
        if self._run(roll_call, code, status, text=f"Roll call: {status}") is not None:
            self._marks = [*self._marks, Mark(code, status, time.monotonic())][-RECENT_MARKS:]
            following = min(row + 1, self.model.rowCount() - 1)
            self.table.setCurrentIndex(self.model.index(following, 0))

    def _not_a_mark(self, text: str) -> None:
        """A key that is not P, V or A: the chair may be typing words here by mistake; stop the marks, and name
        the marks typed just before so that the chair can take back with Ctrl+Z those that were part of it."""
        if text.upper() in STATUS_KEYS:  # Shift+P is still P (the actions' keys are the plain letters)
            self.mark(STATUS_KEYS[text.upper()])
            return
        if not self._stray:
            self._stray = text
            now = time.monotonic()
            recent = [m for m in reversed(self._marks) if now - m.at <= RECENT_SECONDS]
            self._named = [m for m in recent if self._stands(m)]
        self._say_stop()

    def _stands(self, mark: Mark) -> bool:
        """Whether the roll call still shows this mark (Ctrl+Z has not taken it back)."""
        return self.controller.session.state.procedure.status(mark.code) == mark.status

    def stop_line(self) -> str:
        """What the message line says while the marks are stopped: the stray key, the marks just recorded (the
        last first) and those taken back since, and the keys that take back a mark and go on."""
        names = self.controller.session.state.roster.name_of
        kept = [m for m in self._named if self._stands(m)]
        gone = [m for m in self._named if not self._stands(m)]
        key = "the space bar" if self._stray == " " else f"“{self._stray}”"
        line = f"Stopped: {key} is not a roll-call key (P, V, A)."
        if gone:
            line += f" Taken back: {', '.join(f'{names(m.code)} {m.status}' for m in gone)}."
        if kept:
            undo = "Ctrl+Z takes it back" if len(kept) == 1 else "Ctrl+Z takes back the last one"
            line += f" Just recorded: {', '.join(f'{names(m.code)} {m.status}' for m in kept)} — {undo}."
        return line + " Ctrl+Alt+R goes on with the roll call."

    def _say_stop(self) -> None:
        self._line = self.stop_line()
        self._say(self._line, True)

    def take_marks(self) -> None:
        """The chair is back at the roll call: its keys are marks again (and the stop line goes)."""
        if self._stray:
            self._stray, self._named, self._line = "", [], ""
            self._say("", False)

    def focus(self) -> None:
        """Put the keyboard in the table, on the first delegation not yet called, taking marks."""
        self.take_marks()
        state = self.controller.session.state
        codes = state.roster.codes()
        row = next((i for i, c in enumerate(codes) if state.procedure.status(c) is None), 0)
        if codes:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh(self) -> None:
        """Show the roll call and the quorum."""
        state = self.controller.session.state
        current = self.table.currentIndex()
        self.model.refresh()
        if current.isValid() and current.row() < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(current.row(), 0))
        if self._stray and self.stop_line() != self._line:  # a mark it names was taken back (or redone)
            self._say_stop()
        procedure = state.procedure
        if procedure.roll_called:
            self.quorum.setText(f"Quorum: {procedure.quorum_line(state.roster.codes())}.")
        else:
            self.quorum.setText("No roll call yet.")


class CaucusPanel(QWidget):
    """The caucus under way: a large countdown of its total time, and a moderated caucus's list of speakers."""

    def __init__(
        self,
        controller: SessionController,
        clock: Clock,
        run: Runner,
        say: Say,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.clock = clock
        self._run = run
        self._say = say
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("caucusCountdown")
        self.countdown.setWordWrap(True)
        font = QFont(self.countdown.font())
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.countdown.setFont(font)
        layout.addWidget(self.countdown)
        self.request_edit = QLineEdit(self)
        self.request_edit.setObjectName("caucusRequest")
        self.request_edit.setPlaceholderText("Caucus: type a delegation, Enter")
        self.completer = name_completer(self.request_edit)
        self.request_edit.returnPressed.connect(self._submit_later)
        layout.addWidget(self.request_edit)
        self.model = CaucusListModel(lambda: controller.session.state, self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("caucusList")
        self.list_view.setModel(self.model)
        layout.addWidget(self.list_view, 1)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(1000)

    def _submit_later(self) -> None:
        QTimer.singleShot(0, self.submit_request)  # after the completer's own handling of the same Enter

    def submit_request(self) -> None:
        """Put the delegation typed in the field on the caucus's list."""
        state = self.controller.session.state
        delegation, problem = resolve_delegation(state.roster, self.request_edit.text())
        if delegation is None:
            self._say(problem, True)
            return
        change = self._run(request_caucus_floor, delegation.code, text=f"Caucus request: {delegation.name}")
        if change is not None:
            caucus = self.controller.session.state.procedure.caucus
            place = len(caucus.queue) if caucus else 0
            self._say(f"{delegation.name} is on the caucus's list, place {place}.", False)
            self.request_edit.clear()

    def selected_id(self) -> str | None:
        """The caucus request selected (or the first), or None when the list is empty."""
        index = self.list_view.currentIndex()
        if index.isValid():
            return self.model.request_at(index.row()).id
        return self.model.request_at(0).id if self.model.rowCount() else None

    def tick(self) -> None:
        """Redraw the countdown against the clock."""
        state = self.controller.session.state
        self.countdown.setText(caucus_line(state, self.clock()))
        caucus = state.procedure.caucus
        over = caucus is not None and caucus.remaining_seconds(self.clock()) < 0
        self.countdown.setStyleSheet("color: #b3001b;" if over else "")

    def refresh(self) -> None:
        """Show the caucus, its list and the roster's names in the completer."""
        state = self.controller.session.state
        caucus = state.procedure.caucus
        moderated = caucus is not None and caucus.moderated
        self.model.refresh()
        self.request_edit.setEnabled(moderated)
        self.list_view.setVisible(moderated)
        offer_names(self.completer, state.roster)
        self.tick()
