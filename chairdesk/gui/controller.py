"""The GUI's one operation path: run a core operation, make it undoable, tell the views what changed.

Views connect to ``changed`` (a core Change, already committed to disk) and refresh only what it names;
refused operations come back as ``refused`` with the core's message, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.errors import ChairdeskError
from ..core.session import Session
from ..core.state import Change
from .qt import QObject, QUndoCommand, QUndoStack, Signal


class _ChangeCommand(QUndoCommand):
    """An undo-stack entry for a change already recorded; undo and redo record inverse events."""

    def __init__(self, controller: SessionController, change: Change, text: str) -> None:
        super().__init__(text)
        self._controller = controller
        self._change = change
        self._first = True

    def redo(self) -> None:
        if self._first:  # the change was recorded before it was pushed
            self._first = False
            return
        self._record_inverse()

    def undo(self) -> None:
        self._record_inverse()

    def _record_inverse(self) -> None:
        change = self._controller.record_inverse(self._change)
        if change is self._change:
            # Refused (the text is frozen, a later change overtook it): nothing changed, so the step leaves
            # the stack; left there, the stack would be out of step and Redo would record the undo.
            self.setObsolete(True)
        self._change = change


class SessionController(QObject):
    """Wraps an open Session for the window: run(op, …) is how every widget changes anything."""

    changed = Signal(object)  # core.state.Change, after it is on disk
    refused = Signal(str)  # the message of a refused operation
    notice = Signal(str)  # something the chair must be told (e.g. "Section C reopened")
    current_changed = Signal(object, object)  # section id, paragraph id under discussion (either may be None)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self._unsubscribe = session.subscribe(self._on_change)
        self.current_section: str | None = None
        self.current_paragraph: str | None = None

    def set_current(self, section_id: str | None, paragraph_id: str | None) -> None:
        """Say which section and paragraph are under discussion (the floor tags requests with them)."""
        if (section_id, paragraph_id) != (self.current_section, self.current_paragraph):
            self.current_section, self.current_paragraph = section_id, paragraph_id
            self.current_changed.emit(section_id, paragraph_id)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change)
        for text in change.notices:
            self.notice.emit(text)

    def run(
        self, operation: Callable[..., Change], *args: Any, text: str = "", **kwargs: Any
    ) -> Change | None:
        """Run operation(session, *args, **kwargs); push it on the undo stack; None if it was refused."""
        try:
            change = operation(self.session, *args, **kwargs)
        except ChairdeskError as error:
            self.refused.emit(str(error))
            return None
        if change is not None and change.inverse is not None:
            label = text or change.kind.split(".", 1)[-1].replace(".", " ").replace("_", " ")
            self.undo_stack.push(_ChangeCommand(self, change, label))
        return change

    def record_inverse(self, change: Change) -> Change:
        """Record the inverse of a change (undo or redo); refused ones are reported and leave it as it was."""
        try:
            return self.session.undo(change)
        except ChairdeskError as error:
            self.refused.emit(str(error))
            return change

    def detach(self) -> None:
        """Stop listening to the session (before it is closed)."""
        self._unsubscribe()
        self.undo_stack.clear()
