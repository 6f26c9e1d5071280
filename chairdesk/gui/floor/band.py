"""The floor band: who has the floor and the countdown, on one line above the right-hand panels.

The Floor and Adoption panels share one place as tabs; the band sits above both and is never tabbed away, so
raising Adoption never hides a running countdown. The floor's timer redraws it with the same words and digits
as the large countdown (`FloorTimer.views`).
"""

from __future__ import annotations

from ..qt import (
    QDockWidget,
    QFont,
    QFontDatabase,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)
from .countdown import COUNTDOWN_COLOURS


class BandCountdown(QFrame):
    """The countdown, compact: the speaker and the words on the left, the digits on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("floorBand")
        self.state = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 8, 3)
        words = QVBoxLayout()
        words.setSpacing(0)
        self.caption = QLabel(self)
        self.caption.setObjectName("floorBandCaption")
        font = QFont(self.caption.font())
        font.setBold(True)
        self.caption.setFont(font)
        self.detail = QLabel(self)
        self.detail.setObjectName("floorBandDetail")
        self.suspended = QLabel(self)
        self.suspended.setObjectName("floorBandSuspended")
        self.suspended.setVisible(False)
        for label in (self.caption, self.detail, self.suspended):
            label.setTextFormat(Qt.TextFormat.RichText)
            # a long name never widens the right-hand column: cut at its edge (the tooltip has it whole)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            words.addWidget(label)
        row.addLayout(words, 1)
        self.digits = QLabel(self)
        self.digits.setObjectName("floorBandDigits")
        digits_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        digits_font.setPixelSize(34)
        digits_font.setBold(True)
        self.digits.setFont(digits_font)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.digits)
        self.show_state("idle", "–:––", "No one has the floor", "")

    def show_suspended(self, text: str) -> None:
        """Name the speaker a point of order suspended (or, with "", nobody)."""
        self.suspended.setText(text.replace("<br>", " · "))
        if self.suspended.isVisibleTo(self) != bool(text):
            self.suspended.setVisible(bool(text))
            band = self.parentWidget()
            if isinstance(band, QDockWidget):  # one line more (or less): the band follows
                band.setFixedHeight(self.minimumSizeHint().height() + 4)

    def show_state(self, state: str, digits: str, caption: str, detail: str) -> None:
        """Show one state of the countdown, in the large countdown's colours."""
        if state != self.state:
            self.state = state
            background, foreground = COUNTDOWN_COLOURS[state]
            self.setStyleSheet(
                f"QFrame#floorBand {{ background: {background}; border-radius: 6px; }}"
                f"QFrame#floorBand QLabel {{ color: {foreground}; background: transparent; }}"
            )
        self.digits.setText(digits)
        self.caption.setText(caption)
        self.detail.setText(detail)
        suspended = self.suspended.text()
        self.setToolTip(f"{caption} — {digits} {detail}".strip() + (f"<br>{suspended}" if suspended else ""))


class FloorBand(QDockWidget):
    """A dock with no title bar holding the band; the side docks put it above the Floor and Adoption tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Floor band", parent)
        self.setObjectName("floorBandDock")
        self.setTitleBarWidget(QWidget(self))  # no title, no close button: it is never hidden
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.countdown = BandCountdown(self)
        self.setWidget(self.countdown)
        self.countdown.setMinimumHeight(56)  # the digits and two lines of words, never squeezed
        self.setFixedHeight(self.countdown.minimumSizeHint().height() + 4)
