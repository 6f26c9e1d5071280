"""Marks in the draft's rich text that the room must see at once: open square brackets, and proposals shown
as their difference from the text as it stands (the full wording on hover).

Plain functions over strings and core objects; `draft_rows` calls them when it renders a row.
"""

from __future__ import annotations

import html

from ...core.draft.compare import Diff, word_diff
from ...core.draft.model import Proposal

INSERT_COLOUR = "#1c58b5"
DELETE_COLOUR = "#b3261e"
QUIET_COLOUR = "#6b6b6b"
# Words still in square brackets: dark amber on a light amber ground, so they stand out from the tracked
# changes (blue, red, purple) and read from the back of the room.
BRACKET_STYLE = "background-color:#ffe7a8; color:#7a3e00"


def esc(text: str) -> str:
    """Text as rich text: escaped, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def _bracket_runs(text: str, depth: int) -> tuple[list[tuple[bool, str]], int]:
    """The text cut into runs inside and outside square brackets (the brackets inside), and the depth after."""
    runs: list[tuple[bool, str]] = []
    for char in text:
        inside = depth > 0 or char == "["
        if char == "[":
            depth += 1
        elif char == "]" and depth > 0:
            depth -= 1
        if runs and runs[-1][0] == inside:
            runs[-1] = (inside, runs[-1][1] + char)
        else:
            runs.append((inside, char))
    return runs, depth


def _marked(text: str, depth: int) -> tuple[str, int]:
    runs, depth = _bracket_runs(text, depth)
    out = [f'<span style="{BRACKET_STYLE}">{esc(run)}</span>' if inside else esc(run) for inside, run in runs]
    return "".join(out), depth


def bracketed_html(text: str) -> str:
    """Plain text with its open square brackets (and the words in them) highlighted."""
    return _marked(text, 0)[0]


def diff_html(diff: Diff, brackets: bool = False) -> str:
    """Insertions underlined and coloured, deletions struck through and coloured.

    With `brackets`, the words in square brackets in the text as it stands (kept and inserted words, not the
    deleted ones) are highlighted too.
    """
    out = []
    depth = 0
    for op, text in diff:
        if op == "delete":
            out.append(f'<s><span style="color:{DELETE_COLOUR}">{esc(text)}</span></s>')
            continue
        if brackets:
            body, depth = _marked(text, depth)
        else:
            body = esc(text)
        out.append(f'<u><span style="color:{INSERT_COLOUR}">{body}</span></u>' if op == "insert" else body)
    return "".join(out)


def _replaces(diff: Diff, current: str) -> bool:
    """Whether a proposal's difference takes out more than half of the text as it stands (another wording)."""
    return 2 * sum(len(text) for op, text in diff if op == "delete") > len(current)


def proposals_html(
    proposals: list[Proposal], current: str | None, name_of: dict[str, str], keys: bool = True
) -> str:
    """Each pending proposal as its difference from the paragraph's text as it stands (in full with None);
    with keys, the chair's keys to accept or set it aside (not in a read-only replay)."""
    parts = []
    for proposal in proposals:
        who = esc(name_of.get(proposal.delegation, proposal.delegation))
        if current is None:
            head, body, hint = f"<b>Proposal by {who}:</b>", esc(proposal.text), ""
        else:
            diff = word_diff(current, proposal.text)
            if _replaces(diff, current):  # another wording (an "Alt"): read whole, not as the text struck out
                head = f"<b>Proposal by {who}</b> (in place of the text as it stands):"
                body, hint = diff_html([("insert", proposal.text)]), ""
            else:
                head = f"<b>Proposal by {who}</b> (changes to the text as it stands):"
                body, hint = diff_html(diff), "Hover for the full wording · "
        parts.append(
            '<table width="100%" cellpadding="6" style="margin-top:6px">'
            '<tr><td style="background-color:#fff3cd">'
            f'<span style="color:#7a5a00">{head}</span> {body}'
            + (
                f'<br><span style="color:{QUIET_COLOUR}"><small>{hint}Accept: Ctrl+Shift+A · '
                "Set aside: Ctrl+Shift+X</small></span>"
                if keys
                else (
                    f'<br><span style="color:{QUIET_COLOUR}"><small>Hover for the full wording</small></span>'
                    if hint
                    else ""
                )
            )
            + "</td></tr></table>"
        )
    return "".join(parts)


def proposals_tip(proposals: list[Proposal], name_of: dict[str, str]) -> str:
    """The full wording of each pending proposal, for the row's tooltip."""
    return "\n\n".join(
        f"Proposal by {name_of.get(p.delegation, p.delegation)}, in full:\n“{p.text}”" for p in proposals
    )
