"""The floor dock: type-ahead requests, the list of speakers, the large countdown and the session clock.

Every change goes through the controller (so it is an event in the session file); the countdown is only a
view of the current intervention's event timestamps against the display clock, redrawn a few times a second.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ...core.floor.model import (
    KINDS,
    POINT_OF_ORDER,
    SPEAKER,
    WARNING_SECONDS,
    format_duration,
    minutes_seconds,
)
from ...core.floor.operations import (
    end_intervention,
    end_item,
    give_floor,
    hear_point_of_order,
    move_request,
    next_speaker,
    pause_timer,
    request_floor,
    resume_timer,
    set_speaking_time,
    withdraw_request,
)
from ...core.floor.roster import Delegation
from ...core.log.change import Change
from ...core.log.eventlog import utc_now
from ..actions import shortcut_action
from ..controller import SessionController
from ..qt import (
    QAbstractItemView,
    QAction,
    QComboBox,
    QCompleter,
    QDockWidget,
    QFont,
    QFontDatabase,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QSpinBox,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from .model import SpeakersListModel, delegation_colour

Clock = Callable[[], datetime]

# Background and text colours of the countdown in each state: legible from the back of a room.
COUNTDOWN_COLOURS = {
    "idle": ("#eceef1", "#6b7280"),
    "normal": ("#14532d", "#ffffff"),
    "warning": ("#f5b301", "#1a1a1a"),
    "overrun": ("#b3001b", "#ffffff"),
    "paused": ("#4b5563", "#ffffff"),
}


def clock_text(seconds: float) -> str:
    """Seconds as a countdown reads: "2:41", "0:05", "+0:12" once over time, "1:02:03" past an hour."""
    over = seconds < 0
    total = int(-seconds) if over else int(seconds + 0.999)  # count down whole seconds, up once over
    return ("+" if over else "") + minutes_seconds(total)


class Countdown(QFrame):
    """The large countdown: idle, normal, warning (30 s left), overrun (counting up, red) or paused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.state = "idle"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(0)
        self.caption = QLabel("No one has the floor", self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption_font = QFont(self.caption.font())
        caption_font.setPointSize(max(11, caption_font.pointSize() + 2))
        caption_font.setBold(True)
        self.caption.setFont(caption_font)
        self.digits = QLabel("–:––", self)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPixelSize(76)
        font.setBold(True)
        self.digits.setFont(font)
        self.detail = QLabel("", self)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setFont(caption_font)
        self.detail.setWordWrap(True)
        self.caption.setWordWrap(True)
        # Who a point of order interrupted: set apart on a light band, so it reads as "waiting to resume".
        self.suspended = QLabel("", self)
        self.suspended.setObjectName("suspendedSpeaker")
        self.suspended.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.suspended.setWordWrap(True)
        suspended_font = QFont(caption_font)
        suspended_font.setPointSize(caption_font.pointSize() - 2)
        self.suspended.setFont(suspended_font)
        self.suspended.setVisible(False)
        layout.addWidget(self.caption)
        layout.addWidget(self.digits)
        layout.addWidget(self.detail)
        layout.addSpacing(4)
        layout.addWidget(self.suspended)
        self.show_state("idle", "–:––", "No one has the floor", "")

    def show_suspended(self, text: str) -> None:
        """Show (or, with "", hide) the line naming the speaker a point of order suspended."""
        self.suspended.setText(text)
        self.suspended.setVisible(bool(text))

    def show_state(self, state: str, digits: str, caption: str, detail: str) -> None:
        """Show the time and words of one state, in that state's colours."""
        if state != self.state:
            self.state = state
            background, foreground = COUNTDOWN_COLOURS[state]
            self.setStyleSheet(
                f"QFrame#countdown {{ background: {background}; border-radius: 8px; }}"
                f"QFrame#countdown QLabel {{ color: {foreground}; background: transparent; }}"
                "QFrame#countdown QLabel#suspendedSpeaker { color: #1f2937; background: #f3f4f6;"
                " border-radius: 5px; padding: 4px 6px; }"
            )
        self.digits.setText(digits)
        self.caption.setText(caption)
        self.detail.setText(detail)


class FloorDock(QDockWidget):
    """The chair's floor: who asked, who speaks, how long is left; every action has a shortcut."""

    def __init__(
        self, controller: SessionController, parent: QWidget | None = None, clock: Clock | None = None
    ):
        super().__init__("Floor", parent)
        self.setObjectName("FloorDock")
        self.setMinimumWidth(330)
        self.controller = controller
        self.clock: Clock = clock or utc_now
        self._acting = False
        self._dialogs: list[QWidget] = []
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.session_clock = QLabel(body)
        self.session_clock.setObjectName("sessionClock")
        self.session_clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.session_clock)

        self.countdown = Countdown(body)
        layout.addWidget(self.countdown)
        self.overruns_label = QLabel(body)
        self.overruns_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.overruns_label)

        self._make_actions()
        buttons = QHBoxLayout()
        for action in (self.next_action, self.end_action, self.pause_action, self.give_action):
            buttons.addWidget(self._button(action, body))
        layout.addLayout(buttons)
        self.point_button = self._button(self.point_action, body)
        layout.addWidget(self.point_button)

        request_row = QHBoxLayout()
        self.request_edit = QLineEdit(body)
        self.request_edit.setPlaceholderText("Type a delegation, Enter")
        self.request_edit.setClearButtonEnabled(True)
        self.completer = QCompleter([], self.request_edit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.request_edit.setCompleter(self.completer)
        self.request_edit.returnPressed.connect(self._submit_later)
        self.completer.activated.connect(self._submit_later)
        self.kind_combo = QComboBox(body)
        for kind in KINDS:
            self.kind_combo.addItem(kind.capitalize(), kind)
        request_row.addWidget(self.request_edit, 1)
        request_row.addWidget(self.kind_combo)
        layout.addLayout(request_row)
        self.message = QLabel(body)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.model = SpeakersListModel(lambda: self.controller.session.state, self.clock, self)
        self.queue_view = QListView(body)
        self.queue_view.setModel(self.model)
        self.queue_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue_view.setAlternatingRowColors(True)
        self.queue_view.setWordWrap(True)
        self.queue_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.queue_view.setResizeMode(QListView.ResizeMode.Adjust)
        list_font = QFont(self.queue_view.font())
        list_font.setPointSize(list_font.pointSize() + 2)
        self.queue_view.setFont(list_font)
        self.list_title = QLabel("<b>List of speakers</b>", body)
        layout.addWidget(self.list_title)
        layout.addWidget(self.queue_view, 1)
        list_buttons = QHBoxLayout()
        for action in (self.withdraw_action, self.up_action, self.down_action, self.end_item_action):
            list_buttons.addWidget(self._button(action, body))
        layout.addLayout(list_buttons)

        times = QFormLayout()
        self.time_spins: dict[str | None, QSpinBox] = {}
        for kind, label in (
            (None, "Speaking time"),
            (POINT_OF_ORDER, "Point of order"),
            ("right of reply", "Right of reply"),
        ):
            spin = QSpinBox(body)
            spin.setRange(0 if kind else 10, 3600)
            spin.setSingleStep(15)
            spin.setSuffix(" s")
            if kind:
                spin.setSpecialValueText("as speaking time")
            spin.editingFinished.connect(lambda k=kind: self._set_time(k))
            times.addRow(label, spin)
            self.time_spins[kind] = spin
        layout.addLayout(times)
        footer = QHBoxLayout()
        footer.addWidget(self._button(self.roster_action, body))
        footer.addWidget(self._button(self.figures_action, body))
        layout.addLayout(footer)

        controller.changed.connect(self._on_change)
        controller.refused.connect(self._on_refused)
        self.timer = QTimer(self)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.refresh()

    # ---------------------------------------------------------------- actions
    def _action(self, text: str, shortcut: str, slot: Callable[[], object], tip: str) -> QAction:
        action = shortcut_action(self, text, shortcut, slot, tip)
        self.addAction(action)  # its key works in the dock even before a window takes up its actions
        return action

    def _make_actions(self) -> None:
        self.request_action = self._action(
            "Ask for the floor",
            "Ctrl+L",
            self.focus_request,
            "Type a delegation's name to put it on the list",
        )
        self.next_action = self._action(
            "Next speaker", "F6", self.next_speaker, "Give the floor to the head of the list"
        )
        self.end_action = self._action(
            "End", "F7", self.end_intervention, "End the intervention; stop the timer"
        )
        self.point_action = self._action(
            "Hear the point of order",
            "Ctrl+Shift+O",
            self.hear_point_of_order,
            "Give the floor at once to the point of order; the speaker is suspended and resumes after it",
        )
        self.pause_action = self._action(
            "Pause", "F8", self.toggle_pause, "Pause or resume the speaker's time"
        )
        self.give_action = self._action(
            "Give floor…",
            "Ctrl+Shift+G",
            self.give_floor,
            "Give the floor to any delegation, on the list or not",
        )
        self.withdraw_action = self._action(
            "Withdraw", "Ctrl+Shift+W", self.withdraw_selected, "Take the selected request off the list"
        )
        self.up_action = self._action(
            "Up", "Alt+Up", lambda: self.move_selected(-1), "Move the selected request up"
        )
        self.down_action = self._action(
            "Down", "Alt+Down", lambda: self.move_selected(1), "Move the selected request down"
        )
        self.end_item_action = self._action(
            "End item", "Ctrl+Shift+E", self.end_item, "Close the item: rights of reply are heard now"
        )
        self.roster_action = self._action(
            "Roster…", "Ctrl+Shift+R", self.open_roster, "Edit, import or export the roster"
        )
        self.figures_action = self._action(
            "Figures…", "Ctrl+Shift+F", self.open_figures, "Speaking figures by delegation and group"
        )

    def actions(self) -> list[QAction]:  # type: ignore[override]
        """The floor's actions, in menu order (each with its shortcut)."""
        return [
            self.request_action,
            self.next_action,
            self.point_action,
            self.end_action,
            self.pause_action,
            self.give_action,
            self.withdraw_action,
            self.up_action,
            self.down_action,
            self.end_item_action,
            self.roster_action,
            self.figures_action,
        ]

    @staticmethod
    def _button(action: QAction, parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return button

    # ------------------------------------------------------------ operations
    def _run(self, operation: Callable[..., Change], *args: object, **kwargs: object) -> Change | None:
        self._acting = True
        try:
            return self.controller.run(operation, *args, **kwargs)
        finally:
            self._acting = False

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3001b; font-weight: bold;" if error else "color: #374151;")
        self.message.setText(text)

    def _on_refused(self, text: str) -> None:
        if self._acting:
            self._say(text, error=True)

    def resolve(self, text: str) -> Delegation | None:
        """The delegation typed text stands for, or None (the reason is shown in the dock)."""
        roster = self.controller.session.state.roster
        if not text.strip():
            return None
        matches = roster.find(text)
        if not matches:
            self._say(f"No delegation on the roster matches “{text.strip()}”.", error=True)
            return None
        key = text.strip().casefold()
        exact = [d for d in matches if key in (d.name.casefold(), d.code.casefold())]
        starts = [d for d in matches if any(w.startswith(key) for w in d.name.casefold().split())]
        for tier in (exact, starts, matches):
            if len(tier) == 1:
                return tier[0]
            if len(tier) > 1:
                names = ", ".join(d.name for d in tier[:5])
                self._say(f"“{text.strip()}” matches {names}: type more letters.", error=True)
                return None
        return None

    def _submit_later(self, *_: object) -> None:
        # The completer's activation and returnPressed can both come from one Enter: submit once, after both.
        QTimer.singleShot(0, self.submit_request)

    def submit_request(self) -> None:
        """Put the delegation typed in the field on the list, with the kind chosen beside it."""
        text = self.request_edit.text()
        delegation = self.resolve(text)
        if delegation is None:
            return
        kind = self.kind_combo.currentData()
        change = self._run(
            request_floor,
            delegation.code,
            kind,
            section=self.controller.current_section,
            paragraph=self.controller.current_paragraph,
            text=f"Request: {delegation.name}",
        )
        if change is not None:
            floor = self.controller.session.state.floor
            place = floor.position(change.event.payload["id"])
            what = "" if kind == SPEAKER else f" ({kind})"
            self._say(f"{delegation.name}{what} is on the list, place {place}.")
            self.request_edit.clear()
            self.kind_combo.setCurrentIndex(0)

    def focus_request(self) -> None:
        """Put the cursor in the type-ahead field."""
        self.request_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.request_edit.selectAll()

    def next_speaker(self) -> None:
        """Give the floor to the head of the list."""
        if self._run(next_speaker) is not None:
            self._say("")

    def hear_point_of_order(self) -> None:
        """Give the floor at once to the first point of order on the list (the speaker is suspended)."""
        if self._run(hear_point_of_order) is not None:
            self._say("")

    def end_intervention(self) -> None:
        """End the current intervention (after a point of order, the suspended speaker resumes)."""
        self._run(end_intervention)

    def toggle_pause(self) -> None:
        """Pause the speaker's time, or resume it."""
        current = self.controller.session.state.floor.current
        self._run(resume_timer if current is not None and current.paused else pause_timer)

    def give_floor(self) -> None:
        """Give the floor to the delegation typed in the field, or one chosen from the roster."""
        delegation = self.resolve(self.request_edit.text())
        if delegation is None and not self.request_edit.text().strip():
            roster = self.controller.session.state.roster
            names = [d.name for d in roster.delegations]
            if not names:
                self._say("The roster is empty: add delegations first (Roster…).", error=True)
                return
            name, ok = QInputDialog.getItem(self, "Give the floor", "Delegation:", names, 0, False)
            delegation = roster.delegations[names.index(name)] if ok else None
        if delegation is None:
            return
        if self._run(give_floor, delegation.code, self.kind_combo.currentData()) is not None:
            self.request_edit.clear()
            self.kind_combo.setCurrentIndex(0)
            self._say("")

    def _selected_id(self) -> str | None:
        index = self.queue_view.currentIndex()
        return self.model.request_at(index.row()).id if index.isValid() else None

    def withdraw_selected(self) -> None:
        """Withdraw the selected request (or lower an old hand)."""
        request_id = self._selected_id()
        if request_id is None:
            self._say("Select a request on the list first.", error=True)
            return
        self._run(withdraw_request, request_id)

    def move_selected(self, delta: int) -> None:
        """Move the selected request up or down the list (the chair's discretion, recorded)."""
        request_id = self._selected_id()
        if request_id is None:
            return
        row = self.queue_view.currentIndex().row() + delta
        if 0 <= row < self.model.rowCount() and self._run(move_request, request_id, row) is not None:
            self.queue_view.setCurrentIndex(self.model.index(row, 0))

    def end_item(self) -> None:
        """Close the item under discussion."""
        self._run(end_item)

    def _set_time(self, kind: str | None) -> None:
        floor = self.controller.session.state.floor
        value = self.time_spins[kind].value()
        seconds = value if kind is None or value else None
        current = floor.default_seconds if kind is None else floor.overrides.get(kind)
        if seconds != current:
            self._run(set_speaking_time, seconds, kind)

    def open_roster(self) -> None:
        """Open the roster editor."""
        from .roster_dialog import RosterDialog

        dialog = RosterDialog(self.controller, self)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _=0, d=dialog: self._dialogs.remove(d) if d in self._dialogs else None)
        dialog.open()

    def open_figures(self) -> None:
        """Open the speaking figures."""
        from .figures_view import FiguresDialog

        dialog = FiguresDialog(self.controller, self, clock=self.clock)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _=0, d=dialog: self._dialogs.remove(d) if d in self._dialogs else None)
        dialog.show()

    # --------------------------------------------------------------- display
    def _on_change(self, change: Change) -> None:
        if change.areas & {"floor", "roster", "draft"}:
            self.refresh()

    def refresh(self) -> None:
        """Show the list, the buttons and the countdown as the state now stands."""
        state = self.controller.session.state
        floor = state.floor
        selected = self._selected_id()
        self.model.refresh()
        ids = [r.id for r in floor.queue]
        if selected in ids:
            self.queue_view.setCurrentIndex(self.model.index(ids.index(selected), 0))
        names = [d.name for d in state.roster.delegations]
        if self.completer.model().rowCount() != len(names) or names != [
            self.completer.model().index(i, 0).data() for i in range(len(names))
        ]:
            self.completer.model().setStringList(names)  # type: ignore[attr-defined]
        head = floor.next_request()
        if floor.suspended is not None and (head is None or head.kind != POINT_OF_ORDER):
            self.next_action.setText(f"Resume: {state.roster.name_of(floor.suspended.delegation)}")
            self.next_action.setEnabled(True)
        else:
            self.next_action.setText(
                f"Next: {state.roster.name_of(head.delegation)}" if head else "Next speaker"
            )
            self.next_action.setEnabled(head is not None)
        point = floor.next_point_of_order()
        self.point_action.setEnabled(point is not None)
        self.point_action.setText(
            f"Hear the point of order: {state.roster.name_of(point.delegation)}"
            if point
            else "Hear the point of order"
        )
        self.end_action.setEnabled(floor.current is not None)
        self.pause_action.setEnabled(floor.current is not None)
        self.pause_action.setText("Resume" if floor.current is not None and floor.current.paused else "Pause")
        self.end_item_action.setEnabled(True)
        self.list_title.setText(f"<b>List of speakers</b> ({len(floor.queue)} waiting)")
        overruns = sum(1 for i in floor.interventions if i.overrun_seconds >= 0.5)
        self.overruns_label.setText(f"Overruns this session: {overruns}")
        for kind, spin in self.time_spins.items():
            spin.blockSignals(True)
            spin.setValue(floor.default_seconds if kind is None else floor.overrides.get(kind, 0))
            spin.blockSignals(False)
        self.tick()

    def _dot(self, code: str) -> str:
        roster = self.controller.session.state.roster
        colour = delegation_colour(roster.get(code).colour if code in roster else "")
        return f"<span style='color:{colour.name()}'>●</span>"

    def countdown_state(self) -> str:
        """What the countdown shows now: "idle", "normal", "warning", "overrun" or "paused"."""
        current = self.controller.session.state.floor.current
        if current is None:
            return "idle"
        remaining = current.remaining_seconds(self.clock())
        if remaining < 0:
            return "overrun"
        if current.paused:
            return "paused"
        return "warning" if remaining <= WARNING_SECONDS else "normal"

    def tick(self) -> None:
        """Redraw the clock and the countdown from the event timestamps and the display clock."""
        now = self.clock()
        self.session_clock.setText(f"Session clock  <b>{now.astimezone().strftime('%H:%M:%S')}</b>")
        state = self.controller.session.state
        current = state.floor.current
        suspended = state.floor.suspended
        self.countdown.show_suspended(
            f"{self._dot(suspended.delegation)} {state.roster.name_of(suspended.delegation)} — suspended by "
            f"a point of order<br><span style='font-weight:normal'>resumes with "
            f"{clock_text(suspended.remaining_seconds(now))} left</span>"
            if suspended is not None
            else ""
        )
        if current is None:
            self.countdown.show_state("idle", "–:––", "No one has the floor", "")
            return
        name = state.roster.name_of(current.delegation)
        caption = f"{self._dot(current.delegation)} {name}"
        if current.kind != SPEAKER:
            caption += f" — {current.kind}"
        remaining = current.remaining_seconds(now)
        mode = self.countdown_state()
        allotted = format_duration(current.allotted_seconds)
        if mode == "overrun":
            detail = f"OVER TIME by {format_duration(-remaining)}" + (" · paused" if current.paused else "")
        elif mode == "paused":
            detail = f"PAUSED · {allotted} allotted"
        elif mode == "warning":
            detail = f"{format_duration(remaining)} left — please conclude"
        else:
            detail = f"of {allotted}"
        self.countdown.show_state(mode, clock_text(remaining), caption, detail)
