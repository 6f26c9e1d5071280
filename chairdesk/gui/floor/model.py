"""A thin Qt list model over the speakers' list (state.floor.queue), with its marks and tooltips."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ...core.draft.compare import shared_ends
from ...core.floor.model import POINT_OF_ORDER, RIGHT_OF_REPLY, Request, format_duration, parse_ts
from ...core.log.state import SessionState
from ..qt import (
    DECORATION_ROLE,
    DISPLAY_ROLE,
    FONT_ROLE,
    FOREGROUND_ROLE,
    TOOLTIP_ROLE,
    QAbstractListModel,
    QColor,
    QFont,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QPixmap,
    Qt,
)

REQUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MARKS_ROLE = Qt.ItemDataRole.UserRole + 2

Clock = Callable[[], datetime]


def delegation_colour(value: str, fallback: str = "#8a8f98") -> QColor:
    """The QColor a roster colour names (#rrggbb or a colour name), grey when it names none."""
    colour = QColor(value) if value else QColor()
    return colour if colour.isValid() else QColor(fallback)


_SWATCHES: dict[tuple[int, int], QPixmap] = {}  # by colour and size: a list redraws every row's on each change


def swatch(colour: QColor, size: int = 14) -> QPixmap:
    """A small round swatch of a delegation's colour (drawn once per colour and size)."""
    key = (colour.rgba(), size)
    known = _SWATCHES.get(key)
    if known is not None:
        return known
    if len(_SWATCHES) > 512:  # colours of rosters no longer open
        _SWATCHES.clear()
    pixmap = _SWATCHES[key] = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(colour.darker(140))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return pixmap


def request_marks(request: Request) -> list[str]:
    """What the chair must see about a request: its kind, an online hand, an old hand."""
    marks = []
    if request.kind == POINT_OF_ORDER:
        marks.append("POINT OF ORDER")
    elif request.kind == RIGHT_OF_REPLY:
        marks.append("right of reply" + (", at end of item" if request.held else ""))
    if request.online:
        marks.append("online hand")
    if request.old_hand:
        marks.append("OLD HAND")
    return marks


class SpeakersListModel(QAbstractListModel):
    """One row per waiting request, in list order; refresh() after a floor or roster change."""

    def __init__(self, state: Callable[[], SessionState], clock: Clock, parent: Any = None) -> None:
        super().__init__(parent)
        self._state = state
        self._clock = clock
        self._requests: list[Request] = []
        self.refresh()

    def refresh(self) -> None:
        """Read the list again from the state: the requests that came or went are inserted or removed as rows
        (the others keep their rows, so the view keeps its selection and scroll), then every row is redrawn
        (its number and marks may have changed)."""
        old, new = self._requests, list(self._state().floor.queue)
        old_ids, new_ids = [r.id for r in old], [r.id for r in new]
        head, tail = shared_ends(old_ids, new_ids)
        if sorted(old_ids[head : len(old) - tail]) == sorted(new_ids[head : len(new) - tail]):
            self._reorder(new_ids, head, len(new) - tail)  # the same requests in another order: moved rows
        else:
            if len(old) - tail > head:
                self.beginRemoveRows(QModelIndex(), head, len(old) - tail - 1)
                self._requests = old[:head] + old[len(old) - tail :]
                self.endRemoveRows()
            if len(new) - tail > head:
                self.beginInsertRows(QModelIndex(), head, len(new) - tail - 1)
                self._requests = new
                self.endInsertRows()
        self._requests = new
        if new:
            self.dataChanged.emit(self.index(0), self.index(len(new) - 1))

    def _reorder(self, new_ids: list[str], start: int, end: int) -> None:
        """Move rows, one at a time, until the rows start..end are in the new order."""
        rows = list(self._requests)
        for target in range(start, end):
            source = next(k for k in range(target, end) if rows[k].id == new_ids[target])
            if source != target:
                self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
                rows.insert(target, rows.pop(source))
                self._requests = rows
                self.endMoveRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._requests)

    def request_at(self, row: int) -> Request:
        """The request shown in a row."""
        return self._requests[row]

    def text(self, row: int) -> str:
        """The row as the chair reads it: "2. Green — online hand"."""
        request = self._requests[row]
        name = self._state().roster.name_of(request.delegation)
        marks = request_marks(request)
        return f"{row + 1}. {name}" + (f"   — {', '.join(marks)}" if marks else "")

    def _tooltip(self, request: Request) -> str:
        state = self._state()
        when = parse_ts(request.ts).astimezone().strftime("%H:%M:%S")
        waited = format_duration(request.wait_seconds(self._clock()))
        place = ""
        draft = state.draft
        if request.paragraph and draft.label_of_paragraph(request.paragraph):
            place = f" on {draft.paragraph_name(request.paragraph)}"
        elif request.section and request.section in draft.numbering().label:
            place = f" on section {draft.label_of(request.section)}"
        lines = [
            f"{state.roster.name_of(request.delegation)}: {request.kind}{place}, asked at {when} ({waited} ago)"
        ]
        if request.held:
            lines.append("A right of reply is heard at the end of the item.")
        if request.old_hand:
            lines.append("This delegation has spoken since it asked: an old hand? Withdraw it if so.")
        return "\n".join(lines)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._requests):
            return None
        request = self._requests[index.row()]
        if role == DISPLAY_ROLE:
            return self.text(index.row())
        if role == DECORATION_ROLE:
            roster = self._state().roster
            colour = roster.get(request.delegation).colour if request.delegation in roster else ""
            return swatch(delegation_colour(colour))
        if role == TOOLTIP_ROLE:
            return self._tooltip(request)
        if role == FONT_ROLE and request.kind == POINT_OF_ORDER:
            font = QFont()
            font.setBold(True)
            return font
        if role == FOREGROUND_ROLE:
            if request.old_hand:
                return QColor("#b45309")  # amber: the chair should look at it
            if request.held:
                return QColor("#7a7f87")
            if request.kind == POINT_OF_ORDER:
                return QColor("#a01818")
        if role == REQUEST_ID_ROLE:
            return request.id
        if role == MARKS_ROLE:
            return request_marks(request)
        return None
