"""The floor's timing: the large countdown, who has the floor, the session clock, and the speaking times.

The countdown is only a view of the current intervention's event timestamps against the display clock,
redrawn a few times a second; the speaking times are recorded as events through the controller.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ...core.floor.model import (
    POINT_OF_ORDER,
    SPEAKER,
    WARNING_SECONDS,
    format_duration,
    minutes_seconds,
)
from ...core.floor.operations import set_speaking_time
from ...core.floor.roster import Roster
from ...core.log.change import Change
from ..controller import SessionController
from ..qt import (
    QFont,
    QFontDatabase,
    QFormLayout,
    QFrame,
    QLabel,
    QShowEvent,
    QSizePolicy,
    QSpinBox,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from .model import delegation_colour

Clock = Callable[[], datetime]
Run = Callable[..., Change | None]

# Background and text colours of the countdown in each state: legible from the back of a room.
COUNTDOWN_COLOURS = {
    "idle": ("#eceef1", "#6b7280"),
    "normal": ("#14532d", "#ffffff"),
    "warning": ("#f5b301", "#1a1a1a"),
    "overrun": ("#b3001b", "#ffffff"),
    "paused": ("#4b5563", "#ffffff"),
}


def shown_seconds(seconds: float) -> int:
    """The whole seconds the countdown shows: left ones rounded up (0.2 s left is "0:01"), over ones down.

    The digits and the words under them both use it, so "0:26" never stands over "25 s left".
    """
    if seconds < 0:
        return int(-seconds)
    whole = int(seconds)
    return whole if whole == seconds else whole + 1


def clock_text(seconds: float) -> str:
    """Seconds as a countdown reads: "2:41", "0:05", "+0:12" once over time, "1:02:03" past an hour."""
    return ("+" if seconds < 0 else "") + minutes_seconds(shown_seconds(seconds))


def delegation_dot(roster: Roster, code: str) -> str:
    """A dot in the delegation's roster colour, as rich text to put before its name."""
    colour = delegation_colour(roster.get(code).colour if code in roster else "")
    return f"<span style='color:{colour.name()}'>●</span>"


class CountdownView(QFrame):
    """One view of the floor's countdown — who has the floor, the digits, the words under them and the speaker a
    point of order suspended — drawn in the colours of the countdown's state (`COUNTDOWN_COLOURS`).

    The large countdown, the floor band above the panels and the room's band on the projector are each one;
    `FloorTimer.views` redraws them all with the same words and digits.
    """

    corner = 0  # the frame's rounded corners, in pixels
    one_line = False  # the suspended speaker on one line ("<br>" read as " · ")

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.state = ""
        self._unseen: tuple[str, str, str, str] | None = None  # the last state asked for while hidden
        self.caption = QLabel(self)
        self.digits = QLabel(self)
        self.detail = QLabel(self)
        self.suspended = QLabel(self)
        self.suspended.setVisible(False)

    def band_words(self, spacing: int) -> QVBoxLayout:
        """The words of a band, one above the other beside its digits: cut at the column's edge rather than
        widening it (the tooltip or the large countdown has them whole)."""
        words = QVBoxLayout()
        words.setSpacing(spacing)
        for label in (self.caption, self.detail, self.suspended):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            words.addWidget(label)
        return words

    def colours(self, state: str) -> tuple[str, str]:
        """The background and text colours of a state."""
        return COUNTDOWN_COLOURS[state]

    def extra_style(self) -> str:
        """Style rules of this view's own, after its colours."""
        return ""

    def show_state(self, state: str, digits: str, caption: str, detail: str) -> None:
        """Show the time and words of one state, in that state's colours (a hidden view draws it when shown:
        restyling a view nobody sees cost every floor step a few milliseconds per view)."""
        if not self.isVisible():
            self._unseen = (state, digits, caption, detail)
            return
        self._unseen = None
        if state != self.state:
            self.state = state
            background, foreground = self.colours(state)
            name = self.objectName()
            corner = f" border-radius: {self.corner}px;" if self.corner else ""
            self.setStyleSheet(
                f"QFrame#{name} {{ background: {background};{corner} }}"
                f"QFrame#{name} QLabel {{ color: {foreground}; background: transparent; }}" + self.extra_style()
            )
        self.digits.setText(digits)
        self.caption.setText(caption)
        self.detail.setText(detail)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._unseen is not None:
            self.show_state(*self._unseen)

    def show_suspended(self, text: str) -> None:
        """Name the speaker a point of order suspended (or, with "", nobody: the line is hidden)."""
        self.suspended.setText(text.replace("<br>", " · ") if self.one_line else text)
        self.suspended.setVisible(bool(text))


class Countdown(CountdownView):
    """The large countdown: idle, normal, warning (30 s left), overrun (counting up, red) or paused."""

    corner = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("countdown", parent)
        self.state = "idle"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(0)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption_font = QFont(self.caption.font())
        caption_font.setPointSize(max(11, caption_font.pointSize() + 2))
        caption_font.setBold(True)
        self.caption.setFont(caption_font)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPixelSize(76)
        font.setBold(True)
        self.digits.setFont(font)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setFont(caption_font)
        self.detail.setWordWrap(True)
        self.caption.setWordWrap(True)
        # Who a point of order interrupted: set apart on a light band, so it reads as "waiting to resume".
        self.suspended.setObjectName("suspendedSpeaker")
        self.suspended.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.suspended.setWordWrap(True)
        suspended_font = QFont(caption_font)
        suspended_font.setPointSize(caption_font.pointSize() - 2)
        self.suspended.setFont(suspended_font)
        layout.addWidget(self.caption)
        layout.addWidget(self.digits)
        layout.addWidget(self.detail)
        layout.addSpacing(4)
        layout.addWidget(self.suspended)
        self.show_state("idle", "–:––", "No one has the floor", "")

    def extra_style(self) -> str:
        """Who a point of order interrupted: dark on a light band inside the countdown's colour."""
        return (
            "QFrame#countdown QLabel#suspendedSpeaker { color: #1f2937; background: #f3f4f6;"
            " border-radius: 5px; padding: 4px 6px; }"
        )


class FloorTimer(QWidget):
    """The session clock, the countdown of who has the floor and the overrun count, redrawn by a QTimer."""

    def __init__(self, controller: SessionController, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.clock = clock
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.session_clock = QLabel(self)
        self.session_clock.setObjectName("sessionClock")
        self.session_clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.session_clock)
        self.countdown = Countdown(self)
        layout.addWidget(self.countdown)
        self.views: list = [self.countdown]  # every view of the countdown (the band too), drawn alike
        self.overruns_label = QLabel(self)
        self.overruns_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.overruns_label)
        self.timer = QTimer(self)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def refresh(self) -> None:
        """Count the overruns so far and redraw the countdown."""
        floor = self.controller.session.state.floor
        overruns = sum(1 for i in floor.interventions if i.overrun_seconds >= 0.5)
        self.overruns_label.setText(f"Overruns this session: {overruns}")
        self.tick()

    def countdown_state(self) -> str:
        """What the countdown shows now: "idle", "normal", "warning", "overrun" or "paused"."""
        current = self.controller.session.state.floor.current
        if current is None:
            return "idle"
        remaining = current.remaining_seconds(self.clock())
        if remaining < 0:
            return "overrun"
        if current.paused:
            return "paused"
        return "warning" if remaining <= WARNING_SECONDS else "normal"

    def tick(self) -> None:
        """Redraw the clock and the countdown from the event timestamps and the display clock."""
        now = self.clock()
        self.session_clock.setText(f"Session clock  <b>{now.astimezone().strftime('%H:%M:%S')}</b>")
        state = self.controller.session.state
        current = state.floor.current
        suspended = state.floor.suspended
        self._show_suspended(
            f"{delegation_dot(state.roster, suspended.delegation)} {state.roster.name_of(suspended.delegation)}"
            f" — suspended by a point of order<br><span style='font-weight:normal'>resumes with "
            f"{clock_text(suspended.remaining_seconds(now))} left</span>"
            if suspended is not None
            else ""
        )
        if current is None:
            self._show_state("idle", "–:––", "No one has the floor", "")
            return
        name = state.roster.name_of(current.delegation)
        caption = f"{delegation_dot(state.roster, current.delegation)} {name}"
        if current.kind != SPEAKER:
            caption += f" — {current.kind}"
        remaining = current.remaining_seconds(now)
        mode = self.countdown_state()
        allotted = format_duration(current.allotted_seconds)
        shown = format_duration(shown_seconds(remaining))  # the same whole seconds as the digits
        if mode == "overrun":
            detail = f"OVER TIME by {shown}" + (" · paused" if current.paused else "")
        elif mode == "paused":
            detail = f"PAUSED · {allotted} allotted"
        elif mode == "warning":
            detail = f"{shown} left — please conclude"
        else:
            detail = f"of {allotted}"
        self._show_state(mode, clock_text(remaining), caption, detail)

    def _show_state(self, state: str, digits: str, caption: str, detail: str) -> None:
        for view in self.views:
            view.show_state(state, digits, caption, detail)

    def _show_suspended(self, text: str) -> None:
        for view in self.views:
            view.show_suspended(text)


class SpeakingTimes(QWidget):
    """The speaking time, and the times for points of order and rights of reply; each edit is recorded."""

    def __init__(self, controller: SessionController, run: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._run = run
        times = QFormLayout(self)
        times.setContentsMargins(0, 0, 0, 0)
        self.time_spins: dict[str | None, QSpinBox] = {}
        for kind, label in (
            (None, "Speaking time"),
            (POINT_OF_ORDER, "Point of order"),
            ("right of reply", "Right of reply"),
        ):
            spin = QSpinBox(self)
            spin.setRange(0 if kind else 10, 3600)
            spin.setSingleStep(15)
            spin.setSuffix(" s")
            if kind:
                spin.setSpecialValueText("as speaking time")
            spin.editingFinished.connect(lambda k=kind: self._set_time(k))
            times.addRow(label, spin)
            self.time_spins[kind] = spin

    def _set_time(self, kind: str | None) -> None:
        floor = self.controller.session.state.floor
        value = self.time_spins[kind].value()
        seconds = value if kind is None or value else None
        current = floor.default_seconds if kind is None else floor.overrides.get(kind)
        if seconds != current:
            self._run(set_speaking_time, seconds, kind)

    def refresh(self) -> None:
        """Show the times as the state now stands, without recording anything."""
        floor = self.controller.session.state.floor
        for kind, spin in self.time_spins.items():
            value = floor.default_seconds if kind is None else floor.overrides.get(kind, 0)
            if spin.value() == value:  # setValue redraws the box even with its own value (every floor step)
                continue
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
