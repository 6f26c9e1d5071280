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
