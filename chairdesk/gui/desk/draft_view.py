"""The draft in the centre: a list view over the draft model, one row per paragraph or heading, drawn by
RowDelegate (row_delegate.py) from its cache of laid-out rows; the paragraph number is drawn in a gutter, and
hovering it shows the former number.

Its rows are laid out in batches between events (a long draft opens at once), the first batch reaching the
rows on screen; the rows near the current one are measured exactly, the others estimated until drawn.
"""

from __future__ import annotations

from ..qt import (
    QAbstractItemView,
    QEvent,
    QFont,
    QListView,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
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

BATCH_SIZE = 40  # rows a batch lays out in one turn of the event loop (a view not shown yet)
FEW_UNMEASURED = 10  # near rows never measured that a row made current measures at once (see currentChanged)


class DraftView(QListView):
    """The centre of the window: the draft with tracked changes, one row per paragraph or heading."""

    edit_requested = Signal()  # Enter on a paragraph: amend it in the editor pane

    def __init__(self, parent: QWidget | None = None, credits_later: bool = False) -> None:
        """credits_later: the rows drawn before the first paint say "changed by …" until it is done (the desk's
        start: the credit index reads the whole log)."""
        self.credits_later = credits_later
        self._current = QPersistentModelIndex()
        self._pending_scroll: tuple[QPersistentModelIndex, QAbstractItemView.ScrollHint] | None = None
        self.relayouts = 0  # times the rows were laid out again (tests read it)
        self._opening = False  # a model was set and its near rows are not measured yet (see doItemsLayout)
        self._relayout_queued = False  # see relayout_later
        super().__init__(parent)
        self.setObjectName("draftView")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(BATCH_SIZE)
        self.setWordWrap(True)
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
        self.setStyleSheet("QListView#draftView { background: #ffffff; border: none; }")
        self.verticalScrollBar().actionTriggered.connect(self._user_scrolled)

    def setModel(self, model) -> None:  # noqa: ANN001, N802
        """Show a model: its first screens are measured once on screen, its other near rows after that."""
        super().setModel(model)
        self.row_delegate.rows_model = model if isinstance(model, DraftModel) else None
        self.credits = CreditsLater(model) if self.credits_later and isinstance(model, DraftModel) else None
        if model is not None:
            self._opening = True  # until the near rows are measured (near_done)
            self.near.start()
            if self.isVisible():
                self._lay_out_at_once()

    def _lay_out_at_once(self) -> None:
        """While a session opens on screen, the rows are laid out at once: a view laying its rows out in
        batches draws none until the last batch; the rows far from the current one are estimated, so this
        costs little (in batches again once the near rows are measured: near_done). Before the view is
        shown it stays in batches: nothing is measured then, and a scroll lays out only the rows it needs."""
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.scheduleDelayedItemsLayout()  # one layout, at the first paint, at the size the view has then

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self.near.filling and self.layoutMode() != QListView.LayoutMode.SinglePass:
            self._lay_out_at_once()

    def credits_step(self) -> bool:
        """After the first paint, read the credits a part at a time, before the near rows are measured (the
        rows drawn without them are made again once the near rows are: near_done). True while this step
        was used for them."""
        return self.credits is not None and self.credits.held and self.credits.read_more()

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
        adoption lapsing proposals): a screen either side is measured now, the others a few at a time after
        the paint, as when a session opens. Measuring all 120 in the relayout took turns of 0.1-0.2 s."""
        current = self._current
        if current.isValid() and not self.near.filling and self._unmeasured_near(current.row()) > FEW_UNMEASURED:
            self.near.start()

    def _unmeasured_near(self, at: int) -> int:
        """How many rows within NEAR_ROWS of row `at` were never measured at the rows' width and text size."""
        model = self.model()
        if not isinstance(model, DraftModel):
            return 0
        key = (self.row_delegate.text_width(), self.row_delegate.fonts)
        near = model.rows.rows[max(0, at - NEAR_ROWS) : at + NEAR_ROWS + 1]
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
        by …") are made again, and the rows laid out again once if any changed, keeping the row the chair
        reads in place; in batches from now on."""
        self._opening = False
        place = self.reading_place()  # before the rows change (the view lays them out again then)
        if self.credits is not None and self.credits.held and self.credits.release():
            changed = True
        if changed:
            self.relayout_keeping_place(place)
        self.setLayoutMode(QListView.LayoutMode.Batched)

    def relayout_keeping_place(self, place: tuple[QPersistentModelIndex, int] | None = None) -> None:
        """Lay the rows out again (their heights changed), keeping the row the chair reads (`reading_place`,
        taken now unless given) where it stands on screen."""
        model = self.model()
        if isinstance(model, DraftModel):
            for row in model.rows.rows:  # measured since: laid out at their measured height now
                if row.size is not None:
                    row.estimate = None
        if place is None:
            place = self.reading_place()
        # At once, not in batches: a view laying its rows out in batches draws none until the last batch.
        mode = self.layoutMode()
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.doItemsLayout()
        self.setLayoutMode(mode)
        if self._pending_scroll is not None:  # a row is still to be shown: that scroll wins
            return
        if place is not None and place[0].isValid() and model is not None:
            moved = self.visualRect(model.index(place[0].row(), 0)).top() - place[1]
            if moved:
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() + moved)

    def set_text_font(self, font: QFont) -> None:
        """Zoom: lay the rows out again at another text size."""
        self.row_delegate.set_font(font)
        self.scheduleDelayedItemsLayout()
        if self.currentIndex().isValid():  # the row being read stays in sight at the new size
            self.scrollTo(self.currentIndex())

    # The rows are laid out in batches (a long draft opens at once), so a row far down may have no place yet
    # when it is made current: the scroll is kept and done as soon as the batch holding that row is laid out.
    def scrollTo(  # noqa: N802
        self,
        index: QModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Show a row, now or once it is laid out (a view not shown yet lays nothing out for it)."""
        if not self.isVisible():
            self._pending_scroll = (QPersistentModelIndex(index), hint) if index.isValid() else None
            return
        super().scrollTo(index, hint)
        self._pending_scroll = None
        if index.isValid() and not self._in_sight(index):
            self._pending_scroll = (QPersistentModelIndex(index), hint)

    def _in_sight(self, index: QModelIndex) -> bool:
        rect = self.visualRect(index)
        return rect.isValid() and self.viewport().rect().intersects(rect)

    def _scroll_when_laid_out(self) -> None:
        if self._pending_scroll is None:
            return
        target, hint = self._pending_scroll
        if not target.isValid() or self.model() is None:
            self._pending_scroll = None
            return
        index = self.model().index(target.row(), 0)
        if self.visualRect(index).isValid():
            super().scrollTo(index, hint)
            if self._in_sight(index):
                self._pending_scroll = None

    def doItemsLayout(self) -> None:  # noqa: N802
        # A view laying its rows out in batches draws none of them until the last batch (QListView makes the
        # rows' run, which finds the rows to draw, at the end): each change of rows, or of a row's height,
        # made the draft a white page for 70 turns of the event loop at 2,000 paragraphs (300 at 10,000),
        # near the top as far down. On screen, the rows are laid out at once: the old text stays up until the
        # new one is drawn. Batches are kept for a view not shown yet (nothing is measured then), and while
        # a session opens (the first layout is in one pass, at the first paint; the window's docks then
        # resize the view a few times before the near rows are measured: one pass each cost the start 0.1 s
        # at 10,000 paragraphs).
        self.relayouts += 1
        if self.isVisible() and not self._opening and self.layoutMode() == QListView.LayoutMode.Batched:
            self._measure_near_later()  # (a change made rows again: they would be measured in this layout)
            self.setLayoutMode(QListView.LayoutMode.SinglePass)
            try:
                super().doItemsLayout()
            finally:
                self.setLayoutMode(QListView.LayoutMode.Batched)
        else:
            super().doItemsLayout()
        self._scroll_when_laid_out()

    def relayout_later(self) -> None:
        """Lay the rows out again at the next turn of the event loop (after this paint), once however often
        this is asked before then (rows drawn at their estimated heights, measured as they are drawn)."""
        if not self._relayout_queued:
            self._relayout_queued = True
            QTimer.singleShot(0, self, self._relayout_queued_now)

    def _relayout_queued_now(self) -> None:
        self._relayout_queued = False
        self.scheduleDelayedItemsLayout()
        self.executeDelayedItemsLayout()

    def lay_out_now(self) -> None:
        """Lay the rows out now if a change asked for it: the paint that follows the change then draws them at
        their places (a change of rows takes their places away until the layout, which Qt runs from a timer
        after the paint: a white page for a frame)."""
        self.executeDelayedItemsLayout()

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:  # noqa: ANN001, B006, N802
        # QListView lays every row out again after any change of data (in batches, then draws the rows
        # again): the current row drawn again at the height it is laid out at (an amendment that wraps to as
        # many lines) only needs drawing again. Only the current row: measuring a row renders it (an
        # adoption changes hundreds, drawn when scrolled to), and a layout another row asked for would run.
        if top_left == bottom_right and top_left.row() == self.current_row() and self._laid_out_height(top_left):
            QAbstractItemView.dataChanged(self, top_left, bottom_right, roles)
            return
        super().dataChanged(top_left, bottom_right, roles)

    def _laid_out_height(self, index: QModelIndex) -> bool:
        """Whether the row at index, as it is now, has the height the view laid it out at: the distance to the
        next row's top (a row's own rect has the height its size hint gives now; the last row: not known)."""
        after = index.sibling(index.row() + 1, 0)
        if not after.isValid():
            return False
        top, next_top = self.visualRect(index), self.visualRect(after)
        if not (top.isValid() and next_top.isValid()):
            return False
        return self.row_delegate.sizeHint(QStyleOptionViewItem(), index).height() == next_top.top() - top.top()

    def timerEvent(self, event) -> None:  # noqa: ANN001, N802
        super().timerEvent(event)
        self._scroll_when_laid_out()

    def updateGeometries(self) -> None:  # noqa: N802
        super().updateGeometries()
        self._scroll_when_laid_out()

    def _user_scrolled(self, _action: int) -> None:
        self._pending_scroll = None  # the chair scrolled away: do not pull the view back later

    def wheelEvent(self, event) -> None:  # noqa: ANN001, N802
        self._pending_scroll = None
        super().wheelEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def viewportEvent(self, event) -> bool:  # noqa: ANN001, N802
        if event.type() == QEvent.Type.Resize:  # (a scroll bar shown or hidden resizes the rows' area alone)
            self.row_delegate.width_changed()
        return super().viewportEvent(event)

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
