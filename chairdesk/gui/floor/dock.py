"""The floor dock: the countdown and its controls above, the list of speakers below, the speaking times.

It composes the pieces (countdown.py: the clock, the countdown and the speaking times; speakers_list.py:
type-ahead requests and the list) and holds the actions that give, end and pause the floor. Every change goes
through the controller (so it is an event in the session file).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ...core.floor.model import POINT_OF_ORDER
from ...core.floor.operations import (
    end_intervention,
    give_floor,
    hear_point_of_order,
    next_speaker,
    pause_timer,
    resume_timer,
)
from ...core.log.change import Change
from ...core.log.eventlog import utc_now
from ..actions import action_button, shortcut_action
from ..controller import DrawnOnce, SessionController
from ..qt import QAction, QDockWidget, QHBoxLayout, QInputDialog, QVBoxLayout, QWidget
from .band import FloorBand
from .countdown import COUNTDOWN_COLOURS, Countdown, FloorTimer, SpeakingTimes, clock_text
from .floor_keys import FloorKeys
from .speakers_list import SpeakersListPanel

__all__ = ["COUNTDOWN_COLOURS", "Countdown", "FloorDock", "clock_text"]

Clock = Callable[[], datetime]


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
        self._dialogs: list[QWidget] = []
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.floor_timer = FloorTimer(controller, self.clock, body)
        layout.addWidget(self.floor_timer)
        self.band = FloorBand(self)  # the side docks put it above the tabs: it shows whatever tab is raised
        self.floor_timer.views.append(self.band.countdown)
        self._make_actions()
        buttons = QHBoxLayout()
        for action in (self.next_action, self.end_action, self.pause_action, self.give_action):
            buttons.addWidget(action_button(action, body))
        layout.addLayout(buttons)
        self.point_button = action_button(self.point_action, body)
        layout.addWidget(self.point_button)
        # Made after the buttons above, so Tab still goes from them down to the type-ahead field and the list.
        self.speakers = SpeakersListPanel(controller, self.clock, body)
        layout.addWidget(self.speakers, 1)
        self.speaking_times = SpeakingTimes(controller, self.speakers.run, body)
        layout.addWidget(self.speaking_times)
        footer = QHBoxLayout()
        footer.addWidget(action_button(self.roster_action, body))
        footer.addWidget(action_button(self.figures_action, body))
        layout.addLayout(footer)

        # The parts' widgets and actions, by the names the dock has always offered (tests and menus use them).
        self.session_clock = self.floor_timer.session_clock
        self.countdown = self.floor_timer.countdown
        self.overruns_label = self.floor_timer.overruns_label
        self.timer = self.floor_timer.timer
        self.request_edit = self.speakers.request_edit
        self.completer = self.speakers.completer
        self.kind_combo = self.speakers.kind_combo
        self.message = self.speakers.message
        self.model = self.speakers.model
        self.queue_view = self.speakers.queue_view
        self.list_title = self.speakers.list_title
        self.time_spins = self.speaking_times.time_spins
        self.request_action = self.speakers.request_action
        self.withdraw_action = self.speakers.withdraw_action
        self.up_action = self.speakers.up_action
        self.down_action = self.speakers.down_action
        self.end_item_action = self.speakers.end_item_action

        # F6, F7, F8 and Ctrl+Shift+O act on the floor even while a dialog of the desk is open
        self.floor_keys = FloorKeys(
            [self.next_action, self.point_action, self.end_action, self.pause_action], self.window
        )
        self.destroyed.connect(self.floor_keys.detach)
        self._drawn = DrawnOnce(controller, lambda: self.refresh())
        controller.changed.connect(self._on_change)
        self.refresh()

    # ---------------------------------------------------------------- actions
    def _action(self, text: str, shortcut: str, slot: Callable[[], object], tip: str) -> QAction:
        action = shortcut_action(self, text, shortcut, slot, tip)
        self.addAction(action)  # its key works in the dock even before a window takes up its actions
        return action

    def _make_actions(self) -> None:
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

    # ------------------------------------------------------------ operations
    def _run(self, operation: Callable[..., Change], *args: object, **kwargs: object) -> Change | None:
        return self.speakers.run(operation, *args, **kwargs)

    def next_speaker(self) -> None:
        """Give the floor to the head of the list."""
        if self._run(next_speaker) is not None:
            self.speakers.say("")

    def hear_point_of_order(self) -> None:
        """Give the floor at once to the first point of order on the list (the speaker is suspended)."""
        if self._run(hear_point_of_order) is not None:
            self.speakers.say("")

    def end_intervention(self) -> None:
        """End the current intervention (after a point of order, the suspended speaker resumes)."""
        self._run(end_intervention)

    def toggle_pause(self) -> None:
        """Pause the speaker's time, or resume it."""
        current = self.controller.session.state.floor.current
        self._run(resume_timer if current is not None and current.paused else pause_timer)

    def give_floor(self) -> None:
        """Give the floor to the delegation typed in the field, or one chosen from the roster."""
        delegation = self.speakers.resolve(self.request_edit.text())
        if delegation is None and not self.request_edit.text().strip():
            roster = self.controller.session.state.roster
            names = [d.name for d in roster.delegations]
            if not names:
                self.speakers.say("The roster is empty: add delegations first (Roster…).", error=True)
                return
            name, ok = QInputDialog.getItem(self, "Give the floor", "Delegation:", names, 0, False)
            delegation = roster.delegations[names.index(name)] if ok else None
        if delegation is None:
            return
        if self._run(give_floor, delegation.code, self.kind_combo.currentData()) is not None:
            self.speakers.clear_request()
            self.speakers.say("")

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
        if change.areas & {"floor", "roster", "workshop"}:  # a request's paragraph number is read when its tooltip shows
            self._drawn.changed()  # "next speaker" ends one turn and gives the next: drawn once, at the end

    def refresh(self) -> None:
        """Show the list, the buttons and the countdown as the state now stands."""
        state = self.controller.session.state
        floor = state.floor
        self.speakers.refresh()
        head = floor.next_request()
        slot = state.workshop.next_slot() if state.workshop.running_order else None
        if state.workshop.running_order and floor.suspended is None:  # a workshop's running order (F6 follows it)
            who = state.roster.name_of(slot.delegation) if slot else "none left (Q&A: Ctrl+Alt+T)"
            self.next_action.setText(f"Next panelist: {who}")
            self.next_action.setEnabled(True)
        elif floor.suspended is not None and (head is None or head.kind != POINT_OF_ORDER):
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
        self.speaking_times.refresh()
        self.floor_timer.refresh()

    def countdown_state(self) -> str:
        """What the countdown shows now: "idle", "normal", "warning", "overrun" or "paused"."""
        return self.floor_timer.countdown_state()

    def tick(self) -> None:
        """Redraw the clock and the countdown from the event timestamps and the display clock."""
        self.floor_timer.tick()
