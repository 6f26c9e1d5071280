"""The window's menus and toolbar: the actions table, Undo/Redo/Quit, File ▸ Export and File ▸ Recent."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..actions import StepAction, build_actions, build_menus
from ..qt import QAction, QActionGroup, QKeySequence, QLabel, QMainWindow, QMenu, Qt, QToolBar
from .draft_rows import DELETE_COLOUR, INSERT_COLOUR, MOVE_COLOUR

EXPORT_KINDS = (
    ("report", "Endorsed &report (DOCX)…"),
    ("redline", "Report with &tracked changes (DOCX)…"),
    ("record", "&Record of the session…"),
)


def build_window_actions(
    window: QMainWindow, slots: Callable[[str], Callable[[], None]]
) -> tuple[dict[str, QAction], StepAction, StepAction, dict[str, QMenu]]:
    """Every action of the table plus Undo, Redo and Quit, in the window's menus and view toolbar."""
    actions = build_actions(window, slots)
    undo = StepAction("&Undo", window)
    undo.setObjectName("undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    undo.triggered.connect(slots("undo"))
    redo = StepAction("&Redo", window)
    redo.setObjectName("redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.triggered.connect(slots("redo"))
    quit_action = QAction("&Quit", window)
    quit_action.setObjectName("quit")
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(window.close)
    extra = {"undo": undo, "redo": redo, "quit": quit_action}
    menus = build_menus(window.menuBar(), actions, extra)
    for action in [*actions.values(), *extra.values()]:
        window.addAction(action)  # shortcuts work even while a menu is hidden
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, view_toolbar(window, actions))
    return actions, undo, redo, menus


def view_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The toolbar: what the draft shows (tabled, last baseline, clean), the colours' legend, zoom."""
    modes = QActionGroup(window)
    toolbar = QToolBar("View", window)
    toolbar.setObjectName("viewToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addWidget(QLabel("  Show: "))
    for name in ("mode_tabled", "mode_last", "mode_clean"):
        modes.addAction(actions[name])
        toolbar.addAction(actions[name])
    toolbar.addSeparator()
    legend = QLabel(
        f'  <u><span style="color:{INSERT_COLOUR}">inserted</span></u> · '
        f'<s><span style="color:{DELETE_COLOUR}">deleted</span></s> · '
        f'<span style="color:{MOVE_COLOUR}"><i>moved</i></span>  '
    )
    toolbar.addWidget(legend)
    toolbar.addSeparator()
    for name in ("zoom_out", "zoom_in"):
        toolbar.addAction(actions[name])
    return toolbar


def install_export_menu(
    window: QMainWindow, menu: QMenu, kinds: Sequence[tuple[str, str]], export: Callable[[str], object]
) -> None:
    """File ▸ Export: one entry per kind, Ctrl+Shift+1, 2, 3…, each calling export(kind)."""
    menu.clear()
    for index, (kind, text) in enumerate(kinds, start=1):
        action = menu.addAction(text)
        action.setObjectName(f"export_{kind}")
        action.setShortcut(QKeySequence(f"Ctrl+Shift+{index}"))
        action.triggered.connect(lambda _c=False, k=kind: export(k))
        window.addAction(action)


def fill_recent_menu(menu: QMenu, recent: Sequence[str], open_session: Callable[[str], object]) -> None:
    """File ▸ Recent: the sessions opened last, Alt+Shift+1…9."""
    menu.clear()
    for index, path in enumerate(recent, start=1):
        action = menu.addAction(f"&{index} {Path(path).name}  —  {Path(path).parent}")
        action.setData(path)
        if index <= 9:
            action.setShortcut(QKeySequence(f"Alt+Shift+{index}"))
        action.triggered.connect(lambda _c=False, p=path: open_session(p))
    menu.setEnabled(bool(recent))
