"""The roster editor: a table of delegations, CSV import and export; OK records the whole roster as one event."""

from __future__ import annotations

from pathlib import Path

from ...core.floor.operations import set_roster
from ...core.floor.roster import (
    ALIAS_SEPARATOR,
    REGIONAL_GROUPS,
    STAKEHOLDER_GROUPS,
    Delegation,
    RosterError,
    read_roster_csv,
    validate_delegations,
    write_roster_csv,
)
from ...core.log.errors import ChairdeskError
from ..controller import SessionController
from ..geometry import widen_for_table
from ..panel import ok_cancel
from ..qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QIcon,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from .model import delegation_colour, swatch

COLUMNS = ("Name", "Code", "Stakeholder group", "Regional group", "Colour", "Online", "Aliases (a | b)")
NAME, CODE, STAKEHOLDER, REGION, COLOUR, ONLINE, ALIASES = range(len(COLUMNS))


class RosterDialog(QDialog):
    """Edit the delegations; nothing is recorded until OK, and then only if every row is valid."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Roster of delegations")
        self.resize(980, 420)
        self.controller = controller
        self.source = ""
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        # every name whole ("Russian …" when the name column took what the others left), the aliases the rest
        for column in (NAME, CODE, STAKEHOLDER, REGION, COLOUR, ONLINE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ALIASES, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add delegation", self)
        self.remove_button = QPushButton("Remove", self)
        self.import_button = QPushButton("Import CSV…", self)
        self.export_button = QPushButton("Export CSV…", self)
        for button in (self.add_button, self.remove_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3001b; font-weight: bold;")
        layout.addWidget(self.problem)
        self.box = ok_cancel(self)
        layout.addWidget(self.box)
        self.add_button.clicked.connect(lambda: self.add_row(Delegation("", "")))
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)
        self.load(controller.session.state.roster.delegations)
        widen_for_table(self, self.table)

    # ------------------------------------------------------------------ rows
    def load(self, delegations: list[Delegation]) -> None:
        """Fill the table with these delegations."""
        self.table.setRowCount(0)
        for delegation in delegations:
            self.add_row(delegation)

    def add_row(self, d: Delegation) -> int:
        """Append a row for a delegation; returns its index."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(d.name))
        self.table.setItem(row, CODE, QTableWidgetItem(d.code))
        for column, choices, value in (
            (STAKEHOLDER, STAKEHOLDER_GROUPS, d.stakeholder_group),
            (REGION, REGIONAL_GROUPS, d.regional_group),
        ):
            combo = QComboBox(self.table)
            combo.addItems(list(choices))
            combo.setCurrentText(value)
            self.table.setCellWidget(row, column, combo)
        colour = QTableWidgetItem(d.colour)
        colour.setIcon(QIcon(swatch(delegation_colour(d.colour))))
        self.table.setItem(row, COLOUR, colour)
        online = QCheckBox(self.table)
        online.setChecked(d.online)
        self.table.setCellWidget(row, ONLINE, online)
        self.table.setItem(row, ALIASES, QTableWidgetItem(f" {ALIAS_SEPARATOR} ".join(d.aliases)))
        return row

    def remove_selected(self) -> None:
        """Remove the selected rows."""
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def delegations(self) -> list[Delegation]:
        """The delegations as the table shows them (not yet validated)."""
        result = []
        for row in range(self.table.rowCount()):

            def text(column: int, row: int = row) -> str:
                item = self.table.item(row, column)
                return item.text().strip() if item is not None else ""

            stakeholder = self.table.cellWidget(row, STAKEHOLDER)
            region = self.table.cellWidget(row, REGION)
            online = self.table.cellWidget(row, ONLINE)
            result.append(
                Delegation(
                    code=text(CODE),
                    name=" ".join(text(NAME).split()),
                    stakeholder_group=stakeholder.currentText(),  # type: ignore[union-attr]
                    regional_group=region.currentText(),  # type: ignore[union-attr]
                    colour=text(COLOUR),
                    online=online.isChecked(),  # type: ignore[union-attr]
                    aliases=tuple(a.strip() for a in text(ALIASES).split(ALIAS_SEPARATOR) if a.strip()),
                )
            )
        return result

    # -------------------------------------------------------------- CSV files
    def import_csv(self, path: str | Path) -> bool:
        """Load a roster CSV into the table (recorded on OK); a bad file is named with its row, nothing loads."""
        try:
            delegations = read_roster_csv(path)
        except RosterError as error:
            self.problem.setText(str(error))
            return False
        self.load(delegations)
        self.source = Path(path).name
        self.problem.setText("")
        return True

    def export_csv(self, path: str | Path) -> bool:
        """Write the table as a roster CSV."""
        try:
            write_roster_csv(self.delegations(), path)
        except OSError as error:
            self.problem.setText(f"{path}: could not be written ({error.strerror})")
            return False
        return True

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import roster", "", "CSV files (*.csv)")
        if path:
            self.import_csv(path)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export roster", "roster.csv", "CSV files (*.csv)")
        if path:
            self.export_csv(path)

    # ---------------------------------------------------------------- accept
    def accept(self) -> None:
        """Record the roster if every row is valid; otherwise say which row is wrong and stay open."""
        delegations = self.delegations()
        try:
            validate_delegations(delegations)
        except ChairdeskError as error:
            self.problem.setText(f"Not saved — {error}")
            if isinstance(error, RosterError) and error.row:
                self.table.selectRow(error.row - 1)
            return
        if delegations != self.controller.session.state.roster.delegations:
            if self.controller.run(set_roster, delegations, source=self.source, text="Roster") is None:
                return
        super().accept()
