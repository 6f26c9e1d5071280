"""Strike, restore, insert, move and the other section-local changes update the desk incrementally (only the
sections they touch): after any run of them the rows, their numbers and tooltips, the comparison and the
outline are exactly what a model built afresh on the same draft shows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chairdesk.core import drafting
from chairdesk.core.draft.compare import compare
from chairdesk.core.log.errors import ChairdeskError
from chairdesk.core.log.session import Session
from chairdesk.gui.desk.draft_model import DraftModel
from chairdesk.gui.desk.outline import OutlineModel
from chairdesk.gui.desk.row_patches import ONLY_NAMED
from chairdesk.sample import build_sample_session
from tests.gui.desk.test_outline_incremental import tree
from tests.hypothesis_support import StepCount, examples

MODES = ("tabled", "last", "clean")
STEPS = (
    "strike",
    "restore",
    "move",
    "insert",
    "subheading",
    "unhead",
    "kind",
    "amend",
    "sub",
    "retitle",
    "undo",
)
COUNT = StepCount()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with a second baseline after a few changes, so "last" differs from "tabled"."""
    path = build_sample_session(tmp_path_factory.mktemp("incremental") / "sample.chairdesk")
    with Session.open(path) as session:
        draft = session.draft
        first = draft.live_paragraphs(draft.order[0])[0].id
        drafting.move_paragraph(session, first, draft.order[1], 1)
        drafting.strike_paragraph(session, draft.live_paragraphs(draft.order[2])[0].id)
        drafting.mark_baseline(session, "Second reading")
    return path


def snapshot(model: DraftModel) -> list[tuple]:
    """What the view draws, row by row: kind, id, section, status, number, tooltip, rich text."""
    rows = model.rows
    return [
        (r.kind, r.id, r.section, r.status, r.number, r.tooltip, rows.html(i))
        for i, r in enumerate(rows.rows)
    ]


def comparison_of(model: DraftModel) -> dict[str, tuple]:
    """Every paragraph the incremental comparison holds: numbers, sections, status, diff."""
    comparison = model.rows.comparison
    assert comparison is not None
    return {
        pid: (c.old_number, c.new_number, c.old_section, c.new_section, c.status, c.diff)
        for pid, c in comparison.paragraphs.items()
    }


def step(session: Session, kind: str, a: int, b: int, done: list) -> None:  # noqa: ANN001
    """One chair action chosen by kind, on the paragraph or section picked by a and b."""
    draft = session.draft
    live = draft.numbering().paragraphs
    struck = sorted(p.id for p in draft.paragraphs.values() if p.struck)
    pid = live[a % len(live)]
    section = draft.order[b % len(draft.order)]
    COUNT.tried += 1
    try:
        if kind == "strike" and len(live) > 3:
            change = drafting.strike_paragraph(session, pid)
        elif kind == "restore" and struck:
            change = drafting.restore_paragraph(session, struck[a % len(struck)])
        elif kind == "move":
            change = drafting.move_paragraph(session, pid, section, b % 7)
        elif kind == "insert":
            change = drafting.insert_paragraph(
                session, draft.paragraphs[pid].section, f"New words {a}.", after=pid
            )
        elif kind == "subheading":
            change = drafting.add_subheading(
                session, draft.paragraphs[pid].section, f"Heading {b}", before=pid
            )
        elif kind == "unhead" and draft.subheadings:
            heads = sorted(h for h, head in draft.subheadings.items() if not head.removed)
            if not heads:
                COUNT.refused += 1
                return
            change = drafting.remove_subheading(session, heads[a % len(heads)])
        elif kind == "kind":
            new_kind = "preambular" if draft.paragraphs[pid].kind == "numbered" else "numbered"
            change = drafting.set_paragraph_kind(session, pid, new_kind)
        elif kind == "sub":  # a lettered point, in square brackets half the time: the outline counts them
            change = drafting.add_subparagraph(session, pid, "[an open point];" if b % 2 else "a point;")
        elif kind == "amend":
            change = drafting.amend_paragraph(session, pid, draft.paragraphs[pid].text + f" [word{b}].")
        elif kind == "retitle":
            change = drafting.retitle_section(session, section, f"Title {a}")
        elif kind == "undo" and done:
            change = session.undo(done.pop())
        else:
            COUNT.refused += 1
            return
        done.append(change)
    except ChairdeskError:
        COUNT.refused += 1


@settings(
    max_examples=examples(8, 40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.sampled_from(STEPS), st.integers(0, 999), st.integers(0, 999)), min_size=1, max_size=14
    )
)
def test_incremental_desk_equals_a_fresh_one(qapp, template: Path, tmp_path: Path, steps: list) -> None:  # noqa: ANN001
    path = tmp_path / f"run{COUNT.tried}.chairdesk"
    shutil.copy(template, path)
    with Session.open(path) as session:
        models = {mode: DraftModel(session, mode) for mode in MODES}
        outline = OutlineModel(session)
        for model in models.values():
            session.subscribe(model.apply_change)
            snapshot(model)  # every row drawn once, so stale rich text would show
        done: list = []
        for kind, a, b in steps:
            touched: list = []
            stop = session.subscribe(touched.append)
            step(session, kind, a, b, done)
            stop()
            for change in touched:  # as the window updates its outline
                if change.structure:
                    named = change.paragraphs if change.kind in ONLY_NAMED else None
                    outline.refresh_changed(change.sections, named)
                    continue
                for pid in change.paragraphs:
                    outline.refresh_paragraph(pid)
                if change.sections:
                    outline.refresh_sections(change.sections)
            for mode, model in models.items():
                fresh = DraftModel(session, mode)
                assert snapshot(model) == snapshot(fresh), (mode, kind)
                assert model.rowCount() == len(model.rows.rows)
                rows = model.rows  # each row is found where it stands, through its sections' places
                assert [rows.index_of(r.kind, r.id) for r in rows.rows] == list(range(len(rows.rows))), mode
                if mode != "clean":
                    assert comparison_of(model) == comparison_of(fresh), (mode, kind)
                    baseline = session.baseline(mode)
                    core = compare(baseline, session.draft)  # the core's comparison, made afresh
                    ours = model.rows.comparison.paragraphs
                    assert set(ours) == set(core.paragraphs)
                    for pid, theirs in core.paragraphs.items():
                        mine = ours[pid]
                        assert (mine.new_number, mine.new_section, mine.status) == (
                            theirs.new_number,
                            theirs.new_section,
                            theirs.status,
                        ), (mode, kind, pid)
            assert tree(outline) == tree(OutlineModel(session)), kind


def test_a_paragraph_moved_away_is_struck_restored_and_moved_again_with_no_walk(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    """Moved once, a paragraph is shown at its tabled place as moved away. Moved again, to a third section,
    struck, restored: its tabled place shows it moved away or struck, at the same place, and no section is
    compared again (the one it was tabled in keeps its other rows; the others lose or gain its row)."""
    path = build_sample_session(tmp_path / "sample.chairdesk")
    with Session.open(path) as session:
        draft = session.draft
        first, second, third = draft.order[:3]
        pid = draft.live_paragraphs(first)[1].id
        model = DraftModel(session, "tabled")
        session.subscribe(model.apply_change)
        drafting.move_paragraph(session, pid, second, 0)
        snapshot(model)
        walked: list[str] = []
        comparison = model.rows.comparison
        walk = comparison.section_walk
        comparison.section_walk = lambda sid: (walked.append(sid), walk(sid))[1]
        place = model.rows._place_in(first, ("ghost", pid))
        others = [row for row in model.rows._sections[first] if row.id != pid]
        for step_, kind in (
            (lambda: drafting.move_paragraph(session, pid, third, 0), "ghost"),
            (lambda: drafting.strike_paragraph(session, pid), "paragraph"),
            (lambda: drafting.restore_paragraph(session, pid), "ghost"),
        ):
            step_()
            rows = model.rows._sections[first]
            assert rows[place].key == (kind, pid)
            assert all(a is b for a, b in zip([r for r in rows if r.id != pid], others, strict=True))
            assert walked == [], kind
            assert snapshot(model) == snapshot(DraftModel(session, "tabled")), kind
        where = model.rows.index_of("ghost", pid)
        assert where is not None and "moved to section C" in model.rows.html(where)
        drafting.move_paragraph(session, pid, first, 0)  # back to its tabled section, first: moved there
        assert walked == []  # (its place among the others is all that changed: no other is marked again)
        rows = model.rows._sections[first]
        assert [r.key for r in rows[1:3]] == [("paragraph", pid), ("paragraph", others[1].id)]
        assert rows[place + 1].key == ("ghost", pid)
        assert snapshot(model) == snapshot(DraftModel(session, "tabled"))


def test_a_new_paragraph_struck_restored_and_moved_needs_no_walk(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    """A paragraph not in the tabled text (or tabled in another section) is taken out of a section or put in
    without comparing the section again; one tabled there has the section compared again."""
    path = build_sample_session(tmp_path / "sample.chairdesk")
    with Session.open(path) as session:
        draft = session.draft
        second, third = draft.order[1:3]
        anchor = draft.live_paragraphs(second)[1].id
        model = DraftModel(session, "tabled")
        session.subscribe(model.apply_change)
        walked: list[str] = []
        comparison = model.rows.comparison
        walk = comparison.section_walk
        comparison.section_walk = lambda sid: (walked.append(sid), walk(sid))[1]
        steps = [
            lambda: drafting.insert_paragraph(session, second, "Words not tabled.", after=anchor).subject,
            lambda: drafting.strike_paragraph(session, new),
            lambda: drafting.restore_paragraph(session, new),
            lambda: drafting.move_paragraph(session, new, third, 0),
            lambda: drafting.move_paragraph(session, new, second, 2),
        ]
        for number, step_ in enumerate(steps):
            change = step_()
            if number == 0:
                new = change
            assert walked == [], number
            assert snapshot(model) == snapshot(DraftModel(session, "tabled")), number
        assert model.rows.index_of("paragraph", new) == model.rows.index_of("paragraph", anchor) + 1
        drafting.strike_paragraph(session, anchor)  # tabled in this section: shown struck at its place there
        assert walked == []  # (no other paragraph of the section is marked moved or put back by it)
        assert snapshot(model) == snapshot(DraftModel(session, "tabled"))


def test_a_change_that_marks_other_moves_again_has_the_section_walked(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    """Tabled A B C D, now C D A B: A and B keep their order (the first of the two longest runs), C and D are
    moved. Struck, A takes B with it: C and D keep theirs and B is moved. Its rows made from the rows before
    would keep C and D moved, so the section is compared again, and shows what a fresh model does."""
    path = build_sample_session(tmp_path / "sample.chairdesk")
    with Session.open(path) as session:
        draft = session.draft
        section = max(draft.order, key=lambda sid: len(draft.live_paragraphs(sid)))
        a, b, c, d = (p.id for p in draft.live_paragraphs(section)[:4])
        drafting.move_paragraph(session, c, section, 0)
        drafting.move_paragraph(session, d, section, 1)
        model = DraftModel(session, "tabled")
        session.subscribe(model.apply_change)
        snapshot(model)
        comparison = model.rows.comparison
        assert [comparison.paragraphs[p].moved for p in (a, b, c, d)] == [False, False, True, True]
        walked: list[str] = []
        walk = comparison.section_walk
        comparison.section_walk = lambda sid: (walked.append(sid), walk(sid))[1]
        drafting.strike_paragraph(session, a)
        assert [comparison.paragraphs[p].moved for p in (b, c, d)] == [True, False, False]
        assert walked == [section]
        assert snapshot(model) == snapshot(DraftModel(session, "tabled"))
