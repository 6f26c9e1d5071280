"""The desk's status bar: the last message (whole, wrapped), whether the record is saved, words not committed,
and the session clock.

Qt's own temporary message is cut short by the permanent labels beside it; here the message has a label of
its own that wraps onto a second line and carries the whole text as its tooltip. A refusal stays until the next
step succeeds, which replaces it with its confirmation (`show_done`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from ...core.log.change import Change
from ...core.log.errors import ChairdeskError
from ...core.log.session import Session
from ..qt import QLabel, QSizePolicy, QStatusBar, QTimer, QWidget
from .words_kept import count_text


class DeskStatusBar(QStatusBar):
    """Save state ("Saved" only once the event is committed), pending words, and the clocks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message_label = QLabel()
        self.message_label.setObjectName("statusMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.addWidget(self.message_label, 1)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.clearMessage)
        self.clock_label = QLabel()
        self.save_label = QLabel("No session open")
        self.save_label.setObjectName("saveState")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingWords")
        self.pending_label.setStyleSheet("color: #7a4b00; background: #fde7b0; padding: 0 6px;")
        self.pending_label.hide()
        self.addPermanentWidget(self.pending_label)
        self.addPermanentWidget(self.save_label)
        self.addPermanentWidget(self.clock_label)

    # ------------------------------------------------------------- the message
    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 (Qt's name)
        """Show a message whole (wrapped, and as the tooltip); it goes after timeout ms (0: until replaced)."""
        refusal = text.startswith("Not done")
        style = "color: #b00020; font-weight: bold;" if refusal else ""
        if self.message_label.styleSheet() != style:  # a new style sheet polishes the label and the bar again
            self.message_label.setStyleSheet(style)
        self.message_label.setText(text)
        self.message_label.setToolTip(text)
        self._message_timer.stop()
        if timeout > 0 and not refusal:  # a refusal stays until the next step succeeds
            self._message_timer.start(timeout)
        self._fit_message()
        QTimer.singleShot(0, self._fit_message)  # again once the bar has laid the labels out

    def _fit_message(self) -> None:
        """Make the bar as tall as the wrapped message needs (the bar's layout does not ask the label)."""
        label = self.message_label
        needed = label.heightForWidth(label.width()) if label.text() and label.width() > 50 else 0
        label.setMinimumHeight(max(0, needed))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_message()

    def currentMessage(self) -> str:  # noqa: N802 (Qt's name)
        """The message shown now ("" when none)."""
        return self.message_label.text()

    def clearMessage(self) -> None:  # noqa: N802 (Qt's name)
        """Take the message away."""
        self._message_timer.stop()
        self.message_label.clear()
        self.message_label.setToolTip("")
        self.message_label.setMinimumHeight(0)

    def show_done(self, text: str) -> None:
        """Confirm a step that succeeded (replacing any refusal shown before it)."""
        self.showMessage(text, 15000)

    def confirm(self, text: str) -> None:
        """A step succeeded: say so (when there are words for it), and a refusal shown before it goes."""
        if text:
            self.show_done(text)
        elif self.currentMessage().startswith("Not done"):
            self.clearMessage()

    def show_saved(self, session: Session | None, change: Change | None = None) -> None:
        """Say whether the record is on disk, and when the last event was committed."""
        if session is None:
            self.save_label.setText("No session open")
            return
        try:
            session.log.check_in_place()
        except ChairdeskError:
            self.save_label.setText("NOT SAVED: the session file was deleted or moved (File ▸ Save a copy)")
            return
        count = session.log.count  # the log's events need not be read for this (a start from a snapshot)
        last = change.event if change is not None else session.log.last_event
        if not count or last is None:
            self.save_label.setText("Saved (empty record)")
            return
        when = datetime.fromisoformat(last.ts).astimezone().strftime("%H:%M:%S")
        self.save_label.setText(f"Saved · {count} events · last at {when}")

    def show_editing(self) -> None:
        """Words are being typed: nothing is saved until they are committed."""
        self.save_label.setText("Editing — not saved until you commit (Ctrl+Enter)")

    def show_pending(self, paragraphs: int) -> None:
        """Count the paragraphs left with words not committed."""
        text = count_text(paragraphs)
        self.pending_label.setText(text)
        self.pending_label.setVisible(bool(text))

    def tick(self, session: Session | None) -> None:
        """The wall clock, and how long the session has been running."""
        now = datetime.now(UTC)
        text = now.astimezone().strftime("%H:%M")
        first = session.log.first_event if session is not None else None
        if first is not None:
            start = datetime.fromisoformat(first.ts)
            seconds = max(0, int((now - start).total_seconds()))
            if seconds < 24 * 3600:
                hours, rest = divmod(seconds, 3600)
                text = f"Session {hours}:{rest // 60:02d}:{rest % 60:02d} · {text}"
        self.clock_label.setText(text)
