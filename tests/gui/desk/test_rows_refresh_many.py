"""An adoption that lapses proposals on several paragraphs leaves the rows a fresh comparison would show."""

from __future__ import annotations

from chairdesk.core import drafting
from chairdesk.core.adoption import operations as adoption
from chairdesk.gui.desk.draft_rows import DraftRows
from chairdesk.gui.desk.window import MainWindow


def test_lapsed_proposals_leave_every_row_as_a_fresh_comparison_shows_it(window: MainWindow) -> None:
    controller, session = window.controller, window.session
    assert controller is not None
    draft = session.draft
    sid = controller.run(drafting.add_section, "Follow-up").subject  # no brackets: it can be adopted
    for k in range(3):
        controller.run(drafting.insert_paragraph, sid, f"Member States will report on measure {k}.")
    pids = [p.id for p in draft.live_paragraphs(sid)]
    delegation = next(iter(session.state.roster.names()))
    for k, pid in enumerate(pids):
        assert controller.run(drafting.propose, pid, f"Proposed wording number {k}.", delegation) is not None
    rows = window.draft_model.rows
    assert all(rows.html(i) for i in range(len(rows.rows)))  # every row drawn once, with its proposals
    controller.run(adoption.take_up, sid)
    assert controller.run(adoption.adopt_section, sid, lapse_proposals=True) is not None, window.last_error
    fresh = DraftRows(draft, rows.baseline, session.state.roster.names())
    assert [(r.key, r.number) for r in rows.rows] == [(r.key, r.number) for r in fresh.rows]
    shown = [rows.html(i) for i in range(len(rows.rows))]
    assert shown == [fresh.html(i) for i in range(len(fresh.rows))]
    assert not any("Proposed wording number" in html for html in shown)


def test_an_adoption_keeps_the_word_diffs_and_goes_through_no_outline_section(window: MainWindow, monkeypatch) -> None:  # noqa: ANN001
    """Taking up and adopting a section changes no paragraph's words: the rows keep the word diffs worked out
    already, and the outline reads the section's state without counting its paragraphs' brackets again (a
    section of 1,250 paragraphs at 10,000), and shows it adopted."""
    from chairdesk.gui.desk.outline import OutlineModel

    controller, session = window.controller, window.session
    assert controller is not None
    draft = session.draft
    sid = controller.run(drafting.add_section, "Follow-up").subject
    for k in range(3):
        controller.run(drafting.insert_paragraph, sid, f"Member States will report on measure {k}.")
    pids = [p.id for p in draft.live_paragraphs(sid)]
    delegation = next(iter(session.state.roster.names()))
    for k, pid in enumerate(pids):
        controller.run(drafting.propose, pid, f"Proposed wording number {k}.", delegation)
    rows = window.draft_model.rows
    assert all(rows.html(i) for i in range(len(rows.rows)))
    comps = [rows.comparison.paragraphs[pid] for pid in pids]
    diffs = [comp.diff for comp in comps]
    counted: list[object] = []
    count = OutlineModel._brackets_and_lines
    monkeypatch.setattr(OutlineModel, "_brackets_and_lines", lambda self, live: counted.append(live) or count(self, live))
    controller.run(adoption.take_up, sid)
    assert controller.run(adoption.adopt_section, sid, lapse_proposals=True) is not None, window.last_error
    assert all(comp.diff is diff for comp, diff in zip(comps, diffs, strict=True))
    assert not counted
    line = next(s for s in window.outline_model.sections if s.id == sid)
    assert line.status == session.state.adoption.section_status(sid) and "adopted" in line.status
    fresh = DraftRows(draft, rows.baseline, session.state.roster.names())
    assert [rows.html(i) for i in range(len(rows.rows))] == [fresh.html(i) for i in range(len(fresh.rows))]
