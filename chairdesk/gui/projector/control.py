"""The chair's side of the projector: View ▸ Projector in the desk, the screen it goes on, its text size.

`ProjectorControl(window)` adds the menu to the desk and keeps the projector and the always-on-top floor band
following the desk's session (`follow`). The choices (screen, size, clean text or tracked changes) are kept
in the desk's settings; "show typing" is off at every start, as the room must not see words by surprise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ...core.log.eventlog import utc_now
from ..controller import SessionController
from ..qt import QAction, QActionGroup, QGuiApplication, QKeySequence, QMenu, QScreen, Qt
from .room_band import FloorOnTop
from .window import ProjectorWindow

SIZE_STEP = 4
ONE_SCREEN_SIZE = (1024, 640)  # with one screen the projector is a normal window the chair can check


def screen_label(screen: QScreen) -> str:
    """How a screen is named in the menu: its name and size."""
    size = screen.geometry()
    return f"{screen.name() or 'Screen'} ({size.width()}×{size.height()})"


def projector_screen(remembered: str | None) -> QScreen | None:
    """The screen for the projector: the remembered one if connected, else the first that is not primary.

    None when there is only one screen (the projector then opens as a normal window).
    """
    screens = QGuiApplication.screens()
    if len(screens) < 2:
        return None
    for screen in screens:
        if screen.name() == remembered:
            return screen
    primary = QGuiApplication.primaryScreen()
    return next((s for s in screens if s is not primary), screens[-1])


class ProjectorControl:
    """The projector's menu in the desk, and the windows it opens."""

    def __init__(self, window: Any, clock: Callable[[], datetime] | None = None) -> None:
        self.window = window
        self.settings = window.settings
        self.projector = ProjectorWindow(clock or utc_now, self.settings.projector_point_size)
        self.projector.set_mode(self.settings.projector_mode)
        self.projector.typing = self._typing
        self.on_top = FloorOnTop()
        self.menu = QMenu("&Projector", window)
        self.menu.setObjectName("menu_projector")
        window.menus["&View"].addSeparator()
        window.menus["&View"].addMenu(self.menu)
        self.actions: dict[str, QAction] = {}
        self._add("show", "Show the &projector", ("F4",), self.toggle_projector, True)
        self._add("on_top", "&Floor band on top (for the chair)", ("Shift+F4",), self.toggle_on_top, True)
        self.menu.addSeparator()
        self._add("clean", "Room sees &clean text", ("Ctrl+Alt+J",), self.toggle_clean, True)
        self._add("typing", "Room sees words being &typed", ("Ctrl+Alt+H",), self.toggle_typing, True)
        self._add("bigger", "Projector text &bigger", ("Ctrl+Alt+=", "Ctrl+Alt++"), self.bigger)
        self._add("smaller", "Projector text &smaller", ("Ctrl+Alt+-",), self.smaller)
        self.actions["clean"].setChecked(self.settings.projector_mode == "clean")
        self.screens_menu = self.menu.addMenu("Projector &screen")
        self.screens_menu.setObjectName("menu_projector_screen")
        self.screens_menu.aboutToShow.connect(self._fill_screens)
        window.editor.text.textChanged.connect(self._typed)

    def _add(
        self, name: str, text: str, keys: tuple[str, ...], slot: Callable[[], object], checkable: bool = False
    ) -> None:
        action = QAction(text, self.window)
        action.setObjectName(f"projector_{name}")
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        self.window.addAction(action)  # the key works while the menu is closed
        self.actions[name] = action

    # ------------------------------------------------------------ following
    def follow(self, controller: SessionController | None) -> None:
        """Show another session on the projector and the floor band (None: no session)."""
        self.projector.set_controller(controller)
        self.projector.add_floor_view(self.on_top.band)

    def close(self) -> None:
        """Close both windows (the desk is going)."""
        for closing in (self.projector, self.on_top):
            try:
                if closing is self.projector:
                    self.projector.set_controller(None)
                closing.close()
            except RuntimeError:  # already deleted with the application
                pass

    # -------------------------------------------------------------- showing
    def toggle_projector(self) -> None:
        """F4: show the projector on its screen, or hide it."""
        if self.projector.isVisible():
            self.projector.hide()
        else:
            self.place()
        self.actions["show"].setChecked(self.projector.isVisible())

    def place(self) -> None:
        """Put the projector full screen, frameless, on its screen; a normal window when there is one screen."""
        screen = projector_screen(self.settings.projector_screen)
        if screen is None:
            self.projector.setWindowFlags(Qt.WindowType.Window)
            self.projector.resize(*ONE_SCREEN_SIZE)
            self.projector.showNormal()
            return
        self.projector.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.projector.setGeometry(screen.geometry())
        self.projector.show()
        handle = self.projector.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        self.projector.setGeometry(screen.geometry())
        self.projector.showFullScreen()

    def choose_screen(self, name: str) -> None:
        """Remember the projector's screen and move the projector there if it is showing."""
        self.settings.projector_screen = name
        self.settings.save()
        if self.projector.isVisible():
            self.place()

    def _fill_screens(self) -> None:
        self.screens_menu.clear()
        group = QActionGroup(self.screens_menu)
        chosen = projector_screen(self.settings.projector_screen)
        for screen in QGuiApplication.screens():
            action = self.screens_menu.addAction(screen_label(screen))
            action.setCheckable(True)
            action.setChecked(screen is chosen)
            group.addAction(action)
            name = screen.name()
            action.triggered.connect(lambda _c=False, n=name: self.choose_screen(n))

    def toggle_on_top(self) -> None:
        """Shift+F4: the floor band in a small window above every other, or not."""
        self.on_top.setVisible(not self.on_top.isVisible())
        self.actions["on_top"].setChecked(self.on_top.isVisible())

    # -------------------------------------------------------------- choices
    def toggle_clean(self) -> None:
        """Ctrl+Alt+J: the room sees the clean text, or the tracked changes since the tabled draft."""
        mode = "clean" if self.actions["clean"].isChecked() else "tabled"
        self.settings.projector_mode = mode
        self.settings.save()
        self.projector.set_mode(mode)

    def toggle_typing(self) -> None:
        """Ctrl+Alt+H: the room sees the words the chair is typing (off by default)."""
        self.projector.set_show_typing(self.actions["typing"].isChecked())

    def bigger(self) -> None:
        """Ctrl+Alt+=: larger text on the projector."""
        self._resize(SIZE_STEP)

    def smaller(self) -> None:
        """Ctrl+Alt+-: smaller text on the projector."""
        self._resize(-SIZE_STEP)

    def _resize(self, step: int) -> None:
        self.projector.set_point_size(self.projector.point_size + step)
        self.settings.projector_point_size = self.projector.point_size
        self.settings.save()

    # --------------------------------------------------------------- typing
    def _typing(self) -> tuple[str, str] | None:
        editor = self.window.editor
        if editor.paragraph_id is None or not editor.is_dirty():
            return None
        return editor.paragraph_id, editor.text.toPlainText()

    def _typed(self) -> None:
        if self.projector.show_typing:
            self.projector.refresh_text()
