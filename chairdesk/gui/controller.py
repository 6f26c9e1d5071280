"""The GUI's one operation path: run a core operation, make it undoable, tell the views what changed.

Views connect to ``changed`` (a core Change, already committed to disk) and refresh only what it names;
refused operations come back as ``refused`` with the core's message, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.adoption.model import ADOPTED_STATES, section_name
from ..core.log.change import Change
from ..core.log.errors import ChairdeskError, RefusedError
from ..core.log.session import Session
from .qt import QObject, QTimer, QUndoCommand, QUndoStack, Signal

IDLE_CHECKPOINT_MS = 3000  # after this long without a change, the -wal is folded into the session file
ADOPTING = (*ADOPTED_STATES, "report adopted")  # the adoption steps that undo must not reach across


class _ChangeCommand(QUndoCommand):
    """An undo-stack entry for a change already recorded; undo and redo record inverse events.

    The controller records the inverse first and moves the stack only when that succeeded (`recorded`), so a
    refused undo leaves the stack where it was; a stack moved some other way records the inverse itself.
    """

    def __init__(self, controller: SessionController, change: Change, text: str) -> None:
        super().__init__(text)
        self._controller = controller
        self.change = change
        self.recorded = True  # the change was recorded before it was pushed

    def redo(self) -> None:
        self._step()

    def undo(self) -> None:
        self._step()

    def _step(self) -> None:
        if self.recorded:  # SessionController.undo/redo (or run) recorded it already
            self.recorded = False
            return
        # Driven by the stack directly: record it here; a refused step leaves the stack so that it stays
        # in step with the file (left there, a later Redo would record the undo instead).
        change = self._controller.record_inverse(self.change)
        if change is self.change:
            self.setObsolete(True)
        self.change = change


class SessionController(QObject):
    """Wraps an open Session for the window: run(op, …) is how every widget changes anything."""

    changed = Signal(object)  # core.log.change.Change, after it is on disk
    refused = Signal(str)  # the message of a refused operation
    notice = Signal(str)  # something the chair must be told (e.g. "Section C reopened")
    current_changed = Signal(object, object)  # section id, paragraph id under discussion (either may be None)
    settled = Signal()  # an operation run through run() is over: every change it recorded has been told

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self._unsubscribe = session.subscribe(self._on_change)
        self.current_section: str | None = None
        self.current_paragraph: str | None = None
        self.last_change: Change | None = None  # the change being told to the views (the last one told)
        # The last step recorded that cannot be undone (the floor's, an objection…), and the one the chair
        # has said Undo may reach back past (a second Ctrl+Z): see `undo`.
        self._fixed: Change | None = None
        self._passed: int | None = None
        self._running = 0  # operations under way in run() (a view may wait for `settled` to redraw once)
        # An idle moment folds the committed events from the -wal into the file itself, so that a plain copy
        # of the .chairdesk file made then is the whole session (Save a copy is right at any moment).
        self.idle_checkpoint = QTimer(self)
        self.idle_checkpoint.setSingleShot(True)
        self.idle_checkpoint.setInterval(IDLE_CHECKPOINT_MS)
        self.idle_checkpoint.timeout.connect(session.checkpoint)

    @property
    def running(self) -> bool:
        """Whether an operation is under way in run(): it may record more changes before `settled`."""
        return self._running > 0

    def set_current(self, section_id: str | None, paragraph_id: str | None) -> None:
        """Say which section and paragraph are under discussion (the floor tags requests with them)."""
        if (section_id, paragraph_id) != (self.current_section, self.current_paragraph):
            self.current_section, self.current_paragraph = section_id, paragraph_id
            self.current_changed.emit(section_id, paragraph_id)

    def _on_change(self, change: Change) -> None:
        self.idle_checkpoint.start()
        if change.inverse is None:
            self._fixed = change
        self.last_change = change
        self.changed.emit(change)
        for text in change.notices:
            self.notice.emit(text)

    def run(
        self, operation: Callable[..., Change], *args: Any, text: str = "", **kwargs: Any
    ) -> Change | None:
        """Run operation(session, *args, **kwargs); push it on the undo stack; None if it was refused."""
        self._running += 1
        try:
            change = operation(self.session, *args, **kwargs)
        except ChairdeskError as error:
            self.refused.emit(str(error))
            return None
        finally:
            self._running -= 1
            if not self._running:
                self.settled.emit()
        if change is not None and change.inverse is not None:
            label = text or change.kind.split(".", 1)[-1].replace(".", " ").replace("_", " ")
            self.undo_stack.push(_ChangeCommand(self, change, label))
        return change

    def undo(self) -> bool:
        """Undo the last step (recording its inverse); a refused undo is reported and moves nothing.

        When a step that cannot be undone came after it (a speaker called, an objection recorded), the first
        Undo only says so, naming both: the chair pressing Ctrl+Z after calling a speaker means that call, not
        a delegation's amendment made minutes before. Undo again reaches back past it."""
        index = self.undo_stack.index() - 1
        command = self.undo_stack.command(index) if 0 <= index < self.undo_stack.count() else None
        fixed = self._fixed
        if (
            isinstance(command, _ChangeCommand)
            and fixed is not None
            and fixed.event.seq > command.change.event.seq
            and self._passed != fixed.event.seq
            and not self._behind_adoption(command.change)  # (that refusal says more: _step gives it)
        ):
            self._passed = fixed.event.seq
            self.refused.emit(
                f"The last step cannot be undone: {self._told(fixed)}. Undo again to undo "
                f"‘{command.text()}’, recorded before it."
            )
            return False
        return self._step(index, self.undo_stack.undo)

    def _behind_adoption(self, change: Change) -> bool:
        try:
            self._check_adoption_barrier(change)
        except ChairdeskError:
            return True
        return False

    def _told(self, change: Change) -> str:
        """A recorded step as the record tells it, without its full stop (its kind if it cannot be told)."""
        try:
            return self.session.state.describe(change.event).rstrip(".")
        except (ChairdeskError, LookupError, ValueError, TypeError):
            return change.kind

    def redo(self) -> bool:
        """Redo the step undone last; a refused redo is reported and moves nothing."""
        return self._step(self.undo_stack.index(), self.undo_stack.redo)

    def _step(self, index: int, move: Callable[[], None]) -> bool:
        command = self.undo_stack.command(index) if 0 <= index < self.undo_stack.count() else None
        if not isinstance(command, _ChangeCommand):
            return False
        try:
            self._check_adoption_barrier(command.change)
        except ChairdeskError as error:
            self.refused.emit(str(error))  # the step stays listed: the message says why it stays undone
            return False
        try:
            change = self.session.undo(command.change)
        except ChairdeskError as error:
            # The step can no longer be undone (a request already heard, …): it leaves the list, so that
            # it does not block every step before it, and nothing is recorded.
            self.refused.emit(f"{error} ‘{command.text()}’ is taken off the undo list.")
            command.setObsolete(True)
            move()
            return False
        command.change, command.recorded = change, True
        move()
        return True

    def _check_adoption_barrier(self, change: Change) -> None:
        """Refuse to undo or redo across an adoption: it would quietly change what was adopted."""
        adoptions = [s for s in self.session.state.adoption.steps if s.action in ADOPTING]
        if not adoptions or adoptions[-1].seq < change.event.seq:
            return
        step = adoptions[-1]
        draft = self.session.draft
        what = step.action
        if step.section in draft.sections:
            what = f"{section_name(draft, step.section)}: {step.action}"
        raise RefusedError(
            f"Undo and redo stop at the last adoption ({what}, at {step.ts[11:16]} UTC); an adoption "
            "is not undone. Reopen the section (F12) or the report (Ctrl+F12) to change the text again."
        )

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
        self.idle_checkpoint.stop()
        self.undo_stack.clear()


class DrawnOnce:
    """Draws a view after the changes it watches, once per operation run through the controller: an operation
    that records several changes ("next speaker": the turn ends, the next is given) is drawn when it is over
    (`settled`); a change recorded outside run() (a script, a direct call) is drawn at once."""

    def __init__(self, controller: SessionController, draw: Callable[[], object]) -> None:
        self.controller = controller
        self.draw = draw
        self.stale = False
        controller.settled.connect(self._settled)

    def changed(self) -> None:
        """A watched change was told: draw now, or when the operation under way is over."""
        if self.controller.running:
            self.stale = True
        else:
            self.draw()

    def _settled(self) -> None:
        if self.stale:
            self.stale = False
            self.draw()

