"""The projector window: the section under discussion, its state, and the floor, for the room to read.

Read-only by construction: it holds no action, no shortcut and no editable widget, takes no keyboard focus,
and has no parent window, so even the floor's keys that reach into the desk's dialogs never reach into it.
It follows the chair through the SessionController (`changed`, `current_changed`) and shows nothing the
chair keeps private: pending proposals, objections' reasons, notes and the "On behalf of" picker are simply
not part of what it renders.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ...core.log.change import Change
from ..controller import SessionController
from ..floor.countdown import FloorTimer
from ..qt import QFont, QLabel, QPoint, QShowEvent, Qt, QTextBrowser, QVBoxLayout, QWidget
from .room_band import RoomBand, next_speakers, room_procedure
from .room_text import RoomRows, is_adopted, room_rows, section_heading, section_html, shown_section

DEFAULT_ROOM_POINT_SIZE = 28
MIN_ROOM_POINT_SIZE = 14
MAX_ROOM_POINT_SIZE = 72
Typing = Callable[[], "tuple[str, str] | None"]  # (paragraph id, words) the chair is typing, or None
THEME = (
    "QWidget#projector { background: #ffffff; }"
    "QLabel#roomHeading { background: #000000; color: #ffffff; padding: 8px 16px; }"
    "QLabel#roomState { background: #000000; color: #ffd400; padding: 0 16px 8px 16px; }"
    "QLabel#adoptedBanner { background: #0b6b2b; color: #ffffff; padding: 6px 16px; }"
    "QTextBrowser#roomText { background: #ffffff; color: #000000; border: none; }"
)


def clamp_room_size(size: int) -> int:
    """Keep the projector's text size within what a screen can show."""
    return max(MIN_ROOM_POINT_SIZE, min(MAX_ROOM_POINT_SIZE, int(size)))


class ProjectorWindow(QWidget):
    """What the room sees: heading and adoption state, the section's text, and the floor band."""

    def __init__(self, clock: Callable[[], datetime], point_size: int = DEFAULT_ROOM_POINT_SIZE) -> None:
        super().__init__(None)
        self.setObjectName("projector")
        self.setWindowTitle("Projector — chairdesk")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(THEME)
        self.clock = clock
        self.controller: SessionController | None = None
        self.rows: RoomRows | None = None
        self.mode = "tabled"
        self.show_typing = False
        self.typing: Typing = lambda: None
        self.section: str | None = None
        self.point_size = clamp_room_size(point_size)
        self.floor_timer: FloorTimer | None = None
        self.other_bands: list[RoomBand] = []  # the chair's always-on-top band: the next speakers shown there too
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.heading = QLabel(self)
        self.heading.setObjectName("roomHeading")
        self.heading.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("roomState")
        self.banner = QLabel("ADOPTED", self)
        self.banner.setObjectName("adoptedBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QTextBrowser(self)
        self.text.setObjectName("roomText")
        self.text.setReadOnly(True)
        self.text.setOpenLinks(False)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the chair scrolls it
        self.band = RoomBand(self.point_size, self)
        for widget, stretch in ((self.heading, 0), (self.state_label, 0), (self.banner, 0)):
            layout.addWidget(widget, stretch)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.band)
        self.set_point_size(self.point_size)
        self.set_controller(None)

    # ------------------------------------------------------------ following
    def set_controller(self, controller: SessionController | None) -> None:
        """Follow another session (None: show that no session is open)."""
        old = self.controller
        if old is not None:
            for signal, slot in ((old.changed, self._on_change), (old.current_changed, self._on_current)):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass  # the controller is already gone
        if self.floor_timer is not None:
            self.floor_timer.timer.stop()
            self.floor_timer.deleteLater()
            self.floor_timer = None
        self.controller = controller
        if controller is None:
            self.rows = None
            self.heading.setText("chairdesk")
            self.state_label.hide()
            self.banner.hide()
            self.text.setHtml("<p>No session is open.</p>")
            for band in (self.band, *self.other_bands):
                band.show_state("idle", "–:––", "No one has the floor", "")
                band.show_next([])
            return
        controller.changed.connect(self._on_change)
        controller.current_changed.connect(self._on_current)
        self.rows = None  # the room's text is laid out when the projector is shown (refresh_text)
        timer = FloorTimer(controller, self.clock, self)  # the chair's countdown logic, drawn on our band
        timer.hide()
        timer.views = [self.band]
        self.floor_timer = timer
        self.refresh()

    def add_floor_view(self, view: object) -> None:
        """Draw the countdown on another view too (the chair's always-on-top band), and the next speakers on it
        when it shows them (it said "no one waiting" with speakers on the list)."""
        if isinstance(view, RoomBand) and view is not self.band and view not in self.other_bands:
            self.other_bands.append(view)
            if self.controller is not None:
                session = self.controller.session
                view.show_next(next_speakers(session), room_procedure(session))
        if self.floor_timer is not None and view not in self.floor_timer.views:
            self.floor_timer.views.append(view)
            self.floor_timer.refresh()

    def _on_change(self, change: Change) -> None:
        if {"draft", "roster", "baseline", "meeting"} & change.areas:
            self.rows = None  # built again when next drawn
        self.refresh()

    def _on_current(self, _section: object, _paragraph: object) -> None:
        self.refresh()

    # ------------------------------------------------------------- choices
    def set_mode(self, mode: str) -> None:
        """Tracked changes since the tabled draft ("tabled"), since the last baseline ("last"), or clean."""
        self.mode = mode
        if self.controller is not None:
            self.rows = None
            self.refresh()

    def set_show_typing(self, on: bool) -> None:
        """Show (or not) the words the chair is typing and has not committed."""
        self.show_typing = on
        self.refresh_text()

    def set_point_size(self, size: int) -> None:
        """Scale everything: the text at `size`, the heading larger, the countdown twice as large."""
        self.point_size = clamp_room_size(size)
        font = QFont(self.font())
        font.setPointSize(self.point_size)
        self.text.setFont(font)
        self.text.document().setDefaultFont(font)
        heading = QFont(font)
        heading.setPointSize(int(self.point_size * 1.3))
        heading.setBold(True)
        self.heading.setFont(heading)
        self.banner.setFont(heading)
        state = QFont(font)
        state.setBold(True)
        self.state_label.setFont(state)
        self.band.set_point_size(self.point_size)
        self.refresh_text()

    # ------------------------------------------------------------- drawing
    def refresh(self) -> None:
        """Redraw the heading, the adoption state, the text and the next speakers from the session."""
        if self.controller is None:
            return
        session = self.controller.session
        self.section = shown_section(session, self.controller.current_section)
        label, title, status = section_heading(session, self.section)
        self.heading.setText(f"{label}. {title}" if label else title)
        self.state_label.setText(status.capitalize())
        self.state_label.setVisible(bool(status))
        adopted = is_adopted(session, self.section)
        self.banner.setText(f"✔ {status.upper()}" if adopted else "")
        self.banner.setVisible(adopted)
        lines, procedure = next_speakers(session), room_procedure(session)
        for band in (self.band, *self.other_bands):
            band.show_next(lines, procedure)
        if self.floor_timer is not None:
            self.floor_timer.tick()
        self.refresh_text()

    def refresh_text(self) -> None:
        """Lay out the section's text again and bring the current paragraph into view."""
        if self.controller is None or not self.isVisible():
            return  # hidden: nothing to lay out (showEvent draws it)
        if self.rows is None:
            self.rows = room_rows(self.controller.session, self.mode)
        current = self.controller.current_paragraph
        typing = self.typing() if self.show_typing else None
        scroll = self.text.verticalScrollBar()
        self.text.setHtml(section_html(self.rows, self.section, current, typing))
        scroll.setValue(0)
        if current is not None:  # in view, with a little of what comes before it above
            self.text.scrollToAnchor("current")
            scroll.setValue(max(0, scroll.value() - self.text.viewport().height() // 5))
            middle = QPoint(self.text.viewport().width() // 2, 0)  # (in the words' column, not the numbers')
            first = self.text.cursorRect(self.text.cursorForPosition(middle))
            if first.top() < 0:  # the line at the top whole, not cut through its words (the room saw half of it)
                scroll.setValue(max(0, scroll.value() + first.top()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def plain_text(self) -> str:
        """Everything the window shows as words (what the room can read), for checks."""
        labels = [self.heading, self.state_label, self.banner]
        band = [
            self.band.procedure_label,
            self.band.caption,
            self.band.detail,
            self.band.digits,
            self.band.next_label,
        ]
        shown = [w.text() for w in labels + band if w.isVisibleTo(self)]
        return "\n".join([*shown, self.text.toPlainText()])
