"""The draft in the centre: a view over the draft model, one row per paragraph or heading, drawn by RowDelegate
(row_delegate.py) from its cache of laid-out rows; the paragraph number is drawn in a gutter, and hovering it
shows the former number.

Its own layout, not QListView's: each row's height and where it starts are kept (row_heights.py) and changed
where a change happened, so a strike or an amendment never lays every row out again (QListView did, after
any change of rows or of a row's height, at 7 us a row in Python: 80-140 ms at 10,000 paragraphs; and in
batches it drew no row until the last one, a white page). The rows near the current one are measured
exactly; the others are estimated from their words until they are drawn.
"""

from __future__ import annotations

from ..qt import (
    QAbstractItemView,
    QEvent,
    QFont,
    QItemSelection,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRegion,
    QStyle,
    QStyleOptionViewItem,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from .credits_later import CreditsLater
from .draft_model import DraftModel
from .near_rows import NEAR_ROWS, NearRows  # noqa: F401  (NEAR_ROWS is also read from here)
from .row_delegate import RowDelegate
from .row_heights import RowHeights

FEW_UNMEASURED = 10  # near rows never measured that a row made current measures at once (see currentChanged)
NO_MOVES = object()  # no change of rows waiting to be settled (DraftView._moves)
HIDDEN_ROW = 24  # the height of a row laid out while the view is hidden (a line: the scroll bar is there or not)
# The view's white page, and its scroll bar drawn by these rules: a change that moves the rows moves the bar,
# which Fusion drew in 0.8-1.9 ms a paint (a gradient groove and handle, through the style sheet the page's
# colour sets on the view and its children), these in under 0.1 ms (issue 15).
VIEW_STYLE = """
QAbstractItemView#draftView { background: #ffffff; border: none; }
QScrollBar:vertical { background: palette(window); width: 14px; margin: 0; }
QScrollBar::handle:vertical { background: palette(mid); min-height: 32px; margin: 2px 3px; border-radius: 4px; }
QScrollBar::handle:vertical:hover, QScrollBar::handle:vertical:pressed { background: palette(dark); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }
"""
SMALL_CHANGE = 64  # rows changed at most that are measured again one by one (more: only those made anew)


class DraftView(QAbstractItemView):
    """The centre of the window: the draft with tracked changes, one row per paragraph or heading."""

    edit_requested = Signal()  # Enter on a paragraph: amend it in the editor pane

    def __init__(self, parent: QWidget | None = None, credits_later: bool = False) -> None:
        """credits_later: the rows drawn before the first paint say "changed by …" until it is done (the desk's
        start: the credit index reads the whole log)."""
        self.credits_later = credits_later
        self._current = QPersistentModelIndex()
        self._pending_scroll: tuple[QPersistentModelIndex, QAbstractItemView.ScrollHint] | None = None
        self.rows = RowHeights()  # each row's height and top, as laid out
        self.relayouts = 0  # times every row was laid out again (tests read it)
        self._moves: object = NO_MOVES  # the place kept while the rows a change moves settle (see _moving)
        self._layout_when_shown = False  # rows laid out while hidden, a line each: laid out when shown
        super().__init__(parent)
        self.setObjectName("draftView")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setMouseTracking(True)
        self.row_delegate = RowDelegate(self)
        self.near = NearRows(self, self.row_delegate.measure)  # which rows are measured, not estimated
        self.near.before_step = self.credits_step
        self.credits: CreditsLater | None = None  # the credits of the rows, read after the first paint
        self.setItemDelegate(self.row_delegate)
        self.row_delegate.editor_cursor_moved.connect(self._editor_cursor_moved)
        self.setStyleSheet(VIEW_STYLE)
        self.verticalScrollBar().actionTriggered.connect(self._user_scrolled)

    def setModel(self, model) -> None:  # noqa: ANN001, N802
        """Show a model: its first screens are measured once on screen, its other near rows after that."""
        self.row_delegate.rows_model = model if isinstance(model, DraftModel) else None
        self.credits = CreditsLater(model) if self.credits_later and isinstance(model, DraftModel) else None
        if model is not None:
            self.near.start()  # (before Qt asks for the rows: nothing is measured before the view is shown)
        super().setModel(model)
        if model is not None:
            model.layoutChanged.connect(self.doItemsLayout)
            model.rowsAboutToBeInserted.connect(self._rows_coming)
        self.doItemsLayout()

    def credits_step(self) -> bool:
        """After the first paint, read the credits a part at a time, before the near rows are measured (the
        rows drawn without them are made again once the near rows are: near_done). True while this step
        was used for them."""
        return self.credits is not None and self.credits.held and self.credits.read_more()

    # ------------------------------------------------------------ the rows' places
    def _size(self, at: int) -> int:
        return self.row_delegate.row_size(at).height()

    def _row(self, at: int) -> object:
        return self.row_delegate.rows_model.rows.rows[at]  # type: ignore[union-attr]  (a DraftModel is set)

    def doItemsLayout(self) -> None:  # noqa: N802
        """Every row laid out again: at a new model, width or text size (a change lays out only its rows)."""
        self.relayouts += 1
        self._moves = NO_MOVES  # (every row laid out again: no change of rows left to settle)
        model = self.model()
        count = self.row_count()
        self._layout_when_shown = count > 0 and not self.isVisible()
        if model is None or count == 0:
            self.rows.reset([], [])
        elif self._layout_when_shown:  # (its width is not known yet: the start laid every row out three times)
            self.rows.reset(list(self.row_delegate.rows_model.rows.rows), [HIDDEN_ROW] * count)  # type: ignore[union-attr]
        else:
            self.rows.reset(list(self.row_delegate.rows_model.rows.rows), self.row_delegate.row_heights())  # type: ignore[union-attr]
        super().doItemsLayout()  # (the editors' places and the scroll bars)

    def rowsInserted(self, parent: QModelIndex, start: int, end: int) -> None:  # noqa: N802
        if not parent.isValid():
            self._measure_near_later()
            self.rows.insert(start, [None] * (end - start + 1), [0] * (end - start + 1))
            for at in range(start, end + 1):
                self.rows.set(at, self._row(at), self._size(at))
        super().rowsInserted(parent, start, end)

    def _rows_coming(self, parent: QModelIndex, _start: int, _end: int) -> None:
        if not parent.isValid():
            self._moving()

    def rowsAboutToBeRemoved(self, parent: QModelIndex, start: int, end: int) -> None:  # noqa: N802
        if not parent.isValid():
            self._moving()
            self.rows.remove(start, end - start + 1)
        super().rowsAboutToBeRemoved(parent, start, end)

    def reset(self) -> None:
        super().reset()
        self.doItemsLayout()

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:  # noqa: ANN001, B006, N802
        # A few rows: each measured again (its words changed). Many (the numbers after a structural change,
        # an adoption): only the rows made anew since they were laid out; the others keep their height.
        first, last = top_left.row(), min(bottom_right.row(), len(self.rows) - 1)
        if first >= 0 and not top_left.parent().isValid():
            self._measure_near_later()  # (rows made anew near the current one: a screen now, the others later)
            if last - first < SMALL_CHANGE:
                changed = range(first, last + 1)
            else:  # (12,000 rows compared in a list comprehension: about a millisecond)
                now = self.row_delegate.rows_model.rows.rows[first : last + 1]  # type: ignore[union-attr]
                known = self.rows.rows[first : last + 1]
                changed = [first + k for k, (row, was) in enumerate(zip(now, known, strict=False)) if row is not was]
            for at in changed:
                height = self._size(at)
                if height != self.rows.heights[at]:
                    self._moving()
                self.rows.set(at, self._row(at), height)
        super().dataChanged(top_left, bottom_right, roles)

    def _moving(self) -> None:
        """The rows are about to move: the row the chair reads and where it stands on screen are taken now,
        once for all the changes of this turn (an adoption changes hundreds of rows, one by one), which are
        settled together before the paint (`_settle`)."""
        if self._moves is NO_MOVES:
            self._moves = self.reading_place()
            QTimer.singleShot(0, self, self._settle)

    def _settle(self) -> None:
        """The rows moved: the scroll bar follows, the row the chair reads stays where it stood on screen."""
        if self._moves is not NO_MOVES:
            place, self._moves = self._moves, NO_MOVES
            self._rows_moved(place)

    def _rows_moved(
        self, place: tuple[QPersistentModelIndex, int] | None = None, draw: bool = True, at_end: bool = False
    ) -> None:
        """The rows' heights or number changed: the scroll bar follows, the row the chair reads (taken before
        the change) stays where it stood on screen, or the end of the draft stays in sight (at_end: the view
        was at its end), and the rows are drawn again (draw: not from a paint)."""
        self.updateGeometries()
        bar = self.verticalScrollBar()
        value = bar.maximum() if at_end else self._kept_value(place)
        if value != bar.value() and self._pending_scroll is None:
            bar.blockSignals(not draw)  # (from a paint: no second paint for the scroll)
            bar.setValue(value)
            bar.blockSignals(False)
            if not draw:  # (the signals blocked: no scrollContentsBy, which moves the in-place editor)
                self.updateEditorGeometries()
        if draw:
            self.viewport().update()

    def _kept_value(self, place: tuple[QPersistentModelIndex, int] | None) -> int:
        """Where the scroll bar goes for the row the chair reads to stand where it stood on screen (place)."""
        value = self.verticalScrollBar().value()
        anchor = place[0] if place is not None else None
        if anchor is None or not anchor.isValid() or anchor.row() >= len(self.rows):
            return value
        return self.rows.top(anchor.row()) - place[1]  # type: ignore[index]

    def lay_out_now(self) -> None:
        """Settle now the rows a change moved (the scroll bar, the row the chair reads kept in place), before
        the paint that follows it."""
        self._settle()
        self._scroll_when_laid_out()

    # ------------------------------------------------- QAbstractItemView's geometry
    def horizontalOffset(self) -> int:  # noqa: N802, D102
        return 0

    def scrollContentsBy(self, _dx: int, _dy: int) -> None:  # noqa: N802
        # QAbstractItemView leaves this to its subclasses (QListView's moves its editors with the rows): the
        # in-place editor goes where its row went.
        self.updateEditorGeometries()
        self.viewport().update()

    def verticalOffset(self) -> int:  # noqa: N802, D102
        return self.verticalScrollBar().value()

    def isIndexHidden(self, _index: QModelIndex) -> bool:  # noqa: N802, D102
        return False

    def visualRect(self, index: QModelIndex) -> QRect:  # noqa: N802, D102
        at = index.row()
        if not index.isValid() or index.parent().isValid() or at >= len(self.rows):
            return QRect()
        return QRect(0, self.rows.top(at) - self.verticalOffset(), self.viewport().width(), self.rows.heights[at])

    def indexAt(self, point: QPoint) -> QModelIndex:  # noqa: N802, D102
        model = self.model()
        at = self.rows.row_at(point.y() + self.verticalOffset())
        if model is None or at is None or not 0 <= point.x() < self.viewport().width():
            return QModelIndex()
        return model.index(at, 0)

    def scrollTo(  # noqa: N802
        self,
        index: QModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Show a row (once the view is shown, for a view not shown yet: its size is not known)."""
        if not index.isValid() or index.row() >= len(self.rows):
            return
        model = self.model()
        if isinstance(model, DraftModel) and model.coming is not None:
            # Asked while the model is changed step by step (Qt moves the current row off rows removed): its
            # rows are not yet all of one draft (a replay gone back to before a paragraph was written has
            # rows that no draft holds), so none is measured; whoever changes the rows scrolls after.
            return
        self._settle()  # (the rows a change moved first: the scroll bar's range, the place kept)
        if not self.isVisible():
            self._pending_scroll = (QPersistentModelIndex(index), hint)
            return
        self._pending_scroll = None
        # The row, and the rows the screen will show with it, are measured before the scroll is decided: placed
        # by their estimates, rows drawn taller went below the screen (a row gone to far away, its tracked
        # changes and proposals), or pushed it there (the rows above the one a replay's step highlighted).
        bar, screen = self.verticalScrollBar(), self.viewport().height()
        for _ in range(3):
            changed = self._measure_exactly(index.row())
            value = self._scroll_value(index.row(), hint, bar.value())
            changed |= self._measure_between(max(0, value), value + screen)
            if changed:
                self.updateGeometries()
            else:
                break
        bar.setValue(max(0, min(self._scroll_value(index.row(), hint, bar.value()), bar.maximum())))
        self.viewport().update()

    def _scroll_value(self, at: int, hint: QAbstractItemView.ScrollHint, value: int) -> int:
        """Where the scroll bar goes to show row `at` as hinted, from where it stands (value)."""
        top, height, screen = self.rows.top(at), self.rows.heights[at], self.viewport().height()
        hints = QAbstractItemView.ScrollHint
        if hint == hints.PositionAtTop:
            return top
        if hint == hints.PositionAtBottom:
            return top + height - screen
        if hint == hints.PositionAtCenter:
            return top + (height - screen) // 2
        if top <= value and top + height >= value + screen:
            return value  # (a row taller than the screen covering it: in sight, as PageDown or End left it)
        if top < value or height > screen:
            return top
        if top + height > value + screen:
            return top + height - screen
        return value

    def _measure_between(self, first_y: int, last_y: int) -> bool:
        """Measure the rows from y first_y to last_y that were laid out at an estimate; whether any changed."""
        at = self.rows.row_at(first_y)
        changed = False
        while at is not None and at < len(self.rows) and self.rows.top(at) < last_y:
            changed |= self._measure_exactly(at)
            at += 1
        return changed

    def _measure_exactly(self, at: int) -> bool:
        """Lay a row out at its measured height if it was laid out at an estimate (never drawn); whether its
        height changed."""
        row = self._row(at)
        if row.estimate is None and row.html is not None:  # type: ignore[attr-defined]
            return False
        height, _ = self.row_delegate.measure(at)
        row.estimate = None  # type: ignore[attr-defined]
        return self.rows.set(at, row, height)

    def _in_sight(self, index: QModelIndex) -> bool:
        rect = self.visualRect(index)
        return rect.isValid() and self.viewport().rect().intersects(rect)

    def _scroll_when_laid_out(self) -> None:
        if self._pending_scroll is not None and self.isVisible():
            target, hint = self._pending_scroll
            self._pending_scroll = None
            if target.isValid() and self.model() is not None:
                self.scrollTo(self.model().index(target.row(), 0), hint)

    def moveCursor(self, action, _modifiers) -> QModelIndex:  # noqa: ANN001, N802, D102
        model = self.model()
        count = len(self.rows)
        if model is None or count == 0:
            return QModelIndex()
        current = self.currentIndex().row() if self.currentIndex().isValid() else -1
        moves = QAbstractItemView.CursorAction
        self._settle()  # (the rows a change moved first: the pages are reckoned from their places)
        if action in (moves.MoveUp, moves.MovePrevious):
            at = max(0, current - 1)
        elif action in (moves.MoveDown, moves.MoveNext):
            at = min(count - 1, current + 1)
        elif action == moves.MoveHome:  # the start of the draft (the first row may be current, read further down)
            at = 0
            self._scroll_to(0)
        elif action == moves.MoveEnd:  # the end of the draft: the last row's end, however tall it is
            at = count - 1
            self.scrollTo(model.index(at, 0), QAbstractItemView.ScrollHint.PositionAtBottom)
        elif action == moves.MovePageUp:
            at = self._page_up(max(current, 0))
        elif action == moves.MovePageDown:
            at = self._page_down(max(current, 0))
        else:
            at = max(current, 0)
        return model.index(at, 0)

    def _page_down(self, at: int) -> int:
        """The row PageDown makes current from row `at`: the row a screen below; but a row taller than the
        screen whose end is not in sight stays current, shown a screen further (never past its end)."""
        top, height = self.rows.top(at), self.rows.heights[at]
        offset, screen = self.verticalOffset(), self.viewport().height()
        if height > screen and top + height > offset + screen:
            self._scroll_to(min(max(offset + screen, top), top + height - screen))
            return at
        found = self.rows.row_at(top + max(screen, height))  # (past the end of a tall row shown to its end)
        return found if found is not None else len(self.rows) - 1

    def _page_up(self, at: int) -> int:
        """The row PageUp makes current from row `at`: the row a screen above, a tall one shown from its end;
        but a row taller than the screen whose start is not in sight stays current, shown a screen back."""
        top, height = self.rows.top(at), self.rows.heights[at]
        offset, screen = self.verticalOffset(), self.viewport().height()
        if height > screen and top < offset:
            self._scroll_to(max(min(offset - screen, top + height - screen), top))
            return at
        found = self.rows.row_at(max(0, top - screen))
        found = found if found is not None else 0
        if found != at and self.rows.heights[found] > screen:  # (its last screen: read upwards from there)
            self.scrollTo(self.model().index(found, 0), QAbstractItemView.ScrollHint.PositionAtBottom)
        return found

    def _editor_cursor_moved(self) -> None:
        # After the key is done: the editor, its text grown past its height, scrolls its own lines first.
        # (No editor open, as after most changes and resizes: nothing to follow, no timer.)
        if self.row_delegate.active_editor is not None:
            QTimer.singleShot(0, self, self.show_editor_cursor)

    def show_editor_cursor(self) -> None:
        """While the in-place editor is open, the rows scroll so that its text cursor is in sight, as in a text
        editor: the editor is as tall as its row, so in a paragraph taller than the screen the cursor goes
        below it (Ctrl+End, Down, typing) or above it, and only the view can follow. The cursor is in the
        chair's row and the scroll stays within the bar's range: the row is in sight, and no white page."""
        editor = self.row_delegate.active_editor
        if editor is None or not editor.isVisible():
            return
        self._settle()  # (the rows a change moved first: the editor at its row's place)
        cursor = editor.cursorRect()
        # (the editor's frame and margin shown with the cursor's line: Ctrl+Home shows the row from its top)
        margin = editor.frameWidth() + int(editor.document().documentMargin())
        top = editor.viewport().mapTo(self.viewport(), cursor.topLeft()).y() - margin
        bottom, screen = top + cursor.height() + 2 * margin, self.viewport().height()
        if top < 0:
            self._scroll_to(self.verticalOffset() + top)
        elif bottom > screen:
            self._scroll_to(self.verticalOffset() + min(bottom - screen, top))  # (its top first, if taller)

    def _scroll_to(self, value: int) -> None:
        """Put the scroll bar at value (within its range): the rows that come in sight are measured as drawn."""
        self._pending_scroll = None  # (the chair's keys moved the view: no scroll kept for later)
        bar = self.verticalScrollBar()
        bar.setValue(max(0, min(value, bar.maximum())))

    def setSelection(self, rect: QRect, flags) -> None:  # noqa: ANN001, N802, D102
        model = self.model()
        first, last = self.indexAt(rect.topLeft()), self.indexAt(rect.bottomLeft())
        if model is None or not first.isValid():
            return
        last = last if last.isValid() else model.index(len(self.rows) - 1, 0)
        low, high = sorted((first.row(), last.row()))
        self.selectionModel().select(QItemSelection(model.index(low, 0), model.index(high, 0)), flags)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:  # noqa: N802, D102
        region = QRegion()
        for part in selection:
            for at in range(part.top(), part.bottom() + 1):
                rect = self.visualRect(self.model().index(at, 0))
                if rect.intersects(self.viewport().rect()):
                    region = region.united(rect)
        return region

    def updateGeometries(self) -> None:  # noqa: N802
        bar, screen = self.verticalScrollBar(), self.viewport().height()
        bar.setRange(0, max(0, self.rows.total() - screen))
        bar.setPageStep(screen)
        bar.setSingleStep(24)
        super().updateGeometries()
        self._scroll_when_laid_out()

    def _measure_on_screen(self) -> bool:
        """Measure the rows on screen laid out at their estimated height (never drawn: far from the rows read
        so far), before they are drawn, so that none is drawn over the next; whether any moved."""
        place, offset, bar = self.reading_place(), self.verticalOffset(), self.verticalScrollBar()
        at_end = 0 < bar.maximum() <= offset  # (the bar dragged to its end: the end of the draft stays in sight)
        changed = self._measure_between(offset, offset + self.viewport().height())
        if changed:
            self._rows_moved(place, draw=False, at_end=at_end)
        return changed

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802
        model = self.model()
        if model is None or not len(self.rows):
            return
        moved = False
        while self._measure_on_screen():  # (rows moved, others came in sight: measured in turn; each once)
            moved = True
        if moved and event.rect() != self.viewport().rect():
            self.viewport().update()  # (this paint draws only its part: the rest at their new places next)
        offset, screen = self.verticalOffset(), self.viewport().height()
        first = self.rows.row_at(offset)
        if first is None:
            return
        painter = QPainter(self.viewport())
        selection, current = self.selectionModel(), self.currentIndex()
        focused = self.hasFocus()
        at = first
        while at < len(self.rows) and self.rows.top(at) - offset < screen:
            index = model.index(at, 0)
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            option.rect = QRect(0, self.rows.top(at) - offset, self.viewport().width(), self.rows.heights[at])
            if selection is not None and selection.isSelected(index):
                option.state |= QStyle.StateFlag.State_Selected
            if focused and index == current:
                option.state |= QStyle.StateFlag.State_HasFocus
            self.row_delegate.paint(painter, option, index)
            at += 1
        painter.end()

    # ------------------------------------------------- what NearRows reads
    def current_row(self) -> int:
        """The current row (0 when none): asked for every row laid out, so kept (currentChanged), as a
        persistent index that follows the rows inserted and removed."""
        return max(0, self._current.row())

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:  # noqa: N802
        self._current = QPersistentModelIndex(current)
        self._measure_near_later()
        super().currentChanged(current, previous)

    def _measure_near_later(self) -> None:
        """If many rows near the current one were never measured (a row made current far from those read so
        far, by a go-to or a struck paragraph shown at its tabled place; rows made again by a change, as an
        adoption lapsing proposals; every row at a zoom or a new width): a screen either side is measured now,
        the others a few at a time after the paint, as when a session opens. Measuring all 120 in the relayout
        took turns of 0.1-0.2 s."""
        # (the current row, or the first when there is none: the rows exact() measures are around it)
        if self._unmeasured_near(self.current_row()) > FEW_UNMEASURED:
            self.near.start()  # (again, if filling: the rows it reached were made anew too)

    def _unmeasured_near(self, at: int) -> int:
        """How many rows within NEAR_ROWS of row `at` were never measured at the rows' width and text size: of
        the rows a change leaves, while the view is told of it step by step (the replay, going to another
        moment, makes most rows anew, a block at a time: counted block by block, the rows near the current
        one were each measured at once: 60 word diffs and layouts, about 0.1 s of a click)."""
        model = self.model()
        if not isinstance(model, DraftModel):
            return 0
        key = self.row_delegate.size_key()
        rows = model.coming if model.coming is not None else model.rows.rows
        near = rows[max(0, at - NEAR_ROWS) : at + NEAR_ROWS + 1]
        return sum(1 for row in near if row.size is None or row.size[1] != key)

    def row_count(self) -> int:
        """The rows of the model."""
        model = self.model()
        if isinstance(model, DraftModel):
            return len(model.rows.rows)
        return model.rowCount() if model is not None else 0

    def screen_height(self) -> int:
        """The height of the rows' area on screen."""
        return self.viewport().height()

    def reading_place(self) -> tuple[QPersistentModelIndex, int] | None:
        """The row the chair reads (the current one if in sight, else the top one) and its top on screen."""
        anchor = self.currentIndex()
        if not (anchor.isValid() and self._in_sight(anchor)):
            anchor = self.indexAt(QPoint(1, 1))
        return (QPersistentModelIndex(anchor), self.visualRect(anchor).top()) if anchor.isValid() else None

    def near_done(self, changed: bool) -> None:
        """The near rows are all measured and the credits read: the rows drawn without the credits ("changed
        by …") are made again, and the rows near the current one take their measured heights, keeping the
        row the chair reads in place."""
        place = self.reading_place()  # before the rows change
        if self.credits is not None and self.credits.held and self.credits.release():
            changed = True
        if changed:
            self.relayout_keeping_place(place)

    def relayout_keeping_place(self, place: tuple[QPersistentModelIndex, int] | None = None) -> None:
        """The rows measured since they were laid out take their measured heights, keeping the row the chair
        reads (`reading_place`, taken now unless given) where it stands on screen."""
        if place is None:
            place = self.reading_place()
        model = self.model()
        changed = False
        if isinstance(model, DraftModel):
            key = self.row_delegate.size_key()
            for at, row in enumerate(model.rows.rows):
                size = row.size
                if size is None or size[1] != key:  # (measured at another width or text size: estimated now)
                    continue
                if row.estimate is not None:  # measured since: at its measured height
                    row.estimate = None
                if size[2].height() != self.rows.heights[at]:
                    changed |= self.rows.set(at, row, self._size(at))
        if changed:
            self._rows_moved(place)

    def set_text_font(self, font: QFont) -> None:
        """Zoom: lay the rows out again at another text size. As after a go-to far away, a screen either side
        of the chair's row is measured now and the other near rows after the paint (the 120 near rows measured
        at once made a zoom take 60-80 ms at 2,000 paragraphs)."""
        place = self.reading_place()
        self.row_delegate.set_font(font)
        if self.isVisible():
            self._measure_near_later()
        self.doItemsLayout()
        self.updateGeometries()
        if self.currentIndex().isValid():  # the row being read stays in sight at the new size
            self.scrollTo(self.currentIndex())
        elif place is not None:
            self._rows_moved(place)
        self._editor_cursor_moved()  # (and the text cursor in it, being typed at)

    def _user_scrolled(self, _action: int) -> None:
        self._pending_scroll = None  # the chair scrolled away: do not pull the view back later

    def wheelEvent(self, event) -> None:  # noqa: ANN001, N802
        self._pending_scroll = None
        super().wheelEvent(event)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        if self._layout_when_shown:
            self.doItemsLayout()
            self.updateGeometries()
        super().showEvent(event)
        self._scroll_when_laid_out()

    def viewportEvent(self, event) -> bool:  # noqa: ANN001, N802
        if event.type() == QEvent.Type.Resize:  # another width: every row's lines are laid out again
            width = event.size().width()
            if width != event.oldSize().width():  # (rows laid out hidden, a line each: no place to keep)
                place = None if self._layout_when_shown else self.reading_place()
                whole = self._current_whole(event.oldSize().height())
                self.row_delegate.width_changed()
                if place is not None:  # a screen either side measured now, the other near rows after the paint
                    self._measure_near_later()
                self.doItemsLayout()
                self.updateGeometries()
                if place is not None:
                    self._rows_moved(place)
                if whole and not self._current_whole(event.size().height()):
                    self.scrollTo(self.currentIndex())  # (narrower, it has more lines: its last went below)
                self._editor_cursor_moved()  # (its lines wrapped anew: the text cursor may have gone below)
            else:
                self.updateGeometries()
                self._keep_current_whole(event.oldSize().height(), event.size().height())
                self._editor_cursor_moved()  # (a shorter area: the text cursor may be under the editor pane)
        return super().viewportEvent(event)

    def _current_whole(self, screen: int) -> bool:
        """Whether the current row is all in sight, on a rows' area `screen` pixels high."""
        current = self.currentIndex()
        shown = self.visualRect(current) if current.isValid() else QRect()
        return shown.isValid() and 0 <= shown.top() and shown.bottom() < screen

    def _keep_current_whole(self, was: int, now: int) -> None:
        """The rows' area got shorter (the editor pane taller, a larger text size): the current row, whole on
        screen before, stays whole (its last lines went under the editor pane)."""
        if now < was and self._current_whole(was) and not self._current_whole(now):
            self.scrollTo(self.currentIndex())

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and plain
            and self.state() != self.State.EditingState
        ):
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)
