"""The document's title above the draft takes two lines at the most: a real title, long, at 1024×768 and zoomed
in, no longer squeezes the draft to a sliver and the editor pane below its minimum."""

from __future__ import annotations

from pathlib import Path

from chairdesk.gui.app import default_docks
from chairdesk.gui.desk.document_title import HINT, fit_lines
from chairdesk.gui.qt import QFont, QFontMetrics, Qt
from chairdesk.gui.settings import DEFAULT_POINT_SIZE
from tests.gui.desk.test_editor_pane_layout import desk_pane_problems, settled
from tests.gui.desk_support import show_desk

CTRL = Qt.KeyboardModifier.ControlModifier
# A title as the UN gives them (A/AC.292/2025/CRP.1, the OEWG on ICT security's draft final report)
UN_TITLE = (
    "Draft final report of the open-ended working group on security of and in the use of information and "
    "communications technologies 2021–2025, submitted pursuant to General Assembly resolution 75/240"
)


def _lines(text: str, metrics: QFontMetrics, width: int) -> int:
    """Lines the text takes wrapped greedily at spaces, as a word-wrapped label wraps it."""
    count, line = 1, ""
    for word in text.split():
        longer = f"{line} {word}" if line else word
        if line and metrics.horizontalAdvance(longer) > width:
            count, line = count + 1, word
        else:
            line = longer
    return count


def test_fit_lines_keeps_a_title_that_fits_and_elides_one_that_does_not(qapp) -> None:  # noqa: ANN001
    font = QFont()
    font.setPointSize(19)
    font.setBold(True)
    metrics = QFontMetrics(font)
    assert fit_lines("Draft report", metrics, 600) == "Draft report"
    for width in (180, 300, 500, 800):
        shown = fit_lines(UN_TITLE, metrics, width)
        assert shown.endswith("…") and _lines(shown, metrics, width) <= 2, (width, shown)
        assert UN_TITLE.startswith(shown[:-1].rstrip().rsplit(" ", 1)[0])  # its first words, in order
    assert fit_lines(UN_TITLE, metrics, 10_000) == UN_TITLE
    assert fit_lines(UN_TITLE, metrics, 0) == UN_TITLE  # not laid out yet: nothing to fit to


def test_a_long_title_at_1024x768_zoomed_in_leaves_the_draft_and_the_pane_their_room(
    qtbot, sample_path: Path  # noqa: ANN001
) -> None:
    """Wrapped whole, this title took four lines at 20 points (the draft shrank to 78 px), and from 34 points
    it pushed the desk below its minimum: the editor pane's widgets were drawn over each other."""
    win = show_desk(qtbot, sample_path, default_docks(), (1024, 768))
    qtbot.waitUntil(win.isActiveWindow)
    assert win.commands.set_document_title_to(UN_TITLE)
    assert win.commands.go_to_paragraph(9)
    title = win.title_label
    assert title.title() == UN_TITLE
    for presses in range(13):  # 16 points, then up to the largest, 40
        if presses:
            qtbot.keyClick(win.draft_view, Qt.Key.Key_Plus, CTRL)
        points = win.settings.point_size
        assert points == min(40, DEFAULT_POINT_SIZE + 2 * presses)
        metrics = title.fontMetrics()
        margins = title.contentsMargins()
        most = 2 * metrics.lineSpacing() + metrics.leading() + margins.top() + margins.bottom() + 2
        qtbot.waitUntil(lambda m=most: title.height() <= m)
        assert title.text().endswith("…") and title.toolTip() == f"{UN_TITLE}\n\n{HINT}", points
        assert settled(qtbot, lambda: desk_pane_problems(win.editor)) == [], points
        # the draft keeps at least a row's worth of room at any size
        assert win.draft_view.viewport().height() >= 2 * QFontMetrics(win.draft_view.font()).lineSpacing(), points
        assert (win.width(), win.height()) == (1024, 768), points
    win.commands.zoom_reset()
    win.resize(1920, 1080)  # (this one still takes three lines: 2,851 px of bold 19 points on lines of 1,278)
    qtbot.waitUntil(lambda: title.text().startswith(UN_TITLE[:120]) and title.text().endswith("…"))
    shorter = UN_TITLE.split(", submitted")[0]  # two lines here: shown whole, the tooltip the hint alone
    assert win.commands.set_document_title_to(shorter)
    qtbot.waitUntil(lambda: title.text() == shorter)
    assert title.toolTip() == HINT
