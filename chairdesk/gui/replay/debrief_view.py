"""The replay's debrief tab: time per section, speaking time per delegation and group over time, text moments."""

from __future__ import annotations

from ...core.floor.model import format_duration
from ...core.replay.debrief import Debrief
from ..qt import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)


def _table(headers: list[str], rows: list[list[str]], name: str) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    return table


def _minutes(seconds: float) -> str:
    return format_duration(seconds) if seconds else ""


class DebriefView(QWidget):
    """Three tables of the debrief; double-clicking a text moment asks to go to it (go_to_event)."""

    go_to_event = Signal(int)

    def __init__(self, debrief: Debrief, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.debrief = debrief
        layout = QVBoxLayout(self)
        tabs = QTabWidget()
        layout.addWidget(tabs)
        self.sections = _table(
            ["Section", "Title", "Under consideration", "Times taken up"],
            [[t.label, t.title, format_duration(t.seconds), str(t.periods)] for t in debrief.sections],
            "debriefSections",
        )
        tabs.addTab(
            self._with_note(self.sections, "From taking a section up to its adoption or the next section."),
            "Time per section",
        )
        speaking = debrief.speaking
        periods = [f"{start:%H:%M}" for start in speaking.starts]
        rows = [
            [name, *map(_minutes, values), format_duration(sum(values))]
            for name, values in speaking.delegations.items()
        ]
        rows += [
            [f"Group: {name}", *map(_minutes, values), format_duration(sum(values))]
            for name, values in speaking.groups.items()
        ]
        self.speaking = _table(["Delegation / group", *periods, "Total"], rows, "debriefSpeaking")
        tabs.addTab(
            self._with_note(
                self.speaking,
                "Speaking time in each stretch of the session (by when each intervention began).",
            ),
            "Speaking time over time",
        )
        self.moments = _table(
            ["From", "To", "Words changed", "Changes", "Paragraphs (numbers now)"],
            [
                [f"{m.start:%H:%M}", f"{m.end:%H:%M}", str(m.words), str(m.events), ", ".join(m.paragraphs)]
                for m in debrief.moments
            ],
            "debriefMoments",
        )
        self.moments.cellDoubleClicked.connect(
            lambda row, _col: self.go_to_event.emit(debrief.moments[row].first_seq)
        )
        tabs.addTab(
            self._with_note(self.moments, "Double-click a moment to go to its first change."),
            "Where the text changed most",
        )
        self.tabs = tabs

    @staticmethod
    def _with_note(table: QTableWidget, note: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(note))
        layout.addWidget(table)
        return page
