"""The editor pane's heading: which paragraph is being amended, on one line, elided when it does not fit.

It is one line, not word-wrapped, because a wrapped label's height depends on its width, and the splitter
that holds the pane asks only for the pane's minimum height, not for its height at a width: it gave the
pane room for one line of heading while the heading took five (1024×768), and the pane's layout then drew
"On behalf of" and the buttons over the text box. One line keeps the pane's minimum honest.
"""

from __future__ import annotations

from html import escape

from ..qt import QFont, QFontMetrics, QSize, QSizePolicy, Qt, QWidget
from .fitted_label import FittedLabel

ELLIPSIS = "…"
SLACK = 2  # px kept free at the right: a rich-text line can be a pixel wider than the font metrics say


class PaneHeading(FittedLabel):
    """A bold lead (the paragraph, or what is being typed), then the rest (its section, or how to commit),
    elided at the right to fit one line; the whole heading in the tooltip whenever part of it is hidden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._lead, self._rest = "", ""

    def set_heading(self, lead: str, rest: str = "") -> None:
        """Show a bold lead and the rest after it, as much of them as fits."""
        self._lead, self._rest = lead, rest
        self.setAccessibleName(self.plain_text())
        self._fit()

    def plain_text(self) -> str:
        """The whole heading, as plain text (what is shown may be elided)."""
        return self._lead + self._rest

    def sizeHint(self) -> QSize:  # noqa: N802
        """One line, as wide as the minimum: the row gives the heading the room its stretch says, and the
        length of a section's title never widens the pane."""
        return self.minimumSizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """One line of the bold font, and room for a few letters."""
        bold = QFontMetrics(self._bold_font())
        margins = self.contentsMargins()
        return QSize(
            bold.averageCharWidth() * 6 + margins.left() + margins.right(),
            max(bold.height(), self.fontMetrics().height()) + margins.top() + margins.bottom(),
        )

    def _bold_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _fit(self) -> None:
        """Elide the rest first, then the lead, to the label's width; say the whole in the tooltip if cut."""
        width = max(0, self.contentsRect().width() - SLACK)
        bold, plain = QFontMetrics(self._bold_font()), self.fontMetrics()
        lead = bold.elidedText(self._lead, Qt.TextElideMode.ElideRight, width)
        room = width - bold.horizontalAdvance(lead)
        rest = plain.elidedText(self._rest, Qt.TextElideMode.ElideRight, room) if lead == self._lead else ""
        if self._rest and not rest and lead == self._lead:  # none of the rest fits: say there is more
            if room >= plain.horizontalAdvance(ELLIPSIS):
                rest = ELLIPSIS
            else:  # (not even the "…": the lead gives up its end for one, as a cut lead does)
                lead = bold.elidedText(self._lead, Qt.TextElideMode.ElideRight, width - bold.horizontalAdvance(ELLIPSIS))
                lead = lead if lead.endswith(ELLIPSIS) else lead + ELLIPSIS
        html = (f"<b>{escape(lead, quote=False)}</b>" if lead else "") + escape(rest, quote=False)
        if html != self.text():
            self.setText(html)
        cut = (lead, rest) != (self._lead, self._rest)
        self.setToolTip(self.plain_text() if cut else "")
