"""The Qt list model over the draft rows: one row per paragraph, heading or moved-away place.

A Change naming one paragraph rebuilds and repaints that one row; a strike, restore, insert or move lists
again only the rows of the sections it touched and tells the view which rows came, went or changed; the
numbers of the others are drawn from the numbering as it stands (one repaint, no row laid out again). A
change of the sections themselves, of the numbering or of the baseline compares the whole draft again.
"""

from __future__ import annotations

import difflib
from typing import Any

from ...core.draft.authorship import change_authors
from ...core.draft.compare import shared_ends
from ...core.draft.model import Paragraph
from ...core.log.change import Change
from ...core.log.session import Session
from ..qt import DISPLAY_ROLE, TOOLTIP_ROLE, QAbstractListModel, QModelIndex, QObject, Qt
from .draft_rows import DraftRows, Row
from .words_kept import TAG_HTML

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 3
PROPOSALS_TIP_ROLE = Qt.ItemDataRole.UserRole + 4  # the full wording of the paragraph's pending proposals
SIZE_ROLE = (
    Qt.ItemDataRole.UserRole + 5
)  # the rich text the row's height is measured on (see DraftRows.size_html)
# Changes that touch only the sections they name (and the baseline sections of the paragraphs they name).
SECTION_LOCAL = frozenset(
    {
        "draft.paragraph.insert",
        "draft.paragraph.strike",
        "draft.paragraph.restore",
        "draft.paragraph.move",
        "draft.paragraph.kind",
        "draft.subheading.add",
        "draft.subheading.remove",
        "draft.subheading.restore",
        "draft.section.retitle",
    }
)


NEARBY = 64  # rows either side of where a row was found that are looked at first
FEW_ROWS = 16  # rows made again that are told to the view one by one (more: as one span)


class DraftModel(QAbstractListModel):
    """Rows of the draft as the chair sees it, in one of three modes (tabled, last, clean)."""

    def __init__(self, session: Session, mode: str = "tabled", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.mode = mode
        self.rows = DraftRows(
            session.draft, self._baseline(), session.state.roster.names(), authors_of=self._authors_of
        )
        self.pending: set[str] = set()  # paragraphs with words typed and not committed (tagged)
        # While the view is told of a change step by step, the rows it will end with (see DraftView
        # _unmeasured_near); else None.
        self.coming: list[Row] | None = None
        self._found: dict[tuple[str, str], int] = {}  # rows found lately (12,000 rows: a scan is 2 ms)

    def _authors_of(self, para: Paragraph) -> list[str]:
        """Who changed the paragraph's words since the baseline the chair compares with."""
        source, upto = self.credit_source()
        baseline = "tabled" if self.mode == "tabled" else "last"
        return change_authors(source, para.id, [s.id for s in para.subparagraphs], baseline, upto)

    def credit_source(self) -> tuple[Any, int | None]:
        """Whose log the credits are read from, and up to which event (None: all of it)."""
        return self.session, None

    def _baseline(self):  # noqa: ANN202
        if self.mode == "clean":
            return None
        return self.session.baseline("tabled" if self.mode == "tabled" else "last")

    # ------------------------------------------------------------ Qt model
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows.rows)

    def data(self, index: QModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or index.row() >= len(self.rows.rows):
            return None
        row = self.rows.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == HTML_ROLE:
            html = self.rows.html(index.row())
            return TAG_HTML + html if row.kind == "paragraph" and row.id in self.pending else html
        if role == SIZE_ROLE:
            return self.size_html(index.row())
        if role == NUMBER_ROLE:
            return row.number
        if role == DISPLAY_ROLE:
            return f"{row.number} {self.rows.html(index.row())}"
        if role == PROPOSALS_TIP_ROLE:
            return self.rows.proposals_tip(index.row()) or None
        if role == TOOLTIP_ROLE:
            return row.tooltip or None
        return None

    def size_html(self, index: int) -> str:
        """The rich text a row is sized by (DraftRows.size_html, with the "not committed" tag)."""
        html = self.rows.size_html(index)
        row = self.rows.rows[index]
        return TAG_HTML + html if row.kind == "paragraph" and row.id in self.pending else html

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.rows.rows[index.row()].kind == "paragraph":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -------------------------------------------------------------- lookup
    def row_of(self, kind: str, item_id: str, near: int | None = None) -> int | None:
        """The row showing a paragraph (kind "paragraph") or heading (looked for around `near` first when it
        was not found lately: the row the view had current before a change)."""
        rows, key = self.rows.rows, (kind, item_id)
        guess = self._found.get(key, near)
        if guess is not None:  # a change moves a row by a few places: look around where it was first
            for i in range(max(0, guess - NEARBY), min(len(rows), guess + NEARBY + 1)):
                if rows[i].key == key:
                    self._found[key] = i
                    return i
        if self.rows.settled:  # in the sections it can stand in (12,000 rows: 2 ms a scan)
            found = self.rows.index_of(kind, item_id)
        else:  # the rows are being changed step by step: the places are those of the rows listed
            found = next((i for i, row in enumerate(rows) if row.key == key), None)
        if found is not None:  # (a row's key is unique: a paragraph's row and its ghost differ)
            if len(self._found) >= 64:
                self._found.clear()
            self._found[key] = found
        return found

    def row_of_paragraph(self, paragraph_id: str | None, near: int | None = None) -> int | None:
        """The row showing a paragraph: its own, or (struck after a move) the place it was struck from."""
        if paragraph_id is None:
            return None
        row = self.row_of("paragraph", paragraph_id, near)
        return row if row is not None else self.row_of("ghost", paragraph_id, near)

    def row_at(self, index: int) -> Row | None:
        """The row at a position."""
        return self.rows.rows[index] if 0 <= index < len(self.rows.rows) else None

    def set_pending(self, paragraph_ids: set[str]) -> None:
        """Tag these paragraphs "✎ not committed"; only the rows whose tag comes or goes are laid out again."""
        changed = self.pending ^ set(paragraph_ids)
        self.pending = set(paragraph_ids)
        for pid in changed:
            row = self.row_of("paragraph", pid)
            if row is not None:
                self.dataChanged.emit(self.index(row), self.index(row))

    # ------------------------------------------------------------- updates
    def set_mode(self, mode: str) -> None:
        """Show changes since the tabled draft, since the last baseline, or the clean text."""
        if mode == self.mode:
            return
        self.mode = mode
        self._reset()

    def _reset(self) -> None:
        """Compare against another baseline: every row is new."""
        self.beginResetModel()
        self.rows.baseline = self._baseline()
        self.rows.rows = []
        self.rows.rebuild()
        self.endResetModel()

    def apply_change(self, change: Change) -> None:
        """Refresh only what the Change names."""
        if not {"draft", "roster", "proposals"} & change.areas:  # proposals: lapsed or revived at adoption
            return
        if "roster" in change.areas:
            self.rows.name_of = self.session.state.roster.names()
        if "baseline" in change.areas and self.mode == "last":
            self._reset()
            return
        if change.kind in SECTION_LOCAL:
            # a retitle renames the section in the "moved to section …" marks too: they are made when drawn
            self._update(change.sections, change.paragraphs, change.kind)
            return
        if change.structure:
            self._rebuild(change.paragraphs)
            return
        touched: set[int] = set()
        touched.update(self.rows.refresh_paragraphs(change.paragraphs, words=change.draft_changed))
        if change.kind == "draft.subheading.retitle":
            touched.update(self.rows.refresh_heading(change.event.payload["id"]))
        if len(touched) > FEW_ROWS:  # (an adoption lapsing hundreds of proposals: one signal, not hundreds)
            self.dataChanged.emit(self.index(min(touched)), self.index(max(touched)))
            return
        for i in sorted(touched):
            index = self.index(i)
            self.dataChanged.emit(index, index)

    def _rebuild(self, reworded: set[str] | frozenset[str] = frozenset()) -> None:
        """Compare again; tell the view which rows came, went or changed, keeping the others as they are."""
        old = self.rows.rows
        new = self.rows.rebuild(reworded)
        old_keys, new_keys = [r.key for r in old], [r.key for r in new]
        if old_keys != new_keys:
            # Qt must see the list change step by step: rebuild it from the old rows, last block first.
            current = list(old)
            self.rows.rows, self.coming = current, new
            for tag, i1, i2, j1, j2 in reversed(_opcodes(old_keys, new_keys)):
                if tag in ("delete", "replace"):
                    self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                    del current[i1:i2]
                    self.endRemoveRows()
                if tag in ("insert", "replace"):
                    self.beginInsertRows(QModelIndex(), i1, i1 + (j2 - j1) - 1)
                    current[i1:i1] = new[j1:j2]
                    self.endInsertRows()
            self.rows.rows, self.coming = new, None
        if new:  # numbers and texts: drawn again as they are shown (the rows keep their laid-out text)
            self.dataChanged.emit(self.index(0), self.index(len(new) - 1))

    def _update(self, sections: set[str], paragraphs: set[str], kind: str = "") -> None:
        """List again the rows of these sections; tell the view which came and went, then repaint."""
        current = list(self.rows.rows)  # Qt must see the list change step by step, from the rows before
        pieces = self.rows.update(sections, paragraphs, kind)
        new = self.rows.rows
        self.rows.rows, self.coming = current, new
        for at, before, now in reversed(pieces):  # last section first: the earlier rows keep their places
            opcodes = _opcodes([r.key for r in before], [r.key for r in now])
            for tag, i1, i2, j1, j2 in reversed(opcodes):
                if tag in ("delete", "replace"):
                    self.beginRemoveRows(QModelIndex(), at + i1, at + i2 - 1)
                    del current[at + i1 : at + i2]
                    self.endRemoveRows()
                if tag in ("insert", "replace"):
                    self.beginInsertRows(QModelIndex(), at + i1, at + i1 + (j2 - j1) - 1)
                    current[at + i1 : at + i1] = now[j1:j2]
                    self.endInsertRows()
            current[at : at + len(now)] = now
        self.rows.rows, self.coming = new, None
        if new:  # the numbers after the change and the rows' texts: drawn again as they are shown
            self.dataChanged.emit(self.index(0), self.index(len(new) - 1))


def _opcodes(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes from old to new, matched only between the rows the two have not in common at
    either end (a structural change touches a few rows: the others are not compared pair by pair)."""
    head, tail = shared_ends(old, new)
    middle = difflib.SequenceMatcher(
        None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False
    )
    opcodes = [("equal", 0, head, 0, head)] if head else []
    opcodes += [
        (tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in middle.get_opcodes()
    ]
    if tail:
        opcodes.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
    return opcodes
