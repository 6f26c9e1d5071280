"""After a strike, restore or move, the outline updated in place shows what a rebuilt outline shows."""

from __future__ import annotations

from chairdesk.core import drafting
from chairdesk.gui.desk.outline import ID_ROLE, KIND_ROLE, OutlineModel
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import Qt


def tree(model: OutlineModel) -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    """Every section line (id, text, tooltip) with its paragraph lines (id, text), each section unfolded."""
    out = []
    for row in range(model.rowCount()):
        item = model.fill(row)
        children = [(item.child(k).data(ID_ROLE), item.child(k).text()) for k in range(item.rowCount())]
        out.append((item.data(ID_ROLE), item.text(), item.toolTip(), children))
    return out


def test_the_outline_after_structural_changes_is_the_rebuilt_outline(window: MainWindow) -> None:
    controller, draft = window.controller, window.session.draft
    assert controller is not None
    model = window.outline_model
    first, second = draft.order[0], draft.order[1]
    pid = draft.live_paragraphs(first)[0].id
    later = draft.live_paragraphs(second)[-1].id
    before = tree(OutlineModel(window.session))
    steps = [
        (drafting.strike_paragraph, (pid,)),
        (drafting.restore_paragraph, (pid,)),
        (drafting.move_paragraph, (pid, second, 0)),
        (drafting.amend_paragraph, (later, "Member States agreed to meet again.")),
        (drafting.strike_paragraph, (later,)),
        (drafting.move_paragraph, (pid, first, 0)),
        (drafting.insert_paragraph, (second, "A new paragraph on confidence-building measures.")),
    ]
    for operation, args in steps[:3]:  # the sections' lines not made items yet: only kept by the model
        assert controller.run(operation, *args) is not None
    assert tree(model) == tree(OutlineModel(window.session))  # made items now: as a rebuilt outline's
    for operation, args in steps[3:]:  # and updated in place as items
        assert controller.run(operation, *args) is not None
        assert tree(model) == tree(OutlineModel(window.session)), operation.__name__
    assert tree(model) != before  # the later paragraph is struck and a paragraph was added
    numbers = [text.split()[0] for _, _, _, children in tree(model) for _, text in children]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_the_first_change_after_opening_looks_again_only_at_the_section_it_touched(
    window: MainWindow,
    monkeypatch,  # noqa: ANN001
) -> None:
    """The outline built at opening fills what a change reads (each paragraph's line and brackets), so the
    first strike does not make every paragraph's line again (on 10,000 paragraphs, 30 ms of that strike)."""
    from chairdesk.gui.desk import outline

    controller, draft = window.controller, window.session.draft
    assert controller is not None
    made: list[str] = []
    first_words = outline._first_words
    monkeypatch.setattr(outline, "_first_words", lambda text: made.append(text) or first_words(text))
    counted: list[str] = []
    open_brackets = type(draft.paragraphs[next(iter(draft.paragraphs))]).open_brackets
    monkeypatch.setattr(
        type(draft.paragraphs[next(iter(draft.paragraphs))]),
        "open_brackets",
        lambda para: counted.append(para.id) or open_brackets(para),
    )
    pid = draft.live_paragraphs(draft.order[1])[0].id
    assert controller.run(drafting.strike_paragraph, pid) is not None
    assert made == [] and counted == []  # the other paragraphs' lines and brackets were known already
    assert tree(window.outline_model) == tree(OutlineModel(window.session))


def test_lines_of_several_paragraphs_named_at_once_are_all_updated(window: MainWindow) -> None:
    """A change naming many paragraphs (an adoption lapsing their proposals) updates each named line, in one
    pass over each section's lines."""
    session = window.session
    model = OutlineModel(session)  # told of nothing: only what refresh_paragraphs does below
    draft = session.draft
    first, second = draft.live_paragraphs(draft.order[0])[1].id, draft.live_paragraphs(draft.order[1])[0].id
    for pid, words in ((first, "Alpha words for the first."), (second, "Beta words for the second.")):
        drafting.amend_paragraph(session, pid, words)
    model.refresh_paragraphs([first, second, "no-such-paragraph"])
    assert tree(model) == tree(OutlineModel(session))
    lines = {child_id: text for _, _, _, children in tree(model) for child_id, text in children}
    assert "Alpha words for the first." in lines[first] and "Beta words for the second." in lines[second]


def test_a_paragraph_line_is_dragged_never_edited_or_dropped_on(window: MainWindow) -> None:
    model = window.outline_model
    section = model.index(0, 0)
    assert model.rowCount(section) == 0 and model.hasChildren(section)  # made when first unfolded
    window.outline_view.setExpanded(section, True)
    line = model.index(0, 0, section)
    pid = window.session.draft.live_paragraphs(window.session.draft.order[0])[0].id
    assert (line.data(ID_ROLE), line.data(KIND_ROLE)) == (pid, "paragraph")
    assert (section.data(KIND_ROLE), section.data(ID_ROLE)) == ("section", window.session.draft.order[0])
    flags = model.flags(line)
    assert flags & Qt.ItemFlag.ItemIsSelectable and flags & Qt.ItemFlag.ItemIsEnabled
    assert flags & Qt.ItemFlag.ItemIsDragEnabled  # a paragraph is moved by dragging its line
    assert not flags & Qt.ItemFlag.ItemIsEditable and not flags & Qt.ItemFlag.ItemIsDropEnabled
    assert line.data().startswith("1  ")  # its number as the draft numbers it, then its first words


def test_a_bracketed_point_added_is_counted_and_the_paragraph_line_is_not_drawn_again(
    window: MainWindow,
) -> None:
    """A lettered point leaves the paragraph's own words as they were: its section's line counts the point's
    open bracket, and the paragraph's line (the same first words) is kept, not drawn again."""
    controller, draft = window.controller, window.session.draft
    assert controller is not None
    model = window.outline_model
    sid = draft.order[0]
    section = model.fill(0)
    pid = draft.live_paragraphs(sid)[0].id
    child = next(section.child(k) for k in range(section.rowCount()) if section.child(k).data(ID_ROLE) == pid)
    line = model.sections[0].paragraphs[0]
    before = draft.open_brackets(sid)
    redrawn: list[tuple[bool, int]] = []  # (a paragraph's line, its row)
    model.dataChanged.connect(
        lambda top, _bottom, _roles=(): redrawn.append((top.parent().isValid(), top.row()))
    )
    assert controller.run(drafting.add_subparagraph, pid, "[an open point];") is not None
    assert draft.open_brackets(sid) == before + 1
    assert f"{before + 1} open bracket" in model.item(0).text()
    assert model.sections[0].paragraphs[0] is line  # the same line: its item is not told to draw again
    assert (False, 0) in redrawn and (
        True,
        child.row(),
    ) not in redrawn  # the section's line, not the paragraph's
    assert tree(model) == tree(OutlineModel(window.session))


def test_a_paragraph_taken_out_or_put_in_is_counted_from_the_lines_before(window: MainWindow) -> None:
    """A strike, restore or move changes a section's lines and open brackets by the paragraph's alone: they
    are not counted again over the whole section, and are what a rebuilt outline counts."""
    controller, draft = window.controller, window.session.draft
    assert controller is not None
    model = window.outline_model
    first, second = draft.order[0], draft.order[1]
    pid = draft.live_paragraphs(first)[1].id
    controller.run(drafting.amend_paragraph, pid, draft.paragraphs[pid].text + " [and its bracketed words]")
    counted: list[int] = []
    count = model._brackets_and_lines
    model._brackets_and_lines = lambda live: (counted.append(len(live)), count(live))[1]
    for operation, args in (
        (drafting.strike_paragraph, (pid,)),
        (drafting.restore_paragraph, (pid,)),
        (drafting.move_paragraph, (pid, second, 1)),
        (drafting.move_paragraph, (pid, first, 1)),
    ):
        assert controller.run(operation, *args) is not None
        assert counted == [], operation.__name__
        assert tree(model) == tree(OutlineModel(window.session)), operation.__name__
    brackets = [state.open_brackets for state in model.sections]
    assert brackets[0] == OutlineModel(window.session).sections[0].open_brackets >= 1


def test_words_changed_are_counted_from_the_section_line_before(window: MainWindow, monkeypatch) -> None:  # noqa: ANN001
    """An amendment, a lettered point or an accepted proposal changes its section's open brackets by the
    paragraph's own difference: the section's paragraphs are not gone through again (1,250 at 10,000
    paragraphs), and the outline is the rebuilt one after each."""
    controller, draft = window.controller, window.session.draft
    assert controller is not None
    model = window.outline_model
    went_through: list[object] = []
    count = model._brackets_and_lines
    monkeypatch.setattr(model, "_brackets_and_lines", lambda live: went_through.append(live) or count(live))
    sid = draft.order[1]
    first, second = (p.id for p in draft.live_paragraphs(sid)[:2])
    delegation = next(iter(window.session.state.roster.names()))
    steps = [
        (drafting.amend_paragraph, (first, draft.paragraphs[first].text + " [with a bracket] and [another]")),
        (drafting.amend_paragraph, (second, "[A whole paragraph in brackets.]")),
        (drafting.amend_paragraph, (first, draft.paragraphs[first].text)),  # back to as it was
        (drafting.add_subparagraph, (second, "a lettered point [in brackets]")),
        (drafting.propose, (first, "A proposal [with brackets] of its own.", delegation)),
    ]
    for operation, args in steps:
        before = next(s.open_brackets for s in model.sections if s.id == sid)
        assert controller.run(operation, *args) is not None, window.last_error
        assert not went_through, operation.__name__
        assert tree(model) == tree(OutlineModel(window.session)), operation.__name__
        after = next(s.open_brackets for s in model.sections if s.id == sid)
        assert after == sum(p.open_brackets() for p in draft.live_paragraphs(sid)), operation.__name__
        assert operation is not drafting.amend_paragraph or after != before
    pending = next(p.id for p in draft.proposals.values() if p.paragraph == first and p.status == "pending")
    assert controller.run(drafting.accept_proposal, pending) is not None, window.last_error
    assert tree(model) == tree(OutlineModel(window.session))
    assert next(s.open_brackets for s in model.sections if s.id == sid) == draft.open_brackets(sid)
