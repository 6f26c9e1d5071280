"""The desk's commands beyond the text: session files, find and go to, the view, zoom, focus and help.

`DeskCommands` is every command of the desk (these and the text commands); the window holds one and its
actions call it by name. The methods taking arguments are what dialogs call and what the tests drive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...core.draft.operations import set_numbering_mode
from ...core.floor.operations import set_roster
from ...core.log.errors import ChairdeskError
from ...core.log.meeting_operations import set_meeting_details
from ...core.log.session import Session
from ...resources import load_roster
from ..panel import ask_text
from ..qt import QDialog, QFileDialog, QTimer
from ..settings import clamp_point_size, data_dir
from ..start_up import reclaim_frozen
from .commands import TextCommands
from .dialogs import NewSessionDialog, ShortcutsDialog
from .import_dialog import ImportDialog, show_summary
from .meeting_dialog import MeetingDialog

SESSION_FILTER = "chairdesk sessions (*.chairdesk);;All files (*)"
DRAFT_FILTER = "Drafts (*.docx *.txt *.md);;All files (*)"


KEYS_IN_PLACE = [
    ("While reading", "Next / previous paragraph or heading", "Down, Up"),
    ("While reading", "A screen down / up (a paragraph taller than the screen: through it first)", "PgDown, PgUp"),
    ("While reading", "The start / the end of the draft", "Home, End"),
    ("While reading", "Amend the selected paragraph in the editor pane", "Enter"),
    ("While editing", "Commit the words as one event", "Ctrl+Enter"),
    ("While editing", "Put back the text as it stands", "Esc"),
    ("While editing", "Credit the edit to a delegation (type a few letters)", "Alt+B, then type"),
    ("Find bar", "Next match / previous match / close", "Enter, Shift+Enter, Esc"),
]



class DeskCommands(TextCommands):
    """Every command of the desk: the text commands, and the session files, find, view and help."""

    last_import_summary: tuple[str, ...] | list[str] = ()  # what the last import made of its file

    # -------------------------------------------------------------- files
    def new_session(self) -> None:
        """Ask for a meeting title and a file, create the session and open it."""
        dialog = NewSessionDialog(self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.title.text().strip():
            return
        start = str(data_dir() / f"{dialog.title.text().strip()}.chairdesk")
        path, _ = QFileDialog.getSaveFileName(self.parent, "New session file", start, SESSION_FILTER)
        if path:
            details = {k: getattr(dialog, k).text() for k in ("body", "venue", "dates")}
            numbering = dialog.numbering.currentData()
            self.create_session(
                path, dialog.title.text().strip(), roster=dialog.roster_choice(), numbering=numbering, **details
            )

    def create_session(
        self, path: str | Path, title: str, roster: str | Path = "empty", numbering: str = "live", **details: str
    ) -> bool:
        """Create a session file for a meeting (body, venue, dates), with a roster (empty, "un", a CSV); open it.
        numbering "keep" keeps the tabled numbers (fixed when the text is tabled) until a technical renumbering.

        A roster CSV that cannot be used is refused before the file is made, so nothing is left on disk."""
        path = Path(path)
        if path.suffix != ".chairdesk":
            path = path.with_name(path.name + ".chairdesk")
        try:
            delegations, source = load_roster(roster)
            session = Session.create(path, title, **details)
            if delegations:
                set_roster(session, delegations, source=source)
            if numbering != "live":
                set_numbering_mode(session, numbering)
            session.close()
        except ChairdeskError as error:
            self.desk.show_error("Cannot create the session", str(error))
            return False
        return self.desk.open_session(path)

    def open_dialog(self) -> None:
        """Choose a session file to open."""
        start = str(self.desk.session.path.parent) if self.desk.session else str(data_dir())
        path, _ = QFileDialog.getOpenFileName(self.parent, "Open a session", start, SESSION_FILTER)
        if path:
            self.desk.open_session(path)

    def open_replay_dialog(self) -> None:
        """Choose a session file to replay (read-only, in its own window)."""
        start = str(self.desk.session.path.parent) if self.desk.session else str(data_dir())
        path, _ = QFileDialog.getOpenFileName(self.parent, "Open a session for replay", start, SESSION_FILTER)
        if path:
            self.open_replay(path)

    def open_replay(self, path: str | Path) -> object | None:
        """Open the replay window on a session (works while a window has it open for writing); returns it."""
        from ..replay.window import ReplayWindow

        try:
            window = ReplayWindow(path)
        except ChairdeskError as error:
            self.desk.show_error("Cannot open the session for replay", str(error))
            return None
        self.__dict__.setdefault("replay_windows", []).append(window)
        window.closed.connect(self._replay_closed)
        window.show()
        return window

    def _replay_closed(self) -> None:
        QTimer.singleShot(0, self._forget_closed_replays)  # (not from within the window's own closeEvent)

    def _forget_closed_replays(self) -> None:
        """A replay window closed goes, with its replay (the checkpoints of a long session: hundreds of MB).
        Its widgets are deleted first: their connections hold its methods, so the window's Python object,
        and all it holds, is freed with them; what its opening froze out of the collector is then collected."""
        for window in [window for window in self.replay_windows if not window.isVisible()]:
            self.replay_windows.remove(window)
            window.destroyed.connect(self._reclaim_soon)
            window.deleteLater()

    @staticmethod
    def _reclaim_soon() -> None:
        QTimer.singleShot(0, reclaim_frozen)

    def import_draft(self) -> None:
        """Make a new session from a DOCX or text draft and open it."""
        source, _ = QFileDialog.getOpenFileName(self.parent, "Import a draft", str(Path.home()), DRAFT_FILTER)
        if not source:
            return
        from ...core.draft.importers import tracked_changes  # DOCX reading (lxml): not on the start path

        try:
            tracked = tracked_changes(Path(source))
        except ChairdeskError as error:
            self.desk.show_error("Cannot import the draft", str(error))
            return
        dialog = ImportDialog(tracked, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        revisions, numbering = dialog.values()
        start = str(data_dir() / (Path(source).stem + ".chairdesk"))
        target, _ = QFileDialog.getSaveFileName(self.parent, "Session file for the draft", start, SESSION_FILTER)
        if target and self.import_draft_from(source, target, revisions=revisions, numbering=numbering):
            show_summary(self.parent, self.last_import_summary)

    def import_draft_from(
        self,
        source: str | Path,
        target: str | Path,
        importer: Callable[[Path, Path], Session] | None = None,
        revisions: str | None = None,
        numbering: str = "live",
    ) -> bool:
        """Create a session at target from the draft at source (with the given importer), then open it;
        the import's summary is kept in last_import_summary."""
        try:
            if importer is not None:
                session = importer(Path(source), Path(target))
                self.last_import_summary = []
            else:
                from ...core.draft.importers import new_session_from, read_draft

                imported = read_draft(Path(source), revisions)
                session = new_session_from(imported, Path(target), numbering=numbering)
                self.last_import_summary = imported.summary_lines()
        except ChairdeskError as error:
            self.desk.show_error("Cannot import the draft", str(error))
            return False
        session.close()
        return self.desk.open_session(session.path)

    def meeting_details(self) -> None:
        """Edit the meeting's details (the report's first page and paper): one recorded meeting.set."""
        if self.desk.session is None:
            return
        dialog = MeetingDialog(self.desk.session.state.meeting, self.parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changes():
            self._run(set_meeting_details, **dialog.changes())

    def save_copy(self) -> None:
        """Write a copy of the session to another file."""
        if self.desk.session is None:
            return
        start = str(self.desk.session.path.with_name(self.desk.session.path.stem + " copy.chairdesk"))
        path, _ = QFileDialog.getSaveFileName(self.parent, "Save a copy as", start, SESSION_FILTER)
        if path:
            self.save_copy_to(path)

    def save_copy_to(self, path: str | Path) -> Path | None:
        """Write a consistent copy of the session to path; the open session stays the one in use."""
        try:
            written = self.desk.session.save_copy(path)
        except (ChairdeskError, OSError) as error:
            self.desk.show_error("Cannot save a copy", str(error))
            return None
        self.desk.statusBar().showMessage(f"A copy of the session is in {written}", 10000)
        return written

    # ------------------------------------------------------------ find, go to
    def find(self) -> None:
        """Show the find bar."""
        self.desk.find_bar.open_bar()

    def find_next(self) -> None:
        """Find the next match of the find bar's words."""
        if self.desk.find_bar.field.text():
            self.find_text(self.desk.find_bar.field.text(), False)
        else:
            self.find()

    def find_text(self, text: str, backwards: bool = False) -> bool:
        """Select the next (or previous) paragraph or heading whose words contain text."""
        if self.desk.draft_model is None or not text.strip():
            return False
        needle = text.casefold()
        draft = self.desk.session.draft
        start = self.desk.draft_view.currentIndex().row()
        matches = [i for i, row in enumerate(self.desk.draft_model.rows.rows) if needle in _row_words(draft, row).casefold()]
        if not matches:
            self.desk.find_bar.status.setText("not found")
            return False
        if backwards:  # the one before the current row, or the last (around the draft)
            at = next((k for k in range(len(matches) - 1, -1, -1) if matches[k] < start), len(matches) - 1)
        else:
            at = next((k for k, i in enumerate(matches) if i > start), 0)
        self.desk.select_row(matches[at])
        self.desk.find_bar.status.setText(f"{at + 1} of {len(matches)}")  # (where the chair is among them)
        return True

    def go_to_dialog(self) -> None:
        """Ask for a paragraph ("12", "7 bis", "PP3") and go there."""
        if self.desk.session is None:
            return
        last = len(self.desk.session.draft.numbering().numbered)
        label, ok = ask_text(self.parent, "Go to paragraph", f"Paragraph (1–{last}, or as shown: 7 bis, PP3):")
        if ok and label.strip():
            self.go_to_paragraph(int(label) if label.strip().isdigit() else label.strip())

    def go_to_paragraph(self, number: int | str) -> bool:
        """Select the paragraph that is now number `number` (or shown as that label: "7 bis", "PP3")."""
        draft = self.desk.session.draft
        try:
            if isinstance(number, int) and draft.numbering_mode == "live":
                para = draft.paragraph_by_number(number)
            else:
                para = draft.paragraph_by_label(str(number))
        except ChairdeskError as error:
            self.desk.statusBar().showMessage(str(error), 5000)
            return False
        row = self.desk.draft_model.row_of("paragraph", para.id)
        if row is not None:
            self.desk.select_row(row)
            self.desk.draft_view.setFocus()
        return row is not None

    # --------------------------------------------------------------- view
    def check_mode(self, mode: str) -> None:
        for name in ("tabled", "last", "clean"):
            self.desk.actions_by_name[f"mode_{name}"].setChecked(name == mode)

    def set_mode(self, mode: str) -> None:
        """Show changes since the tabled draft, since the last baseline, or the clean text."""
        self.desk.settings.view_mode = mode
        self.check_mode(mode)
        if self.desk.draft_model is not None:
            current = self.desk.controller.current_paragraph
            shown = self.desk.draft_model.row_at(self.desk.draft_view.currentIndex().row())
            self.desk.draft_model.set_mode(mode)  # every row is new: the current one is found again
            row = self.desk.draft_model.row_of("paragraph", current) if current else None
            if row is None and shown is not None and shown.kind in ("section", "subheading"):
                row = self.desk.draft_model.row_of(shown.kind, shown.id)
            if row is None and self.desk.controller.current_section is not None:
                row = self.desk.draft_model.row_of("section", self.desk.controller.current_section)
            if row is not None:
                self.desk.select_row(row)

    def show_tabled(self) -> None:
        """Show the changes since the tabled draft."""
        self.set_mode("tabled")

    def show_last(self) -> None:
        """Show the changes since the last baseline."""
        self.set_mode("last")

    def show_clean(self) -> None:
        """Show the clean text."""
        self.set_mode("clean")

    def zoom(self, size: int) -> None:
        """Set the text size and remember it."""
        self.desk.settings.point_size = clamp_point_size(size)
        self.desk.apply_point_size(self.desk.settings.point_size)
        self.desk.settings.save()

    def zoom_in(self) -> None:
        """Larger text."""
        self.zoom(self.desk.settings.point_size + 2)

    def zoom_out(self) -> None:
        """Smaller text."""
        self.zoom(self.desk.settings.point_size - 2)

    def zoom_reset(self) -> None:
        """The usual text size."""
        from ..settings import DEFAULT_POINT_SIZE

        self.zoom(DEFAULT_POINT_SIZE)

    def focus_outline(self) -> None:
        """Put the keyboard in the outline."""
        self.desk.outline_view.setFocus()

    def focus_draft(self) -> None:
        """Put the keyboard in the draft."""
        self.desk.draft_view.setFocus()

    def show_shortcuts(self) -> None:
        """List every action with its shortcut."""
        from ..actions import shortcut_rows

        ShortcutsDialog(shortcut_rows(self.desk.menuBar()) + KEYS_IN_PLACE, self.parent).exec()


def _row_words(draft, row) -> str:  # noqa: ANN001
    if row.kind == "section":
        section = draft.sections.get(row.id)
        return section.title if section else ""
    if row.kind == "subheading":
        heading = draft.subheadings.get(row.id)
        return heading.title if heading else ""
    if row.kind == "paragraph":
        para = draft.paragraphs.get(row.id)
        return para.full_text() if para and not para.struck else ""
    return ""
