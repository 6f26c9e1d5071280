"""What the window shows with no session open: Open, New, Import draft, the recent sessions and the sample.

Every choice is a button or a list entry reachable with Tab and Enter; the page only says what was chosen
(its signals) and the window opens or creates the session.
"""

from __future__ import annotations

from pathlib import Path

from .qt import (
    QFont,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class StartPage(QWidget):
    """The empty desk: ways to open a session, the recent ones first."""

    open_requested = Signal()
    new_requested = Signal()
    import_requested = Signal()
    sample_requested = Signal()
    recent_chosen = Signal(str)  # the path of a recent session

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        heading = QLabel("No session is open")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel("Open a session file, start a new one, or make one from a draft.")
        hint.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        column.addWidget(heading)
        column.addWidget(hint)
        column.addSpacing(12)
        for name, text, signal in (
            ("open", "Open a session…   (Ctrl+O)", self.open_requested),
            ("new", "New session…   (Ctrl+N)", self.new_requested),
            ("import", "Import a draft (DOCX or text)…   (Ctrl+I)", self.import_requested),
            ("sample", "Open the sample session", self.sample_requested),
        ):
            button = QPushButton(text)
            button.setObjectName(f"start_{name}")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(signal)
            column.addWidget(button)
            self.buttons[name] = button
        column.addSpacing(16)
        self.recent_label = QLabel("&Recent sessions (Enter opens)")
        column.addWidget(self.recent_label)
        self.recent = QListWidget()
        self.recent.setObjectName("startRecent")
        self.recent.setAccessibleName("Recent sessions")
        self.recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._activated)
        column.addWidget(self.recent)
        column.addStretch(1)
        centre = QWidget()
        centre.setLayout(column)
        centre.setMaximumWidth(640)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(centre, 4)
        outer.addStretch(1)

    def set_recent(self, paths: list[str]) -> None:
        """List the recent sessions (name, then folder), the latest first."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        if paths:
            self.recent.setCurrentRow(0)
            rows = min(len(paths), 10)
            self.recent.setFixedHeight(
                rows * self.recent.sizeHintForRow(0) + 2 * self.recent.frameWidth() + 4
            )
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))

    def recent_paths(self) -> list[str]:
        """The paths listed, in order."""
        return [self.recent.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.recent.count())]

    def focus_first(self) -> None:
        """Put the keyboard on the first recent session, or on Open when there is none."""
        if self.recent.count():
            self.recent.setFocus()
        else:
            self.buttons["open"].setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        focused = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focused in self.buttons.values():
            focused.click()  # outside a dialog a button takes only Space; a chair presses Enter
            return
        super().keyPressEvent(event)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
