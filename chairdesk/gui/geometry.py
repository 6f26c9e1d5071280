"""Where the main window opens: sized to fit the available area of its screen, whatever that screen is.

The desk prefers 1500×950; on a smaller screen (a 1280×800 projector, a laptop) the first window takes the
screen's available area instead, and a size remembered from a larger screen is brought back within it, so the
Floor panel and the status bar are never off-screen. A dialog showing a table opens as wide as its columns
need, within most of its screen (`widen_for_table`).
"""

from __future__ import annotations

from .qt import QByteArray, QGuiApplication, QMainWindow, QRect, QSize, Qt, QTableView, QtCore, QWidget

PREFERRED = QSize(1500, 950)
# the title bar and borders a window manager adds around the window, before it has drawn them (a guess on
# the safe side), and what the platforms without a window manager draw: offscreen a 2-pixel frame, the
# others none
FRAME_GUESS = QtCore.QMargins(4, 34, 4, 4)
PLATFORM_FRAMES = {
    "offscreen": QtCore.QMargins(2, 2, 2, 2),
    "minimal": QtCore.QMargins(),
    "minimalegl": QtCore.QMargins(),
    "vnc": QtCore.QMargins(),
}


def fit_rect(wanted: QRect, available: QRect, frame: QtCore.QMargins) -> QRect:
    """The window's own rectangle made to fit, with its frame, inside the available area (moved, then cut)."""
    room = available.marginsRemoved(frame)
    width = max(1, min(wanted.width(), room.width()))
    height = max(1, min(wanted.height(), room.height()))
    x = min(max(wanted.x(), room.left()), room.left() + room.width() - width)
    y = min(max(wanted.y(), room.top()), room.top() + room.height() - height)
    return QRect(x, y, width, height)


def centred(size: QSize, available: QRect, frame: QtCore.QMargins) -> QRect:
    """A rectangle of at most `size` in the middle of the available area, frame included."""
    room = available.marginsRemoved(frame)
    width, height = min(size.width(), room.width()), min(size.height(), room.height())
    return QRect(
        room.left() + (room.width() - width) // 2, room.top() + (room.height() - height) // 2, width, height
    )


def frame_margins(window: QMainWindow) -> QtCore.QMargins:
    """The frame around the window: measured once shown, else the platform's own, else a safe guess."""
    handle = window.windowHandle()
    if window.isVisible() and handle is not None:
        margins = handle.frameMargins()
        if not margins.isNull():
            return margins
    return PLATFORM_FRAMES.get(QGuiApplication.platformName(), FRAME_GUESS)


def screen_area(window: QMainWindow) -> QRect:
    """The available area (without panels and docks) of the screen the window is on, or would open on."""
    screen = QGuiApplication.screenAt(window.geometry().center()) or window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place_window(window: QMainWindow, remembered: str | None) -> None:
    """Restore the remembered geometry (base64 of saveGeometry) or centre the preferred size; then fit it."""
    restored = bool(remembered) and window.restoreGeometry(QByteArray.fromBase64(remembered.encode()))
    frame = frame_margins(window)
    if not restored:
        window.setGeometry(centred(PREFERRED, screen_area(window), frame))
        return
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the platform sizes a maximised window to the screen itself
    fitted = fit_rect(window.geometry(), screen_area(window), frame)
    if fitted != window.geometry():
        window.setGeometry(fitted)


def widen_for_table(dialog: QWidget, table: QTableView, most: float = 0.9) -> None:
    """Make a dialog as wide as its table's columns need for their contents (a delegation's whole name, each
    figure), at most `most` of its screen's width; a dialog already wider keeps its width."""
    columns = sum(
        max(table.horizontalHeader().sectionSizeHint(c), table.sizeHintForColumn(c))
        for c in range(table.model().columnCount())
        if not table.isColumnHidden(c)
    )
    rows = table.verticalHeader().sizeHint().width() if table.verticalHeader().isVisible() else 0
    chrome = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width() + 48  # (the layouts' margins)
    screen = dialog.screen().availableGeometry().width()
    dialog.resize(max(dialog.width(), min(rows + columns + chrome, int(screen * most))), dialog.height())
