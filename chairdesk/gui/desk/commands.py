"""What the desk's actions do: each one asks what it needs, then runs one core operation through the controller.

`TextCommands` acts on a `DeskSurface` (the controller and the views), never on the window class. The methods
taking arguments (move_paragraph_to, record_proposal_for, …) are what the dialogs call and what the tests
drive; every change goes through `controller.run`.
"""

from __future__ import annotations

from ...core.draft import operations as drafting
from ...core.log.change import Change
from ..panel import ask_text
from ..qt import QDialog
from .dialogs import MoveToDialog, ProposalDialog
from .edit_request import EditRequest, known_actors, match_delegation
from .surface import DeskCommandBase


class TextCommands(DeskCommandBase):
    """The desk's commands over the text: the current paragraph and section, proposals, undo."""

    # ------------------------------------------------------------- editing
    def edit_in_place(self) -> None:
        """Edit the current paragraph inside the draft (Ctrl+Enter commits, Esc leaves it)."""
        index = self.desk.draft_view.currentIndex()
        if index.isValid() and self.desk.draft_model.rows.rows[index.row()].kind == "paragraph" and self._live():
            self.desk.draft_view.edit(index)

    def focus_editor(self) -> None:
        """Put the cursor in the editor pane."""
        if self.desk.controller is not None and self.desk.controller.current_paragraph is not None and not self._live():
            return
        self.desk.editor.text.setFocus()

    def commit_editor(self) -> None:
        """Commit the in-place editor, or what the editor pane holds, as one event."""
        if not self.desk.draft_view.row_delegate.commit_active():
            self.desk.editor.commit()

    def commit_in_place(self, paragraph_id: str, text: str) -> None:
        if text != self.desk.session.draft.paragraphs[paragraph_id].text:
            actor, problem = match_delegation(self.desk.session, self.desk.editor.actor.currentText())
            if actor is None:
                self.desk._on_refused(problem)
            if (
                actor is None
                or self.commit_request(EditRequest("amend", paragraph_id, None, text, actor)) is None
            ):
                self.desk.editor.keep_words(paragraph_id, None, text)  # refused: the words are kept, not lost
        self.desk.draft_view.setFocus()

    def commit_request(self, request: EditRequest) -> Change | None:
        """Record what the chair committed as one event; the Change, or None if it was refused."""
        if request.kind == "first":
            change = self._run(
                drafting.insert_paragraph, request.section_id, request.text, index=0, actor=request.actor
            )
            if change is not None:
                self.desk.select_row(self.desk.draft_model.row_of("paragraph", change.subject))
        elif request.kind == "insert":
            section = self.desk.session.draft.paragraphs[request.paragraph_id].section
            change = self._run(
                drafting.insert_paragraph,
                section,
                request.text,
                after=request.paragraph_id,
                actor=request.actor,
            )
            if change is not None:
                row = self.desk.draft_model.row_of("paragraph", change.subject)
                if row is not None:
                    self.desk.select_row(row)
        elif request.kind == "subparagraph":
            change = self._run(
                drafting.add_subparagraph, request.paragraph_id, request.text, actor=request.actor
            )
            if change is not None:
                self.desk.editor.show_paragraph(request.paragraph_id)
                self.desk.editor.part.setCurrentIndex(self.desk.editor.part.count() - 1)
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
        if change is not None:
            self.desk.editor.after_commit()
        return change

    def insert_after(self) -> None:
        """Type a new paragraph to go after the current one (or to open the current section)."""
        if self.desk.controller is not None and self.desk.controller.current_paragraph is None:
            if sid := self._current_section():
                self.desk.editor.begin_first(sid)
        elif self._current():
            self.desk.editor.begin_new("insert")

    def add_section(self) -> None:
        """Ask for a title and add a section after the current one (at the end when there is none)."""
        if self.desk.controller is None:
            return
        title, ok = ask_text(self.parent, "Add a section", "Title of the new section:")
        if ok and title.strip():
            self.add_section_titled(title.strip())

    def add_section_titled(self, title: str) -> str | None:
        """Add a section after the current one; returns its id."""
        order = self.desk.session.draft.order
        current = self.desk.controller.current_section
        index = order.index(current) + 1 if current in order else len(order)
        change = self._run(drafting.add_section, title, index)
        if change is None:
            return None
        row = self.desk.draft_model.row_of("section", change.subject)
        if row is not None:
            self.desk.select_row(row)
        return change.subject

    def add_subparagraph(self) -> None:
        """Type a new lettered sub-paragraph for the current paragraph."""
        if self._live():
            self.desk.editor.begin_new("subparagraph")

    def next_part(self) -> None:
        """Edit the paragraph's next lettered sub-paragraph."""
        self.desk.editor.step_part(1)

    def previous_part(self) -> None:
        """Edit the paragraph's previous lettered sub-paragraph."""
        self.desk.editor.step_part(-1)

    def strike_subparagraph(self) -> None:
        """Strike the lettered sub-paragraph being edited."""
        pid, sub = self._current(), self.desk.editor.sub_id()
        if pid and sub:
            self._edit(drafting.strike_subparagraph, pid, sub)

    def _move_subparagraph(self, delta: int) -> None:
        pid, sub = self._current(), self.desk.editor.sub_id()
        if not (pid and sub):
            return
        live = [s.id for s in self.desk.session.draft.paragraphs[pid].live_subparagraphs()]
        index = live.index(sub) + delta
        if 0 <= index < len(live):
            self._edit(drafting.move_subparagraph, pid, sub, index)

    def subparagraph_up(self) -> None:
        """Move the lettered sub-paragraph being edited up one letter."""
        self._move_subparagraph(-1)

    def subparagraph_down(self) -> None:
        """Move the lettered sub-paragraph being edited down one letter."""
        self._move_subparagraph(1)

    def strike_current(self) -> None:
        """Strike the current paragraph."""
        if pid := self._live():
            self._edit(drafting.strike_paragraph, pid)

    def restore_current(self) -> None:
        """Bring back the current paragraph if it was struck."""
        pid = self._current()
        if pid and self.desk.session.draft.paragraphs[pid].struck:
            self._edit(drafting.restore_paragraph, pid)
        elif pid:
            self.desk.statusBar().showMessage(
                "Not done: this paragraph is not struck; there is nothing to restore.", 8000
            )

    def move_up(self) -> None:
        """Move the current paragraph up one place."""
        if pid := self._current():
            self._edit(drafting.move_paragraph_by, pid, -1)

    def move_down(self) -> None:
        """Move the current paragraph down one place."""
        if pid := self._current():
            self._edit(drafting.move_paragraph_by, pid, 1)

    def move_to_dialog(self) -> None:
        """Ask for a section and a place, then move the current paragraph there."""
        if pid := self._live():
            dialog = MoveToDialog(self.desk.session.draft, pid, self.parent)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.move_paragraph_to(pid, *dialog.target())

    def move_paragraph_to(self, paragraph_id: str, section_id: str, index: int) -> None:
        """Move a paragraph to a section, at index among its paragraphs."""
        self._edit(drafting.move_paragraph, paragraph_id, section_id, index)
        self.desk.controller.set_current(section_id, paragraph_id)
        row = self.desk.draft_model.row_of("paragraph", paragraph_id)
        if row is not None:
            self.desk.select_row(row)

    def move_section_to(self, section_id: str, index: int) -> None:
        """Move a section to another place among the sections."""
        self._edit(drafting.move_section, section_id, index)

    def retitle_section(self) -> None:
        """Ask for a new title for the current section."""
        sid = self._current_section()
        if sid:
            old = self.desk.session.draft.sections[sid].title
            title, ok = ask_text(self.parent, "Retitle the section", "New title:", old)
            if ok and title.strip() and title != old:
                self._edit(drafting.retitle_section, sid, title.strip())

    def add_subheading(self) -> None:
        """Ask for a sub-heading to put before the current paragraph (or at the end of the section)."""
        sid = self._current_section()
        if sid:
            title, ok = ask_text(self.parent, "Add a sub-heading", "Sub-heading (e.g. Recommended next steps):")
            if ok and title.strip():
                self._edit(
                    drafting.add_subheading, sid, title.strip(), before=self.desk.controller.current_paragraph
                )

    def set_document_title(self) -> None:
        """Ask for the document's title (shown above section A; recorded, undoable)."""
        if self.desk.session is None:
            return
        old = self.desk.session.draft.title
        title, ok = ask_text(self.parent, "Document title", "Title of the document:", old)
        if ok:
            self.set_document_title_to(title)

    def set_document_title_to(self, title: str) -> bool:
        """Give the document a new title (one event, undoable); False if it was refused or unchanged."""
        title = " ".join(title.split())
        if self.desk.session is None or not title or title == self.desk.session.draft.title:
            return False
        return self._run(drafting.set_title, title, text="document title") is not None

    def mark_baseline(self) -> None:
        """Mark the text as it stands as a baseline for "changes since the last baseline"."""
        if self.desk.controller is None:
            return
        label, ok = ask_text(self.parent, "Mark a baseline", "Name (e.g. Start of the second reading):")
        if ok and label.strip():
            self._run(drafting.mark_baseline, label.strip())

    # -------------------------------------------------------------- numbering and shape
    def toggle_numbering_mode(self) -> None:
        """Keep the tabled numbers (7 bis) or renumber after each change; the switch is recorded."""
        if self.desk.controller is None:
            return
        mode = "live" if self.desk.session.draft.numbering_mode == "keep" else "keep"
        if self._run(drafting.set_numbering_mode, mode) is not None:
            words = "kept as tabled until the technical renumbering" if mode == "keep" else "renumbered live"
            self.desk.statusBar().showMessage(f"Paragraph numbers are now {words}.", 6000)

    def technical_renumbering(self) -> None:
        """Number the paragraphs 1..N as they stand (keep mode): the one recorded technical renumbering."""
        if self.desk.controller is None:
            return
        if self.desk.session.draft.numbering_mode != "keep":
            self.desk.statusBar().showMessage("Numbers already follow every change (live numbering).", 6000)
            return
        self._run(drafting.renumber)

    def toggle_preambular(self) -> None:
        """Make the paragraph under discussion preambular (unnumbered) or operative (numbered)."""
        pid = self._live()
        if pid:
            para = self.desk.session.draft.paragraphs[pid]
            self._run(drafting.set_paragraph_kind, pid, "numbered" if para.preambular else "preambular")

    def toggle_subparagraph_level(self) -> None:
        """Indent the sub-paragraph being edited to (i), or bring it back to (a)."""
        pid, sub_id = self._current(), self.desk.editor.sub_id()
        if not pid or not sub_id:
            self.desk.statusBar().showMessage("Pick a sub-paragraph in the editor pane first.", 5000)
            return
        level = self.desk.session.draft.paragraphs[pid].subparagraph(sub_id).level
        self._run(drafting.set_subparagraph_level, pid, sub_id, 1 if level == 2 else 2)

    # -------------------------------------------------------------- brackets
    def bracket_selection(self) -> None:
        """Bracket the words selected in the editor pane."""
        pid = self._current()
        start, end = self.desk.editor.selection()
        if not pid or start == end:
            self.desk.statusBar().showMessage("Select the words to bracket in the editor pane (Ctrl+E).", 5000)
            return
        if self.desk.editor.is_dirty() or self.desk.editor.mode != "amend":
            text = self.desk.editor.text.toPlainText()
            self.desk.editor.text.setPlainText(text[:start] + "[" + text[start:end] + "]" + text[end:])
            return
        self._edit(drafting.bracket_text, pid, start, end, sub_id=self.desk.editor.sub_id())

    def unbracket_at_cursor(self) -> None:
        """Remove the brackets around the cursor in the editor pane, keeping the words."""
        pid = self._current()
        if pid and not self.desk.editor.is_dirty():
            position = self.desk.editor.text.textCursor().position()
            self._edit(drafting.unbracket_text, pid, position, sub_id=self.desk.editor.sub_id())

    # ------------------------------------------------------------- proposals
    def record_proposal(self) -> None:
        """Record a delegation's proposed wording for the current paragraph."""
        pid = self._live()
        if not pid:
            return
        draft = self.desk.session.draft
        dialog = ProposalDialog(
            draft.label_of_paragraph(pid), draft.paragraphs[pid].text, known_actors(self.desk.session), self.parent
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            delegation, text = dialog.values()
            self.record_proposal_for(pid, delegation, text)

    def record_proposal_for(self, paragraph_id: str, delegation: str, text: str) -> None:
        """Record a proposal without changing the text."""
        code, problem = match_delegation(self.desk.session, delegation)
        if code in (None, "chair"):
            self.desk._on_refused(problem or "A proposal comes from a delegation: name it.")
            return
        self._run(drafting.propose, paragraph_id, text, code)

    def _pending(self) -> str | None:
        pid = self._current()
        pending = self.desk.session.draft.pending_proposals(pid) if pid else []
        if not pending:
            if pid:
                self.desk.statusBar().showMessage("No pending proposal for this paragraph.", 5000)
            return None
        return pending[0].id

    def accept_proposal(self) -> None:
        """Accept the current paragraph's first pending proposal (its words replace the text)."""
        if qid := self._pending():
            self._run(drafting.accept_proposal, qid)

    def set_aside_proposal(self) -> None:
        """Set the current paragraph's first pending proposal aside."""
        if qid := self._pending():
            self._run(drafting.set_aside_proposal, qid)

    # ------------------------------------------------------------ on behalf of
    def _edit(self, operation, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        """Run a change to the text credited to whom "On behalf of" shows; then it goes back to the Chair."""
        if self.desk.controller is None:
            return None
        actor, problem = self.desk.editor.credited()
        if actor is None:
            self.desk._on_refused(problem)
            return None
        change = self._run(operation, *args, actor=actor, **kwargs)
        if change is not None:
            self.desk.editor.after_commit()
        return change

    def toggle_pin(self) -> None:
        """Pin "On behalf of" to the delegation it shows (or unpin it: back to the Chair after each commit)."""
        pin = self.desk.editor.pin
        pin.toggle()
        who = self.desk.editor.actor.currentText() or "Chair"
        self.desk.statusBar().showMessage(
            f"“On behalf of” pinned to {who}." if pin.isChecked()
            else "“On behalf of” unpinned: it goes back to the Chair after each commit.",
            5000,
        )

    # ---------------------------------------------------------------- undo
    def undo(self) -> None:
        """Undo the last step (recorded as an event of its own)."""
        if self.desk.controller is not None:
            self.desk.controller.undo()

    def redo(self) -> None:
        """Redo the step undone last."""
        if self.desk.controller is not None:
            self.desk.controller.redo()
