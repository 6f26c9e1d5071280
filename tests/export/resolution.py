"""A small resolution session (fixed clock): preambular and operative paragraphs, three levels, then changes."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core.draft import operations as ops
from chairdesk.core.log.session import Session

from .conftest import fixed_clock


def build_resolution(path: Path, numbering: str = "live") -> Session:
    """Tabled: PP1-PP2, OP1-OP3 with (a) (i) (ii) (b) under OP2; then a first reading changes every level."""
    session = Session.create(path, "Committee on Tidal Commons", body="Model Assembly", clock=fixed_clock())
    if numbering == "keep":
        ops.set_numbering_mode(session, "keep")
    ops.set_title(session, "Stewardship of shared tidal waters")
    s = ops.add_section(session, "Draft resolution").subject
    pp1 = ops.insert_paragraph(
        session, s, "Recalling its earlier work on shared waters,", kind="preambular", italic=1
    )
    ops.insert_paragraph(
        session,
        s,
        "Noting with concern the loss of tidal wetlands,",
        kind="preambular",
        italic=3,
        notes=["Report of the panel on wetlands, third edition."],
    )
    op1 = ops.insert_paragraph(session, s, "Decides to keep the question under review;", italic=1)
    op2 = ops.insert_paragraph(
        session,
        s,
        "Requests the secretariat:",
        italic=1,
        subparagraphs=[
            "to gather the data;",
            ("from coastal members;", 2),
            ("from river members;", 2),
            "to report.",
        ],
    )
    ops.insert_paragraph(session, s, "Also decides to meet again next year.", italic=2)
    if numbering == "keep":
        ops.renumber(session)
    ops.mark_baseline(session, "Tabled draft")
    ops.amend_paragraph(session, op2.subject, "Urges the secretariat:")
    subs = session.draft.paragraph(op2.subject).subparagraphs
    ops.strike_subparagraph(session, op2.subject, subs[1].id)
    ops.add_subparagraph(session, op2.subject, "from island members;", level=2, index=2)
    ops.strike_paragraph(session, op1.subject)
    ops.insert_paragraph(
        session, s, "Welcoming the offer of the host city,", kind="preambular", italic=1, after=pp1.subject
    )
    return session
