"""The outline on the left: sections with letter, title, adoption mark, paragraph range and open brackets.

Three layers: `outline_state` (plain rows from the draft), `OutlineModel` (a QStandardItemModel over them)
and `OutlineView` (a tree whose drag and drop moves a paragraph or a section through the controller).
A paragraph's line reads its number from the draft's numbering when drawn, so a strike or a move updates
only the lines of the sections it touched (and the other sections' spans), not every number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ...core.adoption.model import section_mark
from ...core.draft.compare import shared_ends
from ...core.draft.model import Draft, Numbering, Paragraph
from ...core.log.session import Session
from ..qt import (
    DISPLAY_ROLE,
    QAbstractItemView,
    QDropEvent,
    QModelIndex,
    QObject,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTreeView,
    QWidget,
    Signal,
)
from .outline_delegate import ID_ROLE, KIND_ROLE, OutlineDelegate

__all__ = ["ID_ROLE", "KIND_ROLE", "OutlineDelegate", "OutlineModel", "OutlineView", "outline_state"]


@dataclass
class OutlineParagraph:
    """A paragraph under its section in the outline."""

    id: str
    number: str  # as shown: "12", "PP3", "7 bis"
    text: str


@dataclass
class OutlineSection:
    """One section line: "○ D. Capacity building — ¶ 13–22 · 2 [ ]"."""

    id: str
    label: str
    title: str
    status: str
    span: str | None  # the paragraphs as shown: "13–22", "PP1–PP4, 1–3"
    open_brackets: int
    paragraphs: list[OutlineParagraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The section's line as the outline shows it."""
        mark = section_mark(self.status)
        span = f"¶\u00a0{self.span}" if self.span else "no paragraphs"
        brackets = {0: "", 1: " · 1 open bracket"}.get(
            self.open_brackets, f" · {self.open_brackets} open brackets"
        )
        return f"{mark} {self.label}. {self.title} — {span}\n{self.status}{brackets}"

    @property
    def tooltip(self) -> str:
        """Status and brackets in words."""
        brackets = {0: "no open brackets", 1: "1 open bracket"}.get(
            self.open_brackets, f"{self.open_brackets} open brackets"
        )
        return f"Section {self.label}: {self.status}; {brackets}"


def outline_state(session: Session) -> list[OutlineSection]:
    """The outline's rows, from the draft as it stands."""
    draft = session.draft
    numbering = draft.numbering()
    result = []
    for sid in draft.order:
        section = draft.sections[sid]
        paragraphs = [
            OutlineParagraph(p.id, numbering.shown.get(p.id, ""), " ".join(p.text.split()[:8]))
            for p in draft.live_paragraphs(sid)
        ]
        result.append(
            OutlineSection(
                sid,
                numbering.label[sid],
                section.title,
                session.state.adoption.section_status(sid),
                draft.label_range(sid),
                draft.open_brackets(sid),
                paragraphs,
            )
        )
    return result


class OutlineModel(QStandardItemModel):
    """Sections at the top level, their paragraphs under them."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sections: list[OutlineSection] = []
        self._runs: dict[str, list[tuple[str, str, bool]]] = {}  # section -> its runs of one kind
        # paragraph -> (its words, its line, its open brackets): made again only when its words changed
        self._known: dict[str, tuple[str, OutlineParagraph, int]] = {}
        self._filled: set[str] = set()  # sections whose paragraph lines are items (unfolded at least once)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild from the draft (after a change of structure). A section's paragraph lines become items
        when it is first unfolded (`fetchMore`): 10,000 items at the start would cost 0.2 s."""
        self._runs.clear()
        self.sections = self._sections_now()  # as refresh_changed makes them: its first change redoes none
        self.clear()
        self._filled.clear()
        root = self.invisibleRootItem()
        for section in self.sections:
            root.appendRow(self._section_item(section))

    # ----------------------------------------- a section's lines made when it is first unfolded
    def _section_row(self, parent: QModelIndex) -> int | None:
        """The row of the section at parent whose lines are not items yet, if it is one."""
        if not parent.isValid() or parent.parent().isValid() or parent.row() >= len(self.sections):
            return None
        return None if self.sections[parent.row()].id in self._filled else parent.row()

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008, D102, N802
        row = self._section_row(parent)
        return bool(self.sections[row].paragraphs) if row is not None else super().hasChildren(parent)

    def canFetchMore(self, parent: QModelIndex) -> bool:  # noqa: D102, N802
        row = self._section_row(parent)
        return row is not None or super().canFetchMore(parent)

    def fetchMore(self, parent: QModelIndex) -> None:  # noqa: D102, N802
        row = self._section_row(parent)
        if row is not None:
            self.fill(row)

    def lines_in(self, row: int) -> int:
        """How many paragraph lines the section at row has (items or not yet)."""
        return len(self.sections[row].paragraphs)

    def fill(self, row: int) -> QStandardItem:
        """The item of the section at row, with its paragraph lines as items."""
        item = self.item(row)
        section = self.sections[row]
        if section.id not in self._filled:
            self._filled.add(section.id)
            item.appendRows([self._paragraph_item(para) for para in section.paragraphs])
        return item

    def refresh_changed(
        self, touched: set[str] | None = None, named: set[str] | frozenset[str] | None = None
    ) -> None:
        """After a change of structure: update the lines that differ and rebuild only the sections whose
        paragraphs came, went or moved (the whole tree only when the sections themselves changed). With
        `touched`, only those sections' paragraphs and brackets are looked at; the others' spans are. With
        `named`, the change only took these paragraphs out of sections or put them in (row_patches.ONLY_NAMED):
        a touched section's lines and brackets are those it had, less and plus theirs."""
        draft = self.session.draft
        if self.rowCount() != len(draft.order) or draft.order != [s.id for s in self.sections]:
            self.refresh()
            return
        if touched is None:
            touched = set(draft.order)
        numbering = draft.numbering()
        for row, old in enumerate(self.sections):
            sid = old.id
            near = sid in touched or sid not in self._runs
            if near:
                live = draft.live_paragraphs(sid)
                had = sid in self._runs
                self._runs[sid] = _kind_runs(live)
                counted = self._in_and_out(old, live, named) if named is not None and had else None
                brackets, lines = counted or self._brackets_and_lines(live)
            new = self._outline_section(
                sid,
                numbering,
                brackets if near else old.open_brackets,
                lines if near else old.paragraphs,
            )
            self.sections[row] = new
            if old == new:
                continue
            item = self.item(row)
            if item.text() != new.text or item.toolTip() != new.tooltip:
                item.setText(new.text)
                item.setToolTip(new.tooltip)
            if near and sid in self._filled:
                self._update_children(item, old.paragraphs, new.paragraphs)
            elif bool(old.paragraphs) != bool(new.paragraphs):  # its fold mark comes or goes
                item.emitDataChanged()

    def _sections_now(self) -> list[OutlineSection]:
        """Every section's line and paragraph lines, through the caches a later change reads (its runs,
        each paragraph's line and open brackets), so that the first change after opening a long draft
        looks again only at the sections it touched."""
        draft = self.session.draft
        numbering = draft.numbering()
        sections = []
        for sid in draft.order:
            live = draft.live_paragraphs(sid)
            self._runs[sid] = _kind_runs(live)
            brackets, lines = self._brackets_and_lines(live)
            sections.append(self._outline_section(sid, numbering, brackets, lines))
        return sections

    def _known_of(self, para: Paragraph) -> tuple[str, OutlineParagraph, int]:
        """A paragraph's words, line (its number is read when drawn) and open brackets, made again only
        when its words changed (or its sub-paragraphs: refresh_paragraphs forgets them)."""
        known = self._known.get(para.id)
        if known is None or known[0] != para.text:
            line = OutlineParagraph(para.id, "", _first_words(para.text))
            known = self._known[para.id] = (para.text, line, para.open_brackets())
        return known

    def _line_again(self, para: Paragraph, line: OutlineParagraph) -> OutlineParagraph:
        """A paragraph's line after a change named it (its brackets counted again): the line it had when its
        first words are the same, so that nothing is drawn again for it."""
        words, now, brackets = self._known_of(para)
        if now is not line and now.text == line.text:
            self._known[para.id] = (words, line, brackets)
            return line
        return now

    def _brackets_and_lines(self, live: list[Paragraph]) -> tuple[int, list[OutlineParagraph]]:
        """The open brackets and the lines of a section's live paragraphs, in one pass over them."""
        total = 0
        lines = []
        for para in live:
            _words, line, brackets = self._known_of(para)
            total += brackets
            lines.append(line)
        return total, lines

    def _in_and_out(
        self, old: OutlineSection, live: list[Paragraph], named: set[str] | frozenset[str]
    ) -> tuple[int, list[OutlineParagraph]] | None:
        """A section's open brackets and lines after a change that only took the named paragraphs out of it
        or put them in: those it had, less and plus theirs (None: not known, to be counted again)."""
        total, had = old.open_brackets, [line.id for line in old.paragraphs]
        for pid in named:
            if pid in had:
                known = self._known.get(pid)
                if known is None:
                    return None
                total -= known[2]
        lines = [line for line in old.paragraphs if line.id not in named]
        ids = [para.id for para in live]
        for k in sorted(ids.index(pid) for pid in named if pid in ids):  # each at its place, in order
            _words, line, brackets = self._known_of(live[k])
            lines.insert(k, line)
            total += brackets
        if [line.id for line in lines] != ids:
            return None  # (not the same paragraphs as the draft's: counted again)
        return total, lines

    def _update_children(
        self, item: QStandardItem, before: list[OutlineParagraph], paragraphs: list[OutlineParagraph]
    ) -> None:
        """Remove and insert only the lines between the ends the old and new lines share; new words shown."""
        old_ids = [p.id for p in before]
        new_ids = [p.id for p in paragraphs]
        head, tail = shared_ends(old_ids, new_ids)
        if len(old_ids) - tail > head:
            item.removeRows(head, len(old_ids) - tail - head)
        if len(new_ids) - tail > head:
            item.insertRows(head, [self._paragraph_item(p) for p in paragraphs[head : len(new_ids) - tail]])
        words = {p.id: p.text for p in before}
        for k, para in enumerate(paragraphs):
            if para.id in words and words[para.id] != para.text:
                child = item.child(k)
                child.words = para.text  # type: ignore[attr-defined]
                child.emitDataChanged()

    def _outline_section(
        self, sid: str, numbering: Numbering, open_brackets: int, paragraphs: list[OutlineParagraph]
    ) -> OutlineSection:
        """A section's line as it stands: label, title, adoption state, span of numbers, open brackets."""
        return OutlineSection(
            sid,
            numbering.label[sid],
            self.session.draft.sections[sid].title,
            self.session.state.adoption.section_status(sid),
            _span(self._runs[sid], numbering.shown),
            open_brackets,
            paragraphs,
        )

    def _paragraph_item(self, para: OutlineParagraph) -> QStandardItem:
        return ParagraphItem(self.session.draft, para)

    def _section_item(self, section: OutlineSection) -> QStandardItem:
        item = QStandardItem(section.text)
        item.setData(section.id, ID_ROLE)
        item.setData("section", KIND_ROLE)
        item.setToolTip(section.tooltip)
        item.setEditable(False)
        return item

    def refresh_sections(self, section_ids: set[str], counted: dict[str, int | None] | None = None) -> None:
        """Update the section lines (brackets, status, title, span) without rebuilding the tree, after a change
        that moved no paragraph (a change of structure goes to refresh_changed).

        counted: how many more open brackets each section's paragraphs have now, as refresh_paragraphs returns
        it after a change of their words ({} when no words changed: an adoption, its proposals lapsed). A
        section keeps its brackets, plus those, and its runs of paragraphs; without it, and for a section
        whose count is None (not followed), its paragraphs are gone through again (1,250 at 10,000)."""
        draft = self.session.draft
        numbering = draft.numbering()
        for row, old in enumerate(self.sections):
            sid = old.id
            if sid not in section_ids or sid not in numbering.label:
                continue
            change = counted.get(sid, 0) if counted is not None else None
            if change is None or sid not in self._runs:
                live = draft.live_paragraphs(sid)
                self._runs[sid] = _kind_runs(live)
                brackets, _lines = self._brackets_and_lines(live)  # the lines under it stay as they are
            else:
                brackets = old.open_brackets + change
            new = self._outline_section(sid, numbering, brackets, old.paragraphs)
            self.sections[row] = new
            if new.text != old.text or new.tooltip != old.tooltip:
                item = self.item(row)
                item.setText(new.text)
                item.setToolTip(new.tooltip)

    def refresh_paragraph(self, paragraph_id: str) -> None:
        """Update one paragraph's line after its words or sub-paragraphs changed."""
        self.refresh_paragraphs((paragraph_id,))

    def refresh_paragraphs(self, paragraph_ids: Iterable[str]) -> dict[str, int | None]:
        """Update these paragraphs' lines after their words or sub-paragraphs changed, in one pass over the
        lines of each section they stand in (an adoption whose proposals lapse names hundreds of them).
        Returns, for each section they stand in, how many more open brackets they have now (None: not known,
        a paragraph never counted before), for refresh_sections."""
        draft = self.session.draft
        wanted: dict[str, set[str]] = {}  # section -> its paragraphs named
        had: dict[str, int | None] = {}  # paragraph -> its open brackets as last counted
        for pid in paragraph_ids:
            known = self._known.pop(pid, None)  # its brackets counted again (its sub-paragraphs may have changed)
            para = draft.paragraphs.get(pid)
            if para is not None and not para.struck:
                wanted.setdefault(para.section, set()).add(pid)
                had[pid] = known[2] if known is not None else None
        counted: dict[str, int | None] = {}
        for row, state in enumerate(self.sections):  # the lines kept with each section say where it is
            named = wanted.get(state.id)
            if not named:
                continue
            filled = state.id in self._filled  # else its lines are only kept here, made items when unfolded
            lines = list(state.paragraphs)
            for k, known in enumerate(state.paragraphs):
                if known.id not in named:
                    continue
                line = self._line_again(draft.paragraphs[known.id], known)
                if line is known:
                    continue
                lines[k] = line
                if filled:
                    child = self.item(row).child(k)
                    child.words = line.text  # type: ignore[attr-defined]
                    child.emitDataChanged()
            state.paragraphs = lines
            counted[state.id] = _more_brackets(named, had, self._known)
        return counted

    def _section_of(self, paragraph_id: str) -> str | None:
        para = self.session.draft.paragraphs.get(paragraph_id)
        return para.section if para is not None else None

    def index_of(self, kind: str, item_id: str) -> QModelIndex:
        """The index showing a section or paragraph."""
        for row in range(self.rowCount()):
            section = self.item(row)
            if kind == "section" and section.data(ID_ROLE) == item_id:
                return section.index()
            if kind == "paragraph" and section.data(ID_ROLE) == self._section_of(item_id):
                lines = self.sections[row].paragraphs if row < len(self.sections) else []
                for k, line in enumerate(lines):  # the lines kept with the section, in the children's order
                    if line.id == item_id:
                        section = self.fill(row)
                        return section.child(k).index() if k < section.rowCount() else QModelIndex()
        return QModelIndex()


def _more_brackets(
    named: set[str], had: dict[str, int | None], known: dict[str, tuple[str, OutlineParagraph, int]]
) -> int | None:
    """How many more open brackets the named paragraphs of a section have now than when last counted (None:
    one of them was never counted, or is not among the section's lines)."""
    more = 0
    for pid in named:
        before, now = had.get(pid), known.get(pid)
        if before is None or now is None:
            return None
        more += now[2] - before
    return more


def _kind_runs(live: list[Paragraph]) -> list[tuple[str, str, bool]]:
    """(first, last, alone) of each run of paragraphs of one kind (preambular or numbered)."""
    runs: list[list] = []
    kind = ""
    for para in live:
        if para.kind != kind or not runs:
            runs.append([para.id, para.id, True])
            kind = para.kind
        else:
            runs[-1][1:] = [para.id, False]
    return [(a, b, alone) for a, b, alone in runs]


def _span(runs: list[tuple[str, str, bool]], shown: dict[str, str]) -> str | None:
    """The section's paragraphs as shown (as Draft.label_range), from its runs and the numbering now."""
    parts = [
        shown.get(a) or "?" if alone else f"{shown.get(a) or '?'}\u2013{shown.get(b) or '?'}"
        for a, b, alone in runs
    ]
    return ", ".join(parts) or None


def _first_words(text: str) -> str:
    """The first eight words (the rest of a long paragraph is not split: every line is made at the start)."""
    return " ".join(text.split(None, 8)[:8])


class ParagraphItem(QStandardItem):
    """A paragraph's line: its number as the draft numbers it now, then its first words."""

    def __init__(self, draft: Draft, para: OutlineParagraph) -> None:
        super().__init__()
        self.draft = draft
        self.pid = para.id
        self.words = para.text
        # one call, not four: a 2,000-paragraph outline makes 2,000 of these at the start
        self.setFlags(_paragraph_flags())

    def data(self, role: int = DISPLAY_ROLE) -> object:  # noqa: D102
        if role == DISPLAY_ROLE:
            return f"{self.draft.label_of_paragraph(self.pid) or ''}  {self.words}…"
        if role == ID_ROLE:
            return self.pid
        if role == KIND_ROLE:
            return "paragraph"
        return super().data(role)


_FLAGS: list[Qt.ItemFlag] = []


def _paragraph_flags() -> Qt.ItemFlag:
    """A paragraph line's flags: an item's own, neither editable nor a drop target (worked out once)."""
    if not _FLAGS:
        _FLAGS.append(QStandardItem().flags() & ~Qt.ItemFlag.ItemIsEditable & ~Qt.ItemFlag.ItemIsDropEnabled)
    return _FLAGS[0]


class OutlineView(QTreeView):
    """The outline tree; dropping a paragraph or section asks for the move instead of moving items itself."""

    paragraph_dropped = Signal(str, str, int)  # paragraph id, section id, index among its paragraphs
    section_dropped = Signal(str, int)  # section id, new index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.setHeaderHidden(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setIndentation(14)
        self.setItemDelegate(OutlineDelegate(self))

    def refresh_in_place(
        self, draft: Draft, touched: set[str] | None = None, named: set[str] | frozenset[str] | None = None
    ) -> None:
        """Rebuild the outline (the paragraphs of the `touched` sections only, when given; `named`: as
        OutlineModel.refresh_changed), keeping the sections unfolded and the item the keyboard is on."""
        model = self.model()
        unfolded = {
            model.item(r).data(ID_ROLE)
            for r in range(model.rowCount())
            if self.isExpanded(model.item(r).index())
        }
        current = self.currentIndex()
        kind, item_id = (
            (current.data(KIND_ROLE), current.data(ID_ROLE)) if current.isValid() else (None, None)
        )
        model.refresh_changed(touched, named)
        self.viewport().update()  # the numbers of the other paragraphs, as numbered now
        for r in range(model.rowCount()):
            if model.item(r).data(ID_ROLE) in unfolded:
                self.setExpanded(model.item(r).index(), True)
        if kind is None:
            return
        index = model.index_of(kind, item_id)
        para = draft.paragraphs.get(item_id) if kind == "paragraph" else None
        if not index.isValid() and para is not None:  # struck: the section it stood in
            index = model.index_of("section", para.section)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped titles need their height for the new width

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        source = self.currentIndex()
        target = self.indexAt(event.position().toPoint())
        where = self.dropIndicatorPosition()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source.isValid():
            self.drop(source, target, where)

    def drop(
        self, source: QModelIndex, target: QModelIndex, where: QAbstractItemView.DropIndicatorPosition
    ) -> None:
        """Turn a drop into a move: a paragraph onto a section or paragraph, a section onto a section."""
        Position = QAbstractItemView.DropIndicatorPosition
        kind = source.data(KIND_ROLE)
        moving = source.data(ID_ROLE)
        if not target.isValid():
            return
        target_kind = target.data(KIND_ROLE)
        if kind == "paragraph":
            if target_kind == "section":
                section = target.data(ID_ROLE)
                model = self.model()
                index = 0 if where == Position.AboveItem else model.lines_in(target.row())
                if where == Position.AboveItem and target.row() > 0:  # end of the section above
                    above = target.sibling(target.row() - 1, 0)
                    section, index = above.data(ID_ROLE), model.lines_in(above.row())
            else:
                section = target.parent().data(ID_ROLE)
                index = target.row() + (1 if where == Position.BelowItem else 0)
                if source.parent() == target.parent() and source.row() < index:
                    index -= 1  # the paragraph leaves its place before it is put back
            self.paragraph_dropped.emit(moving, section, index)
        elif kind == "section":
            section_index = target.row() if target_kind == "section" else target.parent().row()
            if where == Position.BelowItem and target_kind == "section":
                section_index += 1
            if source.row() < section_index:
                section_index -= 1
            self.section_dropped.emit(moving, max(0, section_index))
