"""The Workshop dock: the panelists' running order and the written interventions relayed from the chat.

Shown when the session has a running order or written interventions, or from its menu (Ctrl+Alt+<n>). Every
action has a key; every change goes through the controller (an event in the session file); a refusal is
shown on the dock's message line. Next speaker (F6, in the Floor dock) follows the running order while it is
the active list; Ctrl+Alt+Shift+T moves between it and the open Q&A list (the speakers' list).
"""

from __future__ import annotations

from ...core.floor.model import DEFAULT_SPEAKING_SECONDS, minutes_seconds
from ...core.log.change import Change
from ...core.workshop.model import CHAIR_ACTOR, WrittenIntervention, credited
from ...core.workshop.operations import (
    done_reading,
    import_running_order_csv,
    log_written,
    moderator,
    read_out,
    set_running_order,
    skip_slot,
    swap_slots,
    use_running_order,
)
from ..controller import SessionController
from ..panel import ButtonGrid, PanelDock, ask_text, name_completer, offer_names
from ..qt import (
    QAction,
    QCheckBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    Qt,
    QWidget,
)
from .running_order import RunningOrderList


class WorkshopDock(PanelDock):
    """A hybrid workshop's floor: running order (set, move, swap, skip) and the chat's written interventions."""

    clears_on_success = True  # a change that went through clears the message line
    watched = frozenset({"workshop", "floor", "roster"})

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__("Workshop", "WorkshopDock", controller, parent)
        self._menu: QMenu | None = None
        body, layout = self.body, self.column
        self.message = self.add_line("workshopMessage")
        self.list_title = self.add_line()
        self.order_list = RunningOrderList(controller, self.run, body)
        layout.addWidget(self.order_list, 2)
        self._make_actions()
        order_actions = [self.set_action, self.csv_action, self.swap_action, self.skip_action, self.list_action]
        layout.addWidget(ButtonGrid(order_actions, body))

        layout.addWidget(QLabel("<b>Written interventions</b> (chat)", body))
        self.author_edit = QLineEdit(body)
        self.author_edit.setObjectName("writtenAuthor")
        self.author_edit.setPlaceholderText("Author: type a name from the roster")
        self.completer = name_completer(self.author_edit)
        layout.addWidget(self.author_edit)
        self.text_edit = QLineEdit(body)
        self.text_edit.setObjectName("writtenText")
        self.text_edit.setPlaceholderText("The question or comment (Enter logs it)")
        self.text_edit.returnPressed.connect(self.log_comment)
        layout.addWidget(self.text_edit)
        self.asked_box = QCheckBox("Asked to speak (Ctrl+Alt+Shift+A)", body)
        self.asked_box.setObjectName("askedToSpeak")
        layout.addWidget(self.asked_box)
        self.moderator_edit = QLineEdit(body)
        self.moderator_edit.setObjectName("moderatorName")
        self.moderator_edit.setPlaceholderText(
            "Logged and read by: online moderator's name (empty: the Chair)"
        )
        layout.addWidget(self.moderator_edit)
        self.written_list = QListWidget(body)
        self.written_list.setObjectName("writtenList")
        self.written_list.setWordWrap(True)
        layout.addWidget(self.written_list, 2)
        layout.addWidget(ButtonGrid([self.chat_action, self.log_action, self.read_action], body))
        self.watch()

    # ---------------------------------------------------------------- actions
    def _make_actions(self) -> None:
        a = self._action
        self.set_action = a(
            "Set running order…",
            "Ctrl+Alt+Shift+J",
            self.set_order,
            "The panelists in order, and their time",
            "workshopSet",
        )
        self.csv_action = a(
            "From CSV…",
            "Ctrl+Alt+Shift+F",
            self.order_from_csv,
            "The running order from a CSV (name or code, minutes)",
            "workshopCsv",
        )
        self.swap_action = a(
            "Swap with next",
            "Ctrl+Alt+Shift+X",
            self.swap_with_next,
            "Swap the selected panelist with the one below",
            "workshopSwap",
        )
        self.skip_action = a(
            "Skip",
            "Ctrl+Alt+Shift+K",
            self.toggle_skip,
            "Skip the selected panelist, or put a skipped one back",
            "workshopSkip",
        )
        self.list_action = a(
            "Running order / Q&A",
            "Ctrl+Alt+Shift+T",
            self.toggle_list,
            "Move between the running order and the Q&A list",
            "workshopList",
        )
        self.focus_action = a(
            "Go to the running order",
            "Ctrl+Alt+Shift+G",
            self.focus_order,
            "Put the keys in the running order (Ctrl+Shift+Up/Down moves)",
            "workshopFocus",
        )
        self.chat_action = a(
            "Chat comment",
            "Ctrl+Alt+Shift+H",
            self.focus_chat,
            "Log a question or comment from the chat: author, then text",
            "workshopChat",
        )
        self.log_action = a(
            "Log", "Ctrl+Alt+Shift+B", self.log_comment, "Log the written intervention typed", "workshopLog"
        )
        self.asked_action = a(
            "Asked to speak",
            "Ctrl+Alt+Shift+A",
            self.asked_box_toggle,
            "The author asked to speak: put them on the list too",
            "workshopAsked",
        )
        self.read_action = a(
            "Read out",
            "Ctrl+Alt+Shift+O",
            self.toggle_reading,
            "Begin reading out the next written intervention, or finish",
            "workshopRead",
        )

    def actions(self) -> list[QAction]:  # type: ignore[override]
        """The workshop's actions, in menu order (each with its shortcut)."""
        return [
            self.set_action,
            self.csv_action,
            self.focus_action,
            self.swap_action,
            self.skip_action,
            self.list_action,
            self.chat_action,
            self.asked_action,
            self.log_action,
            self.read_action,
        ]

    def attach_menu(self, menu: QMenu, front: QAction) -> None:
        """Hidden until the session has a running order or written interventions; its menu shows it."""
        self._menu = menu
        if not self._has_workshop():
            self.hide()

    def _has_workshop(self) -> bool:
        workshop = self.controller.session.state.workshop
        return bool(workshop.order or workshop.written)

    # ------------------------------------------------------------ operations
    def _actor(self) -> str:
        name = self.moderator_edit.text().strip()
        return moderator(name) if name else CHAIR_ACTOR

    def set_order(self) -> None:
        """Ask for the panelists (names or codes, separated by ;) and the minutes each, then set the order."""
        text, ok = ask_text(self, "Running order", "Panelists in order (names or codes, separated by ;):")
        if not ok or not text.strip():
            return
        minutes, ok = QInputDialog.getInt(
            self, "Running order", "Minutes each:", DEFAULT_SPEAKING_SECONDS // 60, 1, 60
        )
        if ok:
            names = [n.strip() for n in text.split(";") if n.strip()]
            self.run(set_running_order, names, minutes * 60)

    def order_from_csv(self) -> None:
        """Set the running order from a CSV file chosen by the chair."""
        path, _ = QFileDialog.getOpenFileName(self, "Running order", "", "CSV files (*.csv)")
        if path:
            self.run(import_running_order_csv, path)

    def swap_with_next(self) -> None:
        """Swap the selected panelist with the one below."""
        row = self.order_list.currentRow()
        order = self.order_list.slots()
        if 0 <= row < len(order) - 1:
            self.run(swap_slots, order[row].id, order[row + 1].id)
            self.order_list.setCurrentRow(row + 1)
        else:
            self.say("Select a panelist with another below to swap them.", error=True)

    def toggle_skip(self) -> None:
        """Skip the selected panelist, or put a skipped one back."""
        slot = self.order_list.selected()
        if slot is None:
            self.say("Select a panelist in the running order first (Ctrl+Alt+Shift+G).", error=True)
            return
        self.run(skip_slot, slot.id, not slot.skipped)

    def toggle_list(self) -> None:
        """Move between the running order and the open Q&A list."""
        self.run(use_running_order, not self.controller.session.state.workshop.running_order)

    def focus_order(self) -> None:
        """Show the dock and put the keys in the running order."""
        self.show()
        self.raise_()
        self.order_list.setFocus()

    def focus_chat(self) -> None:
        """Show the dock and put the keys in the chat author field."""
        self.show()
        self.raise_()
        self.author_edit.setFocus()
        self.author_edit.selectAll()

    def asked_box_toggle(self) -> None:
        """Tick or untick "asked to speak"."""
        self.asked_box.setChecked(not self.asked_box.isChecked())

    def log_comment(self) -> None:
        """Log the typed comment as a written intervention; the fields are cleared for the next one."""
        author = self.author_edit.text().strip()
        if not author:
            self.say("Type the author of the comment first (a name from the roster).", error=True)
            self.author_edit.setFocus()
            return
        change = self.run(
            log_written,
            author,
            self.text_edit.text(),
            asked_to_speak=self.asked_box.isChecked(),
            by=self._actor(),
        )
        if change is not None:
            self.author_edit.clear()
            self.text_edit.clear()
            self.asked_box.setChecked(False)
            self.author_edit.setFocus()

    def toggle_reading(self) -> None:
        """Begin reading out the selected (or first waiting) written intervention, or finish the one being read."""
        workshop = self.controller.session.state.workshop
        if workshop.reading is not None:
            self.run(done_reading)
            return
        item = self.written_list.currentItem()
        chosen = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if chosen is not None and workshop.item(chosen).read:
            chosen = None
        self.run(read_out, chosen, by=self._actor())

    # ------------------------------------------------------------------ views
    def _on_change(self, change: Change) -> None:
        if change.areas & self.watched:
            if "workshop" in change.areas and not self.isVisible() and self._has_workshop():
                self.show()
            self.refresh()

    def _written_text(self, item: WrittenIntervention) -> str:
        name = self.controller.session.state.roster.name_of(item.author)
        text = f"{name}: {item.text}" + (" [asked to speak]" if item.asked_to_speak else "")
        if item.read_ts and item.read_end_ts:
            text += f" \u2014 read by {credited(item.read_by or '')} ({minutes_seconds(item.read_seconds())})"
        elif item.read_ts:
            text = "\u25b6 reading: " + text
        return text

    def refresh(self) -> None:
        """Redraw the lists and the title from the session state."""
        state = self.controller.session.state
        workshop = state.workshop
        if workshop.running_order:
            self.list_title.setText(
                "<b>Running order</b> \u2014 Next speaker (F6) follows it; Ctrl+Alt+Shift+T: Q&A"
            )
        else:
            self.list_title.setText(
                "<b>Running order</b> \u2014 Q&A: Next speaker follows the speakers' list"
            )
        self.order_list.refresh()
        offer_names(self.completer, state.roster)
        current = self.written_list.currentRow()
        self.written_list.clear()
        for item in workshop.written:
            self.written_list.addItem(self._written_text(item))
            self.written_list.item(self.written_list.count() - 1).setData(Qt.ItemDataRole.UserRole, item.id)
        if 0 <= current < self.written_list.count():
            self.written_list.setCurrentRow(current)
        self.read_action.setText("Finish reading" if workshop.reading else "Read out")
