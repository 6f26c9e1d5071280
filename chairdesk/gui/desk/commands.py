"""What the desk's actions do: each one asks what it needs, then runs one core operation through the controller.

A mixin of MainWindow. The methods taking arguments (move_current_to, retitle_current_section, …) are what
the dialogs call and what the tests drive; every change goes through `controller.run`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ...core.draft import operations as drafting
from ...core.draft.importers import create_session_from_draft
from ...core.log.change import Change
from ...core.log.errors import ChairdeskError
from ...core.log.session import Session
from ..qt import QDialog, QFileDialog, QInputDialog, QLineEdit
from ..settings import clamp_point_size, data_dir
from .dialogs import MoveToDialog, NewSessionDialog, ProposalDialog, ShortcutsDialog
from .editor_pane import EditRequest, known_actors, match_delegation

if TYPE_CHECKING:
    from .window import MainWindow

SESSION_FILTER = "chairdesk sessions (*.chairdesk);;All files (*)"
DRAFT_FILTER = "Drafts (*.docx *.txt *.md);;All files (*)"


KEYS_IN_PLACE = [
    ("While reading", "Next / previous paragraph or heading", "Down, Up, PgDown, PgUp"),
    ("While reading", "Amend the selected paragraph in the editor pane", "Enter"),
    ("While editing", "Commit the words as one event", "Ctrl+Enter"),
    ("While editing", "Put back the text as it stands", "Esc"),
    ("While editing", "Credit the edit to a delegation (type a few letters)", "Alt+B, then type"),
    ("Find bar", "Next match / previous match / close", "Enter, Shift+Enter, Esc"),
]


class DraftingCommands:
    """The window's commands over the current paragraph and section (mixed into MainWindow)."""

    # ------------------------------------------------------------ helpers
    def _current(self: MainWindow) -> str | None:
        """The paragraph under discussion, if any (and the window has a session)."""
        if self.controller is None or self.controller.current_paragraph is None:
            self.statusBar().showMessage("Select a paragraph first (Alt+2 goes to the draft).", 5000)
            return None
        return self.controller.current_paragraph

    def _live(self: MainWindow) -> str | None:
        """The paragraph under discussion if it stands in the text; a struck one is refused, saying so."""
        pid = self._current()
        if pid is not None and self.session.draft.paragraphs[pid].struck:
            row = self.draft_model.row_of("paragraph", pid)
            number = f" {self.draft_model.rows.rows[row].number}" if row is not None else ""
            self.statusBar().showMessage(
                f"Not done: paragraph{number} is struck; restore it first (Ctrl+Shift+Delete).", 8000
            )
            return None
        return pid

    def _current_section(self: MainWindow) -> str | None:
        if self.controller is None or self.controller.current_section is None:
            self.statusBar().showMessage("Select a section or paragraph first.", 5000)
            return None
        return self.controller.current_section

    def _run(self: MainWindow, operation, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if self.controller is None:
            return None
        return self.controller.run(operation, *args, **kwargs)

    # -------------------------------------------------------------- files
    def new_session(self: MainWindow) -> None:
        """Ask for a meeting title and a file, create the session and open it."""
        dialog = NewSessionDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.title.text().strip():
            return
        start = str(data_dir() / f"{dialog.title.text().strip()}.chairdesk")
        path, _ = QFileDialog.getSaveFileName(self, "New session file", start, SESSION_FILTER)
        if path:
            details = {k: getattr(dialog, k).text() for k in ("body", "venue", "dates")}
            self.create_session(path, dialog.title.text().strip(), **details)

    def create_session(self: MainWindow, path: str | Path, title: str, **details: str) -> bool:
        """Create a session file for a meeting (body, venue, dates) and open it."""
        path = Path(path)
        if path.suffix != ".chairdesk":
            path = path.with_name(path.name + ".chairdesk")
        try:
            Session.create(path, title, **details).close()
        except ChairdeskError as error:
            self.show_error("Cannot create the session", str(error))
            return False
        return self.open_session(path)

    def open_dialog(self: MainWindow) -> None:
        """Choose a session file to open."""
        start = str(self.session.path.parent) if self.session else str(data_dir())
        path, _ = QFileDialog.getOpenFileName(self, "Open a session", start, SESSION_FILTER)
        if path:
            self.open_session(path)

    def import_draft(self: MainWindow) -> None:
        """Make a new session from a DOCX or text draft and open it."""
        source, _ = QFileDialog.getOpenFileName(self, "Import a draft", str(Path.home()), DRAFT_FILTER)
        if not source:
            return
        start = str(data_dir() / (Path(source).stem + ".chairdesk"))
        target, _ = QFileDialog.getSaveFileName(self, "Session file for the draft", start, SESSION_FILTER)
        if target:
            self.import_draft_from(source, target)

    def import_draft_from(
        self: MainWindow,
        source: str | Path,
        target: str | Path,
        importer: Callable[[Path, Path], Session] = create_session_from_draft,
    ) -> bool:
        """Create a session at target from the draft at source (with the given importer), then open it."""
        try:
            session = importer(Path(source), Path(target))
        except ChairdeskError as error:
            self.show_error("Cannot import the draft", str(error))
            return False
        session.close()
        return self.open_session(session.path)

    def save_copy(self: MainWindow) -> None:
        """Write a copy of the session to another file."""
        if self.session is None:
            return
        start = str(self.session.path.with_name(self.session.path.stem + " copy.chairdesk"))
        path, _ = QFileDialog.getSaveFileName(self, "Save a copy as", start, SESSION_FILTER)
        if path:
            self.save_copy_to(path)

    def save_copy_to(self: MainWindow, path: str | Path) -> Path | None:
        """Write a consistent copy of the session to path; the open session stays the one in use."""
        try:
            written = self.session.save_copy(path)
        except (ChairdeskError, OSError) as error:
            self.show_error("Cannot save a copy", str(error))
            return None
        self.statusBar().showMessage(f"A copy of the session is in {written}", 10000)
        return written

    # ------------------------------------------------------------- editing
    def edit_in_place(self: MainWindow) -> None:
        """Edit the current paragraph inside the draft (Ctrl+Enter commits, Esc leaves it)."""
        index = self.draft_view.currentIndex()
        if index.isValid() and self.draft_model.rows.rows[index.row()].kind == "paragraph" and self._live():
            self.draft_view.edit(index)

    def focus_editor(self: MainWindow) -> None:
        """Put the cursor in the editor pane."""
        if self.controller is not None and self.controller.current_paragraph is not None and not self._live():
            return
        self.editor.text.setFocus()

    def commit_editor(self: MainWindow) -> None:
        """Commit the in-place editor, or what the editor pane holds, as one event."""
        if not self.draft_view.row_delegate.commit_active():
            self.editor.commit()

    def _commit_in_place(self: MainWindow, paragraph_id: str, text: str) -> None:
        if text != self.session.draft.paragraphs[paragraph_id].text:
            actor, problem = match_delegation(self.session, self.editor.actor.currentText())
            if actor is None:
                self._on_refused(problem)
            if (
                actor is None
                or self._commit_request(EditRequest("amend", paragraph_id, None, text, actor)) is None
            ):
                self.editor.keep_words(paragraph_id, None, text)  # refused: the words are kept, not lost
        self.draft_view.setFocus()

    def _commit_request(self: MainWindow, request: EditRequest) -> Change | None:
        """Record what the chair committed as one event; the Change, or None if it was refused."""
        if request.kind == "first":
            change = self._run(
                drafting.insert_paragraph, request.section_id, request.text, index=0, actor=request.actor
            )
            if change is not None:
                self.select_row(self.draft_model.row_of("paragraph", change.subject))
        elif request.kind == "insert":
            section = self.session.draft.paragraphs[request.paragraph_id].section
            change = self._run(
                drafting.insert_paragraph,
                section,
                request.text,
                after=request.paragraph_id,
                actor=request.actor,
            )
            if change is not None:
                row = self.draft_model.row_of("paragraph", change.subject)
                if row is not None:
                    self.select_row(row)
        elif request.kind == "subparagraph":
            change = self._run(
                drafting.add_subparagraph, request.paragraph_id, request.text, actor=request.actor
            )
            if change is not None:
                self.editor.show_paragraph(request.paragraph_id)
                self.editor.part.setCurrentIndex(self.editor.part.count() - 1)
        elif request.sub_id:
            change = self._run(
                drafting.amend_subparagraph,
                request.paragraph_id,
                request.sub_id,
                request.text,
                actor=request.actor,
            )
        else:
            change = self._run(
                drafting.amend_paragraph, request.paragraph_id, request.text, actor=request.actor
            )
        return change

    def insert_after(self: MainWindow) -> None:
        """Type a new paragraph to go after the current one (or to open the current section)."""
        if self.controller is not None and self.controller.current_paragraph is None:
            if sid := self._current_section():
                self.editor.begin_first(sid)
        elif self._current():
            self.editor.begin_new("insert")

    def add_section(self: MainWindow) -> None:
        """Ask for a title and add a section after the current one (at the end when there is none)."""
        if self.controller is None:
            return
        title, ok = QInputDialog.getText(self, "Add a section", "Title of the new section:")
        if ok and title.strip():
            self.add_section_titled(title.strip())

    def add_section_titled(self: MainWindow, title: str) -> str | None:
        """Add a section after the current one; returns its id."""
        order = self.session.draft.order
        current = self.controller.current_section
        index = order.index(current) + 1 if current in order else len(order)
        change = self._run(drafting.add_section, title, index)
        if change is None:
            return None
        row = self.draft_model.row_of("section", change.subject)
        if row is not None:
            self.select_row(row)
        return change.subject

    def add_subparagraph(self: MainWindow) -> None:
        """Type a new lettered sub-paragraph for the current paragraph."""
        if self._live():
            self.editor.begin_new("subparagraph")

    def next_part(self: MainWindow) -> None:
        """Edit the paragraph's next lettered sub-paragraph."""
        self.editor.step_part(1)

    def previous_part(self: MainWindow) -> None:
        """Edit the paragraph's previous lettered sub-paragraph."""
        self.editor.step_part(-1)

    def strike_subparagraph(self: MainWindow) -> None:
        """Strike the lettered sub-paragraph being edited."""
        pid, sub = self._current(), self.editor.sub_id()
        if pid and sub:
            self._run(drafting.strike_subparagraph, pid, sub)

    def _move_subparagraph(self: MainWindow, delta: int) -> None:
        pid, sub = self._current(), self.editor.sub_id()
        if not (pid and sub):
            return
        live = [s.id for s in self.session.draft.paragraphs[pid].live_subparagraphs()]
        index = live.index(sub) + delta
        if 0 <= index < len(live):
            self._run(drafting.move_subparagraph, pid, sub, index)

    def subparagraph_up(self: MainWindow) -> None:
        """Move the lettered sub-paragraph being edited up one letter."""
        self._move_subparagraph(-1)

    def subparagraph_down(self: MainWindow) -> None:
        """Move the lettered sub-paragraph being edited down one letter."""
        self._move_subparagraph(1)

    def strike_current(self: MainWindow) -> None:
        """Strike the current paragraph."""
        if pid := self._live():
            self._run(drafting.strike_paragraph, pid)

    def restore_current(self: MainWindow) -> None:
        """Bring back the current paragraph if it was struck."""
        pid = self._current()
        if pid and self.session.draft.paragraphs[pid].struck:
            self._run(drafting.restore_paragraph, pid)
        elif pid:
            self.statusBar().showMessage(
                "Not done: this paragraph is not struck; there is nothing to restore.", 8000
            )

    def move_up(self: MainWindow) -> None:
        """Move the current paragraph up one place."""
        if pid := self._current():
            self._run(drafting.move_paragraph_by, pid, -1)

    def move_down(self: MainWindow) -> None:
        """Move the current paragraph down one place."""
        if pid := self._current():
            self._run(drafting.move_paragraph_by, pid, 1)

    def move_to_dialog(self: MainWindow) -> None:
        """Ask for a section and a place, then move the current paragraph there."""
        if pid := self._live():
            dialog = MoveToDialog(self.session.draft, pid, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.move_paragraph_to(pid, *dialog.target())

    def move_paragraph_to(self: MainWindow, paragraph_id: str, section_id: str, index: int) -> None:
        """Move a paragraph to a section, at index among its paragraphs."""
        self._run(drafting.move_paragraph, paragraph_id, section_id, index)
        self.controller.set_current(section_id, paragraph_id)
        row = self.draft_model.row_of("paragraph", paragraph_id)
        if row is not None:
            self.select_row(row)

    def move_section_to(self: MainWindow, section_id: str, index: int) -> None:
        """Move a section to another place among the sections."""
        self._run(drafting.move_section, section_id, index)

    def retitle_section(self: MainWindow) -> None:
        """Ask for a new title for the current section."""
        sid = self._current_section()
        if sid:
            old = self.session.draft.sections[sid].title
            title, ok = QInputDialog.getText(
                self, "Retitle the section", "New title:", QLineEdit.EchoMode.Normal, old
            )
            if ok and title.strip() and title != old:
                self._run(drafting.retitle_section, sid, title.strip())

    def add_subheading(self: MainWindow) -> None:
        """Ask for a sub-heading to put before the current paragraph (or at the end of the section)."""
        sid = self._current_section()
        if sid:
            title, ok = QInputDialog.getText(
                self, "Add a sub-heading", "Sub-heading (e.g. Recommended next steps):"
            )
            if ok and title.strip():
                self._run(
                    drafting.add_subheading, sid, title.strip(), before=self.controller.current_paragraph
                )

    def set_document_title(self: MainWindow) -> None:
        """Ask for the document's title (shown above section A; recorded, undoable)."""
        if self.session is None:
            return
        old = self.session.draft.title
        title, ok = QInputDialog.getText(
            self, "Document title", "Title of the document:", QLineEdit.EchoMode.Normal, old
        )
        if ok:
            self.set_document_title_to(title)

    def set_document_title_to(self: MainWindow, title: str) -> bool:
        """Give the document a new title (one event, undoable); False if it was refused or unchanged."""
        title = " ".join(title.split())
        if self.session is None or not title or title == self.session.draft.title:
            return False
        return self._run(drafting.set_title, title, text="document title") is not None

    def mark_baseline(self: MainWindow) -> None:
        """Mark the text as it stands as a baseline for "changes since the last baseline"."""
        if self.controller is None:
            return
        label, ok = QInputDialog.getText(self, "Mark a baseline", "Name (e.g. Start of the second reading):")
        if ok and label.strip():
            self._run(drafting.mark_baseline, label.strip())

    # -------------------------------------------------------------- brackets
    def bracket_selection(self: MainWindow) -> None:
        """Bracket the words selected in the editor pane."""
        pid = self._current()
        start, end = self.editor.selection()
        if not pid or start == end:
            self.statusBar().showMessage("Select the words to bracket in the editor pane (Ctrl+E).", 5000)
            return
        if self.editor.is_dirty() or self.editor.mode != "amend":
            text = self.editor.text.toPlainText()
            self.editor.text.setPlainText(text[:start] + "[" + text[start:end] + "]" + text[end:])
            return
        self._run(drafting.bracket_text, pid, start, end, sub_id=self.editor.sub_id())

    def unbracket_at_cursor(self: MainWindow) -> None:
        """Remove the brackets around the cursor in the editor pane, keeping the words."""
        pid = self._current()
        if pid and not self.editor.is_dirty():
            position = self.editor.text.textCursor().position()
            self._run(drafting.unbracket_text, pid, position, sub_id=self.editor.sub_id())

    # ------------------------------------------------------------- proposals
    def record_proposal(self: MainWindow) -> None:
        """Record a delegation's proposed wording for the current paragraph."""
        pid = self._live()
        if not pid:
            return
        draft = self.session.draft
        dialog = ProposalDialog(
            draft.number_of(pid), draft.paragraphs[pid].text, known_actors(self.session), self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            delegation, text = dialog.values()
            self.record_proposal_for(pid, delegation, text)

    def record_proposal_for(self: MainWindow, paragraph_id: str, delegation: str, text: str) -> None:
        """Record a proposal without changing the text."""
        code, problem = match_delegation(self.session, delegation)
        if code in (None, "chair"):
            self._on_refused(problem or "A proposal comes from a delegation: name it.")
            return
        self._run(drafting.propose, paragraph_id, text, code)

    def _pending(self: MainWindow) -> str | None:
        pid = self._current()
        pending = self.session.draft.pending_proposals(pid) if pid else []
        if not pending:
            if pid:
                self.statusBar().showMessage("No pending proposal for this paragraph.", 5000)
            return None
        return pending[0].id

    def accept_proposal(self: MainWindow) -> None:
        """Accept the current paragraph's first pending proposal (its words replace the text)."""
        if qid := self._pending():
            self._run(drafting.accept_proposal, qid)

    def set_aside_proposal(self: MainWindow) -> None:
        """Set the current paragraph's first pending proposal aside."""
        if qid := self._pending():
            self._run(drafting.set_aside_proposal, qid)

    # ---------------------------------------------------------------- undo
    def undo(self: MainWindow) -> None:
        """Undo the last step (recorded as an event of its own)."""
        if self.controller is not None:
            self.controller.undo()

    def redo(self: MainWindow) -> None:
        """Redo the step undone last."""
        if self.controller is not None:
            self.controller.redo()

    # ------------------------------------------------------------ find, go to
    def find(self: MainWindow) -> None:
        """Show the find bar."""
        self.find_bar.open_bar()

    def find_next(self: MainWindow) -> None:
        """Find the next match of the find bar's words."""
        if self.find_bar.field.text():
            self.find_text(self.find_bar.field.text(), False)
        else:
            self.find()

    def find_text(self: MainWindow, text: str, backwards: bool = False) -> bool:
        """Select the next (or previous) paragraph or heading whose words contain text."""
        if self.draft_model is None or not text.strip():
            return False
        needle = text.casefold()
        draft = self.session.draft
        rows = self.draft_model.rows.rows
        start = self.draft_view.currentIndex().row()
        step = -1 if backwards else 1
        count = sum(1 for r in rows if needle in _row_words(draft, r).casefold())
        for k in range(1, len(rows) + 1):
            i = (start + step * k) % len(rows)
            if needle in _row_words(draft, rows[i]).casefold():
                self.select_row(i)
                self.find_bar.status.setText(f"{count} found")
                return True
        self.find_bar.status.setText("not found")
        return False

    def go_to_dialog(self: MainWindow) -> None:
        """Ask for a paragraph number and go there."""
        if self.session is None:
            return
        last = len(self.session.draft.numbering().paragraphs)
        number, ok = QInputDialog.getInt(
            self, "Go to paragraph", f"Paragraph (1–{last}):", 1, 1, max(1, last)
        )
        if ok:
            self.go_to_paragraph(number)

    def go_to_paragraph(self: MainWindow, number: int) -> bool:
        """Select the paragraph that is now number `number`."""
        try:
            para = self.session.draft.paragraph_by_number(number)
        except ChairdeskError as error:
            self.statusBar().showMessage(str(error), 5000)
            return False
        row = self.draft_model.row_of("paragraph", para.id)
        if row is not None:
            self.select_row(row)
            self.draft_view.setFocus()
        return row is not None

    # --------------------------------------------------------------- view
    def _check_mode(self: MainWindow, mode: str) -> None:
        for name in ("tabled", "last", "clean"):
            self.actions_by_name[f"mode_{name}"].setChecked(name == mode)

    def set_mode(self: MainWindow, mode: str) -> None:
        """Show changes since the tabled draft, since the last baseline, or the clean text."""
        self.settings.view_mode = mode
        self._check_mode(mode)
        if self.draft_model is not None:
            current = self.controller.current_paragraph
            shown = self.draft_model.row_at(self.draft_view.currentIndex().row())
            self.draft_model.set_mode(mode)  # every row is new: the current one is found again
            row = self.draft_model.row_of("paragraph", current) if current else None
            if row is None and shown is not None and shown.kind in ("section", "subheading"):
                row = self.draft_model.row_of(shown.kind, shown.id)
            if row is None and self.controller.current_section is not None:
                row = self.draft_model.row_of("section", self.controller.current_section)
            if row is not None:
                self.select_row(row)

    def show_tabled(self: MainWindow) -> None:
        """Show the changes since the tabled draft."""
        self.set_mode("tabled")

    def show_last(self: MainWindow) -> None:
        """Show the changes since the last baseline."""
        self.set_mode("last")

    def show_clean(self: MainWindow) -> None:
        """Show the clean text."""
        self.set_mode("clean")

    def zoom(self: MainWindow, size: int) -> None:
        """Set the text size and remember it."""
        self.settings.point_size = clamp_point_size(size)
        self.apply_point_size(self.settings.point_size)
        self.settings.save()

    def zoom_in(self: MainWindow) -> None:
        """Larger text."""
        self.zoom(self.settings.point_size + 2)

    def zoom_out(self: MainWindow) -> None:
        """Smaller text."""
        self.zoom(self.settings.point_size - 2)

    def zoom_reset(self: MainWindow) -> None:
        """The usual text size."""
        from ..settings import DEFAULT_POINT_SIZE

        self.zoom(DEFAULT_POINT_SIZE)

    def focus_outline(self: MainWindow) -> None:
        """Put the keyboard in the outline."""
        self.outline_view.setFocus()

    def focus_draft(self: MainWindow) -> None:
        """Put the keyboard in the draft."""
        self.draft_view.setFocus()

    def show_shortcuts(self: MainWindow) -> None:
        """List every action with its shortcut."""
        from ..actions import shortcut_rows

        ShortcutsDialog(shortcut_rows(self.menuBar()) + KEYS_IN_PLACE, self).exec()


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
