"""The running order list of the Workshop dock: drag or Ctrl+Shift+Up/Down to move a panelist, keys to swap
and skip; each change is an event through the controller."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...core.floor.model import minutes_seconds
from ...core.log.change import Change
from ...core.workshop.model import Slot
from ...core.workshop.operations import move_slot
from ..controller import SessionController
from ..qt import (
    QAbstractItemView,
    QAction,
    QDropEvent,
    QKeySequence,
    QListWidget,
    QListWidgetItem,
    Qt,
    QWidget,
)

Runner = Callable[..., Change | None]


class RunningOrderList(QListWidget):
    """The panelists in the running order; the next one to speak is marked, held and skipped ones say so."""

    def __init__(self, controller: SessionController, run: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runningOrderList")
        self.controller = controller
        self._run = run
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.up_action = self._local("Move the panelist up", "Ctrl+Shift+Up", lambda: self.move_selected(-1))
        self.down_action = self._local(
            "Move the panelist down", "Ctrl+Shift+Down", lambda: self.move_selected(1)
        )

    def _local(self, text: str, key: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # only while the list has the keys
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def slots(self) -> list[Slot]:
        """The running order as it stands."""
        return list(self.controller.session.state.workshop.order)

    def selected(self) -> Slot | None:
        """The slot of the selected row (or None)."""
        row = self.currentRow()
        order = self.slots()
        return order[row] if 0 <= row < len(order) else None

    def text_of(self, slot: Slot) -> str:
        """A row's text: name, time, and held / skipped / next."""
        workshop = self.controller.session.state.workshop
        name = self.controller.session.state.roster.name_of(slot.delegation)
        text = f"{name} \u2014 {minutes_seconds(slot.seconds)}"
        if slot.held_ts:
            text += " \u2014 held"
        elif slot.skipped:
            text += " \u2014 skipped"
        elif workshop.next_slot() is slot:
            text = "\u25b6 " + text + " \u2014 next"
        return text

    def refresh(self) -> None:
        """Show the running order as it stands (keeping the selected row)."""
        row = self.currentRow()
        self.clear()
        for slot in self.slots():
            item = QListWidgetItem(self.text_of(slot))
            item.setData(Qt.ItemDataRole.UserRole, slot.id)
            if slot.held_ts:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            self.addItem(item)
        if self.count():
            self.setCurrentRow(max(0, min(row, self.count() - 1)))

    def move_selected(self, step: int) -> None:
        """Move the selected panelist one place up or down."""
        slot = self.selected()
        if slot is None:
            return
        index = self.currentRow() + step
        if 0 <= index < self.count() and self._run(move_slot, slot.id, index) is not None:
            self.setCurrentRow(index)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        """A drag within the list moves the slot: the event is recorded, then the list is redrawn from it."""
        slot = self.selected()
        super().dropEvent(event)
        if slot is None:
            return
        ids = [self.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.count())]
        if slot.id in ids:
            self._run(move_slot, slot.id, ids.index(slot.id))
        self.refresh()
