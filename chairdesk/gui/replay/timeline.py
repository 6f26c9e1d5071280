"""The replay's timeline: the session's duration left to right, its marks, and the cursor; drag or click it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import datetime, timedelta

from ...core.replay.operations import ADOPTION, INTERVENTION, PROPOSAL, TEXT, Mark, Replay
from ..qt import QColor, QEvent, QPainter, QPixmap, QSize, Qt, QWidget, Signal

CATEGORY_COLOURS = {TEXT: "#3a6ea5", PROPOSAL: "#e08a00", ADOPTION: "#2e8b3a", INTERVENTION: "#777777"}
ROWS = (INTERVENTION, TEXT, PROPOSAL, ADOPTION)  # one band of marks each, top to bottom
ROW_HEIGHT = 12
SNAP_PIXELS = 4  # a click this close to a mark goes to the mark
TOP = 4  # where the first band starts


def speaker_colour(replay: Replay, code: str) -> QColor:
    """The delegation's colour from the roster, else one derived from its code (stable between runs)."""
    roster = replay.session.state.roster
    colour = roster.get(code).colour if code in roster else ""
    if colour and QColor(colour).isValid():
        return QColor(colour)
    hue = sum(ord(c) * 31 for c in code) % 360
    return QColor.fromHsv(hue, 160, 200)


class Timeline(QWidget):
    """A band per kind of mark across the session's duration; emits seek_requested(seq) on click and drag."""

    seek_requested = Signal(int)
    drag_finished = Signal()

    def __init__(self, replay: Replay, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayTimeline")
        self.replay = replay
        self.seq = replay.seq
        self.moment: datetime | None = replay.time_of(replay.seq)
        self.setMinimumHeight(ROW_HEIGHT * len(ROWS) + 22)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setToolTip("Drag to move through the session; click a mark to go to it")
        self._colours = {
            mark.actor: speaker_colour(replay, mark.actor)
            for mark in replay.marks
            if mark.category == INTERVENTION
        }
        self._xs: list[tuple[int, Mark]] = []  # marks by x position, for clicks (rebuilt on resize)
        self._dragging = False

    # --------------------------------------------------------------- geometry
    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(800, ROW_HEIGHT * len(ROWS) + 22)

    def _span(self) -> tuple[datetime, float] | None:
        start, end = self.replay.start, self.replay.end
        if start is None or end is None:
            return None
        return start, max((end - start).total_seconds(), 1.0)

    def x_of(self, moment: datetime) -> int:
        """The x position of a moment."""
        return self._xs_of([moment])[0]

    def _xs_of(self, moments: Iterable[datetime]) -> list[int]:
        """The x positions of moments, the session's span read once (not once a mark: 20,000 marks took 0.5 s,
        each reading the first and last events' times again)."""
        span = self._span()
        if span is None:
            return [0 for _ in moments]
        start, seconds = span
        width = max(1, self.width() - 2)
        return [1 + round((moment - start).total_seconds() / seconds * width) for moment in moments]

    def moment_at(self, x: int) -> datetime | None:
        """The moment at an x position (clamped to the session)."""
        span = self._span()
        if span is None:
            return None
        start, seconds = span
        width = max(1, self.width() - 2)
        return start + timedelta(seconds=min(max(0.0, (x - 1) / width), 1.0) * seconds)

    def mark_near(self, x: int, y: int | None = None) -> Mark | None:
        """The mark drawn nearest to x (in the band at y, when y is on one), if within a few pixels."""
        if self._xs_width != self.width():
            self._index_marks()
        band = (y - TOP) // ROW_HEIGHT if y is not None and y >= TOP else -1
        category = ROWS[band] if 0 <= band < len(ROWS) else None
        xs = [x0 for x0, _ in self._xs]
        best: tuple[int, Mark] | None = None
        for j in range(bisect_left(xs, x - SNAP_PIXELS), bisect_left(xs, x + SNAP_PIXELS + 1)):
            x0, mark = self._xs[j]
            if category is not None and mark.category != category:
                continue
            if best is None or abs(x0 - x) < abs(best[0] - x):
                best = (x0, mark)
        return best[1] if best else None

    def _index_marks(self) -> None:
        marks = self.replay.marks
        xs = self._xs_of(datetime.fromisoformat(m.ts) for m in marks)
        self._xs = sorted(zip(xs, marks, strict=True), key=lambda t: t[0])
        self._xs_width = self.width()

    _xs_width = -1

    def marks_changed(self) -> None:
        """The replay took in new events: draw the marks again, over the longer duration."""
        self._colours = {
            mark.actor: speaker_colour(self.replay, mark.actor)
            for mark in self.replay.marks
            if mark.category == INTERVENTION
        }
        self._xs_width = -1
        self._marks_image = None
        self.update()

    # --------------------------------------------------------------- showing
    def show_at(self, seq: int, moment: datetime | None = None) -> None:
        """Put the cursor at an event (and a moment between events, when playing)."""
        self.seq = seq
        self.moment = moment or self.replay.time_of(seq)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        if (
            self._xs_width != self.width()
            or self._marks_image is None
            or self._marks_image.size() != self.size()
        ):
            self._index_marks()
            self._marks_image = self._draw_marks()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._marks_image)  # the marks never change: drawn once per size
        if self.moment is not None:
            x = self.x_of(self.moment)
            painter.setPen(QColor("#d62728"))
            painter.drawLine(x, 0, x, self.height())
            painter.drawLine(x + 1, 0, x + 1, self.height())
        painter.end()

    _marks_image: QPixmap | None = None

    def changeEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.type() == QEvent.Type.FontChange:  # the times are drawn in the new font
            self._marks_image = None
            self.update()
        super().changeEvent(event)

    def _draw_marks(self) -> QPixmap:
        """The bands, every mark and the start and end times, as a picture the size of the widget."""
        image = QPixmap(self.size())
        painter = QPainter(image)
        painter.setFont(self.font())  # (a picture's painter takes the application's font, not the widget's)
        painter.fillRect(self.rect(), QColor("#fafafa"))
        top = TOP
        for row in range(len(ROWS)):
            y = top + row * ROW_HEIGHT
            painter.fillRect(0, y, self.width(), ROW_HEIGHT - 2, QColor("#f0f0f0"))
        last_x: dict[tuple[int, str], bool] = {}
        for x, mark in self._xs:
            key = (x, mark.category)
            if key in last_x:  # one line per pixel and band is enough
                continue
            last_x[key] = True
            row = ROWS.index(mark.category)
            colour = self._colours.get(mark.actor) if mark.category == INTERVENTION else None
            painter.setPen(colour or QColor(CATEGORY_COLOURS[mark.category]))
            y = top + row * ROW_HEIGHT
            painter.drawLine(x, y, x, y + ROW_HEIGHT - 3)
        painter.setPen(QColor("#555555"))
        start, end = self.replay.start, self.replay.end
        if start is not None and end is not None:
            bottom = self.height() - 4
            painter.drawText(2, bottom, f"{start:%H:%M}")
            last = f"{end:%H:%M}"  # (right-aligned by its width: at 11 points a fixed 40 px cut "11:00" to "11:0")
            painter.drawText(self.width() - 2 - painter.fontMetrics().horizontalAdvance(last), bottom, last)
        painter.end()
        return image

    # ----------------------------------------------------------------- mouse
    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x = round(event.position().x())
        mark = self.mark_near(x, round(event.position().y()))
        self._dragging = True
        if mark is not None:
            self.seek_requested.emit(mark.seq)
        else:
            self._seek_to_x(x)

    def mouseMoveEvent(self, event) -> None:  # noqa: ANN001, N802
        if self._dragging:
            self._seek_to_x(round(event.position().x()))

    def mouseReleaseEvent(self, _event) -> None:  # noqa: ANN001, N802
        self._dragging = False
        self.drag_finished.emit()

    @property
    def dragging(self) -> bool:
        """Whether the chair is dragging the cursor now."""
        return self._dragging

    def _seek_to_x(self, x: int) -> None:
        moment = self.moment_at(x)
        if moment is not None:
            self.seek_requested.emit(self.replay.seq_at(moment))
