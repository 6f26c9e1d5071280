"""The draft as the room reads it: the section under discussion, its current paragraph highlighted.

The rows come from the desk's DraftRows in the projector's own mode (tracked changes or clean text), with
one difference: a pending proposal is the chair's material until it is read out, so it is never rendered.
Words the chair is typing appear only when the chair turns "show typing" on.
"""

from __future__ import annotations

import html

from ...core.adoption.model import ADOPTED_STATES, NOT_TAKEN_UP
from ...core.log.session import Session
from ..desk.draft_rows import DraftRows

HIGHLIGHT = "#fff1a8"  # the paragraph under discussion: a pale yellow band, black text on it
TYPING_COLOUR = "#7a4b00"
ROOM_MODES = ("tabled", "last", "clean")


class RoomRows(DraftRows):
    """The desk's rows without the pending proposals (never shown before they are read out)."""

    def _proposals_of(self, paragraph_id: str, as_diff: bool = True) -> str:
        return ""


def room_rows(session: Session, mode: str) -> RoomRows:
    """The rows of the draft for the room in one mode: tabled, last (baseline) or clean."""
    baseline = None if mode == "clean" else session.baseline("tabled" if mode == "tabled" else "last")
    return RoomRows(session.draft, baseline, session.state.roster.names())


def shown_section(session: Session, section_id: str | None) -> str | None:
    """The section the room sees: the one under discussion, else the first of the draft."""
    draft = session.draft
    if section_id in draft.sections and section_id in draft.order:
        return section_id
    return draft.order[0] if draft.order else None


def section_heading(session: Session, section_id: str | None) -> tuple[str, str, str]:
    """The section's label and title, and its adoption state ("" while not taken up)."""
    if section_id is None or section_id not in session.draft.sections:
        return "", session.draft.title or "", ""
    label = session.draft.numbering().label.get(section_id, "")
    status = session.state.adoption.section_status(section_id)
    return label, session.draft.sections[section_id].title, "" if status == NOT_TAKEN_UP else status


def is_adopted(session: Session, section_id: str | None) -> bool:
    """Whether the section shown has been adopted (the room sees an "Adopted" banner)."""
    return section_id is not None and session.state.adoption.section_status(section_id) in ADOPTED_STATES


def section_html(
    rows: RoomRows, section_id: str | None, current: str | None, typing: tuple[str, str] | None = None
) -> str:
    """The rich text of one section's rows; the current paragraph sits on a highlighted band.

    `typing` is (paragraph id, words) the chair is typing and has chosen to show; it appears under that
    paragraph, marked as not yet committed.
    """
    parts: list[str] = []
    for index, row in enumerate(rows.rows):
        if row.section != section_id or row.kind == "section":
            continue  # the section's heading is shown in large type above the text
        body = rows.html(index)
        if row.kind != "paragraph" and row.kind != "ghost":
            parts.append(body)
            continue
        here = row.id == current
        if here and typing is not None and typing[0] == row.id:
            words = html.escape(typing[1]).replace("\n", "<br>")
            body += (
                f'<p><span style="color:{TYPING_COLOUR}"><b>✎ Being typed, not yet in the text:</b> '
                f"<i>{words}</i></span></p>"
            )
        colour = f' bgcolor="{HIGHLIGHT}"' if here else ""
        anchor = '<a name="current"></a>' if here else ""
        number = html.escape(row.number)
        parts.append(
            f'{anchor}<table width="100%" cellspacing="0" cellpadding="6"{colour}><tr>'
            f'<td width="8%" valign="top"><b>{number}</b></td><td valign="top">{body}</td></tr></table>'
        )
    if not parts:
        parts.append("<p><i>This section has no paragraphs yet.</i></p>")
    return "".join(parts)
