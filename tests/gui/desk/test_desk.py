"""The chair's desk driven like a chair would: open the sample, amend, strike, move, undo, redo, accept.

Each step is checked twice: in what the window shows (numbers, text, marks, outline) and in the session file.
"""

from __future__ import annotations

from pathlib import Path

from chairdesk.core.log.session import Session
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QAbstractItemView, Qt
from chairdesk.gui.settings import DeskSettings
from chairdesk.sample import build_sample_session
from tests.gui.desk_support import settle_start, wait_laid_out

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def rows(win: MainWindow) -> list:
    """The rows the draft view shows."""
    return win.draft_model.rows.rows


def row_of(win: MainWindow, number: int):  # noqa: ANN201
    """The row showing paragraph `number` now."""
    for i, row in enumerate(rows(win)):
        if row.kind == "paragraph" and row.number == str(number):
            return i, row
    raise AssertionError(f"no row numbered {number}")


def html(win: MainWindow, index: int) -> str:
    """The rich text drawn for a row (once the start has settled: the credits come after the first paint)."""
    settle_start(win)
    return win.draft_model.rows.html(index)


def key(qtbot, widget, k, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    """Press a key (with its shortcut processing) on a widget."""
    qtbot.keyClick(widget, k, modifiers)


def reopen(path: Path) -> Session:
    """Read the session file back (the window has it locked, so read a copy)."""
    return Session.open(path)


def outline_lines(win: MainWindow) -> list[str]:
    """The section lines of the outline."""
    model = win.outline_model
    return [model.item(r).text() for r in range(model.rowCount())]


def test_open_shows_title_outline_and_numbers(window: MainWindow, sample_path: Path) -> None:
    meeting = window.session.state.meeting.title
    assert meeting in window.windowTitle() and sample_path.name in window.windowTitle()
    lines = outline_lines(window)
    assert len(lines) == 4
    assert lines[0].startswith("○ A. Overview — ¶\u00a01–5")
    assert "2 open brackets" in lines[0]
    numbers = [r.number for r in rows(window) if r.kind == "paragraph"]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert window.save_label.text().startswith("Saved")
    # the first paragraph is current, and the controller knows it
    assert window.controller.current_paragraph == window.session.draft.paragraph_by_number(1).id


def test_a_reading_from_the_keyboard(window: MainWindow, qtbot, sample_path: Path) -> None:  # noqa: ANN001
    session = window.session
    draft = session.draft
    events_at_start = len(session.events)

    # --- amend paragraph 5 in the editor pane, commit with Ctrl+Enter
    window.commands.go_to_paragraph(5)
    pid5 = draft.paragraph_by_number(5).id
    assert window.controller.current_paragraph == pid5
    key(qtbot, window.draft_view, Qt.Key.Key_E, CTRL)
    assert window.editor.text.hasFocus()
    new_text = draft.paragraphs[pid5].text.rstrip(".") + ", and stressed its full respect."
    window.editor.text.setPlainText(new_text)
    assert "not saved" in window.save_label.text()
    key(qtbot, window.editor.text, Qt.Key.Key_Return, CTRL)
    assert draft.paragraphs[pid5].text == new_text
    assert session.events[-1].kind == "draft.paragraph.amend" and session.events[-1].actor == "chair"
    index, row = row_of(window, 5)
    assert "<u>" in html(window, index) and "stressed its full respect" in html(window, index)
    assert window.save_label.text().startswith("Saved")

    # --- strike paragraph 2 with Ctrl+Delete: numbers after it move up, the struck one shows its old number
    window.commands.go_to_paragraph(2)
    pid2 = draft.paragraph_by_number(2).id
    pid3 = draft.paragraph_by_number(3).id
    window.draft_view.setFocus()
    key(qtbot, window.draft_view, Qt.Key.Key_Delete, CTRL)
    assert draft.paragraphs[pid2].struck
    struck = next(r for r in rows(window) if r.id == pid2)
    assert struck.number == "(2)" and struck.status == "struck"
    assert "<s>" in html(window, rows(window).index(struck))
    index, row = row_of(window, 2)
    assert row.id == pid3 and row.tooltip == "Former paragraph 3"
    assert outline_lines(window)[0].startswith("○ A. Overview — ¶\u00a01–4")
    assert session.events[-1].kind == "draft.paragraph.strike"

    # --- move (former) paragraph 6 to the end of section D
    target = draft.order[3]
    moving = draft.paragraph_by_number(6).id
    window.commands.move_paragraph_to(moving, target, 99)
    assert draft.paragraphs[moving].section == target
    last = len(draft.numbering().paragraphs)
    assert draft.number_of(moving) == last
    ghost = next(r for r in rows(window) if r.kind == "ghost" and r.id == moving)
    assert ghost.number == "(7)"  # its number in the tabled draft
    assert "section D" in html(window, rows(window).index(ghost))
    moved = next(r for r in rows(window) if r.kind == "paragraph" and r.id == moving)
    assert moved.status == "moved" and moved.number == str(last)
    assert f"¶\u00a014–{last}" in outline_lines(window)[3]
    assert session.events[-1].kind == "draft.paragraph.move"

    # --- undo (Ctrl+Z) puts it back, recorded as an event of its own; redo (Ctrl+Shift+Z) moves it again
    key(qtbot, window.draft_view, Qt.Key.Key_Z, CTRL)
    assert draft.paragraphs[moving].section != target
    assert not any(r.kind == "ghost" for r in rows(window) if r.id == moving)
    assert session.events[-1].payload.get("undo_of") is not None
    key(qtbot, window.draft_view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert draft.paragraphs[moving].section == target
    assert any(r.kind == "ghost" and r.id == moving for r in rows(window))

    # --- accept YEL's pending proposal on its paragraph with Ctrl+Shift+A
    proposal = next(p for p in draft.pending_proposals() if p.delegation == "YEL")
    number = draft.number_of(proposal.paragraph)
    window.commands.go_to_paragraph(number)
    index, row = row_of(window, number)
    assert "Proposal by" in html(window, index)
    key(qtbot, window.draft_view, Qt.Key.Key_A, CTRL | SHIFT)
    assert draft.paragraphs[proposal.paragraph].text == proposal.text
    assert draft.paragraphs[proposal.paragraph].author == "YEL"
    index, row = row_of(window, number)
    assert "Proposal by" not in html(window, index) and "changed by Team Yellow" in html(window, index)
    assert session.events[-1].kind == "draft.proposal.accept"

    # --- everything is in the file: read it back after closing the window
    kinds = [e.kind for e in session.events[events_at_start:]]
    fingerprint = draft.fingerprint()
    window.close()
    with reopen(sample_path) as again:
        assert [e.kind for e in again.events[events_at_start:]] == kinds
        assert again.draft.fingerprint() == fingerprint
        assert again.draft.paragraphs[pid5].text == new_text
        assert again.draft.paragraphs[pid2].struck


def test_edit_in_place_and_on_behalf_of_a_delegation(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    draft = window.session.draft
    window.commands.go_to_paragraph(1)
    pid = draft.paragraph_by_number(1).id
    codes = [window.editor.actor.itemData(i) for i in range(window.editor.actor.count())]
    assert codes[0] == "chair" and "YEL" in codes  # the roster, or (before it exists) the actors seen
    window.editor.actor.setEditText("yel")
    key(qtbot, window.draft_view, Qt.Key.Key_F2)
    editors = [w for w in window.draft_view.viewport().children() if w.__class__.__name__ == "InPlaceEditor"]
    assert editors, "F2 opens the in-place editor"
    editor = editors[0]
    editor.setPlainText(
        draft.paragraphs[pid].text.replace("substantive session", "second substantive session")
    )
    key(qtbot, editor, Qt.Key.Key_Return, CTRL)
    assert "second substantive session" in draft.paragraphs[pid].text
    assert window.session.events[-1].actor == "YEL"
    assert window.draft_view.state() != QAbstractItemView.State.EditingState
    # Enter on a paragraph puts the cursor in the editor pane, Esc there puts the words back
    window.draft_view.setFocus()
    key(qtbot, window.draft_view, Qt.Key.Key_Return)
    assert window.editor.text.hasFocus() and window.editor.paragraph_id == pid
    window.editor.text.insertPlainText("stray words ")
    assert window.editor.is_dirty()
    key(qtbot, window.editor.text, Qt.Key.Key_Escape)
    assert window.editor.text.toPlainText() == draft.paragraphs[pid].text


def test_commit_lays_out_only_the_edited_row(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    draft = window.session.draft
    window.commands.go_to_paragraph(3)
    delegate = window.draft_view.row_delegate
    # What the desk does after its first paint, from the event loop (slower on a loaded machine), done first:
    # the near rows measured and the credits read, then the rows on screen drawn as they now are.
    settle_start(window)
    wait_laid_out(qtbot, window)

    def drawn_as_they_are() -> bool:
        before = delegate.layouts
        window.draft_view.viewport().repaint()
        return delegate.layouts == before

    qtbot.waitUntil(drawn_as_they_are)
    before = delegate.layouts
    pid = draft.paragraph_by_number(3).id
    window.editor.text.setPlainText(draft.paragraphs[pid].text + " Added words.")
    window.commands.commit_editor()
    window.draft_view.viewport().repaint()
    assert delegate.layouts - before == 1
    # a strike renumbers what follows: only the struck row is laid out again, the others change numbers only
    before = delegate.layouts
    window.commands.strike_current()
    window.draft_view.viewport().repaint()
    assert delegate.layouts - before == 1
    assert row_of(window, 3)[1].tooltip == "Former paragraph 4"


def test_insert_strike_sub_paragraphs_and_brackets(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    draft = window.session.draft
    window.commands.go_to_paragraph(4)
    pid4 = draft.paragraph_by_number(4).id
    count = len(draft.numbering().paragraphs)
    key(qtbot, window.draft_view, Qt.Key.Key_N, CTRL | SHIFT)
    window.editor.text.setPlainText("The working group agreed to meet again in 2027.")
    key(qtbot, window.editor.text, Qt.Key.Key_Return, CTRL)
    assert len(draft.numbering().paragraphs) == count + 1
    new = draft.paragraph_by_number(5)
    assert new.text.startswith("The working group agreed")
    assert window.controller.current_paragraph == new.id
    index, row = row_of(window, 5)
    assert row.status == "inserted" and "New paragraph" in html(window, index)

    # a lettered sub-paragraph, then strike it
    key(qtbot, window.draft_view, Qt.Key.Key_L, CTRL | SHIFT)
    window.editor.text.setPlainText("in Geneva;")
    key(qtbot, window.editor.text, Qt.Key.Key_Return, CTRL)
    assert [s.text for s in new.live_subparagraphs()] == ["in Geneva;"]
    assert "(a)" in html(window, row_of(window, 5)[0])
    assert window.editor.sub_id() == new.subparagraphs[0].id
    window.commands.strike_subparagraph()
    assert new.subparagraphs[0].struck

    # bracket two words of paragraph 4 from the editor pane: the outline counts them
    window.commands.go_to_paragraph(4)
    brackets = draft.open_brackets(draft.paragraphs[pid4].section)
    text = draft.paragraphs[pid4].text
    start = text.index("digital divide")
    cursor = window.editor.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("digital divide"), cursor.MoveMode.KeepAnchor)
    window.editor.text.setTextCursor(cursor)
    key(qtbot, window.editor.text, Qt.Key.Key_B, CTRL)
    assert "[digital divide]" in draft.paragraphs[pid4].text
    assert draft.open_brackets(draft.paragraphs[pid4].section) == brackets + 1
    assert f"{brackets + 1} open brackets" in outline_lines(window)[0]


def test_move_with_alt_arrows_and_the_outline(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    draft = window.session.draft
    window.commands.go_to_paragraph(2)
    pid = draft.paragraph_by_number(2).id
    key(qtbot, window.draft_view, Qt.Key.Key_Down, ALT | SHIFT)
    assert draft.number_of(pid) == 3
    assert window.controller.current_paragraph == pid
    assert row_of(window, 3)[1].id == pid
    # drop paragraph 3 onto section C in the outline: it becomes C's last paragraph
    outline = window.outline_view
    source = window.outline_model.index_of("paragraph", pid)
    target = window.outline_model.index_of("section", draft.order[2])
    outline.drop(source, target, QAbstractItemView.DropIndicatorPosition.OnItem)
    assert draft.paragraphs[pid].section == draft.order[2]
    assert draft.live_paragraphs(draft.order[2])[-1].id == pid


def test_find_go_to_and_view_modes(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    draft = window.session.draft
    key(qtbot, window.draft_view, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "digital divide")
    key(qtbot, window.find_bar.field, Qt.Key.Key_Return)
    current = window.controller.current_paragraph
    assert "digital divide" in draft.paragraphs[current].text
    assert window.find_bar.status.text() == "1 of 1"
    # where the chair is among the matches, forward and back around the draft ("5 found" said neither)
    model, view = window.draft_model, window.draft_view
    view.setCurrentIndex(model.index(0, 0))
    window.commands.find_text("capacity")
    count = int(window.find_bar.status.text().split(" of ")[1])
    assert count >= 3 and window.find_bar.status.text() == f"1 of {count}"
    first = view.currentIndex().row()
    window.commands.find_text("capacity")
    assert window.find_bar.status.text() == f"2 of {count}" and view.currentIndex().row() > first
    window.commands.find_text("capacity", backwards=True)
    assert window.find_bar.status.text() == f"1 of {count}" and view.currentIndex().row() == first
    window.commands.find_text("capacity", backwards=True)  # around the draft: the last
    assert window.find_bar.status.text() == f"{count} of {count}" and view.currentIndex().row() > first
    window.commands.find_text("no such words anywhere")
    assert window.find_bar.status.text() == "not found"
    assert window.commands.go_to_paragraph(10)
    assert window.controller.current_paragraph == draft.paragraph_by_number(10).id
    window.commands.strike_current()
    key(qtbot, window.draft_view, Qt.Key.Key_3, CTRL)  # clean text: no struck rows, no marks
    assert window.draft_model.mode == "clean" and window.settings.view_mode == "clean"
    assert all(r.status == "unchanged" for r in rows(window))
    assert all("<s>" not in html(window, i) for i in range(len(rows(window))))
    key(qtbot, window.draft_view, Qt.Key.Key_1, CTRL)
    assert any(r.status == "struck" for r in rows(window))


def test_bad_and_locked_files_change_nothing(window: MainWindow, tmp_path: Path, sample_path: Path) -> None:
    bad = tmp_path / "notes.chairdesk"
    bad.write_text("this is not a session")
    before = window.session
    assert not window.open_session(bad)
    assert str(bad) in window.last_error
    assert window.session is before and bad.read_text() == "this is not a session"
    other = build_sample_session(tmp_path / "other.chairdesk")
    with Session.open(other):
        assert not window.open_session(other)
        assert "other.chairdesk" in window.last_error
    assert window.session is before
    assert window.open_session(other)
    assert window.session.path == other
    assert str(other.resolve()) == window.settings.recent_files[0]


def test_settings_persist_between_runs(window: MainWindow, qtbot, sample_path: Path) -> None:  # noqa: ANN001
    size = window.settings.point_size
    key(qtbot, window.draft_view, Qt.Key.Key_Equal, CTRL)
    assert window.settings.point_size == size + 2
    window.close()
    settings = DeskSettings.load()
    assert settings.point_size == size + 2
    assert settings.last_session == str(sample_path.resolve())
    assert settings.geometry
    from chairdesk.gui.app import open_window, starting_session

    assert starting_session(None, False, settings) == sample_path.resolve()
    again = open_window(starting_session(None, False, settings), settings, docks=[])
    qtbot.addWidget(again)
    assert again.session.path.resolve() == sample_path.resolve()
    assert again.draft_view.row_delegate.font.pointSize() == size + 2
    again.close()


def test_every_action_has_a_shortcut_and_help_lists_it(window: MainWindow) -> None:
    from chairdesk.gui.actions import SPECS, shortcut_rows

    listed = {text for _menu, text, _keys in shortcut_rows(window.menuBar())}
    for spec in SPECS:
        if spec.name == "-":
            continue
        action = window.actions_by_name[spec.name]
        assert action.shortcuts(), spec.name
        assert action.text().replace("&", "") in listed
    keys = [k for _m, _t, k in shortcut_rows(window.menuBar())]
    assert "Ctrl+Z" in keys and "Ctrl+Shift+Z, Ctrl+Y" in keys


def test_extra_docks_get_a_menu(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    from chairdesk.gui.qt import QAction, QDockWidget, QLabel

    made = []

    class NoteDock(QDockWidget):
        def __init__(self, controller) -> None:  # noqa: ANN001
            super().__init__("Notes")
            self.controller = controller
            self.setWidget(QLabel("notes"))
            self.act = QAction("Take a note", self)
            made.append(self)

        def actions(self) -> list:
            return [self.act]

    win = MainWindow(None, DeskSettings.load(), docks=[NoteDock])
    qtbot.addWidget(win)
    win.open_session(sample_path)
    titles = [a.text() for a in win.menuBar().actions()]
    assert "Notes" in titles and titles.index("Notes") < titles.index("&Help")
    assert made[-1].controller is win.controller
    assert win.dockWidgetArea(made[-1]) == Qt.DockWidgetArea.RightDockWidgetArea
    menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "Notes")
    entries = {a.text(): a.shortcut().toString() for a in menu.actions() if not a.isSeparator()}
    assert entries["Take a note"] == "" and entries["Show the Notes panel"] == "Ctrl+Alt+1"
    win.close()


def test_desk_shortcuts_are_not_taken_by_the_docks(qtbot, sample_path: Path) -> None:  # noqa: ANN001
    """A key bound twice in one window triggers neither action; the desk's keys must stay its own."""
    from chairdesk.gui.app import default_docks
    from chairdesk.gui.qt import QAction

    win = MainWindow(None, DeskSettings.load(), docks=default_docks())
    qtbot.addWidget(win)
    win.open_session(sample_path)
    desk = {id(a) for a in [*win.actions_by_name.values(), win.undo_action, win.redo_action]}
    owners: dict[str, list[QAction]] = {}
    for action in win.findChildren(QAction):
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(), []).append(action)
    clashes = {
        keys: [a.text() for a in actions]
        for keys, actions in owners.items()
        if keys and len({id(a) for a in actions}) > 1 and any(id(a) in desk for a in actions)
    }
    assert clashes == {}
    win.close()


def test_hovering_a_number_shows_the_former_number(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    from chairdesk.gui.qt import QEvent, QHelpEvent, QStyleOptionViewItem, QToolTip

    draft = window.session.draft
    window.commands.go_to_paragraph(2)
    window.commands.strike_current()
    index = window.draft_model.index(row_of(window, 2)[0])
    view = window.draft_view
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    inside_gutter = option.rect.topLeft() + type(option.rect.topLeft())(10, 8)
    event = QHelpEvent(QEvent.Type.ToolTip, inside_gutter, view.viewport().mapToGlobal(inside_gutter))
    assert view.row_delegate.helpEvent(event, view, option, index)
    assert QToolTip.text() == "Former paragraph 3"
    assert draft.paragraph_by_number(2).id == rows(window)[index.row()].id


def test_new_session_save_a_copy_and_recent_files(
    window: MainWindow, tmp_path: Path, sample_path: Path
) -> None:
    window.commands.go_to_paragraph(1)
    pid = window.session.draft.paragraph_by_number(1).id
    window.editor.text.setPlainText("States met in Geneva.")
    window.commands.commit_editor()
    copy = window.commands.save_copy_to(tmp_path / "copy")
    assert copy is not None and copy.name == "copy.chairdesk"
    with Session.open(copy) as saved:
        assert saved.draft.paragraphs[pid].text == "States met in Geneva."
    assert window.commands.create_session(
        tmp_path / "fresh", "Fourth session of the working group", venue="Geneva"
    )
    assert window.session.path.name == "fresh.chairdesk"
    assert "Fourth session of the working group" in window.windowTitle()
    assert window.draft_model.rowCount() == 0 and window.editor.paragraph_id is None
    # an empty session: add a section, then type its first paragraph
    sid = window.commands.add_section_titled("Overview")
    assert window.controller.current_section == sid and window.draft_model.rowCount() == 1
    window.commands.insert_after()
    window.editor.text.setPlainText("The working group met in Geneva.")
    window.commands.commit_editor()
    assert [r.number for r in rows(window)] == ["", "1"]
    assert window.controller.current_paragraph == window.session.draft.paragraph_by_number(1).id
    assert outline_lines(window)[0].startswith("○ A. Overview — ¶\u00a01")
    recent = [a.data() for a in window.menus["recent"].actions()]
    assert recent[:2] == [str((tmp_path / "fresh.chairdesk").resolve()), str(sample_path.resolve())]
    window.menus["recent"].actions()[1].trigger()
    assert window.session.path.resolve() == sample_path.resolve()


def test_export_entries_in_the_file_menu(window: MainWindow) -> None:
    names = [a.objectName() for a in window.menus["export"].actions()]
    assert names == ["export_report", "export_redline", "export_record"]
