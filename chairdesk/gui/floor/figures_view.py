"""Speaking figures in tables: per delegation, and per group next to its share of the roster; CSV export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from ...core.floor.figures import GroupShare, SpeakerFigures, speaker_figures, write_figures_csv
from ...core.floor.model import format_duration
from ...core.floor.operations import attach_transcript, map_speaker
from ...core.log.change import Change
from ...core.log.eventlog import utc_now
from ..controller import SessionController
from ..geometry import widen_for_table
from ..qt import (
    QAbstractTableModel,
    QColor,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

Clock = Callable[[], datetime]
NAME_WIDTH = 320  # the widest a column of the figures is laid out (a delegation's name: "Russian Federation" whole)

DELEGATION_COLUMNS = (
    "Delegation",
    "Stakeholder group",
    "Regional group",
    "Interventions",
    "Speaking time",
    "Mean",
    "Overruns",
    "Mean wait",
    "Words",
    "Turns",
    "Time (transcript)",
    "In caucus",  # of the speaking time, in moderated caucuses (Model UN)
    "Written",  # written interventions (a workshop's chat), counted apart
)
GROUP_COLUMNS = (
    "Group",
    "On roster",
    "Roster share",
    "Interventions",
    "Share of interventions",
    "Speaking time",
    "Share of time",
    "Written",  # written interventions (a workshop's chat), counted apart
)


def percent(share: float) -> str:
    """A share as a percentage: "25%"."""
    return f"{share * 100:.0f}%"


class _FiguresTable(QAbstractTableModel):
    """A read-only table of rows under fixed column titles."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        """Show new rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None


class DelegationFiguresModel(_FiguresTable):
    """One row per delegation."""

    COLUMNS = DELEGATION_COLUMNS

    def set_figures(self, figures: SpeakerFigures) -> None:
        """Show new figures."""
        self.set_rows(figures.delegations)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        d = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and d.interventions == 0 and d.written == 0:
            return QColor("#9a3412")  # not heard at all
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            d.name,
            d.stakeholder_group,
            d.regional_group,
            str(d.interventions),
            format_duration(d.speaking_seconds),
            format_duration(d.mean_seconds) if d.interventions else "",
            str(d.overruns),
            format_duration(d.mean_wait_seconds) if d.mean_wait_seconds is not None else "",
            "" if d.words is None else str(d.words),
            "" if d.turns is None else str(d.turns),
            "" if d.transcript_seconds is None else format_duration(d.transcript_seconds),
            format_duration(d.caucus_seconds) if d.caucus_seconds else "",
            str(d.written) if d.written else "",
        )
        return values[column]


class GroupSharesModel(_FiguresTable):
    """One row per group: its share of the roster next to its share of interventions and of time."""

    COLUMNS = GROUP_COLUMNS

    def set_shares(self, shares: list[GroupShare]) -> None:
        """Show new shares."""
        self.set_rows(shares)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        g = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column in (4, 6) and g.roster_count:
            share = g.intervention_share if column == 4 else g.time_share
            if share < g.roster_share / 2:
                return QColor("#fde2e1")  # heard less than half as much as its place on the roster
        if role == Qt.ItemDataRole.ToolTipRole and g.roster_count:
            return (
                f"{g.group}: {percent(g.roster_share)} of the roster, {percent(g.intervention_share)} of the "
                f"interventions, {percent(g.time_share)} of the speaking time"
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            g.group,
            str(g.roster_count),
            percent(g.roster_share),
            str(g.interventions),
            percent(g.intervention_share),
            format_duration(g.speaking_seconds),
            percent(g.time_share),
            f"{g.written} ({percent(g.written_share)})" if g.written else "",
        )
        return values[column]


def _table(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    # each column as wide as its contents ("Côte …" when the names took what the figures left), a name longer
    # than NAME_WIDTH cut (the United Kingdom's would push the figures out of sight), the last the rest
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setMaximumSectionSize(NAME_WIDTH)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class FiguresDialog(QDialog):
    """The figures, refreshed as the floor changes; CSV export; transcript attach and speaker mapping."""

    def __init__(
        self, controller: SessionController, parent: QWidget | None = None, clock: Clock | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle("Speaking figures")
        self.resize(1000, 480)
        self.controller = controller
        self.clock: Clock = clock or utc_now
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        self.delegation_model = DelegationFiguresModel(self)
        self.stakeholder_model = GroupSharesModel(self)
        self.regional_model = GroupSharesModel(self)
        self.tabs.addTab(_table(self.delegation_model, self), "Delegations")
        self.tabs.addTab(_table(self.stakeholder_model, self), "Stakeholder groups")
        self.tabs.addTab(_table(self.regional_model, self), "Regional groups")
        layout.addWidget(self.tabs, 1)
        mapping = QHBoxLayout()
        self.unmatched_label = QLabel(self)
        self.unmatched_combo = QComboBox(self)
        self.target_combo = QComboBox(self)
        self.map_button = QPushButton("Map", self)
        for widget in (self.unmatched_label, self.unmatched_combo, self.target_combo, self.map_button):
            mapping.addWidget(widget)
        mapping.addStretch(1)
        layout.addLayout(mapping)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.attach_button = QPushButton("Attach transcript…", self)
        self.export_button = QPushButton("Export CSV…", self)
        self.close_button = QPushButton("Close", self)
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.attach_button.clicked.connect(self._choose_transcript)
        self.export_button.clicked.connect(self._choose_export)
        self.close_button.clicked.connect(self.accept)
        self.map_button.clicked.connect(self.map_selected)
        controller.changed.connect(self._on_change)
        self.refresh()
        widen_for_table(self, self.tabs.widget(0))

    def _on_change(self, change: Change) -> None:
        if change.areas & {"floor", "roster", "transcript"}:
            self.refresh()

    def figures(self) -> SpeakerFigures:
        """The figures as they stand, the current intervention counted up to now."""
        return speaker_figures(self.controller.session.state, now=self.clock())

    def refresh(self) -> None:
        """Recompute and show the figures and the names left to map."""
        figures = self.figures()
        self.delegation_model.set_figures(figures)
        self.stakeholder_model.set_shares(figures.stakeholder_groups)
        self.regional_model.set_shares(figures.regional_groups)
        state = self.controller.session.state
        transcript = state.transcript
        source = f"; transcript: {transcript.source}" if transcript.attached else ""
        count, roster = figures.total_interventions, len(state.roster)
        self.summary.setText(
            f"<b>{count}</b> intervention{'' if count == 1 else 's'}, "
            f"<b>{format_duration(figures.total_seconds)}</b> of speaking time, "
            f"{roster} delegation{'' if roster == 1 else 's'} on the roster{source}."
        )
        unmatched = transcript.unmatched_names(state.roster) if transcript.attached else []
        self.unmatched_combo.clear()
        unnamed = {t.speaker: t.text for t in transcript.unnamed_turns()}
        for name in unmatched:  # an unnamed turn shows its first words, so the chair can tell who spoke
            words = " ".join(unnamed.get(name, "").split())
            label = f"{name}: “{words[:60]}{'…' if len(words) > 60 else ''}”" if name in unnamed else name
            self.unmatched_combo.addItem(label, name)
        self.target_combo.clear()
        self.target_combo.addItem("(leave out)", None)
        self.target_combo.addItem("the Chair", "chair")
        for d in state.roster.delegations:
            self.target_combo.addItem(d.name, d.code)
        self.unmatched_label.setText(
            f"Transcript names that match no delegation ({len(unmatched)}):" if unmatched else ""
        )
        for widget in (self.unmatched_label, self.unmatched_combo, self.target_combo, self.map_button):
            widget.setVisible(bool(unmatched))

    def map_selected(self) -> None:
        """Map the chosen transcript name to the chosen delegation."""
        name = self.unmatched_combo.currentData()
        if name:
            self.controller.run(map_speaker, name, self.target_combo.currentData())

    def attach(self, path: str | Path) -> bool:
        """Attach a transcript file; a bad file is named in the message and nothing changes."""
        problems: list[str] = []

        def note(text: str) -> None:
            problems.append(text)

        self.controller.refused.connect(note)
        try:
            change = self.controller.run(attach_transcript, Path(path), text="Attach transcript")
        finally:
            self.controller.refused.disconnect(note)
        if change is None:
            self.message.setStyleSheet("color: #b3001b; font-weight: bold;")
            self.message.setText(" ".join(problems))
            return False
        self.message.setStyleSheet("")
        self.message.setText(" ".join(change.notices))
        return True

    def export(self, path: str | Path) -> Path:
        """Write the figures to a CSV file."""
        return write_figures_csv(self.figures(), path)

    def _choose_transcript(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Attach transcript", "", "Text files (*.txt);;All files (*)"
        )
        if path:
            self.attach(path)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export figures", "speaking-figures.csv", "CSV files (*.csv)"
        )
        if path:
            try:
                self.export(path)
            except OSError as error:
                self.message.setText(f"{path}: could not be written ({error.strerror})")
