"""The chair's desk: outline on the left, the draft with tracked changes in the centre, docks on the right.

`MainWindow(controller, settings, docks=[FloorDock, AdoptionDock])`: each dock is a QDockWidget or a
callable taking the SessionController and returning one (the dock classes themselves); each dock's
`.actions()` go in a menu named after the dock. Opening another session builds the docks again for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from ..core.errors import ChairdeskError
from ..core.session import Session
from ..core.state import Change
from .actions import build_actions, build_menus
from .commands import DraftingCommands
from .controller import SessionController
from .dialogs import FindBar
from .draft_model import DraftModel
from .draft_rows import DELETE_COLOUR, INSERT_COLOUR, MOVE_COLOUR
from .draft_view import DraftView
from .editor_pane import EditorPane
from .export_actions import export_with_dialog
from .outline import ID_ROLE, KIND_ROLE, OutlineModel, OutlineView
from .qt import (
    QAction,
    QActionGroup,
    QByteArray,
    QCloseEvent,
    QDockWidget,
    QFont,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QModelIndex,
    QSplitter,
    Qt,
    QTimer,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from .settings import DeskSettings

DockSpec = QDockWidget | Callable[[SessionController], QDockWidget]
EXPORT_KINDS = (
    ("report", "Endorsed &report (DOCX)…"),
    ("redline", "Report with &tracked changes (DOCX)…"),
    ("record", "&Record of the session…"),
)


class MainWindow(DraftingCommands, QMainWindow):
    """The main window of chairdesk for one open session at a time."""

    def __init__(
        self,
        controller: SessionController | None,
        settings: DeskSettings,
        docks: Sequence[DockSpec] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.controller: SessionController | None = None
        self.draft_model: DraftModel | None = None
        self.outline_model: OutlineModel | None = None
        self.last_error = ""
        self._dock_specs = list(docks)
        self._docks: list[QDockWidget] = []
        self._dock_menus: list[QMenu] = []
        self.setObjectName("chairdesk")
        self.resize(1500, 950)
        self._build_widgets()
        self._build_actions()
        self.apply_point_size(settings.point_size)
        self._restore_geometry()
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(1000)
        if controller is not None:
            self.set_controller(controller)
        else:
            self._update_title()

    # ------------------------------------------------------------ building
    def _build_widgets(self) -> None:
        self.draft_view = DraftView()
        self.find_bar = FindBar()
        self.editor = EditorPane(None)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.draft_view)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([680, 200])
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(centre)
        self.outline_view = OutlineView()
        self.outline_dock = QDockWidget("Outline", self)
        self.outline_dock.setObjectName("outlineDock")
        self.outline_dock.setWidget(self.outline_view)
        self.outline_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
        self.resizeDocks([self.outline_dock], [420], Qt.Orientation.Horizontal)
        self.clock_label = QLabel()
        self.save_label = QLabel("No session open")
        self.save_label.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.save_label)
        self.statusBar().addPermanentWidget(self.clock_label)
        self.draft_view.row_delegate.edit_committed.connect(self._commit_in_place)
        self.draft_view.edit_requested.connect(self.focus_editor)
        self.editor.commit_requested.connect(self._commit_request)
        self.editor.dirty_changed.connect(self._dirty_changed)
        self.find_bar.find_requested.connect(self.find_text)
        self.find_bar.closed.connect(self.draft_view.setFocus)
        self.outline_view.paragraph_dropped.connect(self.move_paragraph_to)
        self.outline_view.section_dropped.connect(self.move_section_to)
        self.outline_view.activated.connect(self._outline_activated)
        self.outline_view.clicked.connect(self._outline_activated)

    def _build_actions(self) -> None:
        self.actions_by_name = build_actions(self, lambda name: getattr(self, name))
        self.undo_action = QAction("&Undo", self)
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction("&Redo", self)
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        extra = {"undo": self.undo_action, "redo": self.redo_action, "quit": quit_action}
        self.menus = build_menus(self.menuBar(), self.actions_by_name, extra)
        for action in [*self.actions_by_name.values(), *extra.values()]:
            self.addAction(action)  # shortcuts work even while a menu is hidden
        self.install_export_actions()
        self._fill_recent_menu()
        modes = QActionGroup(self)
        toolbar = QToolBar("View", self)
        toolbar.setObjectName("viewToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addWidget(QLabel("  Show: "))
        for name in ("mode_tabled", "mode_last", "mode_clean"):
            modes.addAction(self.actions_by_name[name])
            toolbar.addAction(self.actions_by_name[name])
        toolbar.addSeparator()
        legend = QLabel(
            f'  <u><span style="color:{INSERT_COLOUR}">inserted</span></u> · '
            f'<s><span style="color:{DELETE_COLOUR}">deleted</span></s> · '
            f'<span style="color:{MOVE_COLOUR}"><i>moved</i></span>  '
        )
        toolbar.addWidget(legend)
        toolbar.addSeparator()
        for name in ("zoom_out", "zoom_in"):
            toolbar.addAction(self.actions_by_name[name])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def install_export_actions(self, kinds: Sequence[tuple[str, str]] = EXPORT_KINDS) -> None:
        """File ▸ Export: one entry per kind, each asking where to write it (export_with_dialog)."""
        menu = self.menus["export"]
        menu.clear()
        for index, (kind, text) in enumerate(kinds, start=1):
            action = menu.addAction(text)
            action.setObjectName(f"export_{kind}")
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{index}"))
            action.triggered.connect(
                lambda _c=False, k=kind: (
                    self.controller and export_with_dialog(self, self.controller.session, k)
                )
            )
            self.addAction(action)

    def _fill_recent_menu(self) -> None:
        menu = self.menus["recent"]
        menu.clear()
        for index, path in enumerate(self.settings.recent_files, start=1):
            action = menu.addAction(f"&{index} {Path(path).name}  —  {Path(path).parent}")
            action.setData(path)
            if index <= 9:
                action.setShortcut(QKeySequence(f"Alt+Shift+{index}"))
            action.triggered.connect(lambda _c=False, p=path: self.open_session(p))
        menu.setEnabled(bool(self.settings.recent_files))

    # --------------------------------------------------------------- docks
    def _build_docks(self, controller: SessionController) -> None:
        for dock in self._docks:
            if dock not in self._dock_specs:
                self.removeDockWidget(dock)
                dock.deleteLater()
        for menu in self._dock_menus:
            self.menuBar().removeAction(menu.menuAction())
        self._docks, self._dock_menus = [], []
        previous = None
        for spec in self._dock_specs:
            dock = spec if isinstance(spec, QDockWidget) else spec(controller)
            if not dock.objectName():
                dock.setObjectName(type(dock).__name__)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if previous is not None:  # tabbed, so the window still fits a 1280×800 projector
                self.tabifyDockWidget(previous, dock)
            previous = dock
            self._docks.append(dock)
            menu = QMenu(dock.windowTitle() or type(dock).__name__, self)
            for action in dock.actions():
                menu.addAction(action)
                self.addAction(action)
            menu.addSeparator()
            front = menu.addAction(f"Show the {menu.title().replace('&', '')} panel")
            front.setShortcut(QKeySequence(f"Ctrl+Alt+{len(self._docks)}"))
            front.triggered.connect(lambda _c=False, d=dock: (d.show(), d.raise_(), d.setFocus()))
            self.addAction(front)
            menu.addAction(dock.toggleViewAction())
            self.menuBar().insertMenu(self.menus["&Help"].menuAction(), menu)
            self._dock_menus.append(menu)
        if self._docks:
            self._docks[0].raise_()

    # ------------------------------------------------------------ sessions
    @property
    def session(self) -> Session | None:
        """The open session."""
        return self.controller.session if self.controller else None

    def set_controller(self, controller: SessionController) -> None:
        """Show a session: build the models over it, listen to its changes, rebuild the docks."""
        old = self.controller
        if old is not None:
            old.changed.disconnect(self._on_change)
            old.refused.disconnect(self._on_refused)
            old.notice.disconnect(self._on_notice)
        self.controller = controller
        session = controller.session
        self.draft_model = DraftModel(session, self.settings.view_mode, self)
        self.draft_view.setModel(self.draft_model)
        self.draft_view.selectionModel().currentChanged.connect(self._current_row_changed)
        self.outline_model = OutlineModel(session, self)
        self.outline_view.setModel(self.outline_model)
        self.editor.session = session
        self.editor.refresh_actors()
        self.editor.show_paragraph(None)
        controller.changed.connect(self._on_change)
        controller.refused.connect(self._on_refused)
        controller.notice.connect(self._on_notice)
        stack = controller.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(lambda t: self.undo_action.setText(f"&Undo {t}".strip()))
        stack.redoTextChanged.connect(lambda t: self.redo_action.setText(f"&Redo {t}".strip()))
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self._check_mode(self.settings.view_mode)
        self._build_docks(controller)
        self._update_title()
        self._show_saved()
        self._tick()
        if old is not None:
            old.detach()
            old.session.close()
            old.deleteLater()
        first = (
            self.draft_model.row_of("paragraph", session.draft.numbering().paragraphs[0])
            if session.draft.numbering().paragraphs
            else None
        )
        if first is not None:
            self.select_row(first)

    def open_session(self, path: str | Path) -> bool:
        """Open a session file; a bad or locked file is explained and changes nothing."""
        path = Path(path)
        if self.session is not None and self.session.path.resolve() == path.resolve():
            return True
        try:
            session = Session.open(path)
        except ChairdeskError as error:
            self.show_error("Cannot open the session", str(error))
            return False
        except OSError as error:
            self.show_error("Cannot open the session", f"{path}: {error.strerror or error}")
            return False
        self.set_controller(SessionController(session, self))
        self.settings.remember(path)
        self._fill_recent_menu()
        return True

    def show_error(self, title: str, text: str) -> None:
        """Tell the chair what went wrong (a window-modal box that never blocks the event loop)."""
        self.last_error = text
        self.statusBar().showMessage(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("chairdesk")
            return
        meeting = self.session.state.meeting.title or "Untitled meeting"
        self.setWindowTitle(f"{meeting} — {self.session.path.name} — chairdesk")

    # -------------------------------------------------------------- changes
    def _on_change(self, change: Change) -> None:
        assert self.draft_model is not None and self.outline_model is not None
        self.draft_model.apply_change(change)
        if change.structure:
            self.outline_model.refresh()
        else:
            for pid in change.paragraphs:
                self.outline_model.refresh_paragraph(pid)
            sections = set(change.sections)
            if "adoption" in change.areas:
                sections.update(self.session.draft.order)  # type: ignore[union-attr]
            if sections:
                self.outline_model.refresh_sections(sections)
        if "meeting" in change.areas:
            self._update_title()
        if "roster" in change.areas or "draft.proposal" in change.kind:
            self.editor.refresh_actors()
        current = self.controller.current_paragraph if self.controller else None
        if change.structure and current is not None:
            row = self.draft_model.row_of("paragraph", current)
            if row is not None and row != self.draft_view.currentIndex().row():
                self.select_row(row)
        if current is not None and (change.structure or current in change.paragraphs):
            if not self.editor.is_dirty() or current in change.paragraphs:
                self.editor.show_paragraph(current, keep_part=True)
        self._show_saved(change)

    def _on_refused(self, message: str) -> None:
        self.statusBar().showMessage(f"Not done: {message}", 10000)
        self.last_error = message

    def _on_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def _show_saved(self, change: Change | None = None) -> None:
        if self.session is None:
            self.save_label.setText("No session open")
            return
        events = self.session.events
        if not events:
            self.save_label.setText("Saved (empty record)")
            return
        last = change.event if change is not None else events[-1]
        when = datetime.fromisoformat(last.ts).astimezone().strftime("%H:%M:%S")
        self.save_label.setText(f"Saved · {len(events)} events · last at {when}")

    def _dirty_changed(self, dirty: bool) -> None:
        if dirty:
            self.save_label.setText("Editing — not saved until you commit (Ctrl+Enter)")
        else:
            self._show_saved()

    def _tick(self) -> None:
        now = datetime.now(UTC)
        text = now.astimezone().strftime("%H:%M")
        if self.session is not None and self.session.events:
            start = datetime.fromisoformat(self.session.events[0].ts)
            seconds = max(0, int((now - start).total_seconds()))
            if seconds < 24 * 3600:
                hours, rest = divmod(seconds, 3600)
                text = f"Session {hours}:{rest // 60:02d}:{rest % 60:02d} · {text}"
        self.clock_label.setText(text)

    # ------------------------------------------------------------ selection
    def select_row(self, row: int) -> None:
        """Make a row of the draft current and show it."""
        if self.draft_model is None:
            return
        index = self.draft_model.index(row)
        self.draft_view.setCurrentIndex(index)
        self.draft_view.scrollTo(index)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.draft_model is None or self.controller is None:
            return
        row = self.draft_model.row_at(current.row())
        if row is None:
            return
        if row.kind in ("paragraph", "ghost"):
            para = self.session.draft.paragraphs.get(row.id)  # type: ignore[union-attr]
            self.controller.set_current(para.section if para else row.section, row.id)
            self.editor.show_paragraph(row.id)
        else:
            self.controller.set_current(row.section, None)
            self.editor.show_paragraph(None)

    def _outline_activated(self, index: QModelIndex) -> None:
        if self.draft_model is None:
            return
        row = self.draft_model.row_of(index.data(KIND_ROLE), index.data(ID_ROLE))
        if row is not None:
            self.select_row(row)

    # --------------------------------------------------------------- zoom
    def apply_point_size(self, size: int) -> None:
        """Set the text size of the draft, the outline and the editor pane (zoom)."""
        font = QFont(self.font())
        font.setPointSize(size)
        self.draft_view.set_text_font(font)
        self.editor.text.setFont(font)
        outline_font = QFont(font)
        outline_font.setPointSize(max(9, int(size * 0.8)))
        self.outline_view.setFont(outline_font)

    # ------------------------------------------------------------- closing
    def _restore_geometry(self) -> None:
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64()).decode()
        self.settings.save()
        if self.controller is not None:
            self.controller.detach()
            self.controller.session.close()
            self.controller = None
        self._clock.stop()
        super().closeEvent(event)
