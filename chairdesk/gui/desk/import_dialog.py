"""The import's questions: what to do with a Word file's tracked changes, and how to number during the talks;
and the import's summary shown to the chair afterwards."""

from __future__ import annotations

from ..panel import ok_cancel
from ..qt import QComboBox, QDialog, QFormLayout, QLabel, QMessageBox, QWidget

REVISION_CHOICES = (
    ("reject", "Import the text with all changes rejected (the text before the changes)"),
    ("accept", "Import the text with all changes accepted"),
    ("record", "Table the text before the changes, then record each change, credited to its author"),
)
NUMBERING_CHOICES = (
    ("live", "Renumber after each change (1, 2, 3 …)"),
    ("keep", "Keep the tabled numbers (7 bis; struck keeps its number) until a technical renumbering"),
)


class ImportDialog(QDialog):
    """Asks how to import: the tracked changes (only when the file has some) and the numbering mode."""

    def __init__(self, revisions: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import the draft")
        form = QFormLayout(self)
        self.revisions: QComboBox | None = None
        if revisions:
            form.addRow(QLabel(f"The document holds {revisions}."))
            self.revisions = QComboBox()
            for value, text in REVISION_CHOICES:
                self.revisions.addItem(text, value)
            form.addRow("Tracked changes:", self.revisions)
        self.numbering = QComboBox()
        for value, text in NUMBERING_CHOICES:
            self.numbering.addItem(text, value)
        form.addRow("Numbering:", self.numbering)
        form.addRow(ok_cancel(self))

    def values(self) -> tuple[str | None, str]:
        """(revisions choice or None, numbering mode)."""
        revisions = self.revisions.currentData() if self.revisions is not None else None
        return revisions, self.numbering.currentData()


def show_summary(parent: QWidget | None, lines: list[str] | tuple[str, ...]) -> None:
    """Tell the chair what the import made of the file and what it dropped or converted."""
    box = QMessageBox(parent)
    box.setWindowTitle("Draft imported")
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(lines[0] if lines else "Draft imported.")
    if len(lines) > 1:
        box.setDetailedText("\n".join(lines[1:]))
        box.setInformativeText(f"{len(lines) - 1} more note(s): see the details.")
    box.exec()
