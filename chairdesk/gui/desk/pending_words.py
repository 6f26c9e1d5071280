"""Before a session with words not committed goes: ask the chair, then commit them all or discard them.

The words themselves are kept in words_kept. `ask_about_pending` is the question asked
before a session with such words closes; the window holds it as `ask_pending`, so a test can answer it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..qt import QMessageBox, QWidget
from .edit_request import EditRequest, match_delegation
from .words_kept import in_draft_order, listing, part_name

if TYPE_CHECKING:
    from ...core.log.change import Change
    from .surface import DeskSurface

COMMIT, DISCARD, CANCEL = "commit", "discard", "cancel"


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


def settle_pending(
    window: DeskSurface, going: str, commit: Callable[[EditRequest], Change | None]
) -> bool:
    """Before the open session goes: ask once about the words not committed, and do what the chair says.

    True when the session may go (nothing pending, committed them all, or discarded them); False to stay
    (Cancel, or a commit refused: the refusal is shown and the words not yet recorded are kept).
    """
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
            change = commit(EditRequest("amend", key[0], key[1], words.text, actor))
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
