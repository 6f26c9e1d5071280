"""The panels on the right of the desk (floor, adoption): built for each session, with a menu each."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..controller import SessionController
from ..qt import QDockWidget, QFrame, QKeySequence, QMainWindow, QMenu, QScrollArea, Qt, QWidget

DockSpec = QDockWidget | Callable[[SessionController], QDockWidget]


def scrolled(dock: QDockWidget) -> None:
    """Put the dock's content in a scroll area, so that a tall panel never makes the window taller than the
    screen (a 1280×800 projector with an 11-point font): it scrolls instead."""
    content = dock.widget()
    if content is None:
        return
    if isinstance(content, QScrollArea):  # a panel with its own scroll area (Adoption): as wide as it needs too
        if content.widget() is not None:
            _wide_enough(content, content.widget())
        return
    area = QScrollArea(dock)
    area.setObjectName(f"{content.objectName() or 'panel'}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    _wide_enough(area, content)
    dock.setWidget(area)


def _wide_enough(area: QScrollArea, content: QWidget) -> None:
    """As wide as the panel needs beside a vertical scroll bar, so that it never scrolls sideways or cuts its
    right edge off (the Adoption panel's own scroll area cut 10 px of its buttons at 1280×800)."""
    area.setMinimumWidth(content.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width() + 2)


class SideDocks:
    """Builds the docks for a session's controller, tabbed on the right, and takes them away again."""

    def __init__(
        self, window: QMainWindow, specs: Sequence[DockSpec], before_menu: Callable[[], QMenu]
    ) -> None:
        self.window = window
        self.specs = list(specs)
        self._before_menu = before_menu  # the dock menus go before this one (Help)
        self.docks: list[QDockWidget] = []
        self.bands: list[QDockWidget] = []  # strips that stay above the tabbed docks (the floor band)
        self.menus: list[QMenu] = []

    def remove(self) -> None:
        """Take away the docks of the session that is closing, with their menus and keys."""
        window = self.window
        for band in self.bands:
            band.hide()
            window.removeDockWidget(band)
        for dock in self.docks:
            dock.hide()  # first, or the main window keeps showing the tabs of the docks removed
            window.removeDockWidget(dock)
            if dock not in self.specs:  # a dock given as a widget is kept for the next session
                dock.setParent(None)  # out of the window's dock tabs now, not at the next event loop
                dock.deleteLater()
        for menu in self.menus:
            window.menuBar().removeAction(menu.menuAction())
            for action in menu.actions():
                window.removeAction(action)  # their shortcuts would clash with the next session's
            menu.deleteLater()
        self.docks, self.menus, self.bands = [], [], []

    def build(self, controller: SessionController) -> None:
        """The docks for this controller, each with a menu of its actions and a key to bring it forward."""
        self.remove()
        window = self.window
        previous = None
        for spec in self.specs:
            dock = spec if isinstance(spec, QDockWidget) else spec(controller)
            scrolled(dock)
            if not dock.objectName():
                dock.setObjectName(type(dock).__name__)
            band = getattr(dock, "band", None)  # a dock's band (the floor's) goes above the tabs, untabbed
            if isinstance(band, QDockWidget):
                window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, band)
                band.show()
                self.bands.append(band)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if isinstance(band, QDockWidget):
                window.splitDockWidget(band, dock, Qt.Orientation.Vertical)
            dock.show()  # a dock given as a widget was hidden when the last session closed
            if previous is not None:  # tabbed, so the window still fits a 1280×800 projector
                window.tabifyDockWidget(previous, dock)
            previous = dock
            self.docks.append(dock)
            menu = QMenu(dock.windowTitle() or type(dock).__name__, window)
            for action in dock.actions():
                menu.addAction(action)
                window.addAction(action)
            menu.addSeparator()
            front = menu.addAction(f"Show the {menu.title().replace('&', '')} panel")
            front.setShortcut(QKeySequence(f"Ctrl+Alt+{len(self.docks)}"))
            front.triggered.connect(lambda _c=False, d=dock: (d.show(), d.raise_(), d.setFocus()))
            window.addAction(front)
            menu.addAction(dock.toggleViewAction())
            window.menuBar().insertMenu(self._before_menu().menuAction(), menu)
            self.menus.append(menu)
            attach = getattr(dock, "attach_menu", None)
            if attach is not None:  # a dock that shows itself only sometimes (Procedure: Model UN only)
                attach(menu, front)
        if self.docks:
            self.docks[0].raise_()
