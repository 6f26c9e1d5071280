"""The redline credits every run of words to who typed it: three delegations and the Chair in one paragraph."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core import drafting
from chairdesk.core.draft.authorship import authored_diff
from chairdesk.core.floor.operations import set_roster
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.session import Session
from chairdesk.export import export_redline, report_text
from chairdesk.export.redline_docx import Attribution, word_date

from .docx_text import NS, body_xml, revision_view
from .three_authors import NOW, TABLED, three_author_session

W = f"{{{NS['w']}}}"


def _paragraph_revisions(path: Path, start: str) -> list[tuple]:
    """(kind, author, date, text, nested) for each revision of the body paragraph whose text starts so."""
    for para in body_xml(path).iter(f"{W}p"):
        texts = "".join(t.text or "" for t in para.iter(f"{W}t", f"{W}delText"))
        if not texts.startswith(start):
            continue
        found = []
        for child in para:
            if child.tag not in (f"{W}ins", f"{W}del"):
                continue
            kind = child.tag[len(W) :]
            inner = child.find("w:del", NS)
            nested = None
            if inner is not None:
                nested = ("del", inner.get(f"{W}author"), inner.get(f"{W}date"))
            text = "".join(t.text or "" for t in child.iter(f"{W}t", f"{W}delText"))
            found.append((kind, child.get(f"{W}author"), child.get(f"{W}date"), text, nested))
        return found
    raise AssertionError(f"no paragraph starts with {start!r}")


def _when(session: Session, kind: str, actor: str, nth: int = 0) -> str:
    """The Word date of the nth event of that kind by that actor."""
    events = [e for e in session.events if e.kind == kind and e.actor == actor]
    return word_date(events[nth].ts)


def test_three_delegations_in_one_paragraph_are_credited_run_by_run(tmp_path: Path) -> None:
    session, paragraph = three_author_session(tmp_path / "three.chairdesk")
    try:
        assert session.draft.paragraph(paragraph).text == NOW
        out = export_redline(session, tmp_path / "redline.docx")
        blue = _when(session, "draft.paragraph.amend", "BLU")
        yellow = _when(session, "draft.proposal.accept", "chair")  # Yellow's words, when accepted
        purple = _when(session, "draft.paragraph.amend", "PUR")
        chair = word_date(session.events[-1].ts)
        assert _paragraph_revisions(out, "2.States") == [
            ("del", "Team Purple", purple, "[", None),
            ("del", "Team Purple", purple, "]", None),
            ("del", "Chair", chair, "national ", None),
            ("ins", "Team Blue", blue, " and ", None),
            # Yellow deleted Blue's "they": nested as Word writes it, a w:del inside Blue's w:ins
            ("ins", "Team Blue", blue, "they", ("del", "Team Yellow", yellow)),
            ("ins", "Team Yellow", yellow, "delegations", None),
            ("ins", "Team Blue", blue, " report annually", None),
        ]
        # the undone slip left no trace: nothing is credited to the Chair but the deletion made last
        assert revision_view(out, "accept") == report_text(session.state).split("\n")
        assert revision_view(out, "reject") == report_text(session.state, session.baseline()).split("\n")
        assert f"2.\t{TABLED}" in revision_view(out, "reject")
    finally:
        session.close()


def test_authored_diff_gives_the_same_runs_to_the_desk(tmp_path: Path) -> None:
    session, paragraph = three_author_session(tmp_path / "three.chairdesk")
    try:
        runs = authored_diff(session, paragraph)
        assert [(op, text, actor) for op, text, actor, _ in runs] == [
            ("equal", "States ", ""),
            ("delete", "[", "PUR"),
            ("equal", "should", ""),
            ("delete", "]", "PUR"),
            ("equal", " share ", ""),
            ("delete", "national ", "chair"),
            ("equal", "points of contact", ""),
            ("insert", " and ", "BLU"),
            ("insert", "delegations", "YEL"),
            ("insert", " report annually", "BLU"),
            ("equal", ".", ""),
        ]
        nested = authored_diff(session, paragraph, nested=True)
        assert ("delete", "they", "YEL") in [(op, text, actor) for op, text, actor, _ in nested]
    finally:
        session.close()


def test_removing_brackets_in_the_redline_removes_two_signs(tmp_path: Path) -> None:
    session, paragraph = three_author_session(tmp_path / "three.chairdesk")
    try:
        out = export_redline(session, tmp_path / "redline.docx")
        texts = [r[3] for r in _paragraph_revisions(out, "2.States")]
        assert "[" in texts and "]" in texts
        assert not any("should" in text for text in texts)  # the word is neither deleted nor inserted
    finally:
        session.close()


def test_a_redone_strike_or_move_is_credited_to_its_maker_not_to_the_chair_who_redid_it(tmp_path: Path) -> None:
    with Session.create(tmp_path / "redo.chairdesk", "Working group") as session:
        set_roster(session, [Delegation("RED", "Team Red"), Delegation("GRN", "Team Green")])
        a = drafting.add_section(session, "Overview").subject
        b = drafting.add_section(session, "Capacity building").subject
        struck = drafting.insert_paragraph(session, a, "States met.").subject
        moved = drafting.insert_paragraph(session, a, "States shared views.").subject
        drafting.mark_baseline(session, "Tabled draft")
        strike = drafting.strike_paragraph(session, struck, "RED")
        move = drafting.move_paragraph(session, moved, b, actor="GRN")
        for step in (move, strike):
            session.undo(session.undo(step))  # undone, then redone by the Chair's Ctrl+Shift+Z
        attribution = Attribution(session, session.draft.baselines[0].seq)
        assert attribution.of_place(struck).author == "Team Red"
        assert attribution.of_place(moved).author == "Team Green"
