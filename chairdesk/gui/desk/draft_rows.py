"""The rows of the centre view: one per step of the tracked-changes walk, each with its number and rich text.

Plain Python over the core Comparison: the Qt list model (draft_model) only adapts these rows. A row's
html depends only on that row, so after an edit to one paragraph only that row is rebuilt; after a strike,
restore, insert or move only the rows of the sections it touched are listed again (`update`). A row's number
and tooltip are read from the draft's numbering when drawn, so a renumbering rebuilds no row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ...core.draft.compare import Diff, Entry, ParagraphComparison, word_diff
from ...core.draft.model import CHAIR, Draft, Paragraph, Proposal
from .lazy_compare import LazyComparison, LazyParagraphComparison
from .row_marks import (  # noqa: F401  (the colours and diff_html are also read from here)
    DELETE_COLOUR,
    INSERT_COLOUR,
    QUIET_COLOUR,
    bracketed_html,
    diff_html,
    proposals_html,
    proposals_tip,
)
from .row_marks import esc as _esc
from .row_patches import ONLY_NAMED, at_old_places, patched_rows

MODES = ("tabled", "last", "clean")
MODE_NAMES = {
    "tabled": "Changes since the tabled draft",
    "last": "Changes since the last baseline",
    "clean": "Clean text",
}
MOVE_COLOUR = "#6a3d9a"
_DIGITS = re.compile(r"[0-9]")


@dataclass
class Row:
    """One row of the draft view; its rich text is made when the row is first drawn."""

    kind: str  # section | subheading | paragraph | ghost
    id: str
    section: str
    status: str
    signature: tuple  # everything the rich text depends on besides the paragraph's own words
    entry: Entry | None = None
    html: str | None = None
    owner: DraftRows | None = field(default=None, repr=False, compare=False)
    sized: tuple[str, str] | None = field(default=None, repr=False, compare=False)  # (html, html to size by)
    size: tuple | None = field(default=None, repr=False, compare=False)  # (html, width and size, QSize)
    estimate: int | None = field(default=None, repr=False, compare=False)  # the height it was laid out at, guessed
    guess: tuple | None = field(default=None, repr=False, compare=False)  # (width and size, the height guessed)
    shape: tuple | None = field(default=None, repr=False, compare=False)  # what its guesses are reckoned from

    key: tuple[str, str] = field(init=False, repr=False, compare=False)  # what identifies it across renumbering

    def __post_init__(self) -> None:
        self.key = (self.kind, self.id)  # read for every row of a section on each change: made once

    @property
    def number(self) -> str:
        """What the number gutter shows ("13", "(8)" for a struck one, "" for headings), as numbered now."""
        return self.owner.label(self)[0] if self.owner is not None else ""

    @property
    def tooltip(self) -> str:
        """Shown when hovering the number: the former number."""
        return self.owner.label(self)[1] if self.owner is not None else ""


def _opening_html(opening: str, diff: Diff, brackets: bool = False) -> str:
    """The diff with the italic opening words in italics when they stand unchanged at its start."""
    if opening and diff and diff[0][0] == "equal" and diff[0][1].startswith(opening):
        rest = [("equal", diff[0][1][len(opening) :]), *diff[1:]]
        return f"<i>{_esc(opening)}</i>{diff_html(rest, brackets=brackets)}"
    return diff_html(diff, brackets=brackets)


class DraftRows:
    """The rows for one mode over a session's draft: against a baseline draft, or clean (baseline None)."""

    def __init__(
        self,
        draft: Draft,
        baseline: Draft | None,
        name_of: dict[str, str] | None = None,
        authors_of: Callable[[Paragraph], list[str]] | None = None,
    ) -> None:
        self.draft = draft
        self.baseline = baseline
        self.name_of = name_of or {}
        self.authors_of = authors_of  # who changed a paragraph's words since the baseline (undone left out)
        self.keys = True  # the chair's keys under each proposal (a read-only replay has none)
        self.comparison: LazyComparison | None = None
        self.rows: list[Row] = []
        self._proposals: dict[str, list[Proposal]] = {}
        self._places: dict[str, dict[tuple[str, str], int]] = {}  # a section's row keys -> their place in it
        self._starts: dict[str, int] | None = None  # each section's first row (None: to work out again)
        self._listed: list[Row] = []  # the rows as listed last (the Qt model shows others while it changes)
        self.rebuild()

    # ------------------------------------------------------------ building
    def rebuild(self, reworded: set[str] | frozenset[str] = frozenset()) -> list[Row]:
        """Compare again and list the rows (after a change of the sections or of mode).

        A row keeps its rich text when its signature is unchanged and its words were not in `reworded`.
        """
        kept = {row.key: row for row in self.rows if row.html is not None and row.id not in reworded}
        self._proposals = {}
        for proposal in self.draft.proposals.values():
            if proposal.status == "pending":
                self._proposals.setdefault(proposal.paragraph, []).append(proposal)
        if self.baseline is None:
            self.comparison = None
            self._order = list(self.draft.order)
        else:
            self.comparison = LazyComparison(self.baseline, self.draft)
            self._order = self.comparison.section_order()
        self._sections = {sid: self._section_rows(sid) for sid in self._order}
        self._places, self._starts = {}, None
        rows = [row for sid in self._order for row in self._sections[sid]]
        _keep_html(rows, kept)
        self.rows = self._listed = rows
        return rows

    def update(
        self, sections: Iterable[str], paragraphs: set[str] | frozenset[str], kind: str = ""
    ) -> list[tuple[int, list[Row], list[Row]]]:
        """After a strike, restore, insert or move that touched only these sections and named these paragraphs:
        compare them again and list those sections' rows anew, the others kept as they are.

        Returns (first row of the section before the change, its rows before, its rows now) for each section
        listed again, in document order. The sections the paragraphs stood in in the baseline are listed
        again too: a struck or moved-away paragraph is shown at its old place there (in a section the
        change did not touch, that row alone changes: row_patches.at_old_places). After a change of this
        `kind` that only takes paragraphs out of a section or puts them in (ONLY_NAMED), a section they did
        not stand in in the baseline has its rows made from those before (row_patches.patched_rows), and one
        they did too, unless the change marked others of its paragraphs moved or put them back.
        """
        given = set(sections)
        touched = set(given)
        old_places: dict[str, dict[str, int | None]] = {}  # an untouched section -> named rows shown there
        if self.comparison is not None:
            for pid in paragraphs:
                c = self.comparison.paragraphs.get(pid)
                if c is not None and c.old_section in self._sections and c.old_section not in given:
                    k = self._place_in(c.old_section, ("ghost", pid))
                    k = self._place_in(c.old_section, ("paragraph", pid)) if k is None else k
                    old_places.setdefault(c.old_section, {})[pid] = k
            self.comparison.update(given, paragraphs)
            touched.update(old_places)
        for pid in paragraphs:
            self._proposals[pid] = self.draft.pending_proposals(pid)
        pieces = []
        start = 0
        for sid in self._order:
            before = self._sections[sid]
            if sid in touched:
                if sid in old_places:
                    now = at_old_places(self.comparison, self.draft, self._row, sid, before, old_places[sid])
                elif kind in ONLY_NAMED:
                    now = patched_rows(
                        self.comparison, self.baseline, self.draft, self._row, sid, before, paragraphs
                    )
                else:
                    now = None
                if now is None:
                    now = self._section_rows(sid, before, paragraphs)
                self._sections[sid] = now
                self._places.pop(sid, None)
                pieces.append((start, before, now))
            start += len(before)
        self._starts = None
        self.rows = self._listed = [row for sid in self._order for row in self._sections[sid]]
        return pieces

    # ------------------------------------------------------------- places
    def _place_in(self, sid: str, key: tuple[str, str]) -> int | None:
        """Where the row with this key stands among its section's rows (None: not there); each section's
        places are listed once, the first time one is asked for after the section was listed."""
        places = self._places.get(sid)
        if places is None:
            places = self._places[sid] = {row.key: k for k, row in enumerate(self._sections[sid])}
        return places.get(key)

    def _start_of(self, sid: str) -> int:
        """The index of a section's first row."""
        if self._starts is None:
            self._starts, at = {}, 0
            for each in self._order:
                self._starts[each] = at
                at += len(self._sections[each])
        return self._starts[sid]

    def _sections_of(self, kind: str, item_id: str) -> list[str]:
        """The sections a row with this key can stand in: a paragraph's now and, struck or moved away, its
        section in the baseline; a sub-heading's in the draft and in the baseline."""
        if kind == "section":
            return [item_id]
        sections = []
        for draft in (self.draft, self.baseline):
            if draft is None:
                continue
            item = draft.paragraphs.get(item_id) or draft.subheadings.get(item_id)
            if item is not None and item.section not in sections:
                sections.append(item.section)
        return sections

    @property
    def settled(self) -> bool:
        """The rows are those listed last (not a list the Qt model is changing step by step)."""
        return self.rows is self._listed

    def index_of(self, kind: str, item_id: str) -> int | None:
        """The row with this kind and id (None: not shown), looked for in the sections it can stand in."""
        key = (kind, item_id)
        for sid in self._sections_of(kind, item_id):
            if sid in self._sections:
                k = self._place_in(sid, key)
                if k is not None:
                    return self._start_of(sid) + k
        return None

    def _section_rows(
        self, sid: str, before: list[Row] | None = None, fresh: set[str] | frozenset[str] = frozenset()
    ) -> list[Row]:
        """The rows of one section; a row of `before` (the section's rows until now) is kept when its
        comparison and status are the same and its paragraph is not in `fresh` (its rich text depends on
        nothing else but its own words and proposals)."""
        if self.comparison is None:
            rows = self._clean_rows(sid)
            _keep_html(rows, {r.key: r for r in before or () if r.id not in fresh})
            return rows
        rows = []
        before = before or []
        at, last = 0, len(before)
        elsewhere: dict[tuple[str, str], int] | None = None  # the rows before: key -> place (made when needed)
        for entry in self.comparison.section_walk(sid):
            # A change moves a few rows: the others come in the order they came, so the row before is
            # most often the next one not yet met (the rows of the paragraphs named are made afresh, and
            # passed over); a look-up by key only when it is not.
            if entry.id in fresh:
                old = None
            else:
                while at < last and before[at].id in fresh:
                    at += 1
                old = before[at] if at < last else None
                if old is not None and old.id == entry.id and old.kind == entry.kind:
                    at += 1
                else:
                    if elsewhere is None:
                        elsewhere = {r.key: k for k, r in enumerate(before)}
                    k = elsewhere.get((entry.kind, entry.id))
                    old = before[k] if k is not None else None
                    if k is not None and k >= at:  # met again from there on (a row gone before it)
                        at = k + 1
            if (
                old is not None
                and old.entry is not None
                and entry.kind in ("paragraph", "ghost")
                and old.entry.paragraph is entry.paragraph
                and old.status == entry.status
            ):
                rows.append(old)
                continue
            row = self._row(entry)
            if old is not None and old.html is not None and old.signature == row.signature:
                row.html = old.html
            rows.append(row)
        return rows

    def _rows_of_sections(self, sections: Iterable[str]) -> Iterable[tuple[int, str, int, Row]]:
        """(index, section, index in the section, row) of the rows listed under these sections."""
        wanted = set(sections)
        start = 0
        for sid in self._order:
            rows = self._sections[sid]
            if sid in wanted:
                for k, row in enumerate(rows):
                    yield start + k, sid, k, row
            start += len(rows)

    def label(self, row: Row) -> tuple[str, str]:
        """A row's number as the gutter shows it and its tooltip, from the numbering as it stands."""
        if row.kind not in ("paragraph", "ghost"):
            return "", ""
        comp = row.entry.paragraph if row.entry is not None else None
        if comp is None:  # clean text
            return self.draft.label_of_paragraph(row.id) or "", ""
        if row.kind == "ghost":
            return (
                f"({comp.old_number})",
                f"Former paragraph {comp.old_number}; now paragraph {comp.new_number}",
            )
        if comp.struck:
            return f"({comp.old_number})", f"Struck; was paragraph {comp.old_number}"
        if comp.inserted:
            return str(comp.new_number), "New paragraph (not in the earlier text)"
        if comp.old_number != comp.new_number:
            return str(comp.new_number), f"Former paragraph {comp.old_number}"
        return str(comp.new_number), f"Paragraph {comp.new_number} (number unchanged)"

    def html(self, index: int) -> str:
        """The rich text of a row (made on first use)."""
        row = self.rows[index]
        if row.kind == "ghost" and row.entry is not None and row.entry.paragraph is not None:
            where = (self._where_now(row.entry.paragraph),)  # "moved to paragraph 45": as numbered now
            if where != row.signature:
                row.signature, row.html = where, None
        if row.html is None:
            row.html = self._render(row)
        return row.html

    def size_html(self, index: int) -> str:
        """The rich text a row is sized by: its own, but for a moved-away place the digits all 0 (its "now
        paragraph 45" changes with every renumbering, its height does not, so it is not laid out again)."""
        html = self.html(index)
        row = self.rows[index]
        if row.kind != "ghost":
            return html
        if row.sized is None or row.sized[0] is not html:
            row.sized = (html, _DIGITS.sub("0", html))
        return row.sized[1]

    def refresh_paragraph(self, paragraph_id: str) -> list[int]:
        """Bring one paragraph's row up to date after its words or proposals changed; returns the rows."""
        para = self.draft.paragraphs.get(paragraph_id)
        if para is None:
            return []
        self._proposals[paragraph_id] = self.draft.pending_proposals(paragraph_id)
        comp = self.comparison.paragraphs.get(paragraph_id) if self.comparison else None
        if isinstance(comp, LazyParagraphComparison):
            comp.forget()
        return self._replace_rows({paragraph_id: para}, {paragraph_id: comp})

    def refresh_paragraphs(self, paragraph_ids: set[str] | frozenset[str], words: bool = True) -> list[int]:
        """refresh_paragraph for several paragraphs in one pass over the rows and the proposals (an adoption
        that lapses proposals touches many paragraphs at once). words=False: their words did not change (only
        their proposals), so their word diffs, worked out already, still hold."""
        if len(paragraph_ids) <= 1 and words:
            return [i for pid in paragraph_ids for i in self.refresh_paragraph(pid)]
        paras = {pid: self.draft.paragraphs[pid] for pid in paragraph_ids if pid in self.draft.paragraphs}
        pending: dict[str, list[Proposal]] = {pid: [] for pid in paras}
        for proposal in self.draft.proposals.values():
            if proposal.status == "pending" and proposal.paragraph in pending:
                pending[proposal.paragraph].append(proposal)
        self._proposals.update(pending)
        comps = {}
        for pid in paras:
            comp = comps[pid] = self.comparison.paragraphs.get(pid) if self.comparison else None
            if words and isinstance(comp, LazyParagraphComparison):
                comp.forget()
        return self._replace_rows(paras, comps)

    def _replace_rows(
        self, paras: dict[str, Paragraph], comps: dict[str, ParagraphComparison | None]
    ) -> list[int]:
        """Make the rows of these paragraphs again (in the sections they stand in now and stood in before)."""
        changed = []
        for pid, para in paras.items():
            comp = comps[pid]
            sections = [para.section]
            if comp is not None and comp.old_section is not None and comp.old_section != para.section:
                sections.append(comp.old_section)
            for sid in sections:
                k = self._place_in(sid, ("paragraph", pid)) if sid in self._sections else None
                if k is not None:
                    at = self._start_of(sid) + k
                    self.rows[at] = self._sections[sid][k] = self._paragraph_row(para, comp)
                    changed.append(at)
        return sorted(changed)

    def refresh_heading(self, item_id: str) -> list[int]:
        """Bring a section's or sub-heading's row up to date after a retitle; returns the rows rebuilt."""
        changed = []
        for i, sid, k, row in list(self._rows_of_sections(self._order)):
            if row.id == item_id and row.kind in ("section", "subheading"):
                self.rows[i] = self._sections[sid][k] = self._row(
                    self._heading_entry(row.kind, item_id, row.section)
                )
                changed.append(i)
        return changed

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
        status = (
            "unchanged" if old == new else ("inserted" if not old else "removed" if not new else "amended")
        )
        return Entry("subheading", item_id, section, title_diff=word_diff(old, new), status=status)

    def _clean_rows(self, sid: str) -> list[Row]:
        d = self.draft
        rows = [self._row(Entry("section", sid, sid, title_diff=[("equal", d.sections[sid].title)]))]
        for item in d.sections[sid].items:
            para = d.paragraphs.get(item)
            if para is not None:
                if not para.struck:
                    rows.append(self._paragraph_row(para, None))
                continue
            heading = d.subheadings[item]
            if not heading.removed:
                rows.append(self._row(Entry("subheading", item, sid, title_diff=[("equal", heading.title)])))
        return rows

    # ------------------------------------------------------------- one row
    def _row(self, entry: Entry) -> Row:
        if entry.kind in ("section", "subheading"):
            label = self.draft.numbering().label.get(entry.id, "") if entry.kind == "section" else ""
            signature = (label, tuple(entry.title_diff), entry.status)
            return Row(entry.kind, entry.id, entry.section, entry.status, signature, entry, owner=self)
        comp = entry.paragraph
        if entry.kind == "ghost" and comp is not None:
            return Row("ghost", entry.id, entry.section, "moved", (self._where_now(comp),), entry, owner=self)
        para = self.draft.paragraphs.get(entry.id) or self.baseline.paragraphs[entry.id]  # type: ignore[union-attr]
        return self._paragraph_row(para, comp)

    def _where_now(self, comp: ParagraphComparison) -> str:
        if comp.new_section == comp.old_section:
            return f"to paragraph {comp.new_number}"
        label = self.draft.numbering().label.get(comp.new_section or "", "?")
        title = self.draft.sections[comp.new_section].title if comp.new_section else ""
        return f"to section {label}, {_esc(title)}, as paragraph {comp.new_number}"

    def _paragraph_row(self, para: Paragraph, comp: ParagraphComparison | None) -> Row:
        proposals = tuple(p.id for p in self._proposals.get(para.id, []))
        if comp is None:  # clean text
            entry = Entry("paragraph", para.id, para.section)
            return Row("paragraph", para.id, para.section, "unchanged", (proposals,), entry, owner=self)
        status = comp.status
        entry = Entry("paragraph", para.id, para.section, comp, status=status)
        signature = (status, comp.old_number, proposals, para.author)
        return Row("paragraph", para.id, para.section, status, signature, entry, owner=self)

    # ------------------------------------------------------------ rich text
    def _render(self, row: Row) -> str:
        entry = row.entry
        assert entry is not None
        if row.kind == "section":
            label = row.signature[0]
            title = diff_html(entry.title_diff)
            if entry.status == "removed":
                title = f'<s><span style="color:{DELETE_COLOUR}">{title}</span></s> (section removed)'
            head = f"{label}. " if label else ""
            return f'<p style="margin-top:14px"><b><big>{head}{title}</big></b></p>'
        if row.kind == "subheading":
            return f"<p><i>{diff_html(entry.title_diff)}</i></p>"
        if row.kind == "ghost":
            comp = entry.paragraph
            return (
                f'<p><span style="color:{MOVE_COLOUR}"><i>Former paragraph {comp.old_number} '  # type: ignore[union-attr]
                f"moved {row.signature[0]}.</i></span></p>"
            )
        para = self.draft.paragraphs[row.id]
        comp = entry.paragraph
        notes_html = "".join(
            f'<p style="margin-left:28px"><small>Note {n}: {_esc(note)}</small></p>'
            for n, note in enumerate(para.notes, start=1)
        )
        if comp is None:
            labels = para.sub_labels()
            subs = [(f"({labels[s.id]})", bracketed_html(s.text), s.level) for s in para.live_subparagraphs()]
            opening = para.italic_words()
            rest = bracketed_html(para.text[len(opening) :])
            body = f"<i>{_esc(opening)}</i>{rest}" if opening else bracketed_html(para.text)
            return self._assemble(body, subs, "") + notes_html + self._proposals_of(para.id, as_diff=False)
        subs = []
        for sub in comp.subparagraphs:
            letter = sub.new_letter or sub.old_letter or ""
            piece = diff_html(sub.diff, brackets=sub.status != "struck" and not comp.struck)
            level = next((s.level for s in para.subparagraphs if s.id == sub.id), 1)
            if sub.status == "struck":
                struck = f'<s><span style="color:{DELETE_COLOUR}">({letter}) </span></s>{piece}'
                subs.append(("", struck, level))
                continue
            marker = f"({letter})"
            if sub.old_letter and sub.new_letter and sub.old_letter != sub.new_letter:
                marker += (
                    f' <span style="color:{QUIET_COLOUR}"><small>former ({sub.old_letter})</small></span>'
                )
            subs.append((marker, piece, level))
        notes = []
        if comp.status == "moved":
            notes.append(
                f'<span style="color:{MOVE_COLOUR}"><b>Moved</b> — former paragraph {comp.old_number}</span>'
            )
        elif comp.status == "inserted":
            notes.append(f'<span style="color:{INSERT_COLOUR}"><b>New paragraph</b></span>')
        elif comp.status == "struck":
            notes.append(
                f'<span style="color:{DELETE_COLOUR}"><b>Struck</b> — former paragraph {comp.old_number}</span>'
            )
        if comp.amended and not comp.struck:
            who = self._changed_by(para)
            if who:
                notes.append(f'<span style="color:{QUIET_COLOUR}">{who}</span>')
        body = _opening_html(para.italic_words(), comp.diff, brackets=not comp.struck)
        text = self._assemble(body, subs, " · ".join(notes)) + notes_html
        return text if comp.struck else text + self._proposals_of(para.id)

    def _changed_by(self, para: Paragraph) -> str:
        """ "changed by Team Blue, Team Yellow and the Chair" — every delegation whose change to the words
        stands, not only the last one ("" when only the Chair's own pen changed them)."""
        authors = self.authors_of(para) if self.authors_of is not None else [para.author]
        if not authors or set(authors) == {CHAIR}:
            return ""
        names = [_esc("the Chair" if a == CHAIR else self.name_of.get(a, a)) for a in authors]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        return f"changed by {listed}"

    def _proposals_of(self, paragraph_id: str, as_diff: bool = True) -> str:
        current = self.draft.paragraphs[paragraph_id].text if as_diff else None  # clean text: no marks
        return proposals_html(self._proposals.get(paragraph_id, []), current, self.name_of, self.keys)

    def pending_of(self, paragraph_id: str) -> list[Proposal]:
        """The pending proposals on a paragraph, as the rows show them (kept per paragraph, change by change)."""
        return self._proposals.get(paragraph_id, [])

    def proposals_tip(self, index: int) -> str:
        """The full wording of the pending proposals on a row's paragraph ("" when none)."""
        row = self.rows[index]
        return proposals_tip(self._proposals.get(row.id, []), self.name_of) if row.kind == "paragraph" else ""

    @staticmethod
    def _assemble(body: str, subs: list[tuple[str, str, int]], note: str) -> str:
        parts = [f"<p>{body}</p>"]
        for marker, piece, level in subs:
            parts.append(f'<p style="margin-left:{28 * level}px">{marker} {piece}</p>')
        if note:
            parts.append(f"<p><small>{note}</small></p>")
        return "".join(parts)


def _keep_html(rows: list[Row], kept: dict[tuple[str, str], Row]) -> None:
    """Give each row the rich text of the row it replaces when nothing it depends on changed."""
    for row in rows:
        old = kept.get(row.key)
        if old is not None and old.signature == row.signature:
            row.html = old.html
