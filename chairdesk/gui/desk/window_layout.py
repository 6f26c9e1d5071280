"""How the desk is laid out: text sizes (zoom) and the widths of the outline, the draft and the side docks.

The functions take the window duck-typed, so that this module never imports it back.
"""

from __future__ import annotations

from typing import Any

from ...core.log.session import Session
from ..geometry import place_window
from ..qt import QByteArray, QFont, QFontMetrics, Qt
from ..settings import DeskSettings

OUTLINE_WIDTH = (220, 360)  # the outline's initial width: a fifth of the window, within these bounds
DOCK_WIDTH = (360, 520)  # the right docks': a little more than a quarter of the window
EDITOR_LINES = 3  # the lines of the words being typed the editor shows at the least, whatever the text size


def apply_point_size(window: Any, size: int) -> None:
    """Set the text size of the draft, the outline and the editor pane (zoom)."""
    font = QFont(window.font())
    font.setPointSize(size)
    window.draft_view.set_text_font(font)
    window.editor.text.setFont(font)
    # three lines of the words being typed at any size (zoomed in on a 1280×800 screen it showed one, cut)
    window.editor.text.setMinimumHeight(EDITOR_LINES * QFontMetrics(font).lineSpacing() + 12)
    title_font = QFont(font)
    title_font.setPointSize(size + 3)
    title_font.setBold(True)
    window.title_label.setFont(title_font)
    outline_font = QFont(font)
    outline_font.setPointSize(max(9, int(size * 0.8)))
    window.outline_view.setFont(outline_font)


def fit_columns(window: Any, outline: bool = True) -> None:
    """Give the outline and the right docks widths that suit the window (1280×800 up to 1920×1080)."""
    width = window.width()
    docks, sizes = [], []
    if outline:
        docks.append(window.outline_dock)
        sizes.append(min(OUTLINE_WIDTH[1], max(OUTLINE_WIDTH[0], round(width * 0.2))))
    if window.side_docks.docks:
        docks.append(window.side_docks.docks[0])  # the others share its place as tabs
        sizes.append(min(DOCK_WIDTH[1], max(DOCK_WIDTH[0], round(width * 0.28))))
    if docks:
        window.resizeDocks(docks, sizes, Qt.Orientation.Horizontal)
    if outline:  # the editor pane: three lines of text or more, the rest for the draft
        centre = max(400, window.height() - 130)
        editor = max(190, round(centre * 0.28))
        window.splitter.setSizes([centre - editor, editor])


def update_title(window: Any, session: Session | None) -> None:
    """The window's title (meeting, file) and the document title above the draft."""
    if session is None:
        window.setWindowTitle("chairdesk")
        window.title_label.set_title("")
        return
    title = session.draft.title.strip()
    window.title_label.set_title(title or "Untitled document")
    window.title_label.setEnabled(bool(title))  # an untitled document says so, greyed
    meeting = session.state.meeting.title or "Untitled meeting"
    window.setWindowTitle(f"{meeting} — {session.path.name} — chairdesk")


def restore_geometry(window: Any, settings: DeskSettings) -> None:
    """Put the window and its docks where the chair left them, fitted to the screen it opens on."""
    place_window(window, settings.geometry)
    if settings.window_state:
        window.restoreState(QByteArray.fromBase64(settings.window_state.encode()))


def save_geometry(window: Any, settings: DeskSettings) -> None:
    """Remember where the window and its docks are, for the next start."""
    settings.geometry = bytes(window.saveGeometry().toBase64()).decode()
    settings.window_state = bytes(window.saveState().toBase64()).decode()
    settings.save()


def show_pending_words(window: Any, dirty: bool | None = None) -> None:
    """Tag the paragraphs left with words not committed and count them in the status bar; say whether the
    chair is typing (dirty) or everything is saved."""
    if window.draft_model is not None:
        window.draft_model.set_pending(window.editor.kept_paragraphs())
    window.status.show_pending(len({pid for pid, _sub in window.editor.pending_parts()}))
    if dirty:
        window.status.show_editing()
    elif dirty is not None:
        window.status.show_saved(window.session, None)
