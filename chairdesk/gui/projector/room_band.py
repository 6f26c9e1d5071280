"""The floor as the room sees it: who has the floor, the large countdown and the next speakers.

The band is one more view of the floor's countdown (`FloorTimer.views`), drawn in the same words, digits and
colours as the chair's; the same band, smaller, is the chair's always-on-top window.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import NamedTuple

from ...core.floor.model import SPEAKER, format_duration, parse_ts
from ...core.log.session import Session
from ..floor.countdown import CountdownView, delegation_dot
from ..qt import (
    QFont,
    QFontDatabase,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)

NEXT_SHOWN = 3  # how many of the speakers waiting the room sees


def next_speakers(session: Session, count: int = NEXT_SHOWN) -> list[str]:
    """The next speakers as rich text (dot, name, and the kind when not a plain speaker), in list order."""
    state = session.state
    waiting = [r for r in state.floor.queue if not r.held and not r.old_hand]
    lines = []
    for request in waiting[:count]:
        name = state.roster.name_of(request.delegation)
        kind = "" if request.kind == SPEAKER else f" — {request.kind}"
        lines.append(f"{delegation_dot(state.roster, request.delegation)} {name}{kind}")
    return lines


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _numbered(lines: Iterable[str]) -> list[str]:
    """ "1. …", "2. …": the order in which they come."""
    return [f"{i}. {line}" for i, line in enumerate(lines, start=1)]


class RoomProcedure(NamedTuple):
    """What the room follows besides the speakers' list: a heading, its lines, and whether they stand in for
    the list (a caucus under way has its own list, or none)."""

    heading: str = ""
    lines: tuple[str, ...] = ()
    replaces_speakers: bool = False


def room_procedure(session: Session, count: int = NEXT_SHOWN) -> RoomProcedure:
    """Under Model UN rules: the caucus under way (its topic, the local time it ends, its own list of
    speakers), a carried motion about to start, or the motions waiting for a vote in the chair's order."""
    state = session.state
    procedure = state.procedure
    if not procedure.mun:
        return RoomProcedure()

    def name(code: str) -> str:
        return f"{delegation_dot(state.roster, code)} {_esc(state.roster.name_of(code))}"

    caucus = procedure.caucus
    if caucus is not None and caucus.end_ts is None:
        ends = (parse_ts(caucus.start_ts) + timedelta(seconds=caucus.total_seconds)).astimezone()
        if not caucus.moderated:
            return RoomProcedure(f"Unmoderated caucus until {ends:%H:%M}", (), True)
        heading = (
            f"Moderated caucus on \u2018{_esc(caucus.motion.topic)}\u2019 until {ends:%H:%M}, "
            f"{format_duration(caucus.motion.speaking_seconds)} per speaker"
        )
        lines = _numbered(name(r.delegation) for r in caucus.queue[:count]) or ["no one waiting"]
        return RoomProcedure(heading, tuple(lines), True)
    if procedure.due is not None:
        motion = procedure.due
        return RoomProcedure("Carried", (f"1. {name(motion.delegation)}: motion {_esc(motion.words())}",))
    motions = procedure.ordered_motions()
    if not motions:
        return RoomProcedure()
    lines = _numbered(f"{name(m.delegation)}: motion {_esc(m.words())}" for m in motions[:count])
    if len(motions) > count:
        lines.append(f"and {len(motions) - count} more")
    return RoomProcedure("Motions waiting for a vote", tuple(lines))


class RoomBand(CountdownView):
    """Who has the floor and the words under the countdown, the digits, then the next speakers."""

    one_line = True

    def __init__(self, point_size: int = 28, parent: QWidget | None = None) -> None:
        super().__init__("roomBand", parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 8, 16, 8)
        outer.setSpacing(4)
        self.procedure_label = QLabel(self)  # Model UN: the motions waiting, or the caucus under way
        self.procedure_label.setObjectName("roomBandProcedure")
        self.procedure_label.setTextFormat(Qt.TextFormat.RichText)
        self.procedure_label.setWordWrap(True)
        self.procedure_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.procedure_label.hide()
        outer.addWidget(self.procedure_label)
        row = QHBoxLayout()
        row.setSpacing(24)
        outer.addLayout(row)
        self.caption.setObjectName("roomBandCaption")
        row.addLayout(self.band_words(2), 3)
        self.digits.setObjectName("roomBandDigits")
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.digits, 0)
        self.next_label = QLabel(self)
        self.next_label.setObjectName("roomBandNext")
        self.next_label.setTextFormat(Qt.TextFormat.RichText)
        self.next_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.next_label, 2)
        self.set_point_size(point_size)
        self.show_state("idle", "–:––", "No one has the floor", "")
        self.show_next([])

    def set_point_size(self, size: int) -> None:
        """Scale the band: the names at `size`, the digits at twice that."""
        font = QFont(self.font())
        font.setPointSize(size)
        font.setBold(True)
        self.caption.setFont(font)
        small = QFont(font)
        small.setBold(False)
        small.setPointSize(max(8, int(size * 0.75)))
        for label in (self.detail, self.suspended, self.next_label, self.procedure_label):
            label.setFont(small)
        digits = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        digits.setPointSize(size * 2)
        digits.setBold(True)
        self.digits.setFont(digits)

    def colours(self, state: str) -> tuple[str, str]:
        """The chair's countdown colours; idle in high contrast on the projector (white on black, not grey)."""
        return ("#000000", "#ffffff") if state == "idle" else super().colours(state)

    def show_state(self, state: str, digits: str, caption: str, detail: str) -> None:
        """Show one state of the countdown, in the chair's countdown colours (no empty line of words)."""
        super().show_state(state, digits, caption, detail)
        self.detail.setVisible(bool(detail))

    def show_next(self, lines: list[str], procedure: RoomProcedure = RoomProcedure()) -> None:  # noqa: B008
        """List the next speakers (or say the list is empty). Under Model UN rules the line above the band
        names the motions waiting for a vote, in the order the chair will put them, or the caucus under way,
        whose own list then stands in for the speakers'."""
        self.procedure_label.setVisible(bool(procedure.heading))
        if procedure.replaces_speakers:
            self.procedure_label.setText(f"<b>{procedure.heading}</b>")
            items = "<br>".join(procedure.lines)  # an unmoderated caucus has no list: nothing under "Next"
            self.next_label.setText(f"<b>Next in the caucus</b><br>{items}" if items else "")
            return
        items = " \u00b7 ".join(procedure.lines)
        self.procedure_label.setText(f"<b>{procedure.heading}:</b> {items}" if procedure.heading else "")
        self.next_label.setText(f"<b>Next</b><br>{'<br>'.join(_numbered(lines)) or 'no one waiting'}")


class FloorOnTop(QWidget):
    """The band alone in a small window that stays above the chair's other programs."""

    def __init__(self) -> None:
        super().__init__(None)  # a window of its own: no parent, so no desk key reaches into it
        self.setObjectName("floorOnTop")
        self.setWindowTitle("Floor — chairdesk")
        self.setWindowFlags(Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.band = RoomBand(12, self)
        layout.addWidget(self.band)
        self.resize(560, 110)
