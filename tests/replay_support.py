"""A recorded session for the replay tests: everything a chair does, with the live state kept after each event."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chairdesk.core import adoption, floor
from chairdesk.core import drafting as ops
from chairdesk.core.adoption.votes import SIMPLE_MAJORITY
from chairdesk.core.floor.operations import attach_transcript, map_speaker
from chairdesk.core.log.session import Session
from chairdesk.core.replay.model import state_dump
from tests.export.conftest import ROSTER, fixed_clock

TRANSCRIPT = "Blue:\nWe support the text.\n\nYellow:\nWe have a proposal on paragraph 6.\n"


def record_full_session(path: Path) -> tuple[Path, dict[int, dict[str, Any]]]:
    """Record a session with a roster, drafting, proposals, the floor, adoption, a vote, reopening and undo.

    Returns the file and the canonical dump of the live state right after each event, keyed by its seq."""
    session = Session.create(path, "Working group on ICT security", venue="Geneva", clock=fixed_clock())
    live: dict[int, dict[str, Any]] = {session.events[-1].seq: state_dump(session.state)}
    session.subscribe(lambda change: live.__setitem__(change.event.seq, state_dump(session.state)))
    floor.set_roster(session, ROSTER)
    ops.set_title(session, "Draft outcome document")
    a = ops.add_section(session, "Overview").subject
    c = ops.add_section(session, "Confidence-building measures").subject
    d = ops.add_section(session, "Capacity building").subject
    p1 = ops.insert_paragraph(session, a, "States met in Geneva to continue the dialogue.").subject
    p2 = ops.insert_paragraph(session, a, "The group invited all States to share views.").subject
    p3 = ops.insert_paragraph(
        session,
        c,
        "States agreed on the following measures:",
        subparagraphs=["points of contact;", "[regular] exchanges;"],
    ).subject
    p4 = ops.insert_paragraph(session, c, "A directory of points of contact will be kept.").subject
    ops.add_subheading(session, d, "Recommended next steps")
    ops.insert_paragraph(session, d, "Capacity building should be demand-driven.")
    p6 = ops.insert_paragraph(session, d, "Support [small and] developing countries.").subject
    ops.mark_baseline(session, "Tabled draft")
    floor.request_floor(session, "blue", section=c)
    floor.request_floor(session, "cs", section=c)
    floor.request_floor(session, "yellow", section=c)
    floor.request_floor(session, "tech", section=c)
    floor.withdraw_request(session, session.state.floor.queue[-1].id)
    floor.next_speaker(session)  # Blue
    ops.amend_paragraph(session, p2, "The group stressed that all States should share views.", "blue")
    floor.pause_timer(session)
    floor.resume_timer(session)
    floor.next_speaker(session)  # Cyber Peace Network
    floor.give_floor(session, "red", kind="point of order")
    floor.end_intervention(session)
    floor.next_speaker(session)  # Yellow
    q = ops.propose(session, p6, "Support developing countries and small island States.", "yellow").subject
    ops.accept_proposal(session, q)
    floor.end_intervention(session)
    ops.strike_paragraph(session, p4)
    subs = session.draft.paragraph(p3).subparagraphs
    ops.amend_subparagraph(session, p3, subs[1].id, "regular exchanges;")
    ops.move_paragraph(session, p1, d)
    ops.retitle_section(session, c, "Confidence-building measures and cooperation")
    attach_transcript(session, _transcript(path))
    map_speaker(session, "Blue", "blue")
    for sid in session.draft.order:
        adoption.take_up(session, sid)
        if sid == c:
            adoption.record_objection(session, sid, "red", "The measures go too far.")
        adoption.adopt_section(session, sid, over_objection=sid == c)  # the chair rules over Red's objection
    adoption.adopt_report(session)
    adoption.reopen_report(session, "A late correction to section C.")
    adoption.reopen_section(session, d, "A late correction.")
    change = ops.amend_paragraph(session, p6, "Support developing countries.")
    session.undo(change)
    r = ops.propose(session, p6, "Support all developing countries.", "red").subject
    ops.set_aside_proposal(session, r)
    adoption.take_up(session, d)
    adoption.record_vote(session, "section", d, SIMPLE_MAJORITY, totals={"yes": 4, "no": 1, "abstain": 1})
    adoption.adopt_report(session)
    session.close()
    return path, live


def _transcript(path: Path) -> Path:
    transcript = path.with_name("transcript.txt")
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    return transcript


def record_every_draft_step(path: Path) -> tuple[Path, dict[int, dict[str, Any]]]:
    """Record a session that uses every kind of draft event (undoing some to reach the restores and reopens).

    Returns the file and the canonical dump of the live state right after each event, keyed by its seq."""
    session = Session.create(path, "Second reading", clock=fixed_clock())
    live: dict[int, dict[str, Any]] = {session.events[-1].seq: state_dump(session.state)}
    session.subscribe(lambda change: live.__setitem__(change.event.seq, state_dump(session.state)))
    floor.set_roster(session, ROSTER)
    a = ops.add_section(session, "Overview").subject
    b = ops.add_section(session, "Measures").subject
    c = ops.add_section(session, "Follow-up").subject
    p1 = ops.insert_paragraph(session, a, "The group met.").subject
    p2 = ops.insert_paragraph(session, b, "States shall:", subparagraphs=["share;", "train;", "meet."]).subject
    p3 = ops.insert_paragraph(session, b, "A [directory] will be kept.").subject
    p4 = ops.insert_paragraph(session, c, "The group will meet again.").subject
    h = ops.add_subheading(session, c, "Next steps").subject
    ops.mark_baseline(session, "Tabled draft")
    ops.retitle_subheading(session, h, "Recommended next steps")
    session.undo(ops.remove_subheading(session, h))  # subheading.restore
    ops.move_section(session, c, 0)
    ops.retitle_section(session, b, "Confidence-building measures")
    session.undo(ops.remove_section(session, b))  # section.restore, its paragraphs back
    session.undo(ops.strike_paragraph(session, p3))  # paragraph.restore
    subs = session.draft.paragraph(p2).subparagraphs
    ops.add_subparagraph(session, p2, "exercise;")
    ops.strike_subparagraph(session, p2, subs[0].id)
    ops.restore_subparagraph(session, p2, subs[0].id)
    ops.move_subparagraph(session, p2, subs[2].id, 0)
    ops.amend_subparagraph(session, p2, subs[1].id, "train together;", "blue")
    q1 = ops.propose(session, p3, "A directory will be kept.", "yellow").subject
    session.undo(ops.accept_proposal(session, q1))  # proposal.reopen with the old text
    q2 = ops.propose(session, p4, "The group will meet in 2027.", "blue").subject
    session.undo(ops.set_aside_proposal(session, q2))  # proposal.reopen
    ops.accept_proposal(session, q2)
    ops.move_paragraph(session, p4, b)
    ops.move_paragraph(session, p1, c)
    ops.remove_section(session, a)  # empty now
    ops.mark_baseline(session, "Second reading")
    ops.amend_paragraph(session, p3, "A directory of contacts will be kept.")
    ops.set_title(session, "Outcome document")
    ops.set_paragraph_kind(session, p3, "preambular")  # the resolution's shapes and negotiation numbering
    ops.set_subparagraph_level(session, p2, subs[1].id, 2)
    ops.set_numbering_mode(session, "keep")
    ops.renumber(session)
    session.close()
    return path, live
