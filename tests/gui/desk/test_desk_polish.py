"""The desk on a projector: column widths at 1280×800, one mark per section state, Close, the title, exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from chairdesk.core import adoption
from chairdesk.core.adoption.model import section_mark
from chairdesk.core.log.session import Session
from chairdesk.gui.app import default_docks
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QFont, QFontMetrics, QKeySequence, Qt, QTabBar
from chairdesk.gui.settings import DeskSettings, data_dir
from chairdesk.sample import build_sample_session

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ROOT = Path(__file__).resolve().parents[3]  # the checkout (tests/gui/desk/ is three folders down)


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A fresh copy of the bundled sample session."""
    return build_sample_session(tmp_path / "sample.chairdesk")


def desk(qtbot, path: Path | None, size: tuple[int, int] = (1280, 800)) -> MainWindow:  # noqa: ANN001
    """The window with the floor and adoption docks, at a screen size, shown and active."""
    win = MainWindow(None, DeskSettings.load(), docks=default_docks())
    qtbot.addWidget(win)
    if path is not None:
        assert win.open_session(path)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.wait(20)  # the columns get their widths once the window is laid out
    win.draft_view.setFocus()
    return win


@pytest.mark.parametrize("size", [(1280, 800), (1600, 1000), (1920, 1080)])
def test_three_columns_are_legible(qtbot, sample_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    win = desk(qtbot, sample_path, size)
    qtbot.waitUntil(
        lambda: win.outline_dock.width() >= 220 and win.side_docks.docks[0].width() >= 350, timeout=10000
    )
    outline, right = win.outline_dock.width(), win.side_docks.docks[0].width()
    centre = win.centralWidget().width()
    assert win.width() == size[0]  # nothing forces the window wider than the screen
    assert 220 <= outline <= 370 and 350 <= right <= 530, (outline, right)
    assert centre >= 0.45 * size[0] - 40, centre
    # the longest section line of the sample wraps over three lines at most, not six
    b = win.outline_model.index(1, 0)
    delegate = win.outline_view.itemDelegate()
    (bold, title), _status = delegate._lines(b)
    assert bold and title.startswith("○ B. Rules, norms and principles of responsible State behaviour")
    font = QFont(win.outline_view.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    wrapped = delegate._laid_out(True, title, delegate._width(b)).size()
    assert wrapped.height() <= 4 * metrics.lineSpacing() + 2, wrapped.height() / metrics.lineSpacing()
    # the adoption dock shows its read-out whole: it scrolls rather than cutting words
    dock = next(d for d in win.side_docks.docks if d.objectName() == "adoptionDock")
    body = dock.widget().widget()
    assert body.width() <= dock.width()


def test_outline_and_adoption_dock_use_one_mark(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    win = desk(qtbot, sample_path)
    session = win.session
    a, b = session.draft.order[:2]
    win.controller.run(adoption.take_up, b)
    dock = next(d for d in win.side_docks.docks if d.objectName() == "adoptionDock")
    marks = {s: section_mark(s) for s in adoption.SECTION_STATES}
    line_b = win.outline_model.item(1).text()
    assert line_b.startswith(f"{marks[adoption.UNDER_CONSIDERATION]} B. ")
    assert dock.sections.item(1).text().startswith(f"{marks[adoption.UNDER_CONSIDERATION]}  B. ")
    assert win.outline_model.item(0).text().startswith(f"{marks[adoption.NOT_TAKEN_UP]} A. ")
    assert "◐" not in line_b and "●" not in "".join(
        win.outline_model.item(r).text() for r in range(win.outline_model.rowCount())
    )


def test_close_leaves_the_window_on_a_start_page(qtbot, sample_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    win = desk(qtbot, sample_path)
    other = build_sample_session(tmp_path / "other.chairdesk")
    assert win.open_session(other) and win.open_session(sample_path)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_W, CTRL)  # File ▸ Close the session
    assert win.isVisible() and win.session is None and win.controller is None
    assert win.pages.currentWidget() is win.start_page
    assert win.windowTitle() == "chairdesk" and win.save_label.text() == "No session open"
    assert win.title_label.text() == "" and win.side_docks.docks == [] and not win.outline_dock.isVisible()
    assert not {"Floor", "Adoption"} & {a.text() for a in win.menuBar().actions()}
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    tabs = lambda: [b for b in win.findChildren(QTabBar, options=direct) if b.isVisible() and b.count()]  # noqa: E731
    qtbot.waitUntil(lambda: not tabs(), timeout=2000)  # no "Floor | Adoption" tabs left over the empty place
    assert not win.actions_by_name["strike"].isEnabled() and not win.undo_action.isEnabled()
    assert win.actions_by_name["open_session"].isEnabled()
    # the file is free: another process (here another connection) can open and change it
    with Session.open(sample_path) as elsewhere:
        adoption.take_up(elsewhere, elsewhere.draft.order[0])
    # the start page lists the recent sessions, the latest first, and opens one with Enter
    start = win.start_page
    assert start.recent_paths()[:2] == [str(sample_path.resolve()), str(other.resolve())]
    assert start.recent.hasFocus() and start.recent.currentRow() == 0
    assert [b.text().split("…")[0] for b in start.buttons.values()] == [
        "Open a session",
        "New session",
        "Import a draft (DOCX or text)",
        "Open the sample session",
    ]
    qtbot.keyClick(start.recent, Qt.Key.Key_Down)
    qtbot.keyClick(start.recent, Qt.Key.Key_Return)
    assert win.session is not None and win.session.path.resolve() == other.resolve()
    assert win.pages.currentWidget() is win.desk and win.outline_dock.isVisible()
    assert [d.objectName() for d in win.side_docks.docks] == [
        "FloorDock",
        "adoptionDock",
        "ProcedureDock",
        "WorkshopDock",
    ]
    assert not win.side_docks.docks[2].isVisible()  # Model UN only; this is a working group
    assert win.actions_by_name["strike"].isEnabled()
    # Close, then the sample button (keyboard: Tab to it, Enter) opens the chair's copy of the sample
    qtbot.keyClick(win.draft_view, Qt.Key.Key_W, CTRL)
    assert win.session is None
    start.buttons["sample"].setFocus()
    qtbot.keyClick(start.buttons["sample"], Qt.Key.Key_Return)
    assert win.session is not None and data_dir() in win.session.path.parents  # the chair's copy
    assert len(win.session.draft.order) == 4


def test_quit_closes_the_window_and_dock_keys_survive_a_second_session(
    qtbot,
    sample_path: Path,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    win = desk(qtbot, sample_path)
    win.open_session(build_sample_session(tmp_path / "other.chairdesk"))
    for keys in ("Ctrl+Alt+1", "Ctrl+Alt+2", "F9"):  # one action per key, or Qt triggers none of them
        owners = [a for a in win.actions() if QKeySequence(keys) in a.shortcuts()]
        assert len(owners) == 1, (keys, [a.text() for a in owners])
    quit_action = next(a for a in win.menus["&File"].actions() if a.objectName() == "quit")
    assert quit_action.shortcut() == QKeySequence("Ctrl+Q")
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Q, CTRL)
    assert not win.isVisible()
    with Session.open(tmp_path / "other.chairdesk"):
        pass  # released at quit


def test_document_title_shown_changed_and_undone(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    win = desk(qtbot, sample_path)
    session = win.session
    tabled = session.draft.title
    assert tabled.startswith("Draft annual progress report")
    assert win.title_label.text() == tabled and win.title_label.isVisible()
    title_bottom = win.title_label.mapTo(win, win.title_label.rect().bottomLeft()).y()
    assert title_bottom <= win.draft_view.mapTo(win, win.draft_view.rect().topLeft()).y()  # above section A
    action = win.actions_by_name["set_title"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+D")
    assert action in win.menus["&Section"].actions()
    assert win.commands.set_document_title_to("  Draft  final report of the working group ")
    assert win.title_label.text() == "Draft final report of the working group"
    assert session.events[-1].kind == "draft.title.set"
    assert not win.commands.set_document_title_to("Draft final report of the working group")  # unchanged: no event
    assert win.undo_action.text() == "&Undo document title"
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Z, CTRL)
    assert win.title_label.text() == tabled and session.draft.title == tabled
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert win.title_label.text() == "Draft final report of the working group"
    path = session.path
    win.close_session()
    with Session.open(path) as again:
        assert again.draft.title == "Draft final report of the working group"
        kinds = [e.kind for e in again.events[-3:]]
        assert kinds == ["draft.title.set"] * 3


def test_no_error_at_exit_after_showing_a_window(tmp_path: Path) -> None:
    script = tmp_path / "exit.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from chairdesk.core import drafting\n"
        "from chairdesk.gui.app import default_docks, make_application\n"
        "from chairdesk.gui.settings import DeskSettings\n"
        "from chairdesk.gui.desk.window import MainWindow\n"
        "from chairdesk.sample import build_sample_session\n"
        "app = make_application()\n"
        f"path = build_sample_session({str(tmp_path / 's.chairdesk')!r})\n"
        "window = MainWindow(None, DeskSettings.load(), docks=default_docks())\n"
        "window.open_session(path)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "d = window.controller.session.draft\n"
        "window.controller.run(drafting.strike_paragraph, d.live_paragraphs(d.order[0])[0].id)\n"
        "app.processEvents()\n"
        "print('ran')\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 0 and done.stdout.strip() == "ran", done.stderr
    assert "Traceback" not in done.stderr and "already deleted" not in done.stderr, done.stderr


def test_a_dock_given_as_a_widget_comes_back_with_the_next_session(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    from chairdesk.gui.qt import QDockWidget, QLabel

    notes = QDockWidget("Notes")
    notes.setWidget(QLabel("notes"))
    win = MainWindow(None, DeskSettings.load(), docks=[notes])
    qtbot.addWidget(win)
    win.open_session(sample_path)
    win.show()
    assert notes.isVisible()
    win.close_session()
    assert not notes.isVisible() and win.dockWidgetArea(notes) == Qt.DockWidgetArea.NoDockWidgetArea
    win.open_sample()
    assert notes.isVisible() and win.dockWidgetArea(notes) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_session_opened_from_the_start_page_shows_the_desk_whole(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    """Opened from the start page (the desk first shown then): the editor's Part box shows "Paragraph text"
    whole (it took its width from its first show, empty: "Paragrap"), and the status bar no longer says to
    open a session."""
    from chairdesk.gui.app import open_window
    from chairdesk.gui.desk.editor_pane import PARAGRAPH_TEXT

    win = open_window(None, DeskSettings.load())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.pages.currentWidget() is win.start_page and "Open a session" in win.statusBar().currentMessage()
    assert win.open_session(sample_path)
    qtbot.wait(20)
    part = win.editor.part
    assert part.currentText() == PARAGRAPH_TEXT
    text = QFontMetrics(part.font()).horizontalAdvance(PARAGRAPH_TEXT)
    assert part.width() >= text + 20, (part.width(), text)  # the words and the box's arrow
    assert win.statusBar().currentMessage() == ""



def test_a_title_being_edited_is_shown_whole(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    """The dialogs asking for a title show the whole of the title they edit (QInputDialog sized itself to its
    label: the document's title showed as "n-ended working group" in 200 px)."""
    from chairdesk.gui.qt import QApplication, QInputDialog, QLineEdit, QTimer

    win = desk(qtbot, sample_path)
    seen: dict[str, tuple[int, int, str]] = {}

    def look(name: str) -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        edit = dialog.findChild(QLineEdit)
        seen[name] = (edit.width(), QFontMetrics(edit.font()).horizontalAdvance(edit.text()), edit.text())
        dialog.reject()

    QTimer.singleShot(100, lambda: look("document"))
    win.commands.set_document_title()
    win.commands.go_to_paragraph(7)  # in section B, "Rules, norms and principles of responsible State behaviour"
    QTimer.singleShot(100, lambda: look("section"))
    win.commands.retitle_section()
    assert seen["document"][2] == win.session.draft.title and seen["section"][2].startswith("Rules, norms")
    for name, (width, words, _text) in seen.items():
        assert width > words, (name, width, words)
    assert win.session.draft.title == seen["document"][2]  # cancelled: nothing changed


@pytest.mark.parametrize("size", [(1280, 800), (1600, 1000)])
def test_no_panel_cuts_its_right_edge_off(qtbot, sample_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    """Every side panel is at least as wide as its content needs: the Adoption panel, with a scroll area of its
    own, was given no minimum width and cut 10 px of its buttons off at 1280×800."""
    from chairdesk.gui.qt import QApplication, QScrollArea

    app = QApplication.instance()
    before = app.font()
    font = QFont(before)
    font.setPointSize(12)  # (the desk's 11 points or more, as `chairdesk` sets them: the tests' font is smaller)
    app.setFont(font)
    try:
        win = desk(qtbot, sample_path, size)
        for dock in win.side_docks.docks:
            dock.show()
            dock.raise_()
            qtbot.wait(10)
            area = dock.widget()
            assert isinstance(area, QScrollArea), dock.objectName()
            needed = area.widget().minimumSizeHint().width()
            assert area.viewport().width() >= needed, (dock.objectName(), area.viewport().width(), needed)
    finally:
        app.setFont(before)


def test_the_editor_shows_three_lines_at_any_text_size(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    """Zoomed in to the largest text on a 1280×800 screen, the editor still shows three lines of the words being
    typed (it showed one, cut through the second)."""
    win = desk(qtbot, sample_path, (1280, 800))
    win.commands.go_to_paragraph(8)
    for _ in range(8):
        win.commands.zoom_in()
    qtbot.wait(20)
    text = win.editor.text
    lines = QFontMetrics(text.font()).lineSpacing()
    assert text.font().pointSize() >= 24
    assert text.viewport().height() >= 3 * lines, (text.viewport().height(), lines)
    win.commands.zoom_reset()


def test_the_draft_scroll_bar_is_a_plain_groove_and_handle(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    """The draft's scroll bar is drawn by the view's own rules (issue 15: Fusion's took up to 2 ms a paint,
    and every change that moves the rows repaints it): no arrow buttons, a handle the chair can grab."""
    from chairdesk.gui.qt import QStyle, QStyleOptionSlider

    win = desk(qtbot, sample_path)
    bar = win.draft_view.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    control = QStyle.ComplexControl.CC_ScrollBar

    def part(sub: QStyle.SubControl) -> object:
        return bar.style().subControlRect(control, option, sub, bar)

    assert part(QStyle.SubControl.SC_ScrollBarAddLine).height() == 0
    assert part(QStyle.SubControl.SC_ScrollBarSubLine).height() == 0
    handle = part(QStyle.SubControl.SC_ScrollBarSlider)
    assert handle.height() >= 32 and handle.width() >= 6
    picture = bar.grab().toImage()  # the handle stands out from the groove
    middle = handle.center()
    assert picture.pixelColor(middle) != picture.pixelColor(middle.x(), bar.height() - 2 if middle.y() < bar.height() // 2 else 1)
