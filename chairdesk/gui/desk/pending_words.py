"""Words typed for a paragraph and not yet committed, kept in memory while the chair reads elsewhere.

Nothing here is written to the session file: the words become an event only when the chair commits them
(Ctrl+Enter, or "Commit them all" when the session closes). `ask_about_pending` is the question asked
before a session with such words closes; the window holds it as `ask_pending`, so a test can answer it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...core.draft.model import Draft, subparagraph_label
from ..qt import QMessageBox, QWidget

if TYPE_CHECKING:
    from .window import MainWindow

PartKey = tuple[str, "str | None"]  # (paragraph id, lettered sub-paragraph id or None for its own text)
COMMIT, DISCARD, CANCEL = "commit", "discard", "cancel"
TAG_HTML = (
    '<p style="margin:0"><span style="background-color:#fde7b0; color:#7a4b00">'
    "&nbsp;✎ not committed&nbsp;</span></p>"
)


@dataclass
class Pending:
    """Words typed for one part of a paragraph: the words, the text they were typed against, "On behalf of"."""

    text: str
    base: str
    actor: str


class PendingWords:
    """The words not committed, per paragraph and part, in memory only."""

    def __init__(self) -> None:
        self.entries: dict[PartKey, Pending] = {}

    def keep(self, key: PartKey, pending: Pending) -> None:
        """Keep these words for this part (replacing any kept before)."""
        self.entries[key] = pending

    def take(self, key: PartKey) -> Pending | None:
        """The words kept for this part, no longer kept here (they go back into the pane)."""
        return self.entries.pop(key, None)

    def drop(self, key: PartKey) -> None:
        """Forget the words kept for this part."""
        self.entries.pop(key, None)

    def clear(self) -> None:
        """Forget every word kept."""
        self.entries.clear()

    def paragraphs(self) -> set[str]:
        """The paragraphs with words kept."""
        return {pid for pid, _sub in self.entries}

    def __len__(self) -> int:
        return len(self.entries)


def part_name(draft: Draft, key: PartKey) -> str:
    """ "paragraph 12" or "paragraph 14 (b)" as the draft now numbers it."""
    pid, sub = key
    para = draft.paragraphs.get(pid)
    if para is None:
        return "a paragraph no longer in the draft"
    number = draft.number_of(pid)
    name = f"paragraph {number}" if number is not None else "a struck paragraph"
    if sub is not None:
        live = [s.id for s in para.live_subparagraphs()]
        if sub in live:
            name += f" ({subparagraph_label(live.index(sub))})"
        else:
            name += " (a struck sub-paragraph)"
    return name


def in_draft_order(draft: Draft, keys: list[PartKey]) -> list[PartKey]:
    """The parts in the order they stand in the draft (struck ones last)."""

    def place(key: PartKey) -> tuple[int, int]:
        pid, sub = key
        number = draft.number_of(pid) if pid in draft.paragraphs else None
        para = draft.paragraphs.get(pid)
        subs = [s.id for s in para.live_subparagraphs()] if para is not None else []
        return (number if number is not None else 10**9, subs.index(sub) + 1 if sub in subs else 0)

    return sorted(keys, key=place)


def listing(draft: Draft, keys: list[PartKey]) -> str:
    """ "Paragraph 12, paragraph 14 (b)": the parts with words not committed, in draft order."""
    text = ", ".join(part_name(draft, key) for key in in_draft_order(draft, keys))
    return text[:1].upper() + text[1:]


def count_text(paragraphs: int) -> str:
    """What the status bar says about the paragraphs with words not committed ("" for none)."""
    if not paragraphs:
        return ""
    if paragraphs == 1:
        return "✎ 1 paragraph has words not committed"
    return f"✎ {paragraphs} paragraphs have words not committed"


def ask_about_pending(parent: QWidget, parts: str, going: str) -> str:
    """Ask once what to do with the words not committed: COMMIT, DISCARD or CANCEL (the default, and Esc)."""
    box = QMessageBox(parent)
    box.setObjectName("pendingWordsBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Words not committed")
    box.setText(f"Words typed here are not committed yet, so they are not in the record:\n\n{parts}")
    box.setInformativeText(
        f"Commit them before {going}? Each becomes one event, as Ctrl+Enter would record it."
    )
    commit = box.addButton("&Commit them all", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("&Discard them", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is commit:
        return COMMIT
    if clicked is discard:
        return DISCARD
    return CANCEL


def settle_pending(window: MainWindow, going: str) -> bool:
    """Before the open session goes: ask once about the words not committed, and do what the chair says.

    True when the session may go (nothing pending, committed them all, or discarded them); False to stay
    (Cancel, or a commit refused: the refusal is shown and the words not yet recorded are kept).
    """
    from .editor_pane import EditRequest, match_delegation  # the pane keeps its words here: import late

    session = window.session
    if session is None:
        return True
    editor = window.editor
    delegate = window.draft_view.row_delegate
    active = delegate.active_editor
    if active is not None and active.isVisible():  # the in-place editor's words count too
        editor.keep_words(active.paragraph_id, None, active.toPlainText())
    parts = editor.pending_parts()
    if not parts:
        return True
    answer = window.ask_pending(window, listing(session.draft, list(parts)), going)
    if answer == DISCARD:
        editor.forget_pending()
        return True
    if answer != COMMIT:
        window.statusBar().showMessage("Nothing closed: your words not committed are still here.", 8000)
        return False
    for key in in_draft_order(session.draft, list(parts)):
        words = parts[key]
        name = part_name(session.draft, key)
        actor, problem = match_delegation(session, words.actor)
        change = None
        if actor is not None:
            change = window._commit_request(EditRequest("amend", key[0], key[1], words.text, actor))
            problem = window.last_error
        if change is None:
            window.show_error(
                "Words not committed",
                f"The words for {name} were not committed: {problem} Nothing was closed; "
                "the words not yet committed are kept.",
            )
            return False
        editor.pending.drop(key)
        editor.pending_changed.emit()
    return True
