"""The chair's desk: outline on the left, the draft with tracked changes in the centre, docks on the right.

`MainWindow(controller, settings, docks=[FloorDock, AdoptionDock])`: each dock is a QDockWidget or a
callable taking the SessionController and returning one (the dock classes themselves); each dock's
`.actions()` go in a menu named after the dock. Opening another session builds the docks again for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ...core.log.change import Change
from ...core.log.errors import ChairdeskError
from ...core.log.eventlog import Verification, verify_file
from ...core.log.session import Session
from ...sample import ensure_sample_copy
from ..about import install_about
from ..controller import SessionController
from ..projector.control import ProjectorControl
from ..qt import (
    QCloseEvent,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QModelIndex,
    QShowEvent,
    QSplitter,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ..settings import DeskSettings, data_dir
from ..start_page import StartPage
from ..start_up import check_in_background, release_frozen
from .confirmations import confirmation
from .desk_commands import DeskCommands
from .dialogs import FindBar
from .document_title import DocumentTitle
from .draft_model import DraftModel
from .draft_view import DraftView
from .editor_pane import EditorPane
from .export_actions import export_with_dialog
from .outline import ID_ROLE, KIND_ROLE, OutlineModel, OutlineView
from .pending_words import ask_about_pending, settle_pending
from .row_patches import ONLY_NAMED
from .side_docks import DockSpec, SideDocks
from .status_bar import DeskStatusBar
from .window_layout import (
    apply_point_size,
    fit_columns,
    restore_geometry,
    save_geometry,
    show_pending_words,
    update_title,
)
from .window_menus import EXPORT_KINDS, build_window_actions, fill_recent_menu, install_export_menu

CHECK_AT_ONCE = 1000  # events: a hash chain this short is checked as the session opens (3 ms at most)

# what the desk can do with no session open (the rest is disabled until one is)
WITHOUT_SESSION = {
    "new_session",
    "open_session",
    "import_draft",
    "shortcuts",
    "zoom_in",
    "zoom_out",
    "zoom_reset",
}


class MainWindow(QMainWindow):
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
        self._record_check: QTimer | None = None  # the background check of the open session's hash chain
        self.side_docks = SideDocks(self, docks, lambda: self.menus["&Help"])
        self._applying = False  # True while the draft's rows follow a change
        self._reloading: str | None = None  # a change reloads this paragraph in the editor once it is shown
        self._fitted = False  # the columns get their initial widths once, when first shown
        self.ask_pending = ask_about_pending  # (window, parts, going) -> commit | discard | cancel
        self.commands = DeskCommands(self)  # what the actions do: acts on the controller and the views
        self.setObjectName("chairdesk")
        self._build_widgets()
        self._build_actions()
        self.apply_point_size(settings.point_size)
        restore_geometry(self, settings)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(1000)
        if controller is not None:
            self.set_controller(controller)
        else:
            self._show_start_page()

    # ------------------------------------------------------------ building
    def _build_widgets(self) -> None:
        self.draft_view = DraftView(credits_later=True)  # the credits' index is read after the first paint
        self.find_bar = FindBar()
        self.editor = EditorPane(None)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.draft_view)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([680, 200])
        self.title_label = DocumentTitle()  # two lines at the most: the rest elided, whole in its tooltip
        self.title_label.setObjectName("documentTitle")
        self.title_label.setContentsMargins(16, 8, 16, 6)
        self.desk = QWidget()
        layout = QVBoxLayout(self.desk)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.title_label)
        layout.addWidget(splitter, 1)
        self.start_page = StartPage()
        self.start_page.open_requested.connect(self.commands.open_dialog)
        self.start_page.new_requested.connect(self.commands.new_session)
        self.start_page.import_requested.connect(self.commands.import_draft)
        self.start_page.sample_requested.connect(self.open_sample)
        self.start_page.recent_chosen.connect(self.open_session)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.desk)
        self.pages.addWidget(self.start_page)
        self.setCentralWidget(self.pages)
        self.outline_view = OutlineView()
        self.outline_view.setMinimumWidth(200)
        self.outline_dock = QDockWidget("Outline", self)
        self.outline_dock.setObjectName("outlineDock")
        self.outline_dock.setWidget(self.outline_view)
        self.outline_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
        self.status = DeskStatusBar(self)
        self.setStatusBar(self.status)
        self.save_label, self.pending_label = self.status.save_label, self.status.pending_label
        self.draft_view.row_delegate.edit_committed.connect(self.commands.commit_in_place)
        self.draft_view.edit_requested.connect(self.commands.focus_editor)
        self.editor.commit_requested.connect(self.commands.commit_request)
        self.editor.dirty_changed.connect(self._dirty_changed)
        self.editor.refused.connect(self._on_refused)
        self.editor.pending_changed.connect(self._pending_changed)
        self.editor.notice.connect(self._on_notice)
        self.draft_view.row_delegate.edit_left.connect(
            lambda pid, words: self.editor.keep_words(pid, None, words)
        )
        self.draft_view.row_delegate.edit_cancelled.connect(lambda pid: self.editor.discard(pid, None))
        self.draft_view.row_delegate.words_for = self.editor.words_for
        self.find_bar.find_requested.connect(self.commands.find_text)
        self.find_bar.closed.connect(self.draft_view.setFocus)
        self.outline_view.paragraph_dropped.connect(self.commands.move_paragraph_to)
        self.outline_view.section_dropped.connect(self.commands.move_section_to)
        self.outline_view.activated.connect(self._outline_activated)
        self.outline_view.clicked.connect(self._outline_activated)

    def _build_actions(self) -> None:
        self.actions_by_name, self.undo_action, self.redo_action, self.menus = build_window_actions(
            self, lambda name: getattr(self.commands, name, None) or getattr(self, name)
        )
        install_about(self, self.menus["&Help"])
        self.projector = ProjectorControl(self)  # View ▸ Projector: what the room sees
        self.install_export_actions()
        self._fill_recent_menu()

    def install_export_actions(self, kinds: Sequence[tuple[str, str]] = EXPORT_KINDS) -> None:
        """File ▸ Export: one entry per kind, each asking where to write it (export_with_dialog)."""
        install_export_menu(
            self, self.menus["export"], kinds,
            lambda kind: self.controller and export_with_dialog(self, self.controller.session, kind),
        )

    def _fill_recent_menu(self) -> None:
        fill_recent_menu(self.menus["recent"], self.settings.recent_files, self.open_session)
        self.start_page.set_recent(self.settings.recent_files)

    # --------------------------------------------------------------- docks
    # ------------------------------------------------------------ sessions
    @property
    def session(self) -> Session | None:
        """The open session."""
        return self.controller.session if self.controller else None

    def set_controller(self, controller: SessionController) -> None:
        """Show a session: build the models over it, listen to its changes, rebuild the docks."""
        old, old_models = self.controller, (self.draft_model, self.outline_model)
        if old is not None:
            self._leave(old)
        self.controller = controller
        session = controller.session
        self.draft_model = DraftModel(session, self.settings.view_mode, self)
        self.draft_view.setModel(self.draft_model)
        self.draft_view.selectionModel().currentChanged.connect(self._current_row_changed)
        self.outline_model = OutlineModel(session, self)
        self.outline_view.setModel(self.outline_model)
        for model in old_models:
            if model is not None:
                model.deleteLater()
        self.editor.forget_pending()  # the chair has settled them (settle_pending) before the session went
        self.editor.session = session
        self.editor.refresh_actors()
        self.editor.show_paragraph(None)
        controller.changed.connect(self._on_change)
        controller.refused.connect(self._on_refused)
        controller.notice.connect(self._on_notice)
        stack = controller.undo_stack
        self.undo_action.follow(
            stack.canUndoChanged, stack.undoTextChanged, (stack.canUndo(), stack.undoText())
        )
        self.redo_action.follow(
            stack.canRedoChanged, stack.redoTextChanged, (stack.canRedo(), stack.redoText())
        )
        self.commands.check_mode(self.settings.view_mode)
        self.side_docks.build(controller)
        self.projector.follow(controller)
        self._set_session_actions(True)
        self.pages.setCurrentWidget(self.desk)
        self.outline_dock.show()
        self._update_title()
        self._show_saved()
        self._tick()
        if old is not None:
            self._release(old)
        first = (
            self.draft_model.row_of("paragraph", session.draft.numbering().paragraphs[0])
            if session.draft.numbering().paragraphs
            else None
        )
        if first is not None:
            self.select_row(first)
        if self._fitted:
            self.fit_columns(outline=False)  # the new docks get a sensible width too

    def _leave(self, controller: SessionController) -> None:
        """Stop listening to a controller whose session is going away."""
        controller.changed.disconnect(self._on_change)
        controller.refused.disconnect(self._on_refused)
        controller.notice.disconnect(self._on_notice)
        if self._record_check is not None:  # its session is going: its result is not wanted
            self._record_check.stop()
            self._record_check = None
        stack = controller.undo_stack
        self.undo_action.leave(stack.canUndoChanged, stack.undoTextChanged)
        self.redo_action.leave(stack.canRedoChanged, stack.redoTextChanged)

    @staticmethod
    def _release(controller: SessionController) -> None:
        """Let go of a session: its file is closed (another process may open it) and the controller goes."""
        release_frozen()  # what the start froze out of the collector (start_up.py) may now be garbage
        controller.detach()
        controller.session.close()
        controller.deleteLater()

    def close_session(self) -> None:
        """File ▸ Close: close the session and leave the window open on the start page."""
        controller = self.controller
        if controller is None or not settle_pending(self, "closing the session", self.commands.commit_request):
            return
        self.editor.forget_pending()
        self._leave(controller)
        self.controller = None
        self.side_docks.remove()
        self.projector.follow(None)
        self.editor.show_paragraph(None)
        self.editor.session = None
        for view, model in ((self.draft_view, self.draft_model), (self.outline_view, self.outline_model)):
            view.setModel(None)
            if model is not None:
                model.deleteLater()
        self.draft_model = self.outline_model = None
        self._release(controller)
        self._show_start_page()
        self.statusBar().showMessage("The session is closed; its file is free.", 8000)

    def _show_start_page(self) -> None:
        self._set_session_actions(False)
        self.undo_action.show_step("")
        self.redo_action.show_step("")
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.outline_dock.hide()
        self.find_bar.hide()
        self.start_page.set_recent(self.settings.recent_files)
        self.pages.setCurrentWidget(self.start_page)
        self.start_page.focus_first()
        self._update_title()
        self._show_saved()
        self._tick()

    def _set_session_actions(self, enabled: bool) -> None:
        """Enable the actions that need a session (all but New, Open, Import, zoom and Help) or not."""
        for name, action in self.actions_by_name.items():
            if name not in WITHOUT_SESSION:
                action.setEnabled(enabled)
        for action in self.menus["export"].actions():
            action.setEnabled(enabled)

    def open_sample(self) -> bool:
        """Open the chair's copy of the bundled sample session."""
        return self.open_session(ensure_sample_copy(data_dir()))

    def open_session(self, path: str | Path) -> bool:
        """Open a session file; a bad or locked file is explained and changes nothing."""
        path = Path(path)
        if self.session is not None and self.session.path.resolve() == path.resolve():
            return True
        try:
            session = Session.open(path, check_chain=False)  # checked once the window is up (_check_record)
        except ChairdeskError as error:
            self.show_error("Cannot open the session", str(error))
            return False
        except OSError as error:
            self.show_error("Cannot open the session", f"{path}: {error.strerror or error}")
            return False
        if not settle_pending(self, f"opening {path.name}", self.commands.commit_request):
            session.close()
            return False
        self.statusBar().clearMessage()  # (the start page's "Open a session…" is no longer true)
        self.set_controller(SessionController(session, self))
        self.settings.remember(path)
        self._fill_recent_menu()
        for note in session.notes:  # an earlier copy of a session: nothing wrong with the file
            self.statusBar().showMessage(note, 15000)
        for warning in session.warnings:  # shorter or rewritten since this computer last closed it
            self.show_error("The session file has changed", warning)
        self._check_record(session)
        return True

    def _check_record(self, session: Session) -> None:
        """Check the session's hash chain and tell the chair if the file was altered: at once for a small
        session, else in a background thread once the window is up (60 ms at 20,000 events, off the start)."""
        if session.log.count <= CHECK_AT_ONCE:
            self._record_checked(session, lambda: session.verify(as_opened=True))
            return
        # The file as it was opened: a step recorded before the check reads it continues the chain and moves
        # its head, which would hide events cut off the end.
        path, as_opened = session.path, session.log.as_opened
        self._record_check = check_in_background(
            self, lambda: verify_file(path, as_opened), lambda outcome: self._record_checked(session, outcome.result)
        )

    def _record_checked(self, session: Session, result: Callable[[], Verification]) -> None:
        """Show the warning of a broken chain (result() gives the check's verdict), if session is still open;
        if steps were recorded before the check ended, the damage found goes in the record now, after them."""
        self._record_check = None
        if session is not self.session or self.controller is None:
            return
        try:
            warning = session.chain_checked(result())
        except ChairdeskError as error:  # the file could not be read through (a damaged page)
            warning = str(error)
            session.warnings.append(warning)
        except OSError:
            return  # no verdict (the file went meanwhile): the exports verify it again in any case
        if session.damage is not None and session.recorded_since_open:
            self.controller.run(Session.note_damage)  # (else the chair's next step records it first)
        if warning:
            self.show_error("The session file has changed", warning)

    def show_error(self, title: str, text: str) -> None:
        """Tell the chair what went wrong (a window-modal box that never blocks the event loop)."""
        self.last_error = text
        self.statusBar().showMessage(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _update_title(self) -> None:
        update_title(self, self.session)

    # -------------------------------------------------------------- changes
    def _on_change(self, change: Change) -> None:
        assert self.draft_model is not None and self.outline_model is not None
        current = self.controller.current_paragraph if self.controller else None
        self._applying = True  # rows removed under the cursor must not make another paragraph current
        self.draft_model.apply_change(change)
        self._applying = False
        if change.structure:
            named = change.paragraphs if change.kind in ONLY_NAMED else None  # (only those came or went)
            self.outline_view.refresh_in_place(self.session.draft, change.sections, named)  # keeps the folds and the keyboard's item
        else:
            counted = self.outline_model.refresh_paragraphs(change.paragraphs) if change.draft_changed else {}
            sections = set(change.sections)
            if "adoption" in change.areas and not change.sections:  # a step on the report: every section
                sections.update(self.session.draft.order)  # type: ignore[union-attr]
            if sections:
                self.outline_model.refresh_sections(sections, counted)
        if "meeting" in change.areas or change.kind == "draft.title.set":
            self._update_title()
        if "roster" in change.areas or "draft.proposal" in change.kind:
            self.editor.refresh_actors()
        # The editor shows the current paragraph again below (its number or section may have changed): not
        # a first time as well when its row is made current again, keeping the part of it being edited.
        reload = current is not None and (change.structure or current in change.paragraphs)
        reload = reload and (not self.editor.is_dirty() or current in change.paragraphs)
        if change.structure:
            row = self.draft_model.row_of_paragraph(current, self.draft_view.currentIndex().row())
            if row is not None and row != self.draft_view.currentIndex().row():
                self._reloading = current if reload else None
                try:
                    self.select_row(row)
                finally:
                    self._reloading = None
            elif row is None and current is not None:  # not shown any more (clean text): the row under the cursor
                self._current_row_changed(self.draft_view.currentIndex(), QModelIndex())  # (shown in the editor)
                reload = False
            elif self.draft_view.currentIndex().isValid():  # the rows are laid out anew: keep it in sight
                self.draft_view.scrollTo(self.draft_view.currentIndex())
        if reload:
            self.editor.show_paragraph(current, keep_part=True)
        elif change.draft_changed:  # (a section retitled or moved, the words typed kept: named anew)
            self.editor.refresh_heading()
        self.draft_view.lay_out_now()
        if current in change.paragraphs and self.draft_view.currentIndex().isValid():  # (grown: its end in sight)
            self.draft_view.scrollTo(self.draft_view.currentIndex())
        self._show_saved(change)
        self.status.confirm(confirmation(self.session, change))  # type: ignore[arg-type]

    def _on_refused(self, message: str) -> None:
        self.statusBar().showMessage(f"Not done: {message}", 10000)
        self.last_error = message
        if not self.editor.is_dirty():
            self._show_saved()  # a refusal may be the file itself going missing

    def _on_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def _show_saved(self, change: Change | None = None) -> None:
        self.status.show_saved(self.session, change)

    def _pending_changed(self) -> None:
        show_pending_words(self)

    def _dirty_changed(self, dirty: bool) -> None:
        show_pending_words(self, dirty)

    def _tick(self) -> None:
        self.status.tick(self.session)

    # ------------------------------------------------------------ selection
    def select_row(self, row: int) -> None:
        """Make a row of the draft current and show it."""
        if self.draft_model is None:
            return
        index = self.draft_model.index(row)
        self.draft_view.setCurrentIndex(index)
        self.draft_view.scrollTo(index)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.draft_model is None or self.controller is None or self._applying:
            return
        row = self.draft_model.row_at(current.row())
        if row is None:
            return
        if row.kind in ("paragraph", "ghost"):
            para = self.session.draft.paragraphs.get(row.id)  # type: ignore[union-attr]
            self.controller.set_current(para.section if para else row.section, row.id)
            if row.id != self._reloading:
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
        apply_point_size(self, size)

    # ------------------------------------------------------------- columns
    def fit_columns(self, outline: bool = True) -> None:
        """Give the outline and the right docks widths that suit the window (1280×800 up to 1920×1080)."""
        fit_columns(self, outline)
        QTimer.singleShot(0, self._keep_current_in_sight)  # after the new sizes are laid out

    def _keep_current_in_sight(self) -> None:
        if self.draft_view.currentIndex().isValid():
            self.draft_view.scrollTo(self.draft_view.currentIndex())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self._fit_when_shown)  # once the window is laid out

    def _fit_when_shown(self) -> None:
        self.fit_columns(outline=not self.settings.window_state)  # an outline width the chair chose stays

    # ------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not settle_pending(self, "quitting", self.commands.commit_request):
            event.ignore()
            return
        save_geometry(self, self.settings)
        controller = self.controller
        if controller is not None:
            self._leave(controller)
            self.controller = None
            self._release(controller)
            for view in (self.draft_view, self.outline_view):
                view.setModel(None)  # a closed window lays out no more rows (nor measures near ones)
        self._clock.stop()
        self.projector.close()
        super().closeEvent(event)
