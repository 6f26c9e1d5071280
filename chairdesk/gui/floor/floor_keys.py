"""The floor's keys reach the floor while a dialog of the desk is open (Proposal, Move to, Go to, Objection, …).

A modal dialog is the active window, so the window's shortcuts (F6 next speaker, F7 end, F8 pause, Ctrl+Shift+O
point of order) would wait until it closes — and a speaker would run over time while the chair types a
proposal. `FloorKeys` watches the key presses of the application and, when one of those keys is pressed in a
dialog that belongs to the floor's window, triggers the floor's action instead; the dialog stays open as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..qt import QAction, QApplication, QEvent, QKeyEvent, QKeySequence, QObject, QWidget


def _belongs_to(widget: QWidget | None, window: QWidget) -> bool:
    """True for a window other than `window` whose parents lead to it (a dialog the desk opened)."""
    top = widget.window() if widget is not None else None
    if top is None or top is window:
        return False
    parent = top.parentWidget()
    while parent is not None:
        if parent.window() is window:
            return True
        parent = parent.parentWidget()
    return False


class FloorKeys(QObject):
    """Forwards the floor's keys from the desk's dialogs to the floor's actions."""

    def __init__(self, actions: Sequence[QAction], window: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self.actions = list(actions)
        self._window = window  # the floor's window, asked each time (the dock may move between windows)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def detach(self) -> None:
        """Stop watching the keys (the floor's dock is going)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def action_for(self, event: QKeyEvent) -> QAction | None:
        """The floor action whose key the event is, if any."""
        pressed = QKeySequence(event.keyCombination())
        for action in self.actions:
            if action.isEnabled() and any(key == pressed for key in action.shortcuts()):
                return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(event, QKeyEvent):  # every event of the application comes here: most leave at once
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or not isinstance(watched, QWidget):
            return False
        try:
            window = self._window()
        except RuntimeError:  # the floor's dock is gone with its window: stop watching
            self.detach()
            return False
        if window is None or not _belongs_to(watched, window) or not watched.window().isVisible():
            return False
        action = self.action_for(event)  # type: ignore[arg-type]
        if action is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the press comes to us as a key press, not as the dialog's own shortcut
            return True
        event.accept()
        if not event.isAutoRepeat():  # type: ignore[attr-defined]
            action.trigger()
        return True
