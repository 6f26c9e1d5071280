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
FIELD_WIDTH = (360, 640)  # the narrowest and the widest a field is made for the words it holds


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
            # as wide as its words (up to FIELD_WIDTH[1]): the dialog sized to its labels cut a meeting's title to
            # its last two words
            words = edit.fontMetrics().horizontalAdvance(edit.text()) + 16
            edit.setMinimumWidth(min(FIELD_WIDTH[1], max(FIELD_WIDTH[0], words)))
            edit.setCursorPosition(0)  # (longer still: read from its start)
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
