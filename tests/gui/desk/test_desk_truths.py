"""Smaller truths on screen: the status bar's whole message, the paragraph the chair acted on stays current,
open brackets stand out, and a proposal shows as its changes to the text (the full wording on hover), or whole
when it is another wording."""

from __future__ import annotations

from chairdesk.core import drafting
from chairdesk.gui.desk.draft_model import HTML_ROLE, PROPOSALS_TIP_ROLE
from chairdesk.gui.desk.row_marks import BRACKET_STYLE
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import Qt

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def row_html(win: MainWindow, paragraph_id: str) -> str:
    row = win.draft_model.row_of("paragraph", paragraph_id)
    return win.draft_model.index(row).data(HTML_ROLE)


def test_striking_a_moved_paragraph_keeps_it_current(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    win = window
    win.commands.go_to_paragraph(2)
    pid = win.controller.current_paragraph
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Down, ALT | SHIFT)  # moved: now paragraph 3
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Delete, CTRL)  # struck
    assert win.session.draft.paragraphs[pid].struck
    assert win.controller.current_paragraph == pid  # not the paragraph after it
    shown = win.draft_model.row_at(win.draft_view.currentIndex().row())
    assert shown.id == pid
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Delete, CTRL | SHIFT)  # the next key acts on it: restored
    assert not win.session.draft.paragraphs[pid].struck
    assert win.controller.current_paragraph == pid


def test_open_brackets_are_highlighted(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    win = window
    draft = win.session.draft
    para = next(p for p in draft.paragraphs.values() if "[small and]" in p.text)
    html = row_html(win, para.id)
    assert f'<span style="{BRACKET_STYLE}">[small and]</span>' in html
    win.commands.set_mode("clean")
    assert f'<span style="{BRACKET_STYLE}">[small and]</span>' in row_html(win, para.id)
    # brackets removed: nothing highlighted any more
    win.controller.run(drafting.unbracket_text, para.id, para.text.index("[") + 1)
    assert BRACKET_STYLE not in row_html(win, para.id)


def test_a_proposal_shows_its_changes_and_its_full_wording_on_hover(window: MainWindow) -> None:
    win = window
    draft = win.session.draft
    proposal = next(p for p in draft.proposals.values() if p.delegation == "YEL")
    html = row_html(win, proposal.paragraph)
    box = html[html.index("Proposal by Team Yellow") :]
    assert "<s>" in box and "<u>" in box  # the words it takes out and puts in
    current = draft.paragraphs[proposal.paragraph].text
    shared = current.split()[0]
    assert box.count(shared) <= 2  # not the whole wording twice: the words kept appear as they are
    assert proposal.text not in box  # only its difference, not the whole wording
    row = win.draft_model.row_of("paragraph", proposal.paragraph)
    tip = win.draft_model.index(row).data(PROPOSALS_TIP_ROLE)
    assert "Team Yellow" in tip and proposal.text in tip


def test_a_proposal_of_another_wording_shows_that_wording_whole(window: MainWindow) -> None:
    """An "Alt" proposal (the words of another section of the sample in place of a paragraph) reads as the
    wording proposed, not as the paragraph struck out word by word around the words the two share."""
    win = window
    draft = win.session.draft
    target = draft.live_paragraphs(draft.order[0])[0]
    other = " ".join(p.text for p in draft.live_paragraphs(draft.order[1]))
    win.controller.run(drafting.propose, target.id, other, "YEL")
    html = row_html(win, target.id)
    box = html[html.index("Proposal by Team Yellow") :]
    assert "in place of the text as it stands" in box and "<s>" not in box  # nothing struck out
    words = other.split()
    assert " ".join(words[:6]) in box and " ".join(words[-4:]) in box  # its wording whole, in order
    row = win.draft_model.row_of("paragraph", target.id)
    assert other in win.draft_model.index(row).data(PROPOSALS_TIP_ROLE)


def test_a_refusal_goes_once_the_next_step_succeeds(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    win = window
    win.resize(1280, 800)
    win.commands.go_to_paragraph(3)
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Delete, CTRL | SHIFT)  # restore a paragraph that stands: refused
    refusal = win.statusBar().currentMessage()
    assert refusal.startswith("Not done")
    label = win.status.message_label
    assert label.isVisible() and label.text() == refusal and label.toolTip() == refusal
    assert label.wordWrap()  # the whole message: wrapped, not cut by the labels beside it
    qtbot.keyClick(win.draft_view, Qt.Key.Key_Delete, CTRL)  # strike it: succeeds
    message = win.statusBar().currentMessage()
    assert not message.startswith("Not done")
    assert message == "Paragraph 3 struck — credited to the Chair."  # the number the strike took


def test_a_long_message_is_shown_whole(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    win = window
    win.resize(1280, 800)
    long = "Not done: " + "the words of a long refusal that names the file and the problem " * 3
    win.statusBar().showMessage(long, 5000)
    label = win.status.message_label
    assert label.text() == long
    # laid out tall enough for every wrapped line, once the bar's layout has run (from the event loop)
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()) - 2, timeout=5000)
    assert label.geometry().right() <= win.status.save_label.geometry().left()
