"""A delegation's swatch is drawn once per colour and size, and shows that colour."""

from __future__ import annotations

from chairdesk.gui.floor.model import swatch
from chairdesk.gui.qt import QColor


def test_a_swatch_is_drawn_once_per_colour_and_shows_it(qtbot) -> None:  # noqa: ANN001
    blue, green = QColor("#1c58b5"), QColor("#2e7d32")
    first = swatch(blue)
    assert swatch(QColor("#1c58b5")).cacheKey() == first.cacheKey()  # the same pixmap, not drawn again
    assert swatch(green).cacheKey() != first.cacheKey()
    assert swatch(blue, 20).size().width() == 20 and first.size().width() == 14
    image = first.toImage()
    assert image.pixelColor(7, 7).name() == "#1c58b5"  # filled with the delegation's colour
    assert image.pixelColor(0, 0).alpha() == 0  # round: the corners are clear
