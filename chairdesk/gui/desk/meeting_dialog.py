"""The meeting's details as the report's first page shows them: title, body, venue, dates, document symbol,
distribution, date of issue, original language and paper; saved as one recorded meeting.set."""

from __future__ import annotations

from ...core.log.meeting import Meeting
from ..panel import ok_cancel
from ..qt import QComboBox, QDialog, QFormLayout, QLineEdit, QWidget

LABELS = {
    "title": "Meeting title",
    "body": "Body (e.g. General Assembly)",
    "venue": "Venue",
    "dates": "Dates",
    "symbol": "Document symbol",
    "distribution": "Distribution (General, Limited)",
    "issued": "Date of issue",
    "original": "Original language",
}


class MeetingDialog(QDialog):
    """Edits the meeting's details; changes() gives only the fields changed."""

    def __init__(self, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Meeting details")
        self.meeting = meeting
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in LABELS.items():
            edit = QLineEdit(getattr(meeting, key))
            self.fields[key] = edit
            form.addRow(label + ":", edit)
        self.paper = QComboBox()
        self.paper.addItems(list(Meeting.PAPERS))
        self.paper.setCurrentText(meeting.paper or "A4")
        form.addRow("Paper:", self.paper)
        form.addRow(ok_cancel(self))

    def changes(self) -> dict[str, str]:
        """The details that differ from the meeting's now."""
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        values["paper"] = self.paper.currentText()
        return {k: v for k, v in values.items() if v != getattr(self.meeting, k)}
