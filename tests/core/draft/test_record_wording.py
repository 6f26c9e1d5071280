"""The record says what a text change changed, not only the new wording."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core import drafting
from chairdesk.core.draft.record import changes
from chairdesk.core.floor.operations import set_roster
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.session import Session

from ..conftest import FakeClock


def _described(session: Session) -> str:
    event = session.events[-1]
    return session.state_at(event.seq - 1).describe(event)


def test_a_text_change_says_what_changed(tmp_path: Path, clock: FakeClock) -> None:
    with Session.create(tmp_path / "r.chairdesk", "Working group", clock=clock) as session:
        set_roster(session, [Delegation("YEL", "Team Yellow"), Delegation("BLU", "Team Blue")])
        a = drafting.add_section(session, "Overview").subject
        p1 = drafting.insert_paragraph(session, a, "States met in Geneva.").subject
        p2 = drafting.insert_paragraph(
            session, a, "States are encouraged to:", subparagraphs=["share views;", "report as they see fit."]
        ).subject
        drafting.mark_baseline(session, "Tabled draft")
        sub = session.draft.paragraph(p2).subparagraphs[1].id
        drafting.amend_subparagraph(session, p2, sub, "report as delegations see fit.", "YEL")
        assert _described(session) == "Team Yellow replaced 'they' with 'delegations' in paragraph 2 (b)."
        drafting.amend_paragraph(session, p1, "States met in Geneva, as delegations requested.")
        assert _described(session) == "The Chair inserted ', as delegations requested' in paragraph 1."
        drafting.amend_paragraph(session, p1, "States met, as delegations requested.")
        assert _described(session) == "The Chair deleted 'in Geneva' in paragraph 1."
        drafting.amend_paragraph(session, p1, "States met, as [delegations] requested.")
        assert _described(session) == "The Chair bracketed 'delegations' in paragraph 1."
        drafting.unbracket_text(session, p1, session.draft.paragraph(p1).text.index("["))
        assert (
            _described(session)
            == "The Chair removed the square brackets around 'delegations' in paragraph 1."
        )
        q = drafting.propose(session, p1, "States met, as all delegations requested.", "BLU").subject
        drafting.accept_proposal(session, q)
        assert _described(session) == (
            "The Chair accepted the proposal of Team Blue for paragraph 1, which inserted 'all'."
        )
        drafting.amend_paragraph(session, p1, "Delegations met twice, as all States requested today.")
        assert _described(session) == (
            "The Chair made 4 changes to paragraph 1, which now reads: "
            "\u201cDelegations met twice, as all States requested today.\u201d"
        )


def test_changes_in_words() -> None:
    assert changes("a b c d", "a x c y") == ["replaced 'b' with 'x'", "replaced 'd' with 'y'"]
    assert changes("a [b] c", "a b c") == ["removed the square brackets around 'b'"]
    assert changes("same", "same") == []


def test_a_restore_names_the_number_the_paragraph_comes_back_as(tmp_path: Path, clock: FakeClock) -> None:
    with Session.create(tmp_path / "r.chairdesk", "Working group", clock=clock) as session:
        a = drafting.add_section(session, "Overview").subject
        first = drafting.insert_paragraph(session, a, "States met in Geneva.").subject
        struck = drafting.insert_paragraph(session, a, "States shared views.").subject
        drafting.mark_baseline(session, "Tabled draft")
        restored = "The Chair restored the struck paragraph 2: \u201cStates shared views.\u201d"
        drafting.strike_paragraph(session, struck)  # renumbering live: it has no number while struck
        assert session.draft.label_of_paragraph(struck) is None
        assert session.draft.label_as_live(struck) == "2"  # the number the strike took
        drafting.restore_paragraph(session, struck)
        assert _described(session) == restored
        drafting.set_numbering_mode(session, "keep")  # the tabled numbers kept: struck, it keeps its 2
        drafting.strike_paragraph(session, struck)
        drafting.restore_paragraph(session, struck)
        assert _described(session) == restored
        drafting.set_numbering_mode(session, "live")
        drafting.strike_paragraph(session, first)
        drafting.strike_paragraph(session, struck)  # now the first paragraph: it comes back as 1
        drafting.restore_paragraph(session, struck)
        assert _described(session) == restored.replace("2", "1")


def test_label_as_live_found_nearby_is_the_label_of_the_whole_draft_numbered_again(
    tmp_path: Path, clock: FakeClock
) -> None:
    """A struck paragraph's label if it were live is found from the live paragraph of its kind before it (a
    strike's message asks it: numbering the whole draft again took 40 ms at 10,000 paragraphs); it is the
    label the whole draft numbered again with it live gives, whatever is struck before it and of what kind."""
    with Session.create(tmp_path / "r.chairdesk", "Working group", clock=clock) as session:
        ids = []
        for title in ("Preamble", "Overview", "Empty", "Measures"):
            sid = drafting.add_section(session, title).subject
            if title == "Empty":
                continue
            for k in range(5):
                ids.append(drafting.insert_paragraph(session, sid, f"{title} {k}.").subject)
                if title == "Preamble" or k == 2:
                    drafting.set_paragraph_kind(session, ids[-1], "preambular")
        for pid in ids[0], ids[1], ids[5], ids[6], ids[7], ids[9], ids[10], ids[14]:
            drafting.strike_paragraph(session, pid)
        draft = session.draft
        struck = [pid for pid in ids if draft.paragraphs[pid].struck]
        assert len(struck) == 8
        labels = {pid: draft.label_as_live(pid) for pid in struck}
        assert labels == {pid: draft._label_if_live_walked(pid) for pid in struck}
        assert labels[ids[0]] == "PP1" and labels[ids[5]] == "1" and labels[ids[7]] == "PP4"
