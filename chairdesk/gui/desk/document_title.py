"""The document's title above the draft: on two lines at the most, the rest elided, the whole in its tooltip.

A real title runs to 150 characters ("Draft annual progress report of the open-ended working group on
security of and in the use of information and communications technologies 2021–2025"). Wrapped whole, in
the title's bold font three points above the draft's, it took four lines at 1024×768 zoomed in: the draft
shrank to 78 px, and from 34 pt the desk was squeezed below its minimum and the editor pane's widgets
were drawn over each other. Two lines name the document; the room reads the rest on the cover of the report.
"""

from __future__ import annotations

from ..qt import QFontMetrics, Qt, QWidget
from .fitted_label import FittedLabel

MAX_LINES = 2
HINT = "The document's title (Ctrl+Shift+D changes it)"
SLACK = 4  # px kept free at the right of each line: Qt's wrapping may measure a line a pixel wider


def fit_lines(text: str, metrics: QFontMetrics, width: int, lines: int = MAX_LINES) -> str:
    """The text as it fits on `lines` lines of `width` px wrapped at spaces: whole, or its first lines and
    the last one elided ("…")."""
    words = text.split()
    if width <= 0 or not words:
        return text
    made: list[str] = []
    line = ""
    for k, word in enumerate(words):
        longer = f"{line} {word}" if line else word
        if not line or metrics.horizontalAdvance(longer) <= width:
            line = longer
            continue
        made.append(line)
        if len(made) == lines - 1:  # the last line takes the rest, elided
            rest = " ".join(words[k:])
            if metrics.horizontalAdvance(rest) <= width:
                return text
            return " ".join([*made, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)])
        line = word
    return text


class DocumentTitle(FittedLabel):
    """The title of the document being drafted, above the draft (see the module's docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a title with "<" in it is not markup
        self.setWordWrap(True)
        self._title = ""
        self.setToolTip(HINT)

    def set_title(self, title: str) -> None:
        """Show a title (as much of it as fits on two lines)."""
        self._title = title
        self._fit()

    def title(self) -> str:
        """The whole title (what is shown may be elided)."""
        return self._title

    def _fit(self) -> None:
        width = self.contentsRect().width() - SLACK
        shown = fit_lines(self._title, self.fontMetrics(), width)
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(HINT if shown == self._title else f"{self._title}\n\n{HINT}")
