"""The desk's status bar: whether the record is saved, words not committed, and the session clock."""

from __future__ import annotations

from datetime import UTC, datetime

from ...core.log.change import Change
from ...core.log.errors import ChairdeskError
from ...core.log.session import Session
from ..qt import QLabel, QStatusBar, QWidget
from .words_kept import count_text


class DeskStatusBar(QStatusBar):
    """Save state ("Saved" only once the event is committed), pending words, and the clocks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        events = session.events
        if not events:
            self.save_label.setText("Saved (empty record)")
            return
        last = change.event if change is not None else events[-1]
        when = datetime.fromisoformat(last.ts).astimezone().strftime("%H:%M:%S")
        self.save_label.setText(f"Saved · {len(events)} events · last at {when}")

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
        if session is not None and session.events:
            start = datetime.fromisoformat(session.events[0].ts)
            seconds = max(0, int((now - start).total_seconds()))
            if seconds < 24 * 3600:
                hours, rest = divmod(seconds, 3600)
                text = f"Session {hours}:{rest // 60:02d}:{rest % 60:02d} · {text}"
        self.clock_label.setText(text)
