"""The desk's small dialogs: Move to…, Go to paragraph, record a proposal, new session, the find bar, shortcuts."""

from __future__ import annotations

from ...core.draft.model import Draft
from ..panel import ok_cancel
from ..qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    QSpinBox,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .editor_pane import ActorPicker


class MoveToDialog(QDialog):
    """Move a paragraph to a section and a place among its paragraphs."""

    def __init__(self, draft: Draft, paragraph_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.paragraph_id = paragraph_id
        self.setWindowTitle(f"Move {draft.paragraph_name(paragraph_id)}")
        self.section = QComboBox()
        for sid in draft.order:
            self.section.addItem(f"{draft.label_of(sid)}. {draft.sections[sid].title}", sid)
        self.position = QSpinBox()
        self.position.setMinimum(1)
        self.hint = QLabel()
        form = QFormLayout(self)
        form.addRow("&Section:", self.section)
        form.addRow("&Place in the section:", self.position)
        form.addRow("", self.hint)
        form.addRow(ok_cancel(self))
        self.section.currentIndexChanged.connect(lambda _i: self._update())
        self.section.setCurrentIndex(max(0, self.section.findData(draft.paragraph(paragraph_id).section)))
        self._update()

    def _update(self) -> None:
        others = [
            p for p in self.draft.live_paragraphs(self.section.currentData()) if p.id != self.paragraph_id
        ]
        places = len(others) + 1
        self.position.setMaximum(places)
        self.position.setValue(places)
        self.hint.setText(f"1 = first, {places} = last ({len(others)} other paragraphs in the section)")

    def target(self) -> tuple[str, int]:
        """The section id and 0-based index chosen."""
        return self.section.currentData(), self.position.value() - 1


class ProposalDialog(QDialog):
    """A delegation's proposed wording for a paragraph (recorded without changing the text)."""

    def __init__(
        self, number: str | None, text: str, actors: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Proposal for paragraph {number}")
        self.delegation = ActorPicker()
        self.delegation.set_actors(actors)
        self.delegation.setEditText("")
        self.text = QPlainTextEdit(text)
        self.text.setTabChangesFocus(True)
        form = QFormLayout(self)
        form.addRow("&Delegation:", self.delegation)
        form.addRow("Proposed &wording:", self.text)
        form.addRow(ok_cancel(self))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # Enter starts a new line in the wording; as in the pane
            QShortcut(QKeySequence(keys), self, self.accept)
        self.resize(720, 320)

    def values(self) -> tuple[str, str]:
        """The delegation's code and the proposed text."""
        return self.delegation.actor(), self.text.toPlainText()


class NewSessionDialog(QDialog):
    """Title of the meeting for a new session, and the roster it starts with."""

    ROSTERS = (
        ("Empty (add delegations later)", "empty"),
        ("UN Member States (193 + 2 observer States)", "un"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New session")
        self.title = QLineEdit()
        self.body = QLineEdit()
        self.venue = QLineEdit()
        self.dates = QLineEdit()
        self.roster = QComboBox()
        for label, choice in self.ROSTERS:
            self.roster.addItem(label, choice)
        self.roster.addItem("From a CSV file…", "csv")
        self.roster_file = QLineEdit()
        self.roster_file.setPlaceholderText("roster.csv (name, code, stakeholder_group, regional_group, …)")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.roster_file, 1)
        file_row.addWidget(browse)
        self.numbering = QComboBox()
        self.numbering.addItem("Renumber after each change", "live")
        self.numbering.addItem("Keep the tabled numbers (7 bis) until a technical renumbering", "keep")
        form = QFormLayout(self)
        form.addRow("Meeting &title:", self.title)
        form.addRow("&Body:", self.body)
        form.addRow("&Venue:", self.venue)
        form.addRow("&Dates:", self.dates)
        form.addRow("&Roster:", self.roster)
        form.addRow("Roster &file:", file_row)
        form.addRow("&Numbering:", self.numbering)
        form.addRow(ok_cancel(self))
        self.roster.currentIndexChanged.connect(lambda _i: self._update())
        self.roster_file.textEdited.connect(self._file_typed)
        self._browse = browse
        self._update()
        self.resize(560, 240)

    def _update(self) -> None:
        from_file = self.roster.currentData() == "csv"
        self.roster_file.setEnabled(from_file)
        self._browse.setEnabled(from_file)

    def _file_typed(self, _text: str) -> None:
        self.roster.setCurrentIndex(self.roster.findData("csv"))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Roster for the session", "", "CSV files (*.csv)")
        if path:
            self.roster_file.setText(path)

    def roster_choice(self) -> str:
        """What the session starts with: "empty", "un", or the path of a roster CSV."""
        choice = self.roster.currentData()
        return self.roster_file.text().strip() if choice == "csv" else choice


class FindBar(QWidget):
    """Find words across the draft: Enter (or F3) for the next match, Shift+Enter for the previous one."""

    find_requested = Signal(str, bool)  # text, backwards
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in the draft…")
        self.field.setClearButtonEnabled(True)
        self.status = QLabel()
        previous, following, close = QPushButton("Previous"), QPushButton("Next"), QPushButton("Close")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.field.returnPressed.connect(lambda: self.find_requested.emit(self.field.text(), False))
        previous.clicked.connect(lambda: self.find_requested.emit(self.field.text(), True))
        following.clicked.connect(lambda: self.find_requested.emit(self.field.text(), False))
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the field focused and selected."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the focus back."""
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_requested.emit(self.field.text(), True)
            return
        super().keyPressEvent(event)


class ShortcutsDialog(QDialog):
    """Help: every action with its shortcut."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        browser = QTextBrowser()
        html = ["<table cellpadding='4'>"]
        menu = None
        for menu_name, action, keys in rows:
            if menu_name != menu:
                html.append(f"<tr><td colspan='2'><b>{menu_name}</b></td></tr>")
                menu = menu_name
            html.append(f"<tr><td style='padding-right:24px'>{action}</td><td><code>{keys}</code></td></tr>")
        html.append("</table>")
        browser.setHtml("".join(html))
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(620, 720)
