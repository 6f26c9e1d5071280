"""The list of speakers in the floor dock: type-ahead requests, the list, withdrawing, reordering, ending the item.

Every change goes through the controller (so it is an event in the session file); a refusal of what the floor
dock asked for is shown on the message line under the type-ahead field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ...core.floor.model import KINDS, SPEAKER
from ...core.floor.operations import end_item, move_request, request_floor, withdraw_request
from ...core.floor.roster import Delegation
from ..actions import action_button, shortcut_action
from ..controller import SessionController
from ..panel import RunsOperations
from ..qt import (
    QAbstractItemView,
    QAction,
    QComboBox,
    QCompleter,
    QDockWidget,
    QFont,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from .model import SpeakersListModel

Clock = Callable[[], datetime]
CANDIDATES_LISTED = 12


class SpeakersListPanel(RunsOperations, QWidget):
    """Who asked for the floor, in order: the chair types a name to add one, and withdraws or moves them."""

    def __init__(self, controller: SessionController, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        request_row = QHBoxLayout()
        self.request_edit = QLineEdit(self)
        self.request_edit.setPlaceholderText("Type a delegation, Enter")
        self.request_edit.setClearButtonEnabled(True)
        # The popup lists the roster's own candidates for the typed text (accents, aliases, codes: Roster.find);
        # the field drives it (setWidget, not setCompleter), and no row is current until the chair moves to
        # one, so that Enter on typed text never takes the first candidate.
        self.completer = QCompleter([], self.request_edit)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.request_edit)
        self.request_edit.textEdited.connect(self.show_candidates)
        self.request_edit.returnPressed.connect(self._submit_later)
        self.completer.activated.connect(self._chosen)
        self.kind_combo = QComboBox(self)
        for kind in KINDS:
            self.kind_combo.addItem(kind.capitalize(), kind)
        request_row.addWidget(self.request_edit, 1)
        request_row.addWidget(self.kind_combo)
        layout.addLayout(request_row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.model = SpeakersListModel(lambda: self.controller.session.state, clock, self)
        self.queue_view = QListView(self)
        self.queue_view.setModel(self.model)
        self.queue_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue_view.setAlternatingRowColors(True)
        self.queue_view.setWordWrap(True)
        self.queue_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.queue_view.setResizeMode(QListView.ResizeMode.Adjust)
        list_font = QFont(self.queue_view.font())
        list_font.setPointSize(list_font.pointSize() + 2)
        self.queue_view.setFont(list_font)
        self.list_title = QLabel("<b>List of speakers</b>", self)
        layout.addWidget(self.list_title)
        layout.addWidget(self.queue_view, 1)

        self._make_actions()
        list_buttons = QHBoxLayout()
        for action in (self.withdraw_action, self.up_action, self.down_action, self.end_item_action):
            list_buttons.addWidget(action_button(action, self))
        layout.addLayout(list_buttons)
        controller.refused.connect(self._on_refused)

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

    # ------------------------------------------------------------ operations
    def resolve(self, text: str) -> Delegation | None:
        """The delegation typed text stands for, or None (the reason, or the candidates, shown in the dock)."""
        if not text.strip():
            return None
        found = self.controller.session.state.roster.resolve(text)
        if found.delegation is None:
            self.say(found.message, error=True)
        return found.delegation

    def candidates(self) -> list[str]:
        """The names the type-ahead popup offers for the text in the field."""
        model = self.completer.model()
        return [model.index(i, 0).data() for i in range(model.rowCount())]

    def show_candidates(self, text: str) -> None:
        """Offer the roster's delegations matching the typed text (best first) in the popup."""
        found = self.controller.session.state.roster.find(text)[:CANDIDATES_LISTED] if text.strip() else []
        self.completer.model().setStringList([d.name for d in found])  # type: ignore[attr-defined]
        popup = self.completer.popup()
        if found:
            self.completer.complete()
            popup.setCurrentIndex(popup.model().index(-1, 0))
        else:
            popup.hide()

    def _chosen(self, name: str) -> None:
        self.request_edit.setText(name)
        self._submit_later()

    def clear_request(self) -> None:
        """Empty the type-ahead field and set the kind back to the usual one."""
        self.request_edit.clear()
        self.kind_combo.setCurrentIndex(0)

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
        change = self.run(
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
            self.say(f"{delegation.name}{what} is on the list, place {place}.")
            self.clear_request()

    def focus_request(self) -> None:
        """Put the cursor in the type-ahead field (bringing the Floor panel forward if another tab hid it)."""
        panel = self.parentWidget()
        while panel is not None and not isinstance(panel, QDockWidget):
            panel = panel.parentWidget()
        if panel is not None:
            panel.raise_()
        self.request_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.request_edit.selectAll()

    def selected_id(self) -> str | None:
        """The id of the request selected on the list, or None."""
        index = self.queue_view.currentIndex()
        return self.model.request_at(index.row()).id if index.isValid() else None

    def withdraw_selected(self) -> None:
        """Withdraw the selected request (or lower an old hand)."""
        request_id = self.selected_id()
        if request_id is None:
            self.say("Select a request on the list first.", error=True)
            return
        self.run(withdraw_request, request_id)

    def move_selected(self, delta: int) -> None:
        """Move the selected request up or down the list (the chair's discretion, recorded)."""
        request_id = self.selected_id()
        if request_id is None:
            return
        row = self.queue_view.currentIndex().row() + delta
        if 0 <= row < self.model.rowCount() and self.run(move_request, request_id, row) is not None:
            self.queue_view.setCurrentIndex(self.model.index(row, 0))

    def end_item(self) -> None:
        """Close the item under discussion."""
        self.run(end_item)

    # --------------------------------------------------------------- display
    def refresh(self) -> None:
        """Show the list, keeping the selected request selected."""
        state = self.controller.session.state
        floor = state.floor
        selected = self.selected_id()
        self.model.refresh()
        ids = [r.id for r in floor.queue]
        if selected in ids:
            self.queue_view.setCurrentIndex(self.model.index(ids.index(selected), 0))
        self.end_item_action.setEnabled(True)
        self.list_title.setText(f"<b>List of speakers</b> ({len(floor.queue)} waiting)")
