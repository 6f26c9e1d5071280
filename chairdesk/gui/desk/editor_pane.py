"""The editor pane under the draft: the current paragraph (or one of its lettered sub-paragraphs) to amend.

Nothing typed here is in the session until the chair commits it (Ctrl+Enter): then it becomes one event,
attributed to the chair or to the delegation picked in "On behalf of" (type-ahead over the roster).
"""

from __future__ import annotations

from ...core.draft.model import CHAIR
from ...core.log.session import Session
from ..qt import (
    QBoxLayout,
    QComboBox,
    QCompleter,
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .edit_request import CHAIR_LABEL, EditRequest, known_actors, match_delegation
from .pane_heading import PaneHeading
from .words_kept import PartKey, Pending, PendingWords

REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")  # the window's Redo keys
PARAGRAPH_TEXT = "Paragraph text"  # the part of a paragraph that is its own text (not a lettered sub-paragraph)
NO_PARAGRAPH = "Select a paragraph to amend it."
TYPE_IT = " — type it, then Ctrl+Enter (Esc cancels)"


def _combo(event: QKeyEvent) -> str:
    return QKeySequence(event.keyCombination()).toString()


class ActorPicker(QComboBox):
    """Chair or a delegation, with type-ahead; free text is taken as a delegation's name or code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(16)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._codes: dict[str, str] = {}

    def set_actors(self, actors: list[tuple[str, str]]) -> None:
        """Offer the chair and these delegations."""
        current = self.actor()
        self.clear()
        self._codes = {CHAIR_LABEL.lower(): CHAIR}
        self.addItem(CHAIR_LABEL, CHAIR)
        for code, name in actors:
            self.addItem(name if name == code else f"{name} ({code})", code)
            self._codes[name.lower()] = code
            self._codes[code.lower()] = code
            self._codes[f"{name} ({code})".lower()] = code
        self.set_actor(current)

    def actor(self) -> str:
        """The code of the actor picked or typed ("chair" when empty)."""
        text = self.currentText().strip()
        if not text:
            return CHAIR
        return self._codes.get(text.lower(), text)

    def set_actor(self, code: str) -> None:
        """Pick an actor by code."""
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(CHAIR_LABEL if code == CHAIR else code)


class CommitText(QPlainTextEdit):
    """Words being typed for a paragraph: Ctrl+Enter asks to commit them, Escape to put them back (the editor
    pane's text and the draft's in-place editor)."""

    commit_requested = Signal()
    revert_requested = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.revert_requested.emit()
            return
        super().keyPressEvent(event)


class EditorText(CommitText):
    """The text being amended; Ctrl+Enter commits, Escape puts back the text as it stands."""

    def event(self, event: QEvent) -> bool:
        """Ctrl+Z / Ctrl+Shift+Z with no typing of its own to take back: let the session's undo and redo act."""
        if event.type() == QEvent.Type.ShortcutOverride:
            doc = self.document()
            undo = event.matches(QKeySequence.StandardKey.Undo) and not doc.isUndoAvailable()
            redo = not doc.isRedoAvailable() and (
                event.matches(QKeySequence.StandardKey.Redo) or _combo(event) in REDO_KEYS
            )
            if undo or redo:
                event.ignore()
                return False
        return super().event(event)


class EditorPane(QWidget):
    """Amend the current paragraph or sub-paragraph; commit it as one event."""

    commit_requested = Signal(object)  # EditRequest
    dirty_changed = Signal(bool)
    refused = Signal(str)  # why the words were not committed (e.g. no such delegation)
    pending_changed = Signal()  # words were kept for a part left, restored, committed or discarded
    notice = Signal(str)  # e.g. the paragraph changed since the words kept for it were typed

    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorPane")
        self.session = session
        self.paragraph_id: str | None = None
        self.mode = "amend"  # amend | insert | subparagraph | first (the last three: typing new words)
        self.section_id: str | None = None  # for "first": the section the paragraph opens
        self.pending = PendingWords()  # words typed for parts the chair has left, not committed
        self._loaded: PartKey | None = None  # the part whose words are in the text box (mode "amend")
        self._base = ""  # the text that part had when its words were loaded
        self.heading = PaneHeading()  # one line, elided, whole in its tooltip
        self.heading.setObjectName("editorHeading")
        self.heading.set_heading("", NO_PARAGRAPH)
        self.part = QComboBox()
        # as wide as its longest item whenever it is first shown (the desk shown from the start page showed it
        # empty: "Paragrap"), and never resized by the paragraphs loaded into it (no layout at each row)
        self.part.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.part.setMinimumContentsLength(len(PARAGRAPH_TEXT))
        self.part.setToolTip(
            "The paragraph's own text or one of its lettered sub-paragraphs (Ctrl+PgDown / Ctrl+PgUp)"
        )
        self.text = EditorText()
        self.text.setObjectName("editorText")
        self.text.setTabChangesFocus(True)
        self.actor = ActorPicker()
        self.actor.setObjectName("actorPicker")
        self.actor.setToolTip(
            "Whom the next change to the text is credited to; back to the Chair after each commit unless pinned"
        )
        self.pin = QToolButton()
        self.pin.setObjectName("actorPin")
        self.pin.setCheckable(True)
        self.pin.setText("Pin")
        self.pin.setToolTip("Keep this delegation in \"On behalf of\" after each commit (Ctrl+Shift+P)")
        self.pin.toggled.connect(self._show_pin)
        self.commit_button = QPushButton("Commit  (Ctrl+Enter)")
        self.revert_button = QPushButton("Revert  (Esc)")
        self.part_label = QLabel("Part:")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.part_label)
        top.addWidget(self.part)
        # the row as high with the Part box hidden as with it shown: the text box does not jump
        self.heading.setMinimumHeight(self.part.sizeHint().height())
        credit = QHBoxLayout()
        label = QLabel("On &behalf of:")
        label.setBuddy(self.actor)
        credit.addWidget(label)
        credit.addWidget(self.actor, 1)
        credit.addWidget(self.pin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.commit_button)
        # One row when the pane is wide enough, the buttons under "On behalf of" when it is not (a 1024-wide
        # screen with the side panels): the pane never asks for the width of the single row.
        self.bottom = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.bottom.addLayout(credit, 1)
        self.bottom.addLayout(buttons)
        # Where room runs out (1024×768, zoomed in), the pane keeps the least it needs and the splitter takes
        # the rest from the draft above: the heading keeps one line and elides (pane_heading.py), the text box
        # three lines (window_layout.EDITOR_LINES), the buttons go under "On behalf of". Nothing here asks for
        # a height that depends on the width (a word-wrapped heading did, which the splitter ignores: it gave
        # the pane too little, and the layout drew "On behalf of" and the buttons over the text box), so the
        # pane's minimum height is the one its layout needs, and the splitter never makes it lower.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addLayout(self.bottom)
        margins = layout.contentsMargins().left() + layout.contentsMargins().right()
        self._one_row = credit.sizeHint().width() + buttons.sizeHint().width() + self.bottom.spacing() + margins
        rows = (top, credit, buttons)
        self.setMinimumWidth(max(row.minimumSize().width() for row in rows) + margins)
        self.part.currentIndexChanged.connect(lambda _i: self._load_text())
        self.text.textChanged.connect(lambda: self.dirty_changed.emit(self.is_dirty()))
        self.text.commit_requested.connect(self.commit)
        self.text.revert_requested.connect(self.revert)
        self.commit_button.clicked.connect(self.commit)
        self.revert_button.clicked.connect(self.revert)
        if session is not None:
            self.refresh_actors()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        wide = event.size().width() >= self._one_row
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.bottom.direction() != direction:
            self.bottom.setDirection(direction)

    def _show_pin(self, pinned: bool) -> None:
        self.pin.setText("📌 Pinned" if pinned else "Pin")
        self.actor.setStyleSheet("QComboBox { background: #fde7b0; }" if pinned else "")

    def credited(self) -> tuple[str | None, str]:
        """Whom a change to the text is credited to now (the picker's actor), or None and why not."""
        return match_delegation(self.session, self.actor.currentText())

    def after_commit(self) -> None:
        """A change to the text was recorded: "On behalf of" goes back to the Chair unless it is pinned."""
        if not self.pin.isChecked():
            self.actor.set_actor(CHAIR)

    def refresh_actors(self) -> None:
        """Offer the roster (or the actors seen so far) in "On behalf of"."""
        self.actor.set_actors(known_actors(self.session))

    # ---------------------------------------------------------- what is shown
    def show_paragraph(self, paragraph_id: str | None, keep_part: bool = False) -> None:
        """Load a paragraph (its text and its lettered sub-paragraphs) into the pane."""
        self.stash()
        draft = self.session.draft if self.session is not None else None
        para = draft.paragraphs.get(paragraph_id) if paragraph_id and draft is not None else None
        old_part = self.part.currentData() if keep_part else None
        self.mode = "amend"
        self.paragraph_id = para.id if para is not None and not para.struck else None
        if self.paragraph_id is None:
            self._loaded = None
            self._set_parts([])
            self._show_parts(False)
            self.heading.set_heading("", NO_PARAGRAPH)
            self.text.setPlainText("")
            self.text.setEnabled(False)
            return
        self.text.setEnabled(True)
        self._show_parts(True)
        self.refresh_heading()
        labels = para.sub_labels()
        self._set_parts(
            [(PARAGRAPH_TEXT, None)] + [(f"({labels[sub.id]})", sub.id) for sub in para.live_subparagraphs()]
        )
        self.part.blockSignals(True)
        index = self.part.findData(old_part) if old_part else 0
        self.part.setCurrentIndex(max(0, index))
        self.part.blockSignals(False)
        self._load_text()

    def refresh_heading(self) -> None:
        """Name again what the pane edits, as the draft now has it (a section retitled or moved, a paragraph
        renumbered), without touching the words in the text box."""
        heading = self._heading()
        if heading is not None:
            self.heading.set_heading(*heading)

    def _heading(self) -> tuple[str, str] | None:
        """The heading for what the pane edits: its bold lead and the rest; None when it names nothing in the
        draft (no paragraph, or one struck or gone with its section)."""
        draft = self.session.draft if self.session is not None else None
        if draft is None:
            return None
        if self.mode == "first":
            if self.section_id not in draft.order:
                return None
            return f"New paragraph at the start of section {draft.label_of(self.section_id)}", TYPE_IT
        para = draft.paragraphs.get(self.paragraph_id) if self.paragraph_id else None
        if para is None or para.struck:
            return None
        if self.mode != "amend":
            what = "New paragraph after" if self.mode == "insert" else "New lettered sub-paragraph of"
            return f"{what} {draft.label_of_paragraph(para.id)}", TYPE_IT
        name = draft.paragraph_name(para.id)
        title = draft.sections[para.section].title
        return f"{name[0].upper()}{name[1:]}", f" — section {draft.label_of(para.section)}, {title}"

    def _set_parts(self, parts: list[tuple[str, str | None]]) -> None:
        """List these parts (label, sub-paragraph id) in the Part box, unless it lists them already (the
        current paragraph shown again after a change elsewhere: the box is not made again and laid out)."""
        listed = [(self.part.itemText(i), self.part.itemData(i)) for i in range(self.part.count())]
        if listed == parts:
            return
        self.part.blockSignals(True)
        self.part.clear()
        for text, sub_id in parts:
            self.part.addItem(text, sub_id)
        self.part.blockSignals(False)

    def _show_parts(self, shown: bool) -> None:
        """Show the Part box only while a paragraph's parts can be picked: typing new words, or with no
        paragraph, it would name a part that is not being edited, and its room goes to the heading (at 1024×768
        "New lettered sub-paragraph of 9" showed as "New lettered su…")."""
        self.part_label.setVisible(shown)
        self.part.setVisible(shown)

    def begin_new(self, mode: str) -> None:
        """Type a new paragraph after the current one ("insert") or a new sub-paragraph ("subparagraph")."""
        if self.paragraph_id is None:
            return
        self.stash()
        self._loaded = None
        self.mode = mode
        self._show_parts(False)
        self.refresh_heading()
        self.text.setPlainText("")
        self.text.setFocus()

    def begin_first(self, section_id: str) -> None:
        """Type the first paragraph of a section (one with no paragraph to insert after)."""
        self.show_paragraph(None)
        self.mode, self.section_id = "first", section_id
        self.text.setEnabled(True)
        self.refresh_heading()
        self.text.setFocus()

    def sub_id(self) -> str | None:
        """The lettered sub-paragraph being edited, or None for the paragraph's own text."""
        return self.part.currentData()

    def stored_text(self) -> str:
        """The text of the part as it stands in the session."""
        if self.paragraph_id is None or self.mode != "amend":
            return ""
        para = self.session.draft.paragraphs[self.paragraph_id]
        sub = self.sub_id()
        return para.subparagraph(sub).text if sub else para.text

    def is_dirty(self) -> bool:
        """True while the pane holds words not yet committed."""
        if self.mode == "first":
            return bool(self.text.toPlainText().strip())
        return self.paragraph_id is not None and self.text.toPlainText() != self.stored_text()

    def _load_text(self) -> None:
        """Show the current part: the words kept for it if any (saying so if its text changed since), else its text."""
        if self.mode != "amend":
            self.show_paragraph(self.paragraph_id)
            return
        self.stash()
        key: PartKey = (self.paragraph_id, self.sub_id())
        stored = self.stored_text()
        kept = self.pending.take(key)
        self._loaded = key
        if kept is not None and kept.text != stored:
            self._show_text(kept.text)
            self._base = kept.base
            self.actor.set_actor(kept.actor)
            if kept.base != stored:
                self.notice.emit(
                    "The text of this paragraph changed since you typed your words; they are kept here: "
                    "Ctrl+Enter commits them, Esc puts back the text as it stands."
                )
            else:
                self.notice.emit("Your words not committed for this paragraph are back (Ctrl+Enter commits).")
        else:
            self._show_text(stored)
            self._base = stored
        self.dirty_changed.emit(self.is_dirty())
        if kept is not None:
            self.pending_changed.emit()

    def _show_text(self, text: str) -> None:
        """Put these words in the text box, unless it holds them already: the part shown again after a change
        elsewhere keeps its cursor, selection and scroll (and is not laid out again). Either way the box has
        no typing of its own to take back, so that Ctrl+Z after a commit takes the commit back."""
        if self.text.toPlainText() != text:
            self.text.setPlainText(text)
        else:
            self.text.document().clearUndoRedoStacks()

    # ------------------------------------------------------ words not committed
    def _stored(self, key: PartKey) -> str | None:
        """The text a part has in the session, or None if it is gone."""
        para = self.session.draft.paragraphs.get(key[0]) if self.session is not None else None
        if para is None:
            return None
        if key[1] is None:
            return para.text
        try:
            return para.subparagraph(key[1]).text
        except (KeyError, LookupError):
            return None

    def stash(self) -> bool:
        """Keep the words in the pane for the part they were typed for (before the pane shows another)."""
        key, self._loaded = self._loaded, None
        if key is None or self.mode != "amend":
            return False
        words = self.text.toPlainText()
        if words in (self._base, self._stored(key)):  # nothing typed, or the words are the text
            return False
        self.pending.keep(key, Pending(words, self._base, self.actor.currentText()))
        self.pending_changed.emit()
        return True

    def keep_words(self, paragraph_id: str, sub_id: str | None, words: str) -> None:
        """Keep words typed elsewhere (the in-place editor) for a part; the pane shows them if it shows that part."""
        key: PartKey = (paragraph_id, sub_id)
        stored = self._stored(key)
        showing = self._loaded == key and self.mode == "amend"
        if stored is None or words == stored:
            self.pending.drop(key)
        else:
            self.pending.keep(key, Pending(words, stored, self.actor.currentText()))
        if showing:
            self._loaded = None  # the in-place words win over the pane's copy
            self._load_text()
        self.pending_changed.emit()

    def words_for(self, paragraph_id: str, sub_id: str | None = None) -> str | None:
        """The words not committed for a part (in the pane or kept), or None."""
        key: PartKey = (paragraph_id, sub_id)
        if self._loaded == key and self.is_dirty():
            return self.text.toPlainText()
        kept = self.pending.entries.get(key)
        return kept.text if kept is not None else None

    def pending_parts(self) -> dict[PartKey, Pending]:
        """Every part with words not committed: those kept, and the one in the pane if it has any."""
        parts = dict(self.pending.entries)
        words = self.text.toPlainText()
        if self._loaded is not None and self.mode == "amend" and words != self._base and self.is_dirty():
            parts[self._loaded] = Pending(words, self._base, self.actor.currentText())
        return parts

    def kept_paragraphs(self) -> set[str]:
        """The paragraphs with words kept while the chair reads elsewhere (not the one in the pane)."""
        return self.pending.paragraphs()

    def discard(self, paragraph_id: str, sub_id: str | None = None) -> None:
        """Forget the words not committed for a part (the pane puts back its text if it shows it)."""
        key: PartKey = (paragraph_id, sub_id)
        self.pending.drop(key)
        if self._loaded == key:
            self._loaded = None
            self._load_text()
        self.pending_changed.emit()

    def forget_pending(self) -> None:
        """Forget every word not committed (the session is going; the chair said so)."""
        self.pending.clear()
        self._loaded = None
        self.pending_changed.emit()

    def revert(self) -> None:
        """Esc: put back the text as it stands, forgetting the words typed for this part."""
        if self.mode != "amend" or self._loaded is None:
            self.show_paragraph(self.paragraph_id)
            return
        self.discard(*self._loaded)

    def step_part(self, delta: int) -> None:
        """Edit the next (+1) or previous (-1) part: paragraph text, (a), (b), …"""
        if self.part.count():
            self.part.setCurrentIndex((self.part.currentIndex() + delta) % self.part.count())

    def commit(self) -> None:
        """Ask for the words in the pane to be recorded as one event."""
        if not self.is_dirty() or (self.mode != "first" and self.paragraph_id is None):
            return
        actor, problem = match_delegation(self.session, self.actor.currentText())
        if actor is None:
            self.refused.emit(problem)
            self.actor.setFocus()
            return
        self.actor.set_actor(actor)
        if self.mode == "first":
            text = self.text.toPlainText()
            self.commit_requested.emit(EditRequest("first", "", None, text, actor, self.section_id))
            return
        sub = self.sub_id() if self.mode == "amend" else None
        request = EditRequest(self.mode, self.paragraph_id, sub, self.text.toPlainText(), actor)
        self.commit_requested.emit(request)

    def selection(self) -> tuple[int, int]:
        """The selected characters of the text (start, end)."""
        cursor = self.text.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()
