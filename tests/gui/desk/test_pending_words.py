"""Words typed and not committed survive moving away, and closing the session asks what to do with them."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core.log.session import Session
from chairdesk.gui.desk.draft_model import HTML_ROLE
from chairdesk.gui.desk.pending_words import CANCEL, COMMIT, DISCARD, ask_about_pending
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QApplication, QMessageBox, Qt, QTimer

CTRL = Qt.KeyboardModifier.ControlModifier


def type_for(win: MainWindow, number: int, words: str) -> str:
    """Go to a paragraph and type words for it in the pane (not committed)."""
    win.commands.go_to_paragraph(number)
    win.editor.text.setPlainText(words)
    return win.session.draft.paragraph_by_number(number).id


def test_words_are_kept_restored_and_committed(window: MainWindow, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    session = window.session
    events = len(session.events)
    pid = type_for(window, 3, "Typed words for three.")
    window.commands.go_to_paragraph(5)
    assert len(session.events) == events and session.draft.paragraphs[pid].text != "Typed words for three."
    row = window.draft_model.row_of("paragraph", pid)
    assert "not committed" in window.draft_model.index(row).data(HTML_ROLE)
    assert window.pending_label.text() == "✎ 1 paragraph has words not committed"
    window.draft_view.grab().save(str(tmp_path / "pending.png"))
    window.commands.go_to_paragraph(3)
    assert window.editor.text.toPlainText() == "Typed words for three."
    qtbot.keyClick(window.editor.text, Qt.Key.Key_Return, CTRL)
    assert session.draft.paragraphs[pid].text == "Typed words for three."
    assert session.events[-1].kind == "draft.paragraph.amend"
    assert "not committed" not in window.draft_model.index(row).data(HTML_ROLE)
    path = session.path
    window.close_session()  # nothing pending: no question
    assert window.session is None
    with Session.open(path) as again:
        assert again.draft.paragraphs[pid].text == "Typed words for three."


def test_esc_discards_the_kept_words(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    pid = type_for(window, 3, "Words to throw away.")
    window.commands.go_to_paragraph(5)
    window.commands.go_to_paragraph(3)
    qtbot.keyClick(window.editor.text, Qt.Key.Key_Escape)
    assert window.editor.text.toPlainText() == window.session.draft.paragraphs[pid].text
    window.commands.go_to_paragraph(5)
    assert not window.editor.pending_parts() and not window.pending_label.isVisible()


def test_close_asks_cancel_discard_commit(window: MainWindow) -> None:
    session = window.session
    asked: list[str] = []
    answers = [CANCEL, DISCARD]
    window.ask_pending = lambda _w, parts, _going: (asked.append(parts), answers.pop(0))[1]
    pid3 = type_for(window, 3, "Kept three.")
    pid4 = type_for(window, 4, "Kept four.")
    events = len(session.events)
    window.close_session()
    assert asked == ["Paragraph 3, paragraph 4"] and window.session is session
    assert window.editor.text.toPlainText() == "Kept four."
    window.close_session()
    assert window.session is None
    with Session.open(session.path) as again:
        assert len(again.events) == events
    assert window.open_session(session.path)
    session = window.session
    answers[:] = [COMMIT]
    pid3 = type_for(window, 3, "Kept three.")
    pid4 = type_for(window, 4, "Kept four.")
    window.close_session()
    assert window.session is None
    with Session.open(session.path) as again:
        assert again.draft.paragraphs[pid3].text == "Kept three."
        assert again.draft.paragraphs[pid4].text == "Kept four."
        assert [e.kind for e in again.events[-2:]] == ["draft.paragraph.amend"] * 2


def _answer_the_box(qtbot, key: Qt.Key, seen: list[str]) -> None:  # noqa: ANN001
    """Once the real question box is up, note its default button and press a key in it."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)


def test_the_real_closing_question_defaults_to_cancel(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """The box a chair sees (not a stand-in): Enter takes its default, Cancel; then Alt+D discards."""
    assert window.ask_pending is ask_about_pending
    session = window.session
    pid = type_for(window, 3, "Words the chair typed.")
    window.commands.go_to_paragraph(5)
    seen: list[str] = []
    _answer_the_box(qtbot, Qt.Key.Key_Return, seen)
    window.close_session()
    assert seen == ["Cancel"]
    assert window.session is session  # Cancel: the session stays open, the words are still kept
    assert window.editor.pending_parts()
    events = len(session.events)
    _answer_the_box(qtbot, Qt.Key.Key_Escape, seen)
    window.close_session()
    assert window.session is session and len(seen) == 2  # Esc is Cancel too
    discard: list[str] = []

    def click_discard() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click_discard)
            return
        button = next(b for b in box.buttons() if "Discard" in b.text())
        discard.append(button.text())
        button.click()

    QTimer.singleShot(0, click_discard)
    path = session.path
    window.close_session()
    assert discard and window.session is None
    with Session.open(path) as again:
        assert len(again.events) == events and again.draft.paragraphs[pid].text != "Words the chair typed."
