"""What the desk's commands act on: the controller and the views, named by a protocol instead of the window.

The window satisfies `DeskSurface`; the commands (`commands.py`, `view_commands.py`) and the words not
committed (`pending_words.py`) take one, so none of them imports the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ...core.log.session import Session
    from ..controller import SessionController
    from ..qt import QMenuBar, QStatusBar, QWidget
    from ..settings import DeskSettings
    from .dialogs import FindBar
    from .draft_model import DraftModel
    from .draft_view import DraftView
    from .editor_pane import EditorPane
    from .outline import OutlineView


class DeskSurface(Protocol):
    """The window's parts a command may use: the session's controller, the views, the settings."""

    controller: SessionController | None
    settings: DeskSettings
    draft_model: DraftModel | None
    draft_view: DraftView
    editor: EditorPane
    outline_view: OutlineView
    find_bar: FindBar
    actions_by_name: dict[str, Any]
    last_error: str
    ask_pending: Callable[[QWidget, str, str], str]

    @property
    def session(self) -> Session | None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 (Qt's name)

    def show_error(self, title: str, text: str) -> None: ...

    def open_session(self, path: str | Path) -> bool: ...

    def select_row(self, row: int) -> None: ...

    def apply_point_size(self, size: int) -> None: ...


class DeskCommandBase:
    """What every group of desk commands shares: the surface, the current paragraph and section, `run`."""

    def __init__(self, desk: DeskSurface) -> None:
        self.desk = desk

    @property
    def parent(self) -> QWidget:
        """The widget the commands' dialogs belong to."""
        return self.desk  # type: ignore[return-value]  # the surface is the window, a QWidget

    def _current(self) -> str | None:
        """The paragraph under discussion, if any (and the window has a session)."""
        controller = self.desk.controller
        if controller is None or controller.current_paragraph is None:
            self.desk.statusBar().showMessage("Select a paragraph first (Alt+2 goes to the draft).", 5000)
            return None
        return controller.current_paragraph

    def _live(self) -> str | None:
        """The paragraph under discussion if it stands in the text; a struck one is refused, saying so."""
        pid = self._current()
        desk = self.desk
        if pid is not None and desk.session is not None and desk.session.draft.paragraphs[pid].struck:
            row = desk.draft_model.row_of("paragraph", pid) if desk.draft_model else None
            number = f" {desk.draft_model.rows.rows[row].number}" if row is not None else ""
            desk.statusBar().showMessage(
                f"Not done: paragraph{number} is struck; restore it first (Ctrl+Shift+Delete).", 8000
            )
            return None
        return pid

    def _current_section(self) -> str | None:
        controller = self.desk.controller
        if controller is None or controller.current_section is None:
            self.desk.statusBar().showMessage("Select a section or paragraph first.", 5000)
            return None
        return controller.current_section

    def _run(self, operation, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if self.desk.controller is None:
            return None
        return self.desk.controller.run(operation, *args, **kwargs)
