"""A label that lays its text out again for its own width: on a resize and on a change of font (a zoom)."""

from __future__ import annotations

from ..qt import QEvent, QLabel, QResizeEvent


class FittedLabel(QLabel):
    """A label whose text is made to fit its width by `_fit` (an elided heading, a title on two lines)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _fit(self) -> None:
        """Show as much of the text as fits the label's width now."""
        raise NotImplementedError
