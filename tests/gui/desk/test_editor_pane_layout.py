"""The editor pane at 1024×768, on a 1280×800 projector and at 1920×1080, zoomed in: no widget is drawn over
another, none is cut, the words being typed keep three lines, and the heading says the whole of itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.exceptions import TimeoutError as WaitTimeout

from chairdesk.gui.app import default_docks
from chairdesk.gui.desk.editor_pane import EditorPane
from chairdesk.gui.desk.pane_heading import PaneHeading
from chairdesk.gui.qt import QFontMetrics, QPoint, QRect, Qt, QWidget
from chairdesk.gui.settings import DEFAULT_POINT_SIZE
from tests.gui.desk_support import show_desk

CTRL = Qt.KeyboardModifier.ControlModifier
SIZES = [(1024, 768), (1280, 800), (1920, 1080)]
ZOOMS = (0, 2, 4)  # Ctrl++ pressed that many times: 16, 20 and 24 points
LONG_TITLE = 9  # paragraph 9 is in section B, whose title is the sample's longest


def _name(widget: QWidget) -> str:
    words = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__}({widget.objectName() or words[:20]!r})"


def _pane_rect(pane: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(pane, QPoint(0, 0)), widget.size())


def _visible_children(pane: QWidget) -> list[QWidget]:
    children = pane.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [w for w in children if w.isVisible() and not w.isWindow()]


def layout_problems(pane: QWidget) -> list[str]:
    """What is wrong with the pane's layout: children drawn over one another, below or beside the pane, lower
    than they need (their minimum, or the height a word-wrapped label needs at its width)."""
    problems = []
    children = _visible_children(pane)
    for i, widget in enumerate(children):
        rect = _pane_rect(pane, widget)
        if not pane.rect().contains(rect):
            problems.append(f"{_name(widget)} {rect.getRect()} is cut by the pane {pane.rect().getRect()}")
        need = max(widget.minimumSizeHint().height(), widget.minimumHeight())
        if widget.hasHeightForWidth():
            need = max(need, widget.heightForWidth(widget.width()))
        if widget.height() < need:
            problems.append(f"{_name(widget)} is {widget.height()} px tall, needs {need}")
        for other in children[i + 1 :]:
            if rect.intersects(_pane_rect(pane, other)):
                problems.append(f"{_name(widget)} {rect.getRect()} is over {_name(other)}")
    return problems


def desk_pane_problems(pane: EditorPane) -> list[str]:
    """The layout's problems, and a text box showing fewer than three lines of the words being typed."""
    problems = layout_problems(pane)
    lines = QFontMetrics(pane.text.font()).lineSpacing()
    if pane.text.viewport().height() < 3 * lines:
        problems.append(f"the text box shows {pane.text.viewport().height()} px, less than 3 lines of {lines}")
    return problems


def settled(qtbot, problems: Callable[[], list[str]]) -> list[str]:  # noqa: ANN001
    """The problems left once the pane has had time to follow a resize or a zoom (its layout, and the text
    box's scroll bars, follow from the event loop)."""
    try:
        qtbot.waitUntil(lambda: not problems(), timeout=1500)
    except WaitTimeout:
        pass
    return problems()


@pytest.mark.parametrize("size", SIZES)
def test_no_widget_of_the_editor_pane_is_drawn_over_another(qtbot, sample_path: Path, size) -> None:  # noqa: ANN001
    """At 1024×768 "On behalf of" and the buttons were drawn 22 px over the text box (44 px at 24 points), and
    the word-wrapped heading was cut (56 px tall, needing 90): the splitter gave the pane the height of a
    one-line heading while the heading took five."""
    win = show_desk(qtbot, sample_path, default_docks(), size)
    qtbot.waitUntil(win.isActiveWindow)  # for the zoom's keys
    assert win.commands.go_to_paragraph(LONG_TITLE)
    pane = win.editor
    step = 0
    for zoom in ZOOMS:
        while step < zoom:
            qtbot.keyClick(win.draft_view, Qt.Key.Key_Plus, CTRL)
            step += 1
        assert win.settings.point_size == DEFAULT_POINT_SIZE + 2 * zoom
        where = f"{size[0]}×{size[1]} at {win.settings.point_size} pt"
        assert settled(qtbot, lambda: desk_pane_problems(pane)) == [], where
        # the pane asks for no more than the screen has: the window is not pushed past it
        assert (win.width(), win.height()) == size, where
    win.commands.zoom_reset()


def test_a_heading_too_long_for_its_line_is_elided_and_said_whole_in_its_tooltip(
    qtbot, sample_path: Path  # noqa: ANN001
) -> None:
    """At 1024×768 the heading of a paragraph of section B does not fit its line: it ends in "…", and its
    tooltip says it whole; wide, it is shown whole, with no tooltip."""
    win = show_desk(qtbot, sample_path, default_docks(), (1024, 768))
    assert win.commands.go_to_paragraph(LONG_TITLE)
    heading = win.editor.heading
    whole = "Paragraph 9 — section B, Rules, norms and principles of responsible State behaviour"
    qtbot.waitUntil(lambda: heading.text().endswith("…"))
    assert "Paragraph 9" in heading.text()  # the paragraph's name goes before the section's title
    assert heading.toolTip() == whole
    win.resize(1920, 1080)
    qtbot.waitUntil(lambda: not heading.toolTip())
    assert heading.plain_text() == whole and not heading.text().endswith("…")


def test_typing_new_words_the_heading_has_the_part_boxs_room(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    """Typing a new sub-paragraph at 1024×768, the Part box (which names no part being edited then) is hidden
    and the heading says whose sub-paragraph it is ("New lettered su…" beside the box); Esc brings the box back."""
    win = show_desk(qtbot, sample_path, default_docks(), (1024, 768))
    qtbot.waitUntil(win.isActiveWindow)
    assert win.commands.go_to_paragraph(LONG_TITLE)
    pane = win.editor
    qtbot.waitUntil(pane.part.isVisible)
    pane.begin_new("subparagraph")
    qtbot.waitUntil(lambda: not pane.part.isVisible() and not pane.part_label.isVisible())
    qtbot.waitUntil(lambda: "New lettered sub-paragraph of 9</b>" in pane.heading.text())
    assert settled(qtbot, lambda: desk_pane_problems(pane)) == []
    qtbot.keyClick(pane.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.part.isVisible)
    assert pane.mode == "amend" and settled(qtbot, lambda: desk_pane_problems(pane)) == []


def test_the_pane_alone_never_lays_its_widgets_over_one_another(qtbot) -> None:  # noqa: ANN001
    """However narrow or low the pane is made, each widget keeps its own place: the pane's minimum size is the
    one its layout needs, so a smaller pane is never asked of it."""
    pane = EditorPane(None)
    qtbot.addWidget(pane)
    pane.heading.set_heading("A heading long enough to need more than one line", " — of a narrow pane " * 3)
    pane.show()
    qtbot.waitExposed(pane)
    for width, height in ((200, 100), (400, 150), (700, 150), (1200, 400)):
        pane.resize(width, height)
        assert settled(qtbot, lambda: layout_problems(pane)) == [], (width, height, pane.size())


def _shown(heading: PaneHeading) -> str:
    """The heading's words as shown (its rich text without the bold)."""
    return heading.text().replace("<b>", "").replace("</b>", "")


def test_a_heading_cut_at_any_width_ends_in_an_ellipsis(qtbot) -> None:  # noqa: ANN001
    """Where the lead fits but not the "…" after it, the lead gives up its end for one: "Paragraph 17" alone
    read as the whole heading."""
    heading = PaneHeading()
    qtbot.addWidget(heading)
    heading.set_heading("Paragraph 17", " — section D, Capacity-building")
    heading.show()
    bold = QFontMetrics(heading._bold_font()).horizontalAdvance("Paragraph 17")
    for width in range(bold - 20, bold + 40):
        heading.setFixedWidth(width)
        shown = _shown(heading)
        if shown != heading.plain_text():
            assert shown.endswith("…") and heading.toolTip() == heading.plain_text(), (width, shown)
