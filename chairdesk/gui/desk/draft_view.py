"""The draft in the centre: a list view over the draft model, drawing each row's rich text from a cache.

Each row's text is laid out once (a QTextDocument kept by its html and width) and reused until that row
changes, so committing one paragraph lays out one row; the paragraph number is drawn in a gutter, and
hovering it shows the former number.
"""

from __future__ import annotations

from collections import OrderedDict

from ..qt import (
    QAbstractItemView,
    QColor,
    QEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QListView,
    QModelIndex,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QPixmap,
    QPlainTextEdit,
    QPoint,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTextDocument,
    QToolTip,
    QWidget,
    Signal,
)
from .credits_later import CreditsLater
from .draft_model import HTML_ROLE, NUMBER_ROLE, PROPOSALS_TIP_ROLE, ROW_ROLE, SIZE_ROLE, DraftModel
from .draft_rows import Row
from .near_rows import NEAR_ROWS, NearRows  # noqa: F401  (NEAR_ROWS is also read from here)

BATCH_SIZE = 40  # rows a batch of a relayout lays out (one turn of the event loop); the first reaches the screen
FEW_UNMEASURED = 10  # near rows never measured that a row made current measures at once (see currentChanged)

PICTURE_BYTES = 32 * 1024 * 1024  # rows' drawn text kept: a few screens at 4 bytes a pixel, oldest dropped first
CACHE_SIZE = 6000  # laid-out rows kept at least; more on a longer document (see RowDelegate.document)


class RowDelegate(QStyledItemDelegate):
    """Paints a row: the number in a gutter, the rich text beside it; edits a paragraph in place."""

    edit_committed = Signal(str, str)  # paragraph id, new text (Ctrl+Enter in the in-place editor)
    edit_left = Signal(str, str)  # paragraph id, words: the in-place editor was left without a commit
    edit_cancelled = Signal(str)  # paragraph id: Esc in the in-place editor (its words are discarded)

    def __init__(self, view: DraftView) -> None:
        super().__init__(view)
        self.view = view
        self.font = QFont(view.font())
        self._docs: OrderedDict[tuple[str, int, int], QTextDocument] = OrderedDict()
        self._pictures: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._picture_bytes = 0  # what the kept pictures take (bounded by PICTURE_BYTES)
        self.drawn = 0  # rows' texts drawn into pictures since the start (tests read it)
        self.layouts = 0  # rows laid out since the start (the benchmark and tests read it)
        self.fonts = 0  # text sizes set since the start: a row's remembered size holds for one
        self._text_width: int | None = None  # see text_width
        # (width and size, characters a line, line height, a row's width) for the estimates
        self._metrics: tuple[tuple[int, int], int, int, int] | None = None
        self.active_editor: InPlaceEditor | None = None
        self.words_for = lambda _pid: None  # the words not committed for a paragraph (set by the window)

    # -------------------------------------------------------------- sizes
    def gutter(self) -> int:
        """Width of the number gutter."""
        return int(self.font.pointSizeF() * 4.2)

    def text_width(self) -> int:
        """Width available to a row's text (kept until the rows' area is resized or the text size changes:
        asked for every row each time the view lays its rows out, 12,000 on a long draft)."""
        if self._text_width is None:
            self._text_width = max(200, self.view.viewport().width() - self.gutter() - 24)
        return self._text_width

    def width_changed(self) -> None:
        """The rows' area was resized: the width available to the text is read again when next asked for."""
        self._text_width = None

    def set_font(self, font: QFont) -> None:
        """Use another text size (zoom); every row is laid out again as it is shown."""
        self.font = QFont(font)
        self.fonts += 1
        self._text_width = None
        self._docs.clear()
        self._pictures.clear()
        self._picture_bytes = 0

    def document(self, html: str) -> QTextDocument:
        """The laid-out text of a row (cached by html, width and text size)."""
        width = self.text_width()
        key = (html, width, int(self.font.pointSizeF() * 10))
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDefaultFont(self.font)
        doc.setDocumentMargin(4)
        doc.setHtml(html)
        doc.setTextWidth(width)
        self.layouts += 1
        self._docs[key] = doc
        model = self.view.model()
        rows = model.rowCount() if model is not None else 0
        # Every row and a quarter more (the texts of rows just changed): a cache smaller than the document
        # would lay every row out again on each relayout, since the rows are asked for in order.
        if len(self._docs) > max(CACHE_SIZE, rows + rows // 4):
            self._docs.popitem(last=False)
        return doc

    def picture(self, html: str) -> QPixmap:
        """A row's text drawn once (cached like its layout): repainting the rows on screen after a change
        copies the pictures of the rows that did not change instead of drawing their text again."""
        doc = self.document(html)
        ratio = self.view.devicePixelRatioF()
        key = (html, doc.textWidth(), int(self.font.pointSizeF() * 10), ratio)
        picture = self._pictures.get(key)
        if picture is not None:
            self._pictures.move_to_end(key)
            return picture
        size = doc.size()
        picture = QPixmap(max(1, int(size.width() * ratio)), max(1, int(size.height() * ratio)))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        doc.drawContents(painter)
        painter.end()
        self.drawn += 1
        self._pictures[key] = picture
        self._picture_bytes += picture.width() * picture.height() * 4
        while self._picture_bytes > PICTURE_BYTES and len(self._pictures) > 1:
            _, dropped = self._pictures.popitem(last=False)
            self._picture_bytes -= dropped.width() * dropped.height() * 4
        return picture

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        # The view sizes every row again after any change of the model (10,000 on a long draft): a row whose
        # words, width and size are those it was last measured with answers in one comparison.
        model = index.model()
        if isinstance(model, DraftModel):  # the model's own string, not a copy through Qt
            at = index.row()
            row = model.row_at(at)
            size = row.size if row is not None else None
            key = (self.text_width(), self.fonts)
            if size is not None and size[0] is row.html and row.id not in model.pending and size[1] == key:
                return size[2]  # (a ghost's or a tagged row's is sized by other words: measured below)
            if (
                row is not None
                and row.html is None
                and row.size is None
                and (abs(at - self.view.current_row()) > NEAR_ROWS or not self.view.near.exact(at))
            ):
                # Never drawn and not near the current row: its height is estimated from its words, so that
                # laying out the rows nobody has scrolled to computes no word diff; drawn, it is measured. The
                # rows around the current one are measured, so that what the chair reads never jumps.
                row.estimate = self._estimate(model, row, key)
                return row.estimate
            return self._measured(model, at, row, key=key)
        return self._measured(None, index.row(), None, index.data(SIZE_ROLE) or "")

    def _measured(
        self, model: DraftModel | None, at: int, row: Row | None, html: str = "", key: tuple[int, int] | None = None
    ) -> QSize:
        """A row's exact size (laid out; remembered by the row while its text, width and size hold; key: the
        text's width and size now, when the caller has them)."""
        if model is not None:
            html = model.size_html(at)
        key = key or (self.text_width(), self.fonts)
        if row is not None and row.size is not None and row.size[1] == key and row.size[0] == html:
            return row.size[2]
        doc = self.document(html)
        size = QSize(key[0] + self.gutter(), int(doc.size().height()) + 6)
        if row is not None:
            row.size = (html, key, size)
        return size

    def measure(self, at: int) -> tuple[int, bool]:
        """Measure a row of the view's model exactly: its height, and whether the view laid it out at another
        (its estimate)."""
        model = self.view.model()
        row = model.row_at(at) if isinstance(model, DraftModel) else None
        if row is None:
            return 0, False
        size = self._measured(model, at, row)
        return size.height(), row.estimate is not None and row.estimate != size

    # ----------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if self.view.near.filling:
            self.view.near.painted()  # the first rows are drawn: the other near rows are measured from now on
        row = index.data(ROW_ROLE)
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor("#dbe8fb"))
            painter.fillRect(QRect(rect.left(), rect.top(), 5, rect.height()), QColor("#1c58b5"))
        number = index.data(NUMBER_ROLE) or ""
        if number:
            painter.setFont(self.font)
            quiet = row is not None and (row.kind == "ghost" or row.status == "struck")
            painter.setPen(QColor("#8a8a8a") if quiet else option.palette.color(QPalette.ColorRole.Text))
            gutter = QRect(rect.left() + 8, rect.top() + 4, self.gutter() - 16, rect.height())
            flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            painter.drawText(gutter, int(flags), number)
        html = index.data(HTML_ROLE) or ""
        painter.drawPixmap(rect.left() + self.gutter(), rect.top() + 2, self.picture(html))
        painter.restore()
        estimate = row.estimate if row is not None else None
        if estimate is not None:  # drawn at its estimated height: measured now, laid out again if it differs
            row.estimate = None
            if self.sizeHint(option, index) != estimate:
                self.sizeHintChanged.emit(index)

    def _estimate(self, model: DraftModel, row: Row, key: tuple[int, int] | None = None) -> QSize:
        """A row's height from the length of its words (and its proposals'), before it is ever drawn (key:
        the text's width and size now, when the caller has them). Kept with the row for that width and size:
        the first layout of a long draft asks it of every row (12,000 at 10,000 paragraphs)."""
        key = key or (self.text_width(), self.fonts)
        guess = row.guess
        if guess is not None and guess[0] == key:  # the same row (a change makes its rows anew) at this width
            return guess[1]
        metrics = self._metrics
        if metrics is None or metrics[0] != key:
            font = QFontMetrics(self.font)
            per_line = max(20, key[0] // max(1, font.averageCharWidth()))
            metrics = self._metrics = (key, per_line, font.lineSpacing(), key[0] + self.gutter())
        _, per_line, spacing, width = metrics
        lines = 1
        if row.kind == "paragraph":
            para = model.session.draft.paragraphs.get(row.id)
            if para is not None:
                lines = -(-len(para.text) // per_line) + len(para.notes)
                for sub in para.subparagraphs:
                    lines += -(-len(sub.text) // per_line)
                for proposal in model.rows.pending_of(row.id):  # kept per paragraph: no scan of every proposal
                    lines += 2 + -(-len(proposal.text) // per_line)
                if row.status != "unchanged":
                    lines += 1
        elif row.kind == "section":
            lines = 2
        size = QSize(width, max(1, lines) * spacing + 14)
        row.guess = (key, size)
        return size

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: QModelIndex
    ) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if tip and event.pos().x() - option.rect.left() < self.gutter():
                QToolTip.showText(event.globalPos(), tip, view)
                return True
            full = index.data(PROPOSALS_TIP_ROLE)  # over the text: a proposal's full wording
            if full:
                QToolTip.showText(event.globalPos(), full, view)
                return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().helpEvent(event, view, option, index)

    # ------------------------------------------------------------ editing
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = InPlaceEditor(parent)
        editor.setFont(self.font)
        self.active_editor = editor
        editor.destroyed.connect(lambda _o=None: setattr(self, "active_editor", None))
        editor.committed.connect(lambda: self._commit(editor))
        editor.cancelled.connect(lambda: self._cancel(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        row = index.data(ROW_ROLE)
        model: DraftModel = index.model()  # type: ignore[assignment]
        para = model.session.draft.paragraphs[row.id]
        editor.paragraph_id = row.id  # type: ignore[attr-defined]
        words = self.words_for(row.id)
        editor.setPlainText(para.text if words is None else words)  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: ANN001, N802
        """Leaving the editor without Ctrl+Enter records nothing: its words are kept as not committed."""
        self.edit_left.emit(editor.paragraph_id, editor.toPlainText())  # type: ignore[attr-defined]

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        rect = QRect(option.rect)
        rect.setLeft(rect.left() + self.gutter())
        rect.setHeight(max(rect.height(), int(self.font.pointSizeF() * 6)))
        editor.setGeometry(rect)

    def commit_active(self) -> bool:
        """Commit the in-place editor if one is open (Ctrl+Enter reaches the window's action first)."""
        if self.active_editor is None or not self.active_editor.isVisible():
            return False
        self._commit(self.active_editor)
        return True

    def _cancel(self, editor: InPlaceEditor) -> None:
        self.active_editor = None
        paragraph_id = editor.paragraph_id
        self.closeEditor.emit(editor)
        self.edit_cancelled.emit(paragraph_id)

    def _commit(self, editor: InPlaceEditor) -> None:
        self.active_editor = None
        paragraph_id, text = editor.paragraph_id, editor.toPlainText()
        self.closeEditor.emit(editor)
        self.edit_committed.emit(paragraph_id, text)


class InPlaceEditor(QPlainTextEdit):
    """The in-place editor of a paragraph: Ctrl+Enter commits, Escape leaves it unchanged."""

    committed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paragraph_id = ""
        self.setFrameShape(QPlainTextEdit.Shape.Box)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.committed.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class DraftView(QListView):
    """The centre of the window: the draft with tracked changes, one row per paragraph or heading."""

    edit_requested = Signal()  # Enter on a paragraph: amend it in the editor pane

    def __init__(self, parent: QWidget | None = None, credits_later: bool = False) -> None:
        """credits_later: the rows drawn before the first paint say "changed by …" until it is done (the desk's
        start: the credit index reads the whole log)."""
        self.credits_later = credits_later
        self._current = QPersistentModelIndex()
        self._pending_scroll: tuple[QPersistentModelIndex, QAbstractItemView.ScrollHint] | None = None
        self._reach = -1  # the row the first batch of a relayout lays out down to (see _row_to_reach)
        self._shown: tuple[int, int, int] | None = None  # rows on screen at the last paint: first, last, of how many
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
        self._shown = None
        self.credits = CreditsLater(model) if self.credits_later and isinstance(model, DraftModel) else None
        if model is not None:
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
        # Laid out again in batches, the rows have no place until their batch: the scroll bar's range shrinks
        # meanwhile and the current row, in sight before, could end out of it. It is kept in sight as a row
        # made current is (the scroll is done once its batch is laid out).
        batched = self.layoutMode() == QListView.LayoutMode.Batched and self.isVisible()
        if batched and self._pending_scroll is None:
            current = self.currentIndex()
            if current.isValid() and self._in_sight(current):
                self._pending_scroll = (QPersistentModelIndex(current), QAbstractItemView.ScrollHint.EnsureVisible)
        if batched and self._shown is not None:  # (not before the first paint: the view may not have its size)
            self._measure_near_later()  # (a change made rows again: they are measured in this layout)
            self._reach = self._row_to_reach()
            self.setBatchSize(max(BATCH_SIZE, self._reach + 1))
        super().doItemsLayout()
        self._batch_done()
        self._scroll_when_laid_out()

    def lay_out_now(self) -> None:
        """Lay the rows out now if a change asked for it (down to the rows on screen, the others in batches):
        the paint that follows the change shows them at their places, not a white page until the layout."""
        self.executeDelayedItemsLayout()

    # A relayout in batches starts again from the first row, and a row has no place, and is not drawn, until
    # its batch: the chair reading paragraph 1,500 saw a white page for 70 turns of the event loop after each
    # change (300 at 10,000 paragraphs). So the first batch reaches the rows that were on screen, or the row
    # to be shown; the others follow in batches of BATCH_SIZE.
    def paintEvent(self, event) -> None:  # noqa: ANN001, N802
        super().paintEvent(event)
        top, bottom = self.indexAt(QPoint(1, 1)), self.indexAt(QPoint(1, self.viewport().height() - 1))
        model = self.model()
        if top.isValid() and model is not None:  # (a short draft ends above the bottom: its last row)
            self._shown = (top.row(), bottom.row() if bottom.isValid() else model.rowCount() - 1, model.rowCount())

    def _row_to_reach(self) -> int:
        """The last row that must have its place for the view to show what it showed at its last paint (its
        rows' places are gone by now: a change of rows clears them), or the row it is to show (-1: none)."""
        model = self.model()
        if model is None:
            return -1
        screen = self.viewport().height() // 16  # rows a screen holds at most (short rows)
        rows = []
        if self._shown is not None:
            _first, last, count = self._shown
            rows.append(last + abs(model.rowCount() - count) + screen)  # rows put in or taken out above
        if self._pending_scroll is not None and self._pending_scroll[0].isValid():
            rows.append(self._pending_scroll[0].row() + screen)
        return min(max(rows), model.rowCount() - 1) if rows else -1

    def _batch_done(self) -> None:
        """After a batch: once the row to reach has its place, the next batches are BATCH_SIZE rows (a batch
        is not laid out at once when one is under way: then the next one reaches it)."""
        model = self.model()
        if self._reach >= 0 and model is not None:
            target = model.index(min(self._reach, model.rowCount() - 1), 0)
            if target.isValid() and not self.visualRect(target).isValid():
                return
        self._reach = -1
        self.setBatchSize(BATCH_SIZE)

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
        if self._reach >= 0:
            self._batch_done()
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
