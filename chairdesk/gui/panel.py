"""What the side panels share: operations run with their refusal on the panel's message line, the grid of a
panel's action buttons, the roster's names as type-ahead, the OK/Cancel row of their dialogs, and a question
asking for a line of text (`ask_text`, used by the desk as well).

The Procedure and Workshop panels and the speakers' list each had their own copy of these; one copy here keeps
them alike (the same colours for a refusal, the same columns of buttons, the same matching of names).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import ceil
from typing import TYPE_CHECKING, Any

from .actions import action_button, shortcut_action
from .controller import DrawnOnce
from .qt import (
    QAction,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QEvent,
    QInputDialog,
    QLabel,
    QLineEdit,
    QResizeEvent,
    QSize,
    QStyle,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ..core.floor.roster import Roster
    from ..core.log.change import Change
    from .controller import SessionController

ERROR_STYLE = "color: #b3001b; font-weight: bold;"
NOTE_STYLE = "color: #374151;"
MOST_COLUMNS = 3  # buttons a row at the most; four buttons go two by two
TEXT_WIDTH = 520  # the narrowest a dialog asking for a title or names is (ask_text)


class RunsOperations:
    """A panel that runs operations through the controller and shows a refusal of its own on its message line.

    The panel sets `controller` and `message` and connects `controller.refused` to `_on_refused`; a refusal
    of an operation another panel ran is not shown here.
    """

    controller: SessionController
    message: QLabel
    clears_on_success = False  # a change that went through clears the message line
    _acting = False

    def run(self, operation: Callable[..., Change], *args: Any, **kwargs: Any) -> Change | None:
        """Run an operation through the controller; a refusal is shown on the message line."""
        self._acting = True
        try:
            change = self.controller.run(operation, *args, **kwargs)
        finally:
            self._acting = False
        if change is not None and self.clears_on_success:
            self.say("")
        return change

    def say(self, text: str, error: bool = False) -> None:
        """Show a line on the panel's message line (red and bold for an error; "" clears it)."""
        self.message.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.message.setText(text)

    def _on_refused(self, text: str) -> None:
        if self._acting:
            self.say(text, error=True)


class PanelDock(RunsOperations, QDockWidget):
    """A side panel of the desk: one column of widgets in a dock, a message line for what it refuses, actions of
    its own (each with its key), and a redraw when the part of the session it shows changes."""

    watched: frozenset[str] = frozenset()  # the areas of a change (Change.areas) the panel redraws for

    def __init__(self, title: str, name: str, controller: SessionController, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.controller = controller
        self.body = QWidget(self)
        self.setWidget(self.body)
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(6, 6, 6, 6)

    def add_line(self, name: str = "") -> QLabel:
        """A line of text under the column so far (the message line, a title), wrapped at the panel's width."""
        label = QLabel(self.body)
        if name:
            label.setObjectName(name)
        label.setWordWrap(True)
        self.column.addWidget(label)
        return label

    def bring_forward(self) -> None:
        """Show the panel in front of the panels tabbed with it (before a key puts the keyboard in it)."""
        self.show()
        self.raise_()

    def _action(self, text: str, key: str, slot: Callable[[], object], tip: str, name: str) -> QAction:
        action = shortcut_action(self, text, key, slot, tip, name)
        self.addAction(action)  # its key works in the dock even before a window takes up its actions
        return action

    def watch(self) -> None:
        """Redraw on the session's changes, show this panel's refusals on its message line, and draw it now."""
        self._drawn = DrawnOnce(self.controller, lambda: self.refresh())  # a step of several changes: once
        self.controller.changed.connect(self._on_change)
        self.controller.refused.connect(self._on_refused)
        self.refresh()

    def _on_change(self, change: Change) -> None:
        if change.areas & self.watched:
            self._drawn.changed()

    def refresh(self) -> None:
        """Redraw the panel from the session state."""
        raise NotImplementedError


def columns_for(count: int) -> int:
    """Buttons a row when the panel is wide enough: up to three on one row, four two by two, more three a row."""
    return 2 if count == 4 else min(MOST_COLUMNS, max(1, count))


class ButtonGrid(QWidget):
    """A panel's action buttons in rows of equal columns (see `columns_for`), with fewer a row when the panel is
    too narrow for them, so that no button is ever cut off at the panel's edge (a 1280×800 projector).

    No layout: the widget places its buttons itself, so that the panel's layout asks it its height for a
    width (a Qt layout inside would answer for the columns it had, not for the width offered).
    """

    def __init__(self, actions: Sequence[QAction], parent: QWidget) -> None:
        super().__init__(parent)
        self.buttons: list[QToolButton] = [action_button(action, self) for action in actions]
        self.most = columns_for(len(self.buttons))
        self.columns = self.most
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _spacing(self) -> tuple[int, int]:
        """The style's spacing between buttons, across and down (as a grid in the panel's layout had)."""
        style = self.style()
        across = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, self)
        down = style.pixelMetric(QStyle.PixelMetric.PM_LayoutVerticalSpacing, None, self)
        return max(0, across), max(0, down)

    def _button_size(self) -> QSize:
        hints = [b.sizeHint() for b in self.buttons]
        return QSize(max((h.width() for h in hints), default=0), max((h.height() for h in hints), default=0))

    def columns_fitting(self, width: int) -> int:
        """How many buttons a row fit in `width` pixels (at least one, at most the usual number)."""
        across, _ = self._spacing()
        button = self._button_size().width()
        return max(1, min(self.most, (width + across) // max(1, button + across)))

    def _size_for(self, columns: int) -> QSize:
        across, down = self._spacing()
        button = self._button_size()
        rows = ceil(len(self.buttons) / columns) if self.buttons else 0
        width = columns * button.width() + (columns - 1) * across
        return QSize(width, max(0, rows * (button.height() + down) - down))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """The usual rows, every button at its full width."""
        return self._size_for(self.most)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """One button wide: the panel can always narrow to its widest button (`heightForWidth` gives the height)."""
        return QSize(self._button_size().width(), self.sizeHint().height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        """The height follows the width: fewer buttons a row, more rows."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        """The height of the rows the buttons take at `width`."""
        return self._size_for(self.columns_fitting(width)).height()

    def _place(self) -> None:
        """Put the buttons in rows of equal columns across the whole width, each at its own height."""
        across, down = self._spacing()
        self.columns = columns = self.columns_fitting(self.width())
        free = self.width() - (columns - 1) * across
        height = self._button_size().height()
        for index, button in enumerate(self.buttons):
            row, column = divmod(index, columns)
            left = column * free // columns + column * across
            right = (column + 1) * free // columns + column * across
            button.setGeometry(left, row * (height + down), right - left, height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Rearrange the buttons for the new width."""
        super().resizeEvent(event)
        self._place()

    def event(self, event: QEvent) -> bool:
        """A button's text changed (so may its width): ask the panel again, and rearrange."""
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            self._place()
        return super().event(event)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """QInputDialog.getText, as wide as the words it edits (QInputDialog sizes itself to its label: a document
    title of 60 characters showed as "n-ended working group" in 200 px) and never narrower than TEXT_WIDTH."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    screen = dialog.screen().availableGeometry().width()
    wanted = max(TEXT_WIDTH, dialog.fontMetrics().horizontalAdvance(text) + 60, dialog.sizeHint().width())
    dialog.resize(min(wanted, int(screen * 0.8)), dialog.sizeHint().height())
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    value = dialog.textValue()
    dialog.deleteLater()
    return value, ok


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """The OK and Cancel buttons of a dialog, accepting and rejecting it (put them in its layout)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def name_completer(edit: QLineEdit, names: Sequence[str] = ()) -> QCompleter:
    """Type-ahead on a delegation field: the names containing the typed letters, in any case."""
    completer = QCompleter(list(names), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return completer


def offer_names(completer: QCompleter, roster: Roster) -> None:
    """Offer the roster's delegations, by name, in a type-ahead made by `name_completer`."""
    completer.model().setStringList([d.name for d in roster.delegations])  # type: ignore[attr-defined]
