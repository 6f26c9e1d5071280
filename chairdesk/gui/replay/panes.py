"""The replay's side panes at one moment: the floor with its timer, each section's adoption state, this step."""

from __future__ import annotations

from datetime import datetime

from ...core.adoption.model import section_mark
from ...core.floor.model import WARNING_SECONDS
from ...core.log.state import SessionState
from ...core.replay.operations import StepChange
from ...core.replay.printout import speaker_line
from ..floor.countdown import COUNTDOWN_COLOURS, clock_text
from ..qt import (
    QColor,
    QFont,
    QFrame,
    QLabel,
    QListWidget,
    QPainter,
    QSize,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)


class SteadyText(QWidget):
    """A few lines of text whose size never depends on the text, so changing it lays nothing out again.

    (A QLabel asks its window for a new layout whenever its text changes; while the timeline is dragged that
    would repaint the whole window, draft included, on every frame.)"""

    def __init__(self, text: str = "", lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self._lines = lines
        self.alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        self.background: QColor | None = None
        self.foreground: QColor | None = None
        self._fit()

    def _fit(self) -> None:
        self.setFixedHeight(self._lines * self.fontMetrics().lineSpacing() + 8)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setFont(self, font: QFont) -> None:  # noqa: N802
        super().setFont(font)
        self._fit()

    def text(self) -> str:
        """The text shown."""
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802
        """Show another text (repaints this widget only)."""
        if text != self._text:
            self._text = text
            self.update()

    def set_colours(self, background: str, foreground: str) -> None:
        """Paint on a background colour, in a text colour."""
        self.background, self.foreground = QColor(background), QColor(foreground)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(max(200, self.minimumWidth()), self.height())

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        painter = QPainter(self)
        if self.background is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(self.background)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(self.rect(), 6, 6)
        painter.setPen(self.foreground or self.palette().color(self.foregroundRole()))
        flags = int(self.alignment) | int(Qt.TextFlag.TextWordWrap)
        painter.drawText(self.rect().adjusted(4, 4, -4, -4), flags, self._text)
        painter.end()


def _title(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class FloorPane(QWidget):
    """Who had the floor and their timer at the moment, who was suspended, and the list of speakers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(_title("Floor"))
        self.timer = SteadyText("—")
        self.timer.setObjectName("replayTimer")
        self.timer.alignment = Qt.AlignmentFlag.AlignCenter
        font = QFont(self.timer.font())
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.timer.setFont(font)
        self.speaker = SteadyText("Nobody has the floor", lines=2)
        self.speaker.setObjectName("replaySpeaker")
        self.suspended = SteadyText("", lines=2)
        self.queue = QListWidget()
        self.queue.setObjectName("replayQueue")
        self.queue.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for widget in (self.timer, self.speaker, self.suspended, QLabel("List of speakers:"), self.queue):
            layout.addWidget(widget)
        self.state_name = "idle"
        self._styled = ""

    def show_state(self, state: SessionState, now: datetime) -> None:
        """Show the floor as it was at `now`."""
        floor = state.floor
        current = floor.current
        if current is None:
            self.state_name = "idle"
            self.timer.setText("—")
            self.speaker.setText("Nobody has the floor")
        else:
            remaining = current.remaining_seconds(now)
            self.state_name = (
                "paused"
                if current.paused
                else "overrun"
                if remaining < 0
                else "warning"
                if remaining <= WARNING_SECONDS
                else "normal"
            )
            self.timer.setText(clock_text(remaining))
            self.speaker.setText(speaker_line(state, current, now))
        if self.state_name != self._styled:
            self._styled = self.state_name
            self.timer.set_colours(*COUNTDOWN_COLOURS[self.state_name])
        self.suspended.setText(
            "Suspended by the point of order: " + speaker_line(state, floor.suspended, now)
            if floor.suspended
            else ""
        )
        self.queue.clear()
        for place, request in enumerate(floor.queue, start=1):
            tags = ("" if request.kind == "speaker" else f" ({request.kind})") + (
                " — OLD HAND" if request.old_hand else ""
            )
            self.queue.addItem(f"{place}. {state.roster.name_of(request.delegation)}{tags}")


class AdoptionPane(QWidget):
    """Each section's adoption state at the moment, and the report's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(_title("Adoption"))
        self.sections = QListWidget()
        self.sections.setObjectName("replayAdoption")
        self.sections.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sections.setWordWrap(True)  # a long section title wraps rather than hiding its state
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.report = SteadyText("")
        layout.addWidget(self.sections)
        layout.addWidget(self.report)

    def show_state(self, state: SessionState, changed_sections: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        """Show each section's state; the sections this step touched are in bold."""
        draft, adoption = state.draft, state.adoption
        self.sections.clear()
        for sid in draft.order:
            mark = section_mark(adoption.section_status(sid))
            self.sections.addItem(
                f"{mark}  {draft.label_of(sid)}. {draft.sections[sid].title} — {adoption.status_text(sid)}"
            )
            if sid in changed_sections:
                item = self.sections.item(self.sections.count() - 1)
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
        self.report.setText(
            "Report: " + ("adopted and endorsed" if adoption.report_adopted else "not adopted")
        )


class StepPane(QFrame):
    """What the current event did, in words, and which paragraphs and sections it changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayStep")
        self.setStyleSheet(
            "QFrame#replayStep { background: #fff7d6; border: 1px solid #e6c200; border-radius: 4px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(_title("What changed in this step"))
        self.text = SteadyText("Before anything happened.", lines=5)
        self.text.setObjectName("replayStepText")
        layout.addWidget(self.text)

    def show_step(self, step: StepChange | None, state: SessionState) -> None:
        """Describe a step (None: before the first event)."""
        if step is None:
            self.text.setText("Before anything happened.")
            return
        numbers = state.draft.numbering()
        parts = []
        paragraphs = sorted(numbers.number[p] for p in step.paragraphs if p in numbers.number)
        if paragraphs:
            parts.append(
                "paragraph" + ("s " if len(paragraphs) > 1 else " ") + ", ".join(map(str, paragraphs))
            )
        unnumbered = len([p for p in step.paragraphs if p not in numbers.number])
        if unnumbered:
            parts.append(f"{unnumbered} struck paragraph" + ("s" if unnumbered > 1 else ""))
        sections = sorted(numbers.label[s] for s in step.sections if s in numbers.label)
        if sections:
            parts.append("section" + ("s " if len(sections) > 1 else " ") + ", ".join(sections))
        touched = f"\nChanged: {'; '.join(parts)}." if parts else ""
        self.text.setText(f"Event {step.seq} at {step.ts[11:19]} UTC: {step.description}{touched}")
