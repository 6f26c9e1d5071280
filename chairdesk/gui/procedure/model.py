"""Thin Qt models over the Model UN procedure: the roll call table, the motions in the chair's order, and the
moderated caucus's list of speakers; plus finding a delegation from a few typed letters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ...core.floor.model import minutes_seconds
from ...core.floor.roster import Delegation, Roster
from ...core.log.state import SessionState
from ...core.procedure.model import ABSENT, PRESENT, PRESENT_AND_VOTING, CaucusRequest, Motion
from ..floor.model import delegation_colour, swatch
from ..qt import QAbstractListModel, QAbstractTableModel, QColor, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Item = TypeVar("Item")
STATUS_KEYS = {"P": PRESENT, "V": PRESENT_AND_VOTING, "A": ABSENT}
STATUS_COLOURS = {PRESENT: "#1d6b3a", PRESENT_AND_VOTING: "#1f4fa0", ABSENT: "#9a3412"}


def resolve_delegation(roster: Roster, text: str) -> tuple[Delegation | None, str]:
    """The delegation a few typed letters stand for, or None and why ("matches Brazil, Burundi: type more")."""
    text = text.strip()
    if not text:
        return None, "Type a few letters of a delegation's name."
    matches = roster.find(text)
    if not matches:
        return None, f"No delegation on the roster matches “{text}”."
    key = text.casefold()
    exact = [d for d in matches if key in (d.name.casefold(), d.code.casefold())]
    starts = [d for d in matches if any(w.startswith(key) for w in d.name.casefold().split())]
    for tier in (exact, starts, matches):
        if len(tier) == 1:
            return tier[0], ""
        if len(tier) > 1:
            return None, f"“{text}” matches {', '.join(d.name for d in tier[:5])}: type more letters."
    return None, f"No delegation on the roster matches “{text}”."


class RollCallModel(QAbstractTableModel):
    """One row per delegation on the roster: its name and its roll-call status."""

    HEADERS = ("Delegation", "Roll call")

    def __init__(self, state: Callable[[], SessionState], parent: Any = None) -> None:
        super().__init__(parent)
        self._state = state
        self._rows: list[tuple[Delegation, str | None]] = []
        self.refresh()

    def refresh(self) -> None:
        """Read the roster and the roll call again."""
        state = self._state()
        rows = [(d, state.procedure.status(d.code)) for d in state.roster.delegations]
        if len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        if rows == self._rows:
            return  # a floor step changes no roll call: the table (its columns sized to their contents) stays
        self._rows = rows
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 1))

    def code_at(self, row: int) -> str:
        """The delegation code of a row."""
        return self._rows[row][0].code

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        delegation, status = self._rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return delegation.name
            if role == Qt.ItemDataRole.DecorationRole:
                return swatch(delegation_colour(delegation.colour))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return status or "—"
        if role == Qt.ItemDataRole.ForegroundRole and status:
            return QColor(STATUS_COLOURS[status])
        if role == Qt.ItemDataRole.ToolTipRole:
            return "P present · V present and voting · A absent"
        return None


class _StateListModel(QAbstractListModel, Generic[Item]):
    """A list read from the session state (`items`), one line of text a row (`text`), read again on refresh."""

    def __init__(self, state: Callable[[], SessionState], parent: Any = None) -> None:
        super().__init__(parent)
        self._state = state
        self._items: list[Item] = []
        self.refresh()

    def items(self) -> list[Item]:
        """The rows, read from the session state."""
        raise NotImplementedError

    def text(self, row: int) -> str:
        """The line a row shows."""
        raise NotImplementedError

    def tooltip(self, row: int) -> str | None:
        """The tooltip of a row, if any."""
        return None

    def refresh(self) -> None:
        """Read the rows again."""
        self.beginResetModel()
        self._items = self.items()
        self.endResetModel()

    def item_at(self, row: int) -> Item:
        """The item of a row."""
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(index.row())
        return None


class MotionsModel(_StateListModel[Motion]):
    """The motions waiting for a vote, in the chair's order (most disruptive first)."""

    def items(self) -> list[Motion]:
        """The motions in the chair's order."""
        return self._state().procedure.ordered_motions()

    def motion_at(self, row: int) -> Motion:
        """The motion of a row."""
        return self.item_at(row)

    def text(self, row: int) -> str:
        """ "1. France: to suspend the meeting"."""
        motion = self._items[row]
        name = self._state().roster.name_of(motion.delegation)
        majority = " (two-thirds)" if motion.two_thirds else ""
        return f"{row + 1}. {name}: {motion.words()}{majority}"

    def tooltip(self, row: int) -> str | None:
        """The first motion's: it goes to the vote first."""
        return "The most disruptive motion: it goes to the vote first." if row == 0 else None


class CaucusListModel(_StateListModel[CaucusRequest]):
    """The moderated caucus's own list of speakers."""

    def items(self) -> list[CaucusRequest]:
        """The moderated caucus's list (empty when no moderated caucus is under way)."""
        caucus = self._state().procedure.caucus
        return list(caucus.queue) if caucus is not None and caucus.moderated else []

    def request_at(self, row: int) -> CaucusRequest:
        """The request of a row."""
        return self.item_at(row)

    def text(self, row: int) -> str:
        """ "1. Brazil"."""
        return f"{row + 1}. {self._state().roster.name_of(self._items[row].delegation)}"


def caucus_line(state: SessionState, now: Any) -> str:
    """What the caucus countdown says: "Moderated caucus on 'X': 7:32 left (45 s per speaker)"."""
    procedure = state.procedure
    caucus = procedure.caucus
    if caucus is None:
        if procedure.due is not None:
            return f"Carried, not started: {procedure.due.words()}"
        return "No caucus under way."
    left = caucus.remaining_seconds(now)
    clock = f"{minutes_seconds(left)} left" if left >= 0 else f"{minutes_seconds(-left)} OVER TIME"
    if caucus.moderated:
        per = f"{caucus.motion.speaking_seconds} s"
        line = f"Moderated caucus on '{caucus.motion.topic}': {clock} ({per} per speaker)"
        speaker = state.floor.current
        if speaker is not None and speaker.caucus == caucus.motion.id:
            left = speaker.remaining_seconds(now)
            time = f"{minutes_seconds(left)} left" if left >= 0 else f"{minutes_seconds(-left)} over"
            line += f"\nSpeaking: {state.roster.name_of(speaker.delegation)}, {time}"
        return line
    return f"Unmoderated caucus: {clock}"
