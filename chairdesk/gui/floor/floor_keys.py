"""The floor's keys reach the floor while a dialog of the desk is open (Proposal, Move to, Go to, Objection, …).

A modal dialog is the active window, so the window's shortcuts (F6 next speaker, F7 end, F8 pause, Ctrl+Shift+O
point of order) would wait until it closes — and a speaker would run over time while the chair types a
proposal. `FloorKeys` watches the key presses of the application and, when one of those keys is pressed in a
dialog that belongs to the floor's window, triggers the floor's action instead; the dialog stays open as it was.

It watches only while such a dialog is the active window: a filter on the application sees every event of every
object, and PySide makes a Python object for each one it is shown (at the start, 0.1 s of objects Qt makes for
itself, such as a label's text document), so the desk itself runs without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..qt import QAction, QApplication, QEvent, QKeyEvent, QKeySequence, QObject, QTimer, QWidget


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
        self.watching = False  # the filter is on the application (a dialog of the floor's window is active)
        self._dialog: QWidget | None = None  # that dialog: when it hides, the active window is looked at again
        self._attached = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusWindowChanged.connect(self.follow_focus)
            self._attached = True
            self.follow_focus()

    def follow_focus(self, *_focus: object) -> None:
        """Watch the keys while the active window is a dialog of the floor's window, and only then."""
        try:
            window = self._window()
        except RuntimeError:  # the floor's dock is gone with its window
            self.detach()
            return
        # (a platform may leave no window active when a dialog closes, the one under it still modal)
        active = QApplication.activeWindow() or QApplication.activeModalWidget()
        self._watch(window is not None and _belongs_to(active, window))
        self._dialog = active if self.watching else None

    def _watch(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self.watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self.watching = on

    def detach(self) -> None:
        """Stop watching the keys (the floor's dock is going)."""
        self._watch(False)
        app = QApplication.instance()
        if self._attached and isinstance(app, QApplication):
            self._attached = False
            try:
                app.focusWindowChanged.disconnect(self.follow_focus)
            except (RuntimeError, TypeError):  # already disconnected with the dock's objects
                pass

    def action_for(self, event: QKeyEvent) -> QAction | None:
        """The floor action whose key the event is, if any."""
        pressed = QKeySequence(event.keyCombination())
        for action in self.actions:
            if action.isEnabled() and any(key == pressed for key in action.shortcuts()):
                return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._dialog and event.type() == QEvent.Type.Hide:  # closed: is another one active?
            QTimer.singleShot(0, self.follow_focus)
            return False
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
