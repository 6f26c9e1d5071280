"""The floor band: who has the floor and the countdown, on one line above the right-hand panels.

The Floor and Adoption panels share one place as tabs; the band sits above both and is never tabbed away, so
raising Adoption never hides a running countdown. The floor's timer redraws it with the same words and digits
as the large countdown (`FloorTimer.views`).
"""

from __future__ import annotations

from ..qt import QDockWidget, QFont, QFontDatabase, QHBoxLayout, Qt, QWidget
from .countdown import CountdownView


class BandCountdown(CountdownView):
    """The countdown, compact: the speaker and the words on the left, the digits on the right."""

    corner = 6
    one_line = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("floorBand", parent)
        for label, name in ((self.caption, "Caption"), (self.detail, "Detail"), (self.suspended, "Suspended")):
            label.setObjectName(f"floorBand{name}")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 8, 3)
        font = QFont(self.caption.font())
        font.setBold(True)
        self.caption.setFont(font)
        row.addLayout(self.band_words(0), 1)
        self.digits.setObjectName("floorBandDigits")
        digits_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        digits_font.setPixelSize(34)
        digits_font.setBold(True)
        self.digits.setFont(digits_font)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.digits)
        self.show_state("idle", "–:––", "No one has the floor", "")

    def show_suspended(self, text: str) -> None:
        """Name the speaker a point of order suspended (or, with "", nobody); the band grows by its line."""
        was_shown = self.suspended.isVisibleTo(self)
        super().show_suspended(text)
        band = self.parentWidget()
        if was_shown != bool(text) and isinstance(band, QDockWidget):  # one line more (or less): the band follows
            band.setFixedHeight(self.minimumSizeHint().height() + 4)

    def show_state(self, state: str, digits: str, caption: str, detail: str) -> None:
        """Show one state of the countdown, in the large countdown's colours; the tooltip has it whole."""
        super().show_state(state, digits, caption, detail)
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
