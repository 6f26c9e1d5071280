"""The rows of the centre view: one per step of the tracked-changes walk, each with its number and rich text.

Plain Python over the core Comparison: the Qt list model (draft_model) only adapts these rows. A row's
html depends only on that row, so after an edit to one paragraph only that row is rebuilt.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..core.compare import Comparison, Diff, Entry, ParagraphComparison, _compare_subparagraphs, word_diff
from ..core.draft import Draft, Paragraph, Proposal, subparagraph_label

MODES = ("tabled", "last", "clean")
MODE_NAMES = {
    "tabled": "Changes since the tabled draft",
    "last": "Changes since the last baseline",
    "clean": "Clean text",
}
INSERT_COLOUR = "#1c58b5"
DELETE_COLOUR = "#b3261e"
MOVE_COLOUR = "#6a3d9a"
QUIET_COLOUR = "#6b6b6b"


@dataclass
class Row:
    """One row of the draft view."""

    kind: str  # section | subheading | paragraph | ghost
    id: str
    section: str
    number: str  # what the number gutter shows ("13", "(8)" for a struck one, "" for headings)
    tooltip: str  # shown when hovering the number: the former number
    html: str
    status: str = "unchanged"

    @property
    def key(self) -> tuple[str, str]:
        """What identifies the row across renumbering."""
        return (self.kind, self.id)


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def diff_html(diff: Diff) -> str:
    """Insertions underlined and coloured, deletions struck through and coloured."""
    out = []
    for op, text in diff:
        if op == "insert":
            out.append(f'<u><span style="color:{INSERT_COLOUR}">{_esc(text)}</span></u>')
        elif op == "delete":
            out.append(f'<s><span style="color:{DELETE_COLOUR}">{_esc(text)}</span></s>')
        else:
            out.append(_esc(text))
    return "".join(out)


def _proposals_html(proposals: list[Proposal], name_of: dict[str, str]) -> str:
    parts = []
    for proposal in proposals:
        who = _esc(name_of.get(proposal.delegation, proposal.delegation))
        parts.append(
            '<table width="100%" cellpadding="6" style="margin-top:6px">'
            '<tr><td style="background-color:#fff3cd">'
            f'<span style="color:#7a5a00"><b>Proposal by {who}:</b></span> {_esc(proposal.text)}'
            f'<br><span style="color:{QUIET_COLOUR}"><small>Accept: Ctrl+Shift+A · '
            "Set aside: Ctrl+Shift+X</small></span></td></tr></table>"
        )
    return "".join(parts)


class DraftRows:
    """The rows for one mode ("tabled", "last" or "clean") over a session's draft."""

    def __init__(self, draft: Draft, baseline: Draft | None, name_of: dict[str, str] | None = None) -> None:
        self.draft = draft
        self.baseline = baseline  # None: clean text
        self.name_of = name_of or {}
        self.comparison: Comparison | None = None
        self.rows: list[Row] = []
        self.rebuild()

    # ------------------------------------------------------------ building
    def rebuild(self) -> list[Row]:
        """Compare again and build every row (after a change of structure or of mode)."""
        if self.baseline is None:
            self.comparison = None
            self.rows = self._clean_rows()
        else:
            self.comparison = Comparison(self.baseline, self.draft)
            self.rows = [self._row(entry) for entry in self.comparison.walk()]
        return self.rows

    def refresh_paragraph(self, paragraph_id: str) -> list[int]:
        """Bring one paragraph's row up to date after its words changed; returns the rows rebuilt."""
        para = self.draft.paragraphs.get(paragraph_id)
        if para is None:
            return []
        if self.comparison is not None:
            comp = self.comparison.paragraphs.get(paragraph_id)
            if comp is None:
                return []
            old = self.baseline.paragraphs.get(paragraph_id) if self.baseline else None
            old_live = old is not None and comp.old_number is not None
            if comp.new_number is not None:
                comp.diff = word_diff(old.text, para.text) if old_live else [("insert", para.text)]  # type: ignore[union-attr]
                comp.subparagraphs = _compare_subparagraphs(old if old_live else None, para)
        rows = [i for i, row in enumerate(self.rows) if row.kind == "paragraph" and row.id == paragraph_id]
        for i in rows:
            self.rows[i] = self._paragraph_row(para, self._comparison_of(paragraph_id))
        return rows

    def refresh_heading(self, item_id: str) -> list[int]:
        """Bring a section's or sub-heading's row up to date after a retitle; returns the rows rebuilt."""
        changed = []
        for i, row in enumerate(self.rows):
            if row.id == item_id and row.kind in ("section", "subheading"):
                entry = self._heading_entry(row.kind, item_id, row.section)
                self.rows[i] = self._row(entry)
                changed.append(i)
        return changed

    def _comparison_of(self, paragraph_id: str) -> ParagraphComparison | None:
        return self.comparison.paragraphs.get(paragraph_id) if self.comparison else None

    def _heading_entry(self, kind: str, item_id: str, section: str) -> Entry:
        d, b = self.draft, self.baseline
        if kind == "section":
            new = d.sections[item_id].title if item_id in d.order else ""
            old = b.sections[item_id].title if b and item_id in b.sections else ("" if b else new)
            status = "unchanged" if old == new else ("inserted" if not old else "retitled")
            return Entry("section", item_id, item_id, title_diff=word_diff(old, new), status=status)
        heading = d.subheadings.get(item_id)
        new = heading.title if heading and not heading.removed else ""
        was = b.subheadings.get(item_id) if b else heading
        old = was.title if was and not was.removed else ""
        status = "unchanged" if old == new else ("inserted" if not old else "removed" if not new else "amended")
        return Entry("subheading", item_id, section, title_diff=word_diff(old, new), status=status)

    def _clean_rows(self) -> list[Row]:
        d = self.draft
        rows: list[Row] = []
        for sid in d.order:
            rows.append(self._row(Entry("section", sid, sid, title_diff=[("equal", d.sections[sid].title)])))
            for item in d.sections[sid].items:
                para = d.paragraphs.get(item)
                if para is not None:
                    if not para.struck:
                        rows.append(self._paragraph_row(para, None))
                    continue
                heading = d.subheadings[item]
                if not heading.removed and item in d.sections[sid].items:
                    entry = Entry("subheading", item, sid, title_diff=[("equal", heading.title)])
                    rows.append(self._row(entry))
        return rows

    # ------------------------------------------------------------- one row
    def _row(self, entry: Entry) -> Row:
        if entry.kind == "section":
            label = self.draft.numbering().label.get(entry.id, "")
            title = diff_html(entry.title_diff)
            if entry.status == "removed":
                title = f'<s><span style="color:{DELETE_COLOUR}">{title}</span></s> (section removed)'
            head = f"{label}. " if label else ""
            text = f'<p style="margin-top:14px"><b><big>{head}{title}</big></b></p>'
            return Row("section", entry.id, entry.section, "", "", text, entry.status)
        if entry.kind == "subheading":
            text = f"<p><i>{diff_html(entry.title_diff)}</i></p>"
            return Row("subheading", entry.id, entry.section, "", "", text, entry.status)
        comp = entry.paragraph
        if entry.kind == "ghost" and comp is not None:
            where = self._where_now(comp)
            text = (
                f'<p><span style="color:{MOVE_COLOUR}"><i>Former paragraph {comp.old_number} '
                f"moved {where}.</i></span></p>"
            )
            tip = f"Former paragraph {comp.old_number}; now paragraph {comp.new_number}"
            return Row("ghost", entry.id, entry.section, f"({comp.old_number})", tip, text, "moved")
        para = self.draft.paragraphs.get(entry.id) or (self.baseline.paragraphs[entry.id])  # type: ignore[union-attr]
        return self._paragraph_row(para, comp)

    def _where_now(self, comp: ParagraphComparison) -> str:
        if comp.new_section == comp.old_section:
            return f"down/up to paragraph {comp.new_number}"
        label = self.draft.numbering().label.get(comp.new_section or "", "?")
        title = self.draft.sections[comp.new_section].title if comp.new_section else ""
        return f"to section {label}, {_esc(title)}, as paragraph {comp.new_number}"

    def _paragraph_row(self, para: Paragraph, comp: ParagraphComparison | None) -> Row:
        number = self.draft.number_of(para.id)
        if comp is None:  # clean text
            body = _esc(para.text)
            subs = [(f"({subparagraph_label(i)})", _esc(s.text)) for i, s in enumerate(para.live_subparagraphs())]
            text = self._assemble(body, subs, "")
            return Row("paragraph", para.id, para.section, str(number or ""), "", text)
        status = comp.status
        body = diff_html(comp.diff)
        subs = []
        for sub in comp.subparagraphs:
            letter = sub.new_letter or sub.old_letter or ""
            piece = diff_html(sub.diff)
            if sub.status == "struck":
                piece = f'<s><span style="color:{DELETE_COLOUR}">({letter}) </span></s>{piece}'
                subs.append(("", piece))
            else:
                marker = f"({letter})"
                if sub.old_letter and sub.new_letter and sub.old_letter != sub.new_letter:
                    marker += f' <span style="color:{QUIET_COLOUR}"><small>former ({sub.old_letter})</small></span>'
                subs.append((marker, piece))
        notes = []
        if status == "moved":
            notes.append(
                f'<span style="color:{MOVE_COLOUR}"><b>Moved</b> — former paragraph {comp.old_number}</span>'
            )
        elif status == "inserted":
            notes.append(f'<span style="color:{INSERT_COLOUR}"><b>New paragraph</b></span>')
        elif status == "struck":
            notes.append(f'<span style="color:{DELETE_COLOUR}"><b>Struck</b> — former paragraph {comp.old_number}</span>')
        if para.author != "chair" and comp.amended and not comp.struck:
            notes.append(f'<span style="color:{QUIET_COLOUR}">as proposed by {_esc(self.name_of.get(para.author, para.author))}</span>')
        text = self._assemble(body, subs, " · ".join(notes))
        if not comp.struck:
            text += _proposals_html(self.draft.pending_proposals(para.id), self.name_of)
        if comp.struck:
            shown, tip = f"({comp.old_number})", f"Struck; was paragraph {comp.old_number}"
        elif comp.inserted:
            shown, tip = str(comp.new_number), "New paragraph (not in the earlier text)"
        else:
            shown = str(comp.new_number)
            tip = (
                f"Former paragraph {comp.old_number}"
                if comp.old_number != comp.new_number
                else f"Paragraph {comp.new_number} (number unchanged)"
            )
        return Row("paragraph", para.id, para.section, shown, tip, text, status)

    @staticmethod
    def _assemble(body: str, subs: list[tuple[str, str]], note: str) -> str:
        parts = [f"<p>{body}</p>"]
        for marker, piece in subs:
            parts.append(f'<p style="margin-left:28px">{marker} {piece}</p>')
        if note:
            parts.append(f"<p><small>{note}</small></p>")
        return "".join(parts)
