"""The editor pane after a change that moves the current paragraph's row: loaded once, on the part being edited."""

from __future__ import annotations

from chairdesk.core import drafting
from chairdesk.gui.desk.window import MainWindow


def test_the_paragraph_being_edited_moved_keeps_its_part_and_loads_once(window: MainWindow) -> None:
    session, controller = window.session, window.controller
    window.commands.go_to_paragraph(5)
    pid = controller.current_paragraph
    controller.run(drafting.add_subparagraph, pid, "to strengthen the points of contact;")
    sub = session.draft.paragraphs[pid].live_subparagraphs()[-1].id
    window.editor.part.setCurrentIndex(window.editor.part.findData(sub))
    assert window.editor.sub_id() == sub
    row_before = window.draft_view.currentIndex().row()
    loads: list[str | None] = []
    show = window.editor.show_paragraph
    window.editor.show_paragraph = lambda p, keep_part=False: (loads.append(p), show(p, keep_part))[1]
    order = session.draft.order
    target = order[(order.index(session.draft.paragraphs[pid].section) + 1) % len(order)]
    controller.run(drafting.move_paragraph, pid, target, 0)  # the chair moves the paragraph being edited
    assert session.draft.paragraphs[pid].section == target
    assert window.draft_view.currentIndex().row() != row_before  # its row went: the new one is made current
    assert controller.current_paragraph == pid
    assert loads == [pid]  # loaded once, not once as its row is made current and again for the change
    assert window.editor.sub_id() == sub  # still on the lettered sub-paragraph being edited
    assert window.editor.text.toPlainText() == "to strengthen the points of contact;"
    assert session.draft.label_of_paragraph(pid) in window.editor.heading.text()
